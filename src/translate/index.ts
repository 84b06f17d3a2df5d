/**
 * Translation (public face of the translate stage).
 * NOTE: placeholder until the local translation issue lands: it records that translation
 * is not available rather than silently passing text through.
 */
import { addMessage } from '../document.js';
import type { Stage } from '../pipeline.js';

export interface TranslateStageOptions {
  /** Force the source language (BCP-47 or ISO 639-3) instead of the detected one. */
  from?: string;
}

/** The translate stage. */
export function createTranslateStage(_options: TranslateStageOptions = {}): Stage {
  return async (doc, context) => {
    addMessage(doc, {
      stage: 'translate',
      ruleId: 'translate:unavailable',
      reason: `translation to '${context.target}' is not available yet; the text was left in its source language`,
      end: doc.original.length,
      fatal: true,
      confidence: 0,
    });
  };
}
