/**
 * The normalizer proper: finds candidate name spans in English text, retrieves gazetteer
 * candidates for each (exact alias, romanization skeleton, fuzzy, morphology, glued function
 * words), scores them with document context and decides: fix, suggest or leave alone.
 */
import type { Change, Suggestion } from '../document.js';
import type { Gazetteer, GazetteerEntry } from '../gazetteer/index.js';
import { foldKey, isLatinText, skeletonOfFolded } from './fold.js';
import { indexFor, isPlaceKind, maxFuzzyCost, shortPlaceName, stemOfSkeleton, type IndexHit, type IndexedAlias, type NameIndex } from './name-index.js';
import {
  ADJECTIVE_ENDINGS,
  CASE_ENDINGS,
  CONNECTORS,
  DESIGNATOR_WORDS,
  ENGLISH_PROPER_WORDS,
  GLUED_PREFIXES,
  GLUED_SUFFIXES,
  KIND_CUES,
  LATIN_SCRIPT_CUES,
  LOCATIVE_PREPOSITIONS,
  commonEnglishWords,
  hasLatinOnlyLetter,
  hasPostSovietNameShape,
  reromanizeWord,
} from './rules.js';
import { isCapitalized, isNonLatinWord, tokenize, type WordToken } from './tokenize.js';
import { swapCost, weightedDistance } from './distance.js';

/** Options of the normalizer; every threshold has a documented default. */
export interface NormalizeOptions {
  /** A fix is applied only at or above this confidence (default 0.8). */
  minConfidence?: number;
  /** ...and only when it leads the runner-up by at least this much (default 0.1). */
  minMargin?: number;
  /** Below this confidence nothing is reported at all (default 0.5). */
  suggestionFloor?: number;
  /** Leave known variant spellings as written; fix only errors (default false). */
  keepVariants?: boolean;
  /** Apply nothing; report every would-be fix as a suggestion (default false). */
  suggestOnly?: boolean;
  /** Entity ids known to occur in the document (e.g. found in the source before translation). */
  hints?: readonly string[];
  /** Longest span considered, in words (default 6). */
  maxSpanWords?: number;
}

/** What the normalizer did to a text. */
export interface NormalizeResult {
  /** The text with the fixes applied. */
  text: string;
  /** Applied fixes, in text order; offsets index the input text. */
  changes: Change[];
  /** Proposed fixes left for a human, in text order; offsets index the input text. */
  suggestions: Suggestion[];
}

/** Defaults of the thresholds. */
export const NORMALIZE_DEFAULTS = {
  minConfidence: 0.8,
  minMargin: 0.1,
  suggestionFloor: 0.5,
  maxSpanWords: 6,
} as const;

type Rule = Change['rule'];
type How = 'exact' | 'skeleton' | 'fuzzy' | 'stem';

/** A candidate reading of a span, independent of document context. */
interface RawCandidate {
  /** The text the span would become. */
  output: string;
  /** The alias that matched (undefined for a text-only fix such as `theTurkmen`). */
  alias?: IndexedAlias;
  how: How;
  rule: Rule;
  cost: number;
  /** Score before context, in [0, 1]. */
  base: number;
  /** True when the output is the span as written (a correct name). */
  keep: boolean;
  /** Never applied automatically (common-word alias, case ending on a person...). */
  noAuto?: boolean;
  /** Extra evidence. */
  detail: Record<string, unknown>;
  /** The span grows left over the preceding preposition (`v Moskve` → `in Moscow`). */
  extendsLeft?: boolean;
}

interface Span {
  first: number;
  last: number;
  start: number;
  end: number;
  surface: string;
}

interface DocContext {
  /** Entities named plainly in the document, with where (a mention never supports itself). */
  anchors: Array<{ entry: GazetteerEntry; start: number }>;
  /** Where each anchored entity is named. */
  anchorStarts: Map<string, number[]>;
  /** Where the children of each entity are named. */
  childStartsByParent: Map<string, number[]>;
  hints: Set<string>;
  words: Set<string>;
  latinCueSentences: Set<number>;
  postSoviet: boolean;
  /** Countries (ISO 3166-1 alpha-2) of the entities the document names plainly. */
  /** Countries of the entities found, with where each was found (a mention never supports itself). */
  countries: Map<string, number[]>;
  /** Tokens that pass 1 read as (part of) a known name: a neighbour there is no unknown name. */
  known: Set<number>;
}

interface Decision {
  span: Span;
  start: number;
  keep: boolean;
  best?: ScoredCandidate;
  runnerUp?: ScoredCandidate;
  ranked: ScoredCandidate[];
  apply: boolean;
  reromanize?: { text: string; scheme: string };
}

interface ScoredCandidate extends RawCandidate {
  score: number;
  reasons: string[];
}

/** How much the kind of alias a non-exact match landed on adds (exact > known variant > generated > historic). */
const ALIAS_TYPE_WEIGHT: Record<string, number> = { canonical: 0.04, official: 0.03, preferred: 0.03, variant: 0, misspelling: 0, colloquial: -0.02, abbreviation: -0.05, historic: -0.06 };

/** Generated schemes that spell the English way (their exact matches rank above foreign orthographies). */
const ENGLISH_LIKE = new Set(['bgn-pcgn', 'wikipedia', 'ru-adjective', 'ru-case', 'en-admin', 'tg-bgn', 'ky-bgn', 'kk-english', 'uz-english', 'ru-simplified']);

const POST_SOVIET = new Set(['RU', 'UA', 'BY', 'KZ', 'KG', 'UZ', 'TJ', 'TM', 'AZ', 'AM', 'GE', 'MD']);

/**
 * Normalize the proper names of an English text against a gazetteer.
 * Applying `changes` to `text` gives the returned text exactly; running it again changes nothing.
 */
export function normalizeText(text: string, gazetteer: Gazetteer | NameIndex, options: NormalizeOptions = {}): NormalizeResult {
  const index = 'lookupExact' in gazetteer ? gazetteer : indexFor(gazetteer);
  return new Normalizer(index, options).run(text);
}

export class Normalizer {
  private readonly minConfidence: number;
  private readonly minMargin: number;
  private readonly floor: number;
  private readonly maxWords: number;
  private readonly english = commonEnglishWords();
  private readonly rawCache: Map<string, RawCandidate[]>;

  constructor(
    private readonly index: NameIndex,
    private readonly options: NormalizeOptions,
  ) {
    this.minConfidence = options.minConfidence ?? NORMALIZE_DEFAULTS.minConfidence;
    this.minMargin = options.minMargin ?? NORMALIZE_DEFAULTS.minMargin;
    this.floor = options.suggestionFloor ?? NORMALIZE_DEFAULTS.suggestionFloor;
    this.rawCache = index.spanCache as Map<string, RawCandidate[]>;
    this.maxWords = Math.min(options.maxSpanWords ?? NORMALIZE_DEFAULTS.maxSpanWords, Math.max(index.maxWords, 2));
  }

  run(text: string): NormalizeResult {
    const tokens = tokenize(text);
    if (tokens.length === 0) return { text, changes: [], suggestions: [] };
    const sentences = sentenceIds(text, tokens);
    const startable = tokens.map((token) => this.startable(token.text));
    const context: DocContext = {
      anchors: [],
      anchorStarts: new Map(),
      childStartsByParent: new Map(),
      hints: new Set(this.options.hints ?? []),
      words: new Set(tokens.map((token) => token.text.toLowerCase())),
      latinCueSentences: new Set(),
      postSoviet: false,
      countries: new Map(),
      known: new Set(),
    };
    for (const token of tokens) if (LATIN_SCRIPT_CUES.has(token.text.toLowerCase())) context.latinCueSentences.add(sentences[token.index]!);
    for (const hint of context.hints) this.anchor(context, hint, -1);

    // Pass 1 finds the entities written plainly (the document's context); the next passes decide
    // with the names found so far (fixes included) until the set of fixes stops changing, so that
    // normalizing the output again finds the same context and changes nothing.
    let decisions = this.scan(text, tokens, sentences, context, startable);
    // Mentions resolved in any pass so far stay context: context only grows, so the passes cannot
    // oscillate between two readings, and a name read one way in one pass still supports the others.
    const resolved: Decision[] = [];
    for (let round = 0; round < 4; round++) {
      resolved.push(...decisions.filter((decision) => decision.best?.alias));
      context.anchors = [];
      context.anchorStarts.clear();
      context.childStartsByParent.clear();
      context.known.clear();
      context.countries.clear();
      context.postSoviet = false;
      for (const hint of context.hints) this.anchor(context, hint, -1);
      const anchored = new Set<string>();
      for (const decision of resolved) {
        // Every resolved mention counts, applied or not: fixing a name must not change the context
        // it is judged in, or normalizing the output again could decide differently.
        const entry = decision.best!.alias!.entry;
        const key = `${entry.id}\u0000${decision.span.start}`;
        if (!anchored.has(key)) {
          anchored.add(key);
          this.anchor(context, entry.id, decision.span.start);
          // The entity's own name counts as written (`Biškek` read as Bishkek is a context word too).
          for (const word of entry.name.toLowerCase().split(' ')) context.words.add(word);
        }
        for (let t = decision.span.first; t <= decision.span.last; t++) context.known.add(t);
      }
      const next = this.scan(text, tokens, sentences, context, startable);
      const settled = appliedKey(next) === appliedKey(decisions);
      decisions = next;
      // Same fixes, keeps and entities as the pass before: the next pass would see the same context.
      if (settled) break;
    }
    return this.assemble(text, decisions);
  }

  private anchor(context: DocContext, id: string, start: number): void {
    const entry = this.index.gazetteer.get(id);
    if (!entry) return;
    context.anchors.push({ entry, start });
    pushTo(context.anchorStarts, entry.id, start);
    if (entry.parent) {
      pushTo(context.childStartsByParent, entry.parent, start);
    }
    if (entry.country) {
      pushTo(context.countries, entry.country, start);
      if (POST_SOVIET.has(entry.country)) context.postSoviet = true;
    }
  }

  /**
   * True when other mentions place the document in some countries, none of them `country`. Only
   * mentions elsewhere count: a fix must not vouch for itself, or the decision would depend on the
   * order of the passes and normalizing the output again could change it.
   */
  private foreignToDocument(context: DocContext, country: string, start: number): boolean {
    const elsewhere = (starts: number[]) => starts.some((at) => at !== start);
    let placed = false;
    for (const [other, starts] of context.countries) {
      if (!elsewhere(starts)) continue;
      if (other === country) return false;
      placed = true;
    }
    return placed;
  }

  /** How the document's other mentions support an entity at a span start (hash lookups only). */
  private support(context: DocContext, entry: GazetteerEntry, start: number): 'same' | 'related' | undefined {
    const elsewhere = (starts: number[] | undefined) => starts !== undefined && starts.some((at) => at !== start);
    if (elsewhere(context.anchorStarts.get(entry.id))) return 'same';
    // Its parent, one of its children, or a sibling is named elsewhere.
    if (entry.parent !== undefined && (elsewhere(context.anchorStarts.get(entry.parent)) || elsewhere(context.childStartsByParent.get(entry.parent)))) return 'related';
    if (elsewhere(context.childStartsByParent.get(entry.id))) return 'related';
    return undefined;
  }

  private scan(text: string, tokens: WordToken[], sentences: number[], context: DocContext, startable: readonly boolean[]): Decision[] {
    const decisions: Decision[] = [];
    let i = 0;
    while (i < tokens.length) {
      if (!startable[i]) {
        i++;
        continue;
      }
      let taken: Decision | undefined;
      for (const span of this.spansFrom(text, tokens, i)) {
        const decision = this.decide(text, tokens, span, sentences[span.first]!, context);
        if (decision) {
          taken = decision;
          break;
        }
      }
      if (taken) {
        decisions.push(taken);
        i = taken.span.last + 1;
      } else i++;
    }
    return decisions;
  }

  private startable(word: string): boolean {
    // Fast path: plain lower-case ASCII words (most of any English text) never start a name.
    let lower = true;
    for (let i = 0; i < word.length && lower; i++) {
      const code = word.charCodeAt(i);
      lower = code >= 97 && code <= 122;
    }
    if (lower) return false;
    return isCapitalized(word) || isNonLatinWord(word) || gluedPrefix(word) !== undefined;
  }

  /** Spans starting at token `i`, longest first. */
  private spansFrom(text: string, tokens: WordToken[], i: number): Span[] {
    const ends: number[] = [];
    let j = i;
    for (;;) {
      const word = tokens[j]!.text;
      const connector = CONNECTORS.has(word) && j > i;
      if (!connector) ends.push(j);
      if (j - i + 1 >= this.maxWords) break;
      const next = tokens[j + 1];
      if (!next) break;
      const gap = text.slice(tokens[j]!.end, next.start);
      if (!/^(?: |\u00A0|-|‐|‑)$/u.test(gap)) break;
      if (!(isCapitalized(next.text) || isNonLatinWord(next.text) || CONNECTORS.has(next.text))) break;
      j++;
    }
    const spans: Span[] = [];
    for (let k = ends.length - 1; k >= 0; k--) {
      const last = ends[k]!;
      const start = tokens[i]!.start;
      const end = tokens[last]!.end;
      spans.push({ first: i, last, start, end, surface: text.slice(start, end) });
    }
    return spans;
  }

  private decide(text: string, tokens: WordToken[], span: Span, sentence: number, context: DocContext): Decision | undefined {
    const previous = span.first > 0 ? tokens[span.first - 1] : undefined;
    const locative =
      previous !== undefined && LOCATIVE_PREPOSITIONS.has(previous.text) && text.slice(previous.end, span.start) === ' ' ? previous : undefined;
    const guarded = context.latinCueSentences.has(sentence);
    const key = `${span.surface}\u0000${locative ? 'v' : ''}${guarded ? 'g' : ''}${this.options.keepVariants ? 'k' : ''}`;
    let raw = this.rawCache.get(key);
    if (!raw) {
      raw = this.retrieve(span.surface, { locative: locative !== undefined, guarded, glue: true });
      if (this.rawCache.size > 200_000) this.rawCache.clear();
      this.rawCache.set(key, raw);
    }
    // Cue words count only within the sentence and with nothing but spaces in between.
    const plainGap = (from: number, to: number) => /^[ \u00A0]+$/u.test(text.slice(from, to));
    const before = previous && plainGap(previous.end, span.start) ? previous.text.toLowerCase() : undefined;
    const twoBack = span.first > 1 ? tokens[span.first - 2]! : undefined;
    const beforeTwo = twoBack && before !== undefined && plainGap(twoBack.end, previous!.start) ? `${twoBack.text.toLowerCase()} ${before}` : undefined;
    const following = tokens[span.last + 1];
    const after = following && plainGap(span.end, following.start) ? following.text.toLowerCase() : undefined;

    if (raw.length === 0) {
      const reromanized = guarded ? undefined : this.reromanize(span, context);
      if (!reromanized) return undefined;
      return { span, start: span.start, keep: false, ranked: [], apply: false, reromanize: reromanized };
    }

    const nextToken = tokens[span.last + 1];
    // A capitalized neighbour that is not a cue word (`Amu Darya`, `Nodira Yusupova`) means the
    // span is probably part of a longer name the gazetteer does not know.
    const adjacentName = (token: WordToken | undefined, gap: string) =>
      token !== undefined &&
      gap === ' ' &&
      !context.known.has(token.index) &&
      isCapitalized(token.text) &&
      kindCue(token.text.toLowerCase(), undefined) === undefined &&
      !CONNECTORS.has(token.text.toLowerCase()) &&
      !ENGLISH_PROPER_WORDS.has(token.text.toLowerCase());
    const previousStartsSentence = previous !== undefined && startsSentence(text, tokens, previous.index);
    const inLongerName =
      adjacentName(nextToken, nextToken ? text.slice(span.end, nextToken.start) : '') ||
      (!previousStartsSentence && adjacentName(previous, previous ? text.slice(previous.end, span.start) : ''));
    const scored = raw.map((candidate) => this.score(candidate, context, before, after, inLongerName, span.start));
    // Rank outputs: the best reading per distinct output text.
    const byOutput = new Map<string, ScoredCandidate>();
    for (const candidate of scored) {
      const output = this.finalOutput(candidate, beforeTwo, after);
      const adjusted = output === candidate.output ? candidate : { ...candidate, output };
      const known = byOutput.get(output);
      if (!known || adjusted.score > known.score) byOutput.set(output, adjusted);
    }
    const ranked = [...byOutput.values()].sort((a, b) => b.score - a.score);
    const best = ranked[0]!;
    // Ambiguity that matters: another entity that would be written differently.
    const runnerUp = ranked.find((candidate) => candidate.output !== best.output && (candidate.alias === undefined || candidate.alias.entry.id !== best.alias?.entry.id));
    if (best.score < this.floor && !best.keep) return undefined;
    const start = best.extendsLeft && locative ? locative.start : span.start;
    // The text already goes on with the rest of the name (`Radio Free Europe` + `/Radio Liberty`).
    const continues = best.output.startsWith(span.surface) && text.startsWith(best.output.slice(span.surface.length), span.end);
    if (best.keep || continues || text.slice(start, span.end) === best.output) {
      return { span, start, keep: true, best, ranked, apply: false, ...(runnerUp ? { runnerUp } : {}) };
    }
    const margin = best.score - (runnerUp?.score ?? 0);
    const apply = !this.options.suggestOnly && !best.noAuto && best.score >= this.minConfidence && margin >= this.minMargin;
    return { span, start, keep: false, best, ranked, apply, ...(runnerUp ? { runnerUp } : {}) };
  }

  /** Context-free candidates for a span of text. */
  private retrieve(surface: string, flags: { locative: boolean; guarded: boolean; glue: boolean }): RawCandidate[] {
    const folded = foldKey(surface);
    if (folded.length < 2 || /\d/u.test(folded)) return [];
    const out: RawCandidate[] = [];
    const exact = this.index.lookupExact(folded);
    let strongKeep = false;
    for (const alias of exact) {
      if (alias.keep || alias.replacement === surface) {
        if (alias.alias.text.toLowerCase() !== surface.toLowerCase() && alias.alias.script === 'Latn' && alias.prior >= 0.6 && !alias.common) {
          // Same letters once diacritics are read (`Dušanbe` for `Dushanbe`): another romanization.
          out.push({ output: alias.replacement, alias, how: 'exact', rule: 'romanization', cost: 0, base: 0.98, keep: false, detail: { folded } });
          continue;
        }
        const base = alias.prior >= 0.5 ? 1 : 0.7 + 0.3 * alias.prior;
        if (base >= 0.95) strongKeep = true;
        out.push({ output: surface, alias, how: 'exact', rule: 'alias', cost: 0, base, keep: true, detail: {} });
      }
    }
    if (strongKeep) return out.filter((candidate) => candidate.keep);
    for (const alias of exact) {
      if (alias.keep || alias.replacement === surface) continue;
      // Small places' variant lists are noisy (`Kyrgyz` is listed for a village): not a reason to rewrite.
      if (alias.prior < 0.6) continue;
      // A demonym-like truncation of the name (`Uzbek` for Uzbekistan) is an adjective, not the name.
      if (alias.alias.script === 'Latn' && demonymLike(alias, folded)) continue;
      // Foreign-orthography spellings near a Latin-script country are likely that country's own names.
      if (flags.guarded && alias.alias.origin === 'generated' && !isPlaceKind(alias.entry.kind)) continue;
      const rule = ruleOfAlias(alias);
      // A fuller or differently worded English form (`Radio Azattyk`, `Oliy Majlis of Uzbekistan`) is not an error.
      if (rule === 'variant' && (containsWords(folded, foldKey(alias.replacement)) || !this.isVariantSpelling(alias, rule, true))) {
        // A fuller form written exactly as listed is kept; a listed "variant" that is another word
        // altogether (gazetteer noise such as `Kazakh` for a city) is no evidence either way.
        if (alias.alias.text.toLowerCase() === surface.toLowerCase() && containsWords(folded, foldKey(alias.replacement))) {
          out.push({ output: surface, alias, how: 'exact', rule, cost: 0, base: 1, keep: true, detail: {} });
          strongKeep = true;
        }
        continue;
      }
      if (this.options.keepVariants && this.isVariantSpelling(alias, rule)) {
        out.push({ output: surface, alias, how: 'exact', rule, cost: 0, base: 1, keep: true, detail: {} });
        continue;
      }
      // Exact > known variant > generated romanization (foreign orthographies last).
      const base = alias.alias.origin !== 'generated' ? 0.97 : ENGLISH_LIKE.has(alias.alias.scheme ?? '') ? 0.94 : 0.93;
      const candidate: RawCandidate = { output: alias.replacement, alias, how: 'exact', rule, cost: 0, base, keep: false, detail: {} };
      if (alias.common) candidate.noAuto = true;
      // A case form of a surname is also the feminine surname (`Mirziyoyeva`): never applied blind.
      if (alias.alias.scheme === 'ru-case' && alias.entry.kind === 'person') candidate.noAuto = true;
      out.push(candidate);
    }
    if (strongKeep) return out.filter((candidate) => candidate.keep);
    if (out.some((candidate) => candidate.base >= 0.95)) return out;

    const latin = isLatinText(surface);
    const words = folded.split(' ');
    // A run of names (`Uzbekistan Kazakhstan`): when its first word is already a correct name and
    // the whole is no alias, the run is several names, not one garbled one; each is read alone.
    if (words.length > 1 && this.index.lookupExact(words[0]!).some((alias) => alias.keep && alias.prior >= 0.5 && alias.folded.split(' ').length === 1)) return out;
    const contentWords = words.filter((word) => !CONNECTORS.has(word));
    const allEnglish = contentWords.every((word) => this.english.has(word));
    const foreignLetters = hasLatinOnlyLetter(surface);
    if (latin && !allEnglish && !foreignLetters) {
      const englishWords = contentWords.filter((word) => this.english.has(word));
      const fits = (alias: IndexedAlias) => {
        const aliasWords = alias.folded.split(' ');
        return englishWords.every((word) => aliasWords.includes(word)) && Math.abs(aliasWords.length - words.length) <= 1;
      };
      const letters = folded.replace(/ /g, '').length;
      for (const hit of this.index.lookupSkeleton(folded)) {
        // The same letters were weighed as an exact match above (and left alone for a reason).
        if (hit.alias.folded === folded || demonymLike(hit.alias, folded)) continue;
        if (hit.alias.prior < 0.5 || !fits(hit.alias) || (flags.guarded && !isPlaceKind(hit.alias.entry.kind))) continue;
        out.push(this.fromHit(hit, 'skeleton', 'romanization', 0.93, surface));
      }
      if (!out.some((candidate) => candidate.how === 'skeleton') && letters >= 5) {
        for (const hit of this.index.lookupFuzzy(folded)) {
          if (!fits(hit.alias) || (flags.guarded && !isPlaceKind(hit.alias.entry.kind)) || demonymLike(hit.alias, folded)) continue;
          if (hit.alias.folded.split(' ').length !== words.length) continue;
          if (words.length > 1 && !wordsWithinBudget(folded, hit.alias.folded)) continue;
          // A plain typo (`Uzbekitsan`) can look worse through the skeleton than letter by letter.
          const cost = Math.min(hit.cost, weightedDistance(folded.replace(/[^a-z ]/g, ''), hit.alias.folded.replace(/[^a-z ]/g, ''), hit.cost));
          const candidate = this.fromHit({ alias: hit.alias, cost }, 'fuzzy', 'fuzzy', 0.88 - 0.15 * cost, surface);
          // One-word names of organizations are often ordinary words elsewhere (`Daryo` is "river"): suggest only.
          if (words.length === 1 && !isPlaceKind(hit.alias.entry.kind) && hit.alias.entry.kind !== 'person') candidate.noAuto = true;
          out.push(candidate);
        }
      }
      out.push(...this.morphology(surface, folded, flags));
    }
    if (flags.glue && out.every((candidate) => candidate.base < 0.8)) out.push(...this.glued(surface, flags));
    if (flags.locative && /[eiu]$/u.test(folded)) {
      // `v Moskve`: after a romanized Russian locative preposition, a place becomes `in <place>`.
      for (const candidate of out) {
        if (candidate.keep || candidate.extendsLeft || !candidate.alias || !isPlaceKind(candidate.alias.entry.kind)) continue;
        candidate.output = `in ${candidate.output}`;
        candidate.extendsLeft = true;
        candidate.detail.preposition = 'v';
      }
    }
    return out;
  }

  private fromHit(hit: IndexHit, how: How, rule: Rule, base: number, surface: string): RawCandidate {
    const candidate: RawCandidate = { output: hit.alias.replacement, alias: hit.alias, how, rule, cost: hit.cost, base, keep: false, detail: {} };
    const reading = reromanizeSpanWords(surface);
    if (reading) candidate.detail.scheme = reading.scheme;
    if (hit.alias.common) candidate.noAuto = true;
    return candidate;
  }

  /**
   * Known variant spellings (not errors): what `keepVariants` leaves alone. With `strict`, only
   * whether the alias is a spelling of the same name (not a different word such as a nickname).
   */
  private isVariantSpelling(alias: IndexedAlias, rule: Rule, strict = false): boolean {
    if (alias.alias.type === 'misspelling' || alias.alias.script !== 'Latn') return strict;
    if (rule === 'variant' && !strict) return true;
    // A romanization of the same name (not a translation such as `Golos Ameriki`).
    const target = skeletonOfFolded(foldKey(alias.replacement));
    return weightedDistance(alias.skeleton, target, 3) <= Math.max(2, 0.35 * target.length);
  }

  /** Readings with a Russian adjective or case ending cut off. */
  private morphology(surface: string, folded: string, flags: { locative: boolean }): RawCandidate[] {
    const words = folded.split(' ');
    const lastWord = words[words.length - 1]!;
    if (this.english.has(lastWord)) return [];
    const prefix = words.slice(0, -1);
    const out: RawCandidate[] = [];
    const tryStem = (stemWord: string, ending: string, type: 'adjective' | 'case') => {
      const skeleton = skeletonOfFolded([...prefix, stemWord].join(' '));
      const stem = stemOfSkeleton(skeleton);
      const letters = stem.replace(/ /g, '').length;
      if (stem.slice(stem.lastIndexOf(' ') + 1).length < 4) return;
      const budget = type === 'adjective' ? Math.min(1, maxFuzzyCost(letters)) : 0;
      const hits = this.index.lookupStem(stem, budget);
      // A full word after a case ending (`Karakalpakstana` → `Karakalpakstan`).
      if (type === 'case') for (const alias of this.index.lookupExact([...prefix, stemWord].join(' '))) hits.push({ alias, cost: 0 });
      for (const hit of hits) {
        const kind = hit.alias.entry.kind;
        if (hit.alias.prior < 0.5) continue;
        if (type === 'adjective' && !isPlaceKind(kind)) continue;
        if (flags.locative && !isPlaceKind(kind)) continue;
        const base = (type === 'adjective' ? 0.9 : 0.86) - 0.14 * hit.cost;
        const candidate: RawCandidate = {
          output: hit.alias.replacement,
          alias: hit.alias,
          how: 'stem',
          rule: 'morphology',
          cost: hit.cost,
          base: flags.locative ? base + 0.05 : base,
          keep: false,
          detail: { ending: `-${ending}`, endingType: type },
        };
        // Case endings on people are also feminine surnames (`Mirziyoyeva`): never applied blind.
        if (type === 'case' && kind === 'person') candidate.noAuto = true;
        if (hit.alias.common) candidate.noAuto = true;
        out.push(candidate);
      }
    };
    for (const ending of ADJECTIVE_ENDINGS) {
      if (lastWord.endsWith(ending) && lastWord.length - ending.length >= 3) tryStem(lastWord.slice(0, -ending.length), ending, 'adjective');
    }
    for (const ending of CASE_ENDINGS) {
      if (lastWord.endsWith(ending) && lastWord.length - ending.length >= 4) tryStem(lastWord.slice(0, -ending.length), ending, 'case');
    }
    return out;
  }

  /** Readings with a glued function word split off (`Kenesthe` → `Kenesh the`). */
  private glued(surface: string, flags: { locative: boolean; guarded: boolean }): RawCandidate[] {
    const out: RawCandidate[] = [];
    const lastSpace = surface.lastIndexOf(' ');
    const lastWord = surface.slice(lastSpace + 1);
    const lower = lastWord.toLowerCase();
    if (!this.english.has(lower)) {
      for (const suffix of GLUED_SUFFIXES) {
        if (!lower.endsWith(suffix) || lastWord.length - suffix.length < 4) continue;
        const head = surface.slice(0, surface.length - suffix.length);
        for (const inner of this.retrieve(head, { ...flags, glue: false })) {
          if (inner.extendsLeft) continue;
          out.push({
            ...inner,
            output: `${inner.output} ${surface.slice(surface.length - suffix.length)}`,
            rule: 'glued',
            base: inner.base - 0.03,
            keep: false,
            detail: { ...inner.detail, glued: suffix, innerRule: inner.rule },
          });
        }
      }
    }
    const prefix = gluedPrefix(surface);
    if (prefix) {
      const rest = surface.slice(prefix.length);
      const inner = this.retrieve(rest, { ...flags, glue: false }).filter((candidate) => candidate.base >= 0.9 && candidate.alias !== undefined && candidate.alias.prior >= 0.5);
      for (const candidate of inner) {
        out.push({ ...candidate, output: `${prefix} ${candidate.output}`, rule: 'glued', base: candidate.base - 0.03, keep: false, detail: { ...candidate.detail, glued: prefix, innerRule: candidate.rule } });
      }
      if (inner.length === 0 && /^[\p{L}\p{M}]+$/u.test(rest)) {
        // `theTurkmen`: a function word glued to a capitalized word is a plain split.
        out.push({ output: `${prefix} ${rest}`, how: 'exact', rule: 'glued', cost: 0, base: 0.9, keep: false, detail: { glued: prefix } });
      }
    }
    return out;
  }

  private score(candidate: RawCandidate, context: DocContext, before: string | undefined, after: string | undefined, inLongerName: boolean, start: number): ScoredCandidate {
    let score = candidate.base;
    const reasons: string[] = [];
    const entry = candidate.alias?.entry;
    const support = entry ? this.support(context, entry, start) : undefined;
    if (entry && !candidate.keep && candidate.how !== 'exact') {
      if (inLongerName && entry.kind !== 'person') {
        score -= 0.1;
        reasons.push('part of a longer unknown name');
      }
      if (candidate.how === 'fuzzy' && entry.kind !== 'country' && entry.country !== undefined && this.foreignToDocument(context, entry.country, start)) {
        score -= 0.06;
        reasons.push('country not in document');
      }
    }
    if (entry && !candidate.keep) {
      score += 0.3 * (candidate.alias!.prior - 0.6);
      if (candidate.how !== 'exact') {
        score += ALIAS_TYPE_WEIGHT[candidate.alias!.alias.type] ?? 0;
        // An alias that is another name altogether (`Khorezm` listed for Khiva) is weaker evidence than a spelling.
        if (candidate.alias!.alias.origin === 'name' && !this.isVariantSpelling(candidate.alias!, 'alias', true)) {
          score -= 0.06;
          reasons.push('alias is a different name of the entity');
        }
      }
      if (context.hints.has(entry.id)) {
        score += 0.15;
        reasons.push('hint');
      } else if (support === 'same') {
        score += 0.06;
        reasons.push('mentioned elsewhere');
      } else if (support === 'related') {
        score += 0.04;
        reasons.push('related entity in document');
      }
      if (entry.context?.some((word) => context.words.has(word.toLowerCase()))) {
        score += 0.03;
        reasons.push('context word');
      }
      const cue = kindCue(before, after);
      if (cue) {
        if (kindFits(cue, entry.kind)) {
          score += 0.08;
          reasons.push(`kind cue: ${cue}`);
        } else if (cue !== 'person' || isPlaceKind(entry.kind)) {
          score -= 0.15;
          reasons.push(`kind mismatch: ${cue}`);
        }
      }
    }
    // Unclamped, so that margins between strong candidates survive; confidences are clamped on output.
    return { ...candidate, score, reasons };
  }

  /** The final replacement text: drop a designator (`Region`) the sentence already has. */
  private finalOutput(candidate: ScoredCandidate, beforeTwo: string | undefined, after: string | undefined): string {
    if (candidate.keep || !candidate.alias || !isPlaceKind(candidate.alias.entry.kind)) return candidate.output;
    const name = candidate.alias.replacement;
    const short = shortPlaceName(name);
    if (!short) return candidate.output;
    const designatorNearby = (after !== undefined && DESIGNATOR_WORDS.has(after)) || (beforeTwo !== undefined && /^(?:\S+ )?(?:region|province|oblast) of$/u.test(beforeTwo));
    return designatorNearby ? candidate.output.replace(name, short) : candidate.output;
  }

  private reromanize(span: Span, context: DocContext): { text: string; scheme: string } | undefined {
    if (!isLatinText(span.surface) || hasLatinOnlyLetter(span.surface)) return undefined;
    const reading = reromanizeSpanWords(span.surface);
    if (!reading || reading.text === span.surface) return undefined;
    const words = foldKey(span.surface).split(' ');
    if (words.some((word) => this.english.has(word))) return undefined;
    const shaped = words.some((word) => hasPostSovietNameShape(foldKey(reromanizeWord(word)?.text ?? word)));
    if (!shaped && !context.postSoviet) return undefined;
    return reading;
  }

  private assemble(text: string, decisions: Decision[]): NormalizeResult {
    const changes: Change[] = [];
    const suggestions: Suggestion[] = [];
    for (const decision of decisions) {
      if (decision.keep) continue;
      if (decision.reromanize) {
        suggestions.push({
          start: decision.span.start,
          end: decision.span.end,
          from: decision.span.surface,
          to: decision.reromanize.text,
          entity: '',
          kind: 'person',
          confidence: 0.5,
          rule: 'reromanize',
          evidence: { scheme: decision.reromanize.scheme, note: 'no gazetteer entry confirms this name' },
          candidates: [],
        });
        continue;
      }
      const best = decision.best!;
      // Report only the words that change (`Zhogorku Kenesthe` → `Kenesthe` → `Kenesh the`).
      let start = decision.start;
      let from = text.slice(start, decision.span.end);
      let to = best.output;
      const evidenceSpan = from;
      for (let cut = commonLeadingWords(from, to); cut > 0; cut = commonLeadingWords(from, to)) {
        start += cut;
        from = from.slice(cut);
        to = to.slice(cut);
      }
      const change: Change = {
        start,
        end: decision.span.end,
        from,
        to,
        entity: best.alias?.entry.id ?? '',
        kind: best.alias?.entry.kind ?? 'text',
        confidence: confidence(best.score),
        rule: best.rule,
        evidence: { ...evidenceOf(best, decision.runnerUp), ...(evidenceSpan !== from ? { span: evidenceSpan } : {}) },
      };
      if (decision.apply) changes.push(change);
      else {
        suggestions.push({
          ...change,
          candidates: decision.ranked.slice(0, 3).map((candidate) => ({
            entity: candidate.alias?.entry.id ?? '',
            name: candidate.output,
            score: confidence(candidate.score),
            rule: candidate.rule,
          })),
        });
      }
    }
    let out = '';
    let at = 0;
    for (const change of changes) {
      out += text.slice(at, change.start) + change.to;
      at = change.end;
    }
    out += text.slice(at);
    return { text: out, changes, suggestions };
  }
}

function evidenceOf(best: ScoredCandidate, runnerUp: ScoredCandidate | undefined): Record<string, unknown> {
  const alias = best.alias?.alias;
  const evidence: Record<string, unknown> = {};
  if (alias) {
    evidence.alias = alias.text;
    evidence.aliasOrigin = best.alias!.derived ?? alias.origin;
    evidence.aliasType = alias.type;
    evidence.aliasLang = alias.lang;
    if (alias.scheme) evidence.scheme = alias.scheme;
    if (alias.from) evidence.aliasFrom = alias.from;
  }
  evidence.match = best.how;
  evidence.cost = round(best.cost);
  Object.assign(evidence, best.detail);
  if (best.reasons.length > 0) evidence.context = best.reasons;
  evidence.runnerUp = runnerUp ? { name: runnerUp.output, entity: runnerUp.alias?.entry.id ?? '', score: confidence(runnerUp.score) } : null;
  return evidence;
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What a pass applied and kept, as a comparable string. */
function appliedKey(decisions: readonly Decision[]): string {
  return decisions
    .map((decision) => `${decision.span.start}:${decision.span.end}:${decision.keep ? 'k' : decision.apply ? decision.best?.output : '-'}:${decision.best?.alias?.entry.id ?? ''}`)
    .join('|');
}

/** Length of the first word plus its space when `a` and `b` start with the same word and both go on. */
function commonLeadingWords(a: string, b: string): number {
  const space = a.indexOf(' ');
  if (space <= 0 || b.indexOf(' ') !== space || a.slice(0, space + 1) !== b.slice(0, space + 1)) return 0;
  return space + 1;
}

/** True when every word of `inner` occurs, in order, among the words of `outer` (and they differ). */
function containsWords(outer: string, inner: string): boolean {
  if (outer === inner) return false;
  const words = outer.split(' ');
  let at = 0;
  for (const word of inner.split(' ')) {
    at = words.indexOf(word, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** True when the text is a truncation of the name (`Uzbek` for Uzbekistan): an adjective, not the name. */
function demonymLike(alias: IndexedAlias, folded: string): boolean {
  if (folded.includes(' ')) return false;
  const target = foldKey(alias.replacement).replace(/ /g, '');
  return target.length >= folded.length + 3 && target.startsWith(folded);
}

/** Each word of a multi-word fuzzy match must be within its own budget (`Central Asian` is not `Central Ostan`). */
function wordsWithinBudget(folded: string, aliasFolded: string): boolean {
  const a = folded.split(' ');
  const b = aliasFolded.split(' ');
  return a.every((word, i) => {
    const skeleton = skeletonOfFolded(word);
    const other = skeletonOfFolded(b[i] ?? '');
    if (skeleton === other) return true;
    const cost = Math.min(weightedDistance(skeleton, other, 2), swapCost(skeleton, other));
    return cost <= maxFuzzyCost(skeleton.length);
  });
}

/** A score as reported: clamped to [0, 0.99] and rounded. */
function confidence(score: number): number {
  return round(Math.max(0, Math.min(0.99, score)));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function ruleOfAlias(alias: IndexedAlias): Rule {
  if (alias.alias.origin === 'generated') return alias.alias.scheme === 'ru-case' || alias.alias.scheme === 'ru-adjective' ? 'morphology' : 'romanization';
  if (alias.alias.script !== 'Latn') return 'alias';
  const lang = alias.alias.lang;
  if ((lang === 'en' || lang === 'und' || lang.startsWith('en-')) && (alias.alias.type === 'variant' || alias.alias.type === 'misspelling')) return 'variant';
  return 'alias';
}

function gluedPrefix(word: string): string | undefined {
  for (const prefix of GLUED_PREFIXES) {
    if (word.length > prefix.length + 2 && word.startsWith(prefix) && /^\p{Lu}\p{Ll}/u.test(word.slice(prefix.length))) return prefix;
  }
  return undefined;
}

/** The reromanized reading of a span (scheme detected on any word, applied to all). */
export function reromanizeSpanWords(surface: string): { text: string; scheme: string } | undefined {
  const words = surface.split(/([ \-])/u);
  const schemeWord = words.map((word) => reromanizeWord(word)).find((reading) => reading !== undefined);
  if (!schemeWord) return undefined;
  const scheme = schemeWord.scheme;
  const text = words
    .map((word) => {
      if (word === ' ' || word === '-') return word;
      const direct = reromanizeWord(word);
      if (direct) return direct.text;
      // Words without a marker of their own are read with the span's scheme (`Mirzijojev` next to `Šavkat`).
      if (scheme === 'czech-slovak' || scheme === 'polish' || scheme === 'german') {
        const read = word.replace(/j(?=[aeiou])/gu, 'y').replace(/(?<=[aeiou])j/gu, 'y');
        return scheme === 'czech-slovak' ? read : read.replace(/w/gu, 'v').replace(/W/gu, 'V');
      }
      return word;
    })
    .join('');
  return { text, scheme };
}

function kindCue(before: string | undefined, after: string | undefined): string | undefined {
  for (const [kind, cue] of Object.entries(KIND_CUES)) {
    if ((before !== undefined && cue.before.has(before)) || (after !== undefined && cue.after.has(after))) return kind;
  }
  return undefined;
}

function kindFits(cue: string, kind: string): boolean {
  if (cue === kind) return true;
  if (cue === 'region') return kind === 'region' || kind === 'district';
  if (cue === 'city') return kind === 'city' || kind === 'town' || kind === 'village';
  if (cue === 'legislature') return kind === 'legislature' || kind === 'government-body';
  if (cue === 'media') return kind === 'media' || kind === 'org';
  return false;
}

/** True when token `index` is the first word of a sentence. */
function startsSentence(text: string, tokens: WordToken[], index: number): boolean {
  if (index === 0) return true;
  return /[.!?]["'”’)»]*\s|\n/u.test(text.slice(tokens[index - 1]!.end, tokens[index]!.start));
}

/** Sentence number of each token (a new sentence after `.`, `!`, `?` or a line break). */
function sentenceIds(text: string, tokens: WordToken[]): number[] {
  const ids: number[] = [];
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0) {
      const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
      if (/[.!?]["'”’)»]*\s|\n/u.test(gap)) id++;
    }
    ids.push(id);
  }
  return ids;
}

export type { GazetteerEntry };
