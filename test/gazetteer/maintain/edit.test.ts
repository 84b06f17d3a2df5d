import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGazetteer } from '../../../src/gazetteer/index.js';
import { applyOperations, parseAliasSpec } from '../../../src/gazetteer/edit/index.js';
import { formatPatch, parsePatch } from '../../../src/gazetteer/edit/patch.js';
import { readGazetteerFile } from '../../../src/gazetteer/store.js';
import type { GazetteerEntry } from '../../../src/gazetteer/types.js';
import { fixtures } from './helpers.js';

const load = () => readGazetteerFile(join(fixtures, 'base.jsonl'));
const byId = (entries: GazetteerEntry[], id: string) => entries.find((entry) => entry.id === id);

describe('applyOperations', () => {
  it('adds, sets and unsets fields', async () => {
    const { entries, reports } = applyOperations(await load(), [
      { op: 'add', entry: { id: 'kg-kant', name: 'Kant', kind: 'town', country: 'KG', parent: 'kg-chuy', names: [] } },
      { op: 'set', id: 'kg-kant', set: { prominence: '28000', context: 'airbase, Chuy', 'ids.geonames': '1527592', note: 'x' } },
      { op: 'set', id: 'kg-kant', set: { note: '' } },
    ]);
    expect(byId(entries, 'kg-kant')).toEqual({ id: 'kg-kant', name: 'Kant', kind: 'town', country: 'KG', parent: 'kg-chuy', names: [], prominence: 28000, context: ['airbase', 'Chuy'], ids: { geonames: '1527592' } });
    expect(reports.map((r) => r.summary)).toEqual([
      'added kg-kant "Kant" (town, 0 names)',
      'kg-kant: prominence=28000, context=airbase, Chuy, ids.geonames=1527592, note=x',
      'kg-kant: note unset',
    ]);
  });

  it('adds and removes aliases, refusing duplicates and the canonical name', async () => {
    const { entries } = applyOperations(await load(), [
      { op: 'alias-add', id: 'kg-jogorku-kenesh', text: 'Zhogorky Kenesh', source: 'corpus' },
      { op: 'alias-remove', id: 'kg-jogorku-kenesh', text: 'Jogorku Kenesh' },
    ]);
    expect(byId(entries, 'kg-jogorku-kenesh')!.names.map((n) => n.text)).toEqual(['Жогорку Кеңеш', 'Zhogorky Kenesh']);
    expect(byId(entries, 'kg-jogorku-kenesh')!.names[1]).toEqual({ text: 'Zhogorky Kenesh', lang: 'und', script: 'Latn', type: 'variant', source: 'corpus' });
    expect(() => applyOperations(entries, [{ op: 'alias-add', id: 'kg-jogorku-kenesh', text: 'Zhogorky Kenesh' }])).toThrow("alias add: 'Zhogorky Kenesh' is already a name of kg-jogorku-kenesh");
    expect(() => applyOperations(entries, [{ op: 'alias-remove', id: 'kg-jogorku-kenesh', text: 'Zhogorku Kenesh' }])).toThrow("is the canonical name of kg-jogorku-kenesh");
    expect(() => applyOperations(entries, [{ op: 'alias-add', id: 'nope', text: 'X' }])).toThrow("alias add: no entry 'nope'");
    expect(() => applyOperations(entries, [{ op: 'add', entry: { id: 'kg', name: 'K', kind: 'country', names: [] } }])).toThrow("add: an entry 'kg' already exists");
  });

  it('merges names, external ids and children, recording the merged id', async () => {
    const start = [...(await load()), { id: 'kg-bishkek-2', name: 'Bishkek City', kind: 'city' as const, country: 'KG', names: [{ text: 'Pishpek', lang: 'en', script: 'Latn', type: 'historic' as const }], ids: { wikidata: 'Q9361' }, sources: ['wof'] }, { id: 'kg-ak-orgo', name: 'Ak-Orgo', kind: 'other' as const, parent: 'kg-bishkek-2', names: [] }];
    const { entries, reports } = applyOperations(start, [{ op: 'merge', keep: 'kg-bishkek', other: 'kg-bishkek-2' }]);
    expect(byId(entries, 'kg-bishkek-2')).toBeUndefined();
    expect(byId(entries, 'kg-ak-orgo')!.parent).toBe('kg-bishkek');
    const kept = byId(entries, 'kg-bishkek')!;
    expect(kept.names.map((n) => n.text)).toEqual(['Бишкек', 'Frunze', 'Bishkek City', 'Pishpek']);
    expect(kept).toMatchObject({ ids: { wikidata: 'Q9361' }, sources: ['wof'], merged: ['kg-bishkek-2'] });
    expect(reports[0]!.summary).toBe('merged kg-bishkek-2 into kg-bishkek (2 names moved)');
    // The old id still resolves to the kept entry.
    expect(createGazetteer(entries).get('kg-bishkek-2')?.id).toBe('kg-bishkek');
    // ...and further edits through the old id land on the kept entry.
    const again = applyOperations(entries, [{ op: 'alias-add', id: 'kg-bishkek-2', text: 'Bishkek-shaary' }]);
    expect(byId(again.entries, 'kg-bishkek')!.names.at(-1)!.text).toBe('Bishkek-shaary');
  });

  it('copies an entry that lives only in the base into the file before editing it', async () => {
    const base = createGazetteer(await load());
    const { entries } = applyOperations([], [{ op: 'alias-add', id: 'uz-termez', text: 'Tirmiz', lang: 'uz', type: 'historic' }], base);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.names.map((n) => n.text)).toEqual(['Termiz', 'Термез', 'Tirmiz']);
    expect(() => applyOperations([], [{ op: 'remove', id: 'uz-termez' }], base)).toThrow("remove: 'uz-termez' is not in your file");
  });

  it('upserts imported entries: new names and missing fields added, existing values kept', async () => {
    const { entries, reports } = applyOperations(await load(), [
      { op: 'upsert', entry: { id: 'kg-bishkek', name: 'Bishkek', kind: 'city', country: 'KG', names: [{ text: 'Pishpek', lang: 'en', script: 'Latn', type: 'historic' }], prominence: 1, ids: { geonames: '1528675' } } },
    ]);
    expect(byId(entries, 'kg-bishkek')).toMatchObject({ prominence: 1100000, ids: { geonames: '1528675' } });
    expect(reports[0]!.summary).toBe('updated kg-bishkek: +1 names, ids.geonames set');
  });
});

describe('parseAliasSpec', () => {
  it('reads TEXT[:lang[:type]]', () => {
    expect(parseAliasSpec('Жогорку Кеңеш:ky:official')).toEqual({ text: 'Жогорку Кеңеш', lang: 'ky', type: 'official' });
    expect(parseAliasSpec('Jogorku Kenesh:en')).toEqual({ text: 'Jogorku Kenesh', lang: 'en' });
    expect(parseAliasSpec('Jogorku Kenesh')).toEqual({ text: 'Jogorku Kenesh' });
    expect(parseAliasSpec('Local::official')).toEqual({ text: 'Local', type: 'official' });
    expect(parseAliasSpec('Ratio: 2:1')).toEqual({ text: 'Ratio: 2:1' });
  });
});

describe('patch files', () => {
  it('round-trip operations and skip blank and # lines', () => {
    const text = formatPatch([{ op: 'alias-add', id: 'a', text: 'X', confidence: 0.9 }, { op: 'remove', id: 'b' }]);
    expect(parsePatch(`# reviewed\n\n${text}`, 'p.jsonl')).toEqual([{ op: 'alias-add', id: 'a', text: 'X', confidence: 0.9 }, { op: 'remove', id: 'b' }]);
  });

  it('reject malformed lines with file:line', () => {
    expect(() => parsePatch('{"op":"alias-add","id":"a"}\n', 'p.jsonl')).toThrow('p.jsonl:1: "text" must be a non-empty string');
    expect(() => parsePatch('\n{"op":"explode"}\n', 'p.jsonl')).toThrow('p.jsonl:2: "op" must be one of add, set, alias-add, alias-remove, remove, merge, upsert');
    expect(() => parsePatch('{oops\n', 'p.jsonl')).toThrow(/^p\.jsonl:1: not valid JSON/);
  });
});
