/**
 * Language detection (public face of the detect stage).
 *
 * Script first: the dominant Unicode script decides which languages are compared at all
 * (by default the pipeline languages written in it). Then franc's trigram distances,
 * eld's n-gram scores and the alphabets of the candidates are added up as log-odds and
 * turned into probabilities. The answer is `und`, with a reason, when the text has too
 * few letters or the two best languages are too close to call. Passages in another
 * language (other paragraphs, sentences, or runs of another script inside a sentence)
 * are listed as `spans`.
 */
import type { Detection, TextDocument } from '../document.js';
import { addMessage } from '../document.js';
import { UsageError } from '../errors.js';
import type { Stage } from '../pipeline.js';
import { classify, comparesLanguages, knownLanguages, type ClassifyOptions, type EvidenceWeights } from './classify.js';
import { loadEld, type EldModel } from './eld.js';
import { PIPELINE_LANGUAGES } from './languages.js';
import { findSpans } from './segments.js';

export { PIPELINE_LANGUAGES, PIPELINE_CODES, toBcp47, type LanguageProfile } from './languages.js';
export type { EvidenceWeights } from './classify.js';

/** Options of the detector. Every field is optional; the defaults suit news articles. */
export interface DetectOptions {
  /** ISO 639-3 codes the detector may answer with (franc's codes: `rus`, `ukr`, `uzn`, `pes`, `arb`, `cmn`...). Overrides `scope`. */
  only?: string[];
  /** ISO 639-3 codes the detector must not answer with. */
  ignore?: string[];
  /**
   * Which languages compete when `only` is not given: `pipeline` (default) compares the 15
   * pipeline languages written in the text's script (scripts with none of them fall back to
   * every language franc knows in that script); `all` compares every language franc knows.
   */
  scope?: 'pipeline' | 'all';
  /** Below this many letters (of the dominant script) the answer is `und`. Default 10. */
  minLength?: number;
  /** The answer is `und` when the best language's probability beats the runner-up's by less. Default 0.2. */
  minMargin?: number;
  /** Look for passages in other languages (paragraphs, sentences, runs of another script). Default true. */
  segments?: boolean;
  /** Fewest letters a passage needs to be reported as a span. Default 12. */
  minSpanLength?: number;
  /** Use eld next to franc (better on short text; loads ~1 s once per process). Default true. */
  eld?: boolean;
  /** How many candidates to list. Default 3. */
  maxCandidates?: number;
  /** Evidence weights (for experiments; the defaults are what the evaluation measured). */
  weights?: Partial<EvidenceWeights>;
}

/** A configured detector. */
export interface Detector {
  /** Detect the language of a text (offsets in `spans` index this text). */
  detect(text: string): Promise<Detection>;
}

const known = knownLanguages();
const allKnown = new Set([...known.values()].flatMap((codes) => [...codes]));

/**
 * Check ISO 639-3 codes against the languages the detector knows; returns them lower-cased.
 * Throws a `UsageError` naming `option` (e.g. `--languages`) for unknown codes.
 */
export function checkLanguageCodes(codes: string[], option: string): string[] {
  const normalized = codes.map((code) => code.trim().toLowerCase()).filter(Boolean);
  const unknown = normalized.filter((code) => !allKnown.has(code));
  if (unknown.length > 0) {
    throw new UsageError(`${option}: unknown language code${unknown.length > 1 ? 's' : ''} ${unknown.map((code) => `'${code}'`).join(', ')} (expected ISO 639-3 codes franc knows, e.g. rus, ukr, kaz, uzn, pes)`);
  }
  return normalized;
}

function checkCodes(codes: string[] | undefined, option: string): string[] | undefined {
  return codes === undefined ? undefined : checkLanguageCodes(codes, option);
}

/** Create a detector; throws a `UsageError` for unknown language codes in `only`/`ignore`. */
export function createDetector(options: DetectOptions = {}): Detector {
  const only = checkCodes(options.only, 'only');
  const ignore = checkCodes(options.ignore, 'ignore');
  const base: ClassifyOptions = {
    minLength: options.minLength ?? 10,
    minMargin: options.minMargin ?? 0.2,
    scope: options.scope ?? 'pipeline',
    maxCandidates: options.maxCandidates ?? 3,
  };
  if (only) base.only = only;
  if (ignore) base.ignore = ignore;
  if (options.weights) base.weights = options.weights;
  const useEld = options.eld ?? true;
  const segments = options.segments ?? true;
  const minSpanLength = options.minSpanLength ?? 12;
  let eld: Promise<EldModel | undefined> | undefined;
  return {
    async detect(text) {
      // eld takes about a second to load: only when a text has several languages to compare.
      if (useEld && eld === undefined && comparesLanguages(text, base)) eld = loadEld();
      const model = await eld;
      const settled: ClassifyOptions = model ? { ...base, eld: model } : base;
      const detection = classify(text, settled);
      if (segments && detection.iso6393 !== 'und') {
        const spans = findSpans(text, detection, settled, minSpanLength);
        if (spans.length > 0) detection.spans = spans;
      }
      return detection;
    },
  };
}

/** Detect the language of a text. Returns `und` with a reason when unsure. */
export async function detectLanguage(text: string, options: DetectOptions = {}): Promise<Detection> {
  return createDetector(options).detect(text);
}

const names = new Map(PIPELINE_LANGUAGES.map((profile) => [profile.iso6393, profile.name]));
function languageName(iso6393: string): string {
  return names.get(iso6393) ?? iso6393;
}

/**
 * The detect stage: sets `doc.language` and adds messages with offsets into `doc.original`:
 * `detect:undetermined` (the reason) and one `detect:mixed-language` per passage in another language.
 */
export function createDetectStage(options: DetectOptions = {}): Stage {
  const detector = createDetector(options);
  return async (doc: TextDocument) => {
    const language = await detector.detect(doc.original);
    doc.language = language;
    if (language.iso6393 === 'und') {
      addMessage(doc, {
        stage: 'detect',
        ruleId: 'detect:undetermined',
        reason: `language undetermined: ${language.reason ?? 'unknown reason'}`,
        end: doc.original.length,
        confidence: 0,
        data: { reason: language.reason, script: language.script, candidates: language.candidates },
      });
      return;
    }
    for (const span of language.spans ?? []) {
      addMessage(doc, {
        stage: 'detect',
        ruleId: 'detect:mixed-language',
        reason: `${languageName(span.iso6393)} passage in a document in ${languageName(language.iso6393)}`,
        start: span.start,
        end: span.end,
        actual: doc.original.slice(span.start, span.end),
        confidence: span.confidence,
        data: { iso6393: span.iso6393, bcp47: span.bcp47, script: span.script },
      });
    }
  };
}
