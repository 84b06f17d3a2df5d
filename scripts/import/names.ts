/**
 * Pure helpers shared by the gazetteer importers: language tags, script detection, junk filtering
 * and merging of name lists. Everything here is deterministic and independent of the source files,
 * so it is unit-tested on small fixtures (test/gazetteer/import.test.ts).
 */
import type { EntryName, NameType } from '../../src/gazetteer/types.js';

/** The languages the pipeline reads or writes, in the order used to rank and sort names. */
export const PIPELINE_LANGS = ['en', 'ru', 'uk', 'kk', 'ky', 'uz', 'tg', 'tk', 'fa', 'ps', 'ar', 'tr', 'zh', 'de', 'fr', 'it', 'es'] as const;
export type PipelineLang = (typeof PIPELINE_LANGS)[number];

/** ISO 639-3 (and macrolanguage-member) codes that map onto a pipeline language. */
const ISO639_3_TO_1: Readonly<Record<string, PipelineLang>> = {
  eng: 'en', rus: 'ru', ukr: 'uk', kaz: 'kk', kir: 'ky', uzb: 'uz', uzn: 'uz', tgk: 'tg', tuk: 'tk',
  fas: 'fa', per: 'fa', pes: 'fa', prs: 'fa', pus: 'ps', pbu: 'ps', pst: 'ps', ara: 'ar', arb: 'ar',
  tur: 'tr', zho: 'zh', chi: 'zh', cmn: 'zh', deu: 'de', ger: 'de', fra: 'fr', fre: 'fr', ita: 'it', spa: 'es',
};

/** The script a language is written in by default (CLDR likely subtags); other scripts get a subtag. */
export const DEFAULT_SCRIPT: Readonly<Record<PipelineLang, string>> = {
  en: 'Latn', ru: 'Cyrl', uk: 'Cyrl', kk: 'Cyrl', ky: 'Cyrl', uz: 'Latn', tg: 'Cyrl', tk: 'Latn',
  fa: 'Arab', ps: 'Arab', ar: 'Arab', tr: 'Latn', zh: 'Hani', de: 'Latn', fr: 'Latn', it: 'Latn', es: 'Latn',
};

/** Scripts in which a name of each language is plausible; anything else is treated as junk. */
const ALLOWED_SCRIPTS: Readonly<Record<PipelineLang | 'und', readonly string[]>> = {
  en: ['Latn'], de: ['Latn'], fr: ['Latn'], it: ['Latn'], es: ['Latn'], tr: ['Latn'],
  ru: ['Cyrl'], uk: ['Cyrl'],
  kk: ['Cyrl', 'Latn', 'Arab'], ky: ['Cyrl', 'Latn', 'Arab'], uz: ['Latn', 'Cyrl', 'Arab'],
  tg: ['Cyrl', 'Latn', 'Arab'], tk: ['Latn', 'Cyrl'],
  fa: ['Arab'], ps: ['Arab'], ar: ['Arab'], zh: ['Hani'],
  // Names of unknown language are kept only as Latin or Cyrillic spellings (transliteration variants).
  und: ['Latn', 'Cyrl'],
};

/** A pipeline language from an ISO 639-1 or 639-3 code or a locale such as `zh_CN`/`uz-Cyrl`; undefined otherwise. */
export function pipelineLang(code: string): PipelineLang | undefined {
  const base = code.toLowerCase().split(/[-_]/u)[0] ?? '';
  if ((PIPELINE_LANGS as readonly string[]).includes(base)) return base as PipelineLang;
  return ISO639_3_TO_1[base];
}

const SCRIPT_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['Latn', /\p{Script=Latin}/u], ['Cyrl', /\p{Script=Cyrillic}/u], ['Arab', /\p{Script=Arabic}/u],
  ['Hani', /\p{Script=Han}/u], ['Grek', /\p{Script=Greek}/u], ['Hebr', /\p{Script=Hebrew}/u],
  ['Armn', /\p{Script=Armenian}/u], ['Geor', /\p{Script=Georgian}/u], ['Deva', /\p{Script=Devanagari}/u],
  ['Hang', /\p{Script=Hangul}/u], ['Kana', /[\p{Script=Katakana}\p{Script=Hiragana}]/u], ['Thai', /\p{Script=Thai}/u],
];

/**
 * The ISO 15924 code of the script most letters of `text` are written in (`Zyyy` when it has no
 * letters, `Zzzz` for a script not listed). Japanese kana count as `Kana`.
 */
export function detectScript(text: string): string {
  const counts = scriptCounts(text);
  let best = 'Zyyy';
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

const NO_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}]/u;
const LETTER = /\p{L}/u;
/** Script of each character seen so far ('' for non-letters and letters of no script). */
const charScripts = new Map<string, string>();

function charScript(char: string): string {
  let script = charScripts.get(char);
  if (script === undefined) {
    // Modifier letters such as ʻ (Uzbek oʻ, gʻ) belong to no script: they do not count.
    if (!LETTER.test(char) || NO_SCRIPT.test(char)) script = '';
    else script = SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Zzzz';
    charScripts.set(char, script);
  }
  return script;
}

/** Letters per script in `text`. */
function scriptCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text) {
    const script = charScript(char);
    if (script !== '') counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

/** BCP-47 tag: the bare language when written in its default script, `lang-Script` otherwise, `und` as is. */
export function languageTag(lang: PipelineLang | 'und', script: string): string {
  if (lang === 'und') return 'und';
  return DEFAULT_SCRIPT[lang] === script ? lang : `${lang}-${script}`;
}

/** Unicode clean-up of a source string: NFC, no bidi/zero-width marks, typographic spaces collapsed. */
export function cleanText(text: string): string {
  return text
    .normalize('NFD')
    // Stress marks in Russian dictionary spellings (`Трудова́я`) are not part of the name.
    .replace(/(\p{Script=Cyrillic})\u0301/gu, '$1')
    .normalize('NFC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu, '')
    .replace(/[\s\u00A0]+/gu, ' ')
    .trim();
}

/** Longest name kept, in code points: longer strings are descriptions rather than names. */
export const MAX_NAME_LENGTH = 60;

/**
 * Whether `text` (already cleaned) is usable as a name in the given language and script:
 * not empty, not too long, no digits or markup, letters of one script only (`Cabul - کابل`,
 * `MeshkhӀed` are junk), a plausible script for the language, and for
 * Latin or Cyrillic at least one capital letter (GeoNames lists machine transliterations such as
 * `trmdh` in lower case) and not an all-capital code of four letters or fewer (`TAS`).
 */
export function isUsableName(text: string, lang: PipelineLang | 'und', script: string): boolean {
  const length = [...text].length;
  if (length < 2 || length > MAX_NAME_LENGTH) return false;
  if (/[\p{Nd}@#&*_=+<>{}[\]()|\\/:;?]/u.test(text)) return false;
  if (/https?|www\./iu.test(text)) return false;
  if (!ALLOWED_SCRIPTS[lang].includes(script) || scriptCounts(text).size !== 1) return false;
  if (script === 'Latn' || script === 'Cyrl') {
    if (!/\p{Lu}/u.test(text)) return false;
    if (length <= 4 && text === text.toUpperCase()) return false;
  }
  return true;
}

/** Build a name from raw source text, or undefined when it is junk. */
export function makeName(raw: string, lang: PipelineLang | 'und', type: NameType, source: string): EntryName | undefined {
  const text = cleanText(raw);
  const script = detectScript(text);
  if (!isUsableName(text, lang, script)) return undefined;
  return { text, lang: languageTag(lang, script), script, type, source };
}

/**
 * A curated English name of overrides.json: as `makeName`, except that an acronym (`USA`, `U.K.`),
 * which source data only ever holds as a code and `isUsableName` drops, becomes an abbreviation.
 */
export function makeCuratedEnglishName(raw: string): EntryName | undefined {
  const text = cleanText(raw);
  if (/^(?:\p{Lu}\.?){2,4}$/u.test(text)) return { text, lang: 'en', script: 'Latn', type: 'abbreviation', source: 'curated' };
  return makeName(text, 'en', 'preferred', 'curated');
}

/** WOF `name:*` key suffixes (`x_preferred`...) and the name type each becomes. */
const WOF_NAME_TYPES: Readonly<Record<string, NameType>> = {
  preferred: 'preferred', variant: 'variant', colloquial: 'colloquial', historical: 'historic', unknown: 'variant',
};

/**
 * Parse a WOF name key (`rus_x_preferred`, `zho_tw_x_preferred`, `und_x_variant`) into a pipeline
 * language (or `und`) and a name type; undefined for languages the pipeline does not use.
 */
export function parseWofNameKey(key: string): { lang: PipelineLang | 'und'; type: NameType } | undefined {
  const match = /^([a-z]{3})(?:_[a-z_]+?)?_x_([a-z]+)$/u.exec(key);
  if (!match) return undefined;
  const type = WOF_NAME_TYPES[match[2]!];
  if (!type) return undefined;
  if (match[1] === 'und') return { lang: 'und', type };
  const lang = ISO639_3_TO_1[match[1]!];
  return lang ? { lang, type } : undefined;
}

const TYPE_RANK: Readonly<Record<NameType, number>> = {
  official: 0, preferred: 1, historic: 2, colloquial: 3, abbreviation: 4, variant: 5, misspelling: 6,
};

/** Case-insensitive, locale-independent key under which two names count as the same spelling. */
export function nameKey(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

function baseLang(tag: string): string {
  return tag.split('-')[0] ?? tag;
}

/**
 * Merge name lists into one: names equal modulo case collapse into the best-ranked one (a known
 * language beats `und`; then the place's own languages `preferLangs`, then pipeline order; then
 * official > preferred > historic > colloquial > abbreviation > variant), and the result is
 * sorted by language, type and text so that output does not depend on input order.
 */
export function mergeNames(names: Iterable<EntryName | undefined>, preferLangs: readonly string[] = []): EntryName[] {
  const langRank = (tag: string): number => {
    const base = baseLang(tag);
    if (base === 'und') return 1000;
    const preferred = preferLangs.indexOf(base);
    if (preferred >= 0) return preferred;
    const index = (PIPELINE_LANGS as readonly string[]).indexOf(base);
    return 100 + (index >= 0 ? index : 99);
  };
  const rank = (name: EntryName): [number, number] => [langRank(name.lang), TYPE_RANK[name.type]];
  const better = (a: EntryName, b: EntryName): boolean => {
    const [la, ta] = rank(a);
    const [lb, tb] = rank(b);
    return la !== lb ? la < lb : ta < tb;
  };
  const byKey = new Map<string, EntryName>();
  for (const name of names) {
    if (!name) continue;
    const key = nameKey(name.text);
    const current = byKey.get(key);
    if (!current || better(name, current)) byKey.set(key, name);
  }
  return [...byKey.values()].sort((a, b) => {
    const [la, ta] = rank(a);
    const [lb, tb] = rank(b);
    if (la !== lb) return la - lb;
    if (a.lang !== b.lang) return a.lang < b.lang ? -1 : 1;
    if (ta !== tb) return ta - tb;
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  });
}

/**
 * Whether a canonical English name candidate is written in plain Latin letters: no diacritics and
 * no apostrophes (those mark Uzbek ʻ or Russian ь, which English press spellings drop).
 */
export function isPlainLatin(text: string): boolean {
  return /^[A-Za-z][A-Za-z .-]*$/u.test(text);
}

/** Latin letters without diacritics (`Ürümqi` → `Urumqi`, `Daşoguz` → `Dasoguz`). */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ı/gu, 'i').replace(/[Əə]/gu, (c) => (c === 'Ə' ? 'A' : 'a')).normalize('NFC');
}

/**
 * Tidy a canonical English place name: typographic apostrophes and the backtick that Uzbek
 * Latin uses for ʻ become `'` (`Bo‘ka` → `Bo'ka`).
 */
export function tidyCanonical(text: string): string {
  return cleanText(text).replace(/[`‘’ʻʼ´]/gu, "'");
}

/**
 * The canonical English name from candidates in order of preference: the first one written in
 * plain Latin letters; failing that, the first Latin one with its diacritics removed.
 */
export function pickCanonical(candidates: ReadonlyArray<string | undefined>): string | undefined {
  const present = candidates
    .map((text) => (text === undefined ? undefined : tidyCanonical(text)))
    .filter((text): text is string => !!text)
    // A few source names are all lower case (`hamza`); a canonical name starts with a capital.
    .map((text) => text.charAt(0).toUpperCase() + text.slice(1));
  const plain = present.find(isPlainLatin);
  if (plain) return plain;
  const latin = present.find((text) => detectScript(text) === 'Latn');
  return latin === undefined ? undefined : stripDiacritics(latin);
}
