/**
 * Gazetteer (public face): the entry model and its JSON Schema, JSONL files, loading with a
 * compiled on-disk index cache, romanized alias expansion, validation and lookup.
 *
 * ```ts
 * import { loadGazetteer } from './gazetteer/index.js';
 * const gazetteer = await loadGazetteer();              // built-in, cached after the first load
 * gazetteer.lookup('Surkhandarinskaya');                // [{ entry: Surkhandarya, how: 'morphology', ... }]
 * ```
 */
export * from './types.js';
export { formatEntries, parseEntries, readEntries, jsonLines, canonicalEntry, compareIds, ENTRY_KEY_ORDER, NAME_KEY_ORDER } from './jsonl.js';
export type { JsonLine } from './jsonl.js';
export { foldName } from './fold.js';
export { createGazetteer, expandEntries, mergeEntries, LOOKUP_SCORES, MORPHOLOGY_SCHEMES } from './gazetteer.js';
export { expandEntry } from './expand.js';
export type { ExpandOptions } from './expand.js';
export { loadGazetteer, builtinGazetteerFiles } from './load.js';
export type { LoadGazetteerOptions } from './load.js';
export { defaultCacheDir, codeFingerprint, INDEX_FORMAT } from './cache.js';
export { validateEntries, validateFiles, readEntriesWithLines } from './validate.js';
export type {
  ValidationIssue, ValidationReport, ValidationRule, ValidateOptions, ValidateFilesOptions, GazetteerStats, CountPair, EntrySource,
} from './validate.js';
export { ENTRY_SCHEMA, NAME_SCHEMA, entryValidator } from './schema.js';
export { isCommonEnglishWord, COMMON_WORD_LEVELS } from './common-words.js';
export {
  romanize, transliterate, romanizationSchemes, ROMANIZED_LANGS, DEFAULT_ROMANIZATION_LIMIT, russianForms,
} from './romanize/index.js';
export type { Romanization, RomanizeOptions, SchemeInfo } from './romanize/index.js';
export { packageRoot } from './paths.js';
