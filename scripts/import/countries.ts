/**
 * Countries: ISO 3166-1 (iso-codes) as the list, names from world-countries (English common and
 * official names, translations, native names, alternative spellings), CLDR territory names,
 * i18n-iso-countries (names and aliases), iso-codes translation catalogues, GeoNames localized
 * names, and the WOF country records of the eight WOF countries (merged; their ids resolve here).
 */
import type { EntryName, GazetteerEntry } from '../../src/gazetteer/types.js';
import { makeName, mergeNames, pipelineLang, PIPELINE_LANGS } from './names.js';
import { NATIVE_LANGS, wofNames } from './places.js';
import type { IsoCountry, WofRecord, WorldCountry } from './sources.js';

/** CLDR locales read for country names (pipeline languages and their script variants). */
export const CLDR_LOCALES = [...PIPELINE_LANGS, 'kk-Arab', 'uz-Cyrl', 'uz-Arab', 'zh-Hant'] as const;
/** iso-codes catalogue locales read (file names under po/iso_3166-1). */
export const ISO_CODES_LOCALES = ['ar', 'de', 'es', 'fa', 'fr', 'it', 'kk', 'ky', 'ps', 'ru', 'tg', 'tk', 'tr', 'uk', 'uz', 'zh_CN', 'zh_TW'] as const;

export interface CountrySources {
  iso: IsoCountry[];
  world: WorldCountry[];
  cldr: Map<string, Map<string, string>>;
  i18n: Map<string, Map<string, string[]>>;
  isoCatalogues: Map<string, Map<string, string>>;
  localized: Map<string, Array<[string, string]>>;
  countryInfo: Map<string, { id: string; population: number; name: string }>;
  wofCountries: WofRecord[];
}

/** Stable id of a country entry: `country:` and the lower-case ISO 3166-1 alpha-2 code. */
export function countryEntryId(alpha2: string): string {
  return `country:${alpha2.toLowerCase()}`;
}

export function buildCountries(src: CountrySources): GazetteerEntry[] {
  const worldByCode = new Map(src.world.map((c) => [c.cca2, c]));
  const wofByCode = new Map(src.wofCountries.map((r) => [r.country, r]));
  const entries: GazetteerEntry[] = [];
  for (const iso of src.iso) {
    const code = iso.alpha_2;
    const world = worldByCode.get(code);
    const names: Array<EntryName | undefined> = [];
    const sources = new Set(['iso-codes']);
    // English.
    names.push(makeName(iso.name, 'en', 'official', 'iso-codes'));
    if (iso.official_name) names.push(makeName(iso.official_name, 'en', 'official', 'iso-codes'));
    if (iso.common_name) names.push(makeName(iso.common_name, 'en', 'preferred', 'iso-codes'));
    for (const [locale, catalogue] of src.isoCatalogues) {
      const lang = pipelineLang(locale);
      if (!lang) continue;
      const translated = catalogue.get(iso.name);
      if (translated) names.push(makeName(translated, lang, 'preferred', 'iso-codes'));
      const official = iso.official_name ? catalogue.get(iso.official_name) : undefined;
      if (official) names.push(makeName(official, lang, 'official', 'iso-codes'));
      const common = iso.common_name ? catalogue.get(iso.common_name) : undefined;
      if (common) names.push(makeName(common, lang, 'preferred', 'iso-codes'));
    }
    if (world) {
      sources.add('world-countries');
      names.push(makeName(world.name.common, 'en', 'preferred', 'world-countries'), makeName(world.name.official, 'en', 'official', 'world-countries'));
      for (const [lang3, value] of Object.entries(world.translations).sort(([a], [b]) => (a < b ? -1 : 1))) {
        const lang = pipelineLang(lang3);
        if (!lang) continue;
        names.push(makeName(value.common, lang, 'preferred', 'world-countries'), makeName(value.official, lang, 'official', 'world-countries'));
      }
      for (const [lang3, value] of Object.entries(world.name.native ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
        const lang = pipelineLang(lang3) ?? 'und';
        names.push(makeName(value.common, lang, 'preferred', 'world-countries'), makeName(value.official, lang, 'official', 'world-countries'));
      }
      for (const spelling of world.altSpellings) names.push(makeName(spelling, 'und', 'variant', 'world-countries'));
    }
    for (const [locale, territories] of src.cldr) {
      const lang = pipelineLang(locale);
      if (!lang) continue;
      const main = territories.get(code);
      if (main) {
        names.push(makeName(main, lang, 'preferred', 'cldr'));
        sources.add('cldr');
      }
      for (const alt of ['short', 'variant']) {
        const value = territories.get(`${code}-alt-${alt}`);
        if (value) names.push(makeName(value, lang, 'variant', 'cldr'));
      }
    }
    for (const [lang, countries] of src.i18n) {
      const pipeline = pipelineLang(lang);
      if (!pipeline) continue;
      const list = countries.get(code) ?? [];
      list.forEach((value, i) => names.push(makeName(value, pipeline, i === 0 ? 'preferred' : 'variant', 'i18n-iso-countries')));
      if (list.length > 0) sources.add('i18n-iso-countries');
    }
    for (const [locale, text] of src.localized.get(code) ?? []) {
      const lang = pipelineLang(locale);
      if (lang) {
        names.push(makeName(text, lang, 'preferred', 'geonames'));
        sources.add('geonames');
      }
    }
    const ids: Record<string, string> = { iso: code };
    const merged: string[] = [];
    const info = src.countryInfo.get(code);
    if (info?.id) {
      ids.geonames = info.id;
      merged.push(`geonames:${info.id}`);
    }
    const wof = wofByCode.get(code);
    if (wof) {
      names.push(...wofNames(wof));
      ids.wof = String(wof.id);
      merged.push(`wof:${wof.id}`);
      const wd = wof.concordances['wd:id'];
      if (wd !== undefined) ids.wikidata = String(wd);
      sources.add('wof');
    }
    const merged_ = mergeNames(names, NATIVE_LANGS[code] ?? []);
    entries.push({
      id: countryEntryId(code),
      name: world?.name.common ?? iso.common_name ?? iso.name,
      kind: 'country',
      country: code,
      names: merged_,
      prominence: info?.population ?? 0,
      ids,
      sources: [...sources].sort(),
      ...(merged.length > 0 ? { merged: merged.sort() } : {}),
    });
  }
  return entries;
}
