/**
 * Translating a whole document: sentences are found, the ones already in the target language
 * or without letters are kept, long ones are split to fit the model, cached translations are
 * reused, and the rest go to the model in batches (`batchSize`) run `jobs` at a time.
 */
import pLimit from 'p-limit';
import type { EntityHint } from '../document.js';
import type { Gazetteer } from '../gazetteer/types.js';
import { detectLanguage } from '../detect/index.js';
import type { TranslationCache } from './cache.js';
import { protectNames, restoreNames, type Placeholder } from './entities.js';
import { floresCode, modelLanguage } from './languages.js';
import { segmentText, splitLongSentence, type SentencePart } from './segment.js';
import type { Translator } from './translator.js';

/** One leg of a route, ready to run. */
export interface TranslatorStep {
  translator: Translator;
  from: string;
  to: string;
}

export interface TranslateDocumentOptions {
  /** The model(s) to go through: one, or two when pivoting through English. */
  steps: readonly TranslatorStep[];
  from: string;
  to: string;
  /** Sentences per model call. Default 8. */
  batchSize?: number;
  /** Model calls run at once. Default 1. */
  jobs?: number;
  cache?: TranslationCache;
  /** Entities found in the source (offsets into the text); with `protect`, their names are replaced by placeholders. */
  hints?: readonly EntityHint[];
  protect?: { gazetteer: Gazetteer };
  signal?: AbortSignal;
}

/** What happened to one sentence. */
export interface SegmentResult {
  start: number;
  end: number;
  source: string;
  translation: string;
  /** `translated` by the model, `cached`, or kept as it was because it is already in the target language. */
  status: 'translated' | 'cached' | 'kept';
  /** Model ids of the route (`a`, or `a → b` when pivoting). */
  model: string;
  /** Milliseconds of model time attributed to this sentence (its share of each batch it was in). */
  ms: number;
  /** How many parts a long sentence was split into. */
  parts: number;
  /** Language detected in a kept sentence. */
  detected?: string;
  /** Placeholders the model did not copy (their names are missing from the translation). */
  lostNames?: string[];
}

export interface DocumentTranslation {
  translation: string;
  segments: SegmentResult[];
}

interface Part extends SentencePart {
  key: string | undefined;
  translation?: string;
  ms: number;
  cached: boolean;
}

/** Letters of the script a language is written in (from its FLORES code: `eng_Latn` → Latin). */
function scriptLetters(language: string): RegExp | undefined {
  const script = floresCode(language)?.split('_')[1];
  if (!script) return undefined;
  try {
    return new RegExp(`\\p{Script=${script}}`, 'u');
  } catch {
    return undefined; // a script code the RegExp engine does not know (Hans...)
  }
}

/**
 * Whether a sentence is already in the target language (so it is not sent to the model).
 * A sentence without a letter of the target's script cannot be in it: no detection needed.
 */
async function inTarget(sentence: string, to: string, letters: RegExp | undefined): Promise<string | undefined> {
  if (letters && !letters.test(sentence)) return undefined;
  const detection = await detectLanguage(sentence);
  if (detection.iso6393 === 'und') return undefined;
  const language = modelLanguage(detection.bcp47 !== 'und' ? detection.bcp47 : detection.iso6393);
  return language === modelLanguage(to) ? detection.iso6393 : undefined;
}

/** Translate `text`; whitespace and paragraph structure are kept as they are. */
export async function translateDocument(text: string, options: TranslateDocumentOptions): Promise<DocumentTranslation> {
  const { steps, from, to } = options;
  const first = steps[0]!.translator;
  const batchSize = options.batchSize ?? 8;
  const hashes = steps.map((step) => step.translator.hash);
  const modelName = steps.map((step) => step.translator.id).join(' → ');
  const hints = options.hints ?? [];

  const pieces = segmentText(text, from);
  const targetLetters = scriptLetters(to);
  let limit: number | undefined;
  const units: Array<{ piece: (typeof pieces)[number]; parts: Part[]; placeholders: Placeholder[]; kept?: string }> = [];
  for (const piece of pieces) {
    if (!piece.translatable) continue;
    const detected = await inTarget(piece.text, to, targetLetters);
    if (detected) {
      units.push({ piece, parts: [], placeholders: [], kept: detected });
      continue;
    }
    let source = piece.text;
    let placeholders: Placeholder[] = [];
    if (options.protect) {
      const inside = hints.filter((hint) => hint.start >= piece.start && hint.end <= piece.end);
      ({ text: source, placeholders } = protectNames(piece.text, piece.start, inside, options.protect.gazetteer));
    }
    const parts: Part[] = [];
    const cacheKey = (part: string) => options.cache?.key(hashes, modelLanguage(from), modelLanguage(to), part);
    // A cached whole sentence needs no model, not even to count its tokens.
    const wholeKey = cacheKey(source);
    const wholeCached = wholeKey === undefined ? undefined : await options.cache!.get(wholeKey);
    if (wholeCached !== undefined) {
      parts.push({ text: source, separator: '', key: wholeKey, translation: wholeCached, ms: 0, cached: true });
    } else {
      limit ??= await first.maxInputTokens();
      for (const part of await splitLongSentence(source, limit, (t) => first.countTokens(t))) {
        const key = cacheKey(part.text);
        const cached = key === undefined ? undefined : await options.cache!.get(key);
        parts.push({ ...part, key, ms: 0, cached: cached !== undefined, ...(cached !== undefined ? { translation: cached } : {}) });
      }
    }
    units.push({ piece, parts, placeholders });
  }

  // Distinct texts still to translate, longest first so that batches pad little.
  const pending = new Map<string, Part[]>();
  for (const unit of units) for (const part of unit.parts) {
    if (part.translation !== undefined) continue;
    const same = pending.get(part.text);
    if (same) same.push(part);
    else pending.set(part.text, [part]);
  }
  const texts = [...pending.keys()].sort((a, b) => b.length - a.length);
  const batches: string[][] = [];
  for (let i = 0; i < texts.length; i += batchSize) batches.push(texts.slice(i, i + batchSize));
  const limitJobs = pLimit(options.jobs ?? 1);
  await Promise.all(
    batches.map((batch) =>
      limitJobs(async () => {
        options.signal?.throwIfAborted();
        const started = performance.now();
        let current: string[] = batch;
        for (const step of steps) current = await step.translator.translate(current, { from: step.from, to: step.to, ...(options.signal ? { signal: options.signal } : {}) });
        const share = (performance.now() - started) / batch.length;
        for (const [i, source] of batch.entries()) {
          for (const part of pending.get(source)!) {
            part.translation = current[i]!;
            part.ms = share;
          }
          const key = pending.get(source)![0]!.key;
          if (key !== undefined) await options.cache!.set(key, current[i]!);
        }
      }),
    ),
  );

  // Reassemble: translated sentences in place of the originals, everything else as it was.
  const byStart = new Map(units.map((unit) => [unit.piece.start, unit]));
  const segments: SegmentResult[] = [];
  let translation = '';
  for (const piece of pieces) {
    const unit = byStart.get(piece.start);
    if (!piece.translatable || !unit) {
      translation += piece.text;
      continue;
    }
    if (unit.kept) {
      translation += piece.text;
      segments.push({ start: piece.start, end: piece.end, source: piece.text, translation: piece.text, status: 'kept', model: modelName, ms: 0, parts: 0, detected: unit.kept });
      continue;
    }
    const joined = unit.parts.map((part) => part.translation!.trim() + (part.separator ? ' ' : '')).join('').trim();
    const { text: restored, lost } = restoreNames(joined, unit.placeholders);
    translation += restored;
    const segment: SegmentResult = {
      start: piece.start,
      end: piece.end,
      source: piece.text,
      translation: restored,
      status: unit.parts.every((part) => part.cached) ? 'cached' : 'translated',
      model: modelName,
      ms: unit.parts.reduce((sum, part) => sum + part.ms, 0),
      parts: unit.parts.length,
    };
    if (lost.length > 0) segment.lostNames = lost.map((p) => p.name);
    segments.push(segment);
  }
  return { translation, segments };
}
