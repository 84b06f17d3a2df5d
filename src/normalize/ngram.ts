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
  private gramCounts: number[] | Int32Array = [];
  private keyIds = new Map<string, number>();
  /** Posting lists by bigram, then by key length (no string built per lookup). */
  private postings = new Map<string, Array<number[] | Int32Array | undefined>>();
  /** Payloads of a restored index, decoded per key on first use. */
  private storedPayloads?: (id: number) => T[];
  private counts = new Uint16Array(0);
  private marks = new Uint8Array(0);

  /** Number of distinct keys. */
  get size(): number {
    return this.keys.length;
  }

  /** Number of postings stored (memory indicator). */
  get postingCount(): number {
    let total = 0;
    for (const byLength of this.postings.values()) for (const list of byLength) total += list?.length ?? 0;
    return total;
  }

  /** Add a payload under a key. */
  add(key: string, payload: T): void {
    if (this.keyIds.size < this.keys.length) this.keyIds = new Map(this.keys.map((k, i) => [k, i]));
    const known = this.keyIds.get(key);
    if (known !== undefined) {
      (this.payloads[known] ??= this.storedPayloads?.(known) ?? []).push(payload);
      return;
    }
    const id = this.keys.length;
    this.keys.push(key);
    this.payloads.push([payload]);
    this.keyIds.set(key, id);
    const grams = bigramsOf(key);
    if (this.gramCounts instanceof Int32Array) this.gramCounts = Array.from(this.gramCounts);
    this.gramCounts.push(grams.size);
    // Postings are kept per key length: a query only reads the lengths its edit budget allows.
    for (const gram of grams) {
      let byLength = this.postings.get(gram);
      if (!byLength) this.postings.set(gram, (byLength = []));
      let list = byLength[key.length];
      if (list instanceof Int32Array) byLength[key.length] = list = Array.from(list);
      if (list) list.push(id);
      else byLength[key.length] = [id];
    }
  }

  /**
   * Keys that share enough bigrams with `query` to be within `maxEdits` plain edits
   * (unverified), with their payloads.
   */
  near(query: string, maxEdits: number): Array<{ key: string; payloads: T[] }> {
    if (this.marks.length < this.keys.length) {
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
        const parts: Array<ArrayLike<number>> = [];
        let size = 0;
        const byLength = this.postings.get(gram);
        if (byLength === undefined) return { parts, size };
        for (let length = Math.max(1, query.length - maxLengthGap); length <= query.length + maxLengthGap; length++) {
          const list = byLength[length];
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
        for (let p = 0; p < list.length; p++) {
          const id = list[p]!;
          if (marks[id] === 0) {
            marks[id] = 1;
            touched.push(id);
          }
        }
      }
    }
    // ...and the shared bigrams are counted for those candidates only, on the key itself (the
    // posting lists of common bigrams are long; walking them cost more than the whole lookup).
    // Whichever is cheaper gives the same counts: walking every posting list of the query, or
    // looking each query bigram up in each candidate key.
    let postings = 0;
    for (const { size } of lists) postings += size;
    const walk = postings < touched.length * grams.length * 4;
    if (walk) {
      for (const { parts } of lists) {
        for (const list of parts) {
          for (let p = 0; p < list.length; p++) {
            const id = list[p]!;
            if (marks[id] === 1) counts[id]!++;
          }
        }
      }
    }
    const out: Array<{ key: string; payloads: T[] }> = [];
    for (const id of touched) {
      marks[id] = 0;
      let shared = counts[id]!;
      counts[id] = 0;
      const key = this.keys[id]!;
      if (Math.abs(key.length - query.length) > maxLengthGap) continue;
      if (!walk) {
        const padded = `^${key}$`;
        for (const gram of grams) if (padded.includes(gram)) shared++;
      }
      if (shared < Math.max(grams.length, this.gramCounts[id]!) - slack) continue;
      out.push({ key, payloads: (this.payloads[id] ??= this.storedPayloads!(id)) });
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
  /** Posting slots (a bigram and a key length), each with its key ids `slotIds[slotStart[s] .. slotStart[s + 1])`. */
  slots: string[];
  slotLengths: Int32Array;
  slotStart: Int32Array;
  slotIds: Int32Array;
}

/** The index in plain arrays, each payload replaced by `idOf(payload)`. */
export function storeBigramIndex<T>(index: BigramIndex<T>, idOf: (payload: T) => number): StoredBigramIndex {
  const inner = index as unknown as { keys: string[]; payloads: T[][]; gramCounts: number[]; postings: Map<string, Array<ArrayLike<number> | undefined>>; storedPayloads?: (id: number) => T[] };
  if (inner.storedPayloads) for (let i = 0; i < inner.keys.length; i++) inner.payloads[i] ??= inner.storedPayloads(i);
  const payloadStart = new Int32Array(inner.keys.length + 1);
  const ids: number[] = [];
  inner.payloads.forEach((list, i) => {
    payloadStart[i] = ids.length;
    for (const payload of list) ids.push(idOf(payload));
  });
  payloadStart[inner.keys.length] = ids.length;
  const slots: string[] = [];
  const lengths: number[] = [];
  const starts: number[] = [];
  const slotIds: number[] = [];
  for (const [gram, byLength] of inner.postings) {
    byLength.forEach((list, length) => {
      if (!list) return;
      slots.push(gram);
      lengths.push(length);
      starts.push(slotIds.length);
      for (let p = 0; p < list.length; p++) slotIds.push(list[p]!);
    });
  }
  starts.push(slotIds.length);
  const slotStart = Int32Array.from(starts);
  return { keys: inner.keys, payloadStart, payloadIds: Int32Array.from(ids), gramCounts: Int32Array.from(inner.gramCounts), slots, slotLengths: Int32Array.from(lengths), slotStart, slotIds: Int32Array.from(slotIds) };
}

/** Rebuild an index from its stored form, each payload id replaced by `payloadOf(id)`. */
export function restoreBigramIndex<T>(stored: StoredBigramIndex, payloadOf: (id: number) => T): BigramIndex<T> {
  const index = new BigramIndex<T>();
  const inner = index as unknown as {
    keys: string[];
    payloads: T[][];
    gramCounts: ArrayLike<number>;
    postings: Map<string, Array<Int32Array | undefined>>;
    storedPayloads?: (id: number) => T[];
  };
  inner.keys = stored.keys;
  // Payload lists and the key map are made on demand: loading allocates almost nothing per key.
  inner.payloads = new Array<T[]>(stored.keys.length);
  inner.storedPayloads = (i) => {
    const list: T[] = [];
    for (let p = stored.payloadStart[i]!; p < stored.payloadStart[i + 1]!; p++) list.push(payloadOf(stored.payloadIds[p]!));
    return list;
  };
  inner.gramCounts = stored.gramCounts;
  const postings = new Map<string, Array<Int32Array | undefined>>();
  for (let s = 0; s < stored.slots.length; s++) {
    const gram = stored.slots[s]!;
    let byLength = postings.get(gram);
    if (!byLength) postings.set(gram, (byLength = []));
    byLength[stored.slotLengths[s]!] = stored.slotIds.subarray(stored.slotStart[s]!, stored.slotStart[s + 1]!);
  }
  inner.postings = postings;
  return index;
}

/** The distinct padded bigrams of a key. */
export function bigramsOf(key: string): Set<string> {
  const padded = `^${key}$`;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 1; i++) grams.add(padded.slice(i, i + 2));
  return grams;
}
