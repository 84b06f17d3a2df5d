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


/** True when the word ends in a possessive `'s` or `’s` (checked per token: no regex in the hot loop). */
function endsWithPossessive(word: string): boolean {
  const n = word.length;
  if (n < 2) return false;
  const last = word.charCodeAt(n - 1);
  const mark = word.charCodeAt(n - 2);
  return (last === 0x73 || last === 0x53) && (mark === 0x27 || mark === 0x2019);
}

/**
 * Something every protected region contains (a backtick, `<`, `&`, `@`, `#`, `://`, `www.` or a
 * top-level domain). Most news paragraphs have none, and this scan is far cheaper than
 * `PROTECTED`, whose alternatives that start with any letter are tried at every letter.
 */
const PROTECTED_TRIGGER = /[`<&@#]|:\/\/|www\.|\.(?:com|org|net|ru|kz|kg|uz|tj|tm|io|info|gov|edu)(?![\p{L}])/u;

/** Ranges of the text that must never change. */
export function protectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (!PROTECTED_TRIGGER.test(text)) return ranges;
  const scan = (from: number, to: number) => {
    const part = from === 0 && to === text.length ? text : text.slice(from, to);
    for (const match of part.matchAll(PROTECTED)) ranges.push([from + match.index, from + match.index + match[0].length]);
  };
  // Only a code fence spans lines; without one, only the lines with a trigger need the full scan.
  if (text.includes('```')) scan(0, text.length);
  else {
    for (let start = 0; start < text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline < 0 ? text.length : newline;
      if (end > start && PROTECTED_TRIGGER.test(text.slice(start, end))) scan(start, end);
      start = end + 1;
    }
  }
  return ranges;
}

/** Character classes of the word scanner: other, `\p{Nd}`, `\p{L}` or `\p{M}`. */
const OTHER = 1;
const DIGIT = 2;
const LETTER = 3;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
/** Apostrophe-like marks allowed inside a word (`Qo'qon`, `O‘zbekiston`); ʻ and ʼ are letters already. */
const INNER_APOSTROPHES = new Set([0x27, 0x2019, 0x60, 0x2018]);

/** Class of each BMP code unit, filled on first sight from the Unicode property escapes. */
const unitClasses = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) {
  unitClasses[code] = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? LETTER : code >= 0x30 && code <= 0x39 ? DIGIT : OTHER;
}

function classOf(char: string): number {
  return LETTER_OR_MARK.test(char) ? LETTER : DECIMAL_DIGIT.test(char) ? DIGIT : OTHER;
}

/**
 * The class of the character at `i` and its width in code units (a surrogate pair is one
 * character), packed as `class * 4 + width` so the scanner allocates nothing per character.
 */
function charAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return classOf(text.slice(i, i + 2)) * 4 + 2;
  }
  let cls = unitClasses[code]!;
  if (cls === 0) unitClasses[code] = cls = classOf(String.fromCharCode(code));
  return cls * 4 + 1;
}

/**
 * The word tokens of a text, outside protected ranges. A word is a run of letters, marks and
 * decimal digits (`\p{L}`, `\p{M}`, `\p{Nd}`) continued by apostrophe-joined runs of letters and
 * marks (`Qo'qon`). Scanned by hand: a regex iterator allocates a match array per word, and
 * this runs on every word of every document.
 */
export function tokenize(text: string): WordToken[] {
  const ranges = protectedRanges(text);
  const tokens: WordToken[] = [];
  const n = text.length;
  let r = 0;
  let i = 0;
  while (i < n) {
    let at = charAt(text, i);
    if (at >> 2 === OTHER) {
      i += at & 3;
      continue;
    }
    const start = i;
    // Letters, marks and digits...
    do {
      i += at & 3;
      at = i < n ? charAt(text, i) : 0;
    } while (at >> 2 === LETTER || at >> 2 === DIGIT);
    // ...then apostrophe-joined runs of letters and marks.
    while (i + 1 < n && INNER_APOSTROPHES.has(text.charCodeAt(i)) && charAt(text, i + 1) >> 2 === LETTER) {
      i++;
      at = charAt(text, i);
      do {
        i += at & 3;
        at = i < n ? charAt(text, i) : 0;
      } while (at >> 2 === LETTER);
    }
    if (r < ranges.length) {
      while (r < ranges.length && ranges[r]![1] <= start) r++;
      const range = ranges[r];
      if (range && range[0] < i) continue;
    }
    let word = text.slice(start, i);
    if (endsWithPossessive(word)) word = word.slice(0, -2);
    if (word === '') continue;
    tokens.push({ text: word, start, end: start + word.length, index: tokens.length });
  }
  return tokens;
}

/** Count word tokens quickly (the benchmark baseline and the eval's token counts). */
export function countTokens(text: string): number {
  return tokenize(text).length;
}

/** True when the word starts with an upper-case letter. */
export function isCapitalized(word: string): boolean {
  // ASCII first: most words, and no regular expression to run for them.
  const first = word.charCodeAt(0);
  if (first < 0x80) return first >= 0x41 && first <= 0x5a;
  return /^\p{Lu}/u.test(word);
}

/** True for a word in a script other than Latin (Cyrillic, Arabic...). */
export function isNonLatinWord(word: string): boolean {
  return /^[\p{L}\p{M}]+$/u.test(word) && !/\p{Script=Latin}/u.test(word) && /\p{L}/u.test(word);
}
