/**
 * A SymSpell-style delete index: every key is stored under the strings obtained by deleting up
 * to `maxDeletes` of its characters; a query generates its own deletes and meets the keys within
 * that many edits through hash lookups only — no scan of the key list. Candidates are then
 * verified with the weighted distance.
 */

/** Which keys an index holds, and their payloads. */
export class DeleteIndex<T> {
  private readonly keys: string[] = [];
  private readonly payloads: T[][] = [];
  private readonly keyIds = new Map<string, number>();
  private readonly deletes = new Map<string, number[]>();

  /**
   * @param maxDeletes most deletions per key (2 catches a swap of two non-adjacent letters).
   * @param minLengthForTwo keys shorter than this only get single deletions (fewer false friends).
   */
  constructor(
    readonly maxDeletes = 2,
    readonly minLengthForTwo = 8,
  ) {}

  /** Number of distinct keys. */
  get size(): number {
    return this.keys.length;
  }

  /** Number of delete variants stored (memory indicator). */
  get variantCount(): number {
    return this.deletes.size;
  }

  private depthFor(length: number): number {
    return length >= this.minLengthForTwo ? this.maxDeletes : Math.min(1, this.maxDeletes);
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
    for (const variant of deleteVariants(key, this.depthFor(key.length))) {
      const bucket = this.deletes.get(variant);
      if (bucket === undefined) this.deletes.set(variant, [id]);
      else if (bucket[bucket.length - 1] !== id) bucket.push(id);
    }
  }

  /** Keys that share a delete variant with `query`, with their payloads (unverified). */
  near(query: string): Array<{ key: string; payloads: T[] }> {
    const ids = new Set<number>();
    for (const variant of deleteVariants(query, this.depthFor(query.length))) {
      const bucket = this.deletes.get(variant);
      if (bucket) for (const id of bucket) ids.add(id);
    }
    return [...ids].map((id) => ({ key: this.keys[id]!, payloads: this.payloads[id]! }));
  }
}

/** The string itself and every string made by deleting 1..depth characters. */
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
