/** Small helpers for names written by curators and importers: script detection, slugs, name lists. */
import { foldName } from '../fold.js';
import type { EntryName, GazetteerEntry, NameType } from '../types.js';

const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['Latn', /\p{Script=Latin}/u], ['Cyrl', /\p{Script=Cyrillic}/u], ['Arab', /\p{Script=Arabic}/u],
  ['Hani', /\p{Script=Han}/u], ['Grek', /\p{Script=Greek}/u], ['Hebr', /\p{Script=Hebrew}/u],
  ['Armn', /\p{Script=Armenian}/u], ['Geor', /\p{Script=Georgian}/u], ['Deva', /\p{Script=Devanagari}/u],
  ['Hang', /\p{Script=Hangul}/u], ['Kana', /[\p{Script=Katakana}\p{Script=Hiragana}]/u], ['Thai', /\p{Script=Thai}/u],
  ['Mong', /\p{Script=Mongolian}/u], ['Tibt', /\p{Script=Tibetan}/u],
];

/** ISO 15924 code of the script most letters of `text` use (`Zyyy` without letters, `Zzzz` when unlisted). */
export function detectScript(text: string): string {
  const counts = new Map<string, number>();
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    const script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Zzzz';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best = 'Zyyy';
  let bestCount = 0;
  for (const [script, count] of counts) if (count > bestCount) [best, bestCount] = [script, count];
  return best;
}

/** A readable id slug: `KG` + `Jogorku Kenesh` → `kg-jogorku-kenesh`; undefined when the name has no Latin letters. */
export function slugId(name: string, country?: string): string | undefined {
  const slug = foldName(name).replace(/[^a-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '');
  if (slug === '' || !/[a-z]/u.test(slug)) return undefined;
  return country ? `${country.toLowerCase()}-${slug}` : slug;
}

/** True when `entry` already has `text` as its canonical name or one of its names (exact text). */
export function hasName(entry: GazetteerEntry, text: string, lang?: string): boolean {
  if (entry.name === text && (lang === undefined || lang === 'en')) return true;
  return entry.names.some((name) => name.text === text && (lang === undefined || name.lang === lang));
}

/** Append names not already present (same text and language), keeping the order. */
export function mergeNames(into: EntryName[], more: readonly EntryName[]): EntryName[] {
  const seen = new Set(into.map((name) => `${name.text}\u0000${name.lang}`));
  const out = [...into];
  for (const name of more) {
    const key = `${name.text}\u0000${name.lang}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** A name object with the given fields and the script detected from the text. */
export function makeName(text: string, lang: string, type: NameType, source?: string, script?: string): EntryName {
  const name: EntryName = { text, lang, script: script ?? detectScript(text), type };
  if (source !== undefined) name.source = source;
  return name;
}

/** Union of two string lists, first-seen order. */
export function union(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  const out = [...new Set([...(a ?? []), ...(b ?? [])])];
  return out.length > 0 ? out : undefined;
}
