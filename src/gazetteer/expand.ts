/**
 * Aliases of an entry: its canonical name, its listed names, and generated spellings
 * (romanizations of its Cyrillic names, Russian morphology, English admin-suffix forms), each
 * with provenance. Generated spellings never repeat a listed one (compared folded).
 */
import { isCommonEnglishWord } from './common-words.js';
import { foldName } from './fold.js';
import { DEFAULT_ROMANIZATION_LIMIT, primaryLang, readDataFile, romanize } from './romanize/index.js';
import type { MorphologyFile } from './romanize/tables.js';
import type { Alias, GazetteerEntry } from './types.js';

/** Options for alias generation. */
export interface ExpandOptions {
  /** Generate romanized and morphological spellings (default true). */
  generate?: boolean;
  /** Cap on generated spellings per native name (default 40). */
  limitPerName?: number;
}

let adminSuffixes: { region: string[]; district: string[] } | undefined;
let adminPattern: RegExp | undefined;

function englishAdminForms(entry: GazetteerEntry): string[] {
  if (entry.kind !== 'region' && entry.kind !== 'district') return [];
  if (adminSuffixes === undefined) {
    const data = readDataFile<MorphologyFile>('ru-morphology.json').englishAreaSuffixes;
    adminSuffixes = { region: data.region ?? [], district: data.district ?? [] };
    const all = [...adminSuffixes.region, ...adminSuffixes.district, 'Province', 'Tumani', 'Tumany', 'Etrap', 'Raion', 'Nohiya', 'Wilayat'];
    adminPattern = new RegExp(`\\s+(?:${all.join('|')})$`, 'iu');
  }
  const base = entry.name.replace(adminPattern!, '').trim();
  if (base === '') return [];
  const suffixes = entry.kind === 'region' ? adminSuffixes.region : adminSuffixes.district;
  return [base, ...suffixes.map((suffix) => `${base} ${suffix}`)];
}

function withCommon(alias: Alias): Alias {
  if (alias.script === 'Latn' && isCommonEnglishWord(alias.text)) alias.common = true;
  return alias;
}

/** Every alias of one entry, listed names first, then generated spellings. */
export function expandEntry(entry: GazetteerEntry, options: ExpandOptions = {}): Alias[] {
  const aliases: Alias[] = [withCommon({ text: entry.name, entity: entry.id, origin: 'canonical', type: 'canonical', lang: 'en', script: 'Latn' })];
  const texts = new Set<string>([entry.name]);
  const seen = new Set<string>([foldName(entry.name)]);
  for (const name of entry.names) {
    if (texts.has(name.text)) continue;
    texts.add(name.text);
    seen.add(foldName(name.text));
    aliases.push(withCommon({ text: name.text, entity: entry.id, origin: 'name', type: name.type, lang: name.lang, script: name.script }));
  }
  if (options.generate === false) return aliases;
  const limit = options.limitPerName ?? DEFAULT_ROMANIZATION_LIMIT;
  for (const name of entry.names) {
    if (name.script !== 'Cyrl') continue;
    const primary = primaryLang(name.lang);
    for (const spelling of romanize(name.text, primary, { kind: entry.kind, limit, seen })) {
      // A generated spelling that is an ordinary English word (`Chase`, `Are`) would only ever
      // match the word: it is not generated at all. Listed names keep theirs, flagged `common`.
      if (isCommonEnglishWord(spelling.text)) continue;
      aliases.push(withCommon({
        text: spelling.text, entity: entry.id, origin: 'generated', type: 'variant', lang: `${primary}-Latn`, script: 'Latn',
        scheme: spelling.scheme, from: spelling.from,
      }));
    }
  }
  for (const text of englishAdminForms(entry)) {
    const key = foldName(text);
    if (seen.has(key) || isCommonEnglishWord(text)) continue;
    seen.add(key);
    aliases.push(withCommon({ text, entity: entry.id, origin: 'generated', type: 'variant', lang: 'en', script: 'Latn', scheme: 'en-admin', from: entry.name }));
  }
  return aliases;
}
