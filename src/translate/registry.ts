/**
 * The model registry: installed models live in folders under the models directory, each with
 * a `transnorm.json` manifest beside the files transformers.js reads. This module finds them,
 * checks their files and picks the best model (or a pivot through English) for a pair.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelError } from '../errors.js';
import { floresCode, isM2m100Language, modelLanguage } from './languages.js';

/** The manifest file written beside each model's files. */
export const MANIFEST_FILE = 'transnorm.json';

/**
 * What kind of translation model a folder holds: a per-pair OPUS-MT Marian model, a
 * multilingual Marian model (`opus-mt-mul-en`), NLLB-200 (FLORES codes) or M2M-100.
 */
export type ModelKind = 'marian' | 'multilingual' | 'nllb' | 'm2m100';
export const MODEL_KINDS: readonly ModelKind[] = ['marian', 'multilingual', 'nllb', 'm2m100'];

/** The manifest (`transnorm.json`) of an installed model. */
export interface ModelManifest {
  /** The id the model is installed under (its folder relative to the models directory). */
  id: string;
  /** Where it came from: a hub id (`Xenova/opus-mt-ru-en`), or the folder or tarball it was added from. */
  source: string;
  kind: ModelKind;
  /** Pairs served, `src-tgt` in ISO 639-1; `mul` stands for any language the kind supports. */
  pairs: string[];
  /** The transformers.js dtype whose ONNX files are installed (`fp32`, `q8`...). */
  dtype: string;
  /** Bytes of all files. */
  size: number;
  /** SHA-256 of each file, by path relative to the model folder. */
  files: Record<string, string>;
  /** SHA-256 over `files`: the model's identity in the translation cache. */
  hash: string;
  /** When it was installed (ISO 8601). */
  installed: string;
}

/** An installed model: its manifest and folder. */
export interface InstalledModel {
  id: string;
  dir: string;
  manifest: ModelManifest;
}

/** A folder under the models directory that looks like a model but cannot be used. */
export interface BrokenModel {
  dir: string;
  reason: string;
}

/** File-name suffix of the ONNX files for each transformers.js dtype. */
export const DTYPE_SUFFIX: Readonly<Record<string, string>> = {
  fp32: '', q8: '_quantized', fp16: '_fp16', int8: '_int8', uint8: '_uint8', q4: '_q4', q4f16: '_q4f16', bnb4: '_bnb4',
};

/** The files a seq2seq model needs for `dtype`, in the order they are checked. */
export function requiredFiles(dtype: string): string[] {
  const suffix = DTYPE_SUFFIX[dtype] ?? '';
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', `onnx/encoder_model${suffix}.onnx`, `onnx/decoder_model_merged${suffix}.onnx`];
}

/** The first dtype (fp32 first, then quantized ones) whose two ONNX files are present in `dir`. */
export function detectDtype(dir: string): string | undefined {
  return Object.entries(DTYPE_SUFFIX).find(([, suffix]) =>
    existsSync(join(dir, 'onnx', `encoder_model${suffix}.onnx`)) && existsSync(join(dir, 'onnx', `decoder_model_merged${suffix}.onnx`)),
  )?.[0];
}

/**
 * The first problem with a model folder's required files, as a sentence naming the file
 * (`missing onnx/encoder_model.onnx`), or undefined when they are all present and the JSON
 * files parse.
 */
export async function checkModelFiles(dir: string, dtype: string): Promise<string | undefined> {
  for (const file of requiredFiles(dtype)) {
    const path = join(dir, file);
    let info;
    try {
      info = await stat(path);
    } catch {
      return `missing ${file} in ${dir}`;
    }
    if (!info.isFile() || info.size === 0) return `bad file ${file} in ${dir}: empty or not a file`;
    if (file.endsWith('.json')) {
      try {
        JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        return `bad file ${file} in ${dir}: not valid JSON (${(error as Error).message})`;
      }
    }
  }
  return undefined;
}

/**
 * The models directory: `explicit` (`--models DIR`), else `$TRANSNORM_MODELS`, else `./models`
 * under the working directory when it exists, else the `models/` folder of the installed package.
 */
export function resolveModelsDir(explicit?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  if (explicit) return resolve(cwd, explicit);
  if (env.TRANSNORM_MODELS) return resolve(cwd, env.TRANSNORM_MODELS);
  const local = resolve(cwd, 'models');
  if (existsSync(local)) return local;
  return resolve(fileURLToPath(new URL('../../models/', import.meta.url)));
}

/** SHA-256 of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `dir`, relative, `/`-separated, sorted; the manifest excluded. */
export async function modelFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => path !== MANIFEST_FILE && !path.startsWith('.'))
    .sort();
}

/** The model hash: SHA-256 over the sorted `path sha256` lines. */
export function manifestHash(files: Record<string, string>): string {
  const lines = Object.keys(files).sort().map((path) => `${path} ${files[path]}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

function isManifest(value: unknown): value is ModelManifest {
  const m = value as Partial<ModelManifest> | null;
  return (
    typeof m === 'object' && m !== null && typeof m.id === 'string' && typeof m.dtype === 'string' &&
    typeof m.hash === 'string' && Array.isArray(m.pairs) && m.pairs.every((p) => typeof p === 'string' && /^[a-z]{2,3}-[a-z]{2,3}$/.test(p)) &&
    MODEL_KINDS.includes(m.kind as ModelKind) && typeof m.files === 'object' && m.files !== null
  );
}

/** Read the manifest of the model in `dir`; throws a ModelError naming the file when it is bad. */
export async function readManifest(dir: string): Promise<ModelManifest> {
  const path = join(dir, MANIFEST_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'not valid JSON';
    throw new ModelError(`bad model folder ${dir}: ${MANIFEST_FILE} is ${reason}`);
  }
  if (!isManifest(parsed)) throw new ModelError(`bad file ${MANIFEST_FILE} in ${dir}: not a transnorm model manifest`);
  return parsed;
}

/** The installed models (folders with a manifest, one or two levels deep: `name` or `org/name`). */
export async function listModels(modelsDir: string): Promise<{ models: InstalledModel[]; broken: BrokenModel[] }> {
  const models: InstalledModel[] = [];
  const broken: BrokenModel[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (depth > 0 && entries.some((entry) => entry.name === MANIFEST_FILE)) {
      try {
        const manifest = await readManifest(dir);
        models.push({ id: manifest.id, dir, manifest });
      } catch (error) {
        broken.push({ dir, reason: (error as Error).message });
      }
      return;
    }
    if (depth > 0 && entries.some((entry) => entry.name === 'config.json')) {
      broken.push({ dir, reason: `model folder ${dir} has no ${MANIFEST_FILE}; install it with 'transnorm models add ${dir}'` });
      return;
    }
    if (depth >= 2) return;
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) await visit(join(dir, entry.name), depth + 1);
    }
  };
  await visit(modelsDir, 0);
  models.sort((a, b) => a.id.localeCompare(b.id));
  broken.sort((a, b) => a.dir.localeCompare(b.dir));
  return { models, broken };
}

/** Pairs a model id implies: `opus-mt-ru-en` → `ru-en`; NLLB and M2M-100 serve `mul-mul`. */
export function pairsFromId(id: string): string[] {
  const name = basename(id).toLowerCase();
  if (/nllb|m2m[-_]?100/.test(name)) return ['mul-mul'];
  const match = /-([a-z]{2,3})-([a-z]{2,3})$/.exec(name);
  return match ? [`${match[1]}-${match[2]}`] : [];
}

/** The kind of a model, from its tokenizer class, config and pairs. */
export function detectKind(config: { model_type?: string }, tokenizerConfig: { tokenizer_class?: string }, pairs: string[], id: string): ModelKind {
  const tokenizerClass = tokenizerConfig.tokenizer_class ?? '';
  if (/nllb/i.test(tokenizerClass) || /nllb/i.test(id)) return 'nllb';
  if (/m2m/i.test(tokenizerClass) || config.model_type === 'm2m_100') return 'm2m100';
  return pairs.some((pair) => pair.split('-').includes('mul')) ? 'multilingual' : 'marian';
}

/** One model's leg of a route. */
export interface RouteStep {
  model: InstalledModel;
  from: string;
  to: string;
}

/** How to translate `from` → `to`: one model, or two through English (pivot). */
export interface Route {
  from: string;
  to: string;
  steps: RouteStep[];
}

function sideServes(side: string, language: string, kind: ModelKind): boolean {
  if (side === language) return true;
  if (side !== 'mul') return false;
  if (kind === 'nllb') return floresCode(language) !== undefined;
  if (kind === 'm2m100') return isM2m100Language(language);
  return true;
}

/**
 * How well a model serves a pair: 3 for a per-pair model, 2 for a multilingual one with one
 * side fixed (`mul-en`), 1 for any-to-any (NLLB, M2M-100), 0 when it does not serve it.
 */
export function pairScore(model: InstalledModel, from: string, to: string): number {
  let best = 0;
  for (const pair of model.manifest.pairs) {
    const [source, target] = pair.split('-') as [string, string];
    if (!sideServes(source, from, model.manifest.kind) || !sideServes(target, to, model.manifest.kind)) continue;
    best = Math.max(best, 3 - (source === 'mul' ? 1 : 0) - (target === 'mul' ? 1 : 0));
  }
  return best;
}

/**
 * The best route for a pair among installed models: a direct model (per-pair over
 * multilingual over any-to-any), else a pivot through English. With `only`, that model must
 * serve the pair (directly or as one leg of a pivot).
 */
export function chooseRoute(models: readonly InstalledModel[], fromTag: string, toTag: string, only?: string): Route | undefined {
  const from = modelLanguage(fromTag);
  const to = modelLanguage(toTag);
  const best = (source: string, target: string, candidates: readonly InstalledModel[]) => {
    let chosen: { model: InstalledModel; score: number } | undefined;
    for (const model of candidates) {
      const score = pairScore(model, source, target);
      if (score > (chosen?.score ?? 0)) chosen = { model, score };
    }
    return chosen;
  };
  const pool = only === undefined ? models : models.filter((model) => model.id === only);
  const direct = best(from, to, pool);
  if (direct) return { from, to, steps: [{ model: direct.model, from, to }] };
  if (from === 'en' || to === 'en') return undefined;
  const first = best(from, 'en', models);
  const second = best('en', to, models);
  if (!first || !second) return undefined;
  if (only !== undefined && first.model.id !== only && second.model.id !== only) return undefined;
  return { from, to, steps: [{ model: first.model, from, to: 'en' }, { model: second.model, from: 'en', to }] };
}
