/**
 * Running segments of a file through the pipeline and turning the results into edits of the
 * original text. Edits are made only where the pipeline reported a change (or where a
 * foreign-language piece was translated), so everything else in the file stays byte for byte.
 */
import pLimit from 'p-limit';
import type { TextDocument } from '../document.js';
import { createPipeline, createStages, primaryLanguage, type Pipeline, type PipelineOptions, type Stage } from '../pipeline.js';
import type { Edit, Locator, Range, ReportedChange, ReportedMessage, ReportedSuggestion, Segment, SkippedChange } from './types.js';

/** What processing one segment produced. */
export interface SegmentOutcome {
  edits: Edit[];
  changes: ReportedChange[];
  suggestions: ReportedSuggestion[];
  skipped: SkippedChange[];
  messages: ReportedMessage[];
  /** BCP-47 tag of the segment's language, `null` when there was nothing to process. */
  language: string | null;
  /** How many characters of prose the language stands for (to pick a file's main language). */
  weight: number;
  timings: Record<string, number>;
}

const letter = /\p{L}/u;

/** Replace masked characters by spaces (line breaks kept), so offsets stay the same. */
export function maskText(text: string, masks: readonly Range[]): string {
  if (masks.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const mask of masks) {
    out += text.slice(cursor, mask.start);
    out += text.slice(mask.start, mask.end).replace(/[^\r\n]/g, ' ');
    cursor = mask.end;
  }
  return out + text.slice(cursor);
}

/** The prose pieces of a segment: the text between splitting masks, trimmed of surrounding white space. */
export function prosePieces(text: string, masks: readonly { start: number; end: number; split: boolean }[]): Range[] {
  const pieces: Range[] = [];
  let cursor = 0;
  const add = (start: number, end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    if (lead + trail < raw.length) pieces.push({ start: start + lead, end: end - trail });
  };
  for (const mask of masks) {
    if (!mask.split) continue;
    add(cursor, mask.start);
    cursor = mask.end;
  }
  add(cursor, text.length);
  return pieces;
}

function emptyOutcome(): SegmentOutcome {
  return { edits: [], changes: [], suggestions: [], skipped: [], messages: [], language: null, weight: 0, timings: {} };
}

function addTimings(into: Record<string, number>, from: Partial<Record<string, number>>): void {
  for (const [stage, ms] of Object.entries(from)) if (ms !== undefined) into[stage] = (into[stage] ?? 0) + ms;
}

function withAt<T extends object>(item: T, at: Locator | undefined): T & { at?: Locator } {
  return at === undefined ? item : { ...item, at };
}

/**
 * Builds the pipelines a run needs (once per process: the stages, with the models and gazetteer
 * they load, are shared by all of them) and processes segments with at most `jobs` documents in
 * the pipeline at once.
 */
export class SegmentProcessor {
  readonly target: string;
  private readonly options: PipelineOptions;
  private readonly stages: NonNullable<PipelineOptions['stages']>;
  private readonly probe: Pipeline;
  private readonly bySource = new Map<string, Pipeline>();
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly from: string | undefined;

  constructor(options: PipelineOptions, jobs: number, from?: string) {
    this.options = options;
    this.target = options.target ?? 'en';
    this.from = from;
    this.limit = pLimit(jobs);
    // One set of stages (one gazetteer, shared by translate and normalize) for every pipeline.
    const stages = createStages(options);
    this.stages = stages;
    // Detect (and normalize when the text is already in the target language) without translating:
    // a foreign document is then translated piece by piece, so that markup stays where it was.
    this.probe = createPipeline({ ...options, translate: false, stages });
  }

  /** A pipeline that treats its input as written in `source`. */
  private pipelineFor(source: string): Pipeline {
    let pipeline = this.bySource.get(source);
    if (!pipeline) {
      const translate = this.options.translate === false ? false : { ...this.options.translate, from: source };
      pipeline = createPipeline({ ...this.options, translate, stages: this.stages });
      this.bySource.set(source, pipeline);
    }
    return pipeline;
  }

  private run(pipeline: Pipeline, text: string, path: string, signal?: AbortSignal): Promise<TextDocument> {
    return this.limit(() => pipeline.process({ text, path }, signal));
  }

  private isTarget(language: string): boolean {
    return primaryLanguage(language) === primaryLanguage(this.target);
  }

  /**
   * Process one segment. `locate` turns an offset of the edited text into a line/column locator
   * (used to say where translated pieces are).
   */
  async process(segment: Segment, path: string, locate: (rawOffset: number) => Locator, signal?: AbortSignal): Promise<SegmentOutcome> {
    const masked = maskText(segment.text, segment.masks);
    if (!letter.test(masked)) return emptyOutcome();
    const declared = segment.language ?? this.from;

    if (segment.fill) return this.fill(segment, declared, path, locate, signal);
    const translate = segment.translate !== false && this.options.translate !== false;
    if (declared !== undefined) {
      if (this.isTarget(declared) || this.options.translate === false) {
        return this.applyChanges(await this.run(this.pipelineFor(declared), masked, path, signal), segment, masked, declared);
      }
      if (!translate) return this.applyChanges(await this.run(this.probe, masked, path, signal), segment, masked, declared);
      return this.translatePieces(segment, declared, path, locate, signal);
    }
    const probed = await this.run(this.probe, masked, path, signal);
    const detected = probed.language?.bcp47;
    if (detected !== undefined && detected !== 'und' && !this.isTarget(detected) && translate) {
      const outcome = await this.translatePieces(segment, detected, path, locate, signal);
      addTimings(outcome.timings, { detect: probed.timings.detect });
      return outcome;
    }
    return this.applyChanges(probed, segment, masked, detected ?? null);
  }

  /** Turn a document's changes into edits of the raw text, keeping only those that are safe to apply. */
  private applyChanges(doc: TextDocument, segment: Segment, masked: string, language: string | null): SegmentOutcome {
    const outcome = emptyOutcome();
    outcome.language = language;
    outcome.weight = masked.length;
    addTimings(outcome.timings, doc.timings);
    outcome.messages = doc.messages.map((message) => withAt(message, segment.at));
    outcome.suggestions = doc.suggestions.map((suggestion) => withAt(suggestion, segment.at));
    const sorted = [...doc.changes].sort((a, b) => a.start - b.start || a.end - b.end);
    let lastEnd = -1;
    for (const change of sorted) {
      const reported = withAt(change, segment.at);
      let reason: string | undefined;
      if (doc.translation !== undefined) reason = 'the segment was translated; changes index the translation';
      else if (doc.original !== masked) reason = 'the text is not in Unicode NFC form, so change offsets do not match the file';
      else if (change.start < 0 || change.end > masked.length || change.start > change.end) reason = 'the change lies outside the text';
      else if (masked.slice(change.start, change.end) !== change.from) reason = `the text at the change is not '${change.from}'`;
      else if (segment.masks.some((mask) => mask.start < change.end && change.start < mask.end)) reason = 'the change touches markup or code';
      else if (change.start < lastEnd) reason = 'the change overlaps another change';
      if (reason !== undefined) {
        outcome.skipped.push({ change: reported, reason });
        continue;
      }
      lastEnd = change.end;
      outcome.changes.push(reported);
      outcome.edits.push({ start: segment.toRaw(change.start), end: segment.toRaw(change.end), text: segment.encode(change.to) });
    }
    return outcome;
  }

  /** Translate each prose piece of a foreign-language segment in place. */
  private async translatePieces(segment: Segment, source: string, path: string, locate: (rawOffset: number) => Locator, signal?: AbortSignal): Promise<SegmentOutcome> {
    const outcome = emptyOutcome();
    outcome.language = source;
    outcome.weight = maskText(segment.text, segment.masks).length;
    const pipeline = this.pipelineFor(source);
    const pieces = prosePieces(segment.text, segment.masks);
    const docs = await Promise.all(
      pieces.map(async (piece) => {
        const plain = segment.decode(segment.text.slice(piece.start, piece.end));
        if (!letter.test(plain)) return undefined;
        return { piece, plain, doc: await this.run(pipeline, plain, path, signal) };
      }),
    );
    for (const item of docs) {
      if (!item) continue;
      const { piece, plain, doc } = item;
      const at = locate(segment.toRaw(piece.start));
      if (segment.at) at.segment = segment.at.segment;
      addTimings(outcome.timings, doc.timings);
      outcome.messages.push(...doc.messages.map((message) => ({ ...message, at })));
      outcome.changes.push(...doc.changes.map((change) => ({ ...change, at, translated: true as const })));
      outcome.suggestions.push(...doc.suggestions.map((suggestion) => ({ ...suggestion, at, translated: true as const })));
      if (doc.translation !== undefined && doc.text !== plain) {
        const edit = { start: segment.toRaw(piece.start), end: segment.toRaw(piece.end), text: segment.encode(doc.text) };
        outcome.edits.push(edit);
        outcome.messages.push(editMessage('corpus:translated', `the piece was translated from '${source}' to '${this.target}'`, piece, edit, at));
      }
    }
    return outcome;
  }

  /** Make a missing target from the translated source (XLIFF). */
  private async fill(segment: Segment, source: string | undefined, path: string, locate: (rawOffset: number) => Locator, signal?: AbortSignal): Promise<SegmentOutcome> {
    const fill = segment.fill!;
    const at = segment.at ?? locate(fill.start);
    const notFilled = (reason: string, outcome = emptyOutcome()): SegmentOutcome => {
      outcome.edits = [];
      outcome.messages.push({
        stage: 'pipeline',
        ruleId: 'corpus:target-not-filled',
        reason,
        start: 0,
        end: 0,
        offsetsIn: 'original',
        confidence: 1,
        fatal: false,
        at,
      });
      return outcome;
    };
    if (this.options.translate === false) return notFilled('the target is missing and translation is switched off');
    let language = source;
    if (language === undefined) {
      const probed = await this.run(this.probe, maskText(segment.text, segment.masks), path, signal);
      language = probed.language?.bcp47;
    }
    if (language === undefined || language === 'und') return notFilled('the target is missing and the source language is unknown');
    if (this.isTarget(language)) return notFilled(`the target is missing and the source is already in '${this.target}'`);
    // Translate the source piece by piece (inline tags stay where they are), then insert it as the target.
    const pieceSegment: Segment = { ...segment, toRaw: (offset) => offset };
    delete pieceSegment.fill;
    const outcome = await this.translatePieces(pieceSegment, language, path, () => ({ ...at }), signal);
    for (const message of outcome.messages) message.at = at;
    if (outcome.edits.length === 0) {
      const why = outcome.messages.find((message) => message.fatal)?.reason ?? 'the translation came back empty';
      return notFilled(`the target is missing and could not be made from the source: ${why}`, outcome);
    }
    const translated = applyEdits(segment.text, outcome.edits);
    const edit = { start: fill.start, end: fill.end, text: fill.wrap(translated) };
    // The piece edits index the source; what the file gets is the one insertion below.
    outcome.messages = outcome.messages.filter((message) => message.ruleId !== 'corpus:translated');
    outcome.edits = [edit];
    outcome.messages.push(editMessage('corpus:target-filled', `the missing target was made by translating the source from '${language}'`, { start: 0, end: segment.text.length }, edit, at));
    return outcome;
  }
}

/**
 * A message recording an edit that is not a name change (a translated piece, a filled target):
 * `data` holds the raw edit (`start`/`end` in the file text, or in the line for JSONL, and the
 * `text` put there), so the report accounts for every byte that differs.
 */
function editMessage(ruleId: string, reason: string, range: Range, edit: Edit, at: Locator): ReportedMessage {
  return {
    stage: 'pipeline',
    ruleId,
    reason,
    start: range.start,
    end: range.end,
    offsetsIn: 'original',
    confidence: 1,
    fatal: false,
    data: { start: edit.start, end: edit.end, text: edit.text },
    at,
  };
}

/** Apply non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue;
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** Merge the outcomes of a file's segments into one: the language is the one covering most prose. */
export function mergeOutcomes(outcomes: readonly SegmentOutcome[]): SegmentOutcome {
  const merged = emptyOutcome();
  const weights = new Map<string, number>();
  for (const outcome of outcomes) {
    merged.edits.push(...outcome.edits);
    merged.changes.push(...outcome.changes);
    merged.suggestions.push(...outcome.suggestions);
    merged.skipped.push(...outcome.skipped);
    merged.messages.push(...outcome.messages);
    addTimings(merged.timings, outcome.timings);
    if (outcome.language !== null) weights.set(outcome.language, (weights.get(outcome.language) ?? 0) + outcome.weight + 1);
    merged.weight += outcome.weight;
  }
  let best = -1;
  for (const [language, weight] of [...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (weight > best) {
      best = weight;
      merged.language = language;
    }
  }
  return merged;
}
