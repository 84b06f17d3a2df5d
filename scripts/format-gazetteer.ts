/**
 * Check and rewrite gazetteer JSONL files in their canonical on-disk form: one entry per line,
 * sorted by id, stable key order (`formatEntries`). Hand-edited files such as
 * `gazetteers/organizations.jsonl` go through this script before they are committed, so that a
 * review diff shows exactly the edit.
 *
 *   tsx scripts/format-gazetteer.ts FILE...          rewrite each FILE in place (atomically)
 *   tsx scripts/format-gazetteer.ts --check FILE...  exit 1 if a FILE is not already formatted
 *
 * Only the basic shape is checked here (required fields, known kinds and name types, unique ids);
 * full validation (parents, ambiguous aliases, English words) is `transnorm gazetteer validate`.
 * Exit codes: 0 ok, 1 shape problems or (with --check) unformatted files, 2 usage error.
 */
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatEntries, parseEntries } from '../src/gazetteer/jsonl.js';
import { ENTITY_KINDS, NAME_TYPES, type GazetteerEntry } from '../src/gazetteer/types.js';
import { writeFileSafely } from '../src/io.js';

const KINDS: ReadonlySet<string> = new Set(ENTITY_KINDS);
const TYPES: ReadonlySet<string> = new Set(NAME_TYPES);
const COUNTRY = /^[A-Z]{2}$/;
const SCRIPT = /^[A-Z][a-z]{3}$/;
/** A BCP-47 tag as used here: a 2–3 letter language, optional script/region/variant subtags. */
const LANG = /^(?:[a-z]{2,3}|und)(?:-[A-Za-z0-9]{2,8})*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value === value.trim();
}

/**
 * The shape problems of one parsed entry (empty when it is well-formed). Checks types and
 * vocabularies only; it does not compare entries with each other.
 */
export function checkEntryShape(value: unknown): string[] {
  if (!isRecord(value)) return ['entry is not a JSON object'];
  const problems: string[] = [];
  const id = value['id'];
  if (!isText(id)) problems.push('id: missing or not a trimmed non-empty string');
  if (!isText(value['name'])) problems.push('name: missing or not a trimmed non-empty string');
  if (typeof value['kind'] !== 'string' || !KINDS.has(value['kind'])) problems.push(`kind: ${JSON.stringify(value['kind'])} is not one of ${ENTITY_KINDS.join(', ')}`);
  if (value['country'] !== undefined && (typeof value['country'] !== 'string' || !COUNTRY.test(value['country']))) problems.push(`country: ${JSON.stringify(value['country'])} is not an ISO 3166-1 alpha-2 code`);
  if (value['parent'] !== undefined && !isText(value['parent'])) problems.push('parent: not a trimmed non-empty string');
  if (value['parent'] !== undefined && value['parent'] === id) problems.push('parent: an entry cannot be its own parent');
  const names = value['names'];
  if (!Array.isArray(names)) {
    problems.push('names: missing or not an array');
  } else {
    names.forEach((name: unknown, index) => {
      const at = `names[${index}]`;
      if (!isRecord(name)) {
        problems.push(`${at}: not an object`);
        return;
      }
      if (!isText(name['text'])) problems.push(`${at}.text: missing or not a trimmed non-empty string`);
      if (typeof name['lang'] !== 'string' || !LANG.test(name['lang'])) problems.push(`${at}.lang: ${JSON.stringify(name['lang'])} is not a BCP-47 tag`);
      if (typeof name['script'] !== 'string' || !SCRIPT.test(name['script'])) problems.push(`${at}.script: ${JSON.stringify(name['script'])} is not an ISO 15924 code`);
      if (typeof name['type'] !== 'string' || !TYPES.has(name['type'])) problems.push(`${at}.type: ${JSON.stringify(name['type'])} is not one of ${NAME_TYPES.join(', ')}`);
      if (name['source'] !== undefined && !isText(name['source'])) problems.push(`${at}.source: not a trimmed non-empty string`);
    });
  }
  const context = value['context'];
  if (context !== undefined && (!Array.isArray(context) || !context.every(isText))) problems.push('context: not an array of trimmed non-empty strings');
  const prominence = value['prominence'];
  if (prominence !== undefined && (typeof prominence !== 'number' || !Number.isFinite(prominence) || prominence < 0)) problems.push('prominence: not a non-negative number');
  const ids = value['ids'];
  if (ids !== undefined && (!isRecord(ids) || !Object.values(ids).every(isText))) problems.push('ids: not an object of trimmed non-empty strings');
  const sources = value['sources'];
  if (sources !== undefined && (!Array.isArray(sources) || !sources.every(isText))) problems.push('sources: not an array of trimmed non-empty strings');
  if (value['note'] !== undefined && !isText(value['note'])) problems.push('note: not a trimmed non-empty string');
  const merged = value['merged'];
  if (merged !== undefined && (!Array.isArray(merged) || !merged.every(isText))) problems.push('merged: not an array of trimmed non-empty strings');
  return problems;
}

/** The result of formatting one file's text. */
export interface FormatResult {
  /** The formatted text (meaningful only when `problems` is empty). */
  output: string;
  /** `label:line: problem` lines; when not empty the file must not be rewritten. */
  problems: string[];
  /** Number of entries read. */
  count: number;
}

/**
 * Parse gazetteer JSONL text, check each entry's shape and the uniqueness of ids, and return
 * the canonical text. Invalid JSON is reported as a problem (not thrown).
 */
export function formatGazetteerText(text: string, label: string): FormatResult {
  const problems: string[] = [];
  const lineOf: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() !== '') lineOf.push(index + 1);
  });
  let entries: GazetteerEntry[];
  try {
    entries = parseEntries(text, label);
  } catch (error) {
    return { output: '', problems: [(error as Error).message], count: 0 };
  }
  const firstLine = new Map<string, number>();
  entries.forEach((entry, index) => {
    const line = lineOf[index] ?? index + 1;
    for (const problem of checkEntryShape(entry)) problems.push(`${label}:${line}: ${problem}`);
    if (typeof entry?.id !== 'string') return;
    const seen = firstLine.get(entry.id);
    if (seen !== undefined) problems.push(`${label}:${line}: duplicate id '${entry.id}' (first on line ${seen})`);
    else firstLine.set(entry.id, line);
  });
  return { output: problems.length === 0 ? formatEntries(entries) : '', problems, count: entries.length };
}

async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes('--check');
  const files = argv.filter((arg) => arg !== '--check');
  const unknown = files.find((arg) => arg.startsWith('-'));
  if (unknown !== undefined || files.length === 0) {
    process.stderr.write(`${unknown !== undefined ? `format-gazetteer: unknown option '${unknown}'\n` : ''}usage: tsx scripts/format-gazetteer.ts [--check] FILE...\n`);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      process.stderr.write(`format-gazetteer: cannot read '${file}': ${(error as Error).message}\n`);
      status = 1;
      continue;
    }
    const result = formatGazetteerText(text, file);
    if (result.problems.length > 0) {
      for (const problem of result.problems) process.stderr.write(`${problem}\n`);
      process.stderr.write(`format-gazetteer: ${file}: ${result.problems.length} problem(s); file left unchanged\n`);
      status = 1;
    } else if (result.output === text) {
      process.stdout.write(`${file}: ${result.count} entries, already formatted\n`);
    } else if (check) {
      process.stderr.write(`format-gazetteer: ${file} is not formatted (run: tsx scripts/format-gazetteer.ts ${file})\n`);
      status = 1;
    } else {
      await writeFileSafely(file, result.output);
      process.stdout.write(`${file}: ${result.count} entries, rewritten\n`);
    }
  }
  return status;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`format-gazetteer: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
