/**
 * Data checks for the curated gazetteer `gazetteers/geography.jsonl` (rivers, seas, lakes,
 * mountains, deserts and geographic regions that news about the area names and that the imported
 * place sources lack or list under a town's name, administrative regions newer than them, and
 * the districts of Bishkek, which they lack).
 */
import { describe, expect, it } from 'vitest';
import { formatGazetteerText } from '../../scripts/format-gazetteer.js';
import { createGazetteer } from '../../src/gazetteer/index.js';
import { curatedNameProblems, entryShapeProblems, readCuratedFile } from './curated.js';

const { text, entries, failing } = readCuratedFile('geography.jsonl');

describe('geography.jsonl', () => {
  it('is formatted (sorted by id, stable key order) and every entry passes the shape check', () => {
    const result = formatGazetteerText(text, 'geography.jsonl');
    expect(result.problems).toEqual([]);
    expect(result.output).toBe(text);
    expect(entryShapeProblems(entries)).toEqual([]);
  });

  it('holds physical features (kind other), geographic regions and districts of a city, with geo- slugs', () => {
    expect(failing((entry) => /^geo-[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(entry.id) && (entry.kind === 'other' || entry.kind === 'region' || (entry.kind === 'district' && entry.parent !== undefined)))).toEqual([]);
  });

  // A district's prominence would be its population, as for imported places; the curated city
  // districts have none (unknown), and the normalizer gives them a district's default prior.
  it('every entry is curated, with a note, context words and a prominence rank from 1 to 5 (none for a city district)', () => {
    const ranked = (entry: { kind: string; prominence?: number }) =>
      entry.kind === 'district' ? entry.prominence === undefined : Number.isInteger(entry.prominence) && entry.prominence! >= 1 && entry.prominence! <= 5;
    expect(failing((entry) => JSON.stringify(entry.sources) === '["curated"]' && (entry.note ?? '').length >= 10 && (entry.context ?? []).length > 0 && ranked(entry))).toEqual([]);
  });

  it('names are curated, written in the script they declare, never repeat the canonical name, and no one-word Latin name is an English word', () => {
    expect(curatedNameProblems(entries)).toEqual([]);
  });

  it('finds each feature under its English, Russian and local names', () => {
    const gazetteer = createGazetteer(entries);
    const cases: Array<[string, string]> = [
      ['Irtysh', 'geo-irtysh-river'], ['Иртыш', 'geo-irtysh-river'], ['Amudarya', 'geo-amu-darya'], ['Amudaryo', 'geo-amu-darya'],
      ['Pyanj', 'geo-panj-river'], ['Dnipro River', 'geo-dnieper-river'], ['Caspian Sea', 'geo-caspian-sea'], ['Orol dengizi', 'geo-aral-sea'],
      ['Ferghana Valley', 'geo-fergana-valley'], ['Karabakh', 'geo-nagorno-karabakh'], ['Сибирь', 'geo-siberia'], ['Urals', 'geo-ural-mountains'],
      ['Abai Region', 'geo-abai-region'], ['Абайская область', 'geo-abai-region'], ['Zhetysu', 'geo-jetisu-region'], ['Жетісу облысы', 'geo-jetisu-region'],
      ['Ulytau Region', 'geo-ulytau-region'],
    ];
    expect(cases.map(([query]) => [query, gazetteer.lookup(query)[0]?.entry.id])).toEqual(cases);
  });
});
