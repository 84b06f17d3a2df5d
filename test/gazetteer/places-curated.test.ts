/**
 * Data checks for the curated gazetteer `gazetteers/places-curated.jsonl`: towns and villages that
 * news names every day and that the imported place sources leave out (Ukrainian places under
 * 15,000 people on the front line since 2022, the Russian border villages of the Kursk fighting,
 * Moldovan border posts). Without them a correct `Siversk` read as the Russian city Seversk.
 */
import { describe, expect, it } from 'vitest';
import { formatGazetteerText } from '../../scripts/format-gazetteer.js';
import { createGazetteer } from '../../src/gazetteer/index.js';
import { loadGazetteer } from '../../src/gazetteer/load.js';
import { normalizeText } from '../../src/normalize/normalizer.js';
import { curatedNameProblems, entryShapeProblems, readCuratedFile } from './curated.js';

const { text, entries, failing } = readCuratedFile('places-curated.jsonl');

describe('places-curated.jsonl', () => {
  it('is formatted (sorted by id, stable key order) and every entry passes the shape check', () => {
    const result = formatGazetteerText(text, 'places-curated.jsonl');
    expect(result.problems).toEqual([]);
    expect(result.output).toBe(text);
    expect(entryShapeProblems(entries)).toEqual([]);
  });

  it('holds towns (10,000 people or more) and villages with geo- slugs, a parent and a population (0: unknown), as imported places have', () => {
    const populated = (entry: { kind: string; prominence?: number }) =>
      Number.isInteger(entry.prominence) && entry.prominence! >= 0 && (entry.kind === 'village' ? entry.prominence! < 10_000 : entry.kind === 'town' && entry.prominence! >= 10_000);
    expect(failing((entry) => /^geo-[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(entry.id) && entry.parent !== undefined && populated(entry))).toEqual([]);
  });

  it('every entry is curated, with a note and context words, and every parent is a built-in entry', async () => {
    expect(failing((entry) => JSON.stringify(entry.sources) === '["curated"]' && (entry.note ?? '').length >= 10 && (entry.context ?? []).length > 0)).toEqual([]);
    const builtIn = await loadGazetteer();
    const ids = new Set(builtIn.entries.map((entry) => entry.id));
    expect(entries.filter((entry) => !ids.has(entry.parent!)).map((entry) => entry.id)).toEqual([]);
  });

  it('names are curated, written in the script they declare, never repeat the canonical name, and no one-word Latin name is an English word', () => {
    expect(curatedNameProblems(entries)).toEqual([]);
  });

  it('finds each place under its English, Ukrainian and Russian names', () => {
    const gazetteer = createGazetteer(entries);
    const cases: Array<[string, string]> = [
      ['Siversk', 'geo-siversk'], ['Часів Яр', 'geo-chasiv-yar'], ['Часов Яр', 'geo-chasiv-yar'], ['Ugledar', 'geo-vuhledar'],
      ['Huliaipole', 'geo-huliaipole'], ['Sudzha', 'geo-sudzha'], ['Palanca', 'geo-palanca'],
    ];
    expect(cases.map(([query]) => [query, gazetteer.lookup(query)[0]?.entry.id])).toEqual(cases);
  });

  it('keeps their correct names in text about the war, where a bigger place of like letters read them before (`Siversk`, `Beryslav`)', async () => {
    const gazetteer = await loadGazetteer();
    const result = normalizeText('Shelling hit Siversk and Chasiv Yar in Donetsk Oblast, and Beryslav on the Dnipro, officials in Ukraine said.', gazetteer);
    expect(result.changes).toEqual([]);
  });
});
