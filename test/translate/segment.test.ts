import { describe, expect, it } from 'vitest';
import { segmentText, splitLongSentence } from '../../src/translate/segment.js';

describe('segmentText', () => {
  it('splits paragraphs and sentences and keeps every character', () => {
    const text = '  Привет, мир!  Я люблю тебя.\n\n\n— 2024 —\nВторой абзац.\n';
    const pieces = segmentText(text, 'ru');
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.map(({ text, translatable, paragraph }) => [text, translatable, paragraph])).toEqual([
      ['  ', false, 0],
      ['Привет, мир!', true, 0],
      ['  ', false, 0],
      ['Я люблю тебя.', true, 0],
      ['\n\n\n— 2024 —\n', false, 1],
      ['Второй абзац.', true, 1],
      ['\n', false, 1],
    ]);
    for (const piece of pieces) expect(text.slice(piece.start, piece.end)).toBe(piece.text);
  });

  it('returns one untranslatable piece for text without letters, and nothing for an empty text', () => {
    expect(segmentText('12 345\n')).toEqual([{ start: 0, end: 7, text: '12 345\n', translatable: false, paragraph: 0 }]);
    expect(segmentText('')).toEqual([]);
  });
});

describe('splitLongSentence', () => {
  // One token per word plus one for the end of sequence, like the tiny model.
  const count = async (text: string) => text.split(/\s+/u).filter(Boolean).length + 1;

  it('keeps a sentence that fits', async () => {
    expect(await splitLongSentence('a b c', 4, count)).toEqual([{ text: 'a b c', separator: '' }]);
  });

  it('splits at clause punctuation first, packing clauses', async () => {
    expect(await splitLongSentence('a b, c d, e f g; h', 5, count)).toEqual([
      { text: 'a b, c d,', separator: ' ' },
      { text: 'e f g; h', separator: '' },
    ]);
  });

  it('splits a clause that is still too long between words', async () => {
    expect(await splitLongSentence('a b c d e f g h', 4, count)).toEqual([
      { text: 'a b c', separator: ' ' },
      { text: 'd e f', separator: ' ' },
      { text: 'g h', separator: '' },
    ]);
  });
});
