/**
 * The generated word lists of the rule tables (`englishProperWords`, `latinScriptCues` in
 * src/normalize/data/rules.json): the generator's pure functions on small fixtures written for
 * these tests, the tables' sample words, and the samples run through the normalizer with the
 * built-in gazetteer. The generator's source data (../shared) is never read here.
 */
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/gazetteer/index.js';
import { indexFor, normalizeText } from '../../src/normalize/index.js';
import { ENGLISH_PROPER_WORDS, LATIN_SCRIPT_CUES, RULES, isCommonEnglish } from '../../src/normalize/rules.js';
import tables from '../../scripts/rules/proper-words.json' with { type: 'json' };
import {
  countryDemonyms, demonymPlural, englishProperWords, isLatinScriptCountry, latinScriptCueWords, mergeWordList, type ProperWordTables, type WorldCountry,
} from '../../scripts/rules/proper-words.js';

const country = (cca2: string, common: string, native: Record<string, string>, demonym: string, capital: string[], independent = true): WorldCountry => ({
  cca2, independent, capital,
  name: { common, native: Object.fromEntries(Object.entries(native).map(([lang, name]) => [lang, { common: name, official: name }])) },
  demonyms: { eng: { m: demonym, f: demonym } },
});

const FIXTURE: WorldCountry[] = [
  country('PT', 'Portugal', { por: 'Portugal' }, 'Portuguese', ['Lisbon']),
  country('KE', 'Kenya', { eng: 'Kenya', swa: 'Kenya' }, 'Kenyan', ['Nairobi']),
  country('BG', 'Bulgaria', { bul: 'България' }, 'Bulgarian', ['Sofia']),
  country('UZ', 'Uzbekistan', { rus: 'Узбекистан', uzb: 'O‘zbekiston' }, 'Uzbekistani', ['Tashkent']),
  country('AF', 'Afghanistan', { prs: 'افغانستان', pus: 'افغانستان', tuk: 'Owganystan' }, 'Afghan', ['Kabul']),
  country('US', 'United States', { eng: 'United States' }, 'American', ['Washington D.C.']),
  country('NZ', 'New Zealand', { eng: 'New Zealand', mri: 'Aotearoa' }, 'New Zealander', ['Wellington']),
  country('KI', 'Kiribati', { eng: 'Kiribati', gil: 'Ribaberiki Kiribati' }, 'I-Kiribati', ['South Tarawa']),
  country('DJ', 'Djibouti', { ara: 'جيبوتي‎', fra: 'Djibouti' }, 'Djibouti', ['Djibouti']),
  country('KN', 'Saint Kitts and Nevis', { eng: 'Saint Kitts and Nevis' }, 'Kittitian or Nevisian', ['Basseterre']),
  country('JE', 'Jersey', { eng: 'Jersey', fra: 'Jersey' }, 'Channel Islander', ['Saint Helier'], false),
];

const TABLES: ProperWordTables = {
  demonymFixes: { Djibouti: 'Djiboutian' },
  demonyms: { words: ['kyrgyz', 'tajik'] },
  irregularPlurals: { words: ['danes'] },
  noPlural: { words: ['kyrgyz'] },
  languages: { words: ['pashto'] },
  proper: { words: ['baltic'] },
  latinCueExclude: { words: ['wellington'] },
};

describe('proper-words generator (scripts/rules/proper-words.ts)', () => {
  it('makes regular plurals of nationality nouns, none after -ese/-ish/-ch/-sh/-ss', () => {
    expect(['kenyan', 'pakistani', 'greek', 'slovene', 'filipino', 'portuguese', 'polish', 'french', 'welsh', 'swiss', 'malagasy'].map(demonymPlural))
      .toEqual(['kenyans', 'pakistanis', 'greeks', 'slovenes', 'filipinos', undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('reads demonyms, splits `X or Y` and applies the hand fixes', () => {
    expect(FIXTURE.map((c) => countryDemonyms(c, TABLES.demonymFixes))).toEqual([
      ['portuguese'], ['kenyan'], ['bulgarian'], ['uzbekistani'], ['afghan'], ['american'], ['new zealander'], ['i-kiribati'], ['djiboutian'],
      ['kittitian', 'nevisian'], ['channel islander'],
    ]);
  });

  it('calls a country Latin-script only when every native name is Latin and one is not English', () => {
    expect(FIXTURE.filter(isLatinScriptCountry).map((c) => c.cca2)).toEqual(['PT', 'KE', 'NZ', 'KI', 'JE']);
  });

  it('lists demonyms with plurals, the last word of multi-word ones unless it names a country, and the hand tables', () => {
    expect(englishProperWords(FIXTURE, TABLES).sort()).toEqual([
      'afghan', 'afghans', 'american', 'americans', 'baltic', 'bulgarian', 'bulgarians', 'danes', 'djiboutian', 'djiboutians', 'islander', 'islanders',
      'kenyan', 'kenyans', 'kittitian', 'kittitians', 'kyrgyz', 'nevisian', 'nevisians', 'pashto', 'portuguese', 'tajik', 'tajiks', 'uzbekistani',
      'uzbekistanis', 'zealander', 'zealanders',
    ]);
  });

  it('lists one-word names, demonyms and capitals of independent Latin-script countries, minus English words and exclusions', () => {
    const english = new Set(['new', 'nairobi-not-a-word']);
    expect(latinScriptCueWords(FIXTURE, TABLES, (word) => english.has(word)).sort()).toEqual(['kenya', 'kenyan', 'kiribati', 'lisbon', 'nairobi', 'portugal', 'portuguese']);
  });

  it('keeps existing words in order and appends new ones sorted', () => {
    expect(mergeWordList(['b', 'a'], ['d', 'a', 'c', 'd'])).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('generated rule tables (data/rules.json)', () => {
  it('holds every hand word, in lower case, one word each', () => {
    const hand = [...tables.demonyms.words, ...tables.irregularPlurals.words, ...tables.languages.words, ...tables.proper.words];
    expect(hand.filter((word) => !ENGLISH_PROPER_WORDS.has(word))).toEqual([]);
    expect([...ENGLISH_PROPER_WORDS, ...LATIN_SCRIPT_CUES].filter((word) => word !== word.toLowerCase() || /\s/u.test(word))).toEqual([]);
  });

  it.each(RULES.englishProperWords.samples)('%s is an English word, not a misspelling of %s', (word) => {
    expect(isCommonEnglish(word!)).toBe(true);
  });

  it('cues on the Latin-script countries and on no Cyrillic-, Greek- or English-script one', () => {
    expect(RULES.latinScriptCues.samples.cue.filter((word) => !LATIN_SCRIPT_CUES.has(word))).toEqual([]);
    expect(RULES.latinScriptCues.samples.notCue.filter((word) => LATIN_SCRIPT_CUES.has(word))).toEqual([]);
  });

  it('leaves the sample demonyms as written in a sentence (built-in gazetteer)', async () => {
    const index = indexFor(await loadGazetteer());
    for (const [word] of RULES.englishProperWords.samples) {
      const text = `The ${word} delegation met officials in Bishkek on Monday.`;
      expect(normalizeText(text, index), word).toMatchObject({ text, changes: [] });
    }
  });
});
