/**
 * Loading a gazetteer: the built-in files (`gazetteers/*.jsonl` in the installed package) followed
 * by the user's files (later entries with the same id override earlier ones), validated, expanded,
 * and cached on disk as a compiled index.
 */
import { promises as fs, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeSystemError, GazetteerError } from '../errors.js';
import { cacheFileFor, cacheKey, defaultCacheDir, deserializeIndex, readCacheFile, serializeIndex, sourceHashes, writeCacheFile } from './cache.js';
import { foldName } from './fold.js';
import { jsonLines } from './jsonl.js';
import { assembleGazetteer, buildFoldedIndex, expandEntries, mergeEntries } from './gazetteer.js';
import { packagePath } from './paths.js';
import { describeSchemaError, entryValidator } from './schema.js';
import type { Gazetteer, GazetteerEntry, GazetteerInfo } from './types.js';

/** Options of `loadGazetteer`. */
export interface LoadGazetteerOptions {
  /** User gazetteer files (JSONL), in precedence order: later files override earlier ones and the built-in one. */
  files?: string[];
  /** Include the built-in gazetteer first (default true). */
  builtin?: boolean;
  /** Where compiled indexes are cached (default `defaultCacheDir()`); `false` disables the cache. */
  cacheDir?: string | false;
}

/** The built-in gazetteer files, sorted (absolute paths inside the installed package). */
export function builtinGazetteerFiles(): string[] {
  const dir = packagePath('gazetteers');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.jsonl')).sort().map((n) => resolve(dir, n));
}

/** Parse one source file, checking each entry against the schema and ids for duplicates; throws on errors. */
function parseSource(file: string, text: string): GazetteerEntry[] {
  const validate = entryValidator();
  const entries: GazetteerEntry[] = [];
  const problems: string[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, value, error } of jsonLines(text)) {
    if (error !== undefined) {
      problems.push(`${file}:${line}: ${error}`);
      continue;
    }
    if (!validate(value)) {
      problems.push(`${file}:${line}: ${(validate.errors ?? []).map(describeSchemaError).join('; ')}`);
      continue;
    }
    const entry = value as GazetteerEntry;
    const first = lineOf.get(entry.id);
    if (first !== undefined) problems.push(`${file}:${line}: duplicate id '${entry.id}' (first at line ${first})`);
    else lineOf.set(entry.id, line);
    entries.push(entry);
  }
  if (problems.length > 0) {
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more; run 'transnorm gazetteer validate')` : '';
    throw new GazetteerError(`invalid gazetteer: ${problems.slice(0, 3).join('; ')}${more}`, { code: 'ERR_GAZETTEER_INVALID' });
  }
  return entries;
}

/**
 * Load the gazetteer: built-in files first (unless `builtin: false`), then `files`. Entries are
 * checked against the schema (an invalid file throws a `GazetteerError` naming file:line), aliases
 * are expanded (romanizations, morphology), and the compiled index is cached on disk, keyed by the
 * sources' contents and the code version; the next load with the same sources reads the cache.
 *
 * ```ts
 * const gazetteer = await loadGazetteer({ files: ['local.jsonl'] });
 * gazetteer.lookup('Golos Ameriki')[0]?.entry.name; // 'Voice of America'
 * ```
 */
export async function loadGazetteer(options: LoadGazetteerOptions = {}): Promise<Gazetteer> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  let mark = started;
  const lap = (step: string): void => {
    const now = performance.now();
    timings[step] = Math.round((now - mark) * 10) / 10;
    mark = now;
  };
  const files = [...(options.builtin === false ? [] : builtinGazetteerFiles()), ...(options.files ?? []).map((f) => resolve(f))];
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  let hashed: Awaited<ReturnType<typeof sourceHashes>>;
  try {
    hashed = await sourceHashes(files, cacheDir);
  } catch (error) {
    const file = (error as { path?: string }).path ?? files.join(', ');
    throw new GazetteerError(`cannot read gazetteer '${file}': ${describeSystemError(error)}`, { cause: error });
  }
  lap('read+hash');
  const key = cacheKey(hashed.hashes);
  const cacheFile = cacheDir === false ? undefined : cacheFileFor(cacheDir, key);
  const info = (cache: GazetteerInfo['cache']): GazetteerInfo => ({
    files, cache, ...(cacheFile === undefined || cache === 'off' ? {} : { cacheFile }), loadMs: Math.round((performance.now() - started) * 10) / 10, timings,
  });

  if (cacheFile !== undefined) {
    const buffer = await readCacheFile(cacheFile);
    lap('cache-read');
    if (buffer !== undefined) {
      let index: ReturnType<typeof deserializeIndex>;
      try {
        index = deserializeIndex(buffer, key);
      } catch {
        index = undefined; // A corrupt cache file is rebuilt below.
      }
      lap('deserialize');
      if (index !== undefined) {
        const result = info('hit');
        const gazetteer = assembleGazetteer(index.entries, index.aliases, index.index, result);
        lap('assemble');
        result.loadMs = Math.round((performance.now() - started) * 10) / 10;
        return gazetteer;
      }
    }
  }

  const contents = await Promise.all(files.map(async (file) => {
    const known = hashed.contents.get(file);
    if (known !== undefined) return known;
    try {
      return await fs.readFile(file);
    } catch (error) {
      throw new GazetteerError(`cannot read gazetteer '${file}': ${describeSystemError(error)}`, { cause: error });
    }
  }));
  lap('read');
  const entries = mergeEntries(files.flatMap((file, i) => parseSource(file, contents[i]!.toString('utf8'))));
  lap('parse');
  const aliases = expandEntries(entries);
  lap('expand');
  const index = buildFoldedIndex(aliases.map((alias) => foldName(alias.text)));
  lap('index');
  let cache: GazetteerInfo['cache'] = 'off';
  if (cacheDir !== false && cacheFile !== undefined) {
    let data: Buffer | undefined;
    try {
      data = serializeIndex(key, entries, aliases, index);
    } catch {
      data = undefined; // Unserializable data (a NUL in a name): work without a cache.
    }
    if (data !== undefined && (await writeCacheFile(cacheDir, cacheFile, data))) cache = 'miss';
    lap('cache-write');
  }
  const result = info(cache);
  const gazetteer = assembleGazetteer(entries, aliases, index, result);
  lap('assemble');
  result.loadMs = Math.round((performance.now() - started) * 10) / 10;
  return gazetteer;
}
