/**
 * Importers and exporters of gazetteer files in other formats: GeoNames dumps, Who's On First,
 * CSV (with a column mapping) and XML (the transnorm XML format and TEI). Importers return entries
 * in our model; the CLI folds them into the user's file through the store (validated, atomic).
 */
import type { EntityKind, GazetteerEntry } from '../types.js';
import { formatEntries } from '../jsonl.js';
import { UsageError } from '../../errors.js';
import { parseGeonames } from './geonames.js';
import { parseWof } from './wof.js';
import { formatCsvGazetteer, parseCsvGazetteer, type CsvMapping } from './csv.js';
import { formatXmlGazetteer, parseXmlGazetteer } from './xml.js';
import type { ImportResult } from './common.js';

export { parseGeonames, parseGeonamesAlternateNames, geonamesKind } from './geonames.js';
export { parseWof, wofEntry, wofKind } from './wof.js';
export { parseCsvGazetteer, formatCsvGazetteer, CSV_COLUMNS, type CsvMapping } from './csv.js';
export { parseXmlGazetteer, formatXmlGazetteer } from './xml.js';
export { languageTag, type ImportResult } from './common.js';

export const IMPORT_FORMATS = ['geonames', 'wof', 'csv', 'xml', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = ['jsonl', 'csv', 'xml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ImportOptions {
  /** GeoNames: the text of an alternateNamesV2 file for the same places. */
  alternateNames?: { text: string; label: string };
  /** CSV: column mapping. */
  csv?: CsvMapping;
  /** TEI: the kind of `<place>`s without a recognised `type`. */
  defaultPlaceKind?: EntityKind;
  /** JSONL: parser for our own format (injected to keep this module free of file I/O). */
  parseJsonl?: (text: string, label: string) => GazetteerEntry[];
}

/** Parse an import file of the given format. */
export function parseImport(format: string, text: string, label: string, options: ImportOptions = {}): ImportResult {
  switch (format) {
    case 'geonames': return parseGeonames(text, label, options.alternateNames);
    case 'wof': return parseWof(text, label);
    case 'csv': return parseCsvGazetteer(text, label, options.csv);
    case 'xml': return parseXmlGazetteer(text, label, options.defaultPlaceKind ? { defaultPlaceKind: options.defaultPlaceKind } : {});
    case 'jsonl': return { entries: (options.parseJsonl ?? (() => []))(text, label), warnings: [] };
    default: throw new UsageError(`unknown import format '${format}' (expected one of ${IMPORT_FORMATS.join(', ')})`);
  }
}

/** Serialize entries in an export format. */
export function formatExport(format: string, entries: readonly GazetteerEntry[]): string {
  switch (format) {
    case 'jsonl': return formatEntries(entries);
    case 'csv': return formatCsvGazetteer(entries);
    case 'xml': return formatXmlGazetteer(entries);
    default: throw new UsageError(`unknown export format '${format}' (expected one of ${EXPORT_FORMATS.join(', ')})`);
  }
}

/**
 * Drop parents that point nowhere (`exists` says which ids are known), returning how many were
 * dropped: imports often reference containers (a WOF parent id) that are not part of the import.
 */
export function dropUnknownParents(entries: GazetteerEntry[], exists: (id: string) => boolean): string[] {
  const ids = new Set(entries.map((entry) => entry.id));
  const dropped: string[] = [];
  for (const entry of entries) {
    if (entry.parent !== undefined && !ids.has(entry.parent) && !exists(entry.parent)) {
      dropped.push(`${entry.id}: parent '${entry.parent}' is not in the gazetteer; dropped`);
      delete entry.parent;
    }
  }
  return dropped;
}
