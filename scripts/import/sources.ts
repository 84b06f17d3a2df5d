/**
 * Readers for the source files under `gazetteer-sources/` (see each folder's README.md there).
 * Parsing functions take text and are pure; the `read*` functions only add file access.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// Generic formats

/** Parse RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV rows as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.filter((row) => row.length > 1).map((row) => Object.fromEntries(header.map((key, i) => [key, row[i] ?? ''])));
}

/** Parse a gettext PO file written without line wrapping into msgid → msgstr (untranslated entries skipped). */
export function parsePo(text: string): Map<string, string> {
  const unquote = (value: string): string => JSON.parse(value.trim()) as string;
  const out = new Map<string, string>();
  let msgid: string | undefined;
  let msgstr: string | undefined;
  let field: 'id' | 'str' | undefined;
  const flush = () => {
    if (msgid && msgstr) out.set(msgid, msgstr);
    msgid = msgstr = field = undefined;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('msgid ')) {
      flush();
      msgid = unquote(line.slice(6));
      field = 'id';
    } else if (line.startsWith('msgstr ')) {
      msgstr = unquote(line.slice(7));
      field = 'str';
    } else if (line.startsWith('"')) {
      if (field === 'id') msgid += unquote(line);
      else if (field === 'str') msgstr += unquote(line);
    }
  }
  flush();
  return out;
}

/** Extract one member of a zip archive (stored or deflated), using the central directory. */
export function unzipMember(zip: Buffer, member: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (name === member) {
      const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip member ${member}: unsupported compression method ${method}`);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`zip member ${member} not found`);
}

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Who's On First

/** One record of the WOF names-only extracts (`whosonfirst-admin/*.names.jsonl`). */
export interface WofRecord {
  id: number;
  placetype: string;
  name: string;
  country: string;
  parent_id: number | null;
  hierarchy: Record<string, number>;
  is_current: number | null;
  deprecated: string | null;
  superseded_by: number[];
  population: number | null;
  concordances: Record<string, string | number>;
  names: Record<string, string[]>;
}

export function readWof(sources: string, country: string): WofRecord[] {
  const text = readText(join(sources, 'whosonfirst-admin', `wof-admin-${country.toLowerCase()}.names.jsonl`));
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as WofRecord);
}

// ---------------------------------------------------------------------------------------------
// GeoNames

/** A row of the GeoNames `geoname` table (cities15000, cities500). */
export interface GeoNamesPlace {
  id: string;
  name: string;
  asciiName: string;
  alternateNames: string[];
  featureCode: string;
  country: string;
  admin1: string;
  admin2: string;
  population: number;
}

/** Parse the 19-column GeoNames geoname table. */
export function parseGeoNamesTable(text: string): GeoNamesPlace[] {
  const places: GeoNamesPlace[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const f = line.split('\t');
    places.push({
      id: f[0]!, name: f[1]!, asciiName: f[2]!, alternateNames: f[3] ? f[3].split(',') : [],
      featureCode: f[7]!, country: f[8]!, admin1: f[10]!, admin2: f[11]!, population: Number(f[14]) || 0,
    });
  }
  return places;
}

export function readCities15000(sources: string): GeoNamesPlace[] {
  const zip = readFileSync(join(sources, 'geonames-cities15000', 'cities15000.zip'));
  return parseGeoNamesTable(unzipMember(zip, 'cities15000.txt').toString('utf8'));
}

export function readCities500Focus(sources: string): GeoNamesPlace[] {
  return parseGeoNamesTable(readText(join(sources, 'geonames-cities500-focus', 'cities500_focus.txt')));
}

/** An admin1 or admin2 unit: code (`UZ.12`, `UZ.12.1234`), name, ASCII name, geonameid. */
export interface AdminCode {
  code: string;
  name: string;
  asciiName: string;
  id: string;
}

export function parseAdminCodes(text: string): AdminCode[] {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const [code, name, asciiName, id] = line.split('\t');
    return { code: code!, name: name!, asciiName: asciiName!, id: id! };
  });
}

export function readAdmin1(sources: string): AdminCode[] {
  return parseAdminCodes(readText(join(sources, 'geonames-admin-codes', 'admin1CodesASCII.txt')));
}

export function readAdmin2(sources: string): AdminCode[] {
  return parseAdminCodes(readText(join(sources, 'geonames-admin-codes', 'admin2Codes.txt')));
}

/** GeoNames localized names: key (geonameid, admin1 code or country code) → [locale, name][]. */
export function readLocalizedNames(sources: string): Map<string, Array<[string, string]>> {
  const out = new Map<string, Array<[string, string]>>();
  const lines = readText(join(sources, 'geonames-localized-names-debian', 'geonames_localized_names.tsv')).split('\n');
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const [key, locale, name] = line.split('\t');
    if (!key || !locale || !name) continue;
    const list = out.get(key);
    if (list) list.push([locale, name]);
    else out.set(key, [[locale, name]]);
  }
  return out;
}

/** GeoNames countryInfo.txt: ISO alpha-2 → { geonameid, population, name }. */
export function readCountryInfo(sources: string): Map<string, { id: string; population: number; name: string }> {
  const out = new Map<string, { id: string; population: number; name: string }>();
  for (const line of readText(join(sources, 'geonames-cities15000', 'countryInfo.txt')).split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const f = line.split('\t');
    out.set(f[0]!, { id: f[16]!, population: Number(f[7]) || 0, name: f[4]! });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Country and subdivision name lists

export interface IsoCountry {
  alpha_2: string;
  alpha_3: string;
  name: string;
  official_name?: string;
  common_name?: string;
}

export interface IsoSubdivision {
  code: string;
  name: string;
  type: string;
}

export function readIsoCountries(sources: string): IsoCountry[] {
  return (JSON.parse(readText(join(sources, 'iso-codes-debian', 'json', 'iso_3166-1.json'))) as { '3166-1': IsoCountry[] })['3166-1'];
}

export function readIsoSubdivisions(sources: string): IsoSubdivision[] {
  return (JSON.parse(readText(join(sources, 'iso-codes-debian', 'json', 'iso_3166-2.json'))) as { '3166-2': IsoSubdivision[] })['3166-2'];
}

/** iso-codes translation catalogues of one domain (`iso_3166-1`): locale → msgid → msgstr. */
export function readIsoCatalogues(sources: string, domain: string): Map<string, Map<string, string>> {
  const dir = join(sources, 'iso-codes-debian', 'po', domain);
  const out = new Map<string, Map<string, string>>();
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.po')) out.set(file.slice(0, -3), parsePo(readText(join(dir, file))));
  }
  return out;
}

/** i18n-iso-countries: language → alpha-2 → names (first is the default name). */
export function readI18nCountries(sources: string, langs: readonly string[]): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const lang of langs) {
    const path = join(sources, 'i18n-iso-countries', 'langs', `${lang}.json`);
    if (!existsSync(path)) continue;
    const data = JSON.parse(readText(path)) as { countries: Record<string, string | string[]> };
    out.set(lang, new Map(Object.entries(data.countries).map(([code, value]) => [code, Array.isArray(value) ? value : [value]])));
  }
  return out;
}

/** CLDR territory names for the given locales: locale → key (`UZ`, `UZ-alt-short`) → name. */
export function readCldrTerritories(sources: string, locales: readonly string[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const locale of locales) {
    const path = join(sources, 'cldr-localenames-territories', 'main', locale, 'territories.json');
    if (!existsSync(path)) continue;
    const data = JSON.parse(readText(path)) as { main: Record<string, { localeDisplayNames: { territories: Record<string, string> } }> };
    const territories = Object.values(data.main)[0]?.localeDisplayNames.territories ?? {};
    out.set(locale, new Map(Object.entries(territories)));
  }
  return out;
}

/** world-countries (mledoze/countries) record, the fields used here. */
export interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { official: string; common: string }> };
  cca2: string;
  altSpellings: string[];
  translations: Record<string, { official: string; common: string }>;
  capital?: string[];
}

export function readWorldCountries(sources: string): WorldCountry[] {
  return JSON.parse(readText(join(sources, 'world-countries', 'countries.json'))) as WorldCountry[];
}

/** iso3166-2-db country record, the fields used here. */
export interface Iso3166DbRegion {
  name: string;
  names: Record<string, string>;
  iso: string;
  reference: { geonames?: number | string; wof?: number | string };
}

export interface Iso3166DbCountry {
  iso: string;
  names: Record<string, string>;
  regions: Iso3166DbRegion[];
}

export function readIso3166Db(sources: string): Record<string, Iso3166DbCountry> {
  return JSON.parse(readText(join(sources, 'iso3166-2-db', 'data', 'iso3166-2.json'))) as Record<string, Iso3166DbCountry>;
}

// ---------------------------------------------------------------------------------------------
// Party Facts

export function readPartyFacts(sources: string): { parties: Record<string, string>[]; wikidata: Record<string, string>[] } {
  return {
    parties: csvRecords(readText(join(sources, 'party-facts', 'partyfacts-core-parties.csv'))),
    wikidata: csvRecords(readText(join(sources, 'party-facts', 'partyfacts-wikipedia-wikidata.csv'))),
  };
}
