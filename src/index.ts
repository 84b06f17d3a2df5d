/**
 * transnorm — the library API.
 *
 * ```ts
 * import { createPipeline } from 'transnorm';
 * const doc = await createPipeline().process('… the Zogorku Kenes voted …');
 * doc.text; doc.changes; doc.messages;
 * ```
 */
export { createPipeline, createStages, primaryLanguage } from './pipeline.js';
export type { Pipeline, PipelineOptions, PipelineStages, GazetteerFiles, ProcessInput, Stage, StageContext } from './pipeline.js';
export { createDocument, addMessage } from './document.js';
export type { TextDocument, Message, Detection, LanguageCandidate, LanguageSpan, Change, Suggestion, EntityHint, StageName } from './document.js';
export { TransnormError, UsageError, InputError, ModelError, GazetteerError, ExitCode, toError } from './errors.js';
export { readTextInput, decodeText, writeFileSafely } from './io.js';
export { detectLanguage, createDetectStage, createDetector } from './detect/index.js';
export type { DetectOptions } from './detect/index.js';
export {
  createTranslateStage, createTransformersTranslator, translateDocument, listModels, chooseRoute, resolveModelsDir,
  addModel, pullModel, verifyModel, removeModel,
} from './translate/index.js';
export type { TranslateStageOptions, Translator, InstalledModel, ModelManifest, ModelKind, Route } from './translate/index.js';
export { createNormalizeStage, normalizeText, applyEdits, NORMALIZE_DEFAULTS, NORMALIZER_V8_FLAGS, tuneV8ForNormalizing } from './normalize/index.js';
export type { NormalizeStageOptions, NormalizeOptions, NormalizeResult } from './normalize/index.js';
export type * from './gazetteer/types.js';
export { loadGazetteer, createGazetteer, validateEntries, validateFiles, builtinGazetteerFiles, romanize, foldName } from './gazetteer/index.js';
export { resolveGazetteerFiles } from './gazetteer/config.js';
export { runCorpus, defaultFingerprint as corpusFingerprint } from './corpus/index.js';
export type { CorpusRunOptions, CorpusRunResult, CorpusProgress, CorpusFormat, CorpusSummary, UnresolvedSuggestion, ReportLine as CorpusReportLine } from './corpus/index.js';
