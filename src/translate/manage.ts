/**
 * Installing and checking models: `add` a folder or tarball, `pull` from the Hugging Face hub
 * (only when remote access is explicitly allowed), `verify`, `remove`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import { ModelError, UsageError } from '../errors.js';
import {
  checkModelFiles, detectDtype, detectKind, listModels, manifestHash, MANIFEST_FILE, modelFiles, pairsFromId, readManifest,
  sha256File, DTYPE_SUFFIX, type InstalledModel, type ModelKind, type ModelManifest,
} from './registry.js';
import { configureOfflineEnv, createTransformersTranslator, loadTransformers, type Translator } from './translator.js';

const run = promisify(execFile);

const PAIR = /^[a-z]{2,3}-[a-z]{2,3}$/;
const MODEL_ID = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;

/** Check a model id (`name` or `org/name`, no `..`). */
export function checkModelId(id: string): string {
  if (!MODEL_ID.test(id) || id.includes('..')) throw new UsageError(`model id '${id}' is not valid: use letters, digits, '.', '_', '-' and at most one '/'`);
  return id;
}

/** Compute checksums and write `transnorm.json` for the model in `dir`. */
export async function writeManifest(dir: string, fields: { id: string; source: string; pairs: string[]; kind?: ModelKind; dtype: string }): Promise<ModelManifest> {
  const files: Record<string, string> = {};
  let size = 0;
  for (const path of await modelFiles(dir)) {
    files[path] = await sha256File(join(dir, path));
    size += (await stat(join(dir, path))).size;
  }
  const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as { model_type?: string };
  const tokenizerConfig = JSON.parse(await readFile(join(dir, 'tokenizer_config.json'), 'utf8')) as { tokenizer_class?: string };
  const manifest: ModelManifest = {
    id: fields.id,
    source: fields.source,
    kind: fields.kind ?? detectKind(config, tokenizerConfig, fields.pairs, fields.id),
    pairs: fields.pairs,
    dtype: fields.dtype,
    size,
    files,
    hash: manifestHash(files),
    installed: new Date().toISOString(),
  };
  await writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export interface AddModelOptions {
  modelsDir: string;
  /** Install under this id; default the folder or tarball name. */
  id?: string;
  /** Pairs served (`ru-en`); default from the id's `-xx-yy` suffix. */
  pairs?: string[];
  /** Replace an installed model with the same id. */
  force?: boolean;
}

/** Find the model root inside an extracted tarball: the folder holding config.json (at most two levels down). */
async function findModelRoot(dir: string, depth = 0): Promise<string | undefined> {
  if (existsSync(join(dir, 'config.json'))) return dir;
  if (depth >= 2) return undefined;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const found = await findModelRoot(join(dir, entry.name), depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

const TARBALL = /\.(tar\.gz|tgz|tar\.xz|tar\.bz2|tar)$/i;

/**
 * Install a model from a folder or a tarball (`.tar`, `.tar.gz`, `.tgz`...; unpacked with the
 * system `tar`). The needed files are checked first and the first missing one is named.
 */
export async function addModel(source: string, options: AddModelOptions): Promise<InstalledModel> {
  const sourcePath = resolve(source);
  let info;
  try {
    info = await stat(sourcePath);
  } catch {
    throw new ModelError(`cannot add model: ${source} does not exist`);
  }
  const isTarball = info.isFile() && TARBALL.test(sourcePath);
  if (!info.isDirectory() && !isTarball) throw new ModelError(`cannot add model: ${source} is neither a folder nor a tarball (.tar, .tar.gz, .tgz)`);
  const id = checkModelId(options.id ?? basename(sourcePath).replace(TARBALL, ''));
  const pairs = options.pairs && options.pairs.length > 0 ? options.pairs : pairsFromId(id);
  const badPair = pairs.find((pair) => !PAIR.test(pair));
  if (badPair !== undefined) throw new UsageError(`--pair expects SRC-TGT language codes such as 'ru-en', got '${badPair}'`);
  if (pairs.length === 0) throw new UsageError(`cannot tell which languages '${id}' translates: pass --pair SRC-TGT (e.g. --pair ru-en)`);
  const target = join(options.modelsDir, id);
  if (existsSync(target) && !options.force) throw new ModelError(`model '${id}' is already installed in ${target} (use --force to replace it)`);

  await mkdir(options.modelsDir, { recursive: true });
  // Stage everything in a hidden folder beside the target, then rename: never a half-installed model.
  const staging = await mkdtemp(join(options.modelsDir, '.adding-'));
  try {
    let root = staging;
    if (isTarball) {
      const unpacked = join(staging, 'unpacked');
      await mkdir(unpacked);
      try {
        await run('tar', ['-xf', sourcePath, '-C', unpacked]);
      } catch (error) {
        throw new ModelError(`cannot unpack ${source}: ${((error as { stderr?: string }).stderr ?? String(error)).trim().split('\n')[0]}`);
      }
      const found = await findModelRoot(unpacked);
      if (!found) throw new ModelError(`bad model tarball ${source}: missing config.json`);
      root = found;
    } else {
      root = join(staging, 'model');
      await cp(sourcePath, root, { recursive: true, filter: (path) => basename(path) !== MANIFEST_FILE });
    }
    const dtype = detectDtype(root) ?? 'fp32';
    const problem = await checkModelFiles(root, dtype);
    if (problem) throw new ModelError(`cannot add model from ${source}: ${problem.replace(` in ${root}`, '')}`);
    await writeManifest(root, { id, source: sourcePath, pairs, dtype });
    if (existsSync(target)) await rm(target, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    await rename(root, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { id, dir: target, manifest: await readManifest(target) };
}

/** A download progress event (from transformers.js's progress_callback). */
export interface PullProgress {
  file: string;
  loaded: number;
  total: number;
  status: 'initiate' | 'progress' | 'done';
}

export interface PullModelOptions {
  modelsDir: string;
  /** Must be true: pulling is the only thing in transnorm that goes to the network. */
  allowRemote: boolean;
  /** Which ONNX files to fetch (transformers.js dtype). Default `q8` (the `_quantized` files: smaller). */
  dtype?: string;
  pairs?: string[];
  onProgress?: (event: PullProgress) => void;
}

/** The message of the refusal when remote access is not allowed. */
export const PULL_REFUSED = "'models pull' downloads from the Hugging Face hub and needs --allow-remote; nothing was downloaded (or install a local copy with 'transnorm models add DIR')";

/**
 * Download a model from the Hugging Face hub with transformers.js's own hub code into
 * `modelsDir/<hub id>/`, then write its manifest. Refused, before any network access, unless
 * `allowRemote` is true.
 */
export async function pullModel(hubId: string, options: PullModelOptions): Promise<InstalledModel> {
  if (!options.allowRemote) throw new UsageError(PULL_REFUSED);
  checkModelId(hubId);
  const dtype = options.dtype ?? 'q8';
  if (!(dtype in DTYPE_SUFFIX)) throw new UsageError(`--dtype expects one of ${Object.keys(DTYPE_SUFFIX).join(', ')}, got '${dtype}'`);
  const pairs = options.pairs && options.pairs.length > 0 ? options.pairs : pairsFromId(hubId);
  if (pairs.length === 0) throw new UsageError(`cannot tell which languages '${hubId}' translates: pass --pair SRC-TGT (e.g. --pair ru-en)`);
  const dir = join(options.modelsDir, hubId);
  const existed = existsSync(dir);
  await mkdir(options.modelsDir, { recursive: true });
  const { env, LogLevel, pipeline } = await loadTransformers();
  // The hub cache (FileCache) stores `<cache_dir>/<id>/<file>`, the same path local loading reads.
  env.allowRemoteModels = true;
  env.allowLocalModels = true;
  env.localModelPath = `${options.modelsDir}/`;
  env.useFSCache = true;
  env.cacheDir = options.modelsDir;
  env.logLevel = LogLevel.ERROR;
  try {
    const pipe = await pipeline('translation', hubId, {
      dtype: dtype as 'q8',
      device: 'cpu',
      cache_dir: options.modelsDir,
      progress_callback: (event: { status: string; file?: string; loaded?: number; total?: number }) => {
        if (!options.onProgress || !event.file) return;
        if (event.status === 'initiate' || event.status === 'progress' || event.status === 'done') {
          options.onProgress({ file: event.file, loaded: event.loaded ?? 0, total: event.total ?? 0, status: event.status });
        }
      },
    });
    await pipe.dispose();
  } catch (error) {
    // Leave no half-downloaded folder behind (a folder that was there before is left alone).
    if (!existed) await rm(dir, { recursive: true, force: true });
    throw new ModelError(`cannot pull '${hubId}': ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`, { cause: error });
  } finally {
    await configureOfflineEnv(options.modelsDir);
  }
  const problem = await checkModelFiles(dir, dtype);
  if (problem) throw new ModelError(`pulled '${hubId}' is incomplete: ${problem}`);
  await writeManifest(dir, { id: hubId, source: hubId, pairs, dtype });
  return { id: hubId, dir, manifest: await readManifest(dir) };
}

/** Smoke-test sentences per source language (the tiny test model knows the Russian one). */
const SMOKE_TEXT: Record<string, string> = {
  ru: 'Привет, мир!', uk: 'Привіт, світе!', kk: 'Сәлем, әлем!', ky: 'Салам, дүйнө!', uz: 'Salom, dunyo!', tg: 'Салом, ҷаҳон!',
  fa: 'سلام دنیا!', ar: 'مرحبا بالعالم!', tr: 'Merhaba dünya!', de: 'Hallo, Welt!', fr: 'Bonjour le monde !', it: 'Ciao, mondo!',
  es: '¡Hola, mundo!', en: 'Hello, world!',
};

/** The result of verifying one model. */
export interface VerifyResult {
  id: string;
  ok: boolean;
  /** The problem, naming the file, when not ok. */
  problem?: string;
  smoke?: { from: string; to: string; input: string; output: string; ms: number };
}

/**
 * Verify a model: every file in the manifest is present with its checksum, the needed files
 * are there, the model loads and translates a smoke sentence into something non-empty.
 */
export async function verifyModel(model: InstalledModel, modelsDir: string, createTranslator: (model: InstalledModel, modelsDir: string) => Translator = createTransformersTranslator): Promise<VerifyResult> {
  const { manifest } = model;
  const required = await checkModelFiles(model.dir, manifest.dtype);
  if (required) return { id: model.id, ok: false, problem: required };
  for (const [path, expected] of Object.entries(manifest.files)) {
    const full = join(model.dir, path);
    if (!existsSync(full)) return { id: model.id, ok: false, problem: `missing ${path} in ${model.dir}` };
    if ((await sha256File(full)) !== expected) return { id: model.id, ok: false, problem: `bad file ${path} in ${model.dir}: checksum differs from ${MANIFEST_FILE}` };
  }
  const [source, target] = (manifest.pairs.find((pair) => !pair.startsWith('mul')) ?? 'ru-en').split('-') as [string, string];
  const to = target === 'mul' ? 'en' : target;
  const input = SMOKE_TEXT[source] ?? SMOKE_TEXT.ru!;
  const translator = createTranslator(model, modelsDir);
  try {
    const started = performance.now();
    const [output] = await translator.translate([input], { from: source, to });
    const ms = performance.now() - started;
    if (!output || output.trim() === '') return { id: model.id, ok: false, problem: `model '${model.id}' loaded but translated '${input}' to an empty string` };
    return { id: model.id, ok: true, smoke: { from: source, to, input, output, ms } };
  } catch (error) {
    return { id: model.id, ok: false, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    await translator.dispose();
  }
}

/** Remove an installed model's folder (only a folder with a manifest is removed). */
export async function removeModel(id: string, modelsDir: string): Promise<InstalledModel> {
  const { models } = await listModels(modelsDir);
  const model = models.find((m) => m.id === id);
  if (!model) throw new ModelError(`model '${id}' is not installed in ${modelsDir} (see 'transnorm models list')`);
  await rm(model.dir, { recursive: true, force: true });
  // Drop an `org/` folder left empty.
  const parent = dirname(model.dir);
  if (parent !== resolve(modelsDir) && (await readdir(parent)).length === 0) await rm(parent, { recursive: true, force: true });
  return model;
}
