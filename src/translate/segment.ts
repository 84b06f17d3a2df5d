/**
 * Splitting a document into the units the model translates: paragraphs, then sentences
 * (`Intl.Segmenter`), keeping every whitespace run as it is so the translation has the same
 * paragraph structure; and splitting sentences longer than the model's input limit.
 */

/** A slice of the text: a sentence to translate, or whitespace/symbols kept as they are. */
export interface TextPiece {
  start: number;
  end: number;
  text: string;
  /** True for a sentence with letters in it. */
  translatable: boolean;
  /** Index of the paragraph it belongs to (blank lines separate paragraphs). */
  paragraph: number;
}

const PARAGRAPH_BREAK = /\n[ \t\f\v\r]*\n\s*/g;
const LETTER = /\p{L}/u;

/** Split `text` into pieces whose concatenation is `text`. */
export function segmentText(text: string, locale?: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const push = (start: number, end: number, translatable: boolean, paragraph: number) => {
    if (end <= start) return;
    const last = pieces[pieces.length - 1];
    if (!translatable && last && !last.translatable) {
      last.end = end;
      last.text = text.slice(last.start, end);
      return;
    }
    pieces.push({ start, end, text: text.slice(start, end), translatable, paragraph });
  };
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  let paragraph = 0;
  let cursor = 0;
  const paragraphs: Array<[number, number]> = [];
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    paragraphs.push([cursor, match.index]);
    cursor = match.index + match[0].length;
  }
  paragraphs.push([cursor, text.length]);
  let previousEnd = 0;
  for (const [start, end] of paragraphs) {
    push(previousEnd, start, false, paragraph);
    for (const { segment, index } of segmenter.segment(text.slice(start, end))) {
      const lead = /^\s*/u.exec(segment)![0].length;
      const trail = segment.length - lead === 0 ? 0 : /\s*$/u.exec(segment)![0].length;
      const coreStart = start + index + lead;
      const coreEnd = start + index + segment.length - trail;
      push(start + index, coreStart, false, paragraph);
      push(coreStart, coreEnd, LETTER.test(text.slice(coreStart, coreEnd)), paragraph);
      push(coreEnd, start + index + segment.length, false, paragraph);
    }
    previousEnd = end;
    paragraph++;
  }
  push(previousEnd, text.length, false, paragraph - 1);
  return pieces;
}

/** A part of a long sentence and the whitespace that followed it in the sentence. */
export interface SentencePart {
  text: string;
  separator: string;
}

/**
 * Split a sentence that takes more than `limit` tokens: at clause punctuation first
 * (`,;:—`), then between words, packing as many pieces into each part as fit.
 */
export async function splitLongSentence(sentence: string, limit: number, countTokens: (text: string) => Promise<number>): Promise<SentencePart[]> {
  if ((await countTokens(sentence)) <= limit) return [{ text: sentence, separator: '' }];
  const pack = async (units: SentencePart[], fallback: (unit: string) => Promise<SentencePart[]>): Promise<SentencePart[]> => {
    const parts: SentencePart[] = [];
    let current: SentencePart | undefined;
    for (const unit of units) {
      if (current) {
        const joined = current.text + current.separator + unit.text;
        if ((await countTokens(joined)) <= limit) {
          current = { text: joined, separator: unit.separator };
          continue;
        }
        parts.push(current);
      }
      if ((await countTokens(unit.text)) <= limit) current = unit;
      else {
        const pieces = await fallback(unit.text);
        pieces[pieces.length - 1]!.separator = unit.separator;
        parts.push(...pieces.slice(0, -1));
        current = pieces[pieces.length - 1];
      }
    }
    if (current) parts.push(current);
    return parts;
  };
  const splitAt = (text: string, pattern: RegExp): SentencePart[] => {
    const units: SentencePart[] = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      units.push({ text: text.slice(last, match.index), separator: match[0] });
      last = match.index + match[0].length;
    }
    units.push({ text: text.slice(last), separator: '' });
    return units.filter((unit) => unit.text.length > 0);
  };
  const byCharacters = async (word: string): Promise<SentencePart[]> => {
    // A single "word" longer than the limit (a URL, a run of symbols): cut it by characters.
    const chars = [...word];
    const size = Math.max(1, Math.floor(chars.length / Math.ceil((await countTokens(word)) / limit)) - 1);
    const parts: SentencePart[] = [];
    for (let i = 0; i < chars.length; i += size) parts.push({ text: chars.slice(i, i + size).join(''), separator: '' });
    return parts;
  };
  const byWords = (clause: string) => pack(splitAt(clause, /\s+/gu), byCharacters);
  return pack(splitAt(sentence, /(?<=[,;:—–])\s+/gu), byWords);
}
