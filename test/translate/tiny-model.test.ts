import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline, env, LogLevel, type TranslationPipeline } from '@huggingface/transformers';
import { tinyModelFiles } from '../fixtures/tiny-model/generate.js';
import { installTinyModel, type TinyModelDir } from './tiny-model.js';

let tiny: TinyModelDir;
let translate: TranslationPipeline;

beforeAll(async () => {
  tiny = await installTinyModel();
  env.allowRemoteModels = false;
  env.useFSCache = false;
  env.logLevel = LogLevel.ERROR;
  translate = (await pipeline('translation', tiny.modelDir, { dtype: 'fp32' })) as TranslationPipeline;
});
afterAll(async () => {
  await translate?.dispose();
  await tiny?.cleanup();
});

const one = async (text: string) => ((await translate(text)) as Array<{ translation_text: string }>)[0]!.translation_text;

describe('tiny Marian model', () => {
  it('has the files transformers.js reads, and two builds are byte-identical', async () => {
    const first = await tinyModelFiles();
    const second = await tinyModelFiles();
    expect([...first.keys()]).toEqual([
      'config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/encoder_model.onnx', 'onnx/decoder_model_merged.onnx',
    ]);
    for (const [path, content] of first) expect(Buffer.from(second.get(path)!)).toEqual(Buffer.from(content));
    const written = await readFile(join(tiny.modelDir, 'onnx/encoder_model.onnx'));
    expect(written).toEqual(Buffer.from(first.get('onnx/encoder_model.onnx')!));
  });

  it('translates its word list word for word through the real transformers.js pipeline', async () => {
    expect(await one('привет мир')).toBe('hello world');
    expect(await one('Привет, мир!')).toBe('Hello, world!');
    expect(await one('я люблю тебя')).toBe('I love you');
    expect(await one('Депутаты Жогорку Кенеша приняли новый закон.')).toBe('Deputies Zogorku Kenes adopted new law.');
    expect(await one('Об этом сообщил Голос Америки.')).toBe('About this reported Golos Ameriki.');
  });

  it('copies English words, digits and capital Latin letters, and drops unknown words', async () => {
    expect(await one('hello XZ1 2024')).toBe('hello XZ1 2024');
    expect(await one('привет кошка')).toBe('hello ');
  });

  it('translates a padded batch of sentences of different lengths', async () => {
    const out = (await translate(['я', 'Депутаты Жогорку Кенеша приняли новый закон.', 'привет мир'])) as Array<{ translation_text: string }>;
    expect(out.map((o) => o.translation_text)).toEqual(['I', 'Deputies Zogorku Kenes adopted new law.', 'hello world']);
  });
});
