/** Folding: the key under which names match regardless of case, diacritics and apostrophes. */

/** Letters that carry no combining mark in Unicode but that readers treat as a base letter plus a mark. */
const LETTER_FOLDS: Record<string, string> = {
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', ŀ: 'l', ƶ: 'z', ȥ: 'z',
};

/**
 * Apostrophe-like marks that romanizations use for soft/hard signs, glottal stops and the Uzbek
 * `oʻ`/`gʻ`: `Surkhandar’inskaya`, `Surkhandar'inskaya` and `Surkhandarinskaya` fold alike.
 */
const APOSTROPHES = /[\u0027\u0060\u00B4\u02B9\u02BA\u02BB\u02BC\u02BD\u02BE\u02BF\u2018\u2019\u201B\u201C\u201D\u2032\u2033\u00B7\u02C8]/gu;

/**
 * The folded form of a name: lower case, no diacritics (`Žaparov` → `zaparov`), no apostrophe-like
 * marks (`Surkhandar’inskaya` → `surkhandarinskaya`), `ı ł ø ß...` to their base letters, and
 * whitespace collapsed. Cyrillic `ё`/`й` fold to `е`/`и` the same way (they decompose under NFD).
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(/[ıłøđðħŧßæœŀƶȥ]/gu, (ch) => LETTER_FOLDS[ch] ?? ch)
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
}
