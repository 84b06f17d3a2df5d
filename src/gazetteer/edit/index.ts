/**
 * Gazetteer edits as data. Every maintenance command (`add`, `edit`, `alias add`, `merge`...) and
 * every line of a patch file (`suggest --write`, `apply`) is one {@link GazetteerOperation};
 * {@link applyOperations} applies them to the entries of one user file. Pure: no I/O; the store
 * (`../store.ts`) locks, validates and writes.
 */
import { GazetteerError } from '../../errors.js';
import { foldName } from '../fold.js';
import { ENTITY_KINDS, NAME_TYPES, type EntityKind, type EntryName, type Gazetteer, type GazetteerEntry, type NameType } from '../types.js';
import { hasName, makeName, mergeNames, union } from './names.js';

/** Add a new entity. */
export interface AddOperation { op: 'add'; entry: GazetteerEntry }
/** Set (or, with an empty value, unset) fields: `name`, `kind`, `country`, `parent`, `prominence`, `note`, `context`, `sources`, `ids.<scheme>`. */
export interface SetOperation { op: 'set'; id: string; set: Record<string, string> }
/** Add a name to an entity. */
export interface AliasAddOperation { op: 'alias-add'; id: string; text: string; lang?: string; script?: string; type?: NameType; source?: string }
/** Remove a name from an entity. */
export interface AliasRemoveOperation { op: 'alias-remove'; id: string; text: string }
/** Remove an entity (from the user file). */
export interface RemoveOperation { op: 'remove'; id: string }
/** Merge `other` into `keep`: names, external ids, context and sources move; `other` resolves to `keep` afterwards. */
export interface MergeOperation { op: 'merge'; keep: string; other: string }
/** Insert an entity, or fold it into the existing one with the same id (imports). */
export interface UpsertOperation { op: 'upsert'; entry: GazetteerEntry; mode?: 'merge' | 'replace' }

/** One edit. Patch files hold one per line; extra fields (`confidence`, `count`, `examples`) are ignored. */
export type GazetteerOperation = AddOperation | SetOperation | AliasAddOperation | AliasRemoveOperation | RemoveOperation | MergeOperation | UpsertOperation;

export const OPERATION_NAMES = ['add', 'set', 'alias-add', 'alias-remove', 'remove', 'merge', 'upsert'] as const;

/** What applying operations did, one line per operation, for the CLI to print. */
export interface OperationReport {
  op: GazetteerOperation['op'];
  id: string;
  summary: string;
}

/** Fields `set` accepts. */
export const SETTABLE_FIELDS = ['name', 'kind', 'country', 'parent', 'prominence', 'note', 'context', 'sources', 'ids.<scheme>'] as const;

function fail(message: string): never {
  throw new GazetteerError(message, { code: 'ERR_GAZETTEER_EDIT' });
}

/** The working set of one user file while operations are applied. */
class Workspace {
  readonly entries: GazetteerEntry[];
  readonly reports: OperationReport[] = [];
  constructor(entries: GazetteerEntry[], readonly base: Gazetteer | undefined) {
    this.entries = entries;
  }

  indexOf(id: string): number {
    return this.entries.findIndex((entry) => entry.id === id);
  }

  /** The file entry for `id` (following merges); an entry only in the base is copied into the file first. */
  resolve(id: string, forWhat: string): GazetteerEntry {
    let index = this.indexOf(id);
    if (index < 0) {
      const keeper = this.entries.find((entry) => entry.merged?.includes(id));
      if (keeper) return keeper;
      const fromBase = this.base?.get(id);
      if (!fromBase) fail(`${forWhat}: no entry '${id}'`);
      index = this.indexOf(fromBase.id);
      if (index >= 0) return this.entries[index]!;
      // Copy-on-write: the user's file overrides the built-in entry from now on.
      const copy = structuredClone(fromBase) as GazetteerEntry;
      this.entries.push(copy);
      return copy;
    }
    return this.entries[index]!;
  }

  exists(id: string): boolean {
    return this.indexOf(id) >= 0 || this.base?.get(id) !== undefined;
  }
}

function checkKind(kind: string): EntityKind {
  if (!(ENTITY_KINDS as readonly string[]).includes(kind)) fail(`unknown kind '${kind}' (expected one of ${ENTITY_KINDS.join(', ')})`);
  return kind as EntityKind;
}

function checkNameType(type: string): NameType {
  if (!(NAME_TYPES as readonly string[]).includes(type)) fail(`unknown name type '${type}' (expected one of ${NAME_TYPES.join(', ')})`);
  return type as NameType;
}

function list(value: string): string[] | undefined {
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** Apply `field=value` settings to an entry (validation of the result happens in the store). */
function setFields(entry: GazetteerEntry, settings: Record<string, string>): string[] {
  const done: string[] = [];
  const record = entry as unknown as Record<string, unknown>;
  for (const [field, raw] of Object.entries(settings)) {
    const value = raw.trim();
    if (field.startsWith('ids.')) {
      const scheme = field.slice(4);
      if (scheme === '') fail(`--set ${field}: missing id scheme after 'ids.'`);
      const ids = { ...(entry.ids ?? {}) };
      if (value === '') delete ids[scheme];
      else ids[scheme] = value;
      if (Object.keys(ids).length > 0) entry.ids = ids;
      else delete entry.ids;
    } else {
      switch (field) {
        case 'name':
          if (value === '') fail('--set name: the canonical name cannot be empty');
          entry.name = value;
          break;
        case 'kind':
          entry.kind = checkKind(value);
          break;
        case 'country':
          if (value === '') delete entry.country;
          else entry.country = value.toUpperCase();
          break;
        case 'parent':
        case 'note':
          if (value === '') delete record[field];
          else record[field] = value;
          break;
        case 'prominence': {
          if (value === '') { delete entry.prominence; break; }
          const n = Number(value);
          if (!Number.isFinite(n) || n < 0) fail(`--set prominence: expected a non-negative number, got '${raw}'`);
          entry.prominence = n;
          break;
        }
        case 'context':
        case 'sources': {
          const items = list(value);
          if (items) record[field] = items;
          else delete record[field];
          break;
        }
        default:
          fail(`cannot set '${field}' (settable: ${SETTABLE_FIELDS.join(', ')})`);
      }
    }
    done.push(value === '' ? `${field} unset` : `${field}=${value}`);
  }
  return done;
}

/** Merge `other` into `keep` (both already in the file). */
function mergeInto(keep: GazetteerEntry, other: GazetteerEntry): string[] {
  const notes: string[] = [];
  const moved: EntryName[] = [];
  if (foldName(other.name) !== foldName(keep.name) && !hasName(keep, other.name)) moved.push(makeName(other.name, 'en', 'variant', 'merge'));
  moved.push(...other.names);
  const before = keep.names.length;
  keep.names = mergeNames(keep.names, moved);
  notes.push(`${keep.names.length - before} names moved`);
  if (other.ids) {
    const ids = { ...(keep.ids ?? {}) };
    for (const [scheme, value] of Object.entries(other.ids)) {
      if (value === undefined) continue;
      if (ids[scheme] === undefined) ids[scheme] = value;
      else if (ids[scheme] !== value) notes.push(`kept ${scheme}=${ids[scheme]} (dropped ${value})`);
    }
    if (Object.keys(ids).length > 0) keep.ids = ids;
  }
  const context = union(keep.context, other.context);
  if (context) keep.context = context;
  const sources = union(keep.sources, other.sources);
  if (sources) keep.sources = sources;
  if (keep.country === undefined && other.country !== undefined) keep.country = other.country;
  if (keep.parent === undefined && other.parent !== undefined && other.parent !== keep.id) keep.parent = other.parent;
  if (other.prominence !== undefined) keep.prominence = Math.max(keep.prominence ?? other.prominence, other.prominence);
  keep.merged = union(keep.merged, [other.id, ...(other.merged ?? [])])!.filter((id) => id !== keep.id);
  return notes;
}

/** Fold an imported entry into an existing one: new names, missing fields and ids added; existing values kept. */
function upsertMerge(existing: GazetteerEntry, incoming: GazetteerEntry): string[] {
  const notes: string[] = [];
  const before = existing.names.length;
  const incomingNames = [...incoming.names];
  if (foldName(incoming.name) !== foldName(existing.name) && !hasName(existing, incoming.name)) incomingNames.unshift(makeName(incoming.name, 'en', 'variant', incoming.names[0]?.source));
  existing.names = mergeNames(existing.names, incomingNames);
  if (existing.names.length > before) notes.push(`+${existing.names.length - before} names`);
  const record = existing as unknown as Record<string, unknown>;
  for (const field of ['country', 'parent', 'prominence', 'note'] as const) {
    if (record[field] === undefined && incoming[field] !== undefined) {
      record[field] = incoming[field];
      notes.push(`${field} set`);
    }
  }
  if (incoming.ids) {
    const ids = { ...(existing.ids ?? {}) };
    for (const [scheme, value] of Object.entries(incoming.ids)) if (value !== undefined && ids[scheme] === undefined) { ids[scheme] = value; notes.push(`ids.${scheme} set`); }
    if (Object.keys(ids).length > 0) existing.ids = ids;
  }
  const context = union(existing.context, incoming.context);
  if (context) existing.context = context;
  const sources = union(existing.sources, incoming.sources);
  if (sources) existing.sources = sources;
  return notes;
}

function applyOne(space: Workspace, operation: GazetteerOperation): OperationReport {
  switch (operation.op) {
    case 'add': {
      const { entry } = operation;
      if (typeof entry?.id !== 'string') fail('add: the entry has no id');
      if (space.exists(entry.id)) fail(`add: an entry '${entry.id}' already exists (use edit, or choose another --id)`);
      space.entries.push({ ...entry, names: entry.names ?? [] });
      return { op: 'add', id: entry.id, summary: `added ${entry.id} "${entry.name}" (${entry.kind}, ${(entry.names ?? []).length} names)` };
    }
    case 'set': {
      const entry = space.resolve(operation.id, 'edit');
      const done = setFields(entry, operation.set);
      return { op: 'set', id: entry.id, summary: `${entry.id}: ${done.join(', ')}` };
    }
    case 'alias-add': {
      const entry = space.resolve(operation.id, 'alias add');
      const lang = operation.lang ?? 'und';
      if (entry.names.some((name) => name.text === operation.text && name.lang === lang) || entry.name === operation.text) {
        fail(`alias add: '${operation.text}' is already a name of ${entry.id}`);
      }
      const type = checkNameType(operation.type ?? 'variant');
      entry.names.push(makeName(operation.text, lang, type, operation.source ?? 'curated', operation.script));
      return { op: 'alias-add', id: entry.id, summary: `${entry.id}: + "${operation.text}" (${lang}, ${type})` };
    }
    case 'alias-remove': {
      const entry = space.resolve(operation.id, 'alias remove');
      let kept = entry.names.filter((name) => name.text !== operation.text);
      if (kept.length === entry.names.length) kept = entry.names.filter((name) => foldName(name.text) !== foldName(operation.text));
      if (kept.length === entry.names.length) {
        if (foldName(entry.name) === foldName(operation.text)) fail(`alias remove: '${operation.text}' is the canonical name of ${entry.id}; change it with edit --set name=...`);
        fail(`alias remove: '${operation.text}' is not a name of ${entry.id}`);
      }
      const removed = entry.names.length - kept.length;
      entry.names = kept;
      return { op: 'alias-remove', id: entry.id, summary: `${entry.id}: - "${operation.text}" (${removed} name${removed === 1 ? '' : 's'})` };
    }
    case 'remove': {
      const index = space.indexOf(operation.id);
      if (index < 0) {
        if (space.base?.get(operation.id)) fail(`remove: '${operation.id}' is not in your file (it comes from another gazetteer); to retire it, merge it into another entry`);
        fail(`remove: no entry '${operation.id}'`);
      }
      const [removed] = space.entries.splice(index, 1);
      return { op: 'remove', id: operation.id, summary: `removed ${operation.id} "${removed!.name}"` };
    }
    case 'merge': {
      if (operation.keep === operation.other) fail('merge: KEEP_ID and OTHER_ID are the same');
      const keep = space.resolve(operation.keep, 'merge');
      const other = space.resolve(operation.other, 'merge');
      if (keep === other) fail(`merge: '${operation.other}' is already merged into ${keep.id}`);
      const notes = mergeInto(keep, other);
      space.entries.splice(space.entries.indexOf(other), 1);
      for (const entry of space.entries) if (entry.parent === other.id) entry.parent = keep.id;
      return { op: 'merge', id: keep.id, summary: `merged ${other.id} into ${keep.id} (${notes.join(', ')})` };
    }
    case 'upsert': {
      const { entry } = operation;
      const index = space.indexOf(entry.id);
      if (index < 0) {
        space.entries.push(structuredClone(entry));
        return { op: 'upsert', id: entry.id, summary: `added ${entry.id} "${entry.name}"` };
      }
      if (operation.mode === 'replace') {
        space.entries[index] = structuredClone(entry);
        return { op: 'upsert', id: entry.id, summary: `replaced ${entry.id}` };
      }
      const notes = upsertMerge(space.entries[index]!, entry);
      return { op: 'upsert', id: entry.id, summary: notes.length > 0 ? `updated ${entry.id}: ${notes.join(', ')}` : `unchanged ${entry.id}` };
    }
    default:
      fail(`unknown operation '${(operation as { op?: unknown }).op}'`);
  }
}

/** Apply operations in order to the entries of a user file; `base` (the rest of the gazetteer) resolves ids not in the file. */
export function applyOperations(entries: GazetteerEntry[], operations: readonly GazetteerOperation[], base?: Gazetteer): { entries: GazetteerEntry[]; reports: OperationReport[] } {
  const space = new Workspace(entries, base);
  for (const operation of operations) space.reports.push(applyOne(space, operation));
  return { entries: space.entries, reports: space.reports };
}

/** Parse `TEXT[:lang[:type]]` (the `--alias` flag; `TEXT::type` leaves the language out). A colon inside TEXT is kept when what follows is not a language tag. */
export function parseAliasSpec(spec: string): { text: string; lang?: string; type?: NameType } {
  const parts = spec.split(':');
  const isLang = (value: string) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u.test(value);
  if (parts.length >= 3 && (parts.at(-2) === '' || isLang(parts.at(-2)!)) && (NAME_TYPES as readonly string[]).includes(parts.at(-1)!)) {
    const lang = parts.at(-2)!;
    return { text: parts.slice(0, -2).join(':'), ...(lang === '' ? {} : { lang }), type: parts.at(-1)! as NameType };
  }
  if (parts.length >= 2 && isLang(parts.at(-1)!)) {
    return { text: parts.slice(0, -1).join(':'), lang: parts.at(-1)! };
  }
  return { text: spec };
}
