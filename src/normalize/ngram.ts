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
  private readonly keys: string[] = [];
  private readonly payloads: T[][] = [];
  private readonly gramCounts: number[] = [];
  private readonly keyIds = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
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

/** The distinct padded bigrams of a key. */
export function bigramsOf(key: string): Set<string> {
  const padded = `^${key}$`;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 1; i++) grams.add(padded.slice(i, i + 2));
  return grams;
}
