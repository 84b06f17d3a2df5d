/**
 * Name normalization (public face of the normalize stage).
 * NOTE: placeholder until the normalizer issue lands.
 */
import { addMessage } from '../document.js';
import type { Stage } from '../pipeline.js';

export interface NormalizeStageOptions {
  /** Extra gazetteer files, in precedence order before the built-in one. */
  gazetteers?: string[];
}

/** The normalize stage. */
export function createNormalizeStage(_options: NormalizeStageOptions = {}): Stage {
  return async (doc) => {
    addMessage(doc, {
      stage: 'normalize',
      ruleId: 'normalize:unavailable',
      reason: 'name normalization is not available yet; the text was left as it is',
      end: doc.text.length,
      offsetsIn: doc.translation === undefined ? 'original' : 'translation',
      fatal: true,
      confidence: 0,
    });
  };
}
