/**
 * Unicode-aware tokenization for the normalizer. Words are runs of letters (any script), marks
 * and digits, with inner apostrophes (`Qo'qon`, `O‘zbekiston`); a trailing possessive `'s` is
 * split off. URLs, e-mail addresses, @handles, code spans and markup are protected: no token
 * is produced inside them, so nothing there can change. No `\b` anywhere (it is ASCII-only).
 */

/** A word of the text. Offsets are UTF-16 code units into the tokenized text, end exclusive. */
export interface WordToken {
  text: string;
  start: number;
  end: number;
  /** Index of the token in the token list. */
  index: number;
}

/** Protected regions: URLs, e-mail addresses, handles, inline and fenced code, tags, entities. */
const PROTECTED = new RegExp(
  [
    '```[\\s\\S]*?(?:```|$)',
    '`[^`\\n]*`',
    '<[A-Za-z!/?][^<>\\n]*>',
    '&[A-Za-z]+;|&#x?[0-9A-Fa-f]+;',
    '(?:https?|ftp)://[^\\s<>"]+',
    'www\\.[^\\s<>"]+',
    '[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}',
    '(?<![\\p{L}\\p{N}])[@#][\\p{L}\\p{N}_]+',
    '[\\p{L}\\p{N}_-]+\\.(?:com|org|net|ru|kz|kg|uz|tj|tm|io|info|gov|edu)(?:/[^\\s]*)?(?![\\p{L}])',
  ].join('|'),
  'gu',
);

const WORD = /[\p{L}\p{M}\p{Nd}]+(?:['’ʻʼ`‘][\p{L}\p{M}]+)*/gu;
const POSSESSIVE = /['’](?:s|S)$/u;

/** Ranges of the text that must never change. */
export function protectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(PROTECTED)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/** The word tokens of a text, outside protected ranges. */
export function tokenize(text: string): WordToken[] {
  const ranges = protectedRanges(text);
  const tokens: WordToken[] = [];
  let r = 0;
  for (const match of text.matchAll(WORD)) {
    let start = match.index;
    let word = match[0];
    while (r < ranges.length && ranges[r]![1] <= start) r++;
    const range = ranges[r];
    if (range && range[0] < start + word.length) continue;
    const possessive = POSSESSIVE.exec(word);
    if (possessive) word = word.slice(0, possessive.index);
    if (word === '') continue;
    tokens.push({ text: word, start, end: start + word.length, index: tokens.length });
    start += word.length;
  }
  return tokens;
}

/** Count word tokens quickly (the benchmark baseline and the eval's token counts). */
export function countTokens(text: string): number {
  return tokenize(text).length;
}

/** True when the word starts with an upper-case letter. */
export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** True for a word in a script other than Latin (Cyrillic, Arabic...). */
export function isNonLatinWord(word: string): boolean {
  return /^[\p{L}\p{M}]+$/u.test(word) && !/\p{Script=Latin}/u.test(word) && /\p{L}/u.test(word);
}
