import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGazetteer } from '../../../src/gazetteer/index.js';
import { readGazetteerFile } from '../../../src/gazetteer/store.js';
import { searchGazetteer } from '../../../src/gazetteer/edit/search.js';
import { diffEntries, formatDiff } from '../../../src/gazetteer/edit/diff.js';
import { formatStats, gazetteerStats } from '../../../src/gazetteer/edit/stats.js';
import { applyOperations } from '../../../src/gazetteer/edit/index.js';
import { fixtures } from './helpers.js';

const load = () => readGazetteerFile(join(fixtures, 'base.jsonl'));

describe('search', () => {
  it('ranks exact, prefix, word and fuzzy matches and says how each matched', async () => {
    // Latin names only, so that no generated romanization takes part in the ranking.
    const g = createGazetteer((await load()).map((entry) => ({ ...entry, names: entry.names.filter((name) => name.script === 'Latn') })));
    const summary = (query: string, options = {}) => searchGazetteer(g, query, options).map((hit) => [hit.entry.id, hit.how, hit.alias.text, hit.score]);
    expect(summary('Frunze')).toEqual([['kg-bishkek', 'exact', 'Frunze', 1]]);
    expect(summary('Zhogorky Kenes')).toEqual([['kg-jogorku-kenesh', 'fuzzy', 'Zhogorku Kenesh', 0.78]]);
    expect(summary('Surkh')).toEqual([['uz-surkhandarya', 'prefix', 'Surkhandarya', 0.625]]);
    expect(summary('Region')).toEqual([['kg-chuy', 'tokens', 'Chuy Region', 0.6], ['uz-surkhandarya', 'tokens', 'Surkhandarya Region', 0.6]]);
    expect(summary('Region', { country: 'uz' })).toEqual([['uz-surkhandarya', 'tokens', 'Surkhandarya Region', 0.6]]);
    expect(summary('Region', { kind: 'city' })).toEqual([]);
    expect(summary('Termes', { limit: 1 })).toEqual([['uz-termez', 'fuzzy', 'Termez', 0.75]]);
  });
});

describe('diff', () => {
  it('lists added, removed and changed entities with their name changes', async () => {
    const before = await load();
    const { entries: after } = applyOperations(structuredClone(before), [
      { op: 'alias-add', id: 'kg-jogorku-kenesh', text: 'Zhogorky Kenesh' },
      { op: 'set', id: 'kg-bishkek', set: { prominence: '1200000' } },
      { op: 'remove', id: 'media-voa' },
      { op: 'add', entry: { id: 'kg-osh', name: 'Osh', kind: 'city', country: 'KG', names: [] } },
    ]);
    const diff = diffEntries(before, after);
    expect(diff.changed).toEqual([
      { id: 'kg-bishkek', fields: ['prominence'], namesAdded: [], namesRemoved: [] },
      { id: 'kg-jogorku-kenesh', fields: [], namesAdded: ['Zhogorky Kenesh (und, variant)'], namesRemoved: [] },
    ]);
    expect(formatDiff(diff)).toBe([
      '+ kg-osh  Osh (city, KG, 0 names)',
      '- media-voa  Voice of America (media)',
      '~ kg-bishkek  fields: prominence',
      '~ kg-jogorku-kenesh',
      '    + Zhogorky Kenesh (und, variant)',
      '1 added, 1 removed, 2 changed',
      '',
    ].join('\n'));
  });
});

describe('stats', () => {
  it('counts entities and names by kind, country, language and script, and ambiguous aliases', async () => {
    const entries = await load();
    entries.push({ id: 'us-bishkek', name: 'Bishkek', kind: 'town', country: 'US', names: [] });
    const stats = gazetteerStats(createGazetteer(entries));
    expect(stats).toMatchObject({
      entities: 8,
      names: 16,
      entitiesByKind: { city: 2, region: 2, country: 1, legislature: 1, media: 1, town: 1 },
      entitiesByCountry: { KG: 4, UZ: 2, '(none)': 1, US: 1 },
      namesByLanguage: { en: 6, ky: 4, ru: 3, uz: 2, 'uz-Cyrl': 1 },
      namesByScript: { Cyrl: 8, Latn: 8 },
      ambiguousAliases: 1,
      ambiguousExamples: [{ alias: 'Bishkek', entities: ['kg-bishkek', 'us-bishkek'] }],
    });
    expect(formatStats(stats).split('\n')[0]).toBe(`entities: 8, names: 16, aliases (generated included): ${stats.aliases}`);
  });
});
