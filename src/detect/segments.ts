/**
 * Segment-level detection: paragraphs, then sentences (`Intl.Segmenter`), then runs of
 * another script inside a sentence (a Russian quotation in an English sentence). Each piece
 * is classified with a prior for the document's language, so only clear passages in another
 * language become spans. Offsets are UTF-16 code units into the text given.
 */
import type { Detection, LanguageSpan } from '../document.js';
import { classify, type ClassifyOptions } from './classify.js';
import { dominantScript, scriptCensus, scriptOf } from './scripts.js';

/** Log-odds bonus for the document's own language when judging a piece of it. */
const DOCUMENT_PRIOR = 3;
/** A piece must be at least this sure of its language to be reported. */
const SPAN_CONFIDENCE = 0.8;
/** Fewest words a sentence in the document's own script needs to be judged on its own. */
const MIN_SAME_SCRIPT_WORDS = 3;

interface Piece {
  start: number;
  end: number;
}

const paragraphBreak = /\n[^\S\n]*\n\s*/g;

function paragraphs(text: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  for (const match of text.matchAll(paragraphBreak)) {
    pieces.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  pieces.push({ start, end: text.length });
  return pieces;
}

const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });

function sentences(text: string, paragraph: Piece): Piece[] {
  const slice = text.slice(paragraph.start, paragraph.end);
  return [...sentenceSegmenter.segment(slice)].map((segment) => ({
    start: paragraph.start + segment.index,
    end: paragraph.start + segment.index + segment.segment.length,
  }));
}

/** Shrink a piece to its first and last letter (or digit). */
function trim(text: string, piece: Piece): Piece | undefined {
  const slice = text.slice(piece.start, piece.end);
  const first = slice.search(/[\p{L}\p{N}]/u);
  if (first < 0) return undefined;
  let last = slice.length;
  while (last > first && !/[\p{L}\p{N}\p{M}]/u.test(slice[last - 1]!)) last -= 1;
  // Keep a low surrogate with its high surrogate.
  if (last < slice.length && /[\uDC00-\uDFFF]/.test(slice[last] ?? '')) last += 1;
  return { start: piece.start + first, end: piece.start + last };
}

/** From the first to the last letter of `script` in a piece. */
function scriptStretch(text: string, piece: Piece, script: string): Piece | undefined {
  let start = -1;
  let end = -1;
  let index = piece.start;
  for (const char of text.slice(piece.start, piece.end)) {
    const code = scriptOf(char);
    if (code === script || (script === 'Jpan' && (code === 'Hani' || code === 'Kana' || code === 'Hira'))) {
      if (start < 0) start = index;
      end = index + char.length;
    }
    index += char.length;
  }
  return start < 0 ? undefined : { start, end };
}

/** Runs of letters of one script (anything that is not a letter does not break a run). */
function scriptRuns(text: string, piece: Piece): Array<Piece & { script: string; letters: number }> {
  const runs: Array<Piece & { script: string; letters: number }> = [];
  let current: (Piece & { script: string; letters: number }) | undefined;
  let index = piece.start;
  for (const char of text.slice(piece.start, piece.end)) {
    const script = scriptOf(char);
    if (script !== undefined) {
      const code = script === 'Kana' || script === 'Hira' ? 'Hani' : script;
      if (current && current.script === code) {
        current.end = index + char.length;
        current.letters += 1;
      } else {
        current = { start: index, end: index + char.length, script: code, letters: 1 };
        runs.push(current);
      }
    }
    index += char.length;
  }
  return runs;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{M}]+/gu) ?? []).length;
}

function letterCount(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

/** Passages of `text` in another language than `whole`. */
export function findSpans(text: string, whole: Detection, options: ClassifyOptions, minSpanLength: number): LanguageSpan[] {
  const judged: ClassifyOptions = {
    ...options,
    minLength: minSpanLength,
    prior: { ...options.prior, [whole.iso6393]: DOCUMENT_PRIOR },
  };
  const spans: LanguageSpan[] = [];
  const consider = (piece: Piece) => {
    const detection = classify(text.slice(piece.start, piece.end), judged);
    if (detection.iso6393 === 'und' || detection.confidence < SPAN_CONFIDENCE) return false;
    if (detection.iso6393 === whole.iso6393 && detection.script === whole.script) return false;
    const trimmed = trim(text, piece);
    if (!trimmed) return false;
    spans.push({ ...trimmed, iso6393: detection.iso6393, bcp47: detection.bcp47, script: detection.script, confidence: detection.confidence });
    return true;
  };
  for (const paragraph of paragraphs(text)) {
    if (letterCount(text.slice(paragraph.start, paragraph.end)) < minSpanLength) continue;
    for (const sentence of sentences(text, paragraph)) {
      const slice = text.slice(sentence.start, sentence.end);
      const dominant = dominantScript(scriptCensus(slice));
      if (dominant === undefined || dominant.letters < minSpanLength) continue;
      if (dominant.code !== whole.script) {
        // A sentence mostly in another script: the passage runs from its first to its last
        // letter of that script (a quotation inside an introducing clause stays apart).
        const stretch = scriptStretch(text, sentence, dominant.code);
        if (stretch) consider(stretch);
        continue;
      }
      // Within the document's script a switch of language needs a few words: one long word
      // (a name, a table cell) is no evidence of a passage in another language.
      if (wordCount(slice) >= MIN_SAME_SCRIPT_WORDS && consider(sentence)) continue;
      for (const run of scriptRuns(text, sentence)) {
        if (run.script !== whole.script && run.letters >= minSpanLength) consider(run);
      }
    }
  }
  return merge(text, spans);
}

/** Join neighbouring spans of the same language separated only by spaces and punctuation. */
function merge(text: string, spans: LanguageSpan[]): LanguageSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: LanguageSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && last.iso6393 === span.iso6393 && last.script === span.script && !/[\p{L}\p{N}]/u.test(text.slice(last.end, span.start))) {
      const lettersLast = letterCount(text.slice(last.start, last.end));
      const lettersSpan = letterCount(text.slice(span.start, span.end));
      last.confidence = Math.round(((last.confidence * lettersLast + span.confidence * lettersSpan) / (lettersLast + lettersSpan)) * 1000) / 1000;
      last.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}
