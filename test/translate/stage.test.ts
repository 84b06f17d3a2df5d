import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createDocument, type TextDocument } from '../../src/document.js';
import { createGazetteer } from '../../src/gazetteer/index.js';
import { createPipeline } from '../../src/pipeline.js';
import { createTranslateStage, createTransformersTranslator, writeManifest, type InstalledModel, type TranslateStageOptions, type Translator } from '../../src/translate/index.js';
import { fixtureEntries } from './fixture-gazetteer.js';
import { installTinyModel, TINY_MODEL_ID, type TinyModelDir } from './tiny-model.js';

const gazetteer = createGazetteer(fixtureEntries);
let tiny: TinyModelDir;
let cacheDir: string;

beforeAll(async () => (tiny = await installTinyModel()));
afterAll(async () => tiny?.cleanup());
beforeEach(async () => (cacheDir = await mkdtemp(join(tmpdir(), 'transnorm-cache-'))));
afterEach(async () => rm(cacheDir, { recursive: true, force: true }));

/** A translator factory that records every model call (batch sizes). */
function recording() {
  const calls: string[][] = [];
  let loads = 0;
  const create = (model: InstalledModel, modelsDir: string): Translator => {
    const real = createTransformersTranslator(model, modelsDir);
    return {
      ...real,
      id: real.id,
      hash: real.hash,
      maxInputTokens: () => { loads++; return real.maxInputTokens(); },
      translate: async (texts, options) => { calls.push([...texts]); return real.translate(texts, options); },
    };
  };
  return { calls, create, loads: () => loads };
}

async function run(text: string, options: TranslateStageOptions = {}, from = 'ru'): Promise<TextDocument> {
  const stage = createTranslateStage({ modelsDir: tiny.modelsDir, cacheDir, gazetteer, from, ...options });
  const doc = createDocument(text);
  await stage(doc, { target: 'en' });
  return doc;
}

describe('translate stage on the tiny model', { timeout: 120_000 }, () => {
  it('translates sentence by sentence, keeps paragraphs and whitespace, and records a message per sentence', async () => {
    const text = 'Привет, мир!  Я люблю тебя.\n\nДепутаты Жогорку Кенеша приняли новый закон.\n';
    const doc = await run(text);
    expect(doc.translation).toBe('Hello, world!  I love you.\n\nDeputies Zogorku Kenes adopted new law.\n');
    expect(doc.text).toBe(doc.translation);
    expect(doc.entityHints).toEqual([{ entity: 'kg-jogorku-kenesh', text: 'Жогорку Кенеша', start: 38, end: 52, confidence: 0.9 }]);
    expect(doc.messages.map(({ data, reason, ...m }) => ({ ...m, status: data!.status, model: data!.model, reason: reason.replace(/ in [\d.]+ ms$/, '') }))).toEqual([
      { stage: 'translate', ruleId: 'translate:segment', start: 0, end: 12, offsetsIn: 'original', confidence: 1, fatal: false, actual: 'Привет, мир!', expected: ['Hello, world!'], status: 'translated', model: TINY_MODEL_ID, reason: `translated by ${TINY_MODEL_ID}` },
      { stage: 'translate', ruleId: 'translate:segment', start: 14, end: 27, offsetsIn: 'original', confidence: 1, fatal: false, actual: 'Я люблю тебя.', expected: ['I love you.'], status: 'translated', model: TINY_MODEL_ID, reason: `translated by ${TINY_MODEL_ID}` },
      { stage: 'translate', ruleId: 'translate:segment', start: 29, end: 73, offsetsIn: 'original', confidence: 1, fatal: false, actual: 'Депутаты Жогорку Кенеша приняли новый закон.', expected: ['Deputies Zogorku Kenes adopted new law.'], status: 'translated', model: TINY_MODEL_ID, reason: `translated by ${TINY_MODEL_ID}` },
    ]);
    expect(doc.messages[0]!.data).toMatchObject({ from: 'ru', to: 'en', parts: 1 });
    expect(typeof doc.messages[0]!.data!.ms).toBe('number');
  });

  it('batches sentences (--batch-size) and runs batches with p-limit (--jobs)', async () => {
    const recorder = recording();
    const text = 'Привет, мир! Я люблю тебя. Депутаты приняли закон. Об этом сообщил Голос Америки. Сегодня в Бишкеке прошла сессия парламента.';
    const doc = await run(text, { batchSize: 2, jobs: 2, createTranslator: recorder.create });
    expect(recorder.calls.map((batch) => batch.length)).toEqual([2, 2, 1]);
    expect(doc.translation).toBe('Hello, world! I love you. Deputies adopted law. About this reported Golos Ameriki. Today in Bishkek held session parliament.');
  });

  it('re-runs from the disk cache without loading the model', async () => {
    const text = 'Привет, мир! Я люблю тебя.';
    const first = recording();
    await run(text, { createTranslator: first.create });
    // Longest first, so that a batch pads little.
    expect(first.calls).toEqual([['Я люблю тебя.', 'Привет, мир!']]);
    const second = recording();
    const doc = await run(text, { createTranslator: second.create });
    expect(second.calls).toEqual([]);
    expect(second.loads()).toBe(0);
    expect(doc.translation).toBe('Hello, world! I love you.');
    expect(doc.messages.map((m) => [m.reason, m.data!.status])).toEqual([
      [`translated by ${TINY_MODEL_ID} (from the cache)`, 'cached'],
      [`translated by ${TINY_MODEL_ID} (from the cache)`, 'cached'],
    ]);
    const uncached = recording();
    await run(text, { createTranslator: uncached.create, cacheDir: false });
    expect(uncached.calls).toHaveLength(1);
  });

  it('keeps sentences already in English and sentences without letters', async () => {
    const recorder = recording();
    const english = 'The parliament adopted a new law on elections in the country today.';
    const doc = await run(`Привет, мир! ${english} 2024.`, { createTranslator: recorder.create });
    expect(recorder.calls).toEqual([['Привет, мир!']]);
    expect(doc.translation).toBe(`Hello, world! ${english} 2024.`);
    expect(doc.messages.map((m) => [m.ruleId, m.start, m.end, m.data!.status])).toEqual([
      ['translate:segment', 0, 12, 'translated'],
      ['translate:kept', 13, 13 + english.length, 'kept'],
    ]);
    expect(doc.messages[1]!.reason).toBe("kept: already in 'en' (detected eng)");
  });

  it('splits a sentence longer than the model input (64 tokens) and joins the parts', async () => {
    const clause = 'я люблю тебя и привет мир и привет мир и я люблю тебя';
    const long = `${clause}, ${clause}, ${clause}, ${clause}, ${clause}.`;
    const doc = await run(long);
    const part = 'I love you and hello world and hello world and I love you';
    expect(doc.translation).toBe(`${part}, ${part}, ${part}, ${part}, ${part}.`);
    expect(doc.messages).toHaveLength(1);
    expect(doc.messages[0]!.data!.parts).toBe(2);
    expect(doc.messages[0]!.reason).toMatch(/, in 2 parts \(longer than the model's input\)$/);
  });

  it('with protectNames, puts canonical English names in place of the garbled ones', async () => {
    const doc = await run('Депутаты Жогорку Кенеша приняли новый закон. Об этом сообщил Голос Америки.', { protectNames: true });
    expect(doc.translation).toBe('Deputies Zhogorku Kenesh adopted new law. About this reported Voice of America.');
    expect(doc.entityHints.map((h) => h.entity)).toEqual(['kg-jogorku-kenesh', 'org-voice-of-america']);
  });

  it('gives a fatal message naming the pair and the install command when no model serves it', async () => {
    const uzbek = 'Salom dunyo, bugun yangi qonun qabul qilindi.';
    const doc = await run(uzbek, {}, 'uz');
    expect(doc.translation).toBeUndefined();
    expect(doc.messages).toEqual([{
      stage: 'translate', ruleId: 'translate:no-model', start: 0, end: uzbek.length, offsetsIn: 'original', confidence: 0, fatal: true,
      reason: `no translation model for uz→en in ${tiny.modelsDir}: install one with 'transnorm models pull Xenova/opus-mt-mul-en --allow-remote' or 'transnorm models add DIR'`,
    }]);
    const unknown = await run('Привет', { model: 'nope' });
    expect(unknown.messages[0]!.reason).toBe(`model 'nope' is not installed in ${tiny.modelsDir} (see 'transnorm models list')`);
  });

  it('gives one fatal message naming the missing or bad file of a broken model', async () => {
    const broken = await installTinyModel();
    try {
      await rm(join(broken.modelDir, 'onnx/decoder_model_merged.onnx'));
      const stage = createTranslateStage({ modelsDir: broken.modelsDir, cacheDir: false, gazetteer: false, from: 'ru' });
      const doc = createDocument('Привет, мир!');
      await stage(doc, { target: 'en' });
      expect(doc.messages.map((m) => [m.ruleId, m.fatal, m.reason])).toEqual([
        ['translate:model-failed', true, `model '${TINY_MODEL_ID}' cannot be used: missing onnx/decoder_model_merged.onnx in ${broken.modelDir}`],
      ]);
      await writeFile(join(broken.modelDir, 'onnx/decoder_model_merged.onnx'), 'not a protobuf');
      const again = createDocument('Привет, мир!');
      await createTranslateStage({ modelsDir: broken.modelsDir, cacheDir: false, gazetteer: false, from: 'ru' })(again, { target: 'en' });
      expect(again.messages).toHaveLength(1);
      expect(again.messages[0]!.reason).toMatch(new RegExp(`^model '${TINY_MODEL_ID}' failed to load: bad file onnx/decoder_model_merged\\.onnx in ${broken.modelDir}: `));
    } finally {
      await broken.cleanup();
    }
  });

  it('pivots through English when only ru→en and en→X models are installed', async () => {
    // The tiny model copies English words, so installed as an en→de model it passes English through.
    const second = join(tiny.modelsDir, 'tiny-en-de');
    await cp(tiny.modelDir, second, { recursive: true });
    try {
      await writeManifest(second, { id: 'tiny-en-de', source: 'test', pairs: ['en-de'], dtype: 'fp32' });
      const stage = createTranslateStage({ modelsDir: tiny.modelsDir, cacheDir: false, gazetteer: false, from: 'ru' });
      const doc = createDocument('Я люблю тебя.');
      await stage(doc, { target: 'de' });
      expect(doc.translation).toBe('I love you.');
      expect(doc.messages.map((m) => [m.reason.replace(/ in [\d.]+ ms$/, ''), m.data!.pivot, m.data!.from, m.data!.to])).toEqual([
        [`translated by ${TINY_MODEL_ID} → tiny-en-de`, 'en', 'ru', 'de'],
      ]);
    } finally {
      await rm(second, { recursive: true, force: true });
    }
  });

  it('runs in the pipeline: detected Russian is translated, the stage is built once', async () => {
    const pipeline = createPipeline({ translate: { modelsDir: tiny.modelsDir, cacheDir, gazetteer }, normalize: false });
    const doc = await pipeline.process('Депутаты Жогорку Кенеша приняли новый закон. Об этом сообщил Голос Америки.');
    expect(doc.language?.iso6393).toBe('rus');
    expect(doc.translation).toBe('Deputies Zogorku Kenes adopted new law. About this reported Golos Ameriki.');
    expect(doc.entityHints.map((h) => h.text)).toEqual(['Жогорку Кенеша', 'Голос Америки']);
  });
});
