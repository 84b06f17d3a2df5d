/**
 * Batch corpus normalization (public face): `runCorpus` processes files, directories and globs
 * of text, Markdown, JSON Lines, TMX, XLIFF and XML through the pipeline, mirroring the input
 * tree into an output directory with a report, a summary and a manifest for resuming.
 */
export { runCorpus } from './run.js';
export { defaultFingerprint } from './fingerprint.js';
export { listInputs, formatOf } from './inputs.js';
export type { CorpusInput } from './inputs.js';
export { SummaryBuilder, UNRESOLVED_LIMIT } from './summary.js';
export type { CorpusSummary, UnresolvedSuggestion } from './summary.js';
export { CORPUS_FORMATS } from './types.js';
export type {
  CorpusFormat,
  CorpusRunOptions,
  CorpusRunResult,
  CorpusProgress,
  ReportLine,
  ReportedChange,
  ReportedSuggestion,
  ReportedMessage,
  SkippedChange,
  DocumentError,
  Locator,
} from './types.js';
export { TEI_TEXT_PATH } from './formats/xml.js';
