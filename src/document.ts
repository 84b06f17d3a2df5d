/**
 * The document that flows through the pipeline, and the messages stages attach to it.
 * Modelled on vfile: stages never throw for content problems, they add messages.
 */

/** Names of the pipeline stages. */
export type StageName = 'detect' | 'translate' | 'normalize' | 'pipeline';

/**
 * Something a stage noticed or did. Offsets are UTF-16 code units, end exclusive.
 * For `detect` and `translate` they point into `doc.original`; for `normalize` they point
 * into the text the normalizer received (`doc.translation ?? doc.original`), see `offsetsIn`.
 */
export interface Message {
  stage: StageName;
  /** Stable identifier of the rule or event, e.g. `detect:mixed-language`, `normalize:fuzzy`. */
  ruleId: string;
  /** One human sentence. */
  reason: string;
  start: number;
  end: number;
  /** Which text `start`/`end` index: the original input or the translation. */
  offsetsIn: 'original' | 'translation';
  actual?: string;
  expected?: string[];
  /** In [0, 1]. */
  confidence: number;
  /** True when the stage could not do its work on this document. */
  fatal: boolean;
  /** Stage-specific evidence (kept JSON-serializable). */
  data?: Record<string, unknown>;
}

/** A candidate language with its score in [0, 1]. */
export interface LanguageCandidate {
  /** ISO 639-3, e.g. `rus`. */
  iso6393: string;
  score: number;
}

/** A span of the document in another language than the whole. */
export interface LanguageSpan {
  start: number;
  end: number;
  iso6393: string;
  bcp47: string;
  script: string;
  confidence: number;
}

/** Result of language detection. `iso6393` is `und` when unsure, with `reason` saying why. */
export interface Detection {
  iso6393: string;
  /** BCP-47 tag (`ru`, `uz-Cyrl` where the script is not the default), `und` when unsure. */
  bcp47: string;
  /** ISO 15924 script code of the dominant script, e.g. `Cyrl`, `Latn`, `Zyyy` when none. */
  script: string;
  confidence: number;
  candidates: LanguageCandidate[];
  /** Why the answer is `und`, when it is. */
  reason?: string;
  /** Spans written in another language than the document (segment-level detection). */
  spans?: LanguageSpan[];
}

/** A fix applied by the normalizer (shape fixed by the normalizer issue). */
export interface Change {
  start: number;
  end: number;
  from: string;
  to: string;
  entity: string;
  kind: string;
  confidence: number;
  rule: 'alias' | 'variant' | 'romanization' | 'fuzzy' | 'morphology' | 'glued' | 'reromanize';
  evidence: Record<string, unknown>;
}

/** A proposed fix left for a human: same shape as a change plus the candidates considered. */
export interface Suggestion extends Change {
  candidates: Array<{ entity: string; name: string; score: number; [key: string]: unknown }>;
}

/** A gazetteer entity found in the source text before translation, handed to the normalizer. */
export interface EntityHint {
  entity: string;
  /** The matched source-language text, as found. */
  text: string;
  start: number;
  end: number;
  confidence: number;
}

/** A document moving through the pipeline. */
export interface TextDocument {
  /** Where it came from, when known (a path, a JSONL line reference...). */
  path?: string;
  /** The input, NFC-normalized once on entry. All `original` offsets index this. */
  readonly original: string;
  /** The translation into the target language, when the translate stage ran. */
  translation?: string;
  /** The current text: the latest stage's output. */
  text: string;
  language?: Detection;
  messages: Message[];
  changes: Change[];
  suggestions: Suggestion[];
  /** Entities found in the source before translation (strong context for the normalizer). */
  entityHints: EntityHint[];
  /** Milliseconds spent per stage. */
  timings: Partial<Record<StageName, number>>;
}

/** Create a document from raw input text (NFC-normalized here, once). */
export function createDocument(input: string, path?: string): TextDocument {
  const original = input.normalize('NFC');
  const doc: TextDocument = {
    original,
    text: original,
    messages: [],
    changes: [],
    suggestions: [],
    entityHints: [],
    timings: {},
  };
  if (path !== undefined) doc.path = path;
  return doc;
}

/** Add a message with defaults for the optional parts; returns it. */
export function addMessage(
  doc: TextDocument,
  message: Omit<Message, 'confidence' | 'fatal' | 'offsetsIn' | 'start' | 'end'> &
    Partial<Pick<Message, 'confidence' | 'fatal' | 'offsetsIn' | 'start' | 'end'>>,
): Message {
  const full: Message = {
    start: 0,
    end: 0,
    offsetsIn: 'original',
    confidence: 1,
    fatal: false,
    ...message,
  };
  doc.messages.push(full);
  return full;
}
