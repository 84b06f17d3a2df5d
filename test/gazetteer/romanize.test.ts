/**
 * Data-driven tests: every sample pair in `data/romanization/*.json` must come out of the
 * romanization code as written, and iuliia's own bundled samples must pass through our wrapper.
 */
import { describe, expect, it } from 'vitest';
import {
  compileTable, dataFiles, iuliiaSamples, readDataFile, romanize, russianSchemes, simplifiedForms, transliterate, transliterateWithIuliia,
  type RomanizationTable,
} from '../../src/gazetteer/romanize/index.js';
import type { MorphologyFile } from '../../src/gazetteer/romanize/tables.js';
import { fixIuliiaOutput } from '../../src/gazetteer/romanize/russian.js';

const tables = dataFiles()
  .map((file) => ({ file, data: readDataFile<Partial<RomanizationTable>>(file) }))
  .filter((t): t is { file: string; data: RomanizationTable } => t.data.letters !== undefined);

describe('letter tables (data/romanization)', () => {
  it('has the tables the alias expansion relies on', () => {
    expect(tables.map((t) => t.data.scheme).sort()).toEqual([
      'cyrillic-to-russian', 'czech', 'french', 'german', 'hungarian', 'italian', 'kk-english', 'kk-latin', 'ky-bgn', 'ky-plain',
      'polish', 'spanish', 'tg-bgn', 'tg-plain', 'tk-english', 'tk-latin', 'uz-english', 'uz-latin',
    ]);
  });
  for (const { file, data } of tables) {
    describe(`${file} (${data.scheme})`, () => {
      const compiled = compileTable(data);
      it('has sample pairs', () => expect(data.samples.length).toBeGreaterThanOrEqual(2));
      for (const sample of data.samples) {
        it(`${sample.native} [${sample.lang}] → ${sample.latin}`, () => {
          expect(compiled.transliterate(sample.native, sample.lang)).toBe(sample.latin);
        });
      }
    });
  }
});

describe('Russian schemes via iuliia (data/romanization/russian.json)', () => {
  const russian = russianSchemes();
  for (const sample of russian.samples) {
    it(`${sample.scheme}: ${sample.native} [${sample.lang}] → ${sample.latin}`, () => {
      if (sample.scheme === 'ru-simplified') {
        const bgn = transliterate(sample.native, 'bgn-pcgn', sample.lang)!;
        expect(simplifiedForms(bgn)).toContain(sample.latin);
      } else {
        expect(transliterate(sample.native, sample.scheme, sample.lang)).toBe(sample.latin);
      }
    });
  }
  for (const scheme of russian.schemes) {
    it(`iuliia's own samples for ${scheme.iuliia} pass through the wrapper`, () => {
      const samples = iuliiaSamples(scheme.iuliia);
      expect(samples.length).toBeGreaterThan(0);
      for (const [source, expected] of samples) {
        expect(transliterateWithIuliia(source!, scheme.iuliia, 'ru')).toBe(fixIuliiaOutput(expected!));
      }
    });
  }
});

describe('Russian morphology (data/romanization/ru-morphology.json)', () => {
  const morphology = readDataFile<MorphologyFile>('ru-morphology.json');
  for (const sample of morphology.samples) {
    it(`${sample.name} (${sample.kind}) yields ${sample.includes.join(', ')}`, () => {
      const texts = romanize(sample.name, 'ru', { kind: sample.kind }).map((r) => r.text);
      for (const expected of sample.includes) expect(texts).toContain(expected);
    });
  }
});

describe('romanize', () => {
  it('gives every spelling of a Kyrgyz surname once, with its scheme and source', () => {
    expect(romanize('Жапаров', 'ky')).toEqual([
      { text: 'Japarov', scheme: 'ky-plain', from: 'Жапаров' },
      { text: 'Zhaparov', scheme: 'bgn-pcgn', from: 'Жапаров' },
      { text: 'Žaparov', scheme: 'czech', from: 'Жапаров' },
      { text: 'Żaparow', scheme: 'polish', from: 'Жапаров' },
      { text: 'Dschaparow', scheme: 'german', from: 'Жапаров' },
      { text: 'Djaparov', scheme: 'french', from: 'Жапаров' },
      { text: 'Giaparov', scheme: 'italian', from: 'Жапаров' },
      { text: 'Zsaparov', scheme: 'hungarian', from: 'Жапаров' },
    ]);
  });

  it('respects the cap and the spellings already seen', () => {
    const seen = new Set(['zhaparov']);
    const out = romanize('Жапаров', 'ky', { limit: 3, seen });
    expect(out.map((r) => r.text)).toEqual(['Japarov', 'Žaparov', 'Żaparow']);
    expect(seen.has('japarov')).toBe(true);
  });

  it('gives nothing for Latin text and for languages it does not romanize', () => {
    expect(romanize('Bishkek', 'ky')).toEqual([]);
    expect(romanize('Київ', 'uk')).toEqual([]);
  });

  it('makes the simplified Russian forms the press uses', () => {
    expect(simplifiedForms('Surkhandar’inskaya')).toEqual(['Surkhandarinskaya']);
    expect(simplifiedForms('Mirziyëyev')).toEqual(['Mirziyëyev', 'Mirziyoyev', 'Mirziyeyev']);
  });

  it('rejects an unknown scheme', () => {
    expect(() => transliterate('Ош', 'klingon')).toThrow("unknown romanization scheme 'klingon'");
  });
});
