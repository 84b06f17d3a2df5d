import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  checkModelFiles, chooseRoute, detectKind, listModels, pairsFromId, requiredFiles, resolveModelsDir, type InstalledModel, type ModelKind,
} from '../../src/translate/registry.js';
import { installTinyModel, TINY_MODEL_ID, type TinyModelDir } from './tiny-model.js';

const model = (id: string, kind: ModelKind, pairs: string[]): InstalledModel => ({
  id, dir: `/m/${id}`, manifest: { id, source: id, kind, pairs, dtype: 'q8', size: 1, files: {}, hash: id, installed: '2026-01-01T00:00:00.000Z' },
});

describe('model choice', () => {
  const ruEn = model('opus-mt-ru-en', 'marian', ['ru-en']);
  const mulEn = model('opus-mt-mul-en', 'multilingual', ['mul-en']);
  const nllb = model('nllb-200-distilled-600M', 'nllb', ['mul-mul']);
  const enDe = model('opus-mt-en-de', 'marian', ['en-de']);

  it('prefers a per-pair model over a multilingual one over NLLB', () => {
    expect(chooseRoute([nllb, mulEn, ruEn], 'rus', 'en')?.steps.map((s) => s.model.id)).toEqual(['opus-mt-ru-en']);
    expect(chooseRoute([nllb, mulEn, ruEn], 'kir', 'en')?.steps.map((s) => s.model.id)).toEqual(['opus-mt-mul-en']);
    expect(chooseRoute([nllb, ruEn], 'kk', 'en')?.steps.map((s) => s.model.id)).toEqual(['nllb-200-distilled-600M']);
  });

  it('pivots through English when only X→en and en→Y exist', () => {
    expect(chooseRoute([ruEn, enDe], 'ru', 'de')).toEqual({ from: 'ru', to: 'de', steps: [{ model: ruEn, from: 'ru', to: 'en' }, { model: enDe, from: 'en', to: 'de' }] });
  });

  it('honours a chosen model and answers undefined when nothing serves the pair', () => {
    expect(chooseRoute([ruEn, mulEn], 'ru', 'en', 'opus-mt-mul-en')?.steps[0]!.model.id).toBe('opus-mt-mul-en');
    expect(chooseRoute([ruEn], 'ru', 'en', 'missing')).toBeUndefined();
    expect(chooseRoute([ruEn], 'fa', 'en')).toBeUndefined();
    expect(chooseRoute([nllb], 'xx', 'en')).toBeUndefined();
  });

  it('reads pairs and kind from ids and configs', () => {
    expect(pairsFromId('Xenova/opus-mt-ru-en')).toEqual(['ru-en']);
    expect(pairsFromId('Xenova/opus-mt-mul-en')).toEqual(['mul-en']);
    expect(pairsFromId('Xenova/nllb-200-distilled-600M')).toEqual(['mul-mul']);
    expect(pairsFromId('my-model')).toEqual([]);
    expect(detectKind({ model_type: 'marian' }, { tokenizer_class: 'MarianTokenizer' }, ['mul-en'], 'x')).toBe('multilingual');
    expect(detectKind({ model_type: 'm2m_100' }, { tokenizer_class: 'NllbTokenizer' }, ['mul-mul'], 'x')).toBe('nllb');
    expect(detectKind({ model_type: 'm2m_100' }, { tokenizer_class: 'M2M100Tokenizer' }, ['mul-mul'], 'x')).toBe('m2m100');
    expect(requiredFiles('q8')).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx']);
  });
});

describe('resolveModelsDir', () => {
  it('takes --models, then $TRANSNORM_MODELS, then ./models when it exists, then the package folder', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'transnorm-cwd-'));
    expect(resolveModelsDir('m', {}, cwd)).toBe(join(cwd, 'm'));
    expect(resolveModelsDir(undefined, { TRANSNORM_MODELS: '/x/models' }, cwd)).toBe('/x/models');
    expect(resolveModelsDir(undefined, {}, cwd)).toBe(resolve('models'));
    expect(resolveModelsDir(undefined, {}, process.cwd())).toBe(resolve('models'));
  });
});

describe('installed models on disk', () => {
  let tiny: TinyModelDir;
  beforeAll(async () => (tiny = await installTinyModel()));
  afterAll(async () => tiny?.cleanup());

  it('lists the tiny model with its manifest', async () => {
    const { models, broken } = await listModels(tiny.modelsDir);
    expect(broken).toEqual([]);
    expect(models.map((m) => [m.id, m.dir, m.manifest.kind, m.manifest.pairs, m.manifest.dtype])).toEqual([[TINY_MODEL_ID, tiny.modelDir, 'marian', ['ru-en'], 'fp32']]);
    expect(Object.keys(models[0]!.manifest.files)).toEqual([
      'config.json', 'generation_config.json', 'onnx/decoder_model_merged.onnx', 'onnx/encoder_model.onnx', 'tokenizer.json', 'tokenizer_config.json',
    ]);
    expect(models[0]!.manifest.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the first missing or bad file', async () => {
    expect(await checkModelFiles(tiny.modelDir, 'fp32')).toBeUndefined();
    expect(await checkModelFiles(tiny.modelDir, 'q8')).toBe(`missing onnx/encoder_model_quantized.onnx in ${tiny.modelDir}`);
    await writeFile(join(tiny.modelDir, 'tokenizer_config.json'), '{ not json');
    expect(await checkModelFiles(tiny.modelDir, 'fp32')).toMatch(new RegExp(`^bad file tokenizer_config\\.json in ${tiny.modelDir}: not valid JSON`));
    await rm(join(tiny.modelDir, 'tokenizer.json'));
    expect(await checkModelFiles(tiny.modelDir, 'fp32')).toBe(`missing tokenizer.json in ${tiny.modelDir}`);
  });

  it('reports folders without a manifest or with a bad one', async () => {
    const stray = join(tiny.modelsDir, 'org', 'stray-model');
    await import('node:fs/promises').then((fs) => fs.mkdir(stray, { recursive: true }));
    await writeFile(join(stray, 'config.json'), '{}');
    await writeFile(join(tiny.modelDir, 'transnorm.json'), '{"id": 1}');
    const { models, broken } = await listModels(tiny.modelsDir);
    expect(models).toEqual([]);
    expect(broken).toEqual([
      { dir: stray, reason: `model folder ${stray} has no transnorm.json; install it with 'transnorm models add ${stray}'` },
      { dir: tiny.modelDir, reason: `bad file transnorm.json in ${tiny.modelDir}: not a transnorm model manifest` },
    ]);
  });
});
