/**
 * Translation benchmark on the tiny generated model (test/fixtures/tiny-model): sentences/s
 * batched vs one at a time; the translate stage's overhead against calling the transformers.js
 * pipeline directly on the same sentences; a cached re-run; and names carried across with
 * entity hints (default) vs placeholders (`--protect-names`), through the whole pipeline.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline as hfPipeline, type TranslationPipeline } from '@huggingface/transformers';
import { createDocument } from '../src/document.js';
import { loadGazetteer } from '../src/gazetteer/index.js';
import { createPipeline } from '../src/pipeline.js';
import { configureOfflineEnv, createTranslateStage, createTransformersTranslator, listModels, writeManifest } from '../src/translate/index.js';
import { TINY_MODEL_ID, writeTinyModel } from '../test/fixtures/tiny-model/generate.js';

/** Sentences written for the benchmark, in the tiny model's vocabulary. */
const SENTENCES = [
  'Привет, мир!',
  'Я люблю тебя.',
  'Депутаты Жогорку Кенеша приняли новый закон.',
  'Об этом сообщил Голос Америки.',
  'Сегодня в Бишкеке прошла сессия парламента.',
  'Голос Америки сообщает: депутаты приняли новый закон.',
  'В Бишкеке сегодня прошла сессия Жогорку Кенеша и депутаты приняли закон.',
  'Привет, я люблю тебя и мир.',
];

/** Name test: source sentence and the canonical names the final English must contain. */
const NAME_CASES: Array<[string, string[]]> = [
  ['Депутаты Жогорку Кенеша приняли новый закон.', ['Zhogorku Kenesh']],
  ['Об этом сообщил Голос Америки.', ['Voice of America']],
  ['Сегодня в Бишкеке прошла сессия Жогорку Кенеша.', ['Bishkek', 'Zhogorku Kenesh']],
  ['Голос Америки сообщает: депутаты Жогорку Кенеша приняли закон.', ['Voice of America', 'Zhogorku Kenesh']],
  ['В Бишкеке депутаты приняли новый закон, сообщил Голос Америки.', ['Bishkek', 'Voice of America']],
];

const REPEAT = 30; // 8 × 30 = 240 sentences

const ms = (start: number) => performance.now() - start;
const rate = (count: number, millis: number) => `${((count * 1000) / millis).toFixed(0)} sentences/s`;

export async function run(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'transnorm-bench-translate-'));
  try {
    const modelsDir = join(root, 'models');
    const modelDir = join(modelsDir, TINY_MODEL_ID);
    let t = performance.now();
    await writeTinyModel(modelDir);
    await writeManifest(modelDir, { id: TINY_MODEL_ID, source: 'bench', pairs: ['ru-en'], dtype: 'fp32' });
    console.log(`tiny model generated and installed in ${ms(t).toFixed(0)} ms`);
    const model = (await listModels(modelsDir)).models[0]!;
    // Distinct sentences (a number after the first word), so that no sentence is translated once for several.
    const sentences = Array.from({ length: REPEAT }, (_, n) => SENTENCES.map((s) => s.replace(' ', ` ${n + 1} `))).flat();

    // 1. Batched vs one at a time, through the Translator.
    const translator = createTransformersTranslator(model, modelsDir);
    t = performance.now();
    await translator.translate(['Привет, мир!'], { from: 'ru', to: 'en' });
    console.log(`model load + first sentence: ${ms(t).toFixed(0)} ms`);
    t = performance.now();
    for (const sentence of sentences) await translator.translate([sentence], { from: 'ru', to: 'en' });
    const single = ms(t);
    console.log(`one at a time: ${sentences.length} sentences in ${single.toFixed(0)} ms = ${rate(sentences.length, single)}`);
    for (const batchSize of [8, 32]) {
      t = performance.now();
      for (let i = 0; i < sentences.length; i += batchSize) await translator.translate(sentences.slice(i, i + batchSize), { from: 'ru', to: 'en' });
      const batched = ms(t);
      console.log(`batches of ${batchSize}: ${sentences.length} sentences in ${batched.toFixed(0)} ms = ${rate(sentences.length, batched)} (${(single / batched).toFixed(2)}× one at a time)`);
    }
    await translator.dispose();

    // 2. Stage overhead vs the transformers.js pipeline called directly, same sentences, batch 8.
    await configureOfflineEnv(modelsDir);
    const direct = (await hfPipeline('translation', modelDir, { dtype: 'fp32', device: 'cpu' })) as TranslationPipeline;
    await direct(['Привет, мир!']);
    // One sentence per line: the stage then has exactly the same sentences to translate.
    const document = sentences.join('\n');
    const stage = createTranslateStage({ modelsDir, from: 'ru', cacheDir: false, gazetteer: false, batchSize: 8 });
    await stage(createDocument('Привет, мир!'), { target: 'en' }); // load the model once
    const rounds = 3;
    let directMs = 0;
    let stageMs = 0;
    for (let round = 0; round < rounds; round++) {
      t = performance.now();
      for (let i = 0; i < sentences.length; i += 8) await direct(sentences.slice(i, i + 8), { max_new_tokens: 64 });
      directMs += ms(t);
      t = performance.now();
      await stage(createDocument(document), { target: 'en' });
      stageMs += ms(t);
    }
    await direct.dispose();
    directMs /= rounds;
    stageMs /= rounds;
    console.log(`transformers.js pipeline directly, batches of 8: ${directMs.toFixed(0)} ms = ${rate(sentences.length, directMs)}`);
    console.log(`translate stage (segmenting, language check per sentence, batching, messages; no cache, no gazetteer): ${stageMs.toFixed(0)} ms = ${rate(sentences.length, stageMs)}; overhead ${(((stageMs - directMs) / directMs) * 100).toFixed(0)}% (mean of ${rounds} runs)`);

    // 3. A re-run with the disk cache costs no model time.
    const cacheDir = join(root, 'cache');
    const cached = createTranslateStage({ modelsDir, from: 'ru', cacheDir, gazetteer: false });
    t = performance.now();
    await cached(createDocument(document), { target: 'en' });
    const cold = ms(t);
    const rerun = createTranslateStage({ modelsDir, from: 'ru', cacheDir, gazetteer: false });
    t = performance.now();
    const again = createDocument(document);
    await rerun(again, { target: 'en' });
    console.log(`with the disk cache: first run ${cold.toFixed(0)} ms (model load included), re-run in a fresh stage ${ms(t).toFixed(0)} ms (${again.messages.filter((m) => m.data?.status === 'cached').length}/${again.messages.length} sentences from the cache, model not loaded)`);

    // 4. Names: entity hints + normalizer (default) vs placeholders, whole pipeline, built-in gazetteer.
    t = performance.now();
    const gazetteer = await loadGazetteer();
    console.log(`built-in gazetteer loaded in ${ms(t).toFixed(0)} ms (${gazetteer.entries.length} entries)`);
    for (const protectNames of [false, true]) {
      const pipe = createPipeline({ translate: { modelsDir, cacheDir: false, gazetteer, protectNames }, normalize: { gazetteer } });
      let found = 0;
      let total = 0;
      let garbled = 0;
      const outputs: string[] = [];
      await pipe.process(NAME_CASES[0]![0]); // build the stages' indexes before timing
      t = performance.now();
      for (const [source, names] of NAME_CASES) {
        const doc = await pipe.process(source);
        outputs.push(doc.text);
        for (const name of names) {
          total++;
          if (doc.text.includes(name)) found++;
        }
        if (/Zogorku|Kenes\b|Golos|Ameriki/u.test(doc.text)) garbled++;
      }
      console.log(`names, ${protectNames ? 'placeholders (--protect-names)' : 'entity hints + normalizer (default)'}: ${found}/${total} canonical names in the output, ${garbled}/${NAME_CASES.length} outputs with a garbled name left, ${(ms(t) / NAME_CASES.length).toFixed(0)} ms per document`);
      for (const output of outputs) console.log(`    ${output}`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
