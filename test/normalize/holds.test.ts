import { describe, expect, it } from 'vitest';
import { createGazetteer, type GazetteerEntry } from '../../src/gazetteer/index.js';
import { normalizeText } from '../../src/normalize/index.js';
import { indexFor } from '../../src/normalize/name-index.js';

const latn = (text: string, type: 'preferred' | 'variant' = 'variant', lang = 'en') => ({ text, lang, script: 'Latn', type });

/** Places in and out of the region the gazetteer covers in depth, written for these tests. */
const ENTRIES: GazetteerEntry[] = [
  { id: 'country:kg', name: 'Kyrgyzstan', kind: 'country', country: 'KG', names: [], prominence: 6_700_000 },
  { id: 'country:lr', name: 'Liberia', kind: 'country', country: 'LR', names: [], prominence: 5_000_000 },
  { id: 'city:bishkek', name: 'Bishkek', kind: 'city', country: 'KG', parent: 'country:kg', names: [], prominence: 1_100_000 },
  { id: 'city:karakol', name: 'Karakol', kind: 'city', country: 'KG', parent: 'country:kg', names: [], prominence: 300_000 },
  { id: 'town:arar', name: 'Arar', kind: 'city', country: 'KG', parent: 'country:kg', names: [], prominence: 300_000 },
  { id: 'city:rome', name: 'Rome', kind: 'city', country: 'IT', names: [latn('Roma', 'preferred', 'tr')], prominence: 2_800_000 },
  { id: 'city:krakow', name: 'Krakow', kind: 'city', country: 'PL', names: [], prominence: 800_000 },
];
const index = indexFor(createGazetteer(ENTRIES, { generate: false }));

/** The text comes back unchanged, with one suggestion held for the given reason. */
function expectHeld(text: string, suggestion: { from: string; to: string; held: string }): void {
  const result = normalizeText(text, index);
  expect(result.text).toBe(text);
  expect(result.changes).toEqual([]);
  expect(result.suggestions).toHaveLength(1);
  expect(result.suggestions[0]).toMatchObject({ from: suggestion.from, to: suggestion.to, evidence: { held: suggestion.held } });
}

describe('precision holds: readings only ever suggested', () => {
  it('applies the same readings where nothing holds them', () => {
    expect(normalizeText('Floods hit Karakoll on Monday.', index).text).toBe('Floods hit Karakol on Monday.');
    expect(normalizeText('Officials in Biškek said so.', index).text).toBe('Officials in Bishkek said so.');
  });

  it.each([
    ['a foreign-language name of a place outside the region', 'The pope spoke in Roma on Sunday.', { from: 'Roma', to: 'Rome', held: 'place outside the region the gazetteer covers in depth' }],
    ['a name in its own Latin orthography', 'The summit opened in Kraków on Friday.', { from: 'Kraków', to: 'Krakow', held: 'native Latin-script spelling' }],
    ['a near-name next to an unknown capitalized word', 'The coach, Karakoll Mukan, resigned.', { from: 'Karakoll', to: 'Karakol', held: 'part of a longer unknown name' }],
    ['a quoted word', 'The sign read “Biškek” in large letters.', { from: 'Biškek', to: 'Bishkek', held: 'quoted as written' }],
  ])('holds %s', (_what, text, suggestion) => {
    expectHeld(text, suggestion);
  });

  // Held and not even suggested: the reading is so rarely right that showing it is noise.
  it.each([
    ['a split off a function word that names also end in', 'Pilgrims climbed Ararat last week.'],
    ['a fuzzy match whose first letter differs', 'Snow fell across Siberia overnight.'],
    ['a near-spelling of a place outside the region', 'The mayor of Krackow spoke first.'],
    ['a fuzzy near-name next to an unknown capitalized word', 'The coach, Karakoool Mukan, resigned.'],
  ])('holds %s without suggesting it', (_what, text) => {
    expect(normalizeText(text, index)).toEqual({ text, changes: [], suggestions: [] });
  });
});

describe('untranslated Russian region phrases', () => {
  const regions = indexFor(
    createGazetteer(
      [
        { id: 'country:kz', name: 'Kazakhstan', kind: 'country', country: 'KZ', names: [], prominence: 20_000_000 },
        { id: 'region:karaganda', name: 'Karaganda Region', kind: 'region', country: 'KZ', parent: 'country:kz', names: [{ text: 'Карагандинская область', lang: 'ru', script: 'Cyrl', type: 'preferred' }], prominence: 1_100_000 },
      ],
      {},
    ),
  );

  it('turns an adjective and its untranslated noun into the English name (`Karagandinskoy oblasti`)', () => {
    const result = normalizeText('Miners in Karagandinskoy oblasti went on strike.', regions);
    expect(result.text).toBe('Miners in Karaganda Region went on strike.');
    expect(result.changes).toMatchObject([{ start: 10, end: 32, from: 'Karagandinskoy oblasti', to: 'Karaganda Region', entity: 'region:karaganda' }]);
    expect(normalizeText(result.text, regions).changes).toEqual([]);
  });

  it('only suggests the place when the adjective goes with another untranslated noun (`Karagandinskoy shakhte`, in the mine)', () => {
    const text = 'Miners in Karagandinskoy shakhte went on strike.';
    const result = normalizeText(text, regions);
    expect(result.text).toBe(text);
    expect(result.suggestions.map((s) => [s.from, s.to, s.rule, s.evidence.held])).toEqual([['Karagandinskoy', 'Karaganda Region', 'morphology', 'adjective of an untranslated Russian noun']]);
    // Before an English word, the adjective is the place.
    expect(normalizeText('Miners in Karagandinskoy mines went on strike.', regions).text).toBe('Miners in Karaganda Region mines went on strike.');
  });
});

describe('given names before a surname', () => {
  // Taraz was called Zhambyl, after the poet Zhambyl Zhabayev (a variant here, so that only the surname holds it).
  const cities = indexFor(
    createGazetteer(
      [
        { id: 'country:kz', name: 'Kazakhstan', kind: 'country', country: 'KZ', names: [], prominence: 20_000_000 },
        { id: 'city:taraz', name: 'Taraz', kind: 'city', country: 'KZ', parent: 'country:kz', names: [latn('Zhambyl', 'variant', 'kk')], prominence: 400_000 },
      ],
      { generate: false },
    ),
  );

  it('reads the place where no surname follows', () => {
    expect(normalizeText('Flights to Zhambyl resumed on Monday.', cities).text).toBe('Flights to Taraz resumed on Monday.');
  });

  it('neither changes nor suggests a name before a surname (`Zhambyl Zhabayev`)', () => {
    const text = 'A statue of Zhambyl Zhabayev stands in the park.';
    expect(normalizeText(text, cities)).toEqual({ text, changes: [], suggestions: [] });
  });
});
