import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { writeTinyModel, TINY_MODEL_ID } from '../fixtures/tiny-model/generate.js';

let root: string;
let source: string;
let modelsDir: string;
let fetchLog: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'transnorm-cli-models-'));
  source = join(root, 'src', TINY_MODEL_ID);
  await writeTinyModel(source);
  modelsDir = join(root, 'models');
  fetchLog = join(root, 'fetch.log');
  // Loaded before the CLI: any fetch is logged and fails, so a test sees every network attempt.
  const guard = join(root, 'fetch-guard.mjs');
  await writeFile(guard, `import { appendFileSync } from 'node:fs';\nglobalThis.fetch = async (url) => { appendFileSync(${JSON.stringify(fetchLog)}, String(url) + '\\n'); return new Response('not found', { status: 404 }); };\n`);
  env = { TRANSNORM_MODELS: modelsDir, TRANSNORM_CACHE_DIR: join(root, 'cache'), NODE_OPTIONS: `--import ${guard}` };
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe('transnorm models', { timeout: 240_000 }, () => {
  it('add / list / verify / remove the tiny model', async () => {
    expect(await runCli(['models', 'list'], { env })).toEqual({ code: 0, stderr: '', stdout: `no models in ${modelsDir} (add one with 'transnorm models add DIR' or 'transnorm models pull HUB_ID --allow-remote')\n` });

    const added = await runCli(['models', 'add', source], { env });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(new RegExp(`^added ${TINY_MODEL_ID} \\(ru-en, marian, fp32, \\d+\\.\\d kB\\) in ${join(modelsDir, TINY_MODEL_ID)}\\n$`));

    const listed = await runCli(['models', 'list'], { env });
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n').map((line) => line.split(/\s{2,}/));
    expect(lines[0]).toEqual(['ID', 'PAIRS', 'KIND', 'DTYPE', 'SIZE', 'PATH']);
    expect(lines[1]!.filter((_, i) => i !== 4)).toEqual([TINY_MODEL_ID, 'ru-en', 'marian', 'fp32', join(modelsDir, TINY_MODEL_ID)]);

    const json = JSON.parse((await runCli(['models', 'list', '--json'], { env })).stdout) as { models: Array<{ id: string; files: Record<string, string> }> };
    expect(json.models.map((m) => m.id)).toEqual([TINY_MODEL_ID]);
    expect(Object.keys(json.models[0]!.files)).toHaveLength(6);

    const verified = await runCli(['models', 'verify'], { env });
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(new RegExp(`^ok ${TINY_MODEL_ID}: ru→en "Привет, мир!" → "Hello, world!" \\(\\d+ ms\\)\\n$`));

    expect(await runCli(['models', 'remove', TINY_MODEL_ID], { env })).toEqual({ code: 0, stderr: '', stdout: `removed ${TINY_MODEL_ID} (${join(modelsDir, TINY_MODEL_ID)})\n` });
    expect(existsSync(join(modelsDir, TINY_MODEL_ID))).toBe(false);
    expect(existsSync(fetchLog)).toBe(false);
  });

  it('add names the missing file; verify names the corrupted one', async () => {
    const incomplete = join(root, 'incomplete-ru-en');
    await cp(source, incomplete, { recursive: true });
    await rm(join(incomplete, 'tokenizer_config.json'));
    expect(await runCli(['models', 'add', incomplete], { env })).toEqual({ code: 1, stdout: '', stderr: `transnorm: cannot add model from ${incomplete}: missing tokenizer_config.json\n` });

    await runCli(['models', 'add', source, '--id', 'broken-ru-en'], { env });
    const encoder = join(modelsDir, 'broken-ru-en', 'onnx', 'encoder_model.onnx');
    await writeFile(encoder, readFileSync(encoder).subarray(0, 100));
    expect(await runCli(['models', 'verify', 'broken-ru-en'], { env })).toEqual({
      code: 1, stdout: '', stderr: `transnorm: bad file onnx/encoder_model.onnx in ${join(modelsDir, 'broken-ru-en')}: checksum differs from transnorm.json\n`,
    });
    expect((await runCli(['models', 'remove', 'broken-ru-en'], { env })).code).toBe(0);
    expect(await runCli(['models', 'remove', 'broken-ru-en'], { env })).toEqual({
      code: 1, stdout: '', stderr: `transnorm: model 'broken-ru-en' is not installed in ${modelsDir} (see 'transnorm models list')\n`,
    });
  });

  it('pull is refused without --allow-remote and makes no network request', async () => {
    expect(await runCli(['models', 'pull', 'Xenova/opus-mt-ru-en'], { env })).toEqual({
      code: 2,
      stdout: '',
      stderr: "transnorm: 'models pull' downloads from the Hugging Face hub and needs --allow-remote; nothing was downloaded (or install a local copy with 'transnorm models add DIR')\n",
    });
    expect(existsSync(fetchLog)).toBe(false);
  });

  it('pull --allow-remote goes through transformers.js to the hub (answered 404 by the test guard)', async () => {
    const result = await runCli(['models', 'pull', 'Xenova/opus-mt-ru-en', '--allow-remote'], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^transnorm: cannot pull 'Xenova\/opus-mt-ru-en': [^\n]+\n$/);
    const urls = readFileSync(fetchLog, 'utf8').trim().split('\n');
    expect(urls.every((url) => url.startsWith('https://huggingface.co/Xenova/opus-mt-ru-en/resolve/main/'))).toBe(true);
    expect(existsSync(join(modelsDir, 'Xenova'))).toBe(false);
  });
});
