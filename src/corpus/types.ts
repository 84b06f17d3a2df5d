/**
 * Types shared by the corpus runner and its format handlers.
 */
import type { Change, Message, Suggestion } from '../document.js';
import type { PipelineOptions } from '../pipeline.js';

/** The formats the corpus runner reads and writes. */
export type CorpusFormat = 'txt' | 'md' | 'jsonl' | 'tmx' | 'xliff' | 'xml';

/** Every format name accepted by `--format`. */
export const CORPUS_FORMATS: readonly CorpusFormat[] = ['txt', 'md', 'jsonl', 'tmx', 'xliff', 'xml'];

/** A half-open range of UTF-16 offsets. */
export interface Range {
  start: number;
  end: number;
}

/** A range the pipeline must not change; `split` ranges also cut prose into separate pieces for translation. */
export interface Mask extends Range {
  split: boolean;
}

/** Where a segment sits in its file, for the report. */
export interface Locator {
  /** Index of the segment among the selected ones in the file (0-based). */
  segment: number;
  /** 1-based line of the segment's first character. */
  line: number;
  /** 1-based column (UTF-16 units) of the segment's first character. */
  column: number;
}

/**
 * A stretch of prose the pipeline works on. `text` is what the pipeline sees before masking:
 * a slice of the file for text, Markdown and XML, the decoded string for a JSON field.
 */
export interface Segment {
  text: string;
  /** Parts of `text` the pipeline must leave alone (code, tags, entity references), sorted. */
  masks: Mask[];
  /** Map an offset in `text` to an offset in the file text (or JSONL line) being edited. */
  toRaw(offset: number): number;
  /** Turn a raw piece of `text` into plain text (XML entity references), for translation. */
  decode(raw: string): string;
  /** Turn plain text into raw text for this place in the file (XML or JSON escaping). */
  encode(plain: string): string;
  /** The language the file declares for this segment (`xml:lang`, `--from`), if any. */
  language?: string;
  /**
   * False when a foreign-language segment must not be translated in place (TMX and XLIFF
   * segments belong to their declared language); it is then only detected and reported.
   */
  translate?: boolean;
  /** Where the segment is, when a file holds several. */
  at?: Locator;
  /**
   * Instead of editing `text` in place, translate it and put `wrap(translation)` in place of the
   * file range [start, end) (an XLIFF unit without a target: the target is made from the source).
   */
  fill?: { start: number; end: number; wrap(rawTranslation: string): string };
}

/** A replacement in the file text. */
export interface Edit extends Range {
  text: string;
}

/**
 * A change as it appears in the report: the pipeline's change plus where its segment is.
 * `translated`: the change was made in the translation of a foreign-language piece, so its
 * offsets index that translation (the piece's edit is the `corpus:translated` message).
 */
export type ReportedChange = Change & { at?: Locator; translated?: true };
/** A suggestion as it appears in the report. */
export type ReportedSuggestion = Suggestion & { at?: Locator; translated?: true };
/** A pipeline message as it appears in the report. */
export type ReportedMessage = Message & { at?: Locator };

/** A change the pipeline proposed that the corpus runner did not apply, and why. */
export interface SkippedChange {
  change: ReportedChange;
  reason: string;
}

/** Why a document failed. */
export interface DocumentError {
  code: string;
  reason: string;
}

/** One line of `report.jsonl`. */
export interface ReportLine {
  /** Path relative to the input root, `/`-separated. */
  path: string;
  format: CorpusFormat | null;
  /** JSONL: 1-based line number of the record. */
  line?: number;
  /** BCP-47 tag of the detected (or declared) language; `null` when nothing was processed. */
  language: string | null;
  changes: ReportedChange[];
  suggestions: ReportedSuggestion[];
  skipped: SkippedChange[];
  messages: ReportedMessage[];
  /** Milliseconds per stage (absent with `timings: false`). */
  timings?: Record<string, number>;
  error?: DocumentError;
}

/** Progress of a run, reported after each file and document. */
export interface CorpusProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  documents: number;
  failed: number;
  /** Files skipped because the manifest says they are done. */
  resumed: number;
}

/** Options of `runCorpus`. */
export interface CorpusRunOptions {
  /** Files, directories (walked recursively) and glob patterns. */
  inputs: string[];
  /** Where outputs, `report.jsonl`, `summary.json` and the manifest go. */
  outDir: string;
  /** Rewrite the inputs themselves (keeping `FILE.bak` copies); `outDir` still gets the report. */
  inPlace?: boolean;
  /** Read every input as this format instead of guessing from the extension. */
  format?: CorpusFormat;
  /** JSONL: the field holding the text, dot-separated for nested objects (`a.b.c`). Default `text`. */
  field?: string;
  /** TMX: the language of the `<tuv>` to normalize. Default: the pipeline target. */
  tuvLang?: string;
  /** XML: which elements hold text, e.g. `TEI/text/body//p`. */
  xmlTextPath?: string;
  /** Treat every document as written in this language instead of detecting it. */
  from?: string;
  /** Documents in flight at once. Default: number of CPU cores. */
  jobs?: number;
  /** Largest file (JSONL: largest line) accepted, in bytes. Default 64 MiB. */
  maxBytes?: number;
  /** Put per-stage timings in `report.jsonl` (default true; false makes reports reproducible byte for byte). */
  timings?: boolean;
  /** Options of the pipeline every document goes through (the same as `transnorm clean`). */
  pipeline?: PipelineOptions;
  /**
   * Version of everything outside these options that changes results: gazetteer data, models,
   * transnorm itself. Finished documents recorded under another fingerprint are redone.
   * Default: `defaultFingerprint(pipeline)`.
   */
  fingerprint?: string;
  /** Called as work progresses. */
  onProgress?: (progress: CorpusProgress) => void;
  /** Stop early (documents in flight finish; the run can be resumed). */
  signal?: AbortSignal;
}

/** What `runCorpus` returns. */
export interface CorpusRunResult {
  outDir: string;
  reportPath: string;
  summaryPath: string;
  files: number;
  /** Files skipped because an earlier run had finished them. */
  resumed: number;
  documents: number;
  failed: number;
  changes: number;
  suggestions: number;
  bytes: number;
  elapsedMs: number;
}
