/**
 * Who's On First records (https://whosonfirst.org/docs/): a GeoJSON Feature, a FeatureCollection,
 * an array of Features, or JSON Lines with one Feature (or bare properties object) per line. Names
 * come from `name:<iso639-3>_x_<preferred|variant|colloquial|historic|unknown>` properties.
 */
import type { EntityKind, EntryName, GazetteerEntry, NameType } from '../types.js';
import { detectScript, mergeNames } from '../edit/names.js';
import { importError, languageTag, tidyEntry, type ImportResult } from './common.js';

/** WOF placetype → entity kind (localities by population). */
export function wofKind(placetype: string, population: number): EntityKind {
  switch (placetype) {
    case 'country': case 'dependency': case 'disputed': return 'country';
    case 'macroregion': case 'region': return 'region';
    case 'macrocounty': case 'county': case 'localadmin': return 'district';
    case 'locality': return population >= 100_000 ? 'city' : population >= 5_000 ? 'town' : population > 0 ? 'village' : 'town';
    default: return 'other';
  }
}

const WOF_NAME_TYPES: Record<string, NameType> = { preferred: 'preferred', variant: 'variant', colloquial: 'colloquial', historic: 'historic', historical: 'historic', unknown: 'variant' };

/** Concordance keys → our external id schemes. */
const CONCORDANCES: Record<string, string> = { 'gn:id': 'geonames', 'wd:id': 'wikidata' };

function propertiesOf(record: unknown): Record<string, unknown> | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = record as Record<string, unknown>;
  if (typeof value.properties === 'object' && value.properties !== null) return value.properties as Record<string, unknown>;
  return 'wof:id' in value ? value : undefined;
}

/** One WOF properties object → an entry (undefined when it has no id or name). */
export function wofEntry(props: Record<string, unknown>): GazetteerEntry | undefined {
  const id = props['wof:id'];
  const name = props['wof:name'];
  if ((typeof id !== 'number' && typeof id !== 'string') || typeof name !== 'string' || name.trim() === '') return undefined;
  const population = Number(props['wof:population'] ?? props['gn:population'] ?? 0) || 0;
  let names: EntryName[] = [];
  for (const [key, value] of Object.entries(props).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const match = /^name:([a-z]{2,3}(?:_[A-Za-z]{4})?)_x_([a-z]+)$/u.exec(key);
    if (!match || !Array.isArray(value)) continue;
    const [, code = '', typeCode = ''] = match;
    const [langCode = '', script] = code.split('_');
    const lang = languageTag(langCode);
    if (lang === undefined) continue;
    const type = WOF_NAME_TYPES[typeCode] ?? 'variant';
    names = mergeNames(names, value.filter((text): text is string => typeof text === 'string' && text.trim() !== '').map((text) => ({
      text: text.trim(), lang: script ? `${lang}-${script}` : lang, script: script ?? detectScript(text), type, source: 'wof',
    })));
  }
  const ids: Record<string, string> = { wof: String(id) };
  const concordances = props['wof:concordances'];
  if (typeof concordances === 'object' && concordances !== null) {
    for (const [key, value] of Object.entries(concordances as Record<string, unknown>)) {
      const scheme = CONCORDANCES[key];
      if (scheme && (typeof value === 'string' || typeof value === 'number')) ids[scheme] = String(value);
    }
  }
  const parentId = props['wof:parent_id'];
  const country = props['wof:country'];
  return tidyEntry({
    id: `wof:${id}`, name: name.trim(), kind: wofKind(String(props['wof:placetype'] ?? ''), population),
    country: typeof country === 'string' && /^[A-Z]{2}$/u.test(country) ? country : undefined,
    parent: (typeof parentId === 'number' || typeof parentId === 'string') && Number(parentId) > 0 ? `wof:${parentId}` : undefined,
    names, prominence: population > 0 ? population : undefined, ids, sources: ['wof'],
  } as GazetteerEntry);
}

/** Parse WOF JSON or JSONL text. */
export function parseWof(text: string, label: string): ImportResult {
  const records: Array<{ record: unknown; where: string }> = [];
  const trimmed = text.trim();
  let whole: unknown;
  let parsedWhole = false;
  try {
    whole = JSON.parse(trimmed);
    parsedWhole = true;
  } catch {
    // Not one JSON document: read it as JSON Lines below.
  }
  if (parsedWhole) {
    const value = whole as Record<string, unknown>;
    if (Array.isArray(whole)) whole.forEach((record, i) => records.push({ record, where: `${label}[${i}]` }));
    else if (value && value.type === 'FeatureCollection' && Array.isArray(value.features)) (value.features as unknown[]).forEach((record, i) => records.push({ record, where: `${label}: features[${i}]` }));
    else records.push({ record: whole, where: label });
  } else {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (line === '') continue;
      try {
        records.push({ record: JSON.parse(line), where: `${label}:${i + 1}` });
      } catch (error) {
        throw importError(`${label}:${i + 1}`, `not valid JSON (${(error as Error).message})`);
      }
    }
  }
  const entries: GazetteerEntry[] = [];
  const warnings: string[] = [];
  for (const { record, where } of records) {
    const props = propertiesOf(record);
    const entry = props ? wofEntry(props) : undefined;
    if (entry) entries.push(entry);
    else warnings.push(`${where}: skipped (not a Who's On First record with wof:id and wof:name)`);
  }
  return { entries, warnings };
}
