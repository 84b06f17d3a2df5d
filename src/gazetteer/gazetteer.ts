/**
 * The in-memory gazetteer: entries, aliases with provenance, and a folded-alias index behind
 * `lookup`, which says how each result matched (exact, folded, romanization, morphology).
 */
import { expandEntry, type ExpandOptions } from './expand.js';
import { foldName } from './fold.js';
import { romanize } from './romanize/index.js';
import type { Alias, Gazetteer, GazetteerEntry, GazetteerInfo, LookupMatch, MatchHow } from './types.js';

/** Generated schemes that come from grammar rather than from a romanization table. */
export const MORPHOLOGY_SCHEMES: ReadonlySet<string> = new Set(['ru-case', 'ru-adjective', 'en-admin']);

/** Scores of lookup matches by how they matched (the normalizer has its own scoring). */
export const LOOKUP_SCORES = {
  exact: 1,
  folded: 0.95,
  romanization: 0.9,
  morphology: 0.85,
  /** The query itself was romanized (a Cyrillic query) before matching. */
  queryRomanized: 0.8,
  /** A Russian ending was stripped from the query before matching. */
  queryStem: 0.7,
} as const;

/** Latin renderings of Russian endings a query may carry (`Moskve`, `Mirziyoyevu`), longest first. */
const LATIN_ENDINGS = ['ogo', 'omu', 'uyu', 'oy', 'oj', 'oi', 'ym', 'im', 'om', 'em', 'ey', 'yu', 'ya', 'ye', 'iy', 'yy', 'a', 'u', 'e', 'y', 'i'];
/** Nominative endings put back on a stem. */
const NOMINATIVE_ENDINGS = ['', 'a', 'ya', 'iya', 'y', 'iy', 'aya'];

/**
 * The folded-alias index: unique folded keys in code-unit order, and for each the aliases
 * (indices into `aliases`) that fold to it. Sorted arrays rather than a Map so that a cached index
 * loads without rehashing hundreds of thousands of strings; lookups binary-search.
 */
export interface FoldedIndex {
  keys: string[];
  /** `keyAliases[keyStart[k] .. keyStart[k + 1])` are the aliases of `keys[k]`. */
  keyStart: Int32Array;
  keyAliases: Int32Array;
}

/** Build the folded-alias index from each alias's folded key. */
export function buildFoldedIndex(folded: readonly string[]): FoldedIndex {
  const order = Array.from(folded.keys()).sort((a, b) => {
    const x = folded[a]!;
    const y = folded[b]!;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const keys: string[] = [];
  const starts: number[] = [];
  order.forEach((aliasIndex, i) => {
    const key = folded[aliasIndex]!;
    if (i === 0 || key !== keys[keys.length - 1]) {
      keys.push(key);
      starts.push(i);
    }
  });
  starts.push(order.length);
  return { keys, keyStart: Int32Array.from(starts), keyAliases: Int32Array.from(order) };
}

function findKey(index: FoldedIndex, key: string): number {
  let lo = 0;
  let hi = index.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = index.keys[mid]!;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Aliases decoded on demand from a compiled index: `at(i)` builds one alias, `all()` every one
 * (once). `start[e]..start[e + 1]` are the aliases of entry `e`.
 */
export interface LazyAliases {
  count: number;
  at(i: number): Alias;
  all(): Alias[];
  start: Int32Array;
}

/** Entries decoded on demand from a compiled index: ids up front, each entry parsed when first read. */
export interface LazyEntries {
  count: number;
  ids: string[];
  at(i: number): GazetteerEntry;
  all(): GazetteerEntry[];
  /** `[entry index, merged ids]`. */
  merged: [number, string[]][];
}

/**
 * Internal: a gazetteer from entries and their already-expanded aliases, which must be grouped by
 * entity (as `expandEntries` produces them), or decoded lazily from a compiled index. The cache
 * path passes its stored folded index.
 */
export function assembleGazetteer(entrySource: GazetteerEntry[] | LazyEntries, source: Alias[] | LazyAliases, index?: FoldedIndex | (() => FoldedIndex), info?: GazetteerInfo): Gazetteer {
  const lazyEntries = Array.isArray(entrySource) ? undefined : entrySource;
  const eagerEntries = Array.isArray(entrySource) ? entrySource : undefined;
  const ids = lazyEntries !== undefined ? lazyEntries.ids : eagerEntries!.map((e) => e.id);
  const entryAt = (i: number): GazetteerEntry => (eagerEntries !== undefined ? eagerEntries[i]! : lazyEntries!.at(i));
  const indexOf = new Map<string, number>();
  for (let e = 0; e < ids.length; e++) indexOf.set(ids[e]!, e);
  const byId = {
    get: (id: string): GazetteerEntry | undefined => {
      const i = indexOf.get(id);
      return i === undefined ? undefined : entryAt(i);
    },
  };
  const merged = new Map<string, string>();
  const mergedLists: [number, readonly string[]][] = lazyEntries !== undefined
    ? lazyEntries.merged
    : eagerEntries!.flatMap((entry, i): [number, readonly string[]][] => (entry.merged ? [[i, entry.merged]] : []));
  for (const [i, olds] of mergedLists) for (const old of olds) if (!indexOf.has(old)) merged.set(old, ids[i]!);
  const lazy = Array.isArray(source) ? undefined : source;
  const eager = Array.isArray(source) ? source : undefined;
  const aliasAt = (i: number): Alias => (eager !== undefined ? eager[i]! : lazy!.at(i));
  let allAliases: Alias[] | undefined = eager;
  const aliases = (): Alias[] => (allAliases ??= lazy!.all());

  // Where each entity's aliases start and end (a compiled index stores it per entry index).
  const groups = new Map<string, [number, number]>();
  let byEntity: Map<string, Alias[]> | undefined;
  if (lazy === undefined) {
    let grouped = true;
    for (let i = 0; i < eager!.length; ) {
      const entity = eager![i]!.entity;
      let j = i + 1;
      while (j < eager!.length && eager![j]!.entity === entity) j++;
      if (groups.has(entity)) grouped = false;
      groups.set(entity, [i, j]);
      i = j;
    }
    // Not grouped (a caller's own alias list): fall back to collecting each entity's aliases.
    if (!grouped) {
      byEntity = new Map<string, Alias[]>();
      for (const alias of eager!) {
        const list = byEntity.get(alias.entity);
        if (list) list.push(alias);
        else byEntity.set(alias.entity, [alias]);
      }
    }
  }
  let folded: FoldedIndex | undefined = typeof index === 'function' ? undefined : index;
  const foldedIndex = (): FoldedIndex =>
    (folded ??= typeof index === 'function' ? index() : buildFoldedIndex(aliases().map((alias) => foldName(alias.text))));
  const aliasesAt = (key: string): Alias[] => {
    const folded = foldedIndex();
    const k = findKey(folded, key);
    if (k < 0) return [];
    const out: Alias[] = [];
    for (let i = folded.keyStart[k]!; i < folded.keyStart[k + 1]!; i++) out.push(aliasAt(folded.keyAliases[i]!));
    return out;
  };
  const get = (id: string): GazetteerEntry | undefined => byId.get(id) ?? byId.get(merged.get(id) ?? '');

  const classify = (alias: Alias, name: string): { how: MatchHow; score: number; detail?: string } => {
    const common = alias.common ? '; an ordinary English word' : '';
    if (alias.origin === 'generated') {
      const morphology = MORPHOLOGY_SCHEMES.has(alias.scheme ?? '');
      const exactText = alias.text === name ? '' : `; folded: ${foldName(name)}`;
      return {
        how: morphology ? 'morphology' : 'romanization',
        score: morphology ? LOOKUP_SCORES.morphology : LOOKUP_SCORES.romanization,
        detail: `${alias.scheme} from ${alias.from}${exactText}${common}`,
      };
    }
    if (alias.text === name) return { how: 'exact', score: LOOKUP_SCORES.exact, detail: `${alias.origin === 'canonical' ? 'canonical name' : `${alias.type} name (${alias.lang})`}${common}` };
    return { how: 'folded', score: LOOKUP_SCORES.folded, detail: `folded: ${foldName(name)} = ${alias.text}${common}` };
  };

  const collect = (key: string, make: (alias: Alias) => Omit<LookupMatch, 'entry' | 'alias'>, best: Map<string, LookupMatch>): void => {
    for (const alias of aliasesAt(key)) {
      const entry = byId.get(alias.entity);
      if (entry === undefined) continue;
      const match = { entry, alias, ...make(alias) };
      const previous = best.get(entry.id);
      if (previous === undefined || match.score > previous.score) best.set(entry.id, match);
    }
  };

  const lookup = (name: string): LookupMatch[] => {
    const query = name.normalize('NFC').trim();
    const best = new Map<string, LookupMatch>();
    collect(foldName(query), (alias) => classify(alias, query), best);
    if (best.size === 0 && /\p{Script=Cyrillic}/u.test(query)) {
      for (const spelling of romanize(query, 'ru', { morphology: false, limit: 24 })) {
        collect(foldName(spelling.text), (alias) => ({
          how: 'romanization', score: LOOKUP_SCORES.queryRomanized,
          detail: `query romanized with ${spelling.scheme} as ${spelling.text}, which is ${alias.origin === 'generated' ? `${alias.scheme} of ${alias.from}` : `the ${alias.origin === 'canonical' ? 'canonical' : alias.type} name ${alias.text}`}`,
        }), best);
      }
    }
    if (best.size === 0) {
      const key = foldName(query);
      const words = key.split(' ');
      const last = words.at(-1) ?? '';
      for (const ending of LATIN_ENDINGS) {
        if (last.length - ending.length < 4 || !last.endsWith(ending)) continue;
        const stem = last.slice(0, last.length - ending.length);
        for (const nominative of NOMINATIVE_ENDINGS) {
          const candidate = [...words.slice(0, -1), stem + nominative].join(' ');
          if (candidate === key) continue;
          collect(candidate, (alias) => ({
            how: 'morphology', score: LOOKUP_SCORES.queryStem,
            detail: `Russian ending -${ending} read as ${nominative === '' ? 'no ending' : `-${nominative}`}: ${candidate} = ${alias.text}`,
          }), best);
        }
        if (best.size > 0) break;
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || (b.entry.prominence ?? 0) - (a.entry.prominence ?? 0) || (a.entry.id < b.entry.id ? -1 : 1));
  };

  const gazetteer: Gazetteer = {
    // A getter: a cached index decodes its entries when first read (lookups decode only theirs).
    get entries(): readonly GazetteerEntry[] {
      return eagerEntries ?? lazyEntries!.all();
    },
    // A getter: decoding every alias of a cached index is deferred until someone reads them all.
    get aliases(): readonly Alias[] {
      return aliases();
    },
    get,
    aliasesOf: (id) => {
      const entity = get(id)?.id ?? id;
      if (byEntity !== undefined) return byEntity.get(entity) ?? [];
      const e = indexOf.get(entity);
      const group: readonly [number, number] | undefined = lazy !== undefined ? (e === undefined ? undefined : [lazy.start[e]!, lazy.start[e + 1]!]) : groups.get(entity);
      if (group === undefined) return [];
      const out: Alias[] = [];
      for (let i = group[0]; i < group[1]; i++) out.push(aliasAt(i));
      return out;
    },
    lookup,
    ...(info === undefined ? {} : { info }),
  };
  return gazetteer;
}

/** Entries with later duplicates replacing earlier ones (same id), in first-seen order. */
export function mergeEntries(entries: Iterable<GazetteerEntry>): GazetteerEntry[] {
  const byId = new Map<string, GazetteerEntry>();
  for (const entry of entries) byId.set(entry.id, entry);
  return [...byId.values()];
}

/** Every alias of `entries` (listed and generated). */
export function expandEntries(entries: readonly GazetteerEntry[], options: ExpandOptions = {}): Alias[] {
  const aliases: Alias[] = [];
  const memo = new Map();
  for (const entry of entries) for (const alias of expandEntry(entry, options, memo)) aliases.push(alias);
  return aliases;
}

/**
 * Build an in-memory gazetteer from entries (later entries with the same id override earlier
 * ones). Aliases include generated spellings (romanizations of Cyrillic names, Russian case and
 * adjective forms, English admin-suffix forms), each with `origin: 'generated'`, `scheme` and
 * `from`; pass `{ generate: false }` for listed names only.
 */
export function createGazetteer(entries: Iterable<GazetteerEntry>, options: ExpandOptions = {}): Gazetteer {
  const list = mergeEntries(entries);
  return assembleGazetteer(list, expandEntries(list, options));
}
