/**
 * The built-in gazetteer importer (scripts/import): its pure functions, on small fixtures written
 * for these tests. The real sources (../shared) are never read here.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatEntries } from '../../src/gazetteer/jsonl.js';
import type { EntryName, GazetteerEntry } from '../../src/gazetteer/types.js';
import { cleanEntryNames, junkReason, wellKnownCanonicals } from '../../scripts/import/junk.js';
import {
  cleanText, detectScript, isUsableName, languageTag, makeCuratedEnglishName, makeName, mergeNames, parseWofNameKey, pickCanonical, pipelineLang,
  stripDiacritics, tidyCanonical,
} from '../../scripts/import/names.js';
import { buildPlaces, buildWorldCities, districtName, dropSoftSigns, isCityDistrict, isLiveWofRecord, localityCanonical, localityKind, wofNames, type PlaceSources } from '../../scripts/import/places.js';
import { buildParties, makeAbbreviation, splitOtherNames } from '../../scripts/import/parties.js';
import { buildCountries } from '../../scripts/import/countries.js';
import { csvRecords, parseAdminCodes, parseCsv, parseGeoNamesTable, parsePo, unzipMember, type WofRecord } from '../../scripts/import/sources.js';

describe('names', () => {
  it('maps ISO 639-1/639-3 codes and locales onto pipeline languages', () => {
    expect(['rus', 'kir', 'uzb', 'tgk', 'pus', 'prs', 'zho', 'ky', 'zh_CN', 'uz-Cyrl', 'pol', 'und'].map(pipelineLang))
      .toEqual(['ru', 'ky', 'uz', 'tg', 'ps', 'fa', 'zh', 'ky', 'zh', 'uz', undefined, undefined]);
  });

  it('detects the dominant script and tags non-default scripts', () => {
    expect(['Термез', 'Tirmiz', 'ترمذ', '泰尔梅兹', 'Ош-2', '123', 'Ош city'].map(detectScript))
      .toEqual(['Cyrl', 'Latn', 'Arab', 'Hani', 'Cyrl', 'Zyyy', 'Latn']);
    expect([languageTag('uz', 'Latn'), languageTag('uz', 'Cyrl'), languageTag('kk', 'Latn'), languageTag('und', 'Cyrl')])
      .toEqual(['uz', 'uz-Cyrl', 'kk-Latn', 'und']);
  });

  it('cleans marks, stress accents and spacing', () => {
    expect(cleanText('  Трудова\u0301я\u00A0 гру\u0301ппа\u200E ')).toBe('Трудовая группа');
    expect(cleanText('Jalal\u2011Abad')).toBe('Jalal\u2011Abad');
  });

  it('rejects junk names', () => {
    const cases: Array<[string, Parameters<typeof isUsableName>[1]]> = [
      ['Termez', 'und'], ['trmdh', 'und'], ['TAS', 'und'], ['Osh 2', 'und'], ['Tashkent (city)', 'und'], ['ترمذ', 'und'],
      ['Термез', 'en'], ['Термез', 'ru'], ['X'.repeat(61), 'und'], ['Vpered, Rossiya!', 'und'], ['O\u2018zbekiston', 'uz'],
      ['Cabul - کابل', 'und'], ['MeshkhӀed', 'und'],
    ];
    expect(cases.map(([text, lang]) => isUsableName(text, lang, detectScript(text))))
      .toEqual([true, false, false, false, false, false, false, true, false, true, true, false, false]);
  });

  it('builds names with tags and script, or nothing for junk', () => {
    expect(makeName('Тошкент', 'uz', 'preferred', 'wof')).toEqual({ text: 'Тошкент', lang: 'uz-Cyrl', script: 'Cyrl', type: 'preferred', source: 'wof' });
    expect(makeName('tai er mei zi', 'und', 'variant', 'geonames')).toBeUndefined();
    // ʻ (U+02BB) is a letter of no script: the name is still plain Latin.
    expect(makeName('Qoʻqon', 'uz', 'preferred', 'wof')).toEqual({ text: 'Qoʻqon', lang: 'uz', script: 'Latn', type: 'preferred', source: 'wof' });
  });

  it('keeps curated English acronyms, which source names drop as codes', () => {
    expect(makeName('USA', 'en', 'preferred', 'curated')).toBeUndefined();
    expect(['USA', 'U.K.', 'St Petersburg', 'us'].map(makeCuratedEnglishName)).toEqual([
      { text: 'USA', lang: 'en', script: 'Latn', type: 'abbreviation', source: 'curated' },
      { text: 'U.K.', lang: 'en', script: 'Latn', type: 'abbreviation', source: 'curated' },
      { text: 'St Petersburg', lang: 'en', script: 'Latn', type: 'preferred', source: 'curated' },
      undefined,
    ]);
  });

  it('parses WOF name keys', () => {
    expect(['rus_x_preferred', 'zho_tw_x_preferred', 'und_x_variant', 'eng_x_historical', 'kir_x_colloquial', 'deu_x_unknown', 'pol_x_preferred', 'name'].map(parseWofNameKey)).toEqual([
      { lang: 'ru', type: 'preferred' }, { lang: 'zh', type: 'preferred' }, { lang: 'und', type: 'variant' }, { lang: 'en', type: 'historic' },
      { lang: 'ky', type: 'colloquial' }, { lang: 'de', type: 'variant' }, undefined, undefined,
    ]);
  });

  it('merges names equal modulo case, keeping the best-ranked one, in a stable order', () => {
    const names = [
      makeName('Osh', 'und', 'variant', 'geonames'), makeName('Ош', 'ru', 'preferred', 'wof'), makeName('OSH city', 'und', 'variant', 'geonames'),
      makeName('Ош', 'ky', 'preferred', 'wof'), makeName('osh City', 'en', 'variant', 'wof'), makeName('Osh', 'en', 'preferred', 'wof'), undefined,
    ];
    const expected = [
      { text: 'Ош', lang: 'ky', script: 'Cyrl', type: 'preferred', source: 'wof' },
      { text: 'Osh', lang: 'en', script: 'Latn', type: 'preferred', source: 'wof' },
      { text: 'osh City', lang: 'en', script: 'Latn', type: 'variant', source: 'wof' },
    ];
    expect(mergeNames(names, ['ky', 'ru'])).toEqual(expected);
    expect(mergeNames([...names].reverse(), ['ky', 'ru'])).toEqual(expected);
  });

  it('picks a plain-Latin canonical name, else strips diacritics', () => {
    expect(pickCanonical([undefined, 'Qo‘qon', 'Kokand'])).toBe('Kokand');
    expect(pickCanonical(['Ürümqi', 'Урумчи'])).toBe('Urumqi');
    expect(pickCanonical(['Ташкент'])).toBeUndefined();
    expect(pickCanonical(['hamza'])).toBe('Hamza');
    expect(tidyCanonical('Bo`ston')).toBe("Bo'ston");
    expect(stripDiacritics('Daşoguz Kökshetaū')).toBe('Dasoguz Kokshetau');
  });
});

describe('places helpers', () => {
  it('classifies populated places', () => {
    expect([localityKind(2_000_000), localityKind(5_000, 'PPLA'), localityKind(40_000), localityKind(800, 'PPLA2'), localityKind(800), localityKind(300_000, 'PPLX')])
      .toEqual(['city', 'city', 'town', 'town', 'village', 'district']);
  });

  it('names districts and recognises city districts', () => {
    expect(['Sherobod Tumani', 'Shurchinskiy Rayon', 'Rayon Tash'].map(districtName)).toEqual(['Sherobod District', 'Shurchinskiy District', 'Tash District']);
    expect(['Termiz Shahri', 'Gorod Osh', 'Denov Tumani'].map(isCityDistrict)).toEqual([true, true, false]);
    expect(['Denov Shahri', 'Zomin Shaharchasi', 'Shahrisabz'].map(localityCanonical)).toEqual(['Denov', 'Zomin', 'Shahrisabz']);
  });

  it('reads WOF names and liveness', () => {
    const record = { names: { rus_x_preferred: ['Термез'], pol_x_preferred: ['Termez'], und_x_variant: ['Termez', 'trmz'], uzb_x_preferred: ['Termiz'] } };
    expect(wofNames(record).filter(Boolean)).toEqual([
      { text: 'Термез', lang: 'ru', script: 'Cyrl', type: 'preferred', source: 'wof' },
      { text: 'Termez', lang: 'und', script: 'Latn', type: 'variant', source: 'wof' },
      { text: 'Termiz', lang: 'uz', script: 'Latn', type: 'preferred', source: 'wof' },
    ]);
    expect([
      isLiveWofRecord({ is_current: -1, deprecated: null, superseded_by: [] }),
      isLiveWofRecord({ is_current: 0, deprecated: null, superseded_by: [] }),
      isLiveWofRecord({ is_current: 1, deprecated: '2020-01-01', superseded_by: [] }),
      isLiveWofRecord({ is_current: 1, deprecated: null, superseded_by: [2] }),
    ]).toEqual([true, false, false, false]);
  });
});

describe('source formats', () => {
  it('parses CSV with quotes, doubled quotes and newlines', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
    expect(csvRecords('k,v\n1,one\n')).toEqual([{ k: '1', v: 'one' }]);
  });

  it('parses PO catalogues, skipping untranslated entries', () => {
    const po = 'msgid ""\nmsgstr "Content-Type: text/plain"\n\nmsgid "Kyrgyzstan"\nmsgstr "Киргизия"\n\nmsgid "Chad"\nmsgstr ""\n\nmsgid "Say \\"x\\""\nmsgstr "Y"\n';
    expect([...parsePo(po)]).toEqual([['Kyrgyzstan', 'Киргизия'], ['Say "x"', 'Y']]);
  });

  it('reads GeoNames tables and admin codes', () => {
    const row = ['1', 'Tirmiz', 'Tirmiz', 'Termez,Термез', '37.2', '67.2', 'P', 'PPLA', 'UZ', '', '12', '', '', '', '140000', '', '304', 'Asia/Samarkand', '2023-02-25'].join('\t');
    expect(parseGeoNamesTable(`${row}\n`)).toEqual([{ id: '1', name: 'Tirmiz', asciiName: 'Tirmiz', alternateNames: ['Termez', 'Термез'], featureCode: 'PPLA', country: 'UZ', admin1: '12', admin2: '', population: 140000 }]);
    expect(parseAdminCodes('UZ.12\tSurxondaryo\tSurxondaryo\t7\n')).toEqual([{ code: 'UZ.12', name: 'Surxondaryo', asciiName: 'Surxondaryo', id: '7' }]);
  });

  it('extracts a deflated zip member', () => {
    const zip = makeZip('cities.txt', Buffer.from('one\ttwo\n'.repeat(50)));
    expect(unzipMember(zip, 'cities.txt').toString()).toBe('one\ttwo\n'.repeat(50));
    expect(() => unzipMember(zip, 'other.txt')).toThrow('zip member other.txt not found');
  });
});

describe('parties', () => {
  it('splits labelled other names and recognises abbreviations', () => {
    expect(splitOtherNames('Russian: Аграрная Партия России, АПР; Kyrgyz: Ар-Намыс / Ар Намыс')).toEqual([
      { label: 'russian', text: 'Аграрная Партия России' }, { label: 'russian', text: 'АПР' },
      { label: 'kyrgyz', text: 'Ар-Намыс' }, { label: 'kyrgyz', text: 'Ар Намыс' },
    ]);
    expect(['KPRF', 'СПС', 'AN', 'Yabloko', '1-perc'].map((t) => makeAbbreviation(t, 'und', 'pf')?.type)).toEqual(['abbreviation', 'abbreviation', undefined, undefined, undefined]);
  });

  it('builds party entries for focus countries with a within-country rank', () => {
    const parties = [
      { country: 'KGZ', partyfacts_id: '10', technical: '', name_short: 'AN', name: 'Ar-Namys', name_english: 'Dignity', name_other: 'Kyrgyz: Ар-Намыс', share: '6.9', year_first: '1999', year_last: '' },
      { country: 'KGZ', partyfacts_id: '11', technical: '', name_short: 'SDPK', name: 'Social Democratic Party', name_english: 'Social Democratic Party of Kyrgyzstan / SDPK', name_other: '', share: '30', year_first: '', year_last: '' },
      { country: 'KGZ', partyfacts_id: '12', technical: '8', name_short: 'indep', name: 'independent', name_english: 'independent', name_other: '', share: '', year_first: '', year_last: '' },
      { country: 'FRA', partyfacts_id: '13', technical: '', name_short: 'PS', name: 'Parti socialiste', name_english: 'Socialist Party', name_other: '', share: '20', year_first: '', year_last: '' },
    ];
    const entries = buildParties(parties, [{ partyfacts_id: '10', wikidata_id: 'Q1', name: 'Ar-Namys', name_native: '' }]);
    expect(entries).toEqual([
      {
        id: 'partyfacts:10', name: 'Dignity', kind: 'party', country: 'KG',
        names: [
          { text: 'Dignity', lang: 'en', script: 'Latn', type: 'preferred', source: 'party-facts' },
          { text: 'Ar-Namys', lang: 'en', script: 'Latn', type: 'variant', source: 'party-facts' },
          { text: 'Ар-Намыс', lang: 'ky', script: 'Cyrl', type: 'variant', source: 'party-facts' },
        ],
        prominence: 2, ids: { partyfacts: '10', wikidata: 'Q1' }, sources: ['party-facts'], note: 'years active (Party Facts): 1999–',
      },
      {
        id: 'partyfacts:11', name: 'Social Democratic Party of Kyrgyzstan', kind: 'party', country: 'KG',
        names: [
          { text: 'Social Democratic Party of Kyrgyzstan', lang: 'en', script: 'Latn', type: 'preferred', source: 'party-facts' },
          { text: 'Social Democratic Party', lang: 'und', script: 'Latn', type: 'official', source: 'party-facts' },
          { text: 'SDPK', lang: 'und', script: 'Latn', type: 'abbreviation', source: 'party-facts' },
        ],
        prominence: 1, ids: { partyfacts: '11' }, sources: ['party-facts'],
      },
    ]);
  });
});

/** A tiny world: one country, one region, a city (WOF + GeoNames), a district-level city region, a GeoNames-only town. */
function fixtureSources(order: 'forward' | 'reverse' = 'forward'): PlaceSources {
  const wofRecord = (r: Partial<WofRecord> & Pick<WofRecord, 'id' | 'placetype' | 'name'>): WofRecord => ({
    country: 'UZ', parent_id: null, hierarchy: {}, is_current: 1, deprecated: null, superseded_by: [], population: null, concordances: {}, names: {}, ...r,
  });
  const records = [
    wofRecord({ id: 100, placetype: 'country', name: 'Uzbekistan', names: { rus_x_preferred: ['Узбекистан'] }, concordances: { 'wd:id': 'Q265' } }),
    wofRecord({ id: 200, placetype: 'region', name: 'Surkhandarya', hierarchy: { country_id: 100 }, population: 2_000_000,
      concordances: { 'gn:id': 1114926, 'wd:id': 'Q487537', 'iso:code': 'UZ-SU' },
      names: { rus_x_preferred: ['Сурхандарьинская область'], uzb_x_preferred: ['Surxondaryo viloyati'], und_x_variant: ['Surkhandar’inskaya Oblast’'] } }),
    wofRecord({ id: 300, placetype: 'locality', name: 'Tirmiz', hierarchy: { country_id: 100, region_id: 200 }, is_current: -1,
      concordances: { 'gn:id': 1215957, 'wd:id': 'Q491879' }, names: { eng_x_preferred: ['Termez'], rus_x_preferred: ['Термез'] } }),
    wofRecord({ id: 301, placetype: 'county', name: 'Termez City', hierarchy: { country_id: 100, region_id: 200 }, concordances: { 'wd:id': 'Q491879' }, names: { rus_x_preferred: ['Город Термез'] } }),
    wofRecord({ id: 302, placetype: 'locality', name: 'Old Place', hierarchy: { region_id: 200 }, is_current: 0, names: {} }),
    wofRecord({ id: 303, placetype: 'neighbourhood', name: 'Mahalla', hierarchy: { region_id: 200 }, names: {} }),
  ];
  const termez = { id: '1215957', name: 'Tirmiz', asciiName: 'Tirmiz', alternateNames: ['Termez', 'Termiz', 'trmdh', 'Термез'], featureCode: 'PPLA', country: 'UZ', admin1: '12', admin2: '', population: 182800 };
  const denov = { id: '1217476', name: 'Denov', asciiName: 'Denov', alternateNames: ['Denau', 'Денау'], featureCode: 'PPL', country: 'UZ', admin1: '12', admin2: '', population: 90000 };
  const byOrder = <T>(list: T[]): T[] => (order === 'forward' ? list : [...list].reverse());
  return {
    wof: new Map([['UZ', byOrder(records)]]),
    cities15000: byOrder([termez, denov]),
    cities500Focus: [],
    admin1: [{ code: 'UZ.12', name: 'Surxondaryo', asciiName: 'Surxondaryo', id: '1114926' }],
    admin2: byOrder([
      { code: 'UZ.12.1', name: 'Sherobod Tumani', asciiName: 'Sherobod Tumani', id: '1216154' },
      { code: 'UZ.12.2', name: 'Termiz Shahri', asciiName: 'Termiz Shahri', id: '1346536' },
    ]),
    localized: new Map([['1215957', [['en', 'Termez'], ['uz', 'Tirmiz'], ['pl', 'Termez']]], ['UZ.12', [['uz', 'Surxondaryo viloyati']]]]),
    isoSubdivisions: [{ code: 'UZ-SU', name: 'Surxondaryo', type: 'Region' }],
    iso3166Db: { UZ: { iso: 'UZ', names: {}, regions: [{ name: 'Surxondaryo', names: { en: 'Surxondaryo Province', ru: 'Сурхандарьинская область' }, iso: 'SU', reference: { geonames: 1114926 } }] } },
    overrides: { canonical: {}, merge: {}, skip: [] },
  } as PlaceSources;
}

describe('buildPlaces', () => {
  it('merges WOF, GeoNames and subdivision names into one entry per place', () => {
    const { entries, wofCountries, stats } = buildPlaces(fixtureSources());
    expect(wofCountries.map((r) => r.id)).toEqual([100]);
    expect(stats).toEqual({ 'skipped wof not current': 1, 'skipped wof neighbourhood': 1, 'merged records': 1, 'geonames-only focus places': 1, 'geonames-only districts': 1, 'skipped admin2 city districts': 1 });
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect([...byId.keys()].sort()).toEqual(['geonames:1216154', 'geonames:1217476', 'wof:200', 'wof:300']);
    expect(byId.get('wof:300')).toEqual({
      id: 'wof:300', name: 'Termez', kind: 'city', country: 'UZ', parent: 'wof:200',
      names: [
        { text: 'Tirmiz', lang: 'uz', script: 'Latn', type: 'preferred', source: 'geonames' },
        { text: 'Termez', lang: 'en', script: 'Latn', type: 'preferred', source: 'wof' },
        { text: 'Термез', lang: 'ru', script: 'Cyrl', type: 'preferred', source: 'wof' },
        { text: 'Termiz', lang: 'und', script: 'Latn', type: 'variant', source: 'geonames' },
      ],
      prominence: 182800, ids: { geonames: '1215957', wikidata: 'Q491879', wof: '300' }, sources: ['geonames', 'wof'], merged: ['wof:301'],
    });
    expect(byId.get('wof:200')).toEqual({
      id: 'wof:200', name: 'Surkhandarya', kind: 'region', country: 'UZ', parent: 'country:uz',
      names: [
        { text: 'Surxondaryo viloyati', lang: 'uz', script: 'Latn', type: 'preferred', source: 'wof' },
        { text: 'Surxondaryo Province', lang: 'en', script: 'Latn', type: 'preferred', source: 'iso3166-2-db' },
        { text: 'Сурхандарьинская область', lang: 'ru', script: 'Cyrl', type: 'preferred', source: 'wof' },
        { text: 'Surxondaryo', lang: 'und', script: 'Latn', type: 'official', source: 'iso-codes' },
        { text: 'Surkhandarya', lang: 'und', script: 'Latn', type: 'preferred', source: 'wof' },
        { text: 'Surkhandar’inskaya Oblast’', lang: 'und', script: 'Latn', type: 'variant', source: 'wof' },
      ],
      prominence: 2_000_000, ids: { geonames: '1114926', iso: 'UZ-SU', wikidata: 'Q487537', wof: '200' },
      sources: ['geonames', 'iso-codes', 'iso3166-2-db', 'wof'],
    });
    expect(byId.get('geonames:1217476')).toMatchObject({ name: 'Denov', kind: 'town', parent: 'wof:200', prominence: 90000 });
    expect(byId.get('geonames:1216154')).toMatchObject({ name: 'Sherobod District', kind: 'district', parent: 'wof:200', prominence: 0 });
  });

  it('is deterministic and independent of source order', () => {
    const a = formatEntries(buildPlaces(fixtureSources('forward')).entries);
    const b = formatEntries(buildPlaces(fixtureSources('reverse')).entries);
    expect(b).toBe(a);
  });

  it('merges a WOF `X Shahri` record into the town X of the same region, or of the country when it has no region', () => {
    const src = fixtureSources();
    const base = { country: 'UZ', parent_id: null, is_current: -1, deprecated: null, superseded_by: [], population: null, concordances: {} };
    src.wof.get('UZ')!.push(
      { ...base, id: 400, placetype: 'locality', name: 'Boysun', hierarchy: { region_id: 200 }, names: { uzb_x_preferred: ['Boysun'] } },
      { ...base, id: 401, placetype: 'locality', name: 'Boysun Shahri', hierarchy: { region_id: 200 }, names: { rus_x_preferred: ['Байсун'] } },
      { ...base, id: 402, placetype: 'locality', name: 'Termez Shahri', hierarchy: {}, names: {} },
    );
    const byId = new Map(buildPlaces(src).entries.map((e) => [e.id, e]));
    expect(byId.has('wof:401')).toBe(false);
    expect(byId.get('wof:400')).toMatchObject({
      name: 'Boysun', merged: ['wof:401'],
      names: [
        { text: 'Boysun', lang: 'uz', script: 'Latn', type: 'preferred', source: 'wof' },
        { text: 'Байсун', lang: 'ru', script: 'Cyrl', type: 'preferred', source: 'wof' },
        { text: 'Boysun Shahri', lang: 'und', script: 'Latn', type: 'preferred', source: 'wof' },
      ],
    });
    expect(byId.has('wof:402')).toBe(false);
    expect(byId.get('wof:300')?.merged).toEqual(['wof:301', 'wof:402']);
  });

  it('imports the first-level regions of Ukraine from GeoNames, with their Russian names, but no unit that is a city', () => {
    const src = fixtureSources();
    src.admin1 = [
      ...src.admin1,
      { code: 'UA.07', name: 'Kharkiv', asciiName: 'Kharkiv', id: '706482' },
      { code: 'UA.12', name: 'Kyiv City', asciiName: 'Kyiv City', id: '703447' },
      // Azerbaijan's first-level units are districts named like their towns: not imported.
      { code: 'AZ.52', name: 'Shusha', asciiName: 'Shusha', id: '147163' },
    ];
    src.cities15000 = [...src.cities15000, { id: '703448', name: 'Kyiv', asciiName: 'Kyiv', alternateNames: [], featureCode: 'PPLC', country: 'UA', admin1: '12', admin2: '', population: 2_800_000 }];
    src.iso3166Db = { ...src.iso3166Db, UA: { iso: 'UA', names: {}, regions: [{ name: 'Kharkivska oblast', names: { en: 'Kharkiv Oblast', ru: 'Харьковская область' }, iso: '63', reference: { geonames: 706482 } }] } };
    const { entries, stats } = buildPlaces(src);
    expect(entries.filter((e) => e.country !== 'UZ')).toEqual([{
      id: 'geonames:706482', name: 'Kharkiv Oblast', kind: 'region', country: 'UA', parent: 'country:ua',
      names: [
        { text: 'Kharkiv Oblast', lang: 'en', script: 'Latn', type: 'preferred', source: 'iso3166-2-db' },
        { text: 'Харьковская область', lang: 'ru', script: 'Cyrl', type: 'preferred', source: 'iso3166-2-db' },
        { text: 'Kharkiv', lang: 'und', script: 'Latn', type: 'preferred', source: 'geonames' },
      ],
      prominence: 0, ids: { geonames: '706482' }, sources: ['geonames', 'iso-codes', 'iso3166-2-db'],
    }]);
    expect(stats['skipped admin1 city units']).toBe(1);
  });

  it('drops the apostrophes of Russian soft signs from canonical names (`Prokop\'yevsk` → `Prokopyevsk`), nowhere else', () => {
    expect(["Prokop'yevsk", "Ust'-Kut", "Ob'", "Kamen'-na-Obi", 'Ryl’sk', "Sovetskaya Gavan'"].map(dropSoftSigns)).toEqual(['Prokopyevsk', 'Ust-Kut', 'Ob', 'Kamen-na-Obi', 'Rylsk', 'Sovetskaya Gavan']);
    expect(dropSoftSigns("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
  });

  it('names a district written as a Russian adjective by its English variant (`Merkenskiy` → `Merke District`)', () => {
    const src = fixtureSources();
    const [country, region] = src.wof.get('UZ')!;
    src.wof.set('UZ', [country!, region!, { ...region!, id: 500, placetype: 'county', name: 'Merkenskiy', hierarchy: { country_id: 100, region_id: 200 }, concordances: {}, population: null, names: { eng_x_variant: ['Merke District'], rus_x_preferred: ['Меркенский район'] } }]);
    const district = buildPlaces(src).entries.find((e) => e.id === 'wof:500');
    expect(district?.name).toBe('Merke District');
  });

  it('applies hand overrides (canonical names, merges)', () => {
    const src = fixtureSources();
    src.overrides = { canonical: { 'wof:300': 'Termez City' }, merge: { 'geonames:1217476': 'wof:300' }, skip: ['wof:200'] };
    const { entries } = buildPlaces(src);
    expect(entries.map((e) => [e.id, e.name, e.parent, e.merged])).toEqual([
      ['wof:300', 'Termez City', 'country:uz', ['geonames:1217476', 'wof:301']],
      ['geonames:1216154', 'Sherobod District', 'country:uz', undefined],
    ]);
  });
});

describe('buildWorldCities and buildCountries', () => {
  it('keeps large cities outside the focus, with English canonical names', () => {
    const city = (id: string, name: string, country: string, population: number, featureCode = 'PPL') => ({ id, name, asciiName: name, alternateNames: [], featureCode, country, admin1: '01', admin2: '', population });
    const entries = buildWorldCities(
      [city('1', 'München', 'DE', 1_500_000), city('2', 'Smallville', 'US', 50_000), city('3', 'Osh', 'KG', 300_000), city('4', 'Brooklyn', 'US', 2_000_000, 'PPLX')],
      new Map([['1', [['en', 'Munich'], ['ru', 'Мюнхен']]]]), 100_000, (p) => p.country === 'KG');
    expect(entries).toEqual([{
      id: 'geonames:1', name: 'Munich', kind: 'city', country: 'DE', parent: 'country:de',
      names: [
        { text: 'Munich', lang: 'en', script: 'Latn', type: 'preferred', source: 'geonames' },
        { text: 'Мюнхен', lang: 'ru', script: 'Cyrl', type: 'preferred', source: 'geonames' },
        { text: 'München', lang: 'und', script: 'Latn', type: 'preferred', source: 'geonames' },
      ],
      prominence: 1_500_000, ids: { geonames: '1' }, sources: ['geonames'],
    }]);
  });

  it('assembles a country from every name list and merges its WOF record', () => {
    const entries: GazetteerEntry[] = buildCountries({
      iso: [{ alpha_2: 'KG', alpha_3: 'KGZ', name: 'Kyrgyzstan', official_name: 'Kyrgyz Republic' }],
      world: [{ name: { common: 'Kyrgyzstan', official: 'Kyrgyz Republic', native: { kir: { common: 'Кыргызстан', official: 'Кыргыз Республикасы' } } }, cca2: 'KG', altSpellings: ['KG', 'Kirghizia'], translations: { rus: { common: 'Киргизия', official: 'Киргизская Республика' } } }],
      cldr: new Map([['ky', new Map([['KG', 'Кыргызстан']])]]),
      i18n: new Map([['uz', new Map([['KG', ['Qirgʻiziston']]])]]),
      isoCatalogues: new Map([['de', new Map([['Kyrgyzstan', 'Kirgisistan']])]]),
      localized: new Map(),
      countryInfo: new Map([['KG', { id: '1527747', population: 6_000_000, name: 'Kyrgyzstan' }]]),
      wofCountries: [{ id: 85632761, placetype: 'country', name: 'Kyrgyzstan', country: 'KG', parent_id: null, hierarchy: {}, is_current: 1, deprecated: null, superseded_by: [], population: null, concordances: { 'wd:id': 'Q813' }, names: { kir_x_preferred: ['Кыргызстан'] } }],
    });
    expect(entries).toEqual([{
      id: 'country:kg', name: 'Kyrgyzstan', kind: 'country', country: 'KG',
      names: [
        { text: 'Кыргыз Республикасы', lang: 'ky', script: 'Cyrl', type: 'official', source: 'world-countries' },
        { text: 'Кыргызстан', lang: 'ky', script: 'Cyrl', type: 'preferred', source: 'world-countries' },
        { text: 'Киргизская Республика', lang: 'ru', script: 'Cyrl', type: 'official', source: 'world-countries' },
        { text: 'Киргизия', lang: 'ru', script: 'Cyrl', type: 'preferred', source: 'world-countries' },
        { text: 'Kyrgyz Republic', lang: 'en', script: 'Latn', type: 'official', source: 'iso-codes' },
        { text: 'Kyrgyzstan', lang: 'en', script: 'Latn', type: 'official', source: 'iso-codes' },
        { text: 'Qirgʻiziston', lang: 'uz', script: 'Latn', type: 'preferred', source: 'i18n-iso-countries' },
        { text: 'Kirgisistan', lang: 'de', script: 'Latn', type: 'preferred', source: 'iso-codes' },
        { text: 'Kirghizia', lang: 'und', script: 'Latn', type: 'variant', source: 'world-countries' },
      ],
      prominence: 6_000_000, ids: { geonames: '1527747', iso: 'KG', wikidata: 'Q813', wof: '85632761' },
      sources: ['cldr', 'i18n-iso-countries', 'iso-codes', 'wof', 'world-countries'], merged: ['geonames:1527747', 'wof:85632761'],
    }]);
  });
});

/** A one-member zip archive (deflated), enough to exercise unzipMember. */
function makeZip(name: string, data: Buffer): Buffer {
  const compressed = deflateRawSync(data);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + nameBytes.length + compressed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, compressed, central, nameBytes, end]);
}

describe('junk names and English names (scripts/import/junk.ts)', () => {
  const name = (text: string, lang: string, type: EntryName['type'] = 'variant', script = 'Latn'): EntryName => ({ text, lang, script, type, source: 'geonames' });
  const entry = (id: string, canonical: string, kind: GazetteerEntry['kind'], names: EntryName[], country = 'KZ'): GazetteerEntry => ({ id, name: canonical, kind, country, names });
  const river = entry('geo-irtysh-river', 'Irtysh', 'other', []);
  const taraz = entry('wof:1', 'Taraz', 'city', []);
  const talas = entry('wof:2', 'Talas', 'city', [], 'KG');
  const village = entry('wof:3', 'Talas', 'village', [], 'KG');
  const wellKnown = wellKnownCanonicals([taraz, talas, village], [river]);
  const context = {
    isCommonEnglish: (text: string) => text.split(' ').every((word) => ['human', 'federal', 'capital', 'tour'].includes(word.toLowerCase())),
    wellKnown, dropNames: { 'wof:9': ['Roma'] }, genericWords: new Set(['ош']),
  };
  const town = entry('wof:9', 'Ertis', 'town', []);

  it('indexes the canonical names of countries, regions, cities and curated entries only', () => {
    expect([...wellKnown].map(([key, ids]) => [key, [...ids]])).toEqual([['taraz', ['wof:1']], ['talas', ['wof:2']], ['irtysh', ['geo-irtysh-river']]]);
  });

  it('says why a name is junk, and never drops the canonical spelling or English names', () => {
    const cases: Array<[EntryName, string | undefined]> = [
      [name('Ob', 'und'), 'short'],
      [name('Ertis', 'und', 'variant'), undefined],
      [name('ERTIS', 'kk-Latn', 'preferred'), undefined],
      [name('Biškek oš', 'und'), 'generic-word'],
      [name("Aktjubinskaja oblast'", 'und'), 'generic-word'],
      [name("Aktjubinskaja oblast'", 'und', 'official'), undefined],
      [name('Ras al-Khaimah', 'und'), undefined],
      [name('Human', 'und'), 'english-word'],
      [name('Federal Capital', 'und'), 'english-word'],
      [name('Tour', 'de', 'preferred'), 'english-word'],
      [name('Irtysh', 'und'), 'other-entity'],
      [name('Talas', 'und'), 'other-entity'],
      [name('Irtysh', 'en', 'preferred'), undefined],
      [name('Иртыш', 'ru', 'preferred', 'Cyrl'), undefined],
      [name('Ертіс ош', 'und', 'variant', 'Cyrl'), 'generic-word'],
      [name('Новая деревня', 'und', 'variant', 'Cyrl'), undefined],
      [name('Ош', 'und', 'variant', 'Cyrl'), undefined],
      [name('Roma', 'tr', 'preferred'), 'hand'],
      [name('Róma', 'und'), 'hand'],
    ];
    expect(cases.map(([n]) => junkReason(n, town, context))).toEqual(cases.map(([, reason]) => reason));
    // Another entity's canonical name stays on an entity that has it too.
    expect(junkReason(name('Talas', 'ky-Latn', 'preferred'), talas, context)).toBeUndefined();
  });

  it('drops junk, adds English names as preferred (replacing the same spelling in another language), counts by reason', () => {
    const counts = {};
    const cleaned = cleanEntryNames(
      entry('wof:9', 'Ertis', 'town', [name('Ertis', 'kk-Latn', 'preferred'), name('Irtysh', 'und'), name('Human', 'und'), name('Yertis', 'und'), name('Ertis osh', 'und'), name('Yrtysh', 'tk', 'preferred')]),
      context, ['Yrtysh'], counts,
    );
    expect(cleaned.names).toEqual([
      { text: 'Ertis', lang: 'kk-Latn', script: 'Latn', type: 'preferred', source: 'geonames' },
      { text: 'Yrtysh', lang: 'en', script: 'Latn', type: 'preferred', source: 'curated' },
      { text: 'Yertis', lang: 'und', script: 'Latn', type: 'variant', source: 'geonames' },
    ]);
    expect(counts).toEqual({ 'other-entity': 1, 'english-word': 1, 'generic-word': 1 });
  });

  it('turns the hand-listed old spellings a source marks preferred into variants (`variantNames`)', () => {
    const ashgabat = entry('wof:10', 'Ashgabat', 'city', [name('Ashkhabad', 'en', 'preferred'), name('Aşgabat', 'tk', 'preferred')], 'TM');
    const cleaned = cleanEntryNames(ashgabat, { ...context, variantNames: { 'wof:10': ['Ashkhabad'] } });
    expect(cleaned.names.map((n) => [n.text, n.lang, n.type])).toEqual([
      ['Aşgabat', 'tk', 'preferred'],
      ['Ashkhabad', 'en', 'variant'],
    ]);
  });

  it('turns the hand-listed former names a source marks current into historic names (`historicNames`)', () => {
    const almaty = entry('wof:11', 'Almaty', 'city', [name('Алма-Ата', 'ru', 'preferred'), name('Алматы', 'kk', 'preferred')], 'KZ');
    const cleaned = cleanEntryNames(almaty, { ...context, historicNames: { 'wof:11': ['Алма-Ата'] } });
    expect(cleaned.names.map((n) => [n.text, n.lang, n.type])).toEqual([
      ['Алматы', 'kk', 'preferred'],
      ['Алма-Ата', 'ru', 'historic'],
    ]);
  });

  it('adds the hand-listed Russian names the sources lack (`russianNames`), and refuses one not in Cyrillic', () => {
    const xinjiang = entry('geonames:12', 'Xinjiang', 'region', [name('Синьцзян-Уйгурский автономный район', 'ru', 'preferred')], 'CN');
    const cleaned = cleanEntryNames(xinjiang, { ...context, russianNames: { 'geonames:12': ['Синьцзян'] } });
    expect(cleaned.names.map((n) => [n.text, n.lang, n.type, n.source])).toEqual([
      ['Синьцзян', 'ru', 'preferred', 'curated'],
      ['Синьцзян-Уйгурский автономный район', 'ru', 'preferred', 'geonames'],
    ]);
    expect(() => cleanEntryNames(xinjiang, { ...context, russianNames: { 'geonames:12': ['Sintszyan'] } })).toThrow('geonames:12: Sintszyan in overrides.json russianNames is not a Cyrillic name');
  });

  it('refuses an English name that is not a usable name', () => {
    expect(() => cleanEntryNames(town, context, ['X'])).toThrow('wof:9: unusable English name in overrides.json englishNames');
  });
});
