/**
 * The compiled index cache: entries plus their expanded aliases (and folded keys), serialized
 * with `v8.serialize` in a compact columnar form, keyed by a hash of the source files' contents
 * and of the code that builds the index (package version, this module's files, the romanization
 * data). A change to either gives a new key, so a stale index is never read.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { packagePath, packageVersion } from './paths.js';
import type { FoldedIndex, LazyAliases, LazyEntries } from './gazetteer.js';
import type { Alias, AliasOrigin, GazetteerEntry, NameType } from './types.js';

/** Bumped whenever the serialized layout changes. */
export const INDEX_FORMAT = 5;
const PREFIX = 'gazetteer-';
const SUFFIX = '.v8';
/** How many compiled indexes (different file sets) to keep. */
const KEEP = 6;

/**
 * The default cache directory: `$TRANSNORM_CACHE_DIR`, else `$XDG_CACHE_HOME/transnorm`, else
 * `~/.cache/transnorm`.
 */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env.TRANSNORM_CACHE_DIR) return env.TRANSNORM_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'transnorm');
  return join(homedir(), '.cache', 'transnorm');
}

function listFiles(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listFiles(path, out);
    else if (/\.(?:js|ts|json)$/u.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
}

/** The modules whose code determines the compiled index. */
const INDEX_MODULES = ['cache', 'expand', 'fold', 'gazetteer', 'types', 'common-words'];

let fingerprint: string | undefined;

/** Hash of everything that shapes the compiled index besides the sources. */
export function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  hash.update(`format ${INDEX_FORMAT}\0version ${packageVersion()}\0`);
  const here = dirname(fileURLToPath(import.meta.url));
  const ext = fileURLToPath(import.meta.url).endsWith('.ts') ? '.ts' : '.js';
  // Only the modules that shape the index (not the whole folder: editing tools live there too).
  const files = INDEX_MODULES.map((name) => join(here, name + ext));
  listFiles(join(here, 'romanize'), files);
  listFiles(packagePath('data', 'romanization'), files);
  for (const file of files) hash.update(readFileSync(file)).update('\0');
  return (fingerprint = hash.digest('hex'));
}

/** The SHA-256 of one source file's contents (hex). */
export function contentHash(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The cache key of a set of sources, given their content hashes in load order. */
export function cacheKey(contentHashes: readonly string[]): string {
  const hash = createHash('sha256').update(codeFingerprint());
  for (const content of contentHashes) hash.update(content).update('\0');
  return hash.digest('hex').slice(0, 32);
}

interface HashMemo {
  [path: string]: { size: number; mtimeMs: number; ino: number; sha256: string };
}

const MEMO = 'source-hashes.json';

/**
 * Content hashes of the source files. With a cache directory, a file whose size, mtime and inode
 * are unchanged since it was last hashed is not read again (the memo lives next to the compiled
 * indexes); any change to the file changes its mtime, so it is read and hashed anew.
 * `contents` holds the files that had to be read.
 */
export async function sourceHashes(files: readonly string[], cacheDir: string | false): Promise<{ hashes: string[]; contents: Map<string, Buffer> }> {
  const contents = new Map<string, Buffer>();
  let memo: HashMemo = {};
  if (cacheDir !== false) {
    try {
      memo = JSON.parse(await fs.readFile(join(cacheDir, MEMO), 'utf8')) as HashMemo;
    } catch {
      memo = {};
    }
  }
  let changed = false;
  const hashes: string[] = [];
  for (const file of files) {
    const stat = await fs.stat(file);
    const known = memo[file];
    if (cacheDir !== false && known !== undefined && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.ino === stat.ino) {
      hashes.push(known.sha256);
      continue;
    }
    const content = await fs.readFile(file);
    contents.set(file, content);
    const sha256 = contentHash(content);
    hashes.push(sha256);
    memo[file] = { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, sha256 };
    changed = true;
  }
  if (changed && cacheDir !== false) {
    await writeCacheFile(cacheDir, join(cacheDir, MEMO), Buffer.from(JSON.stringify(memo))).catch(() => false);
  }
  return { hashes, contents };
}

interface AliasMeta {
  origin: AliasOrigin;
  type: NameType | 'canonical';
  lang: string;
  script: string;
  scheme?: string;
  common?: boolean;
}

/** Separator of packed string columns (schema-valid names never contain it). */
const SEP = '\u0000';

/**
 * The serialized form, built for load speed: strings packed into UTF-8 buffers (V8 copies typed
 * arrays almost for free, while many short or two-byte strings are slow to deserialize), numbers
 * in typed arrays, each entry as its own JSON slice (parsed when first read), and the
 * folded-alias index stored sorted so loading needs no hashing.
 */
interface CompiledIndex {
  format: number;
  key: string;
  entryCount: number;
  /** Packed entry ids (UTF-8). */
  ids: Uint8Array;
  /** Each entry as JSON (UTF-8), entry i at `[entryStart[i], entryStart[i + 1])`; decoded on first access. */
  entryJson: Uint8Array;
  entryStart: Int32Array;
  /** `[entry index, merged ids]` for the entries that record merges. */
  merged: [number, string[]][];
  aliasCount: number;
  /** Per entry: its aliases are `[aliasStart[i], aliasStart[i + 1])` (aliases are grouped by entry). */
  aliasStart: Int32Array;
  /** Packed alias texts (UTF-8). */
  aliasText: Uint8Array;
  meta: Uint16Array;
  metas: AliasMeta[];
  /** Index into `fromTexts`, or -1. */
  from: Int32Array;
  fromTexts: Uint8Array;
  /** The folded index: packed unique keys, group starts, alias indices. */
  keys: Uint8Array;
  keyStart: Int32Array;
  keyAliases: Int32Array;
}

/** Pack strings into one UTF-8 buffer (NUL-separated; throws when a string holds U+0000). */
export function pack(values: readonly string[]): Uint8Array {
  for (const value of values) if (value.includes(SEP)) throw new Error('a gazetteer string contains U+0000; not cached');
  return Buffer.from(values.join(SEP), 'utf8');
}

/** The strings of `pack` (`count` 0 for an empty list). */
export function unpack(bytes: Uint8Array, count: number): string[] {
  if (count === 0) return [];
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').split(SEP);
}

/** Serialize entries and aliases (grouped by entry, in entry order). Throws when a string holds U+0000. */
export function serializeIndex(key: string, entries: readonly GazetteerEntry[], aliases: readonly Alias[], index: FoldedIndex): Buffer {
  const entityIndex = new Map(entries.map((e, i) => [e.id, i]));
  const aliasStart = new Int32Array(entries.length + 1);
  const metaIndex = new Map<string, number>();
  const metas: AliasMeta[] = [];
  const fromIndex = new Map<string, number>();
  const fromTexts: string[] = [];
  const n = aliases.length;
  const meta = new Uint16Array(n);
  const from = new Int32Array(n);
  const text: string[] = new Array<string>(n);
  let entry = -1;
  for (let i = 0; i < n; i++) {
    const a = aliases[i]!;
    const e = entityIndex.get(a.entity);
    if (e === undefined || e < entry) throw new Error('aliases must be grouped by entry, in entry order');
    while (entry < e) aliasStart[++entry] = i;
    text[i] = a.text;
    const metaKey = `${a.origin}\0${a.type}\0${a.lang}\0${a.script}\0${a.scheme ?? ''}\0${a.common ? 1 : 0}`;
    let m = metaIndex.get(metaKey);
    if (m === undefined) {
      m = metas.length;
      if (m > 0xffff) throw new Error('too many alias kinds for the index format');
      metaIndex.set(metaKey, m);
      const record: AliasMeta = { origin: a.origin, type: a.type, lang: a.lang, script: a.script };
      if (a.scheme !== undefined) record.scheme = a.scheme;
      if (a.common) record.common = true;
      metas.push(record);
    }
    meta[i] = m;
    if (a.from === undefined) from[i] = -1;
    else {
      let f = fromIndex.get(a.from);
      if (f === undefined) {
        f = fromTexts.length;
        fromIndex.set(a.from, f);
        fromTexts.push(a.from);
      }
      from[i] = f;
    }
  }
  while (entry < entries.length) aliasStart[++entry] = n;
  const entryJson: Buffer[] = [];
  const entryStart = new Int32Array(entries.length + 1);
  const merged: [number, string[]][] = [];
  let offset = 0;
  entries.forEach((entry, i) => {
    const json = Buffer.from(JSON.stringify(entry), 'utf8');
    entryJson.push(json);
    entryStart[i] = offset;
    offset += json.byteLength;
    if (entry.merged !== undefined && entry.merged.length > 0) merged.push([i, entry.merged]);
  });
  entryStart[entries.length] = offset;
  const compiled: CompiledIndex = {
    format: INDEX_FORMAT, key, entryCount: entries.length, ids: pack(entries.map((e) => e.id)), entryJson: Buffer.concat(entryJson), entryStart, merged,
    aliasCount: n, aliasStart,
    aliasText: pack(text), meta, metas, from, fromTexts: pack(fromTexts),
    keys: pack(index.keys), keyStart: index.keyStart, keyAliases: index.keyAliases,
  };
  return serialize(compiled);
}

/** Entries, aliases and the folded index from a serialized index; undefined if it is not one for `key`. */
export function deserializeIndex(buffer: Buffer, key: string): { entries: LazyEntries; aliases: LazyAliases; index: () => FoldedIndex } | undefined {
  const compiled = deserialize(buffer) as Partial<CompiledIndex>;
  if (compiled.format !== INDEX_FORMAT || compiled.key !== key) return undefined;
  const c = compiled as CompiledIndex;
  // Entries are decoded on demand too: a lookup parses only the entries it returns.
  const ids = unpack(c.ids, c.entryCount);
  const json = Buffer.from(c.entryJson.buffer, c.entryJson.byteOffset, c.entryJson.byteLength);
  const decodedEntries: (GazetteerEntry | undefined)[] = new Array<GazetteerEntry | undefined>(c.entryCount);
  const entryAt = (i: number): GazetteerEntry =>
    (decodedEntries[i] ??= JSON.parse(json.toString('utf8', c.entryStart[i]!, c.entryStart[i + 1]!)) as GazetteerEntry);
  let allEntries: GazetteerEntry[] | undefined;
  const entries: LazyEntries = {
    count: c.entryCount,
    ids,
    at: entryAt,
    all: () => (allEntries ??= Array.from({ length: c.entryCount }, (_, i) => entryAt(i))),
    merged: c.merged,
  };
  // Aliases are decoded on demand: one at a time for lookups, all at once for `gazetteer.aliases`.
  let text: string[] | undefined;
  let fromList: string[] | undefined;
  const entityOf = new Int32Array(c.aliasCount);
  for (let e = 0; e < c.entryCount; e++) entityOf.fill(e, c.aliasStart[e]!, c.aliasStart[e + 1]!);
  const decoded: (Alias | undefined)[] = new Array<Alias | undefined>(c.aliasCount);
  const at = (i: number): Alias => {
    let alias = decoded[i];
    if (alias !== undefined) return alias;
    text ??= unpack(c.aliasText, c.aliasCount);
    fromList ??= unpack(c.fromTexts, c.fromTexts.byteLength === 0 ? 0 : 1);
    const m = c.metas[c.meta[i]!]!;
    const f = c.from[i]!;
    alias = { text: text[i]!, entity: ids[entityOf[i]!]!, origin: m.origin, type: m.type, lang: m.lang, script: m.script };
    if (m.scheme !== undefined) alias.scheme = m.scheme;
    if (f >= 0) alias.from = fromList[f]!;
    if (m.common) alias.common = true;
    decoded[i] = alias;
    return alias;
  };
  let all: Alias[] | undefined;
  const aliases: LazyAliases = {
    count: c.aliasCount,
    at,
    all: () => (all ??= Array.from({ length: c.aliasCount }, (_, i) => at(i))),
    start: c.aliasStart,
  };
  // The folded index is unpacked on first lookup: consumers that build their own index from
  // `aliases` (the normalizer) never pay for it.
  const index = (): FoldedIndex => ({ keys: unpack(c.keys, c.keyStart.length - 1), keyStart: c.keyStart, keyAliases: c.keyAliases });
  return { entries, aliases, index };
}

/** The cache file for a key. */
export function cacheFileFor(dir: string, key: string): string {
  return join(dir, `${PREFIX}${key}${SUFFIX}`);
}

/** Read a cache file; undefined when absent or unreadable. */
export async function readCacheFile(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch {
    return undefined;
  }
}

/**
 * Write a cache file atomically (temp file + rename, so concurrent readers and writers never see
 * half a file) and prune older indexes. Best effort: returns false when the directory is not
 * writable (the gazetteer still works, just without a cache).
 */
export async function writeCacheFile(dir: string, file: string, data: Buffer): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch {
    await fs.rm(temp, { force: true }).catch(() => {});
    return false;
  }
  await pruneCache(dir, file).catch(() => {});
  return true;
}

async function pruneCache(dir: string, keep: string): Promise<void> {
  const names = (await fs.readdir(dir)).filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX));
  const withTimes = await Promise.all(names.map(async (n) => ({ path: join(dir, n), mtime: (await fs.stat(join(dir, n))).mtimeMs })));
  withTimes.sort((a, b) => b.mtime - a.mtime);
  for (const old of withTimes.slice(KEEP)) if (old.path !== keep) await fs.rm(old.path, { force: true });
}
