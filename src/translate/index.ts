/**
 * Translation (public face of the translate stage): local models run by transformers.js on
 * onnxruntime-node, found under the models directory, never fetched. The stage translates a
 * document sentence by sentence, finds gazetteer entities in the source first (`entityHints`)
 * and records a message per sentence.
 */
import { addMessage, type TextDocument } from '../document.js';
import { loadGazetteer } from '../gazetteer/index.js';
import type { Gazetteer } from '../gazetteer/types.js';
import type { Stage } from '../pipeline.js';
import { defaultTranslationCacheDir, openTranslationCache, type TranslationCache } from './cache.js';
import { translateDocument, type TranslatorStep } from './document-translator.js';
import { findEntityHints, indexSourceNames, type NameIndex } from './entities.js';
import { modelLanguage, recommendedModel } from './languages.js';
import { chooseRoute, listModels, resolveModelsDir, type InstalledModel, type Route } from './registry.js';
import { createTransformersTranslator, type Translator } from './translator.js';

export * from './registry.js';
export * from './translator.js';
export * from './cache.js';
export * from './segment.js';
export * from './entities.js';
export * from './languages.js';
export * from './document-translator.js';
export * from './manage.js';

export interface TranslateStageOptions {
  /** Force the source language (BCP-47 or ISO 639-3) instead of the detected one. */
  from?: string;
  /** The models directory (see `resolveModelsDir`). */
  modelsDir?: string;
  /** Use this installed model (id) instead of the best one for the pair. */
  model?: string;
  /** Sentences per model call. Default 8. */
  batchSize?: number;
  /** Model calls run at once. Default 1. */
  jobs?: number;
  /**
   * Replace gazetteer names by placeholders before translating and put the canonical English
   * names back after. Default false: see docs/translate.md for the measurement behind it.
   */
  protectNames?: boolean;
  /** Translation cache directory, or false for none. Default `defaultTranslationCacheDir()`. */
  cacheDir?: string | false;
  /**
   * The gazetteer whose native-script names are looked for in the source; false for none.
   * Default: `loadGazetteer({ files: gazetteerFiles })` (the built-in gazetteer plus those files).
   */
  gazetteer?: Gazetteer | (() => Promise<Gazetteer>) | false;
  /** User gazetteer files loaded after the built-in ones (when `gazetteer` is not given). */
  gazetteerFiles?: string[];
  /** Load the built-in gazetteer (default true; when `gazetteer` is not given). */
  gazetteerBuiltin?: boolean;
  /** Build the translator for a model (tests and benchmarks); default transformers.js. */
  createTranslator?: (model: InstalledModel, modelsDir: string) => Translator;
}

/** The command that installs a model for `from` → `to`, for error messages. */
export function installHint(from: string, to: string): string {
  const hub = modelLanguage(to) === 'en' ? recommendedModel(from) : undefined;
  const pull = hub ? `'transnorm models pull ${hub} --allow-remote'` : `'transnorm models pull <hub-id> --allow-remote'`;
  return `install one with ${pull} or 'transnorm models add DIR'`;
}

/** The translate stage. Models, the gazetteer index and the cache are opened once, on first use. */
export function createTranslateStage(options: TranslateStageOptions = {}): Stage {
  let modelsDir: string | undefined;
  let installed: Promise<InstalledModel[]> | undefined;
  const translators = new Map<string, Translator>();
  const nameIndexes = new Map<string, NameIndex>();
  let gazetteer: Promise<Gazetteer | undefined> | undefined;
  let cache: TranslationCache | undefined;
  const makeTranslator = options.createTranslator ?? createTransformersTranslator;

  const translatorFor = (model: InstalledModel): Translator => {
    let translator = translators.get(model.id);
    if (!translator) {
      translator = makeTranslator(model, modelsDir!);
      translators.set(model.id, translator);
    }
    return translator;
  };

  return async (doc: TextDocument, context) => {
    modelsDir ??= resolveModelsDir(options.modelsDir);
    const fromTag = options.from ?? doc.language?.bcp47 ?? doc.language?.iso6393 ?? 'und';
    const from = modelLanguage(fromTag);
    const to = modelLanguage(context.target);
    const fatal = (ruleId: string, reason: string) =>
      addMessage(doc, { stage: 'translate', ruleId, reason, end: doc.original.length, fatal: true, confidence: 0 });

    installed ??= listModels(modelsDir).then((result) => result.models);
    const models = await installed;
    const route: Route | undefined = chooseRoute(models, from, to, options.model);
    if (!route) {
      if (options.model !== undefined && !models.some((model) => model.id === options.model)) {
        fatal('translate:no-model', `model '${options.model}' is not installed in ${modelsDir} (see 'transnorm models list')`);
      } else if (options.model !== undefined) {
        fatal('translate:no-model', `model '${options.model}' does not translate ${from}→${to}`);
      } else {
        fatal('translate:no-model', `no translation model for ${from}→${to} in ${modelsDir}: ${installHint(from, to)}`);
      }
      return;
    }

    // Names in the source: strong context for the normalizer. The gazetteer loads while the
    // model translates, unless the names are to be protected (then they are needed first).
    const findHints = async (): Promise<Gazetteer | undefined> => {
      if (options.gazetteer === false) return undefined;
      const given = options.gazetteer;
      gazetteer ??= typeof given === 'function' ? given() : given ? Promise.resolve(given) : loadGazetteer({
        ...(options.gazetteerFiles ? { files: options.gazetteerFiles } : {}),
        ...(options.gazetteerBuiltin === false ? { builtin: false } : {}),
      });
      const loaded = await gazetteer.catch((error: unknown) => {
        // Names are context for the normalizer, not needed to translate: say so and go on.
        addMessage(doc, { stage: 'translate', ruleId: 'translate:no-gazetteer', reason: `names were not looked up before translating: ${error instanceof Error ? error.message : String(error)}`, confidence: 0 });
        return undefined;
      });
      if (!loaded) return undefined;
      let index = nameIndexes.get(from);
      if (!index) nameIndexes.set(from, (index = indexSourceNames(loaded, from)));
      doc.entityHints.push(...findEntityHints(doc.original, index));
      return loaded;
    };
    const hinted = findHints();
    const protect = options.protectNames ? await hinted : undefined;

    if (options.cacheDir !== false) cache ??= openTranslationCache(options.cacheDir ?? defaultTranslationCacheDir());
    const steps: TranslatorStep[] = route.steps.map((step) => ({ translator: translatorFor(step.model), from: step.from, to: step.to }));
    let result;
    try {
      result = await translateDocument(doc.original, {
        steps,
        from,
        to,
        batchSize: options.batchSize ?? 8,
        jobs: options.jobs ?? 1,
        ...(cache ? { cache } : {}),
        ...(protect ? { protect: { gazetteer: protect }, hints: doc.entityHints } : {}),
        ...(context.signal ? { signal: context.signal } : {}),
      });
    } catch (error) {
      await hinted;
      if (context.signal?.aborted) throw error;
      fatal('translate:model-failed', error instanceof Error ? error.message : String(error));
      return;
    }
    await hinted;

    doc.translation = result.translation;
    doc.text = result.translation;
    for (const segment of result.segments) {
      const how = segment.status === 'kept'
        ? `kept: already in '${to}' (detected ${segment.detected})`
        : segment.status === 'cached'
          ? `translated by ${segment.model} (from the cache)`
          : `translated by ${segment.model} in ${segment.ms.toFixed(1)} ms`;
      addMessage(doc, {
        stage: 'translate',
        ruleId: segment.status === 'kept' ? 'translate:kept' : 'translate:segment',
        reason: segment.parts > 1 ? `${how}, in ${segment.parts} parts (longer than the model's input)` : how,
        start: segment.start,
        end: segment.end,
        actual: segment.source,
        expected: [segment.translation],
        data: {
          model: segment.model,
          ms: Math.round(segment.ms * 100) / 100,
          status: segment.status,
          parts: segment.parts,
          from: route.from,
          to: route.to,
          ...(route.steps.length > 1 ? { pivot: 'en' } : {}),
        },
      });
      if (segment.lostNames) {
        addMessage(doc, {
          stage: 'translate',
          ruleId: 'translate:name-lost',
          reason: `the model dropped the placeholder of ${segment.lostNames.join(', ')}; the name is missing from the translation`,
          start: segment.start,
          end: segment.end,
          confidence: 0.5,
          data: { names: segment.lostNames },
        });
      }
    }
  };
}
