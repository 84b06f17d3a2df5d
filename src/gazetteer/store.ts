/**
 * Safe edits of a user gazetteer file (JSON Lines). Every edit:
 *
 * 1. takes a lock on the file (`proper-lockfile`; a second editor waits, then fails with a clear
 *    message), so two concurrent edits can never lose each other's changes;
 * 2. reads the file afresh under the lock and applies the edit to its entries;
 * 3. validates the whole result (see {@link validateEdit}) and refuses to write an invalid one;
 * 4. writes the stable sorted format of `formatEntries` to a temp file in the same directory,
 *    fsyncs it and renames it over the file, so a crash at any moment leaves either the old or the
 *    new file, never half of one.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import lockfile from 'proper-lockfile';
import { GazetteerError, TransnormError, describeSystemError } from '../errors.js';
import { foldName } from './fold.js';
import { formatEntries, parseEntries } from './jsonl.js';
import type { Gazetteer, GazetteerEntry } from './types.js';
import { validateEntries } from './validate.js';

/** How long a second editor waits for the lock by default. */
export const DEFAULT_LOCK_WAIT_MS = 20_000;
/** A lock not refreshed for this long belongs to a dead process and is taken over. */
const LOCK_STALE_MS = 10_000;

/** Options of an edit. */
export interface StoreEditOptions {
  /** Accept aliases that become shared by several entities (they are ambiguous for the normalizer). */
  force?: boolean;
  /** Validate and compute the result but write nothing. */
  dryRun?: boolean;
  /** How long to wait for another edit to finish (ms). */
  lockWaitMs?: number;
  /**
   * The rest of the project's gazetteer (other user files, the built-in one): parents may point
   * into it and aliases must not become ambiguous with it. Entries of the edited file override it.
   */
  base?: Gazetteer;
}

/** One problem that makes an edit invalid. */
export interface EditProblem {
  rule: 'schema' | 'duplicate-id' | 'dangling-parent' | 'self-parent' | 'parent-cycle' | 'merged-id-live' | 'ambiguous-alias';
  id: string;
  message: string;
}

/** What an edit did. */
export interface StoreEditResult {
  path: string;
  before: GazetteerEntry[];
  after: GazetteerEntry[];
  /** Whether the file was (re)written: false for a dry run or when nothing changed. */
  written: boolean;
  /** New ambiguous aliases accepted with `force`. */
  forcedAmbiguous: EditProblem[];
}

/** Read a gazetteer file; a file that does not exist yet is an empty gazetteer. */
export async function readGazetteerFile(path: string): Promise<GazetteerEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new GazetteerError(`cannot read gazetteer '${path}': ${describeSystemError(error)}`, { cause: error });
  }
  return parseEntries(text, path);
}

/** The folded names (canonical + listed) of an entry: the keys under which it is found. */
function nameKeys(entry: GazetteerEntry): Set<string> {
  const keys = new Set<string>([foldName(entry.name)]);
  for (const name of entry.names ?? []) keys.add(foldName(name.text));
  keys.delete('');
  return keys;
}

/** Ids of the effective gazetteer having `key` as a name: the file's entries, then the base's (not overridden or merged away). */
function idsWithKey(key: string, text: string, entries: readonly GazetteerEntry[], keysById: Map<string, Set<string>>, base: Gazetteer | undefined, hidden: Set<string>): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) if (keysById.get(entry.id)?.has(key)) ids.add(entry.id);
  if (base) {
    for (const match of base.lookup(text)) {
      if (match.alias.origin === 'generated' || hidden.has(match.entry.id)) continue;
      if (foldName(match.alias.text) === key) ids.add(match.entry.id);
    }
  }
  return ids;
}

/** Ids that the file hides from the base: its own ids (overrides) and the ids merged into its entries. */
function hiddenIds(entries: readonly GazetteerEntry[]): Set<string> {
  const hidden = new Set<string>();
  for (const entry of entries) {
    hidden.add(entry.id);
    for (const old of entry.merged ?? []) hidden.add(old);
  }
  return hidden;
}

/**
 * Check the result of an edit: schema of every entry, no duplicate ids, no dangling parents (a
 * parent may live in the base), no merged id that is still a live entry, and no name that the edit
 * makes shared by several entities (an ambiguous alias) unless it already was.
 */
export function validateEdit(before: readonly GazetteerEntry[], after: readonly GazetteerEntry[], base?: Gazetteer): EditProblem[] {
  // Schema, duplicate ids, parents (dangling, self, cycles) by the gazetteer's own validator; alias
  // ambiguity is checked below, for the names this edit introduced only.
  const report = validateEntries(after, { ...(base ? { base } : {}), ambiguity: 'off', commonWords: false, aliases: [] });
  const problems: EditProblem[] = report.errors.map((issue) => ({
    rule: (['schema', 'duplicate-id', 'dangling-parent', 'self-parent', 'parent-cycle'] as const).find((rule) => rule === issue.rule) ?? 'schema',
    id: issue.id ?? '',
    message: issue.message,
  }));
  if (problems.length > 0) return problems;

  const seen = new Set(after.map((entry) => entry.id));
  const afterHidden = hiddenIds(after);
  const mergedInto = new Map<string, string>();
  for (const entry of after) for (const old of entry.merged ?? []) mergedInto.set(old, entry.id);
  for (const [old, keeper] of mergedInto) {
    if (seen.has(old)) problems.push({ rule: 'merged-id-live', id: old, message: `'${old}' is merged into '${keeper}' but is still an entry of its own` });
  }

  // Ambiguity: only the names the edit introduced or moved can have become ambiguous.
  const beforeById = new Map(before.map((entry) => [entry.id, entry]));
  const afterKeys = new Map(after.map((entry) => [entry.id, nameKeys(entry)]));
  const beforeKeys = new Map(before.map((entry) => [entry.id, nameKeys(entry)]));
  const touched = new Map<string, string>();
  for (const entry of after) {
    const previous = beforeById.get(entry.id);
    if (previous !== undefined && JSON.stringify(previous) === JSON.stringify(entry)) continue;
    const old = beforeKeys.get(entry.id) ?? new Set<string>();
    for (const text of [entry.name, ...(entry.names ?? []).map((name) => name.text)]) {
      const key = foldName(text);
      if (key !== '' && !old.has(key) && !touched.has(key)) touched.set(key, text);
    }
  }
  const beforeHidden = hiddenIds(before);
  for (const [key, text] of touched) {
    const now = idsWithKey(key, text, after, afterKeys, base, afterHidden);
    if (now.size < 2) continue;
    const then = idsWithKey(key, text, before, beforeKeys, base, beforeHidden);
    const added = [...now].filter((id) => !then.has(id));
    if (then.size >= 2 && added.length === 0) continue;
    const ids = [...now].sort();
    problems.push({ rule: 'ambiguous-alias', id: ids.join(','), message: `'${text}' would be a name of several entities: ${ids.join(', ')}` });
  }
  return problems;
}

/**
 * Test hooks, so that tests can reproduce a crash and an overlap deterministically:
 * `TRANSNORM_TEST_HANG=store:mid-write` stops a write half-way (the test kills the process there);
 * `TRANSNORM_TEST_PAUSE=store:after-read:MS` waits MS ms between reading the file and writing it.
 */
async function testHook(point: string, detail: string): Promise<void> {
  if (process.env.TRANSNORM_TEST_HANG === point) {
    process.stderr.write(`transnorm: test hang at ${point} (${detail})\n`);
    await new Promise<never>(() => setInterval(() => {}, 60_000));
  }
  const pause = process.env.TRANSNORM_TEST_PAUSE;
  if (pause?.startsWith(`${point}:`)) {
    process.stderr.write(`transnorm: test pause at ${point} (${detail})\n`);
    await new Promise((resolve) => setTimeout(resolve, Number(pause.slice(point.length + 1)) || 0));
  }
}

/** Remove temp files a crashed writer left behind (only the lock holder ever writes them). */
async function removeLeftoverTemps(path: string): Promise<void> {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp')).map((name) => fs.rm(join(dir, name), { force: true })));
}

/** Write `text` to `path` through a temp file in the same directory, fsynced, then renamed. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    const bytes = Buffer.from(text, 'utf8');
    const half = Math.floor(bytes.length / 2);
    await handle.write(bytes, 0, half);
    await testHook('store:mid-write', temp);
    await handle.write(bytes, half, bytes.length - half);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw new TransnormError(`cannot write '${path}': ${describeSystemError(error)}`, { cause: error, code: 'ERR_WRITE' });
  }
  // Make the rename itself durable where the platform allows it.
  try {
    const dirHandle = await fs.open(dirname(path), 'r');
    await dirHandle.sync().catch(() => {});
    await dirHandle.close();
  } catch {
    // Directories cannot be opened for fsync on some platforms; the rename is still atomic.
  }
}

/** Take the lock of a gazetteer file, waiting up to `waitMs` for another editor. Resolves to the release function. */
export async function lockGazetteerFile(path: string, waitMs: number = DEFAULT_LOCK_WAIT_MS): Promise<() => Promise<void>> {
  try {
    await fs.mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw new TransnormError(`cannot create the directory of '${path}': ${describeSystemError(error)}`, { cause: error, code: 'ERR_WRITE' });
  }
  const interval = 100;
  try {
    return await lockfile.lock(path, {
      realpath: false,
      stale: LOCK_STALE_MS,
      retries: { retries: Math.max(0, Math.ceil(waitMs / interval)), factor: 1, minTimeout: interval, maxTimeout: interval, randomize: false },
      onCompromised: (error) => {
        // Another process took the lock over (ours looked stale): stop rather than risk a lost edit.
        process.stderr.write(`transnorm: lock on '${path}' was lost (${error.message}); the edit was not written\n`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new GazetteerError(
        `'${path}' is being edited by another transnorm process (waited ${waitMs < 10_000 ? (waitMs / 1000).toFixed(1) : Math.round(waitMs / 1000)} s); try again, or delete '${path}.lock' if no transnorm process is running`,
        { cause: error, code: 'ERR_LOCKED' },
      );
    }
    throw new GazetteerError(`cannot lock '${path}': ${describeSystemError(error)}`, { cause: error, code: 'ERR_LOCK' });
  }
}

/** Format problems as one error message (first few, then a count). */
function problemsError(path: string, problems: readonly EditProblem[]): GazetteerError {
  const shown = problems.slice(0, 5).map((problem) => problem.message);
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
  const hint = problems.every((problem) => problem.rule === 'ambiguous-alias') ? ' (use --force to accept ambiguous aliases)' : '';
  return new GazetteerError(`edit of '${path}' refused: ${shown.join('; ')}${more}${hint}`, { code: 'ERR_GAZETTEER_INVALID' });
}

/**
 * Edit a gazetteer file safely: lock, read, `edit`, validate the whole result, write (temp +
 * rename, stable sorted format), unlock. `edit` gets a copy of the entries and returns the new
 * list; it may throw (a `TransnormError`) to refuse, and nothing is written then.
 */
export async function editGazetteerFile(
  path: string,
  edit: (entries: GazetteerEntry[]) => GazetteerEntry[] | Promise<GazetteerEntry[]>,
  options: StoreEditOptions = {},
): Promise<StoreEditResult> {
  const release = await lockGazetteerFile(path, options.lockWaitMs);
  try {
    await removeLeftoverTemps(path);
    const before = await readGazetteerFile(path);
    await testHook('store:after-read', path);
    const after = await edit(structuredClone(before));
    const problems = validateEdit(before, after, options.base);
    const blocking = problems.filter((problem) => problem.rule !== 'ambiguous-alias' || !options.force);
    if (blocking.length > 0) throw problemsError(path, blocking);
    const forcedAmbiguous = problems.filter((problem) => problem.rule === 'ambiguous-alias');
    const text = formatEntries(after);
    const unchanged = text === formatEntries(before);
    if (!options.dryRun && !unchanged) await writeAtomically(path, text);
    return { path, before, after: parseEntries(text, path), written: !options.dryRun && !unchanged, forcedAmbiguous };
  } finally {
    await release().catch(() => {});
  }
}
