import { describe, expect, it } from 'vitest';
import { createPipeline, primaryLanguage, type Stage } from '../src/pipeline.js';
import { addMessage, createDocument } from '../src/document.js';
import type { Detection } from '../src/document.js';

/** A detect stage that answers a fixed language. */
function fixedLanguage(iso6393: string, bcp47: string, script = 'Latn'): Stage {
  const detection: Detection = { iso6393, bcp47, script, confidence: 1, candidates: [{ iso6393, score: 1 }] };
  return async (doc) => {
    doc.language = detection;
  };
}

/** A stage that records that it ran, in order. */
function recorder(name: string, log: string[]): Stage {
  return async () => {
    log.push(name);
  };
}

describe('createDocument', () => {
  it('normalizes to NFC once, on entry', () => {
    const decomposed = 'Z\u030Cogorku'; // Ž as Z + combining caron
    const doc = createDocument(decomposed, 'a.txt');
    expect(doc).toEqual({
      path: 'a.txt',
      original: 'Žogorku',
      text: 'Žogorku',
      messages: [],
      changes: [],
      suggestions: [],
      entityHints: [],
      timings: {},
    });
  });
});

describe('createPipeline routing', () => {
  it('runs translate before normalize when the language is not the target', async () => {
    const log: string[] = [];
    const pipeline = createPipeline({
      stages: { detect: fixedLanguage('rus', 'ru', 'Cyrl'), translate: recorder('translate', log), normalize: recorder('normalize', log) },
    });
    await pipeline.process('Привет');
    expect(log).toEqual(['translate']);
  });

  it('normalizes once the translate stage produced a translation', async () => {
    const log: string[] = [];
    const translate: Stage = async (doc) => {
      log.push('translate');
      doc.translation = 'Hello';
      doc.text = 'Hello';
    };
    const pipeline = createPipeline({ stages: { detect: fixedLanguage('rus', 'ru', 'Cyrl'), translate, normalize: recorder('normalize', log) } });
    const doc = await pipeline.process('Привет');
    expect(log).toEqual(['translate', 'normalize']);
    expect(doc.text).toBe('Hello');
    expect(Object.keys(doc.timings).sort()).toEqual(['detect', 'normalize', 'translate']);
  });

  it('skips translation for text already in the target language', async () => {
    const log: string[] = [];
    const pipeline = createPipeline({
      stages: { detect: fixedLanguage('eng', 'en'), translate: recorder('translate', log), normalize: recorder('normalize', log) },
    });
    const doc = await pipeline.process('Hello there');
    expect(log).toEqual(['normalize']);
    expect(doc.messages).toEqual([]);
  });

  it('compares primary subtags, so en-GB text is not translated to en', async () => {
    const log: string[] = [];
    const pipeline = createPipeline({ stages: { detect: fixedLanguage('eng', 'en-GB'), translate: recorder('translate', log), normalize: recorder('normalize', log) } });
    await pipeline.process('Colour');
    expect(log).toEqual(['normalize']);
  });

  it('records a message instead of normalizing foreign text when translation is off', async () => {
    const log: string[] = [];
    const pipeline = createPipeline({ translate: false, stages: { detect: fixedLanguage('rus', 'ru', 'Cyrl'), normalize: recorder('normalize', log) } });
    const doc = await pipeline.process('Привет мир');
    expect(log).toEqual([]);
    expect(doc.messages.map((m) => m.ruleId)).toEqual(['pipeline:translation-skipped', 'pipeline:normalize-skipped']);
    expect(doc.messages[0]).toMatchObject({ stage: 'pipeline', start: 0, end: 10, offsetsIn: 'original', fatal: false });
  });

  it('honours a forced source language over detection', async () => {
    const log: string[] = [];
    const pipeline = createPipeline({
      translate: { from: 'uk' },
      stages: { detect: fixedLanguage('eng', 'en'), translate: recorder('translate', log), normalize: recorder('normalize', log) },
    });
    await pipeline.process('text');
    expect(log).toEqual(['translate']);
  });

  it('does not translate when the language is undetermined', async () => {
    const log: string[] = [];
    const pipeline = createPipeline({ stages: { detect: fixedLanguage('und', 'und', 'Zyyy'), translate: recorder('translate', log), normalize: recorder('normalize', log) } });
    await pipeline.process('ok');
    expect(log).toEqual(['normalize']);
  });

  it('can switch stages off', async () => {
    const log: string[] = [];
    const pipeline = createPipeline({ detect: false, normalize: false, stages: { translate: recorder('translate', log) } });
    const doc = await pipeline.process('anything');
    expect(log).toEqual([]);
    expect(doc.language).toBeUndefined();
  });

  it('keeps stage messages with offsets into the original text', async () => {
    const normalize: Stage = async (doc) => {
      const start = doc.original.indexOf('Kenes');
      addMessage(doc, { stage: 'normalize', ruleId: 'normalize:test', reason: 'r', start, end: start + 5, actual: 'Kenes', expected: ['Kenesh'] });
    };
    const doc = await createPipeline({ stages: { detect: fixedLanguage('eng', 'en'), normalize } }).process('Ž the Kenes met');
    const [message] = doc.messages;
    expect(message).toEqual({
      stage: 'normalize', ruleId: 'normalize:test', reason: 'r', start: 6, end: 11, offsetsIn: 'original',
      actual: 'Kenes', expected: ['Kenesh'], confidence: 1, fatal: false,
    });
    expect(doc.original.slice(message!.start, message!.end)).toBe('Kenes');
  });
});

describe('primaryLanguage', () => {
  it('takes the primary subtag', () => {
    expect(['uz-Cyrl', 'EN_gb', 'ru'].map(primaryLanguage)).toEqual(['uz', 'en', 'ru']);
  });
});
