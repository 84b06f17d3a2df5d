import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { env } from '@huggingface/transformers';
import { ModelError, UsageError } from '../../src/errors.js';
import { addModel, listModels, PULL_REFUSED, pullModel, removeModel, verifyModel } from '../../src/translate/index.js';
import { installTinyModel, TINY_MODEL_ID, type TinyModelDir } from './tiny-model.js';

let tiny: TinyModelDir;
let source: string;
beforeAll(async () => {
  tiny = await installTinyModel();
  // A bare model folder, as a user would have it (no manifest).
  source = join(tiny.scratch, 'opus-mt-tiny-ru-en');
  await mkdir(tiny.scratch, { recursive: true });
  await cp(tiny.modelDir, source, { recursive: true, filter: (path) => !path.endsWith('transnorm.json') });
});
afterAll(async () => tiny?.cleanup());

describe('addModel', () => {
  it('copies a folder, takes the pair from the id, writes the manifest', async () => {
    const modelsDir = join(tiny.scratch, 'models-a');
    const model = await addModel(source, { modelsDir });
    expect(model.id).toBe('opus-mt-tiny-ru-en');
    expect(model.dir).toBe(join(modelsDir, 'opus-mt-tiny-ru-en'));
    expect(model.manifest).toMatchObject({ id: 'opus-mt-tiny-ru-en', source, kind: 'marian', pairs: ['ru-en'], dtype: 'fp32' });
    expect((await listModels(modelsDir)).models.map((m) => m.id)).toEqual(['opus-mt-tiny-ru-en']);
    // No staging folder is left behind.
    expect(await readdir(modelsDir)).toEqual(['opus-mt-tiny-ru-en']);
    await expect(addModel(source, { modelsDir })).rejects.toThrow(`model 'opus-mt-tiny-ru-en' is already installed in ${model.dir} (use --force to replace it)`);
    expect((await addModel(source, { modelsDir, force: true })).id).toBe('opus-mt-tiny-ru-en');
  });

  it('unpacks a tarball and honours --id and --pair', async () => {
    const tarball = join(tiny.scratch, 'tiny.tgz');
    execFileSync('tar', ['-czf', tarball, '-C', tiny.scratch, 'opus-mt-tiny-ru-en']);
    const modelsDir = join(tiny.scratch, 'models-b');
    const model = await addModel(tarball, { modelsDir, id: 'acme/tiny', pairs: ['ru-en', 'ky-en'] });
    expect(model.dir).toBe(join(modelsDir, 'acme', 'tiny'));
    expect(model.manifest.pairs).toEqual(['ru-en', 'ky-en']);
    expect(existsSync(join(model.dir, 'onnx', 'decoder_model_merged.onnx'))).toBe(true);
  });

  it('names the missing file and installs nothing', async () => {
    const incomplete = join(tiny.scratch, 'incomplete-ru-en');
    await cp(source, incomplete, { recursive: true });
    await rm(join(incomplete, 'onnx', 'encoder_model.onnx'));
    const modelsDir = join(tiny.scratch, 'models-c');
    await expect(addModel(incomplete, { modelsDir })).rejects.toThrow(new ModelError(`cannot add model from ${incomplete}: missing onnx/encoder_model.onnx`));
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it('refuses ids without a pair and bad pairs', async () => {
    await expect(addModel(source, { modelsDir: tiny.scratch, id: 'mystery' })).rejects.toThrow(
      new UsageError("cannot tell which languages 'mystery' translates: pass --pair SRC-TGT (e.g. --pair ru-en)"),
    );
    await expect(addModel(source, { modelsDir: tiny.scratch, pairs: ['russian-english'] })).rejects.toThrow("--pair expects SRC-TGT language codes such as 'ru-en', got 'russian-english'");
  });
});

describe('pullModel', () => {
  const originalFetch = env.fetch;
  afterEach(() => {
    env.fetch = originalFetch;
    vi.unstubAllGlobals();
  });

  it('is refused without allowRemote, before any network request', async () => {
    const fetchSpy = vi.fn(async () => {
      throw new Error('network used');
    });
    vi.stubGlobal('fetch', fetchSpy);
    env.fetch = fetchSpy;
    const modelsDir = join(tiny.scratch, 'models-pull');
    await expect(pullModel('Xenova/opus-mt-ru-en', { modelsDir, allowRemote: false })).rejects.toThrow(new UsageError(PULL_REFUSED));
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(existsSync(modelsDir)).toBe(false);
  });

  it('with allowRemote, asks transformers.js to fetch from the hub (answered 404 here) and leaves nothing behind', async () => {
    const urls: string[] = [];
    env.fetch = async (url: string | URL) => {
      urls.push(String(url));
      return new Response('not found', { status: 404 });
    };
    const modelsDir = join(tiny.scratch, 'models-pull');
    await expect(pullModel('Xenova/opus-mt-ru-en', { modelsDir, allowRemote: true })).rejects.toThrow(/^cannot pull 'Xenova\/opus-mt-ru-en': /);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => url.startsWith('https://huggingface.co/Xenova/opus-mt-ru-en/resolve/main/'))).toBe(true);
    expect(existsSync(join(modelsDir, 'Xenova', 'opus-mt-ru-en'))).toBe(false);
    expect(env.allowRemoteModels).toBe(false);
  });
});

describe('verifyModel and removeModel', () => {
  it('verifies checksums and runs a smoke translation', async () => {
    const modelsDir = join(tiny.scratch, 'models-v');
    const model = await addModel(source, { modelsDir });
    const result = await verifyModel(model, modelsDir);
    expect(result).toMatchObject({ id: 'opus-mt-tiny-ru-en', ok: true, smoke: { from: 'ru', to: 'en', input: 'Привет, мир!', output: 'Hello, world!' } });
    await writeFile(join(model.dir, 'generation_config.json'), '{}\n');
    expect(await verifyModel(model, modelsDir)).toEqual({
      id: 'opus-mt-tiny-ru-en', ok: false, problem: `bad file generation_config.json in ${model.dir}: checksum differs from transnorm.json`,
    });
    expect((await removeModel('opus-mt-tiny-ru-en', modelsDir)).dir).toBe(model.dir);
    expect(existsSync(model.dir)).toBe(false);
    await expect(removeModel('opus-mt-tiny-ru-en', modelsDir)).rejects.toThrow(`model 'opus-mt-tiny-ru-en' is not installed in ${modelsDir} (see 'transnorm models list')`);
  });

  it('the installed tiny model verifies', async () => {
    const { models } = await listModels(tiny.modelsDir);
    expect((await verifyModel(models[0]!, tiny.modelsDir)).ok).toBe(true);
    expect(models[0]!.id).toBe(TINY_MODEL_ID);
  });
});
