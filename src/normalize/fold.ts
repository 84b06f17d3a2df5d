/**
 * Keys under which the normalizer matches names: the folded form (case, diacritics and
 * apostrophes removed) and the romanization skeleton, which also folds the letter variants
 * that different romanizations of one Cyrillic name produce (`zh/j/ž/dzh`, `kh/h/x`, `sh/š/sz`,
 * `ch/č/cz/ts`, `ya/ja/ia`, `yo/jo/ë`, `w/v`, `ou/u`, doubled letters, `-ov/-ow/-off`...).
 */

import { memoize } from './memo.js';

/** Letters that decompose to no base letter under NFD, or whose romanization value is a digraph. */
const LETTER_MAP: Record<string, string> = {
  ž: 'zh', ż: 'zh', ź: 'zh', š: 'sh', ś: 'sh', ş: 'sh', ș: 'sh', č: 'ch', ć: 'ch', ç: 'ch', ğ: 'g', ı: 'i', ł: 'l',
  ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', ə: 'a', ë: 'yo', ň: 'n', ŋ: 'ng', ý: 'y',
};
const LETTER_MAP_RE = /[žżźšśşșčćçğıłøđðħßæœəëňŋý]/gu;
/** Apostrophe-like marks and the middle dot, dropped in folding (see `foldKey`). */
const DROPPED_MARKS = /[\u0027\u0060\u00B4\u02B9\u02BA\u02BB\u02BC\u02BD\u02BE\u02BF\u2018\u2019\u201B\u2032\u00B7]/gu;

/**
 * Folded form: lower case, apostrophe-like marks and BGN/PCGN's middle dot (`Aziat·skiy`, where
 * `ts` is two letters) removed, letters with diacritics mapped to
 * their romanization value (`ž` → `zh`, `š` → `sh`, `č` → `ch`) or base letter, whitespace and
 * hyphens collapsed to one space. Works on any script (Cyrillic keeps its letters).
 */
export function foldKey(text: string): string {
  return foldMemo(text);
}

/** Words of plain ASCII letters, one space apart: the folded form is the text in lower case. */
const PLAIN_WORDS = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/**
 * `foldKey` without its memo, for strings seldom asked twice (a word joined to the next one),
 * which would only crowd the memo.
 */
export function foldKeyOnce(text: string): string {
  return foldUncached(text);
}

function foldUncached(text: string): string {
  // Most spans and words are plain: none of the replacements below would change them.
  if (PLAIN_WORDS.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .replace(LETTER_MAP_RE, (ch) => LETTER_MAP[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(DROPPED_MARKS, '')
    .replace(/[\s\-‐‑–—/]+/gu, ' ')
    .trim();
}

// Both keys are chains of regex replacements asked for the same words again and again.
const foldMemo = memoize(foldUncached, 100_000);

/** Ordered rewrite rules of the skeleton; each applies to the whole folded word, left to right. */
const SKELETON_RULES: Array<[RegExp, string]> = [
  // Drop what is not a letter; letters outside a-z stay, so they never match by accident.
  [/[^\p{L} ]/gu, ''],
  // Multi-letter consonants first (longest first).
  [/shch|sch|sz|sh/g, 's'],
  [/tsch|tch|cz|ch/g, 'c'],
  [/dzh|dj|zh/g, 'J'],
  [/gi(?=[aou])/g, 'J'],
  [/kh|x/g, 'h'],
  [/q/g, 'k'],
  [/ts|tz/g, 'c'],
  [/w/g, 'v'],
  [/ou|oo/g, 'u'],
  [/ph/g, 'f'],
  // Glides: y, i and (in the y-reading of j, handled by the caller) j are one letter.
  [/y/g, 'i'],
  [/j/g, 'J'],
  [/(^| )i(?=e)/g, '$1'],
  // A glide between vowels is often dropped (`Tokayev`/`Tokaev`, `Mirziyoyev`/`Mirzioev`).
  [/([aeiou])i(?=[aeou])/g, '$1'],
  // Doubled letters.
  [/([a-zJ])\1+/g, '$1'],
  // Final -off/-ow/-ev spelled variants.
  [/([a-z]{2,})of( |$)/g, '$1ov$2'],
  [/([a-z]{2,})ef( |$)/g, '$1ev$2'],
];

/** The romanization skeleton of a folded Latin string (see the module comment). */
export function skeletonOfFolded(folded: string): string {
  return skeletonMemo(folded);
}

/**
 * The skeleton of several words is the skeletons of its words, joined: no rule matches across a
 * space (word edges are read as `^`/`$` or as the space itself, which rules keep), and a word that
 * loses all its letters leaves no word behind. So a span's skeleton is made of its words' memoized
 * skeletons, and the rules run once per distinct word rather than once per span.
 */
function skeletonUncached(folded: string): string {
  if (folded.includes(' ')) {
    const words: string[] = [];
    for (const word of folded.split(' ')) {
      const skeleton = skeletonMemo(word);
      if (skeleton !== '') words.push(skeleton);
    }
    return words.join(' ');
  }
  // One word: the first rule leaves letters only, so there is nothing to trim.
  let key = folded;
  for (const [pattern, replacement] of SKELETON_RULES) key = key.replace(pattern, replacement);
  return key;
}

const skeletonMemo = memoize(skeletonUncached, 100_000);

/** The romanization skeleton of any Latin text. */
export function skeletonKey(text: string): string {
  return skeletonOfFolded(foldKey(text));
}

/**
 * Skeletons of a query. `j` is ambiguous between romanizations (`dzh` in English, `y` in
 * Czech, Polish, German, Slovene), so a query with `j` also yields its y-reading.
 */
export function querySkeletons(folded: string): string[] {
  const primary = skeletonOfFolded(folded);
  // Most queries have no `j` at all: no need to look for one outside `dj`.
  if (!folded.includes('j') || !/j/.test(folded.replace(/dj/g, ''))) return [primary];
  const yReading = skeletonOfFolded(folded.replace(/(?<!d)j/g, 'y'));
  return yReading === primary ? [primary] : [primary, yReading];
}

/** True when the text has Latin letters and no letters of another script. */
export function isLatinText(text: string): boolean {
  return /\p{Script=Latin}/u.test(text) && !/(?![\p{Script=Latin}\p{Lm}])\p{L}/u.test(text);
}

/** The ISO 15924 code of the main script of a word, as far as the normalizer cares. */
export function scriptOf(text: string): 'Latn' | 'Cyrl' | 'Other' {
  if (/\p{Script=Cyrillic}/u.test(text)) return 'Cyrl';
  if (/\p{Script=Latin}/u.test(text)) return 'Latn';
  return 'Other';
}
