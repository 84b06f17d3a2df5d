/**
 * Places: Who's On First records (regions, counties, localities) merged with GeoNames
 * (cities15000, cities500 focus extract, admin codes, localized names), iso-codes and iso3166-2-db
 * subdivision names. One entry per real place: WOF records win; GeoNames places that WOF
 * already has (`gn:id` concordance) only contribute names and population.
 */
import type { EntityKind, EntryName, GazetteerEntry } from '../../src/gazetteer/types.js';
import { transliterate } from '../../src/gazetteer/romanize/index.js';
import {
  cleanText, makeName, mergeNames, parseWofNameKey, pickCanonical, pipelineLang,
} from './names.js';
import type { AdminCode, GeoNamesPlace, Iso3166DbCountry, IsoSubdivision, WofRecord } from './sources.js';

/** The five republics: every WOF record is imported (villages included). */
export const CENTRAL_ASIA = ['UZ', 'KG', 'TJ', 'KZ', 'TM'] as const;
/** Neighbours with WOF data (regions, districts, notable localities). */
export const WOF_NEIGHBOURS = ['AF', 'IR', 'PK'] as const;

/**
 * Countries whose first-level regions come from GeoNames (no WOF data): Russia, and the other
 * former Soviet states whose regions Russian-language news names in Russian forms
 * (`Kharkovskoy oblasti`, `Syunikskaya oblast`). Not Azerbaijan and Moldova: their first-level
 * units are some seventy districts named like their towns, whose foreign spellings read as other
 * words (`Sousa`, a Portuguese surname, is a French spelling of Shusha).
 */
export const ADMIN1_COUNTRIES: ReadonlySet<string> = new Set(['RU', 'UA', 'BY', 'GE', 'AM']);

/** A Russian adjective written as a district's name (`Merkenskiy`, `Kazalinskiy`, `Maktaaral'skiy`). */
const RUSSIAN_ADJECTIVE_NAME = /sk(?:iy|ij|ii|y|oy|aya)$/u;

/** Countries whose canonical names come from Russian-based transliteration (an apostrophe there is a soft sign). */
const SOFT_SIGN_COUNTRIES: ReadonlySet<string> = new Set(['RU', 'UA', 'BY']);

/** A name without the apostrophes that stand for a soft sign (`Kamen'-na-Obi` → `Kamen-na-Obi`). */
export function dropSoftSigns(name: string): string {
  return name.replace(/(?<=\p{L})['’ʹ](?=\p{L}|-|\s|$)/gu, '');
}

/** Languages a place's own names are written in, ranked first when names collide. */
export const NATIVE_LANGS: Readonly<Record<string, readonly string[]>> = {
  UZ: ['uz'], KG: ['ky', 'ru'], KZ: ['kk', 'ru'], TJ: ['tg'], TM: ['tk'], AF: ['ps', 'fa'], IR: ['fa'], PK: [],
  RU: ['ru'], CN: ['zh'],
};

/** Population at or above which a populated place is a city, and at or above which it is a town. */
export const CITY_POPULATION = 100_000;
export const TOWN_POPULATION = 10_000;

/**
 * The kind of a populated place: capitals and first-level seats (GeoNames PPLC, PPLA) and places
 * of 100,000 or more are cities; second-level seats (PPLA2) and places of 10,000 or more are towns;
 * everything else is a village.
 */
export function localityKind(population: number, featureCode = ''): EntityKind {
  // GeoNames PPLX: a section of a city (Chilanzar in Tashkent, Biryulevo in Moscow): a city district.
  if (featureCode === 'PPLX') return 'district';
  if (population >= CITY_POPULATION || featureCode === 'PPLC' || featureCode === 'PPLA') return 'city';
  if (population >= TOWN_POPULATION || featureCode === 'PPLA2') return 'town';
  return 'village';
}

/** A country with at least this many WOF counties takes its districts from WOF only. */
const MIN_WOF_COUNTIES = 5;

/**
 * Villages of the WOF neighbours (AF IR PK) are kept only when notable: a Wikidata item or a
 * known population of at least this much (WOF lists ~25,000 further unnamed-in-English hamlets there).
 */
export const NEIGHBOUR_VILLAGE_MIN_POPULATION = 1_000;

/** Generic words that GeoNames and ISO attach to district names (Uzbek, Russian, Tajik, Turkmen, Pashto romanized). */
const DISTRICT_WORDS = /\s+(?:tumani|rayon|rayoni|raioni|nohiyai|nohiya|district|etraby|etrapy|wuleswali|woluswali|ole?swali)$/iu;
const DISTRICT_PREFIX = /^(?:rayon|district|nohiyai)\s+/iu;

/**
 * English form of a GeoNames district name: the generic word removed and `District` appended
 * (`Sherobod Tumani` → `Sherobod District`, `Shurchinskiy Rayon` → `Shurchinskiy District`).
 */
export function districtName(name: string): string {
  const base = cleanText(name).replace(DISTRICT_WORDS, '').replace(DISTRICT_PREFIX, '');
  return `${base} District`;
}

/** Whether an admin2 name is a city administered as a district (`Termiz Shahri`), which the city entry covers. */
export function isCityDistrict(name: string): boolean {
  return /\s(?:shahri|shakhri|shahar|shaary|shäheri|city|gorod|qalasy|kalasy)$/iu.test(cleanText(name)) || /^gorod\s/iu.test(name);
}

/** A locality's name without the generic word for "city" or "township" that Uzbek sources append (`Denov Shahri`). */
export function localityCanonical(name: string | undefined): string | undefined {
  return name === undefined ? undefined : cleanText(name).replace(/\s+(?:shahri|shahar|shakhri|shaharchasi)$/iu, '');
}

/** GeoNames feature codes of places that no longer exist or are not places (historical, abandoned, destroyed). */
const DEAD_FEATURE_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

/** Everything the place importer reads. */
export interface PlaceSources {
  wof: Map<string, WofRecord[]>;
  cities15000: GeoNamesPlace[];
  cities500Focus: GeoNamesPlace[];
  admin1: AdminCode[];
  admin2: AdminCode[];
  localized: Map<string, Array<[string, string]>>;
  isoSubdivisions: IsoSubdivision[];
  iso3166Db: Record<string, Iso3166DbCountry>;
  overrides: Overrides;
}

export interface Overrides {
  canonical: Record<string, string>;
  merge: Record<string, string>;
  skip: string[];
  /** English press spellings added as `en` preferred names (kept as written by the normalizer). */
  englishNames?: Record<string, string[]>;
  /** Source names no junk rule catches, dropped by hand (scripts/import/junk.ts). */
  dropNames?: Record<string, string[]>;
  /** Names the sources mark preferred that are old spellings, turned into variants (normalized). */
  variantNames?: Record<string, string[]>;
  /** Names the sources mark current that are former names, turned into historic names (held). */
  historicNames?: Record<string, string[]>;
  /** Russian names the sources lack (`Синьцзян`), added as `ru` preferred names: the normalizer romanizes them. */
  russianNames?: Record<string, string[]>;
  /** Lower-case generic words (`city` in other languages) that end junk names in non-Latin scripts. */
  genericWords?: string[];
}

/** A place being assembled; becomes a GazetteerEntry at the end. */
interface Draft {
  id: string;
  kind: EntityKind;
  country: string;
  canonicalCandidates: Array<string | undefined>;
  names: Array<EntryName | undefined>;
  population: number;
  ids: Record<string, string>;
  sources: Set<string>;
  merged: string[];
  /** Candidate parents, nearest first (ids before merges are resolved). */
  parents: string[];
  /** GeoNames feature code where known. */
  featureCode: string;
  wofPlacetype?: string;
  /** WOF `wof:name`, for WOF records. */
  wofName?: string;
}

/** Names of a GeoNames place: its name, ASCII name and alternate names (language unknown). */
function geoNamesNames(place: GeoNamesPlace): Array<EntryName | undefined> {
  return [
    makeName(place.name, 'und', 'preferred', 'geonames'),
    makeName(place.asciiName, 'und', 'variant', 'geonames'),
    ...place.alternateNames.map((alt) => makeName(alt, 'und', 'variant', 'geonames')),
  ];
}

/** Localized names (per locale) of a GeoNames key, pipeline languages only. */
function localizedNames(list: Array<[string, string]> | undefined): Array<EntryName | undefined> {
  const out: Array<EntryName | undefined> = [];
  for (const [locale, text] of list ?? []) {
    const lang = pipelineLang(locale);
    if (lang) out.push(makeName(text, lang, 'preferred', 'geonames'));
  }
  return out;
}

function localizedEnglish(list: Array<[string, string]> | undefined): string | undefined {
  return list?.find(([locale]) => locale === 'en')?.[1];
}

/** The names of a WOF record in pipeline languages (plus `und` Latin/Cyrillic variants). */
export function wofNames(record: Pick<WofRecord, 'names'>): Array<EntryName | undefined> {
  const out: Array<EntryName | undefined> = [];
  for (const key of Object.keys(record.names).sort()) {
    const parsed = parseWofNameKey(key);
    if (!parsed) continue;
    for (const text of record.names[key] ?? []) out.push(makeName(text, parsed.lang, parsed.type, 'wof'));
  }
  return out;
}

/** A WOF record is imported when it is current or unknown, not deprecated and not superseded. */
export function isLiveWofRecord(record: Pick<WofRecord, 'is_current' | 'deprecated' | 'superseded_by'>): boolean {
  return record.is_current !== 0 && !record.deprecated && record.superseded_by.length === 0;
}

const WOF_KINDS: Readonly<Record<string, EntityKind>> = { region: 'region', county: 'district', locality: 'village' };

/** Build every place entry; returns entries plus the WOF country records (for the country importer). */
export function buildPlaces(src: PlaceSources): { entries: GazetteerEntry[]; wofCountries: WofRecord[]; stats: Record<string, number> } {
  const stats: Record<string, number> = {};
  const count = (key: string) => (stats[key] = (stats[key] ?? 0) + 1);

  // GeoNames places by id: cities15000 (2025) wins over the 2023 cities500 extract; alternate names are united.
  const geonames = new Map<string, GeoNamesPlace>();
  for (const place of src.cities500Focus) geonames.set(place.id, place);
  for (const place of src.cities15000) {
    const older = geonames.get(place.id);
    geonames.set(place.id, older ? { ...place, alternateNames: [...place.alternateNames, ...older.alternateNames] } : place);
  }
  const admin1ById = new Map(src.admin1.map((a) => [a.id, a]));
  const admin2ById = new Map(src.admin2.map((a) => [a.id, a]));
  const isoSubdivisionByCode = new Map(src.isoSubdivisions.map((s) => [s.code, s]));
  const dbRegionByGeonames = new Map<string, { country: string; region: Iso3166DbCountry['regions'][number] }>();
  for (const [country, data] of Object.entries(src.iso3166Db)) {
    for (const region of data.regions) {
      if (region.reference.geonames !== undefined) dbRegionByGeonames.set(String(region.reference.geonames), { country, region });
    }
  }

  const drafts = new Map<string, Draft>();
  const wofCountries: WofRecord[] = [];
  const claimedGeonames = new Set<string>();
  const countryId = (cc: string) => `country:${cc.toLowerCase()}`;

  // Region-level names from iso3166-2-db and iso-codes, for a region's GeoNames (admin1) id.
  const regionExtras = (gn: string | undefined, country: string, wofIso?: string): { names: Array<EntryName | undefined>; iso?: string; english?: string } => {
    const names: Array<EntryName | undefined> = [];
    const db = gn ? dbRegionByGeonames.get(gn) : undefined;
    let iso = wofIso;
    let english: string | undefined;
    if (db && db.country === country) {
      iso = `${country}-${db.region.iso}`;
      english = db.region.names.en;
      for (const [locale, text] of Object.entries(db.region.names).sort()) {
        const lang = pipelineLang(locale);
        if (lang) names.push(makeName(text, lang, 'preferred', 'iso3166-2-db'));
      }
    }
    const subdivision = iso ? isoSubdivisionByCode.get(iso) : undefined;
    if (subdivision) names.push(makeName(subdivision.name, 'und', 'official', 'iso-codes'));
    else iso = undefined;
    const admin1 = gn ? admin1ById.get(gn) : undefined;
    if (admin1) {
      names.push(makeName(admin1.name, 'und', 'variant', 'geonames'), ...localizedNames(src.localized.get(admin1.code)));
    }
    return { names, ...(iso ? { iso } : {}), ...(english ? { english } : {}) };
  };

  // 1. Who's On First records.
  for (const [fileCountry, records] of [...src.wof.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const record of records) {
      if (record.placetype === 'country') {
        if (isLiveWofRecord(record) && record.country === fileCountry) wofCountries.push(record);
        continue;
      }
      const baseKind = WOF_KINDS[record.placetype];
      if (!baseKind) {
        count(`skipped wof ${record.placetype}`);
        continue;
      }
      if (!isLiveWofRecord(record) || record.country !== fileCountry || src.overrides.skip.includes(`wof:${record.id}`)) {
        count('skipped wof not current');
        continue;
      }
      const id = `wof:${record.id}`;
      const gn = record.concordances['gn:id'] !== undefined ? String(record.concordances['gn:id']) : undefined;
      const wd = record.concordances['wd:id'] !== undefined ? String(record.concordances['wd:id']) : undefined;
      const place = gn ? geonames.get(gn) : undefined;
      const localizedList = gn ? src.localized.get(gn) : undefined;
      const ids: Record<string, string> = { wof: String(record.id) };
      if (gn) ids.geonames = gn;
      if (wd) ids.wikidata = wd;
      const names = wofNames(record);
      names.push(makeName(record.name, 'und', 'preferred', 'wof'));
      const sources = new Set(['wof']);
      let canonicalCandidates: Array<string | undefined>;
      const english = record.names.eng_x_preferred?.[0];
      if (baseKind === 'region') {
        const extras = regionExtras(gn, fileCountry, typeof record.concordances['iso:code'] === 'string' ? record.concordances['iso:code'] : undefined);
        names.push(...extras.names);
        if (extras.iso) ids.iso = extras.iso;
        if (extras.names.length > 0) sources.add('geonames').add('iso3166-2-db').add('iso-codes');
        canonicalCandidates = [record.name, english];
      } else if (baseKind === 'district') {
        const admin2 = gn ? admin2ById.get(gn) : undefined;
        if (admin2) {
          names.push(makeName(admin2.name, 'und', 'variant', 'geonames'));
          sources.add('geonames');
        }
        // `Merkenskiy` (WOF's name for Kazakh districts is the Russian adjective): the English
        // `Merke District` among the variants is the name English news uses.
        const englishDistrict = RUSSIAN_ADJECTIVE_NAME.test(record.name) ? record.names.eng_x_variant?.find((text) => / District$/u.test(text)) : undefined;
        canonicalCandidates = [englishDistrict, record.name, english];
      } else {
        canonicalCandidates = [localizedEnglish(localizedList), english, record.name, place?.name].map(localityCanonical);
      }
      if (place) {
        names.push(...geoNamesNames(place));
        sources.add('geonames');
      }
      if (localizedList && baseKind !== 'region') {
        names.push(...localizedNames(localizedList));
        sources.add('geonames');
      }
      if (gn) claimedGeonames.add(gn);
      const population = place?.population || record.population || 0;
      const kind = baseKind === 'village' ? localityKind(population, place?.featureCode) : baseKind;
      if (kind === 'village' && !(CENTRAL_ASIA as readonly string[]).includes(fileCountry) && !wd && population < NEIGHBOUR_VILLAGE_MIN_POPULATION) {
        count('skipped neighbour villages (no Wikidata item, population < 1000 or unknown)');
        if (gn) claimedGeonames.add(gn);
        continue;
      }
      const parents = [record.hierarchy.county_id, record.hierarchy.region_id]
        .filter((p): p is number => typeof p === 'number' && p > 0 && p !== record.id)
        .map((p) => `wof:${p}`);
      parents.push(countryId(fileCountry));
      drafts.set(id, {
        id, kind, country: fileCountry, canonicalCandidates, names, population, ids, sources, merged: [], parents,
        featureCode: place?.featureCode ?? '', wofPlacetype: record.placetype, wofName: record.name,
      });
    }
  }

  // 2. GeoNames-only places of the focus countries and regions (admin1 units of `ADMIN1_COUNTRIES`, Xinjiang).
  const admin1Entry = new Map<string, string>();
  for (const draft of drafts.values()) {
    if (draft.kind === 'region' && draft.ids.geonames) {
      const admin1 = admin1ById.get(draft.ids.geonames);
      if (admin1) admin1Entry.set(admin1.code, draft.id);
    }
  }
  // A first-level unit that is a city (`Kiev` for Kyiv City, `Baku`, `Shaki`) is the city: as a
  // region of the same name it would only be a second entry for it (and make `Kiev` a canonical
  // name). A unit whose English name has a designator (`Kharkiv Oblast`) is a region.
  const cityNames = new Set(src.cities15000.filter((p) => ADMIN1_COUNTRIES.has(p.country)).flatMap((p) => [p.name, p.asciiName].map((name) => `${p.country}|${name.toLowerCase()}`)));
  const REGION_WORD = /(?:^| )(?:Oblast|Region|Province|District|County|Rayon|Republic|Territory|Krai|Unit|Autonomous)(?: |$)/u;
  const isCityUnit = (country: string, english: string) =>
    !REGION_WORD.test(english) && cityNames.has(`${country}|${english.replace(/ (?:City|Sahari|Municipality)$/u, '').toLowerCase()}`);
  for (const admin1 of src.admin1) {
    const [country] = admin1.code.split('.');
    if (!(ADMIN1_COUNTRIES.has(country!) || admin1.code === 'CN.13')) continue;
    const gnId = admin1.id;
    if (src.overrides.skip.includes(`geonames:${gnId}`)) continue;
    const extras = regionExtras(gnId, country!, undefined);
    if (country !== 'RU' && isCityUnit(country!, extras.english ?? localizedEnglish(src.localized.get(admin1.code)) ?? admin1.name)) {
      count('skipped admin1 city units');
      continue;
    }
    const id = `geonames:${gnId}`;
    const ids: Record<string, string> = { geonames: gnId };
    if (extras.iso) ids.iso = extras.iso;
    drafts.set(id, {
      id, kind: 'region', country: country!, canonicalCandidates: [extras.english, localizedEnglish(src.localized.get(admin1.code)), admin1.name],
      names: [makeName(admin1.name, 'und', 'preferred', 'geonames'), ...extras.names], population: 0, ids,
      sources: new Set(['geonames', 'iso3166-2-db', 'iso-codes']), merged: [], parents: [countryId(country!)], featureCode: 'ADM1',
    });
    admin1Entry.set(admin1.code, id);
  }

  const focus = new Set<string>([...CENTRAL_ASIA, ...WOF_NEIGHBOURS, 'RU']);
  const inFocus = (p: GeoNamesPlace) => focus.has(p.country) || (p.country === 'CN' && p.admin1 === '13');
  for (const id of [...geonames.keys()].sort()) {
    const place = geonames.get(id)!;
    if (claimedGeonames.has(id) || !inFocus(place) || DEAD_FEATURE_CODES.has(place.featureCode)) continue;
    // Russia: towns of 10,000+ and regional centres only (cities500 lists ~5,000 Russian villages).
    if (place.country === 'RU' && place.population < TOWN_POPULATION && place.featureCode !== 'PPLA' && place.featureCode !== 'PPLC') {
      count('skipped geonames RU small');
      continue;
    }
    const kind = localityKind(place.population, place.featureCode);
    if (kind === 'village' && (WOF_NEIGHBOURS as readonly string[]).includes(place.country) && place.population < NEIGHBOUR_VILLAGE_MIN_POPULATION) {
      count('skipped neighbour villages (no Wikidata item, population < 1000 or unknown)');
      continue;
    }
    const localizedList = src.localized.get(id);
    const region = admin1Entry.get(`${place.country}.${place.admin1}`);
    drafts.set(`geonames:${id}`, {
      id: `geonames:${id}`, kind, country: place.country,
      canonicalCandidates: [localizedEnglish(localizedList), place.name].map(localityCanonical),
      names: [...geoNamesNames(place), ...localizedNames(localizedList)], population: place.population, ids: { geonames: id },
      sources: new Set(['geonames']), merged: [], parents: [...(region ? [region] : []), countryId(place.country)], featureCode: place.featureCode,
    });
    count('geonames-only focus places');
  }

  // 3. Districts that only GeoNames admin2 has (all Uzbek tumans; a few elsewhere).
  const wofDistrictGeonames = new Set([...drafts.values()].filter((d) => d.kind === 'district').map((d) => d.ids.geonames).filter(Boolean));
  const mergedGeonames = new Set([...drafts.values()].flatMap((d) => [d.ids.geonames, ...d.merged.filter((m) => m.startsWith('geonames:')).map((m) => m.slice(9))]));
  // Only where WOF has (almost) no counties: elsewhere admin2 units duplicate WOF counties that lack a concordance.
  const wofCounties = new Map<string, number>();
  for (const draft of drafts.values()) if (draft.wofPlacetype === 'county') wofCounties.set(draft.country, (wofCounties.get(draft.country) ?? 0) + 1);
  for (const admin2 of src.admin2) {
    const [country, a1] = admin2.code.split('.');
    if (!(CENTRAL_ASIA as readonly string[]).includes(country!) && !(WOF_NEIGHBOURS as readonly string[]).includes(country!)) continue;
    if ((wofCounties.get(country!) ?? 0) >= MIN_WOF_COUNTIES) continue;
    if (wofDistrictGeonames.has(admin2.id) || mergedGeonames.has(admin2.id) || claimedGeonames.has(admin2.id)) continue;
    if (isCityDistrict(admin2.name)) {
      count('skipped admin2 city districts');
      continue;
    }
    const region = admin1Entry.get(`${country}.${a1}`);
    const id = `geonames:${admin2.id}`;
    drafts.set(id, {
      id, kind: 'district', country: country!, canonicalCandidates: [districtName(admin2.asciiName)],
      names: [makeName(admin2.name, 'und', 'official', 'geonames'), makeName(admin2.asciiName, 'und', 'variant', 'geonames')],
      population: 0, ids: { geonames: admin2.id }, sources: new Set(['geonames']), merged: [],
      parents: [...(region ? [region] : []), countryId(country!)], featureCode: 'ADM2',
    });
    count('geonames-only districts');
  }

  // 4. Merges: hand-listed ones, then regions/districts and localities that share a Wikidata item
  //    (a capital's city-level region is the city), then duplicate localities (same Wikidata item).
  const mergeInto = new Map<string, string>();
  for (const [from, to] of Object.entries(src.overrides.merge)) if (drafts.has(from) && drafts.has(to)) mergeInto.set(from, to);
  const byWikidata = new Map<string, Draft[]>();
  for (const draft of drafts.values()) {
    const wd = draft.ids.wikidata;
    if (!wd) continue;
    const list = byWikidata.get(wd);
    if (list) list.push(draft);
    else byWikidata.set(wd, [draft]);
  }
  for (const group of byWikidata.values()) {
    const localities = group.filter((d) => d.wofPlacetype === 'locality');
    if (localities.length === 0) continue;
    // Survivor: the locality with the most names, then the lower id (ids compared as numbers).
    const survivor = [...localities].sort((a, b) => b.names.length - a.names.length || Number(a.ids.wof) - Number(b.ids.wof))[0]!;
    for (const draft of group) if (draft !== survivor && !mergeInto.has(draft.id)) mergeInto.set(draft.id, survivor.id);
  }
  // WOF lists some Uzbek towns twice, as `Kitob` and as `Kitob Shahri` ("Kitob city"): merge the
  // second into the first when both sit in the same region, or, when the `Shahri` record has no
  // region, into the most populous town or city of that name in the country.
  const CITY_WORD = /\s(?:shahri|shahar)$/iu;
  const isCityRecord = (d: Draft) => d.wofPlacetype === 'locality' && !!d.wofName && CITY_WORD.test(d.wofName);
  const regionOf = (d: Draft) => d.parents.find((p) => p !== d.id && !p.startsWith('country:'));
  const canonicalOf = (d: Draft) => pickCanonical(d.canonicalCandidates) ?? '';
  const plainTowns = new Map<string, Draft>();
  const plainByCountry = new Map<string, Draft>();
  for (const draft of drafts.values()) {
    if (draft.wofPlacetype !== 'locality' || !draft.wofName || isCityRecord(draft) || mergeInto.has(draft.id)) continue;
    const key = `${draft.country}|${regionOf(draft) ?? ''}|${canonicalOf(draft)}`;
    if (!plainTowns.has(key)) plainTowns.set(key, draft);
    if (draft.kind === 'city' || draft.kind === 'town') {
      const countryKey = `${draft.country}|${canonicalOf(draft)}`;
      const best = plainByCountry.get(countryKey);
      if (!best || draft.population > best.population) plainByCountry.set(countryKey, draft);
    }
  }
  for (const draft of drafts.values()) {
    if (!isCityRecord(draft) || mergeInto.has(draft.id)) continue;
    const region = regionOf(draft);
    const twin = region ? plainTowns.get(`${draft.country}|${region}|${canonicalOf(draft)}`) : plainByCountry.get(`${draft.country}|${canonicalOf(draft)}`);
    if (twin) mergeInto.set(draft.id, twin.id);
  }
  const resolve = (id: string): string => {
    let current = id;
    for (let guard = 0; guard < 10 && mergeInto.has(current); guard++) current = mergeInto.get(current)!;
    return current;
  };
  for (const from of [...mergeInto.keys()].sort()) {
    const draft = drafts.get(from)!;
    const target = drafts.get(resolve(from))!;
    // A region or district merged into a city keeps its names to itself: WOF gives city-level
    // regions the names of the surrounding province as well (Tashkent City / Tashkent Region).
    if (draft.kind === target.kind || draft.wofPlacetype === target.wofPlacetype) target.names.push(...draft.names);
    target.merged.push(from, ...draft.merged);
    for (const source of draft.sources) target.sources.add(source);
    for (const [scheme, value] of Object.entries(draft.ids)) if (scheme !== 'wof' && !target.ids[scheme]) target.ids[scheme] = value;
    if (draft.ids.geonames && draft.ids.geonames !== target.ids.geonames) target.merged.push(`geonames:${draft.ids.geonames}`);
    target.population = Math.max(target.population, draft.population);
    drafts.delete(from);
    count('merged records');
  }

  // 5. Entries.
  const entries: GazetteerEntry[] = [];
  for (const draft of drafts.values()) {
    const override = src.overrides.canonical[draft.id];
    const picked = override ?? pickCanonical(draft.canonicalCandidates);
    // `Prokop'yevsk`, `Ust'-Kut`, `Ryl'sk`: the apostrophe of a Russian soft sign, which BGN-style
    // transliteration writes and English news drops (`Prokopyevsk`, `Ust-Kut`, `Rylsk`).
    const name = picked !== undefined && override === undefined && SOFT_SIGN_COUNTRIES.has(draft.country) ? dropSoftSigns(picked) : picked;
    const names = mergeNames(draft.names, NATIVE_LANGS[draft.country] ?? []);
    if (!name || names.length === 0) {
      count('skipped without a usable name');
      continue;
    }
    const parent = draft.parents.map(resolve).find((p) => p !== draft.id && (drafts.has(p) || p.startsWith('country:')));
    const entry: GazetteerEntry = {
      id: draft.id, name, kind: draft.kind, country: draft.country, ...(parent ? { parent } : {}), names,
      prominence: draft.population, ids: draft.ids, sources: [...draft.sources].sort(),
      ...(draft.merged.length > 0 ? { merged: [...new Set(draft.merged)].sort() } : {}),
    };
    entries.push(entry);
  }
  return { entries, wofCountries, stats };
}

/** World cities from GeoNames cities15000 outside the focus countries, population at or above `minPopulation`. */
export function buildWorldCities(cities: GeoNamesPlace[], localized: Map<string, Array<[string, string]>>, minPopulation: number, exclude: (p: GeoNamesPlace) => boolean): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  for (const place of cities) {
    // Sections of cities (PPLX: boroughs, Moscow districts) are not cities in their own right.
    if (place.population < minPopulation || exclude(place) || place.featureCode === 'PPLX' || DEAD_FEATURE_CODES.has(place.featureCode)) continue;
    const localizedList = localized.get(place.id);
    // Belarus's towns are written in English news from their Russian names (`Mozyr`, `Molodechno`),
    // where GeoNames has the BGN romanization of the Belarusian ones (`Mazyr`, `Maladzyechna`).
    const russian = place.country === 'BY' ? localizedList?.find(([locale]) => locale === 'ru')?.[1] : undefined;
    const fromRussian = russian === undefined ? undefined : transliterate(russian, 'ru-simplified', 'ru');
    const picked = pickCanonical([fromRussian, localizedEnglish(localizedList), place.name]);
    // `Chornomors'k`: a soft sign's apostrophe, which English news drops (see `dropSoftSigns`).
    const name = picked !== undefined && SOFT_SIGN_COUNTRIES.has(place.country) ? dropSoftSigns(picked) : picked;
    const names = mergeNames([...geoNamesNames(place), ...localizedNames(localizedList)], NATIVE_LANGS[place.country] ?? []);
    if (!name || names.length === 0) continue;
    entries.push({
      id: `geonames:${place.id}`, name, kind: 'city', country: place.country, parent: `country:${place.country.toLowerCase()}`,
      names, prominence: place.population, ids: { geonames: place.id }, sources: ['geonames'],
    });
  }
  return entries;
}
