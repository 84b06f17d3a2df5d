import { describe, expect, it } from 'vitest';
import { createDetector, createDetectStage, detectLanguage, PIPELINE_LANGUAGES, toBcp47 } from '../../src/detect/index.js';
import { createDocument } from '../../src/document.js';
import { UsageError } from '../../src/errors.js';
import { OTHER_SCRIPT_SAMPLES, PIPELINE_SAMPLES } from './samples.js';

describe('detectLanguage: one sentence per pipeline language', () => {
  it('has a sample for every pipeline profile', () => {
    const covered = new Set(PIPELINE_SAMPLES.map((sample) => sample.bcp47));
    expect([...covered].sort()).toEqual(PIPELINE_LANGUAGES.map((profile) => profile.bcp47).sort());
  });

  for (const sample of PIPELINE_SAMPLES) {
    it(`${sample.bcp47}: ${sample.text.slice(0, 24)}…`, async () => {
      const detection = await detectLanguage(sample.text);
      expect({ iso6393: detection.iso6393, bcp47: detection.bcp47, script: detection.script }).toEqual({
        iso6393: sample.iso6393,
        bcp47: sample.bcp47,
        script: sample.script,
      });
      expect(detection.confidence).toBeGreaterThan(0.9);
      expect(detection.confidence).toBeLessThanOrEqual(1);
      expect(detection.candidates[0]).toEqual({ iso6393: sample.iso6393, score: detection.confidence });
      expect(detection.reason).toBeUndefined();
      expect(detection.spans).toBeUndefined();
    });
  }
});

describe('detectLanguage: scripts without a pipeline language', () => {
  for (const sample of OTHER_SCRIPT_SAMPLES) {
    it(`${sample.script} → ${sample.iso6393}`, async () => {
      const detection = await detectLanguage(sample.text);
      expect({ iso6393: detection.iso6393, bcp47: detection.bcp47, script: detection.script }).toEqual({
        iso6393: sample.iso6393,
        bcp47: sample.bcp47,
        script: sample.script,
      });
    });
  }
});

describe('detectLanguage: und with a reason', () => {
  it('a single word is too short', async () => {
    expect(await detectLanguage('Привет')).toEqual({
      iso6393: 'und',
      bcp47: 'und',
      script: 'Cyrl',
      confidence: 0,
      candidates: [],
      reason: 'too short: 6 letters, at least 10 needed',
    });
  });

  it('no letters at all', async () => {
    expect(await detectLanguage('2024-05-01 12:00 +++ 42')).toEqual({
      iso6393: 'und',
      bcp47: 'und',
      script: 'Zyyy',
      confidence: 0,
      candidates: [],
      reason: 'no letters',
    });
  });

  it('minLength lowers the bar', async () => {
    const detection = await detectLanguage('Привет', { minLength: 3 });
    expect(detection.iso6393).toBe('rus');
  });

  it('two candidates too close to call (a place name alone fits several Cyrillic languages)', async () => {
    const detection = await detectLanguage('Санкт-Петербург');
    expect(detection.iso6393).toBe('und');
    expect(detection.bcp47).toBe('und');
    expect(detection.script).toBe('Cyrl');
    expect(detection.reason).toMatch(/^too close to call: [a-z]{3} 0\.\d\d vs [a-z]{3} 0\.\d\d$/);
    expect(detection.candidates).toHaveLength(3);
    const [first, second] = detection.candidates;
    expect(first!.score - second!.score).toBeLessThan(0.2);
  });

  it('the same text is answered when the margin is 0 (best effort)', async () => {
    const detection = await detectLanguage('Санкт-Петербург', { minMargin: 0 });
    expect(detection.iso6393).not.toBe('und');
    expect(detection.confidence).toBeLessThan(0.6);
  });
});

describe('detectLanguage: only / ignore / scope', () => {
  const russian = 'Привет, как дела? Это тестовый текст на русском языке.';

  it('ignore removes the best language', async () => {
    const detection = await detectLanguage(russian, { ignore: ['rus'] });
    expect(detection.iso6393).not.toBe('rus');
    expect(detection.candidates.map((candidate) => candidate.iso6393)).not.toContain('rus');
  });

  it('only restricts the answer, also to languages outside the pipeline', async () => {
    const detection = await detectLanguage(russian, { only: ['bel', 'bul'] });
    expect(['bel', 'bul']).toContain(detection.iso6393);
    expect(detection.candidates.map((candidate) => candidate.iso6393).sort()).toEqual(['bel', 'bul']);
  });

  it('only with no language in the text\'s script gives und with a reason', async () => {
    expect(await detectLanguage(russian, { only: ['eng', 'deu'] })).toEqual({
      iso6393: 'und',
      bcp47: 'und',
      script: 'Cyrl',
      confidence: 0,
      candidates: [],
      reason: 'no allowed language is written in Cyrillic script',
    });
  });

  it('scope all widens to every language franc knows in the script', async () => {
    const belarusian = 'Парламент у аўторак пасля доўгіх дэбатаў зацвердзіў новы бюджэт краіны.';
    expect((await detectLanguage(belarusian)).iso6393).not.toBe('bel');
    expect((await detectLanguage(belarusian, { scope: 'all' })).iso6393).toBe('bel');
  });

  it('unknown codes are a usage error', () => {
    expect(() => createDetector({ only: ['rus', 'xxq'] })).toThrow(UsageError);
    expect(() => createDetector({ ignore: ['zzz'] })).toThrow("ignore: unknown language code 'zzz'");
  });
});

describe('detectLanguage: mixed documents', () => {
  it('English prose quoting Russian is English, with the Russian span listed', async () => {
    const quote = 'Мы не отступим ни на шаг, это наша земля';
    const text = `The minister spoke to reporters outside the building on Monday. He told them: «${quote}». Then he left without taking further questions from the press.`;
    const detection = await detectLanguage(text);
    expect(detection.iso6393).toBe('eng');
    expect(detection.spans).toEqual([
      { start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, iso6393: 'rus', bcp47: 'ru', script: 'Cyrl', confidence: expect.any(Number) },
    ]);
    expect(detection.spans![0]!.confidence).toBeGreaterThan(0.8);
  });

  it('a paragraph in another language of the same script is a span', async () => {
    const english = 'The parliament approved the new budget after a long debate on Tuesday. The opposition voted against it.';
    const german = 'Das Parlament hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen.';
    const text = `${english}\n\n${german}\n\n${english}`;
    const detection = await detectLanguage(text);
    expect(detection.iso6393).toBe('eng');
    expect(detection.spans).toEqual([
      { start: text.indexOf(german), end: text.indexOf(german) + german.length - 1, iso6393: 'deu', bcp47: 'de', script: 'Latn', confidence: expect.any(Number) },
    ]);
  });

  it('a one-language document has no spans, and segments: false skips the search', async () => {
    const english = 'The parliament approved the new budget after a long debate on Tuesday. The opposition voted against it. Markets barely moved.';
    expect((await detectLanguage(english)).spans).toBeUndefined();
    const mixed = `${english} «Мы не отступим ни на шаг, это наша земля».`;
    expect((await detectLanguage(mixed)).spans).toHaveLength(1);
    expect((await detectLanguage(mixed, { segments: false })).spans).toBeUndefined();
  });
});

describe('createDetectStage', () => {
  it('sets doc.language and reports spans as messages with offsets into the original', async () => {
    const quote = 'Мы не отступим ни на шаг, это наша земля';
    const doc = createDocument(`The minister spoke to reporters outside the building on Monday. He said: «${quote}».`);
    await createDetectStage()(doc, { target: 'en' });
    expect(doc.language?.iso6393).toBe('eng');
    const start = doc.original.indexOf(quote);
    expect(doc.messages).toEqual([
      {
        stage: 'detect',
        ruleId: 'detect:mixed-language',
        reason: 'Russian passage in a document in English',
        start,
        end: start + quote.length,
        offsetsIn: 'original',
        actual: quote,
        confidence: doc.language!.spans![0]!.confidence,
        fatal: false,
        data: { iso6393: 'rus', bcp47: 'ru', script: 'Cyrl' },
      },
    ]);
  });

  it('reports und with its reason', async () => {
    const doc = createDocument('Hello');
    await createDetectStage()(doc, { target: 'en' });
    expect(doc.language?.iso6393).toBe('und');
    expect(doc.messages).toEqual([
      {
        stage: 'detect',
        ruleId: 'detect:undetermined',
        reason: 'language undetermined: too short: 5 letters, at least 10 needed',
        start: 0,
        end: 5,
        offsetsIn: 'original',
        confidence: 0,
        fatal: false,
        data: { reason: 'too short: 5 letters, at least 10 needed', script: 'Latn', candidates: [] },
      },
    ]);
  });

  it('throws a usage error for unknown codes when the stage is built, not per document', () => {
    expect(() => createDetectStage({ only: ['qqq'] })).toThrow(UsageError);
  });
});

describe('toBcp47', () => {
  it('tags the script where it is not the language default', () => {
    expect(toBcp47('uzn', 'Cyrl')).toBe('uz-Cyrl');
    expect(toBcp47('uzn', 'Latn')).toBe('uz');
    expect(toBcp47('rus', 'Cyrl')).toBe('ru');
    expect(toBcp47('pes', 'Arab')).toBe('fa');
    expect(toBcp47('bel', 'Cyrl')).toBe('be');
    expect(toBcp47('azj', 'Cyrl')).toBe('az-Cyrl');
    expect(toBcp47('und', 'Zyyy')).toBe('und');
  });
});
