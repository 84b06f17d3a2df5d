import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { formatEntries } from '../../src/gazetteer/index.js';
import { installTinyModel, TINY_MODEL_ID, type TinyModelDir } from '../translate/tiny-model.js';

/** Russian news written for this test, in the tiny model's vocabulary. */
const RUSSIAN = 'Депутаты Жогорку Кенеша приняли новый закон.\n\nОб этом сообщил Голос Америки.\n';
const TRANSLATION = 'Deputies Zogorku Kenes adopted new law.\n\nAbout this reported Golos Ameriki.\n';
const NORMALIZED = 'Deputies Zhogorku Kenesh adopted new law.\n\nAbout this reported Voice of America.\n';

let tiny: TinyModelDir;
let env: NodeJS.ProcessEnv;
let input: string;
let fetchLog: string;

beforeAll(async () => {
  tiny = await installTinyModel();
  const root = join(tiny.scratch, '..');
  input = join(root, 'news-ru.txt');
  await writeFile(input, RUSSIAN);
  fetchLog = join(root, 'fetch.log');
  const guard = join(root, 'fetch-guard.mjs');
  await writeFile(guard, `import { appendFileSync } from 'node:fs';\nglobalThis.fetch = async (url) => { appendFileSync(${JSON.stringify(fetchLog)}, String(url) + '\\n'); throw new Error('network disabled in tests'); };\n`);
  env = { TRANSNORM_MODELS: tiny.modelsDir, TRANSNORM_CACHE_DIR: join(root, 'cache'), NODE_OPTIONS: `--import ${guard}` };
});
afterAll(async () => {
  // No test may reach the network.
  await expect(readFile(fetchLog, 'utf8')).rejects.toThrow(/ENOENT/);
  await tiny?.cleanup();
});

interface Report {
  text: string;
  language: { iso6393: string };
  translation: string | null;
  entityHints: Array<{ entity: string; text: string; start: number; end: number; confidence: number }>;
  messages: Array<{ stage: string; ruleId: string; fatal: boolean; data?: Record<string, unknown> }>;
}

describe('transnorm translate', { timeout: 240_000 }, () => {
  it('translates a Russian file with the tiny model, keeping paragraphs', async () => {
    expect(await runCli(['translate', input], { env })).toEqual({ code: 0, stderr: '', stdout: TRANSLATION });
  });

  it('reads stdin, takes --from, --model, --batch-size, --jobs, writes -o', async () => {
    const out = join(tiny.scratch, '..', 'out.txt');
    const result = await runCli(['translate', '-', '--from', 'ru', '--model', TINY_MODEL_ID, '--batch-size', '1', '--jobs', '2', '-o', out, '--no-cache'], { env, input: 'Привет, мир! Я люблю тебя.' });
    expect(result).toEqual({ code: 0, stderr: '', stdout: '' });
    expect(await readFile(out, 'utf8')).toBe('Hello, world! I love you.');
  });

  it('--json reports language, entity hints and a message per sentence', async () => {
    const result = await runCli(['translate', input, '--json'], { env });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report & { translated: boolean };
    expect(report.text).toBe(TRANSLATION);
    expect(report.translated).toBe(true);
    expect(report.language.iso6393).toBe('rus');
    expect(report.entityHints).toEqual([
      { entity: 'kg-jogorku-kenesh', text: 'Жогорку Кенеша', start: 9, end: 23, confidence: 0.9 },
      { entity: 'media-voice-of-america', text: 'Голос Америки', start: 62, end: 75, confidence: 1 },
    ]);
    expect(report.messages.map((m) => [m.ruleId, m.data?.model])).toEqual([
      ['translate:segment', TINY_MODEL_ID],
      ['translate:segment', TINY_MODEL_ID],
    ]);
  });

  it('--protect-names puts the canonical English names in', async () => {
    expect(await runCli(['translate', input, '--protect-names'], { env })).toEqual({ code: 0, stderr: '', stdout: NORMALIZED });
  });

  it('no model for the pair: one error line naming the pair and the install command', async () => {
    const result = await runCli(['translate', '--from', 'fa', '-'], { env, input: 'سلام دنیا' });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `transnorm: no translation model for fa→en in ${tiny.modelsDir}: install one with 'transnorm models pull Xenova/opus-mt-mul-en --allow-remote' or 'transnorm models add DIR'\n`,
    });
  });

  it('bad flags are usage errors', async () => {
    expect(await runCli(['translate', input, '--batch-size', '0'], { env })).toEqual({ code: 2, stdout: '', stderr: "transnorm: --batch-size expects a positive integer, got '0'\n" });
  });
});

describe('transnorm clean on Russian news (end to end, offline)', { timeout: 240_000 }, () => {
  it('detects rus, translates with the tiny model, carries the names across; output and JSON report checked', async () => {
    const report = join(tiny.scratch, '..', 'report.json');
    const result = await runCli(['clean', input, '--report', report], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(await readFile(report, 'utf8')) as Report;
    expect(json.language.iso6393).toBe('rus');
    expect(json.translation).toBe(TRANSLATION);
    expect(result.stdout).toBe(json.text);
    expect(json.entityHints.map((h) => [h.entity, h.text])).toEqual([
      ['kg-jogorku-kenesh', 'Жогорку Кенеша'],
      ['media-voice-of-america', 'Голос Америки'],
    ]);
    expect(json.messages.filter((m) => m.stage === 'translate').map((m) => [m.ruleId, m.fatal])).toEqual([
      ['translate:segment', false],
      ['translate:segment', false],
    ]);
  });

  it('the normalizer fixes the garbled names in the translation', async () => {
    const result = await runCli(['clean', input, '--json'], { env });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Report & { changes: Array<{ from: string; to: string; entity: string }> };
    expect(json.text).toBe(NORMALIZED);
    expect(json.changes.map((c) => [c.from, c.to, c.entity])).toEqual([
      ['Zogorku Kenes', 'Zhogorku Kenesh', 'kg-jogorku-kenesh'],
      ['Golos Ameriki', 'Voice of America', 'media-voice-of-america'],
    ]);
    expect(await runCli(['clean', input], { env })).toEqual({ code: 0, stderr: '', stdout: NORMALIZED });
  });

  it('looks names up in the gazetteer files the normalizer gets (--gazetteer FILE)', async () => {
    const file = join(tiny.scratch, '..', 'extra.jsonl');
    const extra = { id: 'test-deputies-group', name: 'Deputies Group', kind: 'org' as const, names: [{ text: 'Депутаты', lang: 'ru', script: 'Cyrl', type: 'official' as const }] };
    await writeFile(file, formatEntries([extra]));
    const result = await runCli(['clean', input, '--json', '--gazetteer', file], { env });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Report;
    expect(json.translation).toBe(TRANSLATION);
    expect(json.entityHints.map((h) => [h.entity, h.text, h.start, h.end])).toEqual([
      ['test-deputies-group', 'Депутаты', 0, 8],
      ['kg-jogorku-kenesh', 'Жогорку Кенеша', 9, 23],
      ['media-voice-of-america', 'Голос Америки', 62, 75],
    ]);
  });

  it('a corrupt model folder: one error line naming the bad file', async () => {
    const broken = await installTinyModel();
    try {
      await writeFile(join(broken.modelDir, 'onnx', 'decoder_model_merged.onnx'), 'garbage');
      const result = await runCli(['clean', input, '--no-cache'], { env: { ...env, TRANSNORM_MODELS: broken.modelsDir } });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^transnorm: model '${TINY_MODEL_ID}' failed to load: bad file onnx/decoder_model_merged\\.onnx in ${broken.modelDir}: [^\\n]+\\n$`));
      await rm(join(broken.modelDir, 'onnx', 'decoder_model_merged.onnx'));
      expect(await runCli(['clean', input, '--no-cache'], { env: { ...env, TRANSNORM_MODELS: broken.modelsDir } })).toEqual({
        code: 1, stdout: '', stderr: `transnorm: model '${TINY_MODEL_ID}' cannot be used: missing onnx/decoder_model_merged.onnx in ${broken.modelDir}\n`,
      });
    } finally {
      await broken.cleanup();
    }
  });
});
