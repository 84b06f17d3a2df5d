/**
 * The document pipeline: detect → (translate when the language is not the target) → normalize.
 * Stages are created once per pipeline, so models and the gazetteer index they load are
 * shared by every document the pipeline processes.
 */
import { createDocument, addMessage, type StageName, type TextDocument } from './document.js';
import { createDetectStage, type DetectOptions } from './detect/index.js';
import { createTranslateStage, type TranslateStageOptions } from './translate/index.js';
import { createNormalizeStage, type NormalizeStageOptions } from './normalize/index.js';
import { loadGazetteer } from './gazetteer/load.js';
import type { Gazetteer } from './gazetteer/types.js';

/** What every stage gets besides the document. */
export interface StageContext {
  /** Target language, BCP-47 (`en`). */
  readonly target: string;
  /** Aborts long work (a cancelled batch run). */
  readonly signal?: AbortSignal;
}

/** A stage transforms a document in place and adds messages; it never throws for content problems. */
export type Stage = (doc: TextDocument, context: StageContext) => Promise<void>;

export interface PipelineOptions {
  /** Target language, BCP-47. Default `en`. */
  target?: string;
  /** Options for the detect stage, or `false` to skip detection (the input is assumed to be in `from`). */
  detect?: DetectOptions | false;
  /** Options for the translate stage, or `false` to never translate. */
  translate?: TranslateStageOptions | false;
  /** Options for the normalize stage, or `false` to skip it. */
  normalize?: NormalizeStageOptions | false;
  /** Replace stages by custom implementations (tests, plugins). */
  stages?: Partial<Record<Exclude<StageName, 'pipeline'>, Stage>>;
  /**
   * The gazetteer shared by the translate stage (names found in the source) and the normalize
   * stage: a loaded gazetteer, or the files to load (`resolveGazetteerFiles` reads them from
   * `transnorm.config.json`). Default: the normalize stage's `gazetteers`/`builtin`, else the
   * built-in gazetteer. It is loaded once, lazily, for both stages.
   */
  gazetteer?: Gazetteer | GazetteerFiles;
}

/** Which gazetteer files to load: user files in load order (later ones override), over the built-in one. */
export interface GazetteerFiles {
  files?: string[];
  builtin?: boolean;
}

/** The stages of a pipeline, built once. */
export type PipelineStages = Partial<Record<Exclude<StageName, 'pipeline'>, Stage>>;

/** A function that loads the gazetteer on first call and returns the same promise afterwards. */
function sharedGazetteer(options: PipelineOptions): () => Promise<Gazetteer> {
  let loaded: Promise<Gazetteer> | undefined;
  const source = options.gazetteer;
  return () => {
    if (loaded) return loaded;
    if (source && 'lookup' in source) return (loaded = Promise.resolve(source));
    const normalize = options.normalize || undefined;
    const files = source?.files ?? normalize?.gazetteers ?? [];
    const builtin = source?.builtin ?? normalize?.builtin ?? true;
    return (loaded = loadGazetteer({ files, builtin }));
  };
}

/**
 * Build the stages a pipeline runs, with one gazetteer shared by translate and normalize.
 * Exposed so that batch runs can combine the same stages into several pipelines.
 */
export function createStages(options: PipelineOptions = {}): PipelineStages {
  const gazetteer = sharedGazetteer(options);
  const stages: PipelineStages = {};
  if (options.detect !== false) stages.detect = options.stages?.detect ?? createDetectStage(options.detect ?? {});
  if (options.translate !== false) {
    const translate = options.translate ?? {};
    stages.translate = options.stages?.translate ?? createTranslateStage({ ...translate, gazetteer: translate.gazetteer ?? gazetteer });
  }
  if (options.normalize !== false) {
    const normalize = options.normalize ?? {};
    stages.normalize = options.stages?.normalize ?? createNormalizeStage({ ...normalize, gazetteer: normalize.gazetteer ?? gazetteer });
  }
  return stages;
}

export interface ProcessInput {
  text: string;
  path?: string;
}

export interface Pipeline {
  readonly options: Readonly<PipelineOptions>;
  /** Run a document through the stages. */
  process(input: string | ProcessInput, signal?: AbortSignal): Promise<TextDocument>;
}

/** The primary subtag of a BCP-47 tag, lower-cased (`uz-Cyrl` → `uz`). */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

async function runStage(name: Exclude<StageName, 'pipeline'>, stage: Stage, doc: TextDocument, context: StageContext): Promise<void> {
  const started = performance.now();
  await stage(doc, context);
  doc.timings[name] = (doc.timings[name] ?? 0) + performance.now() - started;
}

/** Create a pipeline. Stages are built once here and reused for every document. */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const target = options.target ?? 'en';
  const { detect, translate, normalize } = createStages(options);

  return {
    options,
    async process(input, signal) {
      const { text, path } = typeof input === 'string' ? { text: input, path: undefined } : input;
      const doc = createDocument(text, path);
      const context: StageContext = signal ? { target, signal } : { target };

      if (detect) await runStage('detect', detect, doc, context);
      const language = doc.language;
      const forced = options.translate ? options.translate.from : undefined;
      const source = forced ?? language?.bcp47;
      const needsTranslation = source !== undefined && source !== 'und' && primaryLanguage(source) !== primaryLanguage(target);

      if (needsTranslation) {
        if (translate) {
          await runStage('translate', translate, doc, context);
        } else {
          addMessage(doc, {
            stage: 'pipeline',
            ruleId: 'pipeline:translation-skipped',
            reason: `the text is in '${source}', not '${target}', and translation is switched off`,
            end: doc.original.length,
          });
        }
      }

      // Normalize only text in the target language: names in a foreign-language text that was
      // not translated are not the normalizer's business.
      const translated = doc.translation !== undefined;
      if (normalize && (!needsTranslation || translated)) {
        await runStage('normalize', normalize, doc, context);
      } else if (normalize) {
        addMessage(doc, {
          stage: 'pipeline',
          ruleId: 'pipeline:normalize-skipped',
          reason: `names were not normalized: the text is not in '${target}'`,
          end: doc.original.length,
        });
      }
      return doc;
    },
  };
}
