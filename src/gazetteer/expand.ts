/**
 * Aliases of an entry: its canonical name, its listed names, and generated spellings
 * (romanizations of its Cyrillic names, Russian morphology, English admin-suffix forms), each
 * with provenance. Generated spellings never repeat a listed one (compared folded).
 */
import { isCommonEnglishWord } from './common-words.js';
import { foldName } from './fold.js';
import { DEFAULT_ROMANIZATION_LIMIT, primaryLang, readDataFile, romanize, type Romanization } from './romanize/index.js';
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

/** A Cyrillic acronym (`МИД`, `МЧС`): capitals only, one word. */
const CYRILLIC_ACRONYM = /^[\u0400-\u042F]{2,6}$/u;

/** Spellings of one native name with their folded keys, memoized: many places share a name. */
type SpellingMemo = Map<string, { spelling: Romanization; key: string }[]>;

function spellingsOf(memo: SpellingMemo | undefined, text: string, lang: string, kind: string): { spelling: Romanization; key: string }[] {
  const memoKey = `${lang}\u0000${kind === 'person' ? 'person' : ''}\u0000${text}`;
  let spellings = memo?.get(memoKey);
  if (spellings === undefined) {
    // Unlimited and unfiltered here; the caller filters by what the entry already has and caps.
    // (Except a spelling of an acronym, `MID` for `МИД`: flagged `common`, it is read only where a
    // text writes it in capitals, as an acronym.)
    const acronym = CYRILLIC_ACRONYM.test(text);
    spellings = romanize(text, lang, { kind, limit: Number.MAX_SAFE_INTEGER })
      .filter((spelling) => acronym || !isCommonEnglishWord(spelling.text))
      .map((spelling) => ({ spelling, key: foldName(spelling.text) }));
    memo?.set(memoKey, spellings);
  }
  return spellings;
}

/**
 * Every alias of one entry, listed names first, then generated spellings. `memo` (shared across
 * the entries of one gazetteer) saves romanizing the same name twice.
 */
export function expandEntry(entry: GazetteerEntry, options: ExpandOptions = {}, memo?: SpellingMemo): Alias[] {
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
    // A generated spelling that is an ordinary English word (`Chase`, `Are`) would only ever match
    // the word: it is not generated at all (spellingsOf drops it). Listed names keep theirs, flagged `common`.
    let added = 0;
    for (const { spelling, key } of spellingsOf(memo, name.text, primary, entry.kind)) {
      if (added >= limit) break;
      if (seen.has(key)) continue;
      seen.add(key);
      added++;
      // A spelling of a former name (`Vernyy`, from `Верный`, Almaty's) is a former name too.
      aliases.push(withCommon({
        text: spelling.text, entity: entry.id, origin: 'generated', type: name.type === 'historic' ? 'historic' : 'variant', lang: `${primary}-Latn`, script: 'Latn',
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
