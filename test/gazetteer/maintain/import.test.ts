import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalEntry, parseEntries } from '../../../src/gazetteer/jsonl.js';
import { formatExport, parseImport } from '../../../src/gazetteer/import/index.js';
import { fixtures } from './helpers.js';

const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const base = () => parseEntries(read('base.jsonl'), 'base.jsonl');

describe('geonames import', () => {
  it('reads the main table with the alternate-names table: languages, types, wikidata, parents from admin codes', () => {
    const result = parseImport('geonames', read('geonames-kg.txt'), 'kg.txt', { alternateNames: { text: read('geonames-kg-alternate.txt'), label: 'alt.txt' } });
    expect(result.warnings).toEqual(["kg.txt:5: skipped 1527000 'Ala-Too Pass' (feature T.PASS is not a place kind)"]);
    expect(result.entries.map((e) => [e.id, e.name, e.kind, e.parent ?? null, e.prominence])).toEqual([
      ['geonames:1527747', 'Kyrgyzstan', 'country', null, 6700000],
      ['geonames:1538653', 'Chuy', 'region', null, 900000],
      ['geonames:1528675', 'Bishkek', 'city', null, 1100000],
      ['geonames:1527592', 'Kant', 'town', 'geonames:1538653', 28000],
    ]);
    const bishkek = result.entries[2]!;
    expect(bishkek.ids).toEqual({ geonames: '1528675', wikidata: 'Q9361' });
    expect(bishkek.names).toEqual([
      { text: 'Бишкек', lang: 'ru', script: 'Cyrl', type: 'preferred', source: 'geonames' },
      { text: 'Бишкек', lang: 'ky', script: 'Cyrl', type: 'preferred', source: 'geonames' },
      { text: 'Bishkek', lang: 'en', script: 'Latn', type: 'preferred', source: 'geonames' },
      { text: 'Frunze', lang: 'en', script: 'Latn', type: 'historic', source: 'geonames' },
    ]);
    expect(result.entries[0]!.names.find((n) => n.text === 'KR')).toEqual({ text: 'KR', lang: 'und', script: 'Latn', type: 'abbreviation', source: 'geonames' });
  });

  it('without alternate names keeps the alternatenames column as names of unknown language', () => {
    const result = parseImport('geonames', read('geonames-kg.txt'), 'kg.txt');
    expect(result.entries[2]!.names.map((n) => `${n.text}/${n.lang}/${n.script}`)).toEqual(['Frunze/und/Latn', 'Бишкек/und/Cyrl', 'Pishpek/und/Latn']);
  });

  it('rejects rows that are not GeoNames rows', () => {
    expect(() => parseImport('geonames', 'a,b,c\n', 'bad.txt')).toThrow('bad.txt:1: expected 19 tab-separated columns (GeoNames main table format), got 1');
  });
});

describe('wof import', () => {
  it('reads a FeatureCollection: names by language and type, concordances, parent', () => {
    const result = parseImport('wof', read('wof-kg.geojson'), 'kg.geojson');
    expect(result.entries[0]).toEqual({
      id: 'wof:85632405', name: 'Kyrgyzstan', kind: 'country', country: 'KG', parent: 'wof:102191569',
      names: [
        { text: 'Kyrgyzstan', lang: 'en', script: 'Latn', type: 'preferred', source: 'wof' },
        { text: 'Kirghizia', lang: 'en', script: 'Latn', type: 'variant', source: 'wof' },
        { text: 'Kyrgyz Republic', lang: 'en', script: 'Latn', type: 'variant', source: 'wof' },
        { text: 'Кыргызстан', lang: 'ky', script: 'Cyrl', type: 'preferred', source: 'wof' },
        { text: 'Киргизия', lang: 'ru', script: 'Cyrl', type: 'preferred', source: 'wof' },
      ],
      prominence: 6700000, ids: { wof: '85632405', geonames: '1527747', wikidata: 'Q813' }, sources: ['wof'],
    });
    expect(result.entries[1]!.names.map((n) => `${n.text}/${n.lang}`)).toEqual(['Ошская область/ru', 'Oʻsh viloyati/uz']);
  });

  it('reads JSONL of bare property objects and skips what is not a record', () => {
    const result = parseImport('wof', read('wof-kg.jsonl'), 'kg.jsonl');
    expect(result.entries.map((e) => [e.id, e.kind, e.parent])).toEqual([['wof:101751929', 'city', 'wof:85676351']]);
    expect(result.warnings).toEqual(["kg.jsonl:2: skipped (not a Who's On First record with wof:id and wof:name)"]);
  });
});

describe('csv import', () => {
  it('maps columns and alias columns; makes ids from names when a row has none', () => {
    const result = parseImport('csv', read('media.csv'), 'media.csv', {
      csv: { columns: { id: 'Code', name: 'Title', kind: 'Type' }, aliasColumns: [{ column: 'Russian', lang: 'ru' }, { column: 'Local', type: 'official' }], defaultCountry: 'KG' },
    });
    expect(result.entries).toEqual([
      { id: 'kz-azattyq', name: 'Radio Azattyq', kind: 'media', country: 'KG', names: [{ text: 'Радио Азаттык', lang: 'ru', script: 'Cyrl', type: 'variant', source: 'csv' }, { text: 'Азаттық радиосы', lang: 'und', script: 'Cyrl', type: 'official', source: 'csv' }] },
      { id: 'kg-24kg', name: '24.kg', kind: 'media', country: 'KG', names: [{ text: '24.kg', lang: 'ru', script: 'Latn', type: 'variant', source: 'csv' }] },
      { id: 'kg-kaktus-media', name: 'Kaktus Media', kind: 'media', country: 'KG', names: [{ text: 'Кактус медиа', lang: 'ru', script: 'Cyrl', type: 'variant', source: 'csv' }] },
    ]);
  });

  it('explains a bad mapping', () => {
    expect(() => parseImport('csv', read('media.csv'), 'media.csv', { csv: { columns: { name: 'Nom' } } })).toThrow("media.csv: --column name=Nom: no column 'Nom' (columns: Code, Title, Russian, Local, Type)");
    expect(() => parseImport('csv', read('media.csv'), 'media.csv', { csv: { columns: { name: 'Title' } } })).toThrow('media.csv: row 2: no kind: map a kind column (--column kind=HEADER) or give --default-kind');
  });
});

describe('xml import', () => {
  it('reads the transnorm XML format', () => {
    const result = parseImport('xml', read('simple.xml'), 'simple.xml');
    expect(result.entries.map(canonicalEntry)).toEqual([
      { id: 'tj-majlisi-oli', name: 'Majlisi Oli', kind: 'legislature', country: 'TJ', names: [{ text: 'Маҷлиси Олӣ', lang: 'tg', script: 'Cyrl', type: 'official', source: 'curated' }, { text: 'Majlisi Oli of Tajikistan', lang: 'und', script: 'Latn', type: 'variant', source: 'curated' }], context: ['parliament'], prominence: 1, ids: { wikidata: 'Q1056786' }, sources: ['curated'], note: 'Supreme Assembly & its two chambers' },
      { id: 'tj-dushanbe', name: 'Dushanbe', kind: 'city', country: 'TJ', names: [{ text: 'Душанбе', lang: 'tg', script: 'Cyrl', type: 'official' }], merged: ['tj-stalinabad'] },
    ]);
  });

  it('reads TEI listPlace (nested places become parents) and listOrg', () => {
    const result = parseImport('xml', read('tei-places.xml'), 'tei.xml');
    expect(result.entries.map((e) => [e.id, e.name, e.kind, e.country, e.parent ?? null])).toEqual([
      ['uz-fergana-region', 'Fergana Region', 'region', 'UZ', null],
      ['uz-kokand', 'Kokand', 'city', 'UZ', 'uz-fergana-region'],
      ['uz-oliy-majlis', 'Oliy Majlis', 'legislature', 'UZ', null],
    ]);
    expect(result.entries[0]!.ids).toEqual({ wikidata: 'Q487637' });
    expect(result.entries[2]!.note).toBe('Bicameral parliament — two chambers');
  });

  it('never expands DTD entities and reports malformed XML with its position', () => {
    expect(() => parseImport('xml', read('billion-laughs.xml'), 'lol.xml')).toThrow('lol.xml: the document declares DTD entities (<!ENTITY>); entity expansion is off');
    expect(() => parseImport('xml', '<gazetteer><entry id="a" name="A" kind="city"></gazetteer>', 'bad.xml')).toThrow(/^bad\.xml:1:\d+: malformed XML/);
    expect(() => parseImport('xml', '<root/>', 'other.xml')).toThrow('other.xml: not a gazetteer: expected a <gazetteer> root or TEI <listPlace>/<listOrg>');
  });
});

describe('export then import round-trips', () => {
  for (const format of ['csv', 'xml', 'jsonl'] as const) {
    it(format, () => {
      const entries = base();
      // A few awkward values: separators, quotes, markup characters, a merged id.
      entries[0]!.note = 'Kyrgyz Republic; "quoted", <tag> & more';
      entries[0]!.sources = ['a;b', 'c'];
      entries[1]!.merged = ['kg-frunze'];
      const text = formatExport(format, entries);
      const back = parseImport(format, text, `export.${format}`, { parseJsonl: parseEntries });
      expect(back.entries.map(canonicalEntry).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(entries.map(canonicalEntry).sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(formatExport(format, back.entries)).toBe(text);
    });
  }
});
