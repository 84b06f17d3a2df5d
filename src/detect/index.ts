/**
 * Language detection (public face of the detect stage).
 * NOTE: initial version; the detection issue replaces the internals (script-aware,
 * segment-level, calibrated `und`), keeping these exports.
 */
import { franc, francAll } from 'franc';
import type { Detection, TextDocument } from '../document.js';
import { addMessage } from '../document.js';
import type { Stage } from '../pipeline.js';

export interface DetectOptions {
  /** ISO 639-3 codes franc may answer with. */
  only?: string[];
  /** ISO 639-3 codes franc must not answer with. */
  ignore?: string[];
  /** Below this many letters the answer is `und`. */
  minLength?: number;
}

/** Detect the language of a text. Returns `und` with a reason when unsure. */
export function detectLanguage(text: string, options: DetectOptions = {}): Detection {
  const minLength = options.minLength ?? 10;
  const francOptions = { minLength, ...(options.only ? { only: options.only } : {}), ...(options.ignore ? { ignore: options.ignore } : {}) };
  const all = francAll(text, francOptions).slice(0, 3);
  const best = franc(text, francOptions);
  if (best === 'und') {
    return { iso6393: 'und', bcp47: 'und', script: 'Zyyy', confidence: 0, candidates: [], reason: 'text too short' };
  }
  return {
    iso6393: best,
    bcp47: best === 'eng' ? 'en' : best === 'rus' ? 'ru' : best,
    script: 'Zyyy',
    confidence: all[0]?.[1] ?? 0,
    candidates: all.map(([iso6393, score]) => ({ iso6393, score })),
  };
}

/** The detect stage: sets `doc.language`. */
export function createDetectStage(options: DetectOptions = {}): Stage {
  return async (doc: TextDocument) => {
    doc.language = detectLanguage(doc.original, options);
    if (doc.language.iso6393 === 'und') {
      addMessage(doc, { stage: 'detect', ruleId: 'detect:undetermined', reason: `language undetermined: ${doc.language.reason}`, end: doc.original.length, confidence: 0 });
    }
  };
}
