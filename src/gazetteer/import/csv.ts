/**
 * CSV gazetteers, read with `csv-parse` and written with `csv-stringify`.
 *
 * Export writes one row per entity with the columns {@link CSV_COLUMNS}; `names` and `ids` hold
 * JSON, list fields (`context`, `sources`, `merged`) are `; `-separated (JSON when an item holds a
 * `;`), so an exported file imports back to the same entries. Other CSVs are read through a column
 * mapping (`--column field=Header`, `--alias-column Header[:lang[:type]]`).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ENTITY_KINDS, NAME_TYPES, type EntityKind, type EntryName, type GazetteerEntry, type NameType } from '../types.js';
import { canonicalEntry } from '../jsonl.js';
import { detectScript, mergeNames, slugId } from '../edit/names.js';
import { importError, tidyEntry, type ImportResult } from './common.js';

/** Columns of an exported CSV, in order. */
export const CSV_COLUMNS = ['id', 'name', 'kind', 'country', 'parent', 'prominence', 'names', 'context', 'ids', 'sources', 'note', 'merged'] as const;
/** Entry fields a column can map to (plus `ids.<scheme>`). */
export const CSV_FIELDS = CSV_COLUMNS;

/** How to read a CSV that was not written by `export`. */
export interface CsvMapping {
  /** Entry field → column header (`{ id: 'geoid', name: 'English' }`); also `ids.<scheme>`. */
  columns?: Record<string, string>;
  /** Columns holding extra names: header plus the language and type of its names. */
  aliasColumns?: Array<{ column: string; lang?: string; type?: NameType }>;
  /** Kind of rows without a kind column/value. */
  defaultKind?: EntityKind;
  /** Country of rows without one. */
  defaultCountry?: string;
  /** Prefix of ids made from names when there is no id column (`my:` → `my:kg-bishkek`). */
  idPrefix?: string;
  /** Field delimiter (default `,`). */
  delimiter?: string;
}

function splitList(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) {
    const parsed = JSON.parse(trimmed) as unknown;
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
    throw new Error('expected a JSON array of strings');
  }
  return trimmed.split(';').map((item) => item.trim()).filter(Boolean);
}

function joinList(items: readonly string[] | undefined): string {
  if (!items || items.length === 0) return '';
  return items.some((item) => item.includes(';') || item !== item.trim()) ? JSON.stringify(items) : items.join('; ');
}

/** Parse CSV text into entries using `mapping` (identity mapping for the exported columns by default). */
export function parseCsvGazetteer(text: string, label: string, mapping: CsvMapping = {}): ImportResult {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, delimiter: mapping.delimiter ?? ',', relax_column_count: false, trim: false }) as Record<string, string>[];
  } catch (error) {
    throw importError(label, `not valid CSV (${(error as Error).message})`);
  }
  const headers = new Set(rows[0] ? Object.keys(rows[0]) : []);
  const columnOf = (field: string): string | undefined => mapping.columns?.[field] ?? (headers.has(field) && !mapping.columns?.[field] ? field : undefined);
  for (const [field, column] of Object.entries(mapping.columns ?? {})) {
    if (!(CSV_FIELDS as readonly string[]).includes(field) && !field.startsWith('ids.')) throw importError(label, `--column ${field}=${column}: unknown field (expected one of ${CSV_FIELDS.join(', ')}, ids.<scheme>)`);
    if (rows.length > 0 && !headers.has(column)) throw importError(label, `--column ${field}=${column}: no column '${column}' (columns: ${[...headers].join(', ')})`);
  }
  for (const alias of mapping.aliasColumns ?? []) {
    if (rows.length > 0 && !headers.has(alias.column)) throw importError(label, `--alias-column ${alias.column}: no such column (columns: ${[...headers].join(', ')})`);
  }
  if (rows.length > 0 && columnOf('name') === undefined) throw importError(label, `no name column: map one with --column name=HEADER (columns: ${[...headers].join(', ')})`);

  const entries: GazetteerEntry[] = [];
  const warnings: string[] = [];
  rows.forEach((row, i) => {
    const where = `${label}: row ${i + 2}`;
    const get = (field: string): string => {
      const column = columnOf(field);
      return column === undefined ? '' : (row[column] ?? '').trim();
    };
    const name = get('name');
    if (name === '') { warnings.push(`${where}: skipped (empty name)`); return; }
    const kind = get('kind') || mapping.defaultKind;
    if (!kind) throw importError(where, 'no kind: map a kind column (--column kind=HEADER) or give --default-kind');
    if (!(ENTITY_KINDS as readonly string[]).includes(kind)) throw importError(where, `unknown kind '${kind}' (expected one of ${ENTITY_KINDS.join(', ')})`);
    const country = (get('country') || mapping.defaultCountry || '').toUpperCase() || undefined;
    const id = get('id') || (() => {
      const slug = slugId(name, country);
      if (!slug) throw importError(where, `no id column and '${name}' has no Latin letters to make one from: map --column id=HEADER`);
      return `${mapping.idPrefix ?? ''}${slug}`;
    })();
    let names: EntryName[] = [];
    const namesText = get('names');
    if (namesText !== '') {
      try {
        const parsed = JSON.parse(namesText) as unknown;
        if (!Array.isArray(parsed)) throw new Error('expected a JSON array');
        names = parsed as EntryName[];
      } catch (error) {
        throw importError(where, `column 'names' must hold a JSON array of names (${(error as Error).message})`);
      }
    }
    for (const alias of mapping.aliasColumns ?? []) {
      const cell = (row[alias.column] ?? '').trim();
      if (cell === '') continue;
      const type = alias.type ?? 'variant';
      if (!(NAME_TYPES as readonly string[]).includes(type)) throw importError(where, `unknown name type '${type}'`);
      names = mergeNames(names, cell.split(';').map((text) => text.trim()).filter(Boolean).map((text) => ({ text, lang: alias.lang ?? 'und', script: detectScript(text), type, source: 'csv' })));
    }
    let ids: Record<string, string> | undefined;
    const idsText = get('ids');
    if (idsText !== '') {
      try {
        ids = JSON.parse(idsText) as Record<string, string>;
      } catch (error) {
        throw importError(where, `column 'ids' must hold a JSON object (${(error as Error).message})`);
      }
    }
    for (const field of Object.keys(mapping.columns ?? {}).filter((key) => key.startsWith('ids.'))) {
      const value = get(field);
      if (value !== '') ids = { ...(ids ?? {}), [field.slice(4)]: value };
    }
    const prominenceText = get('prominence');
    const prominence = prominenceText === '' ? undefined : Number(prominenceText);
    if (prominence !== undefined && !Number.isFinite(prominence)) throw importError(where, `prominence must be a number, got '${prominenceText}'`);
    let lists: Record<'context' | 'sources' | 'merged', string[]>;
    try {
      lists = { context: splitList(get('context')), sources: splitList(get('sources')), merged: splitList(get('merged')) };
    } catch (error) {
      throw importError(where, (error as Error).message);
    }
    entries.push(tidyEntry({
      id, name, kind: kind as EntityKind, country, parent: get('parent') || undefined, names, context: lists.context,
      prominence, ids, sources: lists.sources, note: get('note') || undefined, merged: lists.merged,
    } as GazetteerEntry));
  });
  return { entries, warnings };
}

/** Write entries as CSV (the columns of {@link CSV_COLUMNS}), sorted by id. */
export function formatCsvGazetteer(entries: readonly GazetteerEntry[]): string {
  const rows = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((raw) => {
    const entry = canonicalEntry(raw);
    return {
      id: entry.id, name: entry.name, kind: entry.kind, country: entry.country ?? '', parent: entry.parent ?? '',
      prominence: entry.prominence === undefined ? '' : String(entry.prominence),
      names: entry.names.length > 0 ? JSON.stringify(entry.names) : '', context: joinList(entry.context),
      ids: entry.ids && Object.keys(entry.ids).length > 0 ? JSON.stringify(entry.ids) : '', sources: joinList(entry.sources),
      note: entry.note ?? '', merged: joinList(entry.merged),
    };
  });
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\n' });
}
