/**
 * GeoNames dumps (https://download.geonames.org/export/dump/): the main table (`KG.txt`,
 * `cities15000.txt`: tab-separated, 19 columns, no header) and optionally `alternateNamesV2.txt`
 * (`alternateNameId, geonameid, isolanguage, alternate name, isPreferredName, isShortName,
 * isColloquial, isHistoric, from, to`), which gives the languages and types of the names.
 */
import type { EntityKind, EntryName, GazetteerEntry, NameType } from '../types.js';
import { detectScript, mergeNames } from '../edit/names.js';
import { importError, languageTag, tidyEntry, type ImportResult } from './common.js';

/** Feature class + code → entity kind; populated places by size. */
export function geonamesKind(featureClass: string, featureCode: string, population: number): EntityKind | undefined {
  if (featureClass === 'A') {
    if (/^PCL/u.test(featureCode)) return 'country';
    if (featureCode === 'ADM1' || featureCode === 'ADM1H') return 'region';
    if (/^ADM[2-5]H?$/u.test(featureCode) || featureCode === 'ADMD') return 'district';
    return 'other';
  }
  if (featureClass === 'P') {
    if (featureCode === 'PPLC' || featureCode === 'PPLA' || featureCode === 'PPLG' || population >= 100_000) return 'city';
    if (population >= 5_000 || featureCode === 'PPLA2' || featureCode === 'PPLA3') return 'town';
    return 'village';
  }
  return undefined;
}

/** GeoNames pseudo-languages that are not names (`link`, `post`...) or go into external ids (`wkdt`). */
const NOT_NAMES = new Set(['link', 'post', 'iata', 'icao', 'faac', 'fr_1793', 'unlc', 'tcid', 'phon', 'piny', 'wkdt']);

interface AlternateName {
  text: string;
  lang: string;
  type: NameType;
}

/** Parse `alternateNamesV2.txt` rows into names by geonameid; Wikidata ids (`wkdt`) separately. */
export function parseGeonamesAlternateNames(text: string, label: string): { names: Map<string, AlternateName[]>; wikidata: Map<string, string>; warnings: string[] } {
  const names = new Map<string, AlternateName[]>();
  const wikidata = new Map<string, string>();
  const warnings: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/u, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 4) throw importError(`${label}:${i + 1}`, `expected at least 4 tab-separated columns (alternateNamesV2 format), got ${cols.length}`);
    const [, geonameId = '', isoLanguage = '', altName = '', preferred, short, colloquial, historic] = cols;
    if (altName.trim() === '') continue;
    if (isoLanguage === 'wkdt') { wikidata.set(geonameId, altName.trim()); continue; }
    if (NOT_NAMES.has(isoLanguage)) continue;
    const lang = isoLanguage === 'abbr' ? 'und' : languageTag(isoLanguage);
    if (lang === undefined) { warnings.push(`${label}:${i + 1}: skipped name '${altName}' with language '${isoLanguage}'`); continue; }
    const type: NameType = isoLanguage === 'abbr' || short === '1' ? 'abbreviation' : historic === '1' ? 'historic' : colloquial === '1' ? 'colloquial' : preferred === '1' ? 'preferred' : 'variant';
    const list = names.get(geonameId);
    const item = { text: altName.trim(), lang, type };
    if (list) list.push(item);
    else names.set(geonameId, [item]);
  }
  return { names, wikidata, warnings };
}

/** Parse a GeoNames main table; `alternateNames` (the text of alternateNamesV2) adds languages and name types. */
export function parseGeonames(text: string, label: string, alternateNames?: { text: string; label: string }): ImportResult {
  const alternates = alternateNames ? parseGeonamesAlternateNames(alternateNames.text, alternateNames.label) : undefined;
  const warnings = [...(alternates?.warnings ?? [])];
  const entries: GazetteerEntry[] = [];
  const adm1 = new Map<string, string>();
  const adm2 = new Map<string, string>();
  const pending: Array<{ entry: GazetteerEntry; country: string; admin1: string; admin2: string; code: string }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/u, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 15) throw importError(`${label}:${i + 1}`, `expected 19 tab-separated columns (GeoNames main table format), got ${cols.length}`);
    const [id = '', name = '', asciiName = '', altNames = '', , , featureClass = '', featureCode = '', country = '', , admin1 = '', admin2 = '', , , populationText = ''] = cols;
    if (!/^\d+$/u.test(id)) throw importError(`${label}:${i + 1}`, `geonameid must be a number, got '${id}'`);
    const population = Number(populationText) || 0;
    const kind = geonamesKind(featureClass, featureCode, population);
    if (kind === undefined) { warnings.push(`${label}:${i + 1}: skipped ${id} '${name}' (feature ${featureClass}.${featureCode} is not a place kind)`); continue; }
    let names: EntryName[] = [];
    const own = alternates?.names.get(id);
    if (own) {
      names = mergeNames(names, own.map((alt) => ({ text: alt.text, lang: alt.lang, script: detectScript(alt.text), type: alt.type, source: 'geonames' })));
    } else {
      // Without the alternate-names table the languages are unknown.
      const plain = [asciiName, ...altNames.split(',')].map((value) => value.trim()).filter((value) => value !== '' && value !== name);
      names = mergeNames(names, plain.map((value) => ({ text: value, lang: 'und', script: detectScript(value), type: 'variant' as NameType, source: 'geonames' })));
    }
    const english = own?.find((alt) => alt.lang === 'en' && alt.type === 'preferred') ?? own?.find((alt) => alt.lang === 'en' && alt.type === 'variant');
    const canonical = english?.text ?? name;
    if (canonical !== name) names = mergeNames(names, [{ text: name, lang: 'und', script: detectScript(name), type: 'official', source: 'geonames' }]);
    const ids: Record<string, string> = { geonames: id };
    const wikidata = alternates?.wikidata.get(id);
    if (wikidata) ids.wikidata = wikidata;
    const entry = tidyEntry({
      id: `geonames:${id}`, name: canonical, kind, country: /^[A-Z]{2}$/u.test(country) ? country : undefined, names,
      prominence: population > 0 ? population : undefined, ids, sources: ['geonames'],
    } as GazetteerEntry);
    entries.push(entry);
    if (featureCode === 'ADM1') adm1.set(`${country}.${admin1}`, entry.id);
    if (featureCode === 'ADM2') adm2.set(`${country}.${admin1}.${admin2}`, entry.id);
    pending.push({ entry, country, admin1, admin2, code: featureCode });
  }
  // Parents from the admin codes, when the containing division is in the same import.
  for (const { entry, country, admin1, admin2, code } of pending) {
    if (code === 'ADM1' || entry.kind === 'country') continue;
    const parent = (code !== 'ADM2' ? adm2.get(`${country}.${admin1}.${admin2}`) : undefined) ?? adm1.get(`${country}.${admin1}`);
    if (parent !== undefined && parent !== entry.id) entry.parent = parent;
  }
  return { entries, warnings };
}
