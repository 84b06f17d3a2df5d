/**
 * Name normalization (public face of the normalize stage): finds garbled and variant spellings
 * of gazetteer names in English text and fixes them, with evidence; doubtful cases become
 * suggestions. See docs/normalize.md.
 */
import { addMessage, type Change, type Suggestion, type TextDocument } from '../document.js';
import type { Gazetteer } from '../gazetteer/index.js';
import type { Stage } from '../pipeline.js';
import { loadGazetteer } from '../gazetteer/load.js';
import { NameIndex, indexFor } from './name-index.js';
import { normalizeText, type NormalizeOptions } from './normalizer.js';

export { normalizeText, NORMALIZE_DEFAULTS } from './normalizer.js';
export type { NormalizeOptions, NormalizeResult } from './normalizer.js';
export { NameIndex, indexFor } from './name-index.js';
export { loadNameIndex, nameIndexCacheFile } from './index-cache.js';
export { tokenize, countTokens } from './tokenize.js';
export type { WordToken } from './tokenize.js';
export { applyEdits } from './edits.js';
export { NORMALIZER_V8_FLAGS, tuneV8ForNormalizing } from './jit.js';

/** Options of the normalize stage. */
export interface NormalizeStageOptions extends Omit<NormalizeOptions, 'hints'> {
  /** User gazetteer files, loaded after the built-in one in this order (a later file overrides an earlier one). */
  gazetteers?: string[];
  /** Load the built-in gazetteer too (default true). */
  builtin?: boolean;
  /** Use this gazetteer (or this loader, called once) instead of loading files: tests, embedding, a pipeline sharing one. */
  gazetteer?: Gazetteer | (() => Promise<Gazetteer>);
}

/**
 * The normalize stage. The gazetteer and its index are loaded once, on the first document, and
 * shared by every later document of the pipeline.
 */
export function createNormalizeStage(options: NormalizeStageOptions = {}): Stage {
  let index: Promise<NameIndex> | undefined;
  const load = () =>
    (index ??= (async () => {
      const given = options.gazetteer;
      const gazetteer = typeof given === 'function' ? await given() : (given ?? (await loadGazetteer({ files: options.gazetteers ?? [], builtin: options.builtin ?? true })));
      return indexFor(gazetteer);
    })());
  const normalizeOptions: NormalizeOptions = { ...options };
  return async (doc) => {
    const nameIndex = await load();
    const result = normalizeText(doc.text, nameIndex, { ...normalizeOptions, hints: doc.entityHints.map((hint) => hint.entity) });
    recordResult(doc, result.changes, result.suggestions);
    doc.text = result.text;
  };
}

/** Add the normalizer's changes and suggestions to a document, each also as a message. */
export function recordResult(doc: TextDocument, changes: readonly Change[], suggestions: readonly Suggestion[]): void {
  const offsetsIn = doc.translation === undefined ? 'original' : 'translation';
  for (const change of changes) {
    doc.changes.push(change);
    addMessage(doc, {
      stage: 'normalize',
      ruleId: `normalize:${change.rule}`,
      reason: `'${change.from}' is ${describeRule(change.rule)} of '${change.to}'`,
      start: change.start,
      end: change.end,
      offsetsIn,
      actual: change.from,
      expected: [change.to],
      confidence: change.confidence,
      data: { entity: change.entity, kind: change.kind, applied: true, evidence: change.evidence },
    });
  }
  for (const suggestion of suggestions) {
    doc.suggestions.push(suggestion);
    addMessage(doc, {
      stage: 'normalize',
      ruleId: `normalize:${suggestion.rule}`,
      reason: `'${suggestion.from}' may be ${describeRule(suggestion.rule)} of '${suggestion.to}' (not applied)`,
      start: suggestion.start,
      end: suggestion.end,
      offsetsIn,
      actual: suggestion.from,
      expected: suggestion.candidates.length > 0 ? suggestion.candidates.map((candidate) => candidate.name) : [suggestion.to],
      confidence: suggestion.confidence,
      data: { entity: suggestion.entity, kind: suggestion.kind, applied: false, evidence: suggestion.evidence },
    });
  }
}

function describeRule(rule: Change['rule']): string {
  switch (rule) {
    case 'alias':
      return 'a foreign or native name';
    case 'variant':
      return 'a variant spelling';
    case 'romanization':
      return 'another romanization';
    case 'fuzzy':
      return 'a misspelling';
    case 'morphology':
      return 'an inflected form';
    case 'glued':
      return 'a glued form';
    case 'reromanize':
      return "another language's romanization";
  }
}
