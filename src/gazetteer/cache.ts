/**
 * The compiled index cache: entries plus their expanded aliases (and folded keys), serialized
 * with `serializeForCache` in a compact columnar form, keyed by a hash of the source files' contents
 * and of the code that builds the index (package version, this module's files, the romanization
 * data). A change to either gives a new key, so a stale index is never read.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultDeserializer, DefaultSerializer } from 'node:v8';
import { packagePath, packageVersion } from './paths.js';
import type { FoldedIndex, LazyAliases, LazyEntries } from './gazetteer.js';
import type { Alias, AliasOrigin, EntryName, GazetteerEntry, NameType } from './types.js';

/** Bumped whenever the serialized layout changes. */
export const INDEX_FORMAT = 6;
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
 * The serialized form, built for load speed: strings packed into buffers (`PackedStrings`: typed
 * arrays are read in place, while many short strings are slow to deserialize), numbers in typed
 * arrays, each entry as its own JSON slice and its names apart (each parsed when first read), and
 * the folded-alias index stored sorted so loading needs no hashing.
 */
interface CompiledIndex {
  format: number;
  key: string;
  entryCount: number;
  /** Entry ids. */
  ids: PackedStrings;
  /**
   * Each entry as JSON (UTF-8) with `names: 0` in place of its names, entry i at
   * `[entryStart[i], entryStart[i + 1])`; decoded on first access.
   */
  entryJson: Uint8Array;
  entryStart: Int32Array;
  /**
   * The entries' names, columnar: entry i has names `[nameStart[i], nameStart[i + 1])`, whose
   * texts are packed at bytes `[nameTextStart[i], nameTextStart[i + 1])` of `nameTexts`, and whose
   * other fields (with the keys in their order) are `nameShapes[nameShape[n]]`.
   */
  nameStart: Int32Array;
  nameTextStart: Int32Array;
  nameTexts: Uint8Array;
  nameShape: Uint16Array | Int32Array;
  nameShapes: EntryName[];
  /** `[entry index, merged ids]` for the entries that record merges. */
  merged: [number, string[]][];
  aliasCount: number;
  /** Per entry: its aliases are `[aliasStart[i], aliasStart[i + 1])` (aliases are grouped by entry). */
  aliasStart: Int32Array;
  aliasText: PackedStrings;
  meta: Uint16Array;
  metas: AliasMeta[];
  /** Index into `fromTexts`, or -1. */
  from: Int32Array;
  fromTexts: PackedStrings;
  /** The folded index: unique keys, group starts, alias indices. */
  keys: PackedStrings;
  keyStart: Int32Array;
  keyAliases: Int32Array;
}

/** Strings joined into one UTF-8 buffer, NUL-separated; throws when a string holds U+0000. */
function joinStrings(values: readonly string[]): Buffer {
  for (const value of values) if (value.includes(SEP)) throw new Error('a gazetteer string contains U+0000; not cached');
  return Buffer.from(values.join(SEP), 'utf8');
}

/** The strings of a `joinStrings` buffer (`count` of them: one empty buffer is one empty string). */
function splitStrings(bytes: Uint8Array, count: number, encoding: 'latin1' | 'utf8'): string[] {
  if (count === 0) return [];
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding).split(SEP);
}

/**
 * A list of strings packed for a cache file: the ASCII ones and the others apart, each group
 * NUL-separated in list order. Decoded as one UTF-8 text, a list with any non-Latin-1 string
 * becomes one two-byte string whose pieces are two-byte as well; decoded apart, ASCII strings (most
 * of them) take half the memory, and allocating it in a fresh heap is what unpacking spends its
 * time on.
 */
export interface PackedStrings {
  ascii: Uint8Array;
  asciiCount: number;
  other: Uint8Array;
  otherCount: number;
  /** Bit `i & 7` of byte `i >> 3` is set when string `i` is one of `other`. */
  isOther: Uint8Array;
}

/** Pack strings for a cache file; throws when a string holds U+0000. */
export function pack(values: readonly string[]): PackedStrings {
  const ascii: string[] = [];
  const other: string[] = [];
  const isOther = new Uint8Array((values.length + 7) >> 3);
  values.forEach((value, i) => {
    if (/^[\x00-\x7f]*$/u.test(value)) ascii.push(value);
    else {
      other.push(value);
      isOther[i >> 3]! |= 1 << (i & 7);
    }
  });
  return { ascii: joinStrings(ascii), asciiCount: ascii.length, other: joinStrings(other), otherCount: other.length, isOther };
}

/** The strings of `pack`, in their order. */
export function unpack(packed: PackedStrings): string[] {
  // Latin-1 decodes ASCII as it is, and gives one-byte strings.
  const ascii = splitStrings(packed.ascii, packed.asciiCount, 'latin1');
  if (packed.otherCount === 0) return ascii;
  const other = splitStrings(packed.other, packed.otherCount, 'utf8');
  const count = packed.asciiCount + packed.otherCount;
  const values = new Array<string>(count);
  for (let i = 0, a = 0, o = 0; i < count; i++) values[i] = (packed.isOther[i >> 3]! >> (i & 7)) & 1 ? other[o++]! : ascii[a++]!;
  return values;
}

/** The typed-array kinds a cache file may hold, by their code in the file. */
const ARRAY_KINDS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array] as const;
type CachedArray = InstanceType<(typeof ARRAY_KINDS)[number]>;
/** Where each typed array starts in a cache file's body: a multiple of the widest element. */
const ARRAY_ALIGNMENT = 8;
const alignUp = (offset: number): number => Math.ceil(offset / ARRAY_ALIGNMENT) * ARRAY_ALIGNMENT;

/**
 * `v8.serialize` with typed arrays written out of line: the value records each one's kind, place
 * and length, and its bytes follow in a body where every array starts on an 8-byte boundary.
 * `v8.deserialize` must copy each typed array whose bytes happen to sit misaligned in the file
 * (most `Int32Array`s: 17 MB of the built-in gazetteer's normalizer index), while aligned ones are
 * viewed in place.
 */
class OutOfLineSerializer extends DefaultSerializer {
  readonly arrays: { array: CachedArray; offset: number }[] = [];
  bodyLength = 0;

  /** Called by V8 for each typed array (`DefaultSerializer` treats them as host objects). */
  _writeHostObject(object: object): void {
    const kind = ARRAY_KINDS.findIndex((type) => object instanceof type);
    if (kind < 0) throw new TypeError('a cache file holds no host objects but typed arrays');
    const array = object as CachedArray;
    const offset = alignUp(this.bodyLength);
    this.writeUint32(kind);
    this.writeUint32(offset);
    this.writeUint32(array.length);
    this.arrays.push({ array, offset });
    this.bodyLength = offset + array.byteLength;
  }
}

/** Reads what `OutOfLineSerializer` wrote: each typed array is a view of `body`. */
class OutOfLineDeserializer extends DefaultDeserializer {
  constructor(head: Uint8Array, private readonly body: NonSharedBuffer) {
    super(head);
  }

  /** Called by V8 for each typed array. */
  _readHostObject(): CachedArray {
    const type = ARRAY_KINDS[this.readUint32()];
    const offset = this.readUint32();
    const length = this.readUint32();
    if (type === undefined || offset % ARRAY_ALIGNMENT !== 0 || offset + length * type.BYTES_PER_ELEMENT > this.body.byteLength) {
      throw new RangeError('corrupt cache file: a typed array out of bounds');
    }
    return new type(this.body.buffer, this.body.byteOffset + offset, length);
  }
}

/**
 * Serialize a value for a cache file (see `OutOfLineSerializer`): a 4-byte head length, the
 * head (`v8` format), zero padding to 8 bytes, then the typed arrays' bytes.
 */
export function serializeForCache(value: unknown): Buffer {
  const serializer = new OutOfLineSerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  const head = serializer.releaseBuffer();
  const bodyStart = alignUp(4 + head.byteLength);
  const file = Buffer.alloc(bodyStart + serializer.bodyLength);
  file.writeUInt32LE(head.byteLength, 0);
  file.set(head, 4);
  for (const { array, offset } of serializer.arrays) file.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), bodyStart + offset);
  return file;
}

/**
 * The value of a `serializeForCache` file. Its typed arrays are views of `file` (kept alive by
 * them), so the file is read without copying them. Throws on a file that is not one.
 */
export function deserializeFromCache(file: Uint8Array): unknown {
  const { buffer, byteOffset, byteLength } = file;
  // A file read whole is its own allocation and so aligned; a slice of a pooled buffer may not be.
  const bytes = buffer instanceof ArrayBuffer && byteOffset % ARRAY_ALIGNMENT === 0 ? Buffer.from(buffer, byteOffset, byteLength) : Buffer.from(new Uint8Array(file).buffer);
  const headLength = bytes.readUInt32LE(0);
  const bodyStart = alignUp(4 + headLength);
  if (bodyStart > bytes.byteLength) throw new RangeError('corrupt cache file: truncated');
  const deserializer = new OutOfLineDeserializer(bytes.subarray(4, 4 + headLength), bytes.subarray(bodyStart));
  deserializer.readHeader();
  return deserializer.readValue();
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
    // `names: 0` keeps the key's place; the names themselves are stored apart (see `storeNames`).
    const json = Buffer.from(JSON.stringify({ ...entry, names: 0 }), 'utf8');
    entryJson.push(json);
    entryStart[i] = offset;
    offset += json.byteLength;
    if (entry.merged !== undefined && entry.merged.length > 0) merged.push([i, entry.merged]);
  });
  entryStart[entries.length] = offset;
  const compiled: CompiledIndex = {
    format: INDEX_FORMAT, key, entryCount: entries.length, ids: pack(entries.map((e) => e.id)), entryJson: Buffer.concat(entryJson), entryStart, merged,
    ...storeNames(entries),
    aliasCount: n, aliasStart,
    aliasText: pack(text), meta, metas, from, fromTexts: pack(fromTexts),
    keys: pack(index.keys), keyStart: index.keyStart, keyAliases: index.keyAliases,
  };
  return serializeForCache(compiled);
}

/**
 * The entries' names in the columnar form of `CompiledIndex`. Names repeat a few hundred
 * combinations of language, script, type and source, so this is a sixth of their JSON, and
 * loading reads that much less.
 */
function storeNames(entries: readonly GazetteerEntry[]): Pick<CompiledIndex, 'nameStart' | 'nameTextStart' | 'nameTexts' | 'nameShapes' | 'nameShape'> {
  const nameStart = new Int32Array(entries.length + 1);
  const nameTextStart = new Int32Array(entries.length + 1);
  const texts: Uint8Array[] = [];
  const nameShapes: EntryName[] = [];
  const shapeIndex = new Map<string, number>();
  const shapes: number[] = [];
  let textOffset = 0;
  entries.forEach((entry, i) => {
    nameStart[i] = shapes.length;
    nameTextStart[i] = textOffset;
    const packed = joinStrings(entry.names.map((name) => name.text));
    texts.push(packed);
    textOffset += packed.byteLength;
    for (const name of entry.names) {
      // The name with its text blanked: its other fields, and the place of `text` among its keys.
      const shape = { ...name, text: '' };
      const shapeKey = JSON.stringify(shape);
      let code = shapeIndex.get(shapeKey);
      if (code === undefined) {
        code = nameShapes.length;
        shapeIndex.set(shapeKey, code);
        nameShapes.push(shape);
      }
      shapes.push(code);
    }
  });
  nameStart[entries.length] = shapes.length;
  nameTextStart[entries.length] = textOffset;
  const nameShape = nameShapes.length <= 0x10000 ? Uint16Array.from(shapes) : Int32Array.from(shapes);
  return { nameStart, nameTextStart, nameTexts: Buffer.concat(texts), nameShapes, nameShape };
}

/** The names of lazily decoded entries: how to decode them, and once read (or assigned), them. */
const lazyNames = new WeakMap<object, { decode: () => EntryName[]; names?: EntryName[] }>();

/**
 * The `names` accessor of lazily decoded entries. One accessor shared by all, never turned into a
 * data property: either (an accessor per entry, or redefining it) would put each entry in V8's
 * slow dictionary mode, and the normalizer reads entries' other fields in its inner loops.
 */
const LAZY_NAMES: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: object): EntryName[] {
    const state = lazyNames.get(this)!;
    return (state.names ??= state.decode());
  },
  set(this: object, names: EntryName[]): void {
    lazyNames.get(this)!.names = names;
  },
};

/**
 * `parsed` with its `names` (a placeholder) decoded by `decode` on first read. The keys keep their
 * order, so the entry reads, spreads and serializes as if parsed whole.
 */
function withLazyNames(parsed: GazetteerEntry, decode: () => EntryName[]): GazetteerEntry {
  const entry: Record<string, unknown> = {};
  for (const key of Object.keys(parsed)) {
    const value = (parsed as unknown as Record<string, unknown>)[key];
    if (key === 'names') Object.defineProperty(entry, key, LAZY_NAMES);
    // An entry may carry any key: `__proto__` must be defined, as assigning it sets the prototype.
    else if (key === '__proto__') Object.defineProperty(entry, key, { value, writable: true, enumerable: true, configurable: true });
    else entry[key] = value;
  }
  lazyNames.set(entry, { decode });
  return entry as unknown as GazetteerEntry;
}

/** Entries, aliases and the folded index from a serialized index; undefined if it is not one for `key`. */
export function deserializeIndex(buffer: Buffer, key: string): { entries: LazyEntries; aliases: LazyAliases; index: () => FoldedIndex } | undefined {
  const compiled = deserializeFromCache(buffer) as Partial<CompiledIndex>;
  if (compiled.format !== INDEX_FORMAT || compiled.key !== key) return undefined;
  const c = compiled as CompiledIndex;
  // Entries are decoded on demand too: a lookup parses only the entries it returns.
  const ids = unpack(c.ids);
  const json = Buffer.from(c.entryJson.buffer, c.entryJson.byteOffset, c.entryJson.byteLength);
  const decodedEntries: (GazetteerEntry | undefined)[] = new Array<GazetteerEntry | undefined>(c.entryCount);
  const namesAt = (i: number): EntryName[] => {
    const first = c.nameStart[i]!;
    const count = c.nameStart[i + 1]! - first;
    const texts = splitStrings(c.nameTexts.subarray(c.nameTextStart[i]!, c.nameTextStart[i + 1]!), count, 'utf8');
    const names = new Array<EntryName>(count);
    // Spreading the shape puts the keys in their stored order; `text` keeps its place among them.
    for (let n = 0; n < count; n++) names[n] = { ...c.nameShapes[c.nameShape[first + n]!]!, text: texts[n]! };
    return names;
  };
  // Names are decoded apart, when first read: most consumers (the normalizer) never read them.
  const entryAt = (i: number): GazetteerEntry => {
    let entry = decodedEntries[i];
    if (entry === undefined) {
      const parsed = JSON.parse(json.toString('utf8', c.entryStart[i]!, c.entryStart[i + 1]!)) as GazetteerEntry;
      entry = decodedEntries[i] = withLazyNames(parsed, () => namesAt(i));
    }
    return entry;
  };
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
  let entityOf: Int32Array | undefined;
  const decoded: (Alias | undefined)[] = new Array<Alias | undefined>(c.aliasCount);
  const at = (i: number): Alias => {
    let alias = decoded[i];
    if (alias !== undefined) return alias;
    text ??= unpack(c.aliasText);
    fromList ??= unpack(c.fromTexts);
    if (entityOf === undefined) {
      entityOf = new Int32Array(c.aliasCount);
      for (let e = 0; e < c.entryCount; e++) entityOf.fill(e, c.aliasStart[e]!, c.aliasStart[e + 1]!);
    }
    const m = c.metas[c.meta[i]!]!;
    const f = c.from[i]!;
    // Every optional key present, `undefined` when absent: all aliases share one hidden class (see `rawCandidate` in the normalizer).
    alias = { text: text[i]!, entity: ids[entityOf[i]!]!, origin: m.origin, type: m.type, lang: m.lang, script: m.script, scheme: m.scheme, from: f >= 0 ? fromList[f]! : undefined, common: m.common ? true : undefined };
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
  const index = (): FoldedIndex => ({ keys: unpack(c.keys), keyStart: c.keyStart, keyAliases: c.keyAliases });
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
