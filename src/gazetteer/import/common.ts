/** Shared by the importers: language tags, errors, and cleaning of imported entries. */
import { InputError } from '../../errors.js';
import type { GazetteerEntry } from '../types.js';

/** ISO 639-3 (and -2/B) codes to their ISO 639-1 form where one exists (BCP-47 prefers the short form). */
const ISO639_3_TO_1: Readonly<Record<string, string>> = {
  eng: 'en', rus: 'ru', ukr: 'uk', bel: 'be', kaz: 'kk', kir: 'ky', uzb: 'uz', tgk: 'tg', tuk: 'tk', aze: 'az',
  fas: 'fa', per: 'fa', pus: 'ps', urd: 'ur', hin: 'hi', ara: 'ar', tur: 'tr', zho: 'zh', chi: 'zh', jpn: 'ja',
  kor: 'ko', deu: 'de', ger: 'de', fra: 'fr', fre: 'fr', ita: 'it', spa: 'es', por: 'pt', nld: 'nl', dut: 'nl',
  pol: 'pl', ces: 'cs', cze: 'cs', slk: 'sk', hun: 'hu', ron: 'ro', rum: 'ro', bul: 'bg', srp: 'sr', hrv: 'hr',
  ell: 'el', gre: 'el', heb: 'he', kat: 'ka', geo: 'ka', hye: 'hy', arm: 'hy', mon: 'mn', swe: 'sv', nor: 'no',
  dan: 'da', fin: 'fi', est: 'et', lav: 'lv', lit: 'lt', tat: 'tt', bak: 'ba', uig: 'ug', kaa: 'kaa',
};

/** A BCP-47 tag from an ISO 639 code (`rus` → `ru`, `zh-CN` kept); undefined for codes that are not languages. */
export function languageTag(code: string): string | undefined {
  const trimmed = code.trim();
  if (trimmed === '') return 'und';
  const [primary = '', ...rest] = trimmed.replace(/_/gu, '-').split('-');
  const lower = primary.toLowerCase();
  const short = ISO639_3_TO_1[lower] ?? lower;
  if (!/^[a-z]{2,3}$/u.test(short)) return undefined;
  const tag = [short, ...rest].join('-');
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u.test(tag) ? tag : undefined;
}

/** An import problem at a place in the input (`file:line: ...`). */
export function importError(where: string, problem: string): InputError {
  return new InputError(`${where}: ${problem}`, { code: 'ERR_IMPORT' });
}

/** Result of parsing an import file. */
export interface ImportResult {
  entries: GazetteerEntry[];
  /** Rows or records skipped, with why. */
  warnings: string[];
}

/** Drop empty optional fields so entries stay minimal on disk. */
export function tidyEntry(entry: GazetteerEntry): GazetteerEntry {
  const record = entry as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0 && key !== 'names') || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0)) {
      delete record[key];
    }
  }
  return entry;
}
