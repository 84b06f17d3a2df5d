/**
 * Fuzzy matching of names against every alias of a gazetteer: ranked search (`gazetteer search`)
 * and the matcher behind `gazetteer suggest`. Keys are folded names (`foldName`), scored by
 * Levenshtein similarity (`fastest-levenshtein`); `matchMany` finds candidates through trigrams.
 * Exact, folded and romanization-aware matches come from the gazetteer's own `lookup`.
 */
import { distance } from 'fastest-levenshtein';
import { foldName } from '../fold.js';
import type { Alias, Gazetteer, GazetteerEntry, MatchHow } from '../types.js';

/** How a search result matched: the gazetteer's lookup kinds plus prefix and token containment. */
export type SearchHow = MatchHow | 'prefix' | 'tokens';

/** One ranked search result: an entity with its best-matching alias. */
export interface SearchHit {
  entry: GazetteerEntry;
  alias: Alias;
  how: SearchHow;
  /** In [0, 1]. */
  score: number;
  detail?: string;
}

/** Similarity of two folded keys in [0, 1]: 1 − edit distance / longer length. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

function trigrams(key: string): string[] {
  const padded = ` ${key} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

/** A fuzzy match of one query against an alias. */
export interface FuzzyMatch {
  alias: Alias;
  similarity: number;
  /** The folded alias text. */
  key: string;
}

/**
 * Match many names against every alias in one pass: the queries (few) are indexed by trigram, the
 * aliases (many) are streamed, so no index over the whole gazetteer is built. Per query, the
 * matches at least `minSimilarity` similar (with `sameTokens`, only aliases with as many words),
 * best first, at most `perQuery`.
 */
export function matchMany(
  queries: Iterable<string>,
  aliases: readonly Alias[],
  options: { minSimilarity?: number; sameTokens?: boolean; perQuery?: number; filter?: (alias: Alias) => boolean } = {},
): Map<string, FuzzyMatch[]> {
  const min = options.minSimilarity ?? 0.75;
  const perQuery = options.perQuery ?? 20;
  const keys: string[] = [];
  const byKey = new Map<string, number>();
  const textsOf: string[][] = [];
  for (const text of queries) {
    const key = foldName(text);
    if (key.length < 2) continue;
    let index = byKey.get(key);
    if (index === undefined) {
      index = keys.push(key) - 1;
      byKey.set(key, index);
      textsOf.push([]);
    }
    textsOf[index]!.push(text);
  }
  const postings = new Map<string, number[]>();
  const needed: number[] = [];
  const tokens: number[] = [];
  keys.forEach((key, index) => {
    const grams = trigrams(key);
    for (const gram of grams) {
      const list = postings.get(gram);
      if (list) list.push(index);
      else postings.set(gram, [index]);
    }
    // Two strings within edit distance d share at least |grams| − 3d trigrams.
    const maxEdits = Math.floor((1 - min) * (key.length / min));
    needed.push(Math.max(1, grams.length - 3 * maxEdits));
    tokens.push(key.split(' ').length);
  });
  const found: FuzzyMatch[][] = keys.map(() => []);
  const counts = new Map<number, number>();
  for (const alias of aliases) {
    if (options.filter && !options.filter(alias)) continue;
    const key = foldName(alias.text);
    if (key.length < 2) continue;
    counts.clear();
    const padded = ` ${key} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const list = postings.get(padded.slice(i, i + 3));
      if (list) for (const index of list) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    let aliasTokens = 0;
    for (const [index, count] of counts) {
      if (count < needed[index]!) continue;
      if (options.sameTokens) {
        if (aliasTokens === 0) aliasTokens = key.split(' ').length;
        if (aliasTokens !== tokens[index]) continue;
      }
      const score = similarity(keys[index]!, key);
      if (score < min) continue;
      found[index]!.push({ alias, similarity: score, key });
    }
  }
  const out = new Map<string, FuzzyMatch[]>();
  keys.forEach((_key, index) => {
    const list = found[index]!.sort((a, b) => b.similarity - a.similarity || (a.alias.entity < b.alias.entity ? -1 : a.alias.entity > b.alias.entity ? 1 : 0)).slice(0, perQuery);
    for (const text of textsOf[index]!) out.set(text, list);
  });
  return out;
}

/** Filters and limits of a search. */
export interface SearchOptions {
  kind?: string;
  country?: string;
  limit?: number;
  /** Lowest score reported (default 0.5). */
  minScore?: number;
}

const HOW_RANK: Record<SearchHow, number> = { exact: 0, folded: 1, romanization: 2, morphology: 3, prefix: 4, tokens: 5, fuzzy: 6 };

/**
 * Ranked fuzzy search across all names: exact and romanization-aware matches from the gazetteer's
 * `lookup`, then prefix, whole-word and Levenshtein matches in one pass over every alias. One hit per entity
 * (its best alias), best score first, then prominence.
 */
export function searchGazetteer(gazetteer: Gazetteer, query: string, options: SearchOptions = {}): SearchHit[] {
  const folded = foldName(query);
  const minScore = options.minScore ?? 0.5;
  const best = new Map<string, SearchHit>();
  const keep = (entry: GazetteerEntry | undefined, hit: Omit<SearchHit, 'entry'>): void => {
    if (!entry) return;
    if (options.kind !== undefined && entry.kind !== options.kind) return;
    if (options.country !== undefined && entry.country !== options.country.toUpperCase()) return;
    if (hit.score < minScore) return;
    const previous = best.get(entry.id);
    if (previous && (previous.score > hit.score || (previous.score === hit.score && HOW_RANK[previous.how] <= HOW_RANK[hit.how]))) return;
    best.set(entry.id, { entry, ...hit });
  };

  for (const match of gazetteer.lookup(query)) keep(match.entry, { alias: match.alias, how: match.how, score: match.score, ...(match.detail ? { detail: match.detail } : {}) });

  if (folded.length > 0) {
    // One pass over every alias: prefix, whole words, and Levenshtein for keys of a near length.
    const queryTokens = folded.split(' ');
    const minSimilarity = Math.max(0.55, minScore / 0.9);
    const maxLength = Math.ceil(folded.length / minSimilarity);
    const minLength = Math.floor(folded.length * minSimilarity);
    const seen = new Map<string, number>();
    for (const alias of gazetteer.aliases) {
      const key = foldName(alias.text);
      if (key === folded || key.length === 0) continue;
      if (key.startsWith(folded)) {
        keep(gazetteer.get(alias.entity), { alias, how: 'prefix', score: round(0.5 + 0.3 * (folded.length / key.length)), detail: `prefix of '${alias.text}'` });
        continue;
      }
      if (key.includes(' ') || queryTokens.length > 1) {
        const aliasTokens = key.split(' ');
        if (queryTokens.every((token) => aliasTokens.includes(token))) {
          keep(gazetteer.get(alias.entity), { alias, how: 'tokens', score: round(0.45 + 0.3 * (queryTokens.length / aliasTokens.length)), detail: `all words in '${alias.text}'` });
        }
      }
      if (key.length < minLength || key.length > maxLength) continue;
      let edits = seen.get(key);
      if (edits === undefined) seen.set(key, (edits = distance(folded, key)));
      const score = 1 - edits / Math.max(folded.length, key.length);
      if (score < minSimilarity) continue;
      keep(gazetteer.get(alias.entity), { alias, how: 'fuzzy', score: round(0.9 * score), detail: `${edits} edit${edits === 1 ? '' : 's'} from '${alias.text}'` });
    }
  }
  const hits = [...best.values()].sort(
    (a, b) => b.score - a.score || HOW_RANK[a.how] - HOW_RANK[b.how] || (b.entry.prominence ?? 0) - (a.entry.prominence ?? 0) || (a.entry.id < b.entry.id ? -1 : 1),
  );
  return options.limit === undefined ? hits : hits.slice(0, options.limit);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
