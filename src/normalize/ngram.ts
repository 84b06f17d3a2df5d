/**
 * Bigram filtering for fuzzy lookup. `BigramIndex` stores each key under its padded bigrams
 * (`^a`, `as`, `sh`... `t$`); a query counts the bigrams it shares with each key through the
 * posting lists and keeps the keys that could be within the edit budget (each edit destroys at
 * most two bigrams). It was the normalizer's fuzzy index until the delete index (`symspell.ts`)
 * replaced it: it is ~10x slower per lookup (the posting lists of common bigrams are long) but
 * ~6x smaller; the benchmark measures both on the same keys.
 *
 * `sharesEnoughBigrams` is its count filter on one pair of strings. The normalizer still applies
 * it to the delete index's candidates, so the fuzzy matches are exactly those the bigram index
 * let through (see `NameIndex.lookupFuzzy` for what that filter drops).
 */

/** Which keys an n-gram index holds, and their payloads. */
export class BigramIndex<T> {
  private keys: string[] = [];
  private payloads: T[][] = [];
  private gramCounts: number[] = [];
  private keyIds = new Map<string, number>();
  /** Posting lists by bigram, then by key length (no string built per lookup). */
  private postings = new Map<string, Array<number[] | undefined>>();
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
      let byLength = this.postings.get(gram);
      if (!byLength) this.postings.set(gram, (byLength = []));
      const list = byLength[key.length];
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
      out.push({ key, payloads: this.payloads[id]! });
    }
    return out;
  }
}

/** The distinct padded bigrams of a key. */
export function bigramsOf(key: string): Set<string> {
  const padded = `^${key}$`;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 1; i++) grams.add(padded.slice(i, i + 2));
  return grams;
}

/** Bigram codes of the query and of the key being compared (reused: the filter runs per candidate). */
let queryGrams = new Int32Array(64);
let keyGrams = new Int32Array(64);

/**
 * The bigram index's count filter on one pair: true when `key` is within `ceil(maxEdits)` of the
 * query's length and shares at least `max(|Q|, |K|) - 2 * ceil(maxEdits)` distinct padded bigrams
 * with it (Q, K: the distinct bigram sets). Allocates nothing.
 */
export function sharesEnoughBigrams(query: string, key: string, maxEdits: number): boolean {
  const edits = Math.ceil(maxEdits);
  if (Math.abs(key.length - query.length) > edits) return false;
  if (queryGrams.length < query.length + 1) queryGrams = new Int32Array(2 * query.length + 2);
  if (keyGrams.length < key.length + 1) keyGrams = new Int32Array(2 * key.length + 2);
  const queryCount = distinctBigrams(query, queryGrams);
  const keyCount = distinctBigrams(key, keyGrams);
  let shared = 0;
  for (let i = 0; i < queryCount; i++) {
    const gram = queryGrams[i]!;
    for (let j = 0; j < keyCount; j++) {
      if (keyGrams[j] === gram) {
        shared++;
        break;
      }
    }
  }
  return shared >= Math.max(queryCount, keyCount) - 2 * edits;
}

/** The distinct padded bigrams of `text` as codes (first char << 16 | second) into `out`; returns their number. */
function distinctBigrams(text: string, out: Int32Array): number {
  let count = 0;
  let previous = 0x5e; // '^'
  for (let i = 0; i <= text.length; i++) {
    const next = i < text.length ? text.charCodeAt(i) : 0x24; // '$'
    const gram = (previous << 16) | next;
    previous = next;
    let seen = false;
    for (let j = 0; j < count; j++) {
      if (out[j] === gram) {
        seen = true;
        break;
      }
    }
    if (!seen) out[count++] = gram;
  }
  return count;
}
