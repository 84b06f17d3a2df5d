import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { protectedRanges, tokenize } from '../../src/normalize/tokenize.js';

/** The definition the hand-written scanner implements, as a regex (the reference; protected ranges aside). */
const WORD = /[\p{L}\p{M}\p{Nd}]+(?:['’ʻʼ`‘][\p{L}\p{M}]+)*/gu;

function referenceWords(text: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const ranges = protectedRanges(text);
  for (const match of text.matchAll(WORD)) {
    const end = match.index + match[0].length;
    if (ranges.some(([from, to]) => from < end && to > match.index)) continue;
    const word = /['’][sS]$/u.test(match[0]) ? match[0].slice(0, -2) : match[0];
    if (word !== '') out.push([word, match.index]);
  }
  return out;
}

/** Characters at every boundary of the scanner: ASCII, accents, combining marks, other scripts, digits, apostrophes, astral letters, lone surrogates. */
const ALPHABET = [
  'a', 'Z', 's', 'S', '0', '9', ' ', '.', ',', '-', "'", '’', '‘', '`', 'ʻ', 'ʼ', 'é', 'ž', '\u0301', 'Б', 'ы', 'ә', 'ق', '٣', '²', '½',
  '中', '𝐀', '𐐷', '\uD800', '\uDC00', '\n', '\u00A0', '_',
];

describe('tokenize', () => {
  it('finds exactly the words the reference regex finds, at the same offsets', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const tokens = tokenize(text);
        expect(tokens.map((token) => [token.text, token.start])).toEqual(referenceWords(text));
        for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps inner apostrophes and splits at digits after them', () => {
    expect(tokenize("O‘zbekiston Qo'qon'ga it's 5th a'1 A’s").map((token) => token.text)).toEqual(['O‘zbekiston', "Qo'qon'ga", 'it', '5th', 'a', '1', 'A']);
  });
});

describe('protectedRanges', () => {
  it('finds protected spans on every line, at line starts and ends', () => {
    const text = 'See lenta.ru\n@akipress wrote\nplain line\nmail a.b@c.kg or <b>x</b>\n`code` and https://x.kg/a';
    const ranges = protectedRanges(text).map(([from, to]) => text.slice(from, to));
    expect(ranges).toEqual(['lenta.ru', '@akipress', 'a.b@c.kg', '<b>', '</b>', '`code`', 'https://x.kg/a']);
  });

  it('reads a code fence across lines', () => {
    const text = 'Before\n```\nTaškent\n```\nafter Taškent';
    expect(protectedRanges(text)).toEqual([[7, 22]]);
    expect(tokenize(text).map((token) => token.text)).toEqual(['Before', 'after', 'Taškent']);
  });
});
