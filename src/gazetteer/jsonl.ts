/**
 * The on-disk format of gazetteer files: JSON Lines, one entry per line, sorted by id,
 * keys in a stable order, so that git diffs show exactly the edit.
 */
import { promises as fs } from 'node:fs';
import { GazetteerError, describeSystemError } from '../errors.js';
import type { EntryName, GazetteerEntry } from './types.js';

/** Key order of an entry on disk. Unknown keys follow, alphabetically. */
export const ENTRY_KEY_ORDER = ['id', 'name', 'kind', 'country', 'parent', 'names', 'context', 'prominence', 'ids', 'sources', 'note', 'merged'] as const;
/** Key order of a name on disk. */
export const NAME_KEY_ORDER = ['text', 'lang', 'script', 'type', 'source'] as const;

function ordered<T extends object>(value: T, order: readonly string[]): T {
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of order) if (record[key] !== undefined) out[key] = record[key];
  for (const key of Object.keys(record).sort()) if (!(key in out) && record[key] !== undefined) out[key] = record[key];
  return out as T;
}

/** An entry with its keys (and its names' keys) in the stable order. */
export function canonicalEntry(entry: GazetteerEntry): GazetteerEntry {
  const withNames = { ...entry, names: entry.names.map((name: EntryName) => ordered(name, NAME_KEY_ORDER)) };
  if (entry.ids) withNames.ids = ordered(entry.ids, Object.keys(entry.ids).sort());
  return ordered(withNames, ENTRY_KEY_ORDER);
}

/** Compare ids the same way everywhere (plain code-unit order, locale-independent). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Serialize entries: sorted by id, stable key order, one per line, trailing newline. */
export function formatEntries(entries: Iterable<GazetteerEntry>): string {
  const sorted = [...entries].sort((a, b) => compareIds(a.id, b.id));
  return sorted.map((entry) => JSON.stringify(canonicalEntry(entry))).join('\n') + (sorted.length > 0 ? '\n' : '');
}

/** One non-blank line of JSONL text: its parsed value, or why it is not JSON. */
export type JsonLine = { line: number; value: unknown; error?: undefined } | { line: number; value?: undefined; error: string };

/** The non-blank lines of JSONL text, parsed, with 1-based line numbers. Never throws. */
export function* jsonLines(text: string): Generator<JsonLine> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      yield { line: i + 1, value: JSON.parse(line) as unknown };
    } catch (error) {
      yield { line: i + 1, error: `not valid JSON (${(error as Error).message})` };
    }
  }
}

/** Parse JSONL text into entries (no schema validation here; see validate). `label` names the file in errors. */
export function parseEntries(text: string, label: string): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  for (const parsed of jsonLines(text)) {
    if (parsed.error !== undefined) throw new GazetteerError(`${label}:${parsed.line}: ${parsed.error}`, { code: 'ERR_GAZETTEER_JSON' });
    entries.push(parsed.value as GazetteerEntry);
  }
  return entries;
}

/** Read a gazetteer JSONL file. */
export async function readEntries(path: string): Promise<GazetteerEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    throw new GazetteerError(`cannot read gazetteer '${path}': ${describeSystemError(error)}`, { cause: error });
  }
  return parseEntries(text, path);
}
