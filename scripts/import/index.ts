/**
 * Regenerate the built-in gazetteer (`gazetteers/*.jsonl`, all but `organizations.jsonl`) from the
 * source data described in `gazetteers/README.md`.
 *
 *   npx tsx scripts/import/index.ts [--sources DIR] [--out DIR]
 *
 * `--sources` defaults to `../shared/data/gazetteer-sources`, `--out` to `gazetteers`. The output is
 * a pure function of the sources and this code: running it twice writes the same bytes.
 */
import { readFileSync, existsSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatEntries, parseEntries } from '../../src/gazetteer/jsonl.js';
import type { GazetteerEntry } from '../../src/gazetteer/types.js';
import { buildCountries, CLDR_LOCALES, ISO_CODES_LOCALES } from './countries.js';
import { buildParties } from './parties.js';
import { buildPlaces, buildWorldCities, CENTRAL_ASIA, WOF_NEIGHBOURS, type Overrides } from './places.js';
import {
  readAdmin1, readAdmin2, readCities15000, readCities500Focus, readCldrTerritories, readCountryInfo, readI18nCountries,
  readIso3166Db, readIsoCatalogues, readIsoCountries, readIsoSubdivisions, readLocalizedNames, readPartyFacts, readWof,
} from './sources.js';
import { PIPELINE_LANGS } from './names.js';
import { cleanEntryNames, wellKnownCanonicals, type JunkReason } from './junk.js';
import { isCommonEnglish } from '../../src/normalize/rules.js';

/** World cities (outside the focus countries) are kept from this population up; see gazetteers/README.md. */
export const WORLD_CITY_MIN_POPULATION = 100_000;
/**
 * The former Soviet countries that neither WhoseOnFirst nor the cities500 extract covers: their
 * towns are kept from this population up (all of cities15000), as news of the region names them
 * (`Kapan`, `Shusha`, `Mozyr`).
 */
export const POST_SOVIET_WORLD = new Set(['UA', 'BY', 'MD', 'AZ', 'AM', 'GE']);
export const POST_SOVIET_CITY_MIN_POPULATION = 15_000;
/**
 * Countries whose towns are kept from `POST_SOVIET_CITY_MIN_POPULATION` up, as for the former
 * Soviet countries above: Mongolia too, which the normalizer covers in depth (`Darkhan`, `Khovd`)
 * and no other place source covers town by town.
 */
export const TOWNS_FROM_CITIES15000 = new Set([...POST_SOVIET_WORLD, 'MN']);

const HERE = dirname(fileURLToPath(import.meta.url));

/** Gazetteer files written by hand (never by this script), read for the ids and names they claim. */
export const CURATED_FILES = ['organizations.jsonl', 'geography.jsonl', 'places-curated.jsonl'] as const;

/** The overrides that name entries whose names they change (each must name an imported entry). */
const NAME_OVERRIDES = ['englishNames', 'dropNames', 'variantNames', 'historicNames', 'russianNames'] as const;

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

function main(): void {
  let values: { sources?: string; out?: string };
  try {
    ({ values } = parseArgs({
      options: { sources: { type: 'string', default: '../shared/data/gazetteer-sources' }, out: { type: 'string', default: 'gazetteers' } },
    }));
  } catch (error) {
    process.stderr.write(`import: ${(error as Error).message}\nusage: npx tsx scripts/import/index.ts [--sources DIR] [--out DIR]\n`);
    process.exit(2);
  }
  const sources = values.sources!;
  const out = values.out!;
  if (!existsSync(join(sources, 'whosonfirst-admin'))) {
    process.stderr.write(`import: no gazetteer sources in '${sources}' (use --sources DIR)\n`);
    process.exit(2);
  }
  const started = performance.now();
  const overrides = JSON.parse(readFileSync(join(HERE, 'overrides.json'), 'utf8')) as Overrides;

  const localized = readLocalizedNames(sources);
  const cities15000 = readCities15000(sources);
  const wof = new Map([...CENTRAL_ASIA, ...WOF_NEIGHBOURS].map((cc) => [cc, readWof(sources, cc)]));
  const places = buildPlaces({
    wof, cities15000, cities500Focus: readCities500Focus(sources), admin1: readAdmin1(sources), admin2: readAdmin2(sources),
    localized, isoSubdivisions: readIsoSubdivisions(sources), iso3166Db: readIso3166Db(sources), overrides,
  });

  const countries = buildCountries({
    iso: readIsoCountries(sources), world: JSON.parse(readFileSync(join(sources, 'world-countries', 'countries.json'), 'utf8')),
    cldr: readCldrTerritories(sources, CLDR_LOCALES), i18n: readI18nCountries(sources, PIPELINE_LANGS),
    isoCatalogues: new Map([...readIsoCatalogues(sources, 'iso_3166-1')].filter(([locale]) => (ISO_CODES_LOCALES as readonly string[]).includes(locale))),
    localized, countryInfo: readCountryInfo(sources), wofCountries: places.wofCountries,
  });
  const countryIds = new Set(countries.map((c) => c.id));

  const focusCountries = new Set<string>([...CENTRAL_ASIA, ...WOF_NEIGHBOURS, 'RU']);
  const world = [
    ...buildWorldCities(cities15000, localized, WORLD_CITY_MIN_POPULATION,
      (p) => focusCountries.has(p.country) || TOWNS_FROM_CITIES15000.has(p.country) || (p.country === 'CN' && p.admin1 === '13')),
    ...buildWorldCities(cities15000, localized, POST_SOVIET_CITY_MIN_POPULATION, (p) => !TOWNS_FROM_CITIES15000.has(p.country)),
  ];

  const { parties, wikidata } = readPartyFacts(sources);
  const partyEntries = buildParties(parties, wikidata);

  const applyOverrides = (entries: GazetteerEntry[]): GazetteerEntry[] =>
    unclaimed(entries).map((entry) => {
      const canonical = overrides.canonical[entry.id];
      const withName = canonical ? { ...entry, name: canonical } : entry;
      // A parent must exist in the built-in gazetteer (GeoNames knows a few codes ISO does not list).
      if (withName.parent?.startsWith('country:') && !countryIds.has(withName.parent)) {
        const { parent: _dropped, ...rest } = withName;
        return rest;
      }
      return withName;
    });

  // The curated files (organizations.jsonl, geography.jsonl, written by hand) win: an imported
  // entry whose id a curated entry lists in `merged` (or whose Party Facts id it carries) is left
  // out, so the id resolves to the curated entry instead of being a second live entry for the same party.
  const claimed = new Set<string>();
  const curated: GazetteerEntry[] = [];
  for (const file of CURATED_FILES) {
    const curatedPath = join(out, file);
    if (!existsSync(curatedPath)) continue;
    for (const entry of parseEntries(readFileSync(curatedPath, 'utf8'), curatedPath)) {
      curated.push(entry);
      for (const id of entry.merged ?? []) claimed.add(id);
      if (entry.ids?.partyfacts) claimed.add(`partyfacts:${entry.ids.partyfacts}`);
    }
  }
  const unclaimed = (entries: GazetteerEntry[]): GazetteerEntry[] => {
    const kept = entries.filter((entry) => !claimed.has(entry.id));
    if (kept.length < entries.length) places.stats['left to organizations.jsonl'] = (places.stats['left to organizations.jsonl'] ?? 0) + entries.length - kept.length;
    return kept;
  };

  const centralAsia = new Set<string>(CENTRAL_ASIA);
  const files: Record<string, GazetteerEntry[]> = {
    'countries.jsonl': applyOverrides(countries),
    'places-central-asia.jsonl': applyOverrides(places.entries.filter((e) => centralAsia.has(e.country!))),
    'places-neighbours.jsonl': applyOverrides(places.entries.filter((e) => !centralAsia.has(e.country!))),
    'cities-world.jsonl': applyOverrides(world),
    'parties.jsonl': applyOverrides(partyEntries),
  };

  // Junk names (scripts/import/junk.ts) go, the hand-listed English names come in; the rules
  // need every entry's canonical name first.
  const wellKnown = wellKnownCanonicals(Object.values(files).flat(), curated);
  const junkCounts: Partial<Record<JunkReason, number>> = {};
  const junkContext = {
    isCommonEnglish,
    wellKnown,
    dropNames: overrides.dropNames ?? {},
    genericWords: new Set(overrides.genericWords ?? []),
    variantNames: overrides.variantNames ?? {},
    historicNames: overrides.historicNames ?? {},
    russianNames: overrides.russianNames ?? {},
  };
  const seenOverrideIds = new Set<string>();
  for (const [file, entries] of Object.entries(files)) {
    files[file] = entries.map((entry) => {
      if (NAME_OVERRIDES.some((key) => overrides[key]?.[entry.id])) seenOverrideIds.add(entry.id);
      return cleanEntryNames(entry, junkContext, overrides.englishNames?.[entry.id], junkCounts);
    });
  }
  // A hand override for an id the sources no longer have is a mistake to fix, not to ignore.
  const stale = NAME_OVERRIDES.flatMap((key) => Object.keys(overrides[key] ?? {})).filter((id) => !id.startsWith('$') && !seenOverrideIds.has(id));
  if (stale.length > 0) throw new Error(`overrides.json names ids that are not imported: ${[...new Set(stale)].join(', ')}`);

  mkdirSync(out, { recursive: true });
  for (const [file, entries] of Object.entries(files)) {
    const text = formatEntries(entries);
    writeAtomically(join(out, file), text);
    const kinds = new Map<string, number>();
    for (const entry of entries) kinds.set(entry.kind, (kinds.get(entry.kind) ?? 0) + 1);
    const summary = [...kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ');
    process.stdout.write(`${file}: ${entries.length} entries (${summary}), ${Buffer.byteLength(text)} bytes\n`);
  }
  for (const [reason, count] of Object.entries(junkCounts).sort(([a], [b]) => (a < b ? -1 : 1))) places.stats[`names dropped (${reason})`] = count;
  for (const [key, value] of Object.entries(places.stats).sort(([a], [b]) => (a < b ? -1 : 1))) process.stdout.write(`  ${key}: ${value}\n`);
  process.stdout.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`import: ${(error as Error).message}\n`);
  process.exit(1);
}
