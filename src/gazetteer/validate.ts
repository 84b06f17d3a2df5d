/**
 * Validation of gazetteer entries: schema (JSON Schema via ajv), duplicate ids, parents that do
 * not resolve, parent cycles, aliases shared by several entities (ambiguous) and aliases that are
 * ordinary English words. Returns a report; never throws on bad data.
 */
import { promises as fs } from 'node:fs';
import { describeSystemError } from '../errors.js';
import { foldName } from './fold.js';
import { jsonLines } from './jsonl.js';
import { expandEntries, mergeEntries } from './gazetteer.js';
import { describeSchemaError, entryValidator, KNOWN_ENTRY_KEYS } from './schema.js';
import type { Alias, Gazetteer, GazetteerEntry } from './types.js';

/** What a validation issue is about. */
export type ValidationRule =
  | 'unreadable'
  | 'json'
  | 'schema'
  | 'unknown-field'
  | 'unsorted'
  | 'duplicate-id'
  | 'dangling-parent'
  | 'self-parent'
  | 'parent-cycle'
  | 'ambiguous-alias'
  | 'common-word-alias';

/** One problem found. */
export interface ValidationIssue {
  severity: 'error' | 'warning';
  rule: ValidationRule;
  message: string;
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** The entry concerned. */
  id?: string;
  /** For duplicate ids and ambiguous aliases: every entry involved. */
  ids?: string[];
  /** For alias issues: the alias text (for ambiguity: the spellings involved, first). */
  alias?: string;
}

/** Counts for one kind or country. */
export interface CountPair {
  entries: number;
  aliases: number;
}

/** Entry and alias counts. */
export interface GazetteerStats {
  entries: number;
  aliases: number;
  /** Canonical names and listed names. */
  listedAliases: number;
  /** Romanized, morphological and admin-suffix spellings. */
  generatedAliases: number;
  byKind: Record<string, CountPair>;
  byCountry: Record<string, CountPair>;
  /** Generated aliases by scheme. */
  byScheme: Record<string, number>;
  /** Folded listed aliases shared by several entities. */
  ambiguousAliases: number;
  /** Folded generated aliases shared by several entities (reported as a count only). */
  ambiguousGeneratedAliases: number;
  /** Aliases flagged as ordinary English words. */
  commonWordAliases: number;
}

/** The result of validation. `ok` is true when there are no errors (warnings allowed). */
export interface ValidationReport {
  ok: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  stats: GazetteerStats;
}

/** Where an entry was read from. */
export interface EntrySource {
  file: string;
  line: number;
}

/** Options of `validateEntries`. */
export interface ValidateOptions {
  /** Parallel to `entries`: where each was read (for file:line in messages and per-file duplicate checks). */
  sources?: readonly (EntrySource | undefined)[];
  /**
   * Entries the validated ones are added to (e.g. the built-in gazetteer when validating a user
   * file): parents may resolve there, ids there may be overridden, and ambiguity is checked
   * against them. Only issues that involve a validated entry are reported.
   */
  base?: readonly GazetteerEntry[] | Gazetteer;
  /**
   * Severity of a listed alias shared by several entities. Default `error`: a user's file must
   * not introduce ambiguity; the built-in gazetteer is validated with `warning` (places of the
   * same name are a fact of geography).
   */
  ambiguity?: 'error' | 'warning' | 'off';
  /** Report aliases that are ordinary English words (warnings; default true). */
  commonWords?: boolean;
  /** The aliases of base + entries when already expanded (saves expanding again). */
  aliases?: readonly Alias[];
}

function isGazetteer(value: readonly GazetteerEntry[] | Gazetteer): value is Gazetteer {
  return !Array.isArray(value);
}

function emptyStats(): GazetteerStats {
  return {
    entries: 0, aliases: 0, listedAliases: 0, generatedAliases: 0, byKind: {}, byCountry: {}, byScheme: {},
    ambiguousAliases: 0, ambiguousGeneratedAliases: 0, commonWordAliases: 0,
  };
}

function location(source: EntrySource | undefined): { file?: string; line?: number } {
  return source === undefined ? {} : { file: source.file, line: source.line };
}

function prefix(source: EntrySource | undefined): string {
  return source === undefined ? '' : `${source.file}:${source.line}: `;
}

/**
 * Validate entries (parsed JSON values, not yet trusted). Entries failing the schema are reported
 * and left out of the later checks.
 */
export function validateEntries(entries: readonly unknown[], options: ValidateOptions = {}): ValidationReport {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const sources = options.sources ?? [];
  const validate = entryValidator();

  // 1. Schema.
  const valid: { entry: GazetteerEntry; source: EntrySource | undefined }[] = [];
  entries.forEach((value, i) => {
    const source = sources[i];
    const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : undefined;
    if (!validate(value)) {
      const details = (validate.errors ?? []).map(describeSchemaError).join('; ');
      errors.push({ severity: 'error', rule: 'schema', message: `${prefix(source)}${id ?? 'entry'}: ${details}`, ...location(source), ...(id ? { id } : {}) });
      return;
    }
    const entry = value as GazetteerEntry;
    for (const key of Object.keys(entry)) {
      if (!KNOWN_ENTRY_KEYS.has(key)) {
        warnings.push({ severity: 'warning', rule: 'unknown-field', message: `${prefix(source)}${entry.id}: unknown field '${key}' (kept, but nothing reads it)`, ...location(source), id: entry.id });
      }
    }
    valid.push({ entry, source });
  });

  // 2. Duplicate ids within one file (or within the list when no sources are given). Across files a
  //    repeated id is an override, by design.
  const seenIds = new Map<string, EntrySource | undefined>();
  for (const { entry, source } of valid) {
    const key = `${source?.file ?? ''}\u0000${entry.id}`;
    if (seenIds.has(key)) {
      const first = seenIds.get(key);
      errors.push({
        severity: 'error', rule: 'duplicate-id',
        message: `${prefix(source)}duplicate id '${entry.id}'${first ? ` (first at line ${first.line})` : ''}`,
        ...location(source), id: entry.id, ids: [entry.id],
      });
    } else seenIds.set(key, source);
  }

  // 3. Parents, against base + validated entries (validated ones override base).
  const base = options.base;
  const baseEntries: readonly GazetteerEntry[] = base === undefined ? [] : isGazetteer(base) ? base.entries : base;
  const all = mergeEntries([...baseEntries, ...valid.map((v) => v.entry)]);
  const byId = new Map(all.map((e) => [e.id, e]));
  for (const entry of all) for (const old of entry.merged ?? []) if (!byId.has(old)) byId.set(old, entry);
  const validatedIds = new Set(valid.map((v) => v.entry.id));
  const sourceOf = new Map(valid.map((v) => [v.entry.id, v.source]));
  for (const { entry, source } of valid) {
    if (entry.parent === undefined) continue;
    if (entry.parent === entry.id) {
      errors.push({ severity: 'error', rule: 'self-parent', message: `${prefix(source)}${entry.id}: is its own parent`, ...location(source), id: entry.id });
    } else if (!byId.has(entry.parent)) {
      errors.push({ severity: 'error', rule: 'dangling-parent', message: `${prefix(source)}${entry.id}: parent '${entry.parent}' is not in the gazetteer`, ...location(source), id: entry.id });
    }
  }
  // Cycles: walk up from each validated entry.
  for (const { entry, source } of valid) {
    const path = new Set<string>([entry.id]);
    let current = entry.parent === undefined ? undefined : byId.get(entry.parent);
    while (current !== undefined && current.id !== entry.id) {
      if (path.has(current.id)) break;
      path.add(current.id);
      current = current.parent === undefined ? undefined : byId.get(current.parent);
    }
    if (current !== undefined && current.id === entry.id && entry.parent !== entry.id) {
      errors.push({ severity: 'error', rule: 'parent-cycle', message: `${prefix(source)}${entry.id}: parent chain loops back to it (${[...path].join(' → ')} → ${entry.id})`, ...location(source), id: entry.id });
    }
  }

  // 4. Aliases: ambiguity and common words; statistics.
  let aliases = options.aliases;
  if (aliases === undefined) {
    // Reuse the base gazetteer's aliases (from its cache) and expand only the validated entries.
    const ownEntries = mergeEntries(valid.map((v) => v.entry));
    const baseAliases = base !== undefined && isGazetteer(base)
      ? base.aliases.filter((a) => !validatedIds.has(a.entity))
      : expandEntries(baseEntries.filter((e) => !validatedIds.has(e.id)));
    aliases = [...baseAliases, ...expandEntries(ownEntries)];
  }
  const stats = emptyStats();
  const entryById = new Map(all.map((e) => [e.id, e]));
  // Counts describe the validated entries (not the base they are added to).
  const counted = all.filter((e) => validatedIds.has(e.id));
  stats.entries = counted.length;
  for (const entry of counted) {
    const kind = (stats.byKind[entry.kind] ??= { entries: 0, aliases: 0 });
    kind.entries++;
    const country = (stats.byCountry[entry.country ?? '--'] ??= { entries: 0, aliases: 0 });
    country.entries++;
  }
  const listedOwners = new Map<string, Map<string, string>>();
  const generatedOwners = new Map<string, Set<string>>();
  const reportCommon = options.commonWords !== false;
  for (const alias of aliases) {
    const entry = entryById.get(alias.entity);
    if (entry === undefined) continue;
    const key = foldName(alias.text);
    if (!validatedIds.has(entry.id)) {
      // Base aliases matter only for ambiguity with validated entries.
      if (alias.origin !== 'generated') {
        let owners = listedOwners.get(key);
        if (owners === undefined) listedOwners.set(key, (owners = new Map()));
        if (!owners.has(alias.entity)) owners.set(alias.entity, alias.text);
      }
      continue;
    }
    stats.aliases++;
    stats.byKind[entry.kind]!.aliases++;
    stats.byCountry[entry.country ?? '--']!.aliases++;
    if (alias.origin === 'generated') {
      stats.generatedAliases++;
      stats.byScheme[alias.scheme ?? '?'] = (stats.byScheme[alias.scheme ?? '?'] ?? 0) + 1;
      let owners = generatedOwners.get(key);
      if (owners === undefined) generatedOwners.set(key, (owners = new Set()));
      owners.add(alias.entity);
    } else {
      stats.listedAliases++;
      let owners = listedOwners.get(key);
      if (owners === undefined) listedOwners.set(key, (owners = new Map()));
      if (!owners.has(alias.entity)) owners.set(alias.entity, alias.text);
    }
    if (alias.common) {
      stats.commonWordAliases++;
      if (reportCommon && validatedIds.has(alias.entity)) {
        const source = sourceOf.get(alias.entity);
        warnings.push({
          severity: 'warning', rule: 'common-word-alias',
          message: `${prefix(source)}${alias.entity}: alias '${alias.text}' (${alias.origin === 'generated' ? alias.scheme : alias.origin}) is an ordinary English word; it will never be auto-replaced`,
          ...location(source), id: alias.entity, alias: alias.text,
        });
      }
    }
  }
  for (const [key, owners] of generatedOwners) {
    const listed = listedOwners.get(key);
    const all = new Set([...owners, ...(listed?.keys() ?? [])]);
    if (all.size > 1 && (listed === undefined || listed.size < 2)) stats.ambiguousGeneratedAliases++;
  }
  const ambiguity = options.ambiguity ?? 'error';
  for (const [key, owners] of listedOwners) {
    if (owners.size < 2) continue;
    const ids = [...owners.keys()].sort();
    const involved = ids.filter((id) => validatedIds.has(id));
    if (involved.length === 0) continue;
    stats.ambiguousAliases++;
    if (ambiguity === 'off') continue;
    const source = sourceOf.get(involved[0]!);
    const spellings = [...new Set(owners.values())];
    const issue: ValidationIssue = {
      severity: ambiguity, rule: 'ambiguous-alias',
      message: `${prefix(source)}ambiguous alias '${spellings.join("' / '")}' (folded '${key}') names ${ids.length} entries: ${ids.join(', ')}`,
      ...location(source), id: involved[0]!, ids, alias: spellings[0]!,
    };
    (ambiguity === 'error' ? errors : warnings).push(issue);
  }
  return { ok: errors.length === 0, errors, warnings, stats };
}

/** Options of `validateFiles`. */
export interface ValidateFilesOptions extends Omit<ValidateOptions, 'sources'> {}

/** Entries of one file with their line numbers; unreadable files and bad JSON become issues. */
export async function readEntriesWithLines(file: string): Promise<{ values: unknown[]; sources: EntrySource[]; issues: ValidationIssue[] }> {
  const values: unknown[] = [];
  const sources: EntrySource[] = [];
  const issues: ValidationIssue[] = [];
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    issues.push({ severity: 'error', rule: 'unreadable', message: `${file}: cannot read: ${describeSystemError(error)}`, file });
    return { values, sources, issues };
  }
  let previousId: string | undefined;
  let unsortedReported = false;
  for (const { line, value, error } of jsonLines(text)) {
    if (error !== undefined) {
      issues.push({ severity: 'error', rule: 'json', message: `${file}:${line}: ${error}`, file, line });
      continue;
    }
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      if (previousId !== undefined && id < previousId && !unsortedReported) {
        issues.push({ severity: 'warning', rule: 'unsorted', message: `${file}:${line}: '${id}' comes after '${previousId}'; files are kept sorted by id (rewrite with the gazetteer commands)`, file, line, id });
        unsortedReported = true;
      }
      previousId = id;
    }
    values.push(value);
    sources.push({ file, line });
  }
  return { values, sources, issues };
}

/** Validate gazetteer files (JSON Lines), in load order. */
export async function validateFiles(files: readonly string[], options: ValidateFilesOptions = {}): Promise<ValidationReport> {
  const values: unknown[] = [];
  const sources: EntrySource[] = [];
  const readIssues: ValidationIssue[] = [];
  for (const file of files) {
    const read = await readEntriesWithLines(file);
    values.push(...read.values);
    sources.push(...read.sources);
    readIssues.push(...read.issues);
  }
  const report = validateEntries(values, { ...options, sources });
  const errors = [...readIssues.filter((i) => i.severity === 'error'), ...report.errors];
  const warnings = [...readIssues.filter((i) => i.severity === 'warning'), ...report.warnings];
  return { ok: errors.length === 0, errors, warnings, stats: report.stats };
}
