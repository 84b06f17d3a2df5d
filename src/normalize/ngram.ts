/**
 * A bigram index for fuzzy lookup: each key is stored under its padded bigrams (`^a`, `as`,
 * `sh`... `t$`); a query counts the bigrams it shares with each key through the posting lists
 * and keeps the keys that could be within the edit budget (each edit destroys at most two
 * bigrams). Survivors are verified with the weighted distance by the caller. Building costs one
 * posting per bigram, against SymSpell's one entry per delete variant (see the benchmark, which
 * measures both on the built-in gazetteer).
 */

/** Which keys an n-gram index holds, and their payloads. */
export class BigramIndex<T> {
  private keys: string[] = [];
  private payloads: T[][] = [];
  private gramCounts: number[] = [];
  private keyIds = new Map<string, number>();
  private postings = new Map<string, number[]>();
  private counts = new Uint16Array(0);
  private marks = new Uint8Array(0);

  /** Number of distinct keys. */
  get size(): number {
    return this.keys.length;
  }

  /** Number of postings stored (memory indicator). */
  get postingCount(): number {
    let total = 0;
    for (const list of this.postings.values()) total += list.length;
    return total;
  }

  /** Add a payload under a key. */
  add(key: string, payload: T): void {
    const known = this.keyIds.get(key);
    if (known !== undefined) {
      this.payloads[known]!.push(payload);
      return;
    }
    const id = this.keys.length;
    this.keys.push(key);
    this.payloads.push([payload]);
    this.keyIds.set(key, id);
    const grams = bigramsOf(key);
    this.gramCounts.push(grams.size);
    // Postings are kept per key length: a query only reads the lengths its edit budget allows.
    for (const gram of grams) {
      const slot = `${gram}\u0000${key.length}`;
      const list = this.postings.get(slot);
      if (list) list.push(id);
      else this.postings.set(slot, [id]);
    }
  }

  /**
   * Keys that share enough bigrams with `query` to be within `maxEdits` plain edits
   * (unverified), with their payloads.
   */
  near(query: string, maxEdits: number): Array<{ key: string; payloads: T[] }> {
    if (this.counts.length < this.keys.length) {
      this.counts = new Uint16Array(this.keys.length);
      this.marks = new Uint8Array(this.keys.length);
    }
    const { counts, marks } = this;
    const grams = [...bigramsOf(query)];
    const slack = 2 * Math.ceil(maxEdits);
    const maxLengthGap = Math.ceil(maxEdits);
    // For each query bigram, its posting lists over the allowed key lengths.
    const lists = grams
      .map((gram) => {
        const parts: number[][] = [];
        let size = 0;
        for (let length = Math.max(1, query.length - maxLengthGap); length <= query.length + maxLengthGap; length++) {
          const list = this.postings.get(`${gram}\u0000${length}`);
          if (list) {
            parts.push(list);
            size += list.length;
          }
        }
        return { parts, size };
      })
      .sort((a, b) => a.size - b.size);
    // Prefix filter: a key sharing at least |Q| - slack bigrams contains one of the slack + 1
    // rarest query bigrams, so only their (short) posting lists propose candidates...
    const touched: number[] = [];
    const seeds = Math.min(lists.length, slack + 1);
    for (let i = 0; i < seeds; i++) {
      for (const list of lists[i]!.parts) {
        for (const id of list) {
          if (marks[id] === 0) {
            marks[id] = 1;
            touched.push(id);
          }
        }
      }
    }
    // ...and the shared bigrams are counted for those candidates only.
    for (const { parts } of lists) for (const list of parts) for (const id of list) if (marks[id] === 1) counts[id]!++;
    const out: Array<{ key: string; payloads: T[] }> = [];
    for (const id of touched) {
      const shared = counts[id]!;
      counts[id] = 0;
      marks[id] = 0;
      const key = this.keys[id]!;
      if (Math.abs(key.length - query.length) > maxLengthGap) continue;
      if (shared < Math.max(grams.length, this.gramCounts[id]!) - slack) continue;
      out.push({ key, payloads: this.payloads[id]! });
    }
    return out;
  }
}

/** A bigram index in plain arrays (for the on-disk cache); payloads are numbers. */
export interface StoredBigramIndex {
  keys: string[];
  /** Payloads of key i: `payloadIds[payloadStart[i] .. payloadStart[i + 1])`. */
  payloadStart: Int32Array;
  payloadIds: Int32Array;
  gramCounts: Int32Array;
  /** Posting slots (`gram NUL length`), each with its key ids `slotIds[slotStart[s] .. slotStart[s + 1])`. */
  slots: string[];
  slotStart: Int32Array;
  slotIds: Int32Array;
}

/** The index in plain arrays, each payload replaced by `idOf(payload)`. */
export function storeBigramIndex<T>(index: BigramIndex<T>, idOf: (payload: T) => number): StoredBigramIndex {
  const inner = index as unknown as { keys: string[]; payloads: T[][]; gramCounts: number[]; postings: Map<string, number[]> };
  const payloadStart = new Int32Array(inner.keys.length + 1);
  const ids: number[] = [];
  inner.payloads.forEach((list, i) => {
    payloadStart[i] = ids.length;
    for (const payload of list) ids.push(idOf(payload));
  });
  payloadStart[inner.keys.length] = ids.length;
  const slots = [...inner.postings.keys()];
  const slotStart = new Int32Array(slots.length + 1);
  const slotIds: number[] = [];
  slots.forEach((slot, s) => {
    slotStart[s] = slotIds.length;
    for (const id of inner.postings.get(slot)!) slotIds.push(id);
  });
  slotStart[slots.length] = slotIds.length;
  return { keys: inner.keys, payloadStart, payloadIds: Int32Array.from(ids), gramCounts: Int32Array.from(inner.gramCounts), slots, slotStart, slotIds: Int32Array.from(slotIds) };
}

/** Rebuild an index from its stored form, each payload id replaced by `payloadOf(id)`. */
export function restoreBigramIndex<T>(stored: StoredBigramIndex, payloadOf: (id: number) => T): BigramIndex<T> {
  const index = new BigramIndex<T>();
  const inner = index as unknown as { keys: string[]; payloads: T[][]; gramCounts: number[]; keyIds: Map<string, number>; postings: Map<string, number[]> };
  inner.keys = stored.keys;
  inner.payloads = stored.keys.map((_, i) => {
    const list: T[] = [];
    for (let p = stored.payloadStart[i]!; p < stored.payloadStart[i + 1]!; p++) list.push(payloadOf(stored.payloadIds[p]!));
    return list;
  });
  inner.gramCounts = Array.from(stored.gramCounts);
  inner.keyIds = new Map(stored.keys.map((key, i) => [key, i]));
  inner.postings = new Map(stored.slots.map((slot, s) => [slot, Array.from(stored.slotIds.subarray(stored.slotStart[s]!, stored.slotStart[s + 1]!))]));
  return index;
}

/** The distinct padded bigrams of a key. */
export function bigramsOf(key: string): Set<string> {
  const padded = `^${key}$`;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 1; i++) grams.add(padded.slice(i, i + 2));
  return grams;
}
