/**
 * The `Translator` interface and its transformers.js implementation. Models are loaded from
 * local disk only (`env.allowRemoteModels = false`); nothing is fetched.
 */
import type { TranslationPipeline } from '@huggingface/transformers';
import { ModelError } from '../errors.js';
import { floresCode, hasCyrillic, modelLanguage, uzbekCyrillicToLatin } from './languages.js';
import { checkModelFiles, type InstalledModel } from './registry.js';

/** Source and target of a translation call (ISO 639-1 or BCP-47). */
export interface TranslateOptions {
  from: string;
  to: string;
  signal?: AbortSignal;
}

/** Something that translates sentences; one call is one batch. */
export interface Translator {
  /** The model id (for messages). */
  readonly id: string;
  /** Hash of the model files: translations are cached under it. */
  readonly hash: string;
  /** Translate each text; the result has the same length and order. */
  translate(texts: readonly string[], options: TranslateOptions): Promise<string[]>;
  /** The longest input (in tokens, end-of-sequence included) the model takes. */
  maxInputTokens(): Promise<number>;
  /** How many tokens a text takes. */
  countTokens(text: string): Promise<number>;
  /** Release the ONNX sessions. */
  dispose(): Promise<void>;
}

/** transformers.js, imported on first use: loading onnxruntime-node costs time every command does not need. */
export function loadTransformers(): Promise<typeof import('@huggingface/transformers')> {
  return import('@huggingface/transformers');
}

/** Put transformers.js in local-only, quiet, no-cache-write mode, resolving ids under `modelsDir`. */
export async function configureOfflineEnv(modelsDir: string): Promise<void> {
  const { env, LogLevel } = await loadTransformers();
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir.endsWith('/') ? modelsDir : `${modelsDir}/`;
  env.useFSCache = false;
  env.logLevel = LogLevel.ERROR;
}

/** Default cap on generated tokens relative to the input (output may be longer than the input). */
const OUTPUT_TOKENS_PER_INPUT_TOKEN = 2;
const MIN_NEW_TOKENS = 16;
const MAX_NEW_TOKENS = 512;

/**
 * A translator on transformers.js for an installed model. The ONNX sessions are loaded on the
 * first call. A missing or bad file gives a ModelError naming it.
 */
export function createTransformersTranslator(model: InstalledModel, modelsDir: string): Translator {
  let loading: Promise<TranslationPipeline> | undefined;
  const { manifest } = model;

  const load = (): Promise<TranslationPipeline> => {
    loading ??= (async () => {
      const problem = await checkModelFiles(model.dir, manifest.dtype);
      if (problem) throw new ModelError(`model '${model.id}' cannot be used: ${problem}`);
      await configureOfflineEnv(modelsDir);
      const { pipeline } = await loadTransformers();
      try {
        // An absolute path is used as it is: ids with a slash (`Xenova/opus-mt-ru-en`) work too.
        return (await pipeline('translation', model.dir, { dtype: manifest.dtype as 'fp32', device: 'cpu' })) as TranslationPipeline;
      } catch (error) {
        throw new ModelError(`model '${model.id}' failed to load: ${describeLoadError(error, model.dir)}`, { cause: error });
      }
    })();
    return loading;
  };

  const prepare = (texts: readonly string[], from: string, to: string): { inputs: string[]; kwargs: Record<string, unknown> } => {
    const source = modelLanguage(from);
    const target = modelLanguage(to);
    if (manifest.kind === 'nllb') {
      const src = floresCode(source);
      const tgt = floresCode(target);
      if (!src || !tgt) throw new ModelError(`model '${model.id}' (NLLB) has no FLORES code for ${src ? target : source}`);
      // NLLB knows Uzbek in Latin script only.
      const inputs = source === 'uz' ? texts.map((text) => (hasCyrillic(text) ? uzbekCyrillicToLatin(text) : text)) : [...texts];
      return { inputs, kwargs: { src_lang: src, tgt_lang: tgt } };
    }
    if (manifest.kind === 'm2m100') return { inputs: [...texts], kwargs: { src_lang: source, tgt_lang: target } };
    // A Marian model with several target languages needs a `>>xxx<<` token naming the target.
    const multiTarget = manifest.pairs.some((pair) => pair.endsWith('-mul'));
    return { inputs: multiTarget ? texts.map((text) => `>>${to}<< ${text}`) : [...texts], kwargs: {} };
  };

  const translator: Translator = {
    id: model.id,
    hash: manifest.hash,
    async translate(texts, options) {
      if (texts.length === 0) return [];
      options.signal?.throwIfAborted();
      const pipe = await load();
      const { inputs, kwargs } = prepare(texts, options.from, options.to);
      let longest = 0;
      for (const text of inputs) longest = Math.max(longest, pipe.tokenizer.encode(text).length);
      const max_new_tokens = Math.min(MAX_NEW_TOKENS, Math.max(MIN_NEW_TOKENS, longest * OUTPUT_TOKENS_PER_INPUT_TOKEN + 8));
      const output = (await pipe(inputs, { ...kwargs, max_new_tokens })) as Array<{ translation_text: string }>;
      return output.map((item) => item.translation_text);
    },
    async maxInputTokens() {
      const pipe = await load();
      const declared = Number((pipe.tokenizer as unknown as { model_max_length?: number }).model_max_length);
      return Number.isFinite(declared) && declared > 0 && declared < 1e6 ? declared : 512;
    },
    async countTokens(text) {
      const pipe = await load();
      return pipe.tokenizer.encode(text).length;
    },
    async dispose() {
      if (!loading) return;
      const pipe = await loading.catch(() => undefined);
      loading = undefined;
      await pipe?.dispose();
    },
  };
  return translator;
}

/** One line saying which file was bad, from a transformers.js / onnxruntime load error. */
function describeLoadError(error: unknown, dir: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const path = /["'`]([^"'`]+\.(?:onnx|json))["'`]/.exec(message)?.[1] ?? /(\/\S+\.(?:onnx|json))/.exec(message)?.[1];
  const firstLine = message.split('\n')[0]!.trim();
  if (path) {
    const file = path.startsWith(dir) ? path.slice(dir.length).replace(/^\/+/, '') : path;
    return `bad file ${file} in ${dir}: ${firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine}`;
  }
  return firstLine;
}
