/**
 * A SymSpell-style delete index for the normalizer's fuzzy lookups. Every key is stored under
 * each string obtained by deleting up to `depth` of its (first 12) characters; a query makes
 * its own deletes, and two strings within `d` plain edits (insertions, deletions,
 * substitutions, adjacent swaps) always share a delete string of at most `d` deletions each. So the candidates
 * are found by hash probes alone, never by scanning keys or walking posting lists; the caller
 * verifies them with the weighted distance.
 *
 * The delete strings are never made: each is a 32-bit hash computed from prefix and suffix hashes
 * of the key (O(1) per delete), and the index is two typed arrays: a directory by the top bits of
 * the hash, and one 32-bit entry per (delete, key) holding the key id and, in the bits the id
 * leaves free, a fingerprint of the hash (other deletes in the same slot are told apart without a
 * second memory read). That keeps the 2.35 million deletes of the built-in gazetteer's fuzzy keys
 * at 4 bytes each, serializes as a memory copy, and makes a lookup allocate nothing. A hash
 * collision only adds a candidate, which the caller's verification rejects.
 */

/** Most deletions the index supports (two catches a typo plus a romanization change, or a swap at a distance). */
export const MAX_DEPTH = 2;

/**
 * Deletes are made of the first 12 characters only (SymSpell's prefix length). That loses no
 * match: a common subsequence of two strings within `d` deletions of each, cut to its pairs that
 * lie inside both prefixes, is within `d` deletions of each prefix (the property test in
 * `test/normalize/delete-index.test.ts` checks it). Long keys (multi-word names of up to 38
 * chars) would otherwise need hundreds of deletes each; the price is a few more candidates for
 * long queries, which the verification rejects.
 */
export const DEFAULT_PREFIX_LENGTH = 12;

/** Multiplier of the polynomial string hash (odd, so powers never vanish mod 2^32). */
const BASE = 0x01000193;

/** The index in plain arrays, for the on-disk cache. */
export interface StoredDeleteIndex {
  depth: number;
  prefixLength: number;
  keys: string[];
  /** Payloads of key i: `payloadIds[payloadStart[i] .. payloadStart[i + 1])`. */
  payloadStart: Int32Array;
  payloadIds: Int32Array;
  /** Bits of the hash that pick a directory slot. */
  bits: number;
  /** Entries of the deletes whose hash has top bits `b`: `entries[directory[b] .. directory[b + 1])`. */
  directory: Uint32Array;
  /** Per (delete, key): `fingerprint << idBits | key id`, the fingerprint being the hash's low bits. */
  entries: Uint32Array;
  /** Bits of an entry that hold the key id. */
  idBits: number;
}

/** Scratch buffers shared by all indexes (lookups never run concurrently in one thread). */
let prefix = new Int32Array(64);
let suffix = new Int32Array(64);
let power = new Int32Array(64);
let hashes = new Int32Array(1024);
let starts = new Uint32Array(1024);
let ends = new Uint32Array(1024);

/**
 * The hashes of the first `prefixLength` characters of `text` and of every string made by deleting
 * 1..`depth` of them, into `hashes[0 .. count)` (each once when `distinct`); returns the count.
 * Delete strings shorter than one character are skipped.
 */
function deleteHashes(text: string, depth: number, distinct: boolean, prefixLength: number): number {
  const n = Math.min(text.length, prefixLength);
  if (prefix.length <= n + 1) {
    prefix = new Int32Array(2 * n + 2);
    suffix = new Int32Array(2 * n + 2);
    power = new Int32Array(2 * n + 2);
  }
  const needed = 1 + n + (n * (n - 1)) / 2;
  if (hashes.length < needed) hashes = new Int32Array(2 * needed);
  // prefix[i]: hash of text[0, i); suffix[j]: hash of text[j, n) as the tail of a string
  // (each char weighted by BASE^(chars after it)); power[k] = BASE^k.
  power[0] = 1;
  prefix[0] = 0;
  for (let i = 0; i < n; i++) {
    power[i + 1] = Math.imul(power[i]!, BASE);
    prefix[i + 1] = (Math.imul(prefix[i]!, BASE) + text.charCodeAt(i)) | 0;
  }
  suffix[n] = 0;
  for (let j = n - 1; j >= 0; j--) suffix[j] = (Math.imul(text.charCodeAt(j), power[n - 1 - j]!) + suffix[j + 1]!) | 0;
  let count = 0;
  hashes[count++] = finish(prefix[n]!, n);
  if (depth >= 1 && n > 1) {
    for (let i = 0; i < n; i++) {
      // text without char i: the prefix shifted over the n-1-i chars that follow it.
      hashes[count++] = finish((Math.imul(prefix[i]!, power[n - 1 - i]!) + suffix[i + 1]!) | 0, n - 1);
    }
  }
  if (depth >= 2 && n > 2) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        // text without chars i and j: text[0, i) · text[i+1, j) · text[j+1, n).
        const middle = (prefix[j]! - Math.imul(prefix[i + 1]!, power[j - i - 1]!)) | 0;
        const head = (Math.imul(prefix[i]!, power[j - i - 1]!) + middle) | 0;
        hashes[count++] = finish((Math.imul(head, power[n - 1 - j]!) + suffix[j + 1]!) | 0, n - 2);
      }
    }
  }
  if (!distinct) return count;
  // Repeated letters give the same delete more than once; a key is stored once per delete.
  const sorted = hashes.subarray(0, count).sort();
  let unique = 0;
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  return unique;
}

/** Mix the polynomial hash with the length (murmur3's finalizer): all 32 bits then spread evenly. */
function finish(hash: number, length: number): number {
  let h = (hash ^ Math.imul(length, 0x9e3779b1)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** The fingerprint of a hash in an entry whose low `idBits` bits hold a key id: the hash's low `32 - idBits` bits. */
function fingerprintOf(hash: number, idBits: number): number {
  return hash & (2 ** (32 - idBits) - 1);
}

/** Which keys a delete index holds, and their payloads. */
export class DeleteIndex<T> {
  private keys: string[] = [];
  private payloads: T[][] = [];
  private keyIds = new Map<string, number>();
  /** Payloads of a restored index, decoded per key on first use. */
  private storedPayloads?: (id: number) => T[];
  private bits = 0;
  /** An empty table: one slot (`bits` 0), empty. */
  private directory: Uint32Array = new Uint32Array(2);
  private entries: Uint32Array = new Uint32Array(0);
  private idBits = 1;
  /** Keys added since the table was made (it is made on the first lookup or store). */
  private dirty = false;
  /** Per-key marks of the current lookup (dedupes candidates without a Set). */
  private marks = new Uint8Array(0);
  /** Candidates of the last `candidates` call (key ids, `found[0 .. count)`). */
  found = new Int32Array(64);

  /**
   * @param depth most deletions per string (≤ `MAX_DEPTH`): the index finds every key within
   *   that many plain edits of a query.
   * @param prefixLength deletes are made of this many first characters of keys and queries
   *   (see `DEFAULT_PREFIX_LENGTH`).
   */
  constructor(
    readonly depth = MAX_DEPTH,
    readonly prefixLength = DEFAULT_PREFIX_LENGTH,
  ) {
    if (depth < 0 || depth > MAX_DEPTH || !Number.isInteger(depth)) throw new RangeError(`delete index depth must be 0..${MAX_DEPTH}`);
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.keys.length;
  }

  /** Number of (delete, key) entries stored (memory indicator). */
  get deleteCount(): number {
    this.freeze();
    return this.entries.length;
  }

  /** The key with this id. */
  keyAt(id: number): string {
    return this.keys[id]!;
  }

  /** The payloads of the key with this id. */
  payloadsAt(id: number): T[] {
    return (this.payloads[id] ??= this.storedPayloads!(id));
  }

  /** Add a payload under a key. */
  add(key: string, payload: T): void {
    if (this.keyIds.size < this.keys.length) this.keyIds = new Map(this.keys.map((k, i) => [k, i]));
    const known = this.keyIds.get(key);
    if (known !== undefined) {
      this.payloadsAt(known).push(payload);
      return;
    }
    this.keyIds.set(key, this.keys.length);
    this.keys.push(key);
    this.payloads.push([payload]);
    this.dirty = true;
  }

  /**
   * Find the keys that share a delete string with `query`, made of at most `maxEdits` (rounded
   * up, capped at the depth) deletions from the query and at most `depth` from the key, looking
   * at the first `prefixLength` characters only: a superset of the keys within `ceil(maxEdits)`
   * plain edits (the caller verifies).
   * Their ids go to `found[0 .. count)`; returns the count. The buffer is reused by the next call.
   */
  candidates(query: string, maxEdits: number): number {
    this.freeze();
    const depth = Math.min(this.depth, Math.ceil(maxEdits));
    if (depth < 0 || this.keys.length === 0) return 0;
    const { directory, entries, marks, idBits } = this;
    const shift = 32 - this.bits;
    const idMask = (1 << idBits) - 1;
    const fingerprintMask = 2 ** (32 - idBits) - 1;
    const probes = deleteHashes(query, depth, false, this.prefixLength);
    // Slot starts and ends first, then the entries: each pass is a run of independent memory
    // reads the CPU overlaps, where one loop would wait for a directory read before each scan.
    if (starts.length < probes) {
      starts = new Uint32Array(2 * probes);
      ends = new Uint32Array(2 * probes);
    }
    for (let p = 0; p < probes; p++) {
      const slot = this.bits === 0 ? 0 : hashes[p]! >>> shift;
      starts[p] = directory[slot]!;
      ends[p] = directory[slot + 1]!;
    }
    let count = 0;
    for (let p = 0; p < probes; p++) {
      const fingerprint = hashes[p]! & fingerprintMask;
      for (let e = starts[p]!, end = ends[p]!; e < end; e++) {
        const entry = entries[e]!;
        if (entry >>> idBits !== fingerprint) continue;
        const id = entry & idMask;
        if (marks[id] !== 0) continue;
        marks[id] = 1;
        if (count === this.found.length) {
          const grown = new Int32Array(2 * count);
          grown.set(this.found);
          this.found = grown;
        }
        this.found[count++] = id;
      }
    }
    for (let i = 0; i < count; i++) marks[this.found[i]!] = 0;
    return count;
  }

  /** Keys sharing a delete with `query` (see `candidates`), with their payloads; allocates, for tests and tools. */
  near(query: string, maxEdits: number = this.depth): Array<{ key: string; payloads: T[] }> {
    const count = this.candidates(query, maxEdits);
    return Array.from(this.found.subarray(0, count), (id) => ({ key: this.keys[id]!, payloads: this.payloadsAt(id) }));
  }

  /**
   * Make the delete table from the keys added so far (done by the first lookup otherwise). A
   * counting sort by slot: no comparison sort of millions of entries.
   */
  freeze(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const { keys, depth } = this;
    // Key ids take the low bits of an entry; the fingerprint gets the rest (at least 8 bits).
    const idBits = Math.max(1, Math.ceil(Math.log2(keys.length + 1)));
    if (idBits > 24) throw new RangeError('delete index: more than 2^24 keys');
    // Slots sized from the most deletes the keys can have (repeated letters make fewer): 4 to 8
    // entries per slot, so a probe reads the directory and then one cache line, while the
    // directory stays a small part of the index (it is 4 bytes per slot).
    let bound = 0;
    for (const key of keys) {
      const n = Math.min(key.length, this.prefixLength);
      bound += 1 + (depth >= 1 ? n : 0) + (depth >= 2 ? (n * (n - 1)) / 2 : 0);
    }
    const bits = bound < 16 ? 0 : Math.min(24, Math.floor(Math.log2(bound / 8)));
    const shift = 32 - bits;
    const directory = new Uint32Array((1 << bits) + 1);
    let total = 0;
    for (let id = 0; id < keys.length; id++) {
      const count = deleteHashes(keys[id]!, depth, true, this.prefixLength);
      total += count;
      for (let i = 0; i < count; i++) directory[bits === 0 ? 0 : hashes[i]! >>> shift]!++;
    }
    let start = 0;
    for (let slot = 0; slot < directory.length; slot++) {
      const size = directory[slot]!;
      directory[slot] = start;
      start += size;
    }
    const fill = directory.slice();
    const entries = new Uint32Array(total);
    for (let id = 0; id < keys.length; id++) {
      const count = deleteHashes(keys[id]!, depth, true, this.prefixLength);
      for (let i = 0; i < count; i++) {
        const hash = hashes[i]!;
        entries[fill[bits === 0 ? 0 : hash >>> shift]!++] = ((fingerprintOf(hash, idBits) << idBits) | id) >>> 0;
      }
    }
    Object.assign(this, { bits, directory, entries, idBits, marks: new Uint8Array(keys.length) });
  }

  /** The index in plain arrays, each payload replaced by `idOf(payload)`. */
  store(idOf: (payload: T) => number): StoredDeleteIndex {
    this.freeze();
    const { keys } = this;
    const payloadStart = new Int32Array(keys.length + 1);
    const ids: number[] = [];
    for (let id = 0; id < keys.length; id++) {
      payloadStart[id] = ids.length;
      for (const payload of this.payloadsAt(id)) ids.push(idOf(payload));
    }
    payloadStart[keys.length] = ids.length;
    return {
      depth: this.depth, prefixLength: this.prefixLength, keys, payloadStart, payloadIds: Int32Array.from(ids), bits: this.bits, directory: this.directory, entries: this.entries, idBits: this.idBits,
    };
  }

  /** Rebuild an index from its stored form, each payload id replaced by `payloadOf(id)`; payload lists are made on first use. */
  static restore<T>(stored: StoredDeleteIndex, payloadOf: (id: number) => T): DeleteIndex<T> {
    const index = new DeleteIndex<T>(stored.depth, stored.prefixLength);
    index.keys = stored.keys;
    index.payloads = new Array<T[]>(stored.keys.length);
    index.storedPayloads = (id) => {
      const list: T[] = [];
      for (let p = stored.payloadStart[id]!; p < stored.payloadStart[id + 1]!; p++) list.push(payloadOf(stored.payloadIds[p]!));
      return list;
    };
    index.bits = stored.bits;
    index.directory = stored.directory;
    index.entries = stored.entries;
    index.idBits = stored.idBits;
    index.marks = new Uint8Array(stored.keys.length);
    if (stored.directory.length !== (1 << stored.bits) + 1 || stored.directory[1 << stored.bits] !== stored.entries.length || stored.keys.length >= 2 ** stored.idBits || stored.payloadStart.length !== stored.keys.length + 1) {
      throw new RangeError('stored delete index is inconsistent');
    }
    return index;
  }
}

/** The string itself and every string made by deleting 1..depth characters (a reference for tests). */
export function deleteVariants(key: string, depth: number): Set<string> {
  const out = new Set<string>([key]);
  let frontier = [key];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const word of frontier) {
      if (word.length <= 1) continue;
      for (let i = 0; i < word.length; i++) {
        const variant = word.slice(0, i) + word.slice(i + 1);
        if (!out.has(variant)) {
          out.add(variant);
          next.push(variant);
        }
      }
    }
    frontier = next;
  }
  return out;
}
