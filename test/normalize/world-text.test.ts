/**
 * English text about the rest of the world, on the built-in gazetteer: given names, acronyms,
 * contractions and surnames that once read as the region's names (`Danny` → Denmark, `USA` → UzA,
 * `Romanow` → Murmansk, `Anne` → Anna, all applied). Sentences written for these tests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/gazetteer/index.js';
import { indexFor, normalizeText, type NameIndex } from '../../src/normalize/index.js';

let index: NameIndex;
beforeAll(async () => {
  index = indexFor(await loadGazetteer());
});

describe('English text about the rest of the world (built-in gazetteer)', () => {
  it.each([
    ['a given name that spells a Russian case form of a country (Дании)', 'The claim was brought by Danny Topping and his wife.'],
    ['a given name that spells a case form of a town (Анне)', 'Jo-Anne said that Anne would chair the meeting.'],
    ['an acronym that spells a German romanization of ЎзА (UzA)', 'The firm is based in Oregon, USA, and in Leeds.'],
    ['a contraction', "I'm sure the vote will be close."],
  ])('changes and suggests nothing: %s', (_what, text) => {
    expect(normalizeText(text, index)).toEqual({ text, changes: [], suggestions: [] });
  });

  it('only suggests a Polish romanization (`Romanow`) in a text that names nothing of the region', () => {
    const text = 'The former premier, Romanow, spoke in Regina about health care.';
    const result = normalizeText(text, index);
    expect(result.text).toBe(text);
    expect(result.changes).toEqual([]);
    expect(result.suggestions.map((s) => [s.from, s.to, s.rule, s.evidence.held])).toEqual([
      ['Romanow', 'Murmansk', 'romanization', 'foreign romanization in a text that names nothing of the region'],
    ]);
  });

  it('reads no place after a common given name in a text about the region (`Danny Romanow` is his surname)', () => {
    const text = 'Kazakhstan mines more uranium than anyone, said the analyst Danny Romanow in Toronto.';
    const result = normalizeText(text, index);
    expect(result.text).toBe(text);
    expect(result.suggestions).toEqual([]);
  });

  it('keeps `USA`, `UK` and `UAE` as the countries they name', () => {
    const text = 'Teams from the USA, the UK and the UAE took part.';
    const result = normalizeText(text, index);
    expect(result).toEqual({ text, changes: [], suggestions: [] });
  });

  it('leaves a Central Asian given name before a surname alone (`Madina` is also Medina)', () => {
    const text = 'Madina Abylkasymova read her poems in Tashkent.';
    expect(normalizeText(text, index)).toEqual({ text, changes: [], suggestions: [] });
  });

  it('still reads a country in a foreign romanization next to a name (`Kazahstan Kasym-Zhomart Tokaev`)', () => {
    const result = normalizeText('The president of Kazahstan Kasym-Zhomart Tokaev spoke in Astana.', index);
    expect(result.text).toBe('The president of Kazakhstan Kassym-Jomart Tokayev spoke in Astana.');
  });

  it('still fixes a garbled name of the region next to Western names', () => {
    const result = normalizeText('Anne Bouchard flew from Toronto to Ashgabat via Turkemnistan.', index);
    expect(result.text).toBe('Anne Bouchard flew from Toronto to Ashgabat via Turkmenistan.');
    expect(result.changes.map((c) => [c.from, c.to, c.rule])).toEqual([['Turkemnistan', 'Turkmenistan', 'fuzzy']]);
  });
});
