/**
 * The normalizer proper: finds candidate name spans in English text, retrieves gazetteer
 * candidates for each (exact alias, romanization skeleton, fuzzy, morphology, glued function
 * words), scores them with document context and decides: fix, suggest or leave alone.
 */
import type { Change, Suggestion } from '../document.js';
import type { Alias, Gazetteer, GazetteerEntry } from '../gazetteer/index.js';
import { primaryLang } from '../gazetteer/romanize/engine.js';
import { foldKey, foldKeyOnce, isLatinText, skeletonKey, skeletonOfFolded } from './fold.js';
import { indexFor, isEnglishLang, isPlaceKind, maxFuzzyCost, shortPlaceName, stemOfSkeleton, type IndexHit, type IndexedAlias, type NameIndex } from './name-index.js';
import {
  ADJECTIVE_ENDINGS,
  CASE_ENDINGS,
  CONNECTORS,
  DESIGNATOR_WORDS,
  RUSSIAN_DISTRICT_NOUNS,
  RUSSIAN_COMMON_ADJECTIVE,
  RUSSIAN_FEATURE_NOUNS,
  RUSSIAN_FEATURE_NOUNS_BEFORE,
  UKRAINIAN_ADJECTIVE_ENDINGS,
  ENGLISH_PROPER_WORDS,
  BARE_ADJECTIVE_ENDINGS,
  FOCUS_COUNTRIES,
  FOCUS_LANGUAGES,
  HOLD_GLUED_SUFFIXES,
  COUNTRY_ADJECTIVES,
  GLUED_PREFIXES,
  GLUED_SUFFIXES,
  KIND_CUES,
  LATIN_SCRIPT_CUES,
  LOCAL_LOCATIVE_SUFFIXES,
  NAME_ENDING_SUFFIXES,
  RUSSIAN_PREPOSITIONS,
  RUSSIAN_REGION_NOUNS,
  NATIVE_REGION_NOUNS,
  REGIONAL_WORDS,
  type RussianPreposition,
  commonEnglishWords,
  commonGivenNames,
  hasCueLetter,
  hasLatinOnlyLetter,
  hasPostSovietNameShape,
  hasSurnameShape,
  isNominativeAdjective,
  nominativeAdjectiveForms,
  reromanizeWord,
} from './rules.js';
import { isCapitalized, isNonLatinWord, tokenize, type WordToken } from './tokenize.js';
import { substitutionCost, swapCost, weightedDistance } from './distance.js';
import { memoize } from './memo.js';

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
  /** Why the candidate is only ever suggested (see `holdOf`). */
  hold?: string;
  /**
   * The output is a public body's name without the country its canonical name adds (`Natsbank` →
   * `National Bank`): it names the body of whichever country the document is about, and reads as
   * this entity only where the document names no other country (see `decide`).
   */
  countryDropped?: boolean;
}

/** What `retrieve` is told about a span's surroundings (part of the reading's cache key). */
interface RetrieveFlags {
  /** A Russian preposition left untranslated right before the span (`v`, `iz`; see `RUSSIAN_PREPOSITIONS`). */
  preposition: string | undefined;
  /** The sentence names a Latin-script country: foreign-orthography readings of people are not made. */
  guarded: boolean;
  /** Glued function words may be split off (not inside a reading that already split one). */
  glue: boolean;
  /** A Russian noun of a region follows the span (`Kurskaya oblast`): a town named like the region's adjective is the region there. */
  regionNoun: boolean;
}

/** A candidate with the context-free part of its score, as a span's reading holds it. */
interface RatedCandidate extends RawCandidate {
  /** The base with the entity's prior and how the alias was made: the score before context (see `rate`). */
  standing: number;
  /** The alias is another name of the entity (`Khorezm` listed for Khiva), not a spelling of it. */
  otherName: boolean;
}

interface Span {
  first: number;
  last: number;
  start: number;
  end: number;
  surface: string;
  /** What the index says about the span (set on first use; fixed for the document). */
  reading: SpanReading | undefined;
}

/**
 * What the index says about a span, document context aside. Cached across documents by surface
 * and flags, so a name is looked up once per process however often it occurs.
 */
interface SpanReading {
  candidates: RatedCandidate[];
  /**
   * Set when every candidate keeps the span as written (a correct name): the decision is a keep
   * that no context can change, so it is made without scoring. The best of them, scored.
   */
  keeper?: ScoredCandidate;
  /** For a span without candidates: its reading in English romanization, if it has one. */
  reromanized?: { text: string; scheme: string };
  /** ...and whether proposing it needs the document to be about a post-Soviet country. */
  reromanizeNeedsContext?: boolean;
}

/** A span reading with all its fields, in one order: every reading has one hidden class. */
function spanReading(candidates: RatedCandidate[], keeper: ScoredCandidate | undefined, reromanized: SpanReading['reromanized'], reromanizeNeedsContext: boolean | undefined): SpanReading {
  return { candidates, keeper, reromanized, reromanizeNeedsContext };
}

/** The reading of a span the index knows nothing about and that has no English romanization (shared: readings are never changed). */
const NO_READING: SpanReading = Object.freeze(spanReading([], undefined, undefined, undefined)) as SpanReading;

/** A decision (or none) with whether document context could change it. */
interface Outcome {
  decision: Decision | undefined;
  /** True when no document context could change the outcome: later passes reuse it. */
  contextFree: boolean;
}

/** No decision, whatever the context (the most common outcome: a word the gazetteer does not know). */
const NO_DECISION: Outcome = { decision: undefined, contextFree: true };

interface DocContext {
  /** Where the document's double quotation marks are, found on first use (see `inQuotedNativeTitle`). */
  quotes?: number[];
  /** Surnames the document writes after a common given name, folded, with their token (made on first use). */
  givenSurnames?: Array<{ at: number; folded: string }>;
  /** Where the text's dateline ends (`BAKU, Azerbaijan, Aug 27 — `), 0 without one; found on first use. */
  datelineEnd?: number;
  /** Where each entity named plainly in the document is named (a mention never supports itself). */
  anchorStarts: Map<string, number[]>;
  /** Where the children of each entity are named. */
  childStartsByParent: Map<string, number[]>;
  hints: Set<string>;
  /** The document's words, lower-cased (built on first use: only context words of candidates need it). */
  tokenWords?: Set<string>;
  /** Words of the names of the entities resolved so far (`Biškek` read as Bishkek counts as `bishkek`)... */
  nameWords: Set<string>;
  /** ...made on demand from these entities (only candidates with context words ask). */
  nameEntries: GazetteerEntry[];
  nameEntriesRead: number;
  tokens: readonly WordToken[];
  /** The sentence number of each token (see `sentenceIds`). */
  sentences: Int32Array;
  text: string;
  latinCueSentences: Set<number>;
  postSoviet: boolean;
  /** Countries (ISO 3166-1 alpha-2) of the entities the document names plainly. */
  /** Countries of the entities found, with where each was found (a mention never supports itself). */
  countries: Map<string, number[]>;
  /** The same, as a list in the order found: the loops over it run for every candidate and must not allocate. */
  countryList: Array<{ country: string; starts: number[] }>;
  /** Tokens that pass 1 read as (part of) a known name: a neighbour there is no unknown name... */
  known: Set<number>;
  /** ...unless the name is a person's (`Volodymyr` next to `Zelensky` is his given name, not a town). */
  knownPeople: Set<number>;
  /** Where the mentions fixed in some pass start. */
  applied: Set<number>;
  /** Where the mentions kept as written (correct names) start: a person named plainly. */
  kept: Set<number>;
  /**
   * Starts of mentions read only by skeleton, stem or fuzzy match and not applied: they place
   * the document but name no entity for another mention (`Kapan` and `Kajaran`, both near Kazan,
   * must not vouch for each other).
   */
  inexact: Set<number>;
}

/** The words around a span that its decision weighs (see `Normalizer.surroundings`). */
interface Surroundings {
  /** The word before, lower case, when only spaces part it from the span (a cue word). */
  before: string | undefined;
  twoBack: WordToken | undefined;
  /** The two words before, lower case (`region of`). */
  beforeTwo: string | undefined;
  /** `called` as a telephone call (`Rahmon called Sadyr Zhaparov`), not a citation. */
  phoned: boolean;
  following: WordToken | undefined;
  /** The word after, lower case, when only spaces part it from the span. */
  after: string | undefined;
  nameFollows: boolean;
  previousIsName: boolean;
  namePrecedes: boolean;
  longerName: LongerName;
  beforeSurname: boolean;
  afterGivenName: boolean;
  placeAfterGivenName: boolean;
  beforeGivenName: boolean;
  /** The kind the words around name (`region`, `person`...), for all candidates alike. */
  cue: string | undefined;
}

interface Decision {
  /** Set once the decision has been added to the document's context. */
  counted?: boolean;
  span: Span;
  start: number;
  /** Where the change ends when it takes in a following word (`Karagandinskoy oblasti`); else the span's end. */
  end?: number;
  keep: boolean;
  best?: ScoredCandidate;
  runnerUp?: ScoredCandidate;
  ranked: ScoredCandidate[];
  apply: boolean;
  reromanize?: { text: string; scheme: string };
}

interface ScoredCandidate extends RawCandidate {
  score: number;
  /** What the context added or took away, as `Reason` bits (texts made only for the evidence, see `reasonTexts`). */
  reasons: number;
  /** The kind cue of the words around the span, when `reasons` has `Reason.KindCue` or `Reason.KindMismatch`. */
  cue: string | undefined;
}

/** Why context moved a score: bits of `ScoredCandidate.reasons`, in the order the evidence lists them. */
const enum Reason {
  LongerName = 1,
  ForeignCountry = 2,
  OtherName = 4,
  Hint = 8,
  Mentioned = 16,
  Related = 32,
  ContextWord = 64,
  KindCue = 128,
  KindMismatch = 256,
  DocumentCountry = 512,
}

const REASON_TEXTS: ReadonlyArray<[Reason, string]> = [
  [Reason.LongerName, 'part of a longer unknown name'],
  [Reason.ForeignCountry, 'country not in document'],
  [Reason.OtherName, 'alias is a different name of the entity'],
  [Reason.Hint, 'hint'],
  [Reason.Mentioned, 'mentioned elsewhere'],
  [Reason.Related, 'related entity in document'],
  [Reason.ContextWord, 'context word'],
  [Reason.KindCue, 'kind cue'],
  [Reason.KindMismatch, 'kind mismatch'],
  [Reason.DocumentCountry, 'country of the document'],
];

/** The reasons of a scored candidate as the evidence words them (`kind cue: region`). */
function reasonTexts(candidate: ScoredCandidate): string[] {
  const texts: string[] = [];
  for (const [reason, text] of REASON_TEXTS) {
    if ((candidate.reasons & reason) === 0) continue;
    texts.push(reason === Reason.KindCue || reason === Reason.KindMismatch ? `${text}: ${candidate.cue}` : text);
  }
  return texts;
}

/** How much the kind of alias a non-exact match landed on adds (exact > known variant > generated > historic). */
const ALIAS_TYPE_WEIGHT: Record<string, number> = { canonical: 0.04, official: 0.03, preferred: 0.03, variant: 0, misspelling: 0, colloquial: -0.02, abbreviation: -0.05, historic: -0.06 };

/** Generated schemes that spell the English way (their exact matches rank above foreign orthographies). */
const ENGLISH_LIKE = new Set(['en-calque', 'bgn-pcgn', 'wikipedia', 'ru-adjective', 'ru-case', 'en-admin', 'tg-bgn', 'ky-bgn', 'kk-english', 'uz-english', 'ru-simplified']);

/**
 * Generated schemes of other languages' orthographies (`Romanow`, `Sergejev`, `UsA`), as opposed
 * to transliteration standards (ISO 9, GOST: `EAES` is the EAEU's Russian acronym, as written).
 */
const FOREIGN_LANGUAGE_SCHEMES = new Set(['french', 'hungarian', 'polish', 'german', 'czech', 'italian', 'spanish', 'mvd-310-fr']);

/** Adjective endings with their inflection (`-skoy`, not the bare `-sk`): no case ending follows one. */
const INFLECTED_ADJECTIVE_ENDINGS = ADJECTIVE_ENDINGS.filter((ending) => /[aeiouy]$/u.test(ending));

/** A three-letter stem left by a case ending is read only as the full name of a place this prominent (`Oshe` → Osh). */
const SHORT_STEM_MIN_PRIOR = 0.8;

/** A city or region outside the region this prominent (some 300,000 people) is read from a near-spelling where the document names its country. */
const MAJOR_PLACE_PRIOR = 0.85;

/** A country outside the region with at least this many people is read from a near-spelling without another mention. */
const MAJOR_COUNTRY_POPULATION = 30_000_000;

/** Below this prior (a town of about 70,000 people) a fuzzy match is applied only with support from the document. */
const FUZZY_SMALL_PLACE_PRIOR = 0.75;
/** Letters from which a country's name is long enough for a garble of more than one edit (see `holdOf`). */
const LONG_COUNTRY_NAME = 10;
/** Letters from which a fuzzy reading through variants of unknown language in several spellings counts (see `nearNoisyVariantOnly`). */
const NOISY_VARIANT_MIN_LETTERS = 6;
/** A word shaped like a Russian `-sky` surname (`Tchaikovsky`, `Obolensky`). */
const SKY_SURNAME = /\p{Ll}sk(?:y|iy|ii|ij)$/u;

/** Languages whose names of the region's places are their own spellings of them (`Djalalabad`, French). */
const EUROPEAN_LANGUAGES: ReadonlySet<string> = new Set(['fr', 'de', 'it', 'es', 'pt', 'pl', 'cs', 'sk', 'hu', 'nl', 'ro']);

/** Kinds of populated place (as opposed to administrative units). */
const TOWN_KINDS: ReadonlySet<string> = new Set(['city', 'town', 'village']);

/**
 * A word split off the end of a name, as English writes it after the name: a function word as
 * written, a river's, a lake's, a region's or a district's kind capitalized as part of the name
 * (`Ishimriver` → `Ishim River`); `city` stays lower case (`Shymkent city`).
 */
function gluedWordAfter(word: string): string {
  return NAME_KIND_WORDS.has(word.toLowerCase()) ? word.charAt(0).toUpperCase() + word.slice(1).toLowerCase() : word;
}

const NAME_KIND_WORDS: ReadonlySet<string> = new Set(['river', 'lake', 'region', 'district']);

/** A word of two or more capitalized parts run together (`NizhnyNovgorod`), letters only. */
const CAMEL_CASE = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$/u;

/** An entity's English acronym (`OSCE`), if the gazetteer lists one. */
function englishAcronym(entry: GazetteerEntry): string | undefined {
  return entry.names.find((name) => name.type === 'abbreviation' && name.script === 'Latn' && isEnglishLang(name.lang) && isAcronym(name.text))?.text;
}

/** True when a Russian noun of a region follows a one-word span after one space (`Kurskaya oblast`). */
function regionNounAfter(text: string, tokens: readonly WordToken[], span: Span): boolean {
  const next = tokens[span.last + 1];
  return span.first === span.last && next !== undefined && next.start - span.end === 1 && text.charCodeAt(span.end) === 0x20 && RUSSIAN_REGION_NOUNS.has(next.text);
}

/** The words of a person's name as written, put in the order of the name when the reading reordered them. */
function nameInOrder(surface: string, reordered: unknown): string {
  if (reordered === undefined) return surface;
  if (reordered !== 'given names swapped') return turnedName(surface);
  const words = surface.split(/[\s\-‐‑]+/u);
  return `${words[1]} ${words[0]} ${words[2]}`;
}

/** A name written surname first, in the order of the name: the first word moved to the end. */
function turnedName(surface: string): string {
  const space = surface.indexOf(' ');
  return `${surface.slice(space + 1)} ${surface.slice(0, space)}`;
}

/** Russian adjective endings of the masculine (and neuter) only: `-skiy`, `-sky`, `-skogo`, `-skom` (not `-skoy`). */
const MASCULINE_ADJECTIVE = /sk(?:iy|ii|ij|y|ogo|om)$/u;
/** A masculine adjective in `-sk-` as Russian or Ukrainian romanizations end it (`Prymorskyi`, `Primorsky`). */
const UKRAINIAN_OR_RUSSIAN_MASCULINE = /sk(?:yi|iy|ii|ij|y)$/u;

/**
 * The endings of a man's given name and surname in one Russian case: genitive, dative,
 * instrumental (`-om`/`-em` on the given name, `-ym` on a surname in `-ov`/`-in`, `-om` on one in
 * `-yan`), prepositional.
 */
const FULL_NAME_CASE_ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['a', 'a'],
  ['u', 'u'],
  ['om', 'ym'],
  ['om', 'om'],
  ['em', 'ym'],
  ['em', 'om'],
  ['e', 'e'],
];

/** A feminine adjective in `-sk-` (`Dnipropetrovskoy`), as before `oblast`. */
const FEMININE_ADJECTIVE = /sk(?:aya|aja|oy|oj|oi|uyu|uju)$/u;

/**
 * True for a generated masculine adjective of an oblast (`Novosibirskiy`, `Grodnenskiy`): `oblast`
 * is feminine, so that form goes with another noun (a district, a university) and names no oblast.
 * An oblast is one named so in English (`Novosibirsk Oblast`), or a `Region` that is an oblast in
 * Russian (`Гродненская область`, Grodno Region). (A region named as its city, `Samarkand`, reads as
 * the city's name all the same.)
 */
function namesNoOblast(alias: IndexedAlias, folded: string): boolean {
  return alias.alias.scheme === 'ru-adjective' && MASCULINE_ADJECTIVE.test(folded) && isOblast(alias.entry);
}

/** Whether an entry is an oblast, by its English or its Russian name (asked only of masculine adjectives' readings). */
function isOblast(entry: GazetteerEntry): boolean {
  return entry.name.endsWith(' Oblast') || (entry.name.endsWith(' Region') && entry.names.some((name) => name.lang === 'ru' && name.text.endsWith(' область')));
}

/** Russian instrumental endings of masculine and neuter names only. */
const MASCULINE_INSTRUMENTAL: ReadonlySet<string> = new Set(['om', 'em', 'ym']);
/** Letters from which a one-word organization name is coined, no ordinary word (`Gazprom`, `Kazatomprom`; `Daryo` is one). */
const ORGANIZATION_COINED_LETTERS = 7;

/** Quotation marks that open and close a cited word. */
const OPENING_QUOTES = new Set([0x22, 0x27, 0x201c, 0x2018, 0xab, 0x201e, 0x201a]);
const CLOSING_QUOTES = new Set([0x22, 0x27, 0x201d, 0x2019, 0xbb, 0x201c]);
/** Quotation marks that only ever close a quotation (a span after one is outside it). */
const CLOSING_ONLY_QUOTES = new Set([0x201d, 0xbb]);
/** Quotation marks that only ever open one (`“`, `«`, `„`). */
const CURLY_OPENING_QUOTES = new Set([0x201c, 0xab, 0x201e]);
/** What closes a quotation opened by a straight double quote. */
const QUOTE_CLOSING_STRAIGHT = new Set([0x22]);

/** Masculine nominative adjective endings, which surnames share (`Obolensky`, `Zelensky`). */
const SURNAME_ADJECTIVE_ENDINGS: ReadonlySet<string> = new Set(['sky', 'skiy', 'skii', 'insky', 'inskiy', 'inskii']);

/** Endings of the Russian cases of a city's name that no English word or name of that length ends in often (`Tegerane`, `Bryusselem`). */
const RUSSIAN_CITY_CASE = /(?:e|em|om|u)$/u;

/** The Russian adjective `autonomous` in the forms it takes before `oblast` or `okrug`, romanized. */
const AUTONOMOUS_ADJECTIVE = /^avtonomn(?:aya|aja|oy|oj|oi|uyu|uju|om|ogo|yy|yj|yi|iy)$/iu;

/** A canonical name that already ends in the word for its kind of region (`Krasnoyarsk Krai`). */
const ENDS_IN_DESIGNATOR = / (?:Krai|Okrug|Territory|Republic|Region|Oblast|Province)$/u;

/** English words for a region that follow its name (`Omsk region`, `Khabarovsk Territory`), folded. */
const REGION_DESIGNATORS: ReadonlySet<string> = new Set(['region', 'territory', 'oblast', 'province', 'krai', 'district']);

/**
 * A skeleton of fewer letters than this is matched only by spellings within
 * `SHORT_SKELETON_DISTANCE` of the name letter by letter (see `retrieve`).
 */
const SHORT_SKELETON = 5;
const SHORT_SKELETON_DISTANCE = 2;

/** Hyphens (ASCII, Unicode hyphen, non-breaking hyphen). */
const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);
/** What may join two words of a name: a space, a no-break space, a hyphen. */
const NAME_JOINERS = new Set([0x20, 0xa0, ...HYPHENS]);

/** `isVariantSpelling` results per index (a normalizer is made per document; the index lives on). */
const sameNameCaches = new WeakMap<NameIndex, WeakMap<IndexedAlias, boolean>>();
/** Per index: other correct English spellings of words of entity names (see `Normalizer.englishSpellings`). */
const spellingCaches = new WeakMap<NameIndex, Map<string, readonly string[]>>();

/** Lengths of the Latin-script cue words by first letter (ASCII): bit n set for a cue of n letters. */
const CUE_LENGTHS_BY_INITIAL = new Uint32Array(128);
for (const word of LATIN_SCRIPT_CUES) {
  const initial = word.charCodeAt(0);
  if (initial < 128 && word.length < 32) CUE_LENGTHS_BY_INITIAL[initial]! |= 1 << word.length;
}

/**
 * True when a lower-case word is a Latin-script cue. Runs on every word of every text: most fail
 * the first-letter-and-length test, far cheaper than hashing the word for the set lookup.
 */
function isLatinScriptCue(word: string): boolean {
  const initial = word.charCodeAt(0);
  if (initial < 128 && word.length < 32 && ((CUE_LENGTHS_BY_INITIAL[initial]! >>> word.length) & 1) === 0) return false;
  return LATIN_SCRIPT_CUES.has(word);
}

/**
 * Reasons to hold a reading (never apply it), as `evidence.held` shows them, named here when a
 * hold is silent or other code compares against it (the rest are written where they are given).
 * A `silent` hold also keeps the reading from being suggested: the decision stands (the
 * span is not read any other way), but it is not shown, because the word is what it looks like (a
 * given name, an acronym, `Kairat` rather than `Cairo at`) or the reading is so rarely right that
 * an editor shown every one would learn to ignore suggestions. Measured on the eval: its control
 * text had 136 suggestions before them and 48 after, and none of the silenced readings was the
 * right one for a garbled mention (suggestion recall unchanged). Some holds are silent only for
 * readings other than exact (`inexact`) or for fuzzy ones (`fuzzy`).
 */
const HOLDS = {
  givenName: { text: 'a common given name', silent: true },
  properWord: { text: 'an English demonym or proper adjective', silent: true },
  beforeSurname: { text: 'a given name before a surname', silent: true },
  afterGivenName: { text: 'a surname after a given name', silent: true },
  foreignSurname: { text: 'a surname in a foreign romanization', silent: true },
  acronym: { text: 'acronym', silent: true },
  acronymFromWord: { text: 'an acronym read from a word', silent: true },
  acronymForeign: { text: 'an acronym read in a foreign romanization', silent: true },
  gluedNameEnding: { text: 'names end in this function word too', silent: true },
  otherName: { text: 'near another name of the entity, not its spelling', silent: true },
  firstLetter: { text: 'first letter differs', silent: true },
  smallPlace: { text: 'small place not named elsewhere in the document', silent: true },
  smallPlaceVariant: { text: 'another spelling of a small place not named elsewhere in the document', silent: false },
  shortChanged: { text: 'a short name with one letter changed, not named elsewhere in the document', silent: false },
  outsideCountry: { text: 'country outside the region not named elsewhere in the document', silent: false },
  // Exact readings of these stay suggestions (`Roma` → Rome; `Osh` next to a name): a world-wide
  // list of towns holds a near-spelling of almost any word (`Joseph` → Rzeszów, `Barkley` → Berkeley).
  outside: { text: 'place outside the region the gazetteer covers in depth', silent: 'inexact' },
  outsideRussian: { text: 'Russian or pivot-language form of a place outside the region, in a text that names nothing of the former Soviet Union', silent: false },
  outsideNearSpelling: { text: 'near-spelling of a major place outside the region whose country the document does not name', silent: true },
  surnameAlone: { text: 'a surname alone, spelled unlike any listed form', silent: false },
  personCaseOrWoman: { text: 'a case form of a man\'s surname or a woman\'s surname', silent: false },
  longerName: { text: 'part of a longer unknown name', silent: 'fuzzy' },
  untranslatedNoun: { text: 'adjective of an untranslated Russian noun', silent: false },
  personCaseForm: { text: 'a case form of a person\'s surname the document names', silent: true },
  russianDistrict: { text: 'the English name of a Russian district', silent: true },
  nameGoesOn: { text: 'followed by a lower-case word that is no English word (the name may go on)', silent: false },
  untranslatedPhrase: { text: 'part of an untranslated Russian phrase', silent: false },
  untranslatedNative: { text: 'part of a phrase left in its own language', silent: false },
  writtenOther: { text: 'written as the name of another entity', silent: 'fuzzy' },
  surnameElsewhere: { text: 'a surname the document gives after a given name', silent: true },
  districtNotRegion: { text: 'a district named by the adjective, not the region', silent: true },
  otherPersonSameGivenName: { text: 'a surname more than one edit from a listed person\'s, after the same given name', silent: false },
  diphthongSpelling: { text: 'the same name with its last -ai spelled -ay, or the reverse', silent: true },
  farFromCountry: { text: 'more than one edit from a short country name', silent: false },
  nearVariantOnly: { text: 'near a variant of unknown language, far from the name itself', silent: true },
  countryOwnName: { text: 'a country outside the region named in another language, as names written in that language keep it', silent: true },
  bodyOfOtherCountry: { text: 'a body named without its country: the gazetteer lists none of that name for the country of the document', silent: false },
} as const;
/** Holds that the document's context may lift (see `decide`): every other hold keeps a reading from being applied. */
const SOFT_HOLDS: ReadonlySet<string> = new Set([HOLDS.outsideRussian.text, HOLDS.outsideNearSpelling.text, HOLDS.surnameAlone.text, HOLDS.personCaseOrWoman.text]);

/** When each hold is silent: always, or only for readings other than exact, or only fuzzy ones. */
const SILENCE: ReadonlyMap<string, boolean | 'inexact' | 'fuzzy'> = new Map(Object.values(HOLDS).map((hold) => [hold.text, hold.silent]));

/** An English contraction (`I'm`, `Don't`, `It's`): an English word with its clitic, never a name. */
const CONTRACTION = /^(\p{L}+)['’](?:m|s|d|ll|ve|re|t)$/u;

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
  private readonly rawCache: Map<string, SpanReading>;
  /** Whether an alias spells the same name as its replacement (a property of the alias alone). */
  private readonly sameNameCache: WeakMap<IndexedAlias, boolean>;
  /** Other correct English spellings of a word of an entity's name (see `englishSpellings`). */
  private readonly spellingCache: Map<string, readonly string[]>;

  constructor(
    private readonly index: NameIndex,
    private readonly options: NormalizeOptions,
  ) {
    this.minConfidence = options.minConfidence ?? NORMALIZE_DEFAULTS.minConfidence;
    this.minMargin = options.minMargin ?? NORMALIZE_DEFAULTS.minMargin;
    this.floor = options.suggestionFloor ?? NORMALIZE_DEFAULTS.suggestionFloor;
    this.rawCache = index.spanCache as Map<string, SpanReading>;
    this.sameNameCache = (sameNameCaches.get(index) ?? sameNameCaches.set(index, new WeakMap()).get(index))!;
    this.spellingCache = (spellingCaches.get(index) ?? spellingCaches.set(index, new Map()).get(index))!;
    this.maxWords = Math.min(options.maxSpanWords ?? NORMALIZE_DEFAULTS.maxSpanWords, Math.max(index.maxWords, 2));
  }

  run(text: string): NormalizeResult {
    const tokens = tokenize(text);
    if (tokens.length === 0) return { text, changes: [], suggestions: [] };
    const sentences = sentenceIds(text, tokens);
    const startable = new Uint8Array(tokens.length);
    const context: DocContext = {
      anchorStarts: new Map(),
      childStartsByParent: new Map(),
      hints: new Set(this.options.hints ?? []),
      nameWords: new Set(),
      nameEntries: [],
      nameEntriesRead: 0,
      tokens,
      sentences,
      text,
      latinCueSentences: new Set(),
      postSoviet: false,
      countries: new Map(),
      countryList: [],
      known: new Set(),
      knownPeople: new Set(),
      applied: new Set(),
      kept: new Set(),
      inexact: new Set(),
      quotes: undefined,
      givenSurnames: undefined,
      datelineEnd: undefined,
    };
    for (const token of tokens) {
      const word = token.text;
      const lower = isLowerAscii(word);
      startable[token.index] = (!lower && this.startable(word)) || (lower && featureNounBeforeName(text, tokens, token.index)) ? 1 : 0;
      if (isLatinScriptCue(lower ? word : word.toLowerCase()) || (!lower && hasCueLetter(word))) context.latinCueSentences.add(sentences[token.index]!);
    }
    for (const hint of context.hints) this.anchorId(context, hint, -1);

    // Pass 1 finds the entities written plainly (the document's context); the next passes decide
    // with the names found so far (fixes included) until the set of fixes stops changing, so that
    // normalizing the output again finds the same context and changes nothing. A start whose
    // outcome no context can change (a correct name, a word the gazetteer does not know) is
    // decided once; later passes only revisit the others.
    const outcomes: Array<Outcome | undefined> = new Array<Outcome | undefined>(tokens.length);
    const spans: Array<Span[] | undefined> = new Array<Span[] | undefined>(tokens.length);
    let pass = this.scan(text, tokens, sentences, context, startable, outcomes, spans);
    let decisions = pass.decisions;
    // Mentions resolved in any pass so far stay context: context only grows, so the passes cannot
    // oscillate between two readings, and a name read one way in one pass still supports the
    // others. Every resolved mention counts, applied or not: fixing a name must not change the
    // context it is judged in, or normalizing the output again could decide differently.
    for (let round = 0; round < 4 && pass.dependent > 0; round++) {
      for (const decision of decisions) {
        // Decisions reused from an earlier pass were counted then.
        if (decision.counted) continue;
        const entry = decision.best?.alias?.entry;
        if (entry === undefined) continue;
        // A near-spelling only suggested (`Jergalan`, a village, near Margilan) places the document
        // nowhere; it would count in the output too, where the word stands as it was.
        if (!decision.keep && !decision.apply && decision.best!.how === 'fuzzy') continue;
        decision.counted = true;
        if (!context.anchorStarts.get(entry.id)?.includes(decision.span.start)) {
          // (A body named without its country, `MVD`, places the document nowhere: which country's
          // it is, the document's other names decide.)
          this.anchor(context, entry, decision.span.start, !decision.best!.countryDropped);
          // The entity's own name counts as written (`Biškek` read as Bishkek is a context word too).
          context.nameEntries.push(entry);
        }
        if (decision.keep) context.kept.add(decision.span.start);
        if (decision.apply) context.applied.add(decision.span.start);
        else if (decision.best!.how !== 'exact') context.inexact.add(decision.span.start);
        // A suggestion is no known name: its neighbours may still be part of an unknown one.
        if (decision.keep || decision.apply) {
          for (let t = decision.span.first; t <= decision.span.last; t++) {
            context.known.add(t);
            if (entry.kind === 'person') context.knownPeople.add(t);
          }
        }
      }
      pass = this.scan(text, tokens, sentences, context, startable, outcomes, spans);
      const settled = sameDecisions(pass.decisions, decisions);
      decisions = pass.decisions;
      // Same fixes, keeps and entities as the pass before: the next pass would see the same context.
      if (settled) break;
    }
    return this.assemble(text, decisions);
  }

  private anchorId(context: DocContext, id: string, start: number): void {
    const entry = this.index.entry(id);
    if (entry) this.anchor(context, entry, start);
  }

  private anchor(context: DocContext, entry: GazetteerEntry, start: number, placesDocument = true): void {
    pushTo(context.anchorStarts, entry.id, start);
    if (entry.parent) {
      pushTo(context.childStartsByParent, entry.parent, start);
    }
    if (entry.country && placesDocument) {
      const starts = context.countries.get(entry.country);
      if (starts) starts.push(start);
      else {
        const list = [start];
        context.countries.set(entry.country, list);
        context.countryList.push({ country: entry.country, starts: list });
      }
      if (POST_SOVIET.has(entry.country)) context.postSoviet = true;
    }
  }

  /**
   * True when other mentions place the document in some countries, none of them `country`. Only
   * mentions elsewhere count: a fix must not vouch for itself, or the decision would depend on the
   * order of the passes and normalizing the output again could change it.
   */
  private foreignToDocument(context: DocContext, country: string, start: number): boolean {
    let placed = false;
    for (let i = 0; i < context.countryList.length; i++) {
      const { country: other, starts } = context.countryList[i]!;
      if (!hasOtherThan(starts, start)) continue;
      if (other === country) return false;
      placed = true;
    }
    return placed;
  }

  /**
   * Of the countries of a span's readings, when they are several, all of one kind, and none keeps
   * the span as written, the one the document's other mentions place it in most often (strictly); else undefined.
   */
  private leadingCountry(context: DocContext, raw: readonly RawCandidate[], start: number): string | undefined {
    // (Readings of one kind only: `Kazakhtan` is Kazakhstan in a story about Kyrgyzstan too.)
    const kind = raw[0]?.alias?.entry.kind;
    if (raw.some((candidate) => candidate.keep || candidate.alias?.entry.kind !== kind)) return undefined;
    const countries = new Set(raw.map((candidate) => candidate.alias?.entry.country));
    if (countries.size < 2) return undefined;
    let leading: string | undefined;
    let most = 0;
    let tied = false;
    for (const country of countries) {
      let count = 0;
      for (const at of (country === undefined ? undefined : context.countries.get(country)) ?? []) if (at !== start) count++;
      if (count > most) {
        leading = country;
        most = count;
        tied = false;
      } else if (count === most) tied = true;
    }
    return tied || most === 0 ? undefined : leading;
  }

  /** How the document's other mentions support an entity at a span start (hash lookups only). */
  private support(context: DocContext, entry: GazetteerEntry, start: number, surface: string): 'same' | 'related' | undefined {
    // Another mention written the same way is the same evidence again, not support (`Kaspi` twice
    // is no `Kasli`), unless it was fixed: then the fixed text supports this one, as it would in the output.
    if (namedElsewhere(context, context.anchorStarts.get(entry.id), start, surface)) return 'same';
    // Its parent, one of its children, or a sibling is named elsewhere.
    if (
      entry.parent !== undefined &&
      (namedElsewhere(context, context.anchorStarts.get(entry.parent), start, surface) || namedElsewhere(context, context.childStartsByParent.get(entry.parent), start, surface))
    ) {
      return 'related';
    }
    if (namedElsewhere(context, context.childStartsByParent.get(entry.id), start, surface)) return 'related';
    return undefined;
  }

  /**
   * One pass over the document: at each start, the longest span with a decision is taken.
   * Outcomes that no context can change are reused from earlier passes (`outcomes`), and the
   * spans of each start are enumerated once (`spans`).
   */
  private scan(
    text: string,
    tokens: WordToken[],
    sentences: Int32Array,
    context: DocContext,
    startable: Uint8Array,
    outcomes: Array<Outcome | undefined>,
    spans: Array<Span[] | undefined>,
  ): { decisions: Decision[]; dependent: number } {
    const decisions: Decision[] = [];
    let dependent = 0;
    let i = 0;
    while (i < tokens.length) {
      if (!startable[i]) {
        i++;
        continue;
      }
      let outcome = outcomes[i];
      if (outcome === undefined || !outcome.contextFree) {
        let taken: Decision | undefined;
        let fallback: Decision | undefined;
        let contextFree = true;
        for (const span of (spans[i] ??= this.spansFrom(text, tokens, i))) {
          const tried = this.decide(text, tokens, span, sentences[span.first]!, context);
          contextFree &&= tried.contextFree;
          // A reromanized reading (`Kazakstan Kasym-Žomart Tokajev`) may hide names the gazetteer knows
          // inside it: shorter spans are tried too, and the longest reromanized reading is kept only if none reads.
          if (tried.decision?.reromanize) {
            fallback ??= tried.decision;
            continue;
          }
          // A silent reading of several words (`Republic of Azerbaycan`, only near another name of
          // Azerbaijan) shows nothing and fixes nothing: its words may still be read one by one.
          if (tried.decision && tried.decision.span.last > tried.decision.span.first && tried.decision.best !== undefined && !tried.decision.apply && !tried.decision.keep && isSilent(tried.decision.best)) {
            continue;
          }
          if (tried.decision) {
            taken = tried.decision;
            break;
          }
        }
        taken ??= fallback;
        outcome = outcomes[i] = taken === undefined && contextFree ? NO_DECISION : { decision: taken, contextFree };
      }
      if (!outcome.contextFree) dependent++;
      const taken = outcome.decision;
      if (taken) {
        decisions.push(taken);
        i = taken.span.last + 1;
        // (A change that takes in the next word, `MChS Kyrgyzstana`, decides for that word too.)
        while (taken.end !== undefined && i < tokens.length && tokens[i]!.start < taken.end) i++;
      } else i++;
    }
    return { decisions, dependent };
  }

  /** The gazetteer's entry of a country by its ISO code (`KG` → `country:kg`). */
  private countryEntry(code: string | undefined): GazetteerEntry | undefined {
    return code === undefined ? undefined : this.index.entry(`country:${code.toLowerCase()}`);
  }

  /**
   * The country whose name a word is in the Russian genitive (`kyrgyzstana`, `rossii`, `ukrainy`,
   * `belarusi`; folded), as the gazetteer spells the nominative; else undefined.
   */
  private countryInGenitive(word: string): GazetteerEntry | undefined {
    if (word.length < 5) return undefined;
    for (const [genitive, nominative] of GENITIVE_COUNTRY_ENDINGS) {
      if (!word.endsWith(genitive)) continue;
      const country = this.index.lookupExact(word.slice(0, -genitive.length) + nominative).find((alias) => alias.entry.kind === 'country');
      if (country !== undefined) return country.entry;
    }
    return undefined;
  }

  /** True when a span may start at the word (plain lower-case ASCII words are ruled out by the caller). */
  private startable(word: string): boolean {
    if (isEnglishContraction(word, this.english)) return false;
    return isCapitalized(word) || isNonLatinWord(word) || gluedPrefix(word) !== undefined;
  }

  /** Spans starting at token `i`, longest first. */
  private spansFrom(text: string, tokens: WordToken[], i: number): Span[] {
    // `ozero Issyk-Kul`: a Russian feature noun starts spans only with the name after it.
    if (isLowerAscii(tokens[i]!.text)) return this.nameSpansFrom(text, tokens, i).filter((span) => span.last > span.first);
    return this.nameSpansFrom(text, tokens, i);
  }

  /** Spans starting at token `i`, longest first (see `spansFrom`). */
  private nameSpansFrom(text: string, tokens: WordToken[], i: number): Span[] {
    const ends: number[] = [];
    let j = i;
    for (;;) {
      const word = tokens[j]!.text;
      const connector = CONNECTORS.has(word) && j > i;
      if (!connector) ends.push(j);
      if (j - i + 1 >= this.maxWords) break;
      const next = tokens[j + 1];
      if (!next) break;
      // Name words are joined by one space or hyphen.
      if (next.start - tokens[j]!.end !== 1 || !NAME_JOINERS.has(text.charCodeAt(next.start - 1))) break;
      // After a hyphen, a name goes on in lower case too (`Amu-darja`, `Syr-darya`).
      const afterHyphen = HYPHENS.has(text.charCodeAt(next.start - 1)) && /^\p{Ll}+$/u.test(next.text);
      if (!(isCapitalized(next.text) || isNonLatinWord(next.text) || CONNECTORS.has(next.text) || afterHyphen)) break;
      j++;
    }
    const spans: Span[] = [];
    // `Kyivska oblast`: a Ukrainian region's adjective and noun, listed whole. (A Russian one,
    // `Kurskaya oblast`, is read through its adjective, which takes in the noun: see `decide`.)
    const noun = tokens[i + 1];
    if (
      ends.length === 1 && noun !== undefined && RUSSIAN_REGION_NOUNS.has(noun.text) && UKRAINIAN_REGION_ADJECTIVE.test(tokens[i]!.text) &&
      noun.start - tokens[i]!.end === 1 && text.charCodeAt(noun.start - 1) === 0x20 && this.index.lookupExact(foldKey(`${tokens[i]!.text} ${noun.text}`)).length > 0
    ) {
      spans.push({ first: i, last: i + 1, start: tokens[i]!.start, end: noun.end, surface: text.slice(tokens[i]!.start, noun.end), reading: undefined });
    }
    // `Rossiyskie zheleznye dorogi` (Russian Railways): a name left in Russian or another language
    // of the region goes on in lower case, in words no English list has. Tried only after a word
    // that starts a listed name of several words, longest first.
    if (ends.length === 1) {
      let k = i;
      // After a Russian adjective that is no name of its own (`Vsemirnyy bank`, `Aziatskiy bank
      // razvitiya`), the name goes on over words English has too (decided at the first such word).
      let overEnglish: boolean | undefined;
      while (k + 1 < tokens.length && k - i + 1 < this.maxWords) {
        const next = tokens[k + 1]!;
        // (An apostrophe inside such a word is Uzbek Latin's `ʻ` for a glottal stop: `yo'llari`.)
        if (next.start - tokens[k]!.end !== 1 || text.charCodeAt(next.start - 1) !== 0x20 || !(isLowerAscii(next.text) || LOWER_WORD_WITH_APOSTROPHE.test(next.text))) break;
        if (this.english.has(next.text) && !(overEnglish ??= this.untranslatedAdjective(tokens[i]!.text))) break;
        // (Not a designator or a Russian noun that an adjective reading takes in: `Talasskoy oblasti`.)
        if (DESIGNATOR_WORDS.has(next.text) || RUSSIAN_REGION_NOUNS.has(next.text) || RUSSIAN_DISTRICT_NOUNS.has(next.text) || RUSSIAN_FEATURE_NOUNS.has(next.text)) break;
        k++;
      }
      if (k > i && this.index.startsMultiWordName(foldKey(tokens[i]!.text))) {
        // `Natsionalnyy bank Kazakhstana`: such a name may end in a capitalized word, a country's
        // or a city's genitive (tried first, as the longest).
        const tail = tokens[k + 1];
        if (tail !== undefined && k - i + 2 <= this.maxWords && tail.start - tokens[k]!.end === 1 && text.charCodeAt(tail.start - 1) === 0x20 && isCapitalized(tail.text)) {
          spans.push({ first: i, last: k + 1, start: tokens[i]!.start, end: tail.end, surface: text.slice(tokens[i]!.start, tail.end), reading: undefined });
        }
        for (let last = k; last > i; last--) spans.push({ first: i, last, start: tokens[i]!.start, end: tokens[last]!.end, surface: text.slice(tokens[i]!.start, tokens[last]!.end), reading: undefined });
      }
    }
    for (let k = ends.length - 1; k >= 0; k--) {
      const last = ends[k]!;
      const start = tokens[i]!.start;
      const end = tokens[last]!.end;
      spans.push({ first: i, last, start, end, surface: text.slice(start, end), reading: undefined });
    }
    // `Nam angan`, `Surkhandar ya`: a name split by a stray space, its tail a short lower-case
    // fragment. Read only as the name written whole (see `splitName`), before the head alone.
    const next = tokens[i + 1];
    if (
      next !== undefined && next.start - tokens[i]!.end === 1 && text.charCodeAt(next.start - 1) === 0x20 &&
      next.text.length <= 6 && isLowerAscii(next.text) && !FUNCTION_WORDS.has(next.text) &&
      // Only where the two parts make a listed name: most such pairs are a name and a word. (Not
      // through the memo of `foldKey`: these strings are seldom asked again.)
      this.index.lookupExact(foldKeyOnce(tokens[i]!.text + next.text)).length > 0 &&
      SPLIT_HEAD.test(tokens[i]!.text)
    ) {
      spans.splice(spans.length - 1, 0, { first: i, last: i + 1, start: tokens[i]!.start, end: next.end, surface: text.slice(tokens[i]!.start, next.end), reading: undefined });
    }
    return spans;
  }

  /**
   * True for a capitalized Russian adjective in the nominative (`Vsemirnyy`, `Aziatskiy`,
   * `Russkaya`) that is no English word and no correct name: the head of a name left in Russian.
   */
  private untranslatedAdjective(word: string): boolean {
    const folded = foldKey(word);
    return isNominativeAdjective(folded) && !this.english.has(folded) && !this.index.lookupExact(folded).some((alias) => alias.keep);
  }

  /** What the index says about a span (cached by surface and flags across documents). */
  private readingOf(span: Span, preposition: string | undefined, guarded: boolean, regionNoun: boolean): SpanReading {
    // The surface alone when no flag is set (a span never holds U+0000), so most keys are no new string.
    const flags = `${preposition === undefined ? '' : `${preposition}:`}${guarded ? 'g' : ''}${this.options.keepVariants ? 'k' : ''}${regionNoun ? 'o' : ''}`;
    const key = flags === '' ? span.surface : `${span.surface}\u0000${flags}`;
    let reading = this.rawCache.get(key);
    if (reading) return reading;
    let candidates = this.retrieve(span.surface, { preposition, guarded, glue: true, regionNoun });
    if (candidates.some((candidate) => !candidate.keep)) {
      // A variant of unknown language of a place outside the region (`Astane`, listed for an Iranian
      // town) is too noisy to prove the span a correct name (it is the locative of Astana).
      const written = new Set(
        this.index
          .lookupExact(foldKey(span.surface))
          .filter((alias) => (inFocus(alias.entry) || alias.keep || alias.alias.type !== 'variant' || alias.alias.lang !== 'und') && !namesNoOblast(alias, alias.folded))
          .map((alias) => alias.entry.id),
      );
      const spanIsAcronym = isAcronym(span.surface);
      for (const candidate of candidates) {
        if (!candidate.keep && candidate.alias !== undefined && candidate.output === candidate.alias.replacement) {
          candidate.output = this.outputFor(candidate, candidate.alias, span.surface, spanIsAcronym);
        }
        const hold = this.holdOf(candidate, span.surface, written);
        if (hold !== undefined) {
          candidate.hold = hold;
          // The one hold the document can lift (see `decide`).
          if (!SOFT_HOLDS.has(hold)) candidate.noAuto = true;
        }
      }
      // `Mirzieva`: a woman's surname read where the span is also the case form of another person's
      // surname (Saida Mirziyoyeva's, and her father's genitive) is either (see `decide`).
      const caseOfAnother = (candidate: RawCandidate) =>
        candidates.some((other) => other.hold === HOLDS.personCaseOrWoman.text && other.alias !== undefined && other.alias.entry.id !== candidate.alias?.entry.id);
      if (!span.surface.includes(' ')) {
        for (const candidate of candidates) {
          if (!candidate.keep && candidate.hold === undefined && candidate.alias?.entry.kind === 'person' && caseOfAnother(candidate)) candidate.hold = HOLDS.personCaseOrWoman.text;
        }
      }
      // `Kazakstan`, a listed spelling of Kazakhstan and the skeleton of the TV channel Qazaqstan:
      // a reading held because the span is written as a country's name yields to the country's;
      // so does one held because it is a region's Russian adjective (`Odesskoy`, not the city
      // Odesa through its stem). (Only these: the held readings of other names still keep their
      // spans suggestions.)
      const country = (candidate: RawCandidate) =>
        candidate.alias !== undefined && written.has(candidate.alias.entry.id) &&
        (candidate.alias.entry.kind === 'country' || (candidate.alias.entry.kind === 'region' && candidate.alias.alias.scheme === 'ru-adjective'));
      if (candidates.some((candidate) => !candidate.keep && candidate.hold === undefined && candidate.how === 'exact' && country(candidate))) {
        candidates = candidates.filter((candidate) => candidate.hold !== HOLDS.writtenOther.text);
      }
    }
    if (candidates.length === 0) {
      const reromanized = guarded ? undefined : this.reromanizeReading(span.surface);
      // Most spans read nothing: they share one reading, and the cache holds no new object for them.
      reading = reromanized ? spanReading([], undefined, reromanized.reading, !reromanized.shaped) : NO_READING;
    } else if (candidates.every((candidate) => candidate.keep)) {
      // Keeps score their base whatever the context (see `score`), and all read as the span
      // itself: the highest base wins, as the ranking below would pick it, and of equal bases a
      // major city over a district of its name: the entity kept is the one the document is taken
      // to name (`Moscow` places it in Russia, not in Kyrgyzstan's Moscow District).
      let best = candidates[0]!;
      for (const candidate of candidates) if (keptBetter(candidate, best)) best = candidate;
      reading = spanReading([], scoredCandidate(best, best.output, best.base, 0, undefined), undefined, undefined);
    } else reading = spanReading(undominated(candidates.map((candidate) => this.rate(candidate))), undefined, undefined, undefined);
    if (this.rawCache.size > 200_000) this.rawCache.clear();
    this.rawCache.set(key, reading);
    return reading;
  }

  /**
   * What a reading of a span writes when its output is the entity's canonical name, by kind: the
   * English acronym for an acronym, a person's closest English spelling, a body without the country
   * its canonical name adds, a region with `Region`, a short form as short as written, another
   * English name the team chose, a river as spelled; else the canonical name. (A body's name
   * left without its country marks the candidate `countryDropped`, for `decide` to weigh.)
   */
  private outputFor(candidate: RawCandidate, alias: IndexedAlias, surface: string, spanIsAcronym: boolean): string {
    const canonical = alias.replacement;
    const kind = alias.entry.kind;
    // `ODKB`, `OBSE`: a Russian acronym becomes the English one (CSTO, OSCE), not the name written out.
    const acronym = spanIsAcronym ? englishAcronym(alias.entry) : undefined;
    if (acronym !== undefined) return acronym;
    // Surname first (`Berdimuhamedov Serdar`): the words compared in the order of the name.
    if (kind === 'person') return this.closestEnglishSpelling(alias, nameInOrder(surface, candidate.detail.reordered));
    if (kind === 'government-body' || kind === 'legislature') {
      // `Tashqi ishlar vazirligi`, `Palata predstaviteley`: a body named without its country
      // becomes its English name without the country the canonical name adds (`Ministry of
      // Foreign Affairs`, `House of Representatives`); `Jogorku Keneshe`: of two correct English
      // spellings of a body's name, the one written.
      const output = this.withoutAddedCountry(alias, canonical, surface);
      if (output === canonical) return this.countryAdjectiveName(alias) ?? this.closestKeptName(alias, surface);
      // (A name in a country's own language, `Tashqi ishlar vazirligi`, says whose body it is; a Russian one does not.)
      candidate.countryDropped = isRussianLang(alias.alias.lang);
      return output;
    }
    // `Toshkent viloyati`: a region's native name with its noun is the region's English name
    // with `Region`; its bare name (`Tashkent`) is its capital's too.
    if (kind === 'region' && NATIVE_REGION_NOUNS.has(lastWordOf(foldKey(surface))) && !ENDS_IN_DESIGNATOR.test(canonical)) return `${canonical} Region`;
    // `Shirrak` read through `Shirak`, the canonical name without its designator (`Shirak
    // Province`): the fix is the name as short as it was written. (Only this form: the other
    // English names a source lists, `Qyzylorda` or `Bukhoro`, are too noisy to prefer.)
    if (alias.derived === 'short' && (candidate.how === 'exact' || candidate.how === 'skeleton')) return alias.alias.text;
    // `Kuzbas`, `Primore`: a near-spelling of a place's other English name the team chose (`Kuzbass`
    // for Kemerovo Oblast, `Primorye` for Primorsky Krai) is that name misspelled, not the canonical one.
    if (isPlaceKind(kind) && alias.keep && alias.alias.origin === 'name' && isEnglishLang(alias.alias.lang) && !this.isVariantSpelling(alias, 'alias', true) && isCuratedName(alias)) {
      return alias.alias.text;
    }
    // `Pyandzh`, the Russian romanization of the river: its English name spelled the same way
    // (`Pyanj`), not the canonical `Panj River`. (Not a lake's: `ozero Baykal` is `Lake Baikal`,
    // the noun translated, where the canonical name is the fix.)
    if (kind === 'other' && canonical.endsWith(' River')) return this.featureNameAsWritten(alias, surface);
    // `Radio Azattik` → `Radio Azattyk`, not `Azattyk`: the canonical name would drop a word the
    // text has, where a fuller English name of the broadcaster or company has it.
    if (kind === 'media' || kind === 'org') return this.fullerKeptName(alias, surface) ?? canonical;
    return canonical;
  }

  /**
   * Of the entity's current English names, the one closest to the span among
   * those with as many words as the span and the canonical name's words in them (`Radio Azattyk`
   * for `Radio Azattik`, where the canonical name is `Azattyk`); undefined where the canonical
   * name has as many words as the span, or no such name is listed.
   */
  private fullerKeptName(alias: IndexedAlias, surface: string): string | undefined {
    const written = foldKey(surface);
    const wordCount = written.split(' ').length;
    const canonical = foldKey(alias.replacement);
    if (canonical.split(' ').length >= wordCount) return undefined;
    let best: string | undefined;
    let bestCost = Infinity;
    for (const name of alias.entry.names) {
      if (name.script !== 'Latn' || !isEnglishLang(name.lang) || name.type === 'misspelling' || name.type === 'historic') continue;
      const folded = foldKey(name.text);
      if (folded.split(' ').length !== wordCount || !containsWords(folded, canonical)) continue;
      const cost = weightedDistance(written, folded, 4);
      if (cost < bestCost) {
        best = name.text;
        bestCost = cost;
      }
    }
    return best;
  }

  /**
   * The replacement of a person's alias, each word spelled as the correct English form closest
   * to the span's word, when the person has several (`Berdimukhammedov` → `Berdymukhamedov`, not
   * `Berdimuhamedow`): English news spells the people of the region many ways, and a fix corrects
   * the error, leaving the choice between correct spellings as written. (Places and institutions
   * have one standard English name, their canonical one.) Only spellings of the same skeleton
   * that the index keeps as written count, so the output is left alone when normalized again.
   */
  private closestEnglishSpelling(alias: IndexedAlias, surface: string): string {
    const replacement = alias.replacement;
    const targetWords = replacement.split(' ');
    const surfaceWords = foldKey(surface).split(' ');
    if (surfaceWords.length !== targetWords.length) return replacement;
    let output: string[] | undefined;
    for (let i = 0; i < targetWords.length; i++) {
      const target = targetWords[i]!;
      const spellings = this.englishSpellings(alias.entry, target);
      if (spellings.length === 0) continue;
      const written = surfaceWords[i]!;
      let best = target;
      let bestCost = weightedDistance(written, foldKey(target), 4);
      // (Equally close, a spelling in plain letters wins for a word written in plain letters: `Khurelsuh` → `Khurelsukh`, not `Khürelsükh`.)
      const plainWritten = isPlainAscii(surface);
      for (const spelling of spellings) {
        const cost = weightedDistance(written, foldKey(spelling), 4);
        if (cost < bestCost || (cost === bestCost && plainWritten && isPlainAscii(spelling) && !isPlainAscii(best))) {
          best = spelling;
          bestCost = cost;
        }
      }
      if (best !== target) (output ??= [...targetWords])[i] = best;
    }
    const closest = output === undefined ? replacement : output.join(' ');
    return this.keepingCorrectWords(alias.entry, closest, surfaceWords);
  }

  /**
   * A ministry's English name in the form English news gives it, with the country's adjective
   * (`Russian Foreign Ministry`), for a Russian name of it with its country (`MID Rossii`)
   * whose canonical name adds the country (`Ministry of Foreign Affairs of Russia`); undefined
   * where the gazetteer lists no such name for it (see `countryAdjectives` in rules.json).
   */
  private countryAdjectiveName(alias: IndexedAlias): string | undefined {
    const entry = alias.entry;
    const adjective = entry.country === undefined ? undefined : COUNTRY_ADJECTIVES.get(entry.country);
    if (adjective === undefined || !isRussianLang(alias.alias.lang)) return undefined;
    const country = this.countryEntry(entry.country);
    if (country === undefined || !alias.replacement.endsWith(` of ${country.name}`)) return undefined;
    for (const name of entry.names) {
      // (English news forms are listed as variants, which the normalizer leaves as written: see
      // `exactReadings`. Ministries only: `Bank of Russia` is how English news names that one.)
      if (isEnglishLang(name.lang) && name.type !== 'misspelling' && name.text.startsWith(`${adjective} `) && name.text.endsWith(' Ministry')) return name.text;
    }
    return undefined;
  }

  /**
   * The entity's canonical name, or another of its names the index keeps as written and that has
   * the same romanization skeleton, whichever is closest to the span (`Jogorku Keneshe` →
   * `Jogorku Kenesh`, `Zogorku Kenes` → `Zhogorku Kenesh`; a tie goes to the canonical name).
   */
  private closestKeptName(alias: IndexedAlias, surface: string): string {
    const replacement = alias.replacement;
    const written = foldKey(surface);
    const target = foldKey(replacement);
    const skeleton = skeletonOfFolded(target);
    let best = replacement;
    let bestCost = weightedDistance(written, target, 4);
    for (const name of alias.entry.names) {
      if (name.script !== 'Latn' || name.text === replacement) continue;
      const folded = foldKey(name.text);
      if (skeletonOfFolded(folded) !== skeleton || !this.keptAs(folded, alias.entry.id)) continue;
      const cost = weightedDistance(written, folded, 4);
      if (cost < bestCost) {
        best = name.text;
        bestCost = cost;
      }
    }
    return best;
  }

  /**
   * A region's English name for its Russian adjective and noun (`Sverdlovskoy oblasti`): with
   * `Region` where the canonical name has `Oblast` and the index keeps that form (`Sverdlovsk
   * Region`, as English news writes it), else the canonical name, with `Region` added where it has
   * no designator.
   */
  private regionWithNoun(region: GazetteerEntry, name: string): string {
    if (name.endsWith(' Oblast')) {
      const english = `${name.slice(0, -' Oblast'.length)} Region`;
      const folded = foldKey(english);
      return this.keptAs(folded, region.id) || this.namedAfterItsCity(folded, region) ? english : name;
    }
    return shortPlaceName(name) !== undefined || ENDS_IN_DESIGNATOR.test(name) ? name : `${name} Region`;
  }

  /** True when the index keeps a folded text as written as a name of the entity `id`. */
  private keptAs(folded: string, id: string): boolean {
    return this.index.lookupExact(folded).some((alias) => alias.keep && alias.entry.id === id);
  }

  /**
   * The English name of a river that spells a span as its skeleton does, when the canonical one
   * does not: curated names only, as the team chose them (the other English names sources list
   * for places are too noisy to prefer; see `readingOf`). The canonical name otherwise.
   */
  private featureNameAsWritten(alias: IndexedAlias, surface: string): string {
    const replacement = alias.replacement;
    const skeleton = skeletonKey(surface);
    if (skeletonKey(replacement) === skeleton) return replacement;
    for (const name of alias.entry.names) {
      if (name.source !== 'curated' || name.script !== 'Latn' || !isEnglishLang(name.lang) || skeletonKey(name.text) !== skeleton) continue;
      if (this.keptAs(foldKey(name.text), alias.entry.id)) return name.text;
    }
    return replacement;
  }

  /**
   * The output with each word the span already spells as a listed English name of the entity spells
   * it at that place (`Sergei Ławrow` → `Sergei Lavrov`, not `Sergey Lavrov`: only the garbled word
   * changes), when the whole is then a name the index keeps as written (so normalizing the output
   * again changes nothing).
   */
  private keepingCorrectWords(entry: GazetteerEntry, output: string, surfaceWords: readonly string[]): string {
    const words = output.split(' ');
    let changed = false;
    for (const name of entry.names) {
      if (name.script !== 'Latn' || !isEnglishLang(name.lang)) continue;
      const nameWords = name.text.split(' ');
      if (nameWords.length !== words.length) continue;
      for (let i = 0; i < words.length; i++) {
        if (words[i] !== nameWords[i] && foldKey(nameWords[i]!) === surfaceWords[i] && foldKey(words[i]!) !== surfaceWords[i]) {
          words[i] = nameWords[i]!;
          changed = true;
        }
      }
    }
    if (!changed) return output;
    const kept = words.join(' ');
    return this.keptAs(foldKey(kept), entry.id) ? kept : output;
  }

  /**
   * A body's canonical name without the ` of <country>` it ends in, when the span names no country
   * (`Tashqi ishlar vazirligi` is `Ministry of Foreign Affairs`, `MID Rossii` stays `... of Russia`):
   * the canonical names add the country so that look-alike bodies never share one, which is no
   * reason to add it to the text. A word or two of the span that names the country keeps it, in
   * any case (`Kyrgyzstana`); so does a short or colloquial name (`Rosgvardiya`: Russia's guard).
   */
  private withoutAddedCountry(alias: IndexedAlias, output: string, surface: string): string {
    const entry = alias.entry;
    // (A generated spelling takes the type of the name it was made from.)
    const from = alias.alias.origin === 'generated' ? entry.names.find((name) => name.text === alias.alias.from) : alias.alias;
    // (An abbreviation of one word, `МВД`, names no country either; `МВД РК` does.)
    const countryless = from?.type === 'variant' || from?.type === 'official' || (from?.type === 'abbreviation' && !from.text.includes(' '));
    if (!countryless) return output;
    const country = this.countryEntry(entry.country);
    if (country === undefined || !output.endsWith(` of ${country.name}`)) return output;
    const words = foldKey(surface).split(' ');
    const countryName = foldKey(country.name);
    const namesCountry = (key: string) => key.startsWith(countryName) || this.index.lookupExact(key).some((known) => known.entry.id === country.id);
    for (let i = 0; i < words.length; i++) {
      if (namesCountry(words[i]!) || (i + 1 < words.length && namesCountry(`${words[i]} ${words[i + 1]}`))) return output;
    }
    return output.slice(0, -` of ${country.name}`.length);
  }

  /** Other correct English spellings of one word of an entity's name (the same skeleton, kept as written by the index). */
  private englishSpellings(entry: GazetteerEntry, word: string): readonly string[] {
    const key = `${entry.id}\u0000${word}`;
    let spellings = this.spellingCache.get(key);
    if (spellings !== undefined) return spellings;
    const skeleton = skeletonOfFolded(foldKey(word));
    const found = new Set<string>();
    for (const name of entry.names) {
      if (name.script !== 'Latn') continue;
      for (const part of name.text.split(' ')) {
        if (part === word || found.has(part) || skeletonOfFolded(foldKey(part)) !== skeleton) continue;
        if (this.keptAs(foldKey(part), entry.id)) found.add(part);
      }
    }
    spellings = [...found];
    this.spellingCache.set(key, spellings);
    return spellings;
  }

  /**
   * Why a candidate must never be applied without a human, whatever the document says, or
   * undefined. Precision first: each of these readings is right in MT output now and then, and
   * wrong in clean text far more often. `written` holds the entities the span is exactly a name of.
   */
  private holdOf(candidate: RawCandidate, surface: string, written: ReadonlySet<string>): string | undefined {
    if (candidate.keep) return undefined;
    // A word glued after a name may be the name's own ending (`Kairat`), unless the name is a major
    // place written exactly (`Dushanbeto`; see `glued` in rules.json); one glued before a name is
    // told by its case (`inSamarkand`).
    if (candidate.rule === 'glued') {
      const glued = String(candidate.detail.glued);
      const after = !candidate.output.startsWith(`${glued} `);
      if (after && HOLD_GLUED_SUFFIXES.has(glued) && (NAME_ENDING_SUFFIXES.has(glued) || !gluedToEnglishName(candidate))) return HOLDS.gluedNameEnding.text;
      // `toErzurum`, `inAntwerp`: split before a name written as listed, the fix is the space
      // alone, whatever the name (the holds below weigh rewriting it), unless the name is an
      // English word too (`inReading` may be a brand's camel case).
      const rest = surface.slice(glued.length);
      if (!after && candidate.output === `${glued} ${rest}` && !this.english.has(rest.toLowerCase())) return undefined;
    }
    const alias = candidate.alias;
    const exact = candidate.how === 'exact' && candidate.rule !== 'glued';
    // `Kraków`, `Béla`: letters no romanization of Cyrillic uses; the name is in its own orthography,
    // unless it is exactly a name of something of the region: one the gazetteer lists for a place
    // (Polish `Ałmaty`), or another language's romanization of its Cyrillic name, which is how a
    // pivot language garbles it (`Mażylis`, `Jerłan Koszanow`, `Andizsán`), or its English name with
    // letters of a pivot language (`Ak Żoł`). An organization's own Latin spelling, written as
    // listed, is its brand (`Türkmengaz`); a person's listed variant in another language's
    // orthography is how that language spells him (`Łukaszenka`, Polish for Lukashenka).
    const regionName =
      exact &&
      alias !== undefined &&
      inFocus(alias.entry) &&
      (alias.alias.origin === 'generated' ||
        isPlaceKind(alias.entry.kind) ||
        (alias.entry.kind === 'person' && alias.alias.type === 'variant' && !isEnglishLang(alias.alias.lang)) ||
        !alias.entry.names.some((name) => name.text === surface));
    if (hasLatinOnlyLetter(surface) && !regionName) return 'native Latin-script spelling';
    if (alias === undefined) return undefined;
    // `Danny` is no Russian case form of Daniya (Denmark), nor `Anne` one of Anna, nor `Serdar` the
    // Turkmen town: a common given name is that name, unless the gazetteer lists it as written in
    // English. A name in another language written the same way is still the given name
    // (`Maurice` is French for Mauritius, `Sidney` a variant of Sydney, `Sacha` German for Sakha), and
    // so is one only the letters of an English name (`Artyom`, the town listed in English as `Artëm`).
    const byEnglishName = exact && alias.alias.origin !== 'generated' && isEnglishLang(alias.alias.lang) && alias.alias.text === surface;
    if (!byEnglishName && commonGivenNames().has(surface)) return HOLDS.givenName.text;
    // `Kazakh` is the Russian name of the Azerbaijani town Qazax romanized, and the English word
    // first: a demonym or proper adjective is that word (a country read so is `demonymLike`).
    if (!byEnglishName && ENGLISH_PROPER_WORDS.has(surface.toLowerCase())) return HOLDS.properWord.text;
    // `Tsentralnyy bank`: the Russian adjective `central` left untranslated, not a village of that name.
    if (!byEnglishName && RUSSIAN_COMMON_ADJECTIVE.test(foldKey(surface))) return 'a Russian adjective of an institution';
    const foreignScheme = inForeignOrthography(alias.alias);
    // `USA` is no German romanization of ЎзА (UzA): acronyms are romanized the English way, if at all.
    if (foreignScheme && isAcronym(surface)) return HOLDS.acronymForeign.text;
    // `Sergejev` is a surname in Czech romanization before it is a town's name in that romanization.
    if (foreignScheme && isPlaceKind(alias.entry.kind) && hasSurnameShape(surface)) return HOLDS.foreignSurname.text;
    const folded = foldKey(surface);
    const output = foldKey(candidate.output);
    // `Yamalo-Nenets` for the Yamalo-Nenets Autonomous Okrug: a short form, written correctly.
    if (candidate.rule !== 'glued' && !candidate.extendsLeft && containsWords(output, folded)) return 'a shorter form of the name';
    if (!exact && isAcronym(surface)) return HOLDS.acronym.text;
    // `Tash` is no misspelling of `TASS`: acronyms are not garbled into words.
    if (!exact && isAcronym(alias.alias.text)) return HOLDS.acronymFromWord.text;
    // A former name (`Kirovohrad`) may be meant: the text can be about the past, or about what kept the name.
    if (alias.alias.type === 'historic') return 'a former name';
    if (!exact && (alias.entry.kind === 'country' || alias.entry.kind === 'region') && isDemonym(folded, output)) return 'a demonym, not the place';
    // A correctly written name of something (`Washington`, a village called `Kairat`) is no misspelling of another name.
    if (!exact && written.size > 0 && !written.has(alias.entry.id)) return HOLDS.writtenOther.text;
    // `Cali` is the Colombian city's name before it is a variant of unknown language listed for
    // Derbent: a reading of a span that is exactly another entity's name in a known language, and
    // no such name of this one, yields to that name.
    const weakAlias = alias.alias.lang === 'und' || alias.alias.origin === 'generated';
    if ((exact || candidate.how === 'skeleton') && weakAlias && this.namedProperlyOtherwise(surface, alias)) return HOLDS.writtenOther.text;
    const entry = alias.entry;
    if (!inFocus(entry)) {
      // A Russian name of a major world city (`Vashington`), not a case form (`Valery` is no form of Valera).
      const englishLike = alias.alias.origin === 'name' || ENGLISH_LIKE.has(alias.alias.scheme ?? '');
      const exactInFocusLanguage = exact && englishLike && candidate.rule !== 'morphology' && entry.kind === 'city' && FOCUS_LANGUAGES.has(primaryLang(alias.alias.lang)) && alias.prior >= 0.8;
      if (exactInFocusLanguage) return undefined;
      // `Tegerane`, `Stambule`, `Bryusselem`: a Russian locative, dative or instrumental of a major
      // world city, read as the city only in a text about the region (see `decide`), where Russian
      // leaks through the translation; so is its name in a pivot language's letters (`Meszhed`,
      // `Urumczi`: Polish `sz`, `cz`). Shorter case forms and other endings are words and names as
      // often (`Palme`, `Aru`, `Khandani`).
      const russianCase = alias.alias.scheme === 'ru-case' && folded.length >= 7 && RUSSIAN_CITY_CASE.test(folded);
      if (exact && entry.kind === 'city' && alias.prior >= 0.9 && (russianCase || reromanizeSpanWords(surface) !== undefined)) return HOLDS.outsideRussian.text;
      // `Sintszyan`: the BGN/PCGN romanization of the Russian name of a major region or city outside
      // the region, read as the place only in a text about the region, like its case forms.
      if (exact && candidate.rule !== 'morphology' && alias.alias.origin === 'generated' && alias.alias.scheme === 'bgn-pcgn' && (entry.kind === 'city' || entry.kind === 'region') && alias.prior >= 0.9) {
        return HOLDS.outsideRussian.text;
      }
      // `Stambul`, `Urumchi`: a major world city's listed name, read as the city only in a text
      // about the region, like its Russian case forms (one of unknown language only for the
      // largest cities: such lists are noisy). Plain letters only: `Iași` is the city's own spelling.
      if (exact && candidate.rule !== 'morphology' && entry.kind === 'city' && alias.alias.origin === 'name' && !alias.common && /^[A-Za-z' -]+$/u.test(surface) && (alias.alias.lang !== 'und' ? alias.prior >= 0.85 : alias.prior >= 0.95)) {
        return HOLDS.outsideRussian.text;
      }
      // `Islamabd`, `Istnabul`, `Kashgarr`: the English name of a major city or region outside the
      // region with one letter dropped, added or swapped is read as the place where the document
      // names its country too (see `decide`). Not a letter changed: names there are as dense as
      // they are in Chinese romanization (`Shandong` and `Dandong`, `Xinhua` and `Jinhua`).
      if (
        candidate.how === 'fuzzy' && (entry.kind === 'city' || entry.kind === 'region') && alias.prior >= MAJOR_PLACE_PRIOR &&
        isEnglishLang(alias.alias.lang) && alias.alias.origin !== 'generated' && isSlip(folded, alias.folded)
      ) {
        return HOLDS.outsideNearSpelling.text;
      }
      return HOLDS.outside.text;
    }
    // `Hakan` → `Haqqani`, `Masoud` → `Massoud`: a given name or another person's surname as often as a garble.
    // A Slavic `-jev` (`Tokajev`) is the listed `-yev` in another romanization, not another name.
    // So is another romanization of a surname of the region (`Tokajew`, `Dżaparow`): the skeleton
    // is the listed surname's, and the word ends as surnames of the former Soviet Union do.
    const slavicJev = candidate.how === 'skeleton' && (folded.endsWith('jev') || hasPostSovietNameShape(skeletonOfFolded(folded).toLowerCase()));
    if (alias.derived === 'surname' && !exact && !slavicJev) return HOLDS.surnameAlone.text;
    // `Uralsk` for Oral, `Khorezm` for Khiva: near another name of the entity is that name, not a misspelling.
    // So is a near-spelling of a romanization of such a name (`Verdi` is near `Verny`, made from
    // `Верный`, Almaty's old name).
    const otherNameAlias = alias.alias.origin === 'name' || (alias.alias.origin === 'generated' && candidate.how === 'fuzzy');
    // (Unless the fix is that other name itself, read through its letters' skeleton or a Russian
    // ending: `Kuzbas`, `Kuzbasse` → `Kuzbass`; see `readingOf`. A near-spelling stays held:
    // `Qarabag`, the football club, is near `Karabag`.)
    // Nor is a near-spelling of a name of several words in another language than English
    // (`Uzbekiston Temir Yollari`, `O'zbekiston temir yo'llari` without its apostrophes): that is
    // the name left untranslated, whose fix is the English name, as for the name written exactly.
    // (Only within half an edit, as letters a keyboard lacks make it, and not a country's long name:
    // `Verkhovnyy sud of` is no Russian court, `Respubliki Belarus` part of a longer name.)
    const untranslatedPhrase = candidate.how === 'fuzzy' && candidate.cost <= 0.5 && alias.entry.kind !== 'country' && alias.alias.origin !== 'canonical' && alias.folded.includes(' ') && !isEnglishLang(alias.alias.lang);
    if (!exact && otherNameAlias && !untranslatedPhrase && !this.isVariantSpelling(alias, 'alias', true) && (candidate.how === 'fuzzy' || candidate.output !== alias.alias.text)) return HOLDS.otherName.text;
    if (candidate.how === 'fuzzy' && firstLettersDiffer(folded, alias.folded)) return HOLDS.firstLetter.text;
    if (candidate.how === 'fuzzy' && this.nearNoisyVariantOnly(folded, output, alias)) return HOLDS.nearVariantOnly.text;
    // `Karasai` and `Karasay`, `Kadamjai` and `Kadamjay`: a name's last `-ai` or `-ay` is spelled
    // either way by English news; neither is an error of the other. (Only there: annotators
    // count `Baykonur`, `Lukoyl` and `Oyu Tolgoy` as errors.)
    if (candidate.how !== 'fuzzy' && candidate.rule !== 'glued' && candidate.rule !== 'morphology' && otherSpellingOfDiphthong(folded, output)) return HOLDS.diphthongSpelling.text;
    // `Andrei Bochkarev`, Moscow's deputy mayor, is a weighted 1.5 from `Andrei Bocharov`: a given
    // name written as listed before a surname more than one edit away is another man of that name
    // as often as a garble.
    if (candidate.how === 'fuzzy' && entry.kind === 'person' && candidate.cost > 1 && sameGivenNames(folded, alias.folded)) return HOLDS.otherPersonSameGivenName.text;
    // `Gurjaani`, a Georgian town, is a weighted 1.5 from `Germany`: a short country name is
    // written often and known well, and a garble of it is a slip of one letter, not a new word.
    // (A long one takes two: `Turkmenstian`.)
    if (candidate.how === 'fuzzy' && entry.kind === 'country' && candidate.cost > 1 && folded.length < LONG_COUNTRY_NAME) return HOLDS.farFromCountry.text;
    return undefined;
  }

  /**
   * True for a fuzzy reading through a source's variant of unknown language that nothing else
   * vouches for, where the span is far from the fix and from every Latin name of the entity in a
   * known language: `Tashanta`, a village, is near `Taskenta`, listed for Tashkent, and near no
   * other name of Tashkent. (`Kuvsay` is near `Kuwassai` and the English `Kuvasay` both. A variant
   * the entity has in a known language too, or that sources list in several spellings, `Rostov na
   * Donu`, `Rostov-na-Donu` and `Rostóv na Donú`, is no noise, for a span of six letters or more.)
   */
  private nearNoisyVariantOnly(folded: string, output: string, alias: IndexedAlias): boolean {
    if (alias.alias.lang !== 'und' || alias.alias.origin !== 'name') return false;
    const entry = alias.entry;
    const letters = folded.replace(/ /g, '').length;
    const budget = maxFuzzyCost(letters);
    if (weightedDistance(folded, output, budget) <= budget) return false;
    if (entry.names.some((name) => name.script === 'Latn' && name.lang !== 'und' && weightedDistance(folded, foldKey(name.text), budget) <= budget)) return false;
    // (A short span is near some variant of almost any name: `Geoje`, the Korean city, is one edit
    // from `Gendže`, listed for Ganja in two spellings.)
    if (letters < NOISY_VARIANT_MIN_LETTERS) return true;
    const listedAlike = this.index.lookupExact(alias.folded).filter((other) => other.entry.id === entry.id);
    return listedAlike.length === 1 && listedAlike[0]!.alias.lang === 'und';
  }

  /**
   * True when the span is exactly a listed name of another, unrelated entity at least as prominent,
   * in a known language (not a variant of unknown language, not a former name), and no such name
   * of the reading's entity.
   */
  private namedProperlyOtherwise(surface: string, reading: IndexedAlias): boolean {
    const entry = reading.entry;
    const proper = this.index.lookupExact(foldKey(surface)).filter((alias) => alias.alias.lang !== 'und' && alias.alias.origin !== 'generated' && alias.alias.type !== 'historic');
    // The region of a city and the city of a region name the same place; a village called `Asgabat`
    // does not outweigh Ashgabat's own variant.
    const other = (alias: IndexedAlias) => alias.entry.id !== entry.id && alias.entry.id !== entry.parent && alias.entry.parent !== entry.id && alias.prior >= reading.prior;
    return proper.some(other) && !proper.some((alias) => alias.entry.id === entry.id);
  }

  private decide(text: string, tokens: WordToken[], span: Span, sentence: number, context: DocContext): Outcome {
    const previous = span.first > 0 ? tokens[span.first - 1] : undefined;
    // `v Moskve`, `iz Orenburga`: a Russian preposition left untranslated before the span.
    const preposition =
      previous !== undefined && RUSSIAN_PREPOSITIONS.has(previous.text) && text.slice(previous.end, span.start) === ' ' ? previous : undefined;
    const reading = (span.reading ??= this.readingOf(span, preposition?.text, context.latinCueSentences.has(sentence), regionNounAfter(text, tokens, span)));
    if (reading.keeper) {
      const best = reading.keeper;
      return { decision: makeDecision(span, span.start, undefined, true, best, [best], false, undefined, undefined), contextFree: true };
    }
    const raw = reading.candidates;
    if (raw.length === 0) {
      const reromanize = reading.reromanized;
      if (!reromanize) return NO_DECISION;
      const needsContext = reading.reromanizeNeedsContext === true;
      if (needsContext && !context.postSoviet) return { decision: undefined, contextFree: false };
      return { decision: makeDecision(span, span.start, undefined, false, undefined, [], false, undefined, reromanize), contextFree: !needsContext };
    }
    const around = this.surroundings(text, tokens, span, context, previous);
    const { before, beforeTwo, following, after, longerName, cue } = around;
    const leading = this.leadingCountry(context, raw, span.start);
    const scored = raw.map((candidate) => this.score(candidate, context, cue, longerName, span.start, span.surface, leading));
    // Rank outputs: the best reading per output, in the order outputs first appear (a span has a handful).
    const ranked: ScoredCandidate[] = [];
    // `the Poltavskaya and Kharkovskaya regions`: the designator after the second adjective is the first one's too.
    const designatorAfter = after === 'and' ? coordinatedDesignator(text, tokens, span.last + 1) ?? after : after;
    for (const candidate of scored) {
      const output = this.finalOutput(candidate, beforeTwo, designatorAfter);
      const adjusted = output === candidate.output ? candidate : scoredCandidate(candidate, output, candidate.score, candidate.reasons, candidate.cue);
      const known = ranked.findIndex((other) => other.output === output);
      if (known < 0) ranked.push(adjusted);
      else if (readsBetter(adjusted, ranked[known]!)) ranked[known] = adjusted;
    }
    ranked.sort((a, b) => b.score - a.score);
    let best = ranked[0]!;
    // Ambiguity that matters: another entity that would be written differently.
    // Not a reading that is never applied (`Quito` for `Kitaja`), nor the same name with its designator
    // (`Nukus District` next to the city `Nukus`: the designator words around decide between them).
    const runnerUp = ranked.find(
      (candidate) =>
        candidate.output !== best.output &&
        (candidate.alias === undefined || candidate.alias.entry.id !== best.alias?.entry.id) &&
        candidate.hold === undefined &&
        !(candidate.alias !== undefined && shortPlaceName(candidate.output) === best.output) &&
        // Nor a district inside the best place or a unit around it (`Kostnay`: the region Kostanay
        // and its district Qostanay): either spells the same place-name, the better read wins. A city
        // stays a runner-up (`Kundus`: English means the city Kunduz more often than its province).
        !(candidate.alias !== undefined && best.alias !== undefined && isPlaceKind(best.alias.entry.kind) && !TOWN_KINDS.has(candidate.alias.entry.kind) &&
          (candidate.alias.entry.parent === best.alias.entry.id || best.alias.entry.parent === candidate.alias.entry.id)) &&
        // Nor a district named after the town read, in its own spelling (`Karshii`: the city Karshi
        // and Qarshi District).
        !(candidate.alias !== undefined && best.alias !== undefined && districtOfTown(candidate.alias.entry, candidate.output, best.alias.entry, best.output)) &&
        // Nor another place before the Russian noun of a region (`Sverdlovskoy oblasti`: not
        // Bishkek's Sverdlovsky District; `Belgorodskoi oblasti`: not the city), nor one before a
        // district's (`rayon`).
        !(candidate.alias !== undefined && after !== undefined && best.alias !== undefined && isPlaceKind(candidate.alias.entry.kind) &&
          ((RUSSIAN_REGION_NOUNS.has(after) && candidate.alias.entry.kind !== 'region' && best.alias.entry.kind === 'region') ||
            (RUSSIAN_DISTRICT_NOUNS.has(after) && candidate.alias.entry.kind !== 'district' && best.alias.entry.kind === 'district'))),
    );
    // Scores depend on the document's context: a later pass decides again.
    if (best.score < this.floor && !best.keep) return { decision: undefined, contextFree: false };
    const start = best.extendsLeft && preposition ? preposition.start : span.start;
    // `Karagandinskoy oblasti`: a Russian adjective with its noun left untranslated is the region's English name.
    let end = span.end;
    let countryNamed = false;
    if (
      !best.keep && best.alias?.entry.kind === 'region' && following !== undefined && after !== undefined && RUSSIAN_REGION_NOUNS.has(after) &&
      // (`oblast` is feminine: `Dnipropetrovskoy` is an adjective too, read through the city's stem.)
      (isAdjectiveReading(best) || FEMININE_ADJECTIVE.test(span.surface))
    ) {
      end = following.end;
      ranked[0] = best = withNoun(best, this.regionWithNoun(best.alias.entry, best.alias.replacement), following.text);
    } else if (
      !best.keep && best.alias?.entry.kind === 'district' && following !== undefined && after !== undefined && RUSSIAN_DISTRICT_NOUNS.has(after) &&
      // (`rayon` is masculine: `Batkenskiy`, `Isfarinskogo`, `Kochkorskom`.)
      (isAdjectiveReading(best) || MASCULINE_ADJECTIVE.test(span.surface))
    ) {
      // `Batkenskiy rayon`, `Isfarinskogo rayona`: a district's adjective with its noun left untranslated.
      end = following.end;
      const name = best.alias.replacement;
      ranked[0] = best = withNoun(best, / District$/u.test(name) ? name : `${name} District`, following.text);
    } else if (!best.keep && best.alias !== undefined && isPlaceKind(best.alias.entry.kind) && following !== undefined && RUSSIAN_FEATURE_NOUNS.has(following.text) && isAdjectiveReading(best)) {
      // `Shardarinskoye vodokhranilishche`: the feature named after the place, in English.
      end = following.end;
      ranked[0] = best = withNoun(best, featureName(best.alias.replacement, RUSSIAN_FEATURE_NOUNS.get(following.text)!), following.text);
    } else if (!best.keep && best.countryDropped && following !== undefined && after !== undefined && text.slice(span.end, following.start) === ' ') {
      // `MChS Kyrgyzstana`, `Minfin Uzbekistana`: a body's name with its country in the Russian
      // genitive is that country's body, by its canonical name; one the gazetteer does not list
      // for that country (`Minoborony Belarusi`) is only suggested.
      const country = this.countryInGenitive(after);
      if (country !== undefined) {
        const own = scored.find((candidate) => candidate.countryDropped && this.countryEntry(candidate.alias!.entry.country)?.id === country.id);
        end = following.end;
        countryNamed = true;
        if (own !== undefined) ranked[0] = best = withNoun(own, this.countryAdjectiveName(own.alias!) ?? own.alias!.replacement, following.text);
        else {
          ranked[0] = best = withHold(withNoun(best, `${best.output} of ${country.name}`, following.text), HOLDS.bodyOfOtherCountry.text);
          best.noAuto = true;
        }
      }
    } else if (!best.keep && best.alias?.entry.kind === 'region' && after !== undefined && AUTONOMOUS_ADJECTIVE.test(after) && isAdjectiveReading(best)) {
      // `Gorno-Badakhshanskoy avtonomnoy oblasti`: the same with `autonomous` between them.
      const noun = tokens[span.last + 2];
      if (noun !== undefined && RUSSIAN_REGION_NOUNS.has(noun.text.toLowerCase()) && noun.start - following!.end === 1) {
        end = noun.end;
        const name = best.alias.replacement;
        const output = ENDS_IN_DESIGNATOR.test(name) ? name : `${name} Autonomous ${/^okrug/u.test(noun.text.toLowerCase()) ? 'Okrug' : 'Region'}`;
        ranked[0] = best = withNoun(best, output, `${following!.text} ${noun.text}`);
      }
    }
    // `Čebarkul'`: a soft sign's apostrophe after a place's name goes with the name (a possessive's
    // comes after an `s` or before one).
    if (
      !best.keep && end === span.end && best.alias !== undefined && isPlaceKind(best.alias.entry.kind) && SOFT_SIGN_MARKS.has(text.charCodeAt(end)) &&
      !/s$/iu.test(span.surface) && !LETTER.test(text.charAt(end + 1))
    ) {
      end += 1;
    }
    // The text already goes on with the rest of the name (`Radio Free Europe` + `/Radio Liberty`).
    const continues = best.output.startsWith(span.surface) && text.startsWith(best.output.slice(span.surface.length), span.end);
    if (best.keep || continues || text.slice(start, end) === best.output) {
      return { decision: makeDecision(span, start, undefined, true, best, ranked, false, runnerUp, undefined), contextFree: false };
    }
    const margin = best.score - (runnerUp?.score ?? 0);
    // `Minfin` in a story about Armenia: the gazetteer lists Russia's ministry of that name, not Armenia's.
    // (`Minenergo Uzbekistana`: the capitalized word after the span is the country the change takes in, no longer name.)
    const aroundName = countryNamed ? { ...around, nameFollows: false, longerName: around.namePrecedes ? around.longerName : undefined } : around;
    const held =
      this.neighbourHold(best, text, span, end, preposition, previous, aroundName, context) ??
      (best.countryDropped && !countryNamed && this.foreignToDocument(context, best.alias!.entry.country!, span.start) ? HOLDS.bodyOfOtherCountry.text : undefined);
    // (Another person of the surname outranks the reading's own hold: it says why no one should look.)
    if (held !== undefined && (best.hold === undefined || held === HOLDS.personCaseForm.text)) ranked[0] = best = withHold(best, held);
    // A Russian case form of a world city (`v Tegerane`) in a text about the former Soviet Union is the city.
    // Not beside an unknown capitalized word: `Rapid Wien` and `Sparta Praha` are clubs, named as they are.
    // So is one in the region's languages, or generated, in a text that names the city's country
    // elsewhere (`Tegeran` in a story about Iran; not `Wien` in one about Austria: its own name).
    if (
      held === undefined && best.hold === HOLDS.outsideRussian.text && longerName === undefined &&
      (context.postSoviet || (isRegionsForm(best.alias!) && namesCountryElsewhere(context, best.alias!.entry, span.start)))
    ) {
      ranked[0] = best = withHold(best, undefined);
    }
    // A near-spelling of a major world city (`Erzurm`) in a text that names the city's country elsewhere is the city.
    if (held === undefined && best.hold === HOLDS.outsideNearSpelling.text && longerName === undefined && namesCountryElsewhere(context, best.alias!.entry, span.start)) {
      ranked[0] = best = withHold(best, undefined);
    }
    // `Mirzoyn` or `Rahmen` alone, where the document names the person correctly elsewhere (`Ararat
    // Mirzoyan`, `Emomali Rahmon`): a near-spelling of the surname is that person.
    if (held === undefined && best.hold === HOLDS.surnameAlone.text && longerName === undefined && keptElsewhere(context, best.alias!.entry, span.start)) {
      ranked[0] = best = withHold(best, undefined);
    }
    // `President Tokayeva`, `talks with Putina` in a text that names Vladimir Putin: the genitive of
    // the man's surname, unless the document writes the form after a given name (`Aliya
    // Nazarbayeva`: then it is a woman's surname) or `Mrs` says so. Of a woman's surname and a
    // man's case form (`Mirzieva`: Saida Mirziyoyeva, or her father's genitive), the man's where
    // `President` says so or the document names him; hers where it names her.
    if (held === undefined && best.hold === HOLDS.personCaseOrWoman.text && longerName === undefined && before !== 'mrs' && before !== 'ms' && !writtenAfterGivenName(context, span)) {
      const man = ranked.find((candidate) => candidate.hold === HOLDS.personCaseOrWoman.text && candidate.alias?.entry.kind === 'person' && !candidate.output.endsWith('a'));
      const named = (candidate: ScoredCandidate) => before === 'president' || keptElsewhere(context, candidate.alias!.entry, span.start);
      const reading = man !== undefined && named(man) ? man : named(best) ? best : undefined;
      if (reading !== undefined) ranked[0] = best = withHold(reading, undefined);
    }
    const softHeld = best.hold !== undefined && SOFT_HOLDS.has(best.hold);
    const apply = !this.options.suggestOnly && !best.noAuto && !softHeld && held === undefined && best.score >= this.minConfidence && margin >= this.minMargin;
    return { decision: makeDecision(span, start, end !== span.end ? end : undefined, false, best, ranked, apply, runnerUp, undefined), contextFree: false };
  }

  /**
   * The words around a span that its decision weighs: neighbours as cue words, capitalized names
   * beside it, given names and surnames. (A method of its own, as `neighbourHold` is: `decide`
   * was 6 KB of bytecode that V8 recompiled whole after each rare branch; split, the time it
   * spends compiling did not measurably change, but each part reads as one question.)
   */
  private surroundings(text: string, tokens: WordToken[], span: Span, context: DocContext, previous: WordToken | undefined): Surroundings {
    // Cue words count only within the sentence and with nothing but spaces in between.
    const before = previous && isPlainGap(text, previous.end, span.start) ? previous.text.toLowerCase() : undefined;
    const twoBack = span.first > 1 ? tokens[span.first - 2]! : undefined;
    const beforeTwo = twoBack && before !== undefined && isPlainGap(text, twoBack.end, previous!.start) ? `${twoBack.text.toLowerCase()} ${before}` : undefined;
    // `Rahmon called Sadyr Zhaparov`: after a name or a pronoun, `called` is a telephone call, not a citation.
    const phoned = beforeTwo !== undefined && before === 'called' && (isCapitalized(twoBack!.text) || CALLERS.has(beforeTwo.slice(0, beforeTwo.indexOf(' '))));
    const following = tokens[span.last + 1];
    const after = following && isPlainGap(text, span.end, following.start) ? following.text.toLowerCase() : undefined;

    // A capitalized neighbour that is not a cue word (`Amu Darya`, `Nodira Yusupova`) means the
    // span is probably part of a longer name the gazetteer does not know.
    const nameFollows = following !== undefined && isNameJoiner(text, span.end, following.start) && adjacentName(following, context);
    const previousIsName = previous !== undefined && isNameJoiner(text, previous.end, span.start) && adjacentName(previous, context);
    const previousOpensSentence = previousIsName && startsSentence(text, tokens, previous!.index);
    const namePrecedes = previousIsName && !previousOpensSentence;
    // A person's name next to a place may be part of it (`Volodymyr Zelensky`), but next to an
    // institution it is who holds a post there (`the Mazhilis Yerlan Koshanov`).
    // (`the mayor of Dushnabe Rustam Emomali`: a known person's name that starts with a given name
    // right after the span is a name of its own, not the rest of the span's.)
    const personStartsAfter = nameFollows && context.knownPeople.has(following!.index) && commonGivenNames().has(following!.text);
    const joinedAfter = nameFollows && !personStartsAfter;
    const personOnly = (joinedAfter ? context.knownPeople.has(following!.index) : true) && (namePrecedes ? context.knownPeople.has(previous!.index) : true);
    const longerName: LongerName = joinedAfter || namePrecedes ? (personOnly ? 'person' : 'unknown') : undefined;
    // `Madina Abylkasymova`: before a surname, the span is a given name whatever else it names.
    // The surname may itself be read as a place kept as written (`Petrov`, a Kazakh village): it
    // is still the surname after a given name.
    const beforeSurname =
      (nameFollows || (following !== undefined && context.known.has(following.index) && isNameJoiner(text, span.end, following.start) && isCapitalized(following.text))) &&
      hasSurnameShape(following!.text);
    // `Aysen Nikolaev`: after a given name, a word shaped like a surname is the surname, whatever
    // place it also names (a capitalized English word opening the sentence is no given name).
    const afterGivenName = previousIsName && !(previousOpensSentence && this.english.has(previous!.text.toLowerCase())) && hasSurnameShape(span.surface);
    // `Sergio Gor`: after a common given name, a place's name is the surname, whatever its shape.
    const placeAfterGivenName = previousIsName && commonGivenNames().has(previous!.text);
    // `Nikolaev Aysen`: a surname-shaped word before a given name is a name written surname first.
    const beforeGivenName = nameFollows && hasSurnameShape(span.surface) && commonGivenNames().has(following!.text);
    // Cue words around the span (`region of`, `President`): one reading for all candidates.
    const cue = kindCue(before, after);
    return { before, twoBack, beforeTwo, phoned, following, after, nameFollows, previousIsName, namePrecedes, longerName, beforeSurname, afterGivenName, placeAfterGivenName, beforeGivenName, cue };
  }

  /**
   * Why the words around a span hold its best reading, if they do: a phrase left in Russian or in
   * another language, a longer name, a given name or a surname beside it; then `heldInContext`.
   */
  private neighbourHold(best: ScoredCandidate, text: string, span: Span, end: number, preposition: WordToken | undefined, previous: WordToken | undefined, around: Surroundings, context: DocContext): string | undefined {
    const { before, twoBack, beforeTwo, phoned, following, after, nameFollows, previousIsName, namePrecedes, longerName, beforeSurname, afterGivenName, placeAfterGivenName, beforeGivenName, cue } = around;
    // `Vuelta a España`, `Banco de España`: a country outside the region named in another Western
    // language after a name's linking word of that language ends a name in that language. (Alone,
    // `Frankreich` is how a translation through German leaves France.)
    if (
      best.alias !== undefined && best.how === 'exact' && best.alias.entry.kind === 'country' && !FOCUS_COUNTRIES.has(best.alias.entry.country ?? '') &&
      best.alias.alias.origin === 'name' && !isEnglishLang(best.alias.alias.lang) && !FOCUS_LANGUAGES.has(primaryLang(best.alias.alias.lang)) &&
      before !== undefined && FOREIGN_NAME_LINKS.has(before) && twoBack !== undefined && isCapitalized(twoBack.text)
    ) {
      return HOLDS.countryOwnName.text;
    }
    // `Ferganskoy doline` (in the Fergana Valley): a Russian adjective before a Russian noun left
    // untranslated names what the noun names, not the place the adjective comes from.
    // So does an acronym after it (`Zaporozhskaya AES`, the nuclear power plant).
    const untranslatedNoun =
      end === span.end &&
      after !== undefined &&
      (following!.text === after || isAcronym(following!.text)) &&
      (isAdjectiveReading(best) || best.rule === 'morphology') &&
      isLatinText(after) &&
      !this.english.has(after) &&
      !DESIGNATOR_WORDS.has(after);
    // `Akhal kalaki` (Akhalkalaki, split by a stray space): a plain lower-case word in no English
    // list right after the span may be the rest of the name. (One with letters English lacks is a
    // word of a phrase in another language, where the name is still the name: `Aşgabat şäherinde`.)
    // (Not for a glued word only split in two, `theBaikal omul`: whatever follows, the name is
    // the same, and the space belongs there.)
    const nameGoesOn =
      end === span.end &&
      !(best.rule === 'glued' && best.output.replaceAll(' ', '') === span.surface.replaceAll(' ', '')) &&
      after !== undefined &&
      following!.text === after &&
      isLowerAscii(after) &&
      !this.english.has(after) &&
      !REGIONAL_WORDS.has(after) &&
      !DESIGNATOR_WORDS.has(after) &&
      !CONNECTORS.has(after);
    // `O'zbekiston havo yo'llari` (Uzbekistan Airways): a name in its own language before a word
    // of that language left untranslated is part of that phrase.
    const untranslatedNative =
      best.how === 'exact' &&
      best.alias !== undefined &&
      !isEnglishLang(best.alias.alias.lang) &&
      best.alias.alias.origin !== 'canonical' &&
      end === span.end &&
      after !== undefined &&
      following!.text === after &&
      after.length >= 3 &&
      isLatinText(after) &&
      !this.english.has(after) &&
      !DESIGNATOR_WORDS.has(after) &&
      !CONNECTORS.has(after);
    // `Ministerstvo vnutrennikh del Rossii`, `MChS Rossii`: a case form after an untranslated
    // Russian word is part of that phrase; fixing the name alone would leave half of it Russian.
    // So is a country's or region's case form after a capitalized word that is neither English nor
    // a name (`the Minzdrav Uzbekistana`, the Ministry of Health of Uzbekistan; `Sila Sibiri`).
    const untranslatedHead =
      before !== undefined &&
      isCapitalized(previous!.text) &&
      (best.alias?.entry.kind === 'country' || best.alias?.entry.kind === 'region' || best.alias?.entry.kind === 'other') &&
      !this.english.has(before) &&
      !commonGivenNames().has(previous!.text) &&
      this.index.lookupExact(foldKey(previous!.text)).length === 0;
    // So is one after a Russian institution's adjective and an English noun (`Natsionalnyy bank
    // Kazakhstana`, the National Bank of Kazakhstan).
    const untranslatedPhrase =
      best.rule === 'morphology' && before !== undefined && !preposition &&
      (((isUntranslatedWord(previous!.text, before) || untranslatedHead) && !this.english.has(before) && !CONNECTORS.has(before)) ||
        (beforeTwo !== undefined && RUSSIAN_COMMON_ADJECTIVE.test(foldKey(twoBack!.text))));
    // `Sadyrom Žaparovym`: a surname's case form after a name the gazetteer did not read (here the
    // given name in the same case) is part of that longer name; fixing the surname alone leaves it half done.
    const surnameInLongerName = longerName !== undefined && best.rule === 'morphology' && best.alias?.entry.kind === 'person' && !span.surface.includes(' ') && namePrecedes;
    // The first reason that holds, in this order.
    // `Yelena Vorobyova`, and `Vorobyovoy` after her: the document gives the surname with another
    // given name than the listed person's (Andrei Vorobyov); that is someone else.
    if (best.alias?.entry.kind === 'person' && !span.surface.includes(' ') && surnameOfAnotherPerson(context, span, best.alias.entry)) return HOLDS.personCaseForm.text;
    if (surnameInLongerName) return HOLDS.longerName.text;
    // A name turned round (`Mirziyoyev Shavkat`) between other names may be two of them
    // (`Biškek-Žaparov Sadyr Zhaparov`); turning it would give its neighbours new ones.
    if (best.detail.reordered !== undefined && ((previousIsName && !this.english.has(before ?? '')) || (nameFollows && !this.english.has(after ?? '')) || isHyphenated(text, span))) {
      return HOLDS.longerName.text;
    }
    if (untranslatedNoun) return HOLDS.untranslatedNoun.text;
    if (untranslatedPhrase) return HOLDS.untranslatedPhrase.text;
    if (untranslatedNative) return HOLDS.untranslatedNative.text;
    if (nameGoesOn) return HOLDS.nameGoesOn.text;
    // `Vlagyimir Putyin`: a place read as a common given name (Vladimir) before an unknown name is
    // that given name garbled with its surname; fixing it alone would make a new reading of the pair.
    // (A country's name is no given name, `Kasachstan Utemuratov`, unless it is one too: `Georgia`, `Jordan`.)
    // (Read exactly, as listed: a near-spelling or case form of a country, `Gayane` for Guyana, is the given name.)
    const countryName = best.alias?.entry.kind === 'country' && best.how === 'exact' && best.rule !== 'morphology' && !commonGivenNames().has(span.surface) && !commonGivenNames().has(best.output);
    if ((beforeSurname || (nameFollows && commonGivenNames().has(best.output))) && best.alias?.entry.kind !== 'person' && !countryName) return HOLDS.beforeSurname.text;
    if ((afterGivenName || beforeGivenName) && best.alias?.entry.kind !== 'person') return HOLDS.afterGivenName.text;
    if (placeAfterGivenName && best.alias !== undefined && isPlaceKind(best.alias.entry.kind)) return HOLDS.afterGivenName.text;
    return this.heldInContext(best, text, span, before, beforeTwo, after, cue, longerName, context, phoned);
  }


  /**
   * Why the best reading of a span must not be applied where it stands, or undefined: the
   * span's surroundings say it is not the garble it looks like.
   */
  private heldInContext(
    best: ScoredCandidate,
    text: string,
    span: Span,
    before: string | undefined,
    beforeTwo: string | undefined,
    after: string | undefined,
    cue: string | undefined,
    longerName: LongerName,
    context: DocContext,
    phoned: boolean,
  ): string | undefined {
    // A quoted word is cited as written (`the Uzbek name “O‘zbekiston”`).
    if (OPENING_QUOTES.has(text.charCodeAt(span.start - 1)) && CLOSING_QUOTES.has(text.charCodeAt(span.end))) return 'quoted as written';
    // `Djalalabad` in a story about Afghanistan: a town's name in a European language's spelling is
    // that language's name of several towns (Jalal-Abad and Jalalabad); read only where the
    // document does not place itself in other countries. (Not a country's or a major city's:
    // `Moskau` is Moscow wherever the story is.)
    const alias = best.alias;
    if (
      best.how === 'exact' && alias !== undefined && alias.alias.origin === 'name' && isPlaceKind(alias.entry.kind) && alias.entry.kind !== 'country' &&
      alias.prior < MAJOR_PLACE_PRIOR && alias.entry.country !== undefined &&
      EUROPEAN_LANGUAGES.has(primaryLang(alias.alias.lang)) && this.foreignToDocument(context, alias.entry.country, span.start)
    ) {
      return 'a European language\'s name of a place in a country the document does not name';
    }
    // `known in Uzbek as Qo'qon`, `called Ozbekiston`: a name cited in another language.
    if (citesName(before, beforeTwo, phoned)) return 'cited as written';
    // `was widely known in Europe as Tiflis`: `known ... as` a few words apart.
    if (before === 'as' && knownAsWithin(context.tokens, span.first - 1)) return 'cited as written';
    // `the newspaper "Neýtral Türkmenistan"`: a word of a title quoted in its own language, which
    // has letters English lacks, is part of that title.
    if (inQuotedNativeTitle(text, span, (context.quotes ??= quotePositions(text)))) return 'part of a title quoted in its own language';
    // `was known as the Kiev Conservatory`.
    if (beforeTwo === 'as the' && CITING_BEFORE_AS.has(context.tokens[span.first - 3]?.text.toLowerCase() ?? '')) return 'cited as written';
    // `Kaisar Kyzylorda` (a football club), `Kaisar from Kyzylorda`: a name before a city of another
    // country than the place it reads as is a club's or a firm's, named with its city.
    const cityAfter = after === 'from' ? context.tokens[span.last + 2]?.text.toLowerCase() : after;
    if (cityAfter !== undefined && best.rule !== 'glued' && best.alias !== undefined && isPlaceKind(best.alias.entry.kind) && this.cityOfAnotherCountry(cityAfter, best.alias.entry.country)) {
      return 'before a city of another country (a club or a firm named with its city)';
    }
    // `the special economic zone Alabuga in Yelabuga`: what is in a place is not that place.
    // So is a club `from` the place it reads as (`Merw from Mary`, named after the old city).
    const inPlace = after === 'in' || after === 'from' ? context.tokens[span.last + 2] : undefined;
    if (inPlace !== undefined && text.startsWith(best.output, inPlace.start) && !LETTER.test(text.charAt(inPlace.start + best.output.length))) return `followed by \`${after}\` and the place it reads as`;
    // `the Battle of Kiev`, `chicken Kiev`: a historic event or a dish keeps the spelling of its name.
    if (best.how === 'exact' && (before === 'chicken' || (beforeTwo !== undefined && HISTORIC_EVENT.test(beforeTwo)))) return 'part of the name of a historic event or a dish';
    // `born in Lwów in 1921; today it is Lviv`, `Kiev, known today as Kyiv`: a listed name of a
    // place in a sentence that also writes the name it reads as is a former or foreign name set
    // beside the present one on purpose.
    // (Not a case form listed as a variant: `opened in Kazani` after `the Kazan Festival`.)
    if (best.how === 'exact' && (best.rule === 'alias' || best.rule === 'variant') && !isCaseFormOf(span.surface, best.output) && namedInSentence(context, span, best.output)) {
      return 'named beside the name it reads as';
    }
    const entry = best.alias?.entry;
    if (entry === undefined || context.hints.has(entry.id)) return undefined;
    const inLongerName = partOfLongerName(longerName, entry);
    // `Hakan Fidan`, `Zhanibek Alimkhanuly`: a place name next to an unknown capitalized word is part of a name the gazetteer lacks.
    // Exact readings count too for small places (`Zhanibek` is a village and a given name); a city or
    // region read exactly (`Surhandarya Governor`) is still the place.
    const smallPlace = isPlaceKind(entry.kind) && best.alias!.prior < FUZZY_SMALL_PLACE_PRIOR;
    // So do exact readings only through folding another language's letters (`Bandar Torkamen`:
    // `Bandar` is Azerbaijani `Bəndər`, Bender, only once `ə` is read as `a`).
    // (An English name too, when the span has letters English lacks: `Mińsk Mazowiecki`, a Polish
    // town, is no Minsk.)
    const throughFolding =
      best.how === 'exact' && best.alias!.alias.text.toLowerCase() !== span.surface.toLowerCase() && (!isEnglishLang(best.alias!.alias.lang) || !isPlainAscii(span.surface));
    if (inLongerName && (smallPlace || best.how !== 'exact' || throughFolding) && entry.kind !== 'person' && (entry.kind !== 'country' || best.how === 'fuzzy')) return HOLDS.longerName.text;
    // `Abai region`: a town's name before `region` names the region, even when it is read exactly,
    // unless the region bears the town's name (`the Kharkov Regional Administration`): then the
    // town's name is the region's too.
    const regionsNamesake = cue === 'region' && (entry.kind === 'city' || entry.kind === 'town') && this.regionNamedAfter(best.output, entry.country);
    if (cue === 'region' && (entry.kind === 'city' || entry.kind === 'town' || entry.kind === 'village') && !regionsNamesake) return 'kind mismatch: region';
    // `Romanow` (a Canadian surname) is Romanov in Polish romanization only in a text about the
    // region: other romanizations than the English ones need another mention that places it there.
    // Next to another capitalized word (`Danny Romanow`), it is a person's name even there.
    if (inForeignOrthography(best.alias!.alias)) {
      if (!inFocusElsewhere(context, span.start, span.surface)) return 'foreign romanization in a text that names nothing of the region';
      // A country read so is still the country (`Kazahstan Kasym-Zhomart Tokaev`), as for the exact readings below.
      if (inLongerName && entry.kind !== 'person' && entry.kind !== 'country') return 'foreign romanization next to an unknown name';
    }
    // `the cruiser Moskva`, `Hotel Ukraina`, `Moskva River`: a ship, a building or a river keeps the
    // name it was given; the English name of the place it is named after is not its name.
    if (cue === 'vessel') return 'the name of a ship or a building';
    // `Andijanskogo reservoir`, `Isfarinskogo district`: a Russian adjective of a town before the
    // word for what is named after it is the town's name, whatever the word.
    const namesAfterPlace = best.detail.endingType === 'adjective' && isPlaceKind(entry.kind);
    if (cue === 'water' && !kindFits(cue, entry.kind) && !namesAfterPlace && !this.waterNamesake(best.output)) return 'kind mismatch: water';
    // `Dnepropetrovsk` alone is the city's former name, not its region's adjective: a region's
    // adjective stem that is a listed name of a town of the same country names the region only
    // before a designator (`Dnepropetrovsk region`).
    if (
      best.alias!.alias.scheme === 'ru-adjective' &&
      entry.kind === 'region' &&
      !span.surface.includes(' ') &&
      !hasDesignator(beforeTwo, after) &&
      this.index.lookupExact(foldKey(span.surface)).some((alias) => alias.alias.origin !== 'generated' && isPlaceKind(alias.entry.kind) && alias.entry.kind !== 'region' && alias.entry.country === entry.country)
    ) {
      return 'a name of a town, not its region\'s adjective';
    }
    // `Kuryk`, `Alay`, `Kairakkum`, `Gurlen`, `Aralsk`: the name lists of small places hold their
    // English spellings as often as errors, and their canonical names are often in a local Latin
    // orthography (`Qayroqqum`). Another plain-letter spelling of a small place is only
    // suggested, unless the document names the place itself elsewhere (one read through a generated
    // foreign romanization, `Chorog` for Khorog, is a garble all the same).
    if (
      (best.rule === 'variant' || best.rule === 'romanization' || best.rule === 'alias') &&
      (best.how === 'exact' || best.how === 'skeleton') &&
      best.detail.case === undefined &&
      // (Two parts put back in order, `Ata-Cholpon`, are no other spelling: the letters are the name's.)
      best.detail.reordered === undefined &&
      !inForeignOrthography(best.alias!.alias) &&
      isPlaceKind(entry.kind) &&
      best.alias!.prior < FUZZY_SMALL_PLACE_PRIOR &&
      /^[A-Za-z' -]+$/u.test(span.surface) &&
      // A spelling with another language's letter groups (`Tscholpon-Ata`) is a garble, not a variant.
      reromanizeSpanWords(span.surface) === undefined &&
      // Nor is Russian's `dzh` for the `zh`/`j` of a Kazakh or Kyrgyz name (`Dzhalagash`, `Dzhety-Oguz`),
      !russianDzh(span.surface, best.output, entry) &&
      // nor a romanization of its Russian adjective (`Nookatskiy rayon`, BGN/PCGN's `Nookat·skiy`).
      !(best.alias!.alias.origin === 'generated' && INFLECTED_ADJECTIVE_ENDINGS.some((ending) => foldKey(span.surface).endsWith(ending))) &&
      // Only the place itself named elsewhere says which spelling the text uses; a neighbour (`Aktau` near `Kuryk`) does not.
      this.support(context, entry, span.start, span.surface) !== 'same' &&
      // A letter doubled in the listed English name (`Guzzar`) is a typo, not another spelling; so
      // are two words run together in camel case (`CholponAta`).
      !isLetterDoubled(foldKey(span.surface), foldKey(best.output)) &&
      !CAMEL_CASE.test(span.surface) &&
      // `Dzhalal-Abad region`: a district reading that the designator favours, where the city of the
      // same name reads the span the same way, unheld.
      !span.reading!.candidates.some(
        (other) =>
          other.alias !== undefined &&
          other.alias.replacement === best.alias!.replacement &&
          isPlaceKind(other.alias.entry.kind) &&
          other.alias.prior >= FUZZY_SMALL_PLACE_PRIOR &&
          other.hold === undefined &&
          !other.noAuto,
      )
    ) {
      return HOLDS.smallPlaceVariant.text;
    }
    // `Baiterek` (a monument, a holding) → `Bayterek District`: a bare word read as a district
    // becomes the district only where the text says district.
    if (entry.kind === 'district' && / District$/u.test(best.output) && !hasDesignator(beforeTwo, after) && cue === undefined) return 'a district\'s name without the word district';
    // `Sibir` (an icebreaker, an airline, a hockey club): machine translation renders Сибирь as
    // Siberia; the Russian name of a geographic region written out in English names something else.
    // (Another language's spelling of it, `Syrdarja`, is a garble all the same.)
    // A river's or a lake's Russian name (`along the Dnestr`) is the river where the document has
    // one of its context words (its countries, `river`): icebreakers and clubs are named after regions.
    if (
      best.how === 'exact' && entry.kind === 'other' && best.alias!.alias.origin === 'generated' && best.alias!.alias.scheme !== 'ru-case' && !inForeignOrthography(best.alias!.alias) && !span.surface.includes(' ') &&
      !(this.waterNamesake(best.output) && hasAnyContextWord(context, entry))
    ) {
      return 'the Russian name of a geographic region, as the name of something else';
    }
    // `Niva` (the car) is a Tajik romanization of Niue's Cyrillic name: a generated spelling of a
    // small country outside the region is read only where the document names that country too.
    if (best.how === 'exact' && best.alias!.alias.origin === 'generated' && this.outsideSmallCountry(entry, context, span)) return HOLDS.outsideCountry.text;
    // `Gur-e-Amir`, `Shah-i-Zinda`: a name joined to a lower-case particle by a hyphen is part of a
    // longer name, though it reads exactly (`Gur` is a Persian name of Ghor).
    if (best.how === 'exact' && isHyphenated(text, span) && joinsParticle(text, span)) return 'part of a hyphenated name';
    // `Rossiya-24`, `Kazakhstan-1`: a country's name before a hyphen and a number is a channel's or
    // a project's name, written as its owner writes it.
    if (best.how === 'exact' && entry.kind === 'country' && HYPHENS.has(text.charCodeAt(span.end)) && DIGIT.test(text.charAt(span.end + 1))) return 'part of a name with a number';
    // `works by Tchaikovsky`: another spelling of a town named like a `-sky` surname is the surname
    // as often (the composer, not the town Chaykovsky), unless a designator says place.
    if ((best.how === 'exact' || best.how === 'skeleton') && !span.surface.includes(' ') && SKY_SURNAME.test(span.surface) && entry.kind !== 'region' && !hasDesignator(beforeTwo, after)) {
      return 'a surname shape (-sky) without a designator';
    }
    if (best.how === 'exact') return undefined;
    // `Turchin said`, after `Prime Minister Alexander Turchin`: a word the document gives as a
    // surname after a given name is that surname, not a near-spelling of a place (Türkiye).
    if (entry.kind !== 'person' && !span.surface.includes(' ') && writtenAfterGivenName(context, span)) return HOLDS.surnameElsewhere.text;
    // `according to Vorobyovoy` after `Yelena Vorobyova`: a case form of a surname the document
    // gives with a given name is that person, not a place of the same stem (Vorobyovo).
    if (entry.kind !== 'person' && !span.surface.includes(' ') && caseFormOfNamedPerson(context, span)) return HOLDS.personCaseForm.text;
    // `Mirzoev` is a surname of its own, not a near-spelling of `Mirziyoyev`: one word read as a
    // person only through a near-spelling is only suggested.
    // Unless it is a slip of the surname of a person the document names plainly elsewhere (`Mirzoyn`
    // after `Ararat Mirzoyan`: one letter dropped, added or swapped).
    if (best.how === 'fuzzy' && entry.kind === 'person' && !span.surface.includes(' ')) {
      const slipOfNamed = isSlip(foldKey(span.surface), best.alias!.folded) && keptElsewhere(context, entry, span.start);
      if (!slipOfNamed) return 'one word near a person\'s name';
    }
    // `President Volodymyr`: the words around say this is another kind of name.
    if (cue !== undefined && !kindFits(cue, entry.kind) && !namesAfterPlace && !regionsNamesake && !(cue === 'water' && this.waterNamesake(best.output))) return `kind mismatch: ${cue}`;
    // `Nagorno-Karabakh`: one half of a hyphenated name is not a name of its own.
    if (isHyphenated(text, span)) return 'part of a hyphenated name';
    const ending = typeof best.detail.ending === 'string' ? best.detail.ending.slice(1) : undefined;
    if (ending !== undefined && BARE_ADJECTIVE_ENDINGS.has(ending) && !hasDesignator(beforeTwo, after)) return 'town-like ending without a designator';
    // `Obolensky`, `Vyazemsky`: a masculine `-sky` alone is a surname as often as the adjective of a
    // town; only a region's (`Chuysky`) or one before a designator is read.
    if (ending !== undefined && SURNAME_ADJECTIVE_ENDINGS.has(ending) && entry.kind !== 'region' && !hasDesignator(beforeTwo, after)) return 'a surname shape (-sky) without a designator';
    // `the Rubtsovsky and Uglovsky districts`: a Russian district's English name is the adjective
    // itself (Rubtsovsky District), not the name of its town.
    if (entry.country === 'RU' && isPlaceKind(entry.kind) && entry.kind !== 'region' && MASCULINE_ADJECTIVE.test(span.surface) && districtFollows(context.tokens, text, span.last)) {
      return HOLDS.russianDistrict.text;
    }
    // `the Prymorskyi and Kyivskyi districts` of Odesa: a masculine adjective before `district` names
    // a district, not the krai of a like adjective (Primorsky Krai).
    if (entry.kind === 'region' && UKRAINIAN_OR_RUSSIAN_MASCULINE.test(span.surface) && districtFollows(context.tokens, text, span.last)) return HOLDS.districtNotRegion.text;
    if (best.how === 'fuzzy' && best.alias!.prior < FUZZY_SMALL_PLACE_PRIOR && this.support(context, entry, span.start, span.surface) === undefined) return HOLDS.smallPlace.text;
    // `Chimgana` read as the village Kyzyldzhar through `Čimgan`, a foreign romanization of its
    // former Russian name: a small place's other name reached only through the skeleton of another
    // language's letters is a coincidence as often as not, support or none.
    if (
      (best.how === 'stem' || best.how === 'skeleton') && isPlaceKind(entry.kind) && best.alias!.prior < FUZZY_SMALL_PLACE_PRIOR &&
      inForeignOrthography(best.alias!.alias) && !this.isVariantSpelling(best.alias!, best.rule, true)
    ) {
      return HOLDS.smallPlace.text;
    }
    // `Kagul` is no typo of Kabul: in a name of five letters or fewer, one letter changed makes
    // another name as often as a typo (a letter dropped, doubled or swapped is read all the same).
    if (best.how === 'fuzzy' && isOneLetterChanged(foldKey(span.surface), best.alias!.folded) && this.support(context, entry, span.start, span.surface) === undefined) {
      return HOLDS.shortChanged.text;
    }
    // `Anora` (a film) is no garble of Andorra: a near-spelling of a small country outside the
    // region is read only where the document names that country elsewhere. A populous one is news
    // often enough to be read anyway (`Pakisan`).
    if ((best.how === 'fuzzy' || best.how === 'skeleton') && this.outsideSmallCountry(entry, context, span, best.how === 'fuzzy' ? best.cost : 0)) return HOLDS.outsideCountry.text;
    return undefined;
  }

  /** True for a country outside the region, of fewer than `MAJOR_COUNTRY_POPULATION` people or read at a fuzzy `cost` above 1, that the document names nowhere else. */
  private outsideSmallCountry(entry: GazetteerEntry, context: DocContext, span: Span, cost = 0): boolean {
    return (
      entry.kind === 'country' &&
      !FOCUS_COUNTRIES.has(entry.country ?? '') &&
      // Two edits from a major country's name (`Gurjaani`, a Georgian town, and `Germany`) are as
      // likely another name as a typo of it.
      ((entry.prominence ?? 0) < MAJOR_COUNTRY_POPULATION || cost > 1) &&
      this.support(context, entry, span.start, span.surface) === undefined
    );
  }

  /** Context-free candidates for a span of text. */
  private retrieve(surface: string, flags: RetrieveFlags): RawCandidate[] {
    const out = this.retrieveAsWritten(surface, flags);
    const word = flags.preposition;
    const preposition = word === undefined ? undefined : RUSSIAN_PREPOSITIONS.get(word);
    if (preposition !== undefined) takeInPreposition(out, foldKey(surface), word!, preposition);
    return out;
  }

  /** Candidates for the span's own words (`retrieve` takes in a preposition before them). */
  private retrieveAsWritten(surface: string, flags: RetrieveFlags): RawCandidate[] {
    const folded = foldKey(surface);
    if (folded.length < 2 || /\d/u.test(folded)) return [];
    const exact = this.index.lookupExact(folded);
    // `ozero Issyk-Kul`: a Russian feature noun and a name, read only as a listed name made from
    // its Russian form (`озеро Иссык-Куль`), whose fix is the feature's English name.
    const space = folded.indexOf(' ');
    if (space > 0 && isLowerAscii(surface.slice(0, space)) && RUSSIAN_FEATURE_NOUNS_BEFORE.has(folded.slice(0, space))) {
      return exact.filter((alias) => !alias.keep && alias.prior >= 0.6 && alias.entry.kind === 'other').map((alias) => rawCandidate(alias.replacement, alias, 'exact', ruleOfAlias(alias), 0, 0.97, false, {}));
    }
    const split = SPLIT_NAME.exec(surface);
    // (When its words make no name together, the span is read as written: a listed name,
    // `Vsemirnyy bank`, or a near-spelling of one left in Russian, `Chernoye more`.)
    if (split !== null) {
      const joined = this.splitName(split[1]!, split[2]!);
      if (joined.length > 0) return joined;
    }
    // `Bek Abad`, `Turkmen Bashi`: a listed one-word name split in two capitalized words, read
    // only as the name written whole (the span itself names nothing; its words may still, one by one).
    if (exact.length === 0) {
      const splitCapitalized = SPLIT_NAME_CAPITALIZED.exec(surface);
      if (splitCapitalized !== null) {
        const joined = this.splitName(splitCapitalized[1]!, splitCapitalized[2]!.toLowerCase());
        if (joined.length > 0) return joined;
      }
      const swapped = this.swappedParts(surface);
      if (swapped !== undefined) return [swapped];
    }
    const out: RawCandidate[] = [];
    const settled = this.exactReadings(surface, folded, exact, flags, out);
    if (settled !== undefined) return settled;

    const latin = isLatinText(surface);
    const words = folded.split(' ');
    // `Mirziyoyev Shavkat`, `Tokayev Kassym-Jomart`: a person's name surname first, as Russian
    // official style writes it; read before the run of names below takes its words one by one.
    const reordered = words.length > 1 ? (this.surnameFirst(surface) ?? this.givenNamesSwapped(words)) : undefined;
    if (reordered !== undefined) return [reordered];
    const inCase = words.length === 2 && exact.length === 0 ? this.fullNameInCase(words) : undefined;
    if (inCase !== undefined) return [inCase];
    const writtenCorrectly = words.length > 1 && exact.length === 0 ? this.personWrittenCorrectly(surface, words) : undefined;
    if (writtenCorrectly !== undefined) return [writtenCorrectly];
    const turned = words.length === 2 ? this.unknownSurnameFirst(surface) : undefined;
    if (turned !== undefined) return [turned];
    // A run of names (`Uzbekistan Kazakhstan`): when its first word is already a correct name and
    // the whole is no alias, the run is several names, not one garbled one; each is read alone.
    // A given name that a town also bears (`Serdar Berdymuhamedow`) may still start one name, and
    // words joined by a hyphen are one name (`Issyk-Kull`, though `Issyk` is a town).
    if (words.length > 1) {
      const firstWord = surface.split(/[\s\-‐‑]/u, 1)[0]!;
      const separateNames = !HYPHENS.has(surface.charCodeAt(firstWord.length)) && !commonGivenNames().has(firstWord);
      // (Unless it starts a longer name and the words after it are no English words nor acronyms:
      // `Azerbaijan Railwasy` is a near-spelling of Azerbaijan Railways; `Kazakhstan TV` is no
      // near-spelling of Qazaqstan TV.)
      const garbledTail = () =>
        this.index.startsMultiWordName(words[0]!) && words.slice(1).every((word) => word.length >= 4 && !this.english.has(word) && !CONNECTORS.has(word)) && !/\p{Lu}{2}/u.test(surface.slice(firstWord.length));
      if (separateNames && this.index.lookupExact(words[0]!).some((alias) => alias.keep && alias.prior >= 0.5 && alias.folded.split(' ').length === 1) && !garbledTail()) return out;
    }
    const contentWords = words.filter((word) => !CONNECTORS.has(word));
    const allEnglish = contentWords.every((word) => this.english.has(word));
    const foreignLetters = hasLatinOnlyLetter(surface);
    if (latin && !allEnglish && !foreignLetters) this.nearReadings(surface, folded, words, contentWords, flags, out);
    dropRegionsNamedLikeTheirCity(out);
    this.gluedReadings(surface, flags, out);
    return out;
  }

  /**
   * Readings of the span as written (exact aliases): pushed to `out`. Returns the candidates when
   * they settle the span (a correct name, a known spelling), else undefined and the search goes on.
   * (Each phase of `retrieveAsWritten` is a method of its own, as `decide`'s parts are; see
   * `surroundings`.)
   */
  private exactReadings(surface: string, folded: string, exact: readonly IndexedAlias[], flags: RetrieveFlags, out: RawCandidate[]): RawCandidate[] | undefined {
    // `DUshanbe`, `KOstanay`: the shift key held one letter too long. The name as listed, when it
    // is a correct one written with the same letters.
    // So is a capital typed inside the name (`TashKent`, `Ust-KAmenogorsk`, `VanadZor`).
    // (Not a name listed with that capital, `PetroKazakhstan`; nor two words of a name run together, `AmuDarya`.)
    if (hasInnerCapital(surface) && !exact.some((alias) => alias.keep && alias.alias.text === surface) && this.camelCaseName(surface) === undefined) {
      let listed: IndexedAlias | undefined;
      for (const alias of exact) {
        if (!alias.keep || alias.prior < 0.5 || alias.alias.text.toLowerCase() !== surface.toLowerCase() || capitals(surface) !== capitals(alias.alias.text) + 1) continue;
        if (listed === undefined || alias.prior > listed.prior) listed = alias;
      }
      if (listed) return [rawCandidate(listed.alias.text, listed, 'exact', 'alias', 0, 0.97, false, { case: /^\p{Lu}\p{Lu}/u.test(surface) ? 'shift key' : 'stray capital' })];
    }
    let strongKeep = false;
    // `Kurskaya oblast`: before a Russian noun of a region, a town named like a region's adjective
    // (the stanitsa Kurskaya) is no reason to keep the span; the region's reading is weighed.
    const regionAdjective = flags.regionNoun && exact.some((alias) => alias.alias.scheme === 'ru-adjective' && alias.entry.kind === 'region' && !alias.keep);
    const written = asWritten(surface);
    for (const alias of exact) {
      if (regionAdjective && alias.keep && TOWN_KINDS.has(alias.entry.kind)) continue;
      if (alias.keep || alias.replacement === surface) {
        // Only an apostrophe apart (`Ob` and `Ob'`): the same name, both correct. So is a hyphen for
        // a space where the span is, as written, a correct name of its own (`Ak-Jol`, a border post,
        // is no misspelled `Ak Jol`, the party; `Mazari-Sharif`, listed as no name, is one of `Mazari Sharif`).
        const listedAs = asWritten(alias.alias.text);
        const joinedOtherwise = listedAs.replace(JOINERS, ' ') === written.replace(JOINERS, ' ') && exact.some((other) => other.keep && other.alias.text === surface);
        // (Not a listed English name written without its diacritics, `Saatli` for `Saatlı`: English
        // news drops them; that spelling is as correct as the listed one.)
        const englishWithoutMarks = alias.keep && isEnglishLang(alias.alias.lang) && isPlainAscii(surface) && withoutMarks(listedAs) === written;
        const differs = listedAs !== written && !joinedOtherwise && !englishWithoutMarks;
        if (differs && alias.alias.script === 'Latn' && alias.prior >= 0.6 && !alias.common) {
          // Same letters once diacritics are read (`Dušanbe` for `Dushanbe`): another romanization.
          // The canonical name without its designator where the span is that short form (`Kamčatka`
          // → `Kamchatka`, not `Kamchatka Krai`).
          const output = alias.keep && shortPlaceName(alias.replacement) === alias.alias.text ? alias.alias.text : alias.replacement;
          out.push(rawCandidate(output, alias, 'exact', 'romanization', 0, 0.98, false, { folded }));
          continue;
        }
        const base = alias.prior >= 0.5 ? 1 : 0.7 + 0.3 * alias.prior;
        // (`Mirziyoyeva` is Saida Mirziyoyeva's surname and the Russian genitive of her father's:
        // the document decides between them, as for other case forms of men's surnames.)
        const alsoMansCase = alias.entry.kind === 'person' && exact.some((other) => other.alias.scheme === 'ru-case' && other.entry.kind === 'person' && other.entry.id !== alias.entry.id && other.replacement !== surface);
        if (base >= 0.95 && !alsoMansCase) strongKeep = true;
        out.push(rawCandidate(surface, alias, 'exact', 'alias', 0, base, true, {}));
      }
    }
    if (strongKeep) return out.filter((candidate) => candidate.keep);
    for (const alias of exact) {
      if (alias.keep || alias.replacement === surface) continue;
      // `MID` (МИД), an English word in lower case: a Russian acronym's spelling reads only where the span is in capitals.
      const acronymOfWord = alias.common && alias.alias.origin === 'generated' && isAcronym(alias.alias.text);
      if (acronymOfWord && !isAcronym(surface)) continue;
      // `Kazakhstani`, `Iranian`: an English demonym listed among a country's names is the
      // adjective, written correctly (`the Kazakhstani delegation`), not a spelling of the name.
      if (alias.alias.script === 'Latn' && isEnglishLang(alias.alias.lang) && isDemonym(folded, foldKey(alias.replacement))) {
        out.push(rawCandidate(surface, alias, 'exact', 'alias', 0, 1, true, {}));
        strongKeep = true;
        continue;
      }
      // `Khabarovsk Territory`, `Omsk region`: a region named after its city, the English way; the
      // Russian adjective's stem is the city's English name, so this form is no garble of it.
      if (alias.alias.scheme === 'ru-adjective' && this.namedAfterItsCity(folded, alias.entry)) {
        out.push(rawCandidate(surface, alias, 'exact', 'alias', 0, 1, true, {}));
        strongKeep = true;
        continue;
      }
      if (namesNoOblast(alias, folded)) continue;
      // Small places' variant lists are noisy (`Kyrgyz` is listed for a village): not a reason to rewrite.
      if (alias.prior < 0.6) continue;
      // A demonym-like truncation of the name (`Uzbek` for Uzbekistan) is an adjective, not the name.
      if (alias.alias.script === 'Latn' && demonymLike(alias, folded)) continue;
      // Foreign-orthography spellings near a Latin-script country are likely that country's own
      // names; a full name of someone of the region is no accident (`Irakli Kobachidse` beside
      // `Brussels`), as for skeleton readings below.
      if (flags.guarded && alias.alias.origin === 'generated' && !isPlaceKind(alias.entry.kind) && !(folded.includes(' ') && FOCUS_COUNTRIES.has(alias.entry.country ?? ''))) continue;
      const rule = ruleOfAlias(alias);
      const target = foldKey(alias.replacement);
      // `Ata-Jurt Kyrgyzstan`, a romanization of the party's longer Kyrgyz name: a fix to `Ata-Zhurt`
      // would drop a country's name the text has.
      if (this.dropsCountryName(folded, target)) continue;
      // The span is part of the name (`Hairatan` for Sharak Hairatan, `Yamalo-Nenets`): a short form, no error.
      if (containsWords(target, folded)) continue;
      // The name is part of the span (`Bishkek-Osh` for Bishkek): fixing it would drop words.
      if (rule !== 'variant' && containsWords(folded, target)) continue;
      // A fuller or differently worded English form (`Radio Azattyk`, `Oliy Majlis of Uzbekistan`) is not an error.
      if (rule === 'variant' && (containsWords(folded, foldKey(alias.replacement)) || !this.isVariantSpelling(alias, rule, true))) {
        // A fuller form written exactly as listed is kept; a listed "variant" that is another word
        // altogether (gazetteer noise such as `Kazakh` for a city) is no evidence either way.
        if (alias.alias.text.toLowerCase() === surface.toLowerCase() && containsWords(folded, foldKey(alias.replacement))) {
          out.push(rawCandidate(surface, alias, 'exact', rule, 0, 1, true, {}));
          strongKeep = true;
        }
        continue;
      }
      if (this.options.keepVariants && this.isVariantSpelling(alias, rule)) {
        out.push(rawCandidate(surface, alias, 'exact', rule, 0, 1, true, {}));
        continue;
      }
      // Exact > known variant > generated romanization (foreign orthographies last).
      const base = alias.alias.origin !== 'generated' ? 0.97 : ENGLISH_LIKE.has(alias.alias.scheme ?? '') ? 0.94 : 0.93;
      const candidate = rawCandidate(alias.replacement, alias, 'exact', rule, 0, base, false, {});
      if (alias.common && !acronymOfWord) candidate.noAuto = true;
      if (alias.alias.scheme === 'ru-case' && alias.entry.kind === 'person' && ambiguousPersonCase(folded)) candidate.hold = HOLDS.personCaseOrWoman.text;
      out.push(candidate);
    }
    if (strongKeep) return out.filter((candidate) => candidate.keep);
    if (out.some((candidate) => candidate.base >= 0.95)) return out;
    return undefined;
  }

  /** Readings by romanization skeleton, near-spelling and Russian endings, pushed to `out` (see `retrieveAsWritten`). */
  private nearReadings(surface: string, folded: string, words: string[], contentWords: string[], flags: RetrieveFlags, out: RawCandidate[]): void {
    const englishWords = contentWords.filter((word) => this.english.has(word));
    const fits = (alias: IndexedAlias) => {
      const aliasWords = alias.folded.split(' ');
      return englishWords.every((word) => aliasWords.includes(word)) && Math.abs(aliasWords.length - words.length) <= 1;
    };
    const letters = folded.replace(/ /g, '').length;
    // Runs of capitalized words are mostly several names or none (`Tuesday Karamobek`): unless a
    // name of several words starts with the first word, only a fuzzy match can make one.
    // An inflected adjective (`Rossiyskoy Federatsii`) starts a name in one of its nominative forms.
    const headKnown =
      words.length === 1 || this.index.startsMultiWordName(words[0]!) || nominativeAdjectiveForms(words[0]!).some((form) => this.index.startsMultiWordName(form));
    for (const hit of headKnown ? this.index.lookupSkeleton(folded) : []) {
      // The same letters were weighed as an exact match above (and left alone for a reason).
      if (hit.alias.folded === folded || demonymLike(hit.alias, folded)) continue;
      // `Sverdlovsky district` (of Bishkek): a masculine adjective names no oblast, here either.
      if (namesNoOblast(hit.alias, folded)) continue;
      // `Ata-Zhurt Kyrgyzstan`, as for the exact readings above.
      if (words.length > 1 && this.dropsCountryName(folded, foldKey(hit.alias.replacement))) continue;
      // Next to a Latin-script country's name, a one-word skeleton match of a person may be a name
      // of that country; a full name (`Kassym-Zhomart Tokaev` beside `German companies`) is no accident.
      if (hit.alias.prior < 0.5 || !fits(hit.alias) || (flags.guarded && words.length === 1 && !isPlaceKind(hit.alias.entry.kind))) continue;
      const candidate = this.fromHit(hit, 'skeleton', 'romanization', 0.93, surface);
      // A short skeleton is shared by names spelled far apart (`Bishkk` and `Biysk` are both
      // `bisk`): unless the letters are close too, the match is a coincidence as often as a
      // romanization, and a typo of a better-known name (Bishkek) is as likely.
      if (hit.alias.skeleton.replace(/ /g, '').length < SHORT_SKELETON && weightedDistance(folded, hit.alias.folded, SHORT_SKELETON_DISTANCE) > SHORT_SKELETON_DISTANCE) {
        candidate.noAuto = true;
        candidate.detail.note = 'short skeleton, letters far apart';
      }
      out.push(candidate);
    }
    // `toOmsk` is `to Omsk` (see `glued`), no near-spelling of Tomsk; `BelTA`, a brand written as
    // its owner writes it (capitals after a small letter), is no near-spelling of Balta.
    if (!out.some((candidate) => candidate.how === 'skeleton') && letters >= 5 && gluedPrefix(surface) === undefined && !MIXED_CASE_BRAND.test(surface)) {
      // `KazanForum`, words run together in camel case, is a near-spelling only of a name so written
      // (`KazMunyaGas`), not of Kazinform.
      const camelCase = CAMEL_CASE.test(surface);
      for (const hit of this.index.lookupFuzzy(folded)) {
        // (Beside a Latin-script country's name, only a person's full name: `Andrii Sybiga` next to
        // `Poland`, where `Sybiga` alone may be a Polish name.)
        const fullNameOfTheRegion = words.length > 1 && hit.alias.entry.kind === 'person' && FOCUS_COUNTRIES.has(hit.alias.entry.country ?? '');
        if (!fits(hit.alias) || (flags.guarded && !isPlaceKind(hit.alias.entry.kind) && !fullNameOfTheRegion) || demonymLike(hit.alias, folded)) continue;
        if (hit.alias.folded.split(' ').length !== words.length || (camelCase && !hasInnerCapital(hit.alias.alias.text))) continue;
        // `Slovan` is one letter from `Slowak`, Turkmen for Slovakia: a typo of the name of a place
        // outside the region in one of the region's languages is two accidents, not one.
        if (foreignNameOutsideRegion(hit.alias)) continue;
        if (words.length > 1 && !wordsWithinBudget(folded, hit.alias.folded)) continue;
        // `Marta Kostyuk` is no near-spelling of `Maria Kostyuk`: two given names one letter apart are two people.
        if (words.length > 1 && hit.alias.entry.kind === 'person' && otherGivenName(surface, hit.alias.alias.text)) continue;
        // A plain typo (`Uzbekitsan`) can look worse through the skeleton than letter by letter.
        const cost = Math.min(hit.cost, weightedDistance(folded.replace(/[^a-z ]/g, ''), hit.alias.folded.replace(/[^a-z ]/g, ''), hit.cost));
        const candidate = this.fromHit({ alias: hit.alias, cost }, 'fuzzy', 'fuzzy', 0.88 - 0.15 * cost, surface);
        // Short one-word names of organizations are often ordinary words elsewhere (`Daryo` is
        // "river"): suggest only. A long one is a coined name (`Kazatomprom`), no word's near-spelling.
        if (words.length === 1 && !isPlaceKind(hit.alias.entry.kind) && hit.alias.entry.kind !== 'person' && hit.alias.folded.length < ORGANIZATION_COINED_LETTERS) candidate.noAuto = true;
        out.push(candidate);
      }
    }
    if (headKnown) out.push(...this.morphology(surface, folded, flags));
  }

  /** Readings of words glued to a function word, to each other or to a Turkic suffix, pushed to `out` (see `retrieveAsWritten`). */
  private gluedReadings(surface: string, flags: RetrieveFlags, out: RawCandidate[]): void {
    // A lower-case function word before a capital (`inMinsk`) is glued whatever else the letters
    // make (`Anmyin` through an adjective's stem).
    if (flags.glue && (out.every((candidate) => candidate.base < 0.8) || (gluedPrefix(surface) !== undefined && LOWER_CASE.test(surface.charAt(0))))) out.push(...this.glued(surface, flags));
    // `NizhnyNovgorod`, `MazariSharif`: the words of a listed name glued together, each capitalized.
    if (flags.glue && out.length === 0) {
      const camel = this.camelCaseName(surface);
      if (camel) out.push(camel);
    }
    // `Astanada`, `Bishkekte`: a major place of the region with a Turkic locative suffix (a
    // near-spelling of something else, `Bishkekte` of Bishkek, is no rival).
    if (flags.glue && out.every((candidate) => candidate.how === 'fuzzy')) {
      const local = this.localLocative(surface);
      if (local) out.push(local);
    }
  }

  /**
   * A name split by a stray space (`Nam angan`): the listed correct name its two parts make when
   * joined, of a place or body of some prominence, where the head alone is no correct name.
   */
  private splitName(head: string, tail: string): RawCandidate[] {
    // A head that is a name of its own (`Osh`) stays one, unless a far better-known name is the
    // whole (`Taldy korgan`: Taldy is a village); an English word as the tail (`Istaravsh an`)
    // needs a well-known name too.
    const headPrior = Math.max(0, ...this.index.lookupExact(foldKey(head)).filter((alias) => alias.keep).map((alias) => alias.prior));
    const minPrior = Math.max(this.english.has(tail) ? 0.75 : 0.6, headPrior > 0 ? headPrior + 0.2 : 0);
    let listed: IndexedAlias | undefined;
    for (const alias of this.index.lookupExact(foldKeyOnce(head + tail))) {
      if (!alias.keep || alias.prior < minPrior || alias.entry.kind === 'person' || alias.alias.text.includes(' ')) continue;
      if (listed === undefined || alias.prior > listed.prior) listed = alias;
    }
    return listed ? [rawCandidate(listed.alias.text, listed, 'exact', 'glued', 0, 0.95, false, { split: `${head} ${tail}` })] : [];
  }

  /**
   * A one-word span in camel case (`NizhnyNovgorod`) whose words, apart, are a listed name of a
   * place or an organization: the name with its spaces back. Brands in camel case name nothing
   * listed (`PetroKazakhstan`) or are listed as written (`KazMunayGas`, read before this).
   */
  private camelCaseName(surface: string): RawCandidate | undefined {
    if (!CAMEL_CASE.test(surface)) return undefined;
    const apart = foldKey(surface.replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 '));
    let alias: IndexedAlias | undefined;
    for (const known of this.index.lookupExact(apart)) {
      if (known.prior >= 0.75 && known.entry.kind !== 'person' && (alias === undefined || known.prior > alias.prior)) alias = known;
    }
    // The canonical name, as for any other spelling of it (`Mazar-i-Sharif`, `Asia-Plus`).
    return alias ? rawCandidate(alias.replacement, alias, 'exact', 'glued', 0, 0.92, false, { glued: 'words' }) : undefined;
  }

  /**
   * A one-word span that is a major place of the region written as a listed name (`Astana`, `Bakı`)
   * with a locative, ablative or dative suffix of Kazakh, Kyrgyz, Uzbek, Turkmen or Azerbaijani
   * (`Astanada`, `Bishkekte`, `Bakıda`, `Almatydan`, `Samarqandga`): the place. Only major places
   * of the region's countries (a prior of 0.9 or more; `Indiana` is no India) and stems of four
   * letters or more, so that no English word (`Canada`, `Uganda`) reads as one.
   */
  private localLocative(surface: string): RawCandidate | undefined {
    if (surface.includes(' ') || !isCapitalized(surface)) return undefined;
    const lower = surface.toLowerCase();
    for (const suffix of LOCAL_LOCATIVE_SUFFIXES) {
      if (!lower.endsWith(suffix) || lower.length - suffix.length < 4) continue;
      const stem = surface.slice(0, surface.length - suffix.length);
      const alias = this.index
        .lookupExact(foldKey(stem))
        .find((known) => known.prior >= 0.9 && isPlaceKind(known.entry.kind) && FOCUS_COUNTRIES.has(known.entry.country ?? '') && known.alias.text === stem);
      if (alias) return rawCandidate(alias.replacement, alias, 'exact', 'morphology', 0, 0.9, false, { ending: `-${suffix}`, endingType: 'locative' });
    }
    return undefined;
  }

  /** True when a region of `country` is named `<name> Oblast` or `<name> Region`. */
  private regionNamedAfter(name: string, country: string | undefined): boolean {
    const folded = foldKey(name);
    return [`${folded} oblast`, `${folded} region`].some((regionName) =>
      this.index.lookupExact(regionName).some((alias) => alias.entry.kind === 'region' && alias.entry.country === country),
    );
  }

  /**
   * True when a river, lake or reservoir is named `<name> River`, `Lake <name>`... (`Vakhsh River`,
   * `Lake Issyk-Kul`): next to a word for water, the name is that feature's, spelled as the place's.
   * (`Oral`, the town, names no river: the Ural is the Ural River.)
   */
  private waterNamesake(name: string): boolean {
    const folded = foldKey(name);
    return [`${folded} river`, `lake ${folded}`, `${folded} lake`, `${folded} reservoir`].some((waterName) =>
      this.index.lookupExact(waterName).some((alias) => alias.keep && alias.entry.kind === 'other'),
    );
  }

  /** True when `word` (lower case) is the English name of a major city outside `country`. */
  private cityOfAnotherCountry(word: string, country: string | undefined): boolean {
    return this.index.lookupExact(word).some((alias) => alias.keep && alias.entry.kind === 'city' && alias.prior >= FUZZY_SMALL_PLACE_PRIOR && alias.entry.country !== country);
  }

  /** True when a word of the span that is a country's English name is missing from the replacement. */
  private dropsCountryName(folded: string, replacement: string): boolean {
    const kept = replacement.split(' ');
    // (A country the replacement names in English is kept: `Azərbaycan Dəmir Yolları` is Azerbaijan Railways.)
    const keptCountry = (id: string) => kept.some((word) => this.keptAs(word, id));
    return folded.split(' ').some((word) => !kept.includes(word) && this.index.lookupExact(word).some((alias) => alias.keep && alias.entry.kind === 'country' && !keptCountry(alias.entry.id)));
  }

  /**
   * A person's name written surname first (two or three capitalized words, the first moved to the
   * end is a listed name of a person, exactly or through its skeleton), as the canonical name.
   */
  private surnameFirst(surface: string): RawCandidate | undefined {
    const parts = surface.split(' ');
    if (parts.length < 2 || parts.length > 3 || !parts.every((part) => isCapitalized(part))) return undefined;
    // The first word must read as a person's name (a listed surname) before the name is turned.
    const first = foldKey(parts[0]!);
    const isPerson = (alias: IndexedAlias) => alias.entry.kind === 'person';
    if (!this.index.lookupExact(first).some(isPerson) && !this.index.lookupSkeleton(first).some((hit) => isPerson(hit.alias))) return undefined;
    const turned = foldKey(turnedName(surface));
    const wordCount = turned.split(' ').length;
    const fits = (alias: IndexedAlias) => isPerson(alias) && alias.prior >= 0.5 && alias.folded.split(' ').length === wordCount;
    const exact = this.index.lookupExact(turned).find(fits);
    if (exact) return rawCandidate(exact.entry.name, exact, 'exact', 'variant', 0, 0.95, false, { reordered: 'surname first' });
    const near = this.index.lookupSkeleton(turned).find((hit) => fits(hit.alias));
    return near ? rawCandidate(near.alias.entry.name, near.alias, 'skeleton', 'romanization', 0, 0.93, false, { reordered: 'surname first' }) : undefined;
  }

  /**
   * A place's name of two parts written the other way round (`Kul-Issyk`, `Abad-Jalal`, `Tepa
   * Qosh`): read only as a listed name of a place, and, apart from a hyphen, only where neither
   * word is a name of its own (two names side by side are no name turned round).
   */
  private swappedParts(surface: string): RawCandidate | undefined {
    const parts = SWAPPED_PARTS.exec(surface);
    if (parts === null) return undefined;
    const [, first, joiner, second] = parts;
    // Two words apart that are each a correct name (`Osh Bishkek`) are two names side by side; one
    // that is no name of its own (`Karabakh Nagorno`, `Ossetia South`) is part of the other's.
    if (joiner === ' ' && [first!, second!].every((word) => this.index.lookupExact(foldKey(word)).some((alias) => alias.keep && alias.prior >= 0.5))) return undefined;
    let listed: IndexedAlias | undefined;
    for (const alias of this.index.lookupExact(foldKeyOnce(`${second} ${first}`))) {
      // (A place, a natural feature, `Sea Aral`, a parliament, or a party: `Solidarity European`.)
      if (!alias.keep || alias.prior < 0.5 || !(isPlaceKind(alias.entry.kind) || alias.entry.kind === 'other' || alias.entry.kind === 'legislature' || alias.entry.kind === 'party')) continue;
      if (listed === undefined || alias.prior > listed.prior) listed = alias;
    }
    return listed ? rawCandidate(listed.alias.text, listed, 'exact', 'variant', 0, 0.95, false, { reordered: 'parts swapped' }) : undefined;
  }

  /**
   * A person's name of three words with the first two swapped (`Jomart-Kassym Tokayev`, `Tayyip
   * Recep Erdoğan`): read only when the last word is a listed person's name and the words put back
   * in order are exactly a listed full name of a person.
   */
  private givenNamesSwapped(words: readonly string[]): RawCandidate | undefined {
    if (words.length !== 3) return undefined;
    const isPerson = (alias: IndexedAlias) => alias.entry.kind === 'person';
    if (!this.index.lookupExact(words[2]!).some(isPerson)) return undefined;
    const inOrder = `${words[1]} ${words[0]} ${words[2]}`;
    const listed = this.index.lookupExact(inOrder).find((alias) => isPerson(alias) && alias.prior >= 0.5);
    return listed ? rawCandidate(listed.entry.name, listed, 'exact', 'variant', 0, 0.95, false, { reordered: 'given names swapped' }) : undefined;
  }

  /**
   * A person's name each of whose words is spelled as in one of the person's kept English names, at
   * the same place (`Alexander Lukashenka`: the given name of `Alexander Lukashenko`, the surname
   * of `Alyaksandr Lukashenka`): the person, written correctly, read as a keep.
   */
  private personWrittenCorrectly(surface: string, words: readonly string[]): RawCandidate | undefined {
    for (const alias of this.index.lookupExact(words[words.length - 1]!)) {
      if (alias.entry.kind !== 'person' || !alias.keep) continue;
      const englishNames = [alias.entry.name, ...alias.entry.names.filter((name) => name.script === 'Latn' && isEnglishLang(name.lang)).map((name) => name.text)]
        .map((name) => foldKey(name))
        .filter((folded) => this.keptAs(folded, alias.entry.id))
        .map((folded) => folded.split(' '));
      const spelled = words.every((word, i) => englishNames.some((name) => name.length === words.length && name[i] === word));
      if (spelled) return rawCandidate(surface, alias, 'exact', 'alias', 0, 1, true, {});
    }
    return undefined;
  }

  /**
   * A listed person's full name with both words in one Russian case (`Sadyra Zhaparova`, `Nikolom
   * Pashinyanom`): the given name's ending shows a man's name declined, so the surname's is no
   * woman's (see `HOLDS.personCaseOrWoman`), and the two words without their endings must be
   * exactly a listed full name of a person (`Serdara Berdimuhamedova` is Serdar, not his father).
   */
  private fullNameInCase(words: readonly string[]): RawCandidate | undefined {
    const [given, surname] = words as [string, string];
    for (const [givenEnding, surnameEnding] of FULL_NAME_CASE_ENDINGS) {
      if (!given.endsWith(givenEnding) || !surname.endsWith(surnameEnding)) continue;
      const givenStem = given.slice(0, -givenEnding.length);
      const surnameStem = surname.slice(0, -surnameEnding.length);
      if (givenStem.length < 3 || surnameStem.length < 4) continue;
      const nominative = `${givenStem} ${surnameStem}`;
      let listed: IndexedAlias | undefined;
      for (const alias of this.index.lookupExact(nominative)) {
        if (alias.entry.kind !== 'person' || alias.prior < 0.5 || alias.derived !== undefined) continue;
        if (listed === undefined || (alias.keep && !listed.keep)) listed = alias;
      }
      if (listed !== undefined) {
        return rawCandidate(listed.replacement, listed, 'exact', 'morphology', 0, 0.95, false, { ending: `-${givenEnding} -${surnameEnding}`, endingType: 'case' });
      }
    }
    return undefined;
  }

  /**
   * A person the gazetteer does not know, written surname first as Russian official style has it
   * (`Toktosunov Nurbek`): a surname of the region's shape (`-ov`, `-eva`, `-yan`, `-zoda`...) that
   * names nothing, then a common given name that is no surname. The name turned round, as text.
   */
  private unknownSurnameFirst(surface: string): RawCandidate | undefined {
    const space = surface.indexOf(' ');
    if (space < 0 || surface.indexOf(' ', space + 1) >= 0) return undefined;
    const surname = surface.slice(0, space);
    const given = surface.slice(space + 1);
    const givenNames = commonGivenNames();
    if (!REGION_SURNAME.test(surname) || !isCapitalized(surname) || !givenNames.has(given) || givenNames.has(surname)) return undefined;
    if (REGION_SURNAME.test(given) || this.english.has(surname.toLowerCase()) || this.index.lookupExact(foldKey(surname)).some((alias) => alias.keep)) return undefined;
    return rawCandidate(`${given} ${surname}`, undefined, 'exact', 'variant', 0, 0.9, false, { reordered: 'surname first' });
  }

  private fromHit(hit: IndexHit, how: How, rule: Rule, base: number, surface: string): RawCandidate {
    // Near a correct English name longer than the canonical one (`Ak Zhol Democratic Party` for Ak
    // Zhol), the fix is that name: the canonical would drop words the text has.
    const alias = hit.alias;
    const english = alias.keep || isEnglishLang(alias.alias.lang);
    const longer = english && alias.derived === undefined && alias.alias.script === 'Latn' && alias.alias.origin !== 'generated' && alias.folded.split(' ').length > foldKey(alias.replacement).split(' ').length;
    const output = longer ? alias.alias.text : alias.replacement;
    const candidate = rawCandidate(output, alias, how, rule, hit.cost, base, false, {});
    const reading = reromanizeSpanWords(surface);
    if (reading) candidate.detail.scheme = reading.scheme;
    if (hit.alias.common) candidate.noAuto = true;
    return candidate;
  }

  /**
   * True when a folded span is a place's English name and a designator (`khabarovsk territory`)
   * and that place is in the region's country: the region is named after it in English.
   */
  private namedAfterItsCity(folded: string, region: GazetteerEntry): boolean {
    const space = folded.lastIndexOf(' ');
    if (space < 0 || !REGION_DESIGNATORS.has(folded.slice(space + 1))) return false;
    // (Or its English name with another designator: `Sverdlovsk Region` for Sverdlovsk Oblast, though
    // the city is Yekaterinburg now. Otherwise a fix's output, `Sverdlovsk` before `Region`, would be
    // fixed again.)
    const short = shortPlaceName(region.name);
    if (short !== undefined && foldKey(short) === folded.slice(0, space)) return true;
    return this.index.lookupExact(folded.slice(0, space)).some((alias) => alias.keep && isPlaceKind(alias.entry.kind) && alias.entry.kind !== 'region' && alias.entry.country === region.country);
  }

  /**
   * Known variant spellings (not errors): what `keepVariants` leaves alone. With `strict`, only
   * whether the alias is a spelling of the same name (not a different word such as a nickname).
   */
  private isVariantSpelling(alias: IndexedAlias, rule: Rule, strict = false): boolean {
    if (alias.alias.type === 'misspelling' || alias.alias.script !== 'Latn') return strict;
    if (rule === 'variant' && !strict) return true;
    // A romanization of the same name (not a translation such as `Golos Ameriki`).
    let same = this.sameNameCache.get(alias);
    if (same === undefined) {
      const target = skeletonOfFolded(foldKey(alias.replacement));
      same = weightedDistance(alias.skeleton, target, 3) <= Math.max(2, 0.35 * target.length);
      this.sameNameCache.set(alias, same);
    }
    return same;
  }

  /** Readings with a Russian adjective or case ending cut off. */
  private morphology(surface: string, folded: string, flags: RetrieveFlags): RawCandidate[] {
    const words = folded.split(' ');
    const lastWord = words[words.length - 1]!;
    if (this.english.has(lastWord)) return [];
    const out: RawCandidate[] = [];
    const tryStem = (prefix: readonly string[], stemWord: string, ending: string, type: 'adjective' | 'case') => {
      // A name in `-a`, `-o` or `-e` takes its case ending instead of that vowel, or none (`Nurata`:
      // `Nuratu`; `Baku`): `Nuratau`, a ridge, is no case form of it. (`-i` stays: `Rossii`.)
      if (type === 'case' && /[aeou]$/u.test(stemWord) && /^[aeiouy]/u.test(ending)) return;
      const skeleton = skeletonOfFolded([...prefix, stemWord].join(' '));
      const stem = stemOfSkeleton(skeleton);
      const letters = stem.replace(/ /g, '').length;
      // Stems of fewer than 4 letters match too much; only a major place's full name is read (`Oshe` → Osh).
      const short = lastWordOf(stem).length < 4;
      if (short && type !== 'case') return;
      const budget = type === 'adjective' ? Math.min(1, maxFuzzyCost(letters)) : 0;
      const hits = short ? [] : this.index.lookupStem(stem, budget);
      // A full word after a case ending (`Karakalpakstana` → `Karakalpakstan`).
      if (type === 'case') {
        for (const alias of this.index.lookupExact([...prefix, stemWord].join(' '))) {
          // A short stem reads only as the English name itself: `Gori` is no case form of `Gʻoʻr`, the Uzbek name of Ghor.
          if (!short || (alias.prior >= SHORT_STEM_MIN_PRIOR && isPlaceKind(alias.entry.kind) && (alias.alias.origin === 'canonical' || isEnglishLang(alias.alias.lang)))) hits.push({ alias, cost: 0 });
        }
      }
      // `Kharkivska oblast`: a Ukrainian adjective names the oblast named after its city. Russian
      // adjectives of regions are listed aliases of the regions; the Ukrainian ones are not.
      if (type === 'adjective' && UKRAINIAN_ADJECTIVE_ENDINGS.has(ending)) {
        for (const hit of [...hits]) {
          if (hit.alias.entry.kind !== 'city' && hit.alias.entry.kind !== 'town') continue;
          for (const region of this.index.lookupExact(`${foldKey(hit.alias.replacement)} oblast`)) {
            if (region.entry.kind === 'region' && region.entry.country === hit.alias.entry.country && region.keep) hits.push({ alias: region, cost: hit.cost });
          }
        }
      }
      for (const hit of hits) {
        const kind = hit.alias.entry.kind;
        if (hit.alias.prior < 0.5) continue;
        if (type === 'adjective' && !isPlaceKind(kind)) continue;
        if (flags.preposition !== undefined && !isPlaceKind(kind)) continue;
        // `-om`, `-em`, `-ym` are instrumentals of names that end in a consonant (`Pashinyanom`); a
        // name in `-a` takes `-oy`/`-ey` (`Alstom` is no form of Alushta).
        if (type === 'case' && MASCULINE_INSTRUMENTAL.has(ending) && hit.alias.folded.endsWith('a')) continue;
        // `Novosibirskiy State University`: `oblast` is feminine, so a masculine adjective names no
        // oblast (it goes with a district, a territory, a university...); the city's reading stays.
        if (type === 'adjective' && MASCULINE_ADJECTIVE.test(ending) && hit.alias.entry.name.endsWith(' Oblast')) continue;
        // A name in `-iya` keeps its `i` in every case (`Belgii`, `Belgiyu`): `Belgee` is no form of Belgiya.
        if (type === 'case' && /i[yj]?a$/u.test(hit.alias.folded) && !stemWord.endsWith('i')) continue;
        // A name shaped like a Russian adjective declines as one (`Bolotnoye`: `Bolotnogo`,
        // `Bolotnom`), never in a bare vowel: `Bolotnia` is another place.
        if (type === 'case' && ending.length === 1 && ADJECTIVE_SHAPED_NAME.test(hit.alias.folded)) continue;
        const base = (type === 'adjective' ? 0.9 : 0.86) - 0.14 * hit.cost;
        const candidate = rawCandidate(hit.alias.replacement, hit.alias, 'stem', 'morphology', hit.cost, flags.preposition !== undefined ? base + 0.05 : base, false, {
          ending: `-${ending}`,
          endingType: type,
        });
        if (prefix !== leading) candidate.detail.nominative = prefix.join(' ');
        if (type === 'case' && kind === 'person' && ambiguousPersonCase(folded)) candidate.hold = HOLDS.personCaseOrWoman.text;
        if (hit.alias.common) candidate.noAuto = true;
        out.push(candidate);
      }
    };
    // The words before the last, as written.
    const leading = words.slice(0, -1);
    for (const ending of ADJECTIVE_ENDINGS) {
      if (lastWord.endsWith(ending) && lastWord.length - ending.length >= 3) tryStem(leading, lastWord.slice(0, -ending.length), ending, 'adjective');
    }
    // The words before the noun as written, then (`Rossiyskoy Federatsii`) with their adjectives in the nominative.
    for (const prefix of [leading, ...nominativePrefixes(leading)]) {
      for (const ending of CASE_ENDINGS) {
        if (!lastWord.endsWith(ending) || lastWord.length - ending.length < 3) continue;
        const stemWord = lastWord.slice(0, -ending.length);
        // `Budenovskoye` (a deposit's name) is a neuter adjective, not `Budenovskoy` with a case ending.
        if (INFLECTED_ADJECTIVE_ENDINGS.some((adjective) => stemWord.endsWith(adjective))) continue;
        tryStem(prefix, stemWord, ending, 'case');
      }
    }
    return out;
  }

  /** Readings with a glued function word split off (`Kenesthe` → `Kenesh the`). */
  private glued(surface: string, flags: RetrieveFlags): RawCandidate[] {
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
          out.push(gluedCandidate(inner, `${inner.output} ${gluedWordAfter(surface.slice(surface.length - suffix.length))}`, { ...inner.detail, glued: suffix, innerRule: inner.rule }));
        }
      }
    }
    const prefix = gluedPrefix(surface);
    if (prefix) {
      const rest = surface.slice(prefix.length);
      const inner = this.retrieve(rest, { ...flags, glue: false }).filter((candidate) => candidate.base >= 0.9 && candidate.alias !== undefined && candidate.alias.prior >= 0.5);
      for (const candidate of inner) {
        out.push(gluedCandidate(candidate, `${prefix} ${candidate.output}`, { ...candidate.detail, glued: prefix, innerRule: candidate.rule }));
      }
      const brandLike = this.english.has(rest.toLowerCase()) && this.index.lookupExact(foldKey(rest)).length === 0;
      // Capitalized, at the start of a sentence (`InVivo`), the split needs a name after the word.
      const sentenceStart = prefix !== prefix.toLowerCase();
      if (inner.length === 0 && /^[\p{L}\p{M}]+$/u.test(rest) && !brandLike && !sentenceStart) {
        // `theTurkmen`: a function word glued to a capitalized word is a plain split; one glued to
        // an English word that names nothing is as often a brand's camel case (`inDrive`).
        out.push(rawCandidate(`${prefix} ${rest}`, undefined, 'exact', 'glued', 0, 0.9, false, { glued: prefix }));
      }
    }
    return out;
  }

  /**
   * The candidate with the context-free part of its score (its base, the entity's prior and how
   * the alias was made), computed once per span reading: `undominated` compares candidates by it.
   */
  private rate(candidate: RawCandidate): RatedCandidate {
    // Every candidate is made with these fields (see `rawCandidate`): setting them keeps its shape.
    const rated = candidate as RatedCandidate;
    const alias = candidate.alias;
    if (alias === undefined || candidate.keep) {
      rated.standing = candidate.base;
      rated.otherName = false;
      return rated;
    }
    // An alias that is another name altogether (`Khorezm` listed for Khiva) is weaker evidence than
    // a spelling, unless the fix writes that name (`Radio Azatyk` → `Radio Azattyk`).
    const otherName = candidate.how !== 'exact' && alias.alias.origin === 'name' && candidate.output !== alias.alias.text && !this.isVariantSpelling(alias, 'alias', true);
    rated.standing = withAliasTerms(candidate.base, candidate, otherName);
    rated.otherName = otherName;
    return rated;
  }

  /**
   * A candidate's score in the document: its base, with the entity's prior, how the alias was
   * made and what the context says. Context terms depend only on the entity, the kind of match
   * and whether the span is kept, never on the alias (`undominated` relies on that). The terms
   * are added in one fixed order: scores at a threshold must not depend on rounding.
   */
  private score(
    candidate: RatedCandidate,
    context: DocContext,
    cue: string | undefined,
    longerName: LongerName,
    start: number,
    surface: string,
    leadingCountry?: string,
  ): ScoredCandidate {
    let score = candidate.base;
    let reasons = 0;
    const entry = candidate.alias?.entry;
    if (entry && !candidate.keep) {
      if (candidate.how !== 'exact') {
        if (partOfLongerName(longerName, entry) && entry.kind !== 'person') {
          score -= 0.1;
          reasons |= Reason.LongerName;
        }
        // A near or inflected form of a place in a country the document does not name (`Karakoli`
        // in a Kyrgyz story is Karakol, not the Uzbek Karakul) is the less likely reading.
        if ((candidate.how === 'fuzzy' || candidate.how === 'stem') && entry.kind !== 'country' && entry.country !== undefined && this.foreignToDocument(context, entry.country, start)) {
          score -= 0.06;
          reasons |= Reason.ForeignCountry;
        }
      }
      // `Natsbank` in a story about Kyrgyzstan is Kyrgyzstan's, though Kazakhstan's reads the same.
      if (candidate.countryDropped && entry.country !== undefined && this.foreignToDocument(context, entry.country, start)) {
        score -= 0.06;
        reasons |= Reason.ForeignCountry;
      }
      score = withAliasTerms(score, candidate, candidate.otherName);
      if (candidate.otherName) reasons |= Reason.OtherName;
      const support = this.support(context, entry, start, surface);
      if (context.hints.has(entry.id)) {
        score += 0.15;
        reasons |= Reason.Hint;
      } else if (support === 'same') {
        score += 0.06;
        reasons |= Reason.Mentioned;
      } else if (support === 'related') {
        score += 0.04;
        reasons |= Reason.Related;
      }
      if (hasAnyContextWord(context, entry)) {
        score += 0.03;
        reasons |= Reason.ContextWord;
      }
      // `Radio Azatyk` in a story about Kyrgyzstan: of readings in several countries (the Kyrgyz
      // and the Kazakh service), the one in the country the document names most often.
      if (leadingCountry !== undefined && entry.kind !== 'country' && entry.country === leadingCountry) {
        score += 0.03;
        reasons |= Reason.DocumentCountry;
      }
      if (cue) {
        if (kindFits(cue, entry.kind)) {
          score += 0.08;
          reasons |= Reason.KindCue;
        } else if (cue !== 'person' || isPlaceKind(entry.kind)) {
          score -= 0.15;
          reasons |= Reason.KindMismatch;
        }
      }
    }
    // Unclamped, so that margins between strong candidates survive; confidences are clamped on output.
    return scoredCandidate(candidate, candidate.output, score, reasons, cue);
  }

  /** The final replacement text: drop a designator (`Region`) the sentence already has. */
  private finalOutput(candidate: ScoredCandidate, beforeTwo: string | undefined, after: string | undefined): string {
    if (candidate.keep || !candidate.alias) return candidate.output;
    if (!isPlaceKind(candidate.alias.entry.kind)) {
      // `Novyy Azerbaydzhan Party`: the text goes on with the name's last word, which the fix leaves out.
      const space = candidate.output.lastIndexOf(' ');
      return after !== undefined && space > 0 && candidate.output.slice(space + 1).toLowerCase() === after ? candidate.output.slice(0, space) : candidate.output;
    }
    const name = candidate.alias.replacement;
    const short = shortPlaceName(name);
    if (!short) return candidate.output;
    const designatorNearby = hasDesignator(beforeTwo, after);
    return designatorNearby ? candidate.output.replace(name, short) : candidate.output;
  }

  /**
   * The English romanization of a span written in another language's romanization, with whether
   * the name has a post-Soviet shape; without that shape it is proposed only in a document about
   * a post-Soviet country (see `decide`).
   */
  private reromanizeReading(surface: string): { reading: { text: string; scheme: string }; shaped: boolean } | undefined {
    if (!isLatinText(surface) || hasLatinOnlyLetter(surface)) return undefined;
    const reading = reromanizeSpanWords(surface);
    if (!reading || reading.text === surface) return undefined;
    const words = foldKey(surface).split(' ');
    if (words.some((word) => this.english.has(word))) return undefined;
    const shaped = words.some((word) => hasPostSovietNameShape(foldKey(reromanizeWord(word)?.text ?? word)));
    return { reading, shaped };
  }

  private assemble(text: string, decisions: Decision[]): NormalizeResult {
    const changes: Change[] = [];
    const suggestions: Suggestion[] = [];
    for (const decision of decisions) {
      if (decision.keep) continue;
      if (decision.reromanize) {
        suggestions.push({
          start: decision.span.start,
          end: decision.end ?? decision.span.end,
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
      let from = text.slice(start, decision.end ?? decision.span.end);
      let to = best.output;
      const evidenceSpan = from;
      for (let cut = commonLeadingWords(from, to); cut > 0; cut = commonLeadingWords(from, to)) {
        start += cut;
        from = from.slice(cut);
        to = to.slice(cut);
      }
      const change: Change = {
        start,
        end: decision.end ?? decision.span.end,
        from,
        to,
        entity: best.alias?.entry.id ?? '',
        kind: best.alias?.entry.kind ?? 'text',
        confidence: confidence(best.score),
        rule: best.rule,
        evidence: { ...evidenceOf(best, decision.runnerUp), ...(evidenceSpan !== from ? { span: evidenceSpan } : {}) },
      };
      if (decision.apply) changes.push(change);
      // A silent hold keeps its span from other readings (the decision stands) but is not shown.
      else if (!isSilent(best)) {
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
  if (best.reasons !== 0) evidence.context = reasonTexts(best);
  if (best.hold !== undefined) evidence.held = best.hold;
  evidence.runnerUp = runnerUp ? { name: runnerUp.output, entity: runnerUp.alias?.entry.id ?? '', score: confidence(runnerUp.score) } : null;
  return evidence;
}

/** True when one of `starts` is another mention than the one at `start`, and not written as `surface` unless fixed. */
function namedElsewhere(context: DocContext, starts: readonly number[] | undefined, start: number, surface: string): boolean {
  if (starts === undefined) return false;
  for (const at of starts) if (at !== start && (context.applied.has(at) || (!context.inexact.has(at) && !isWordAt(context.text, surface, at)))) return true;
  return false;
}

/**
 * The words before a multi-word name's noun with their Russian adjectives in the nominative
 * (`rossiyskoy` → `rossiyskaya`, `rossiyskiy`...), every combination, none when no word is such an
 * adjective. Names have at most two adjectives before the noun; a longer run is left as written.
 */
function nominativePrefixes(words: readonly string[]): string[][] {
  if (words.length === 0 || words.length > 2) return [];
  const forms = words.map((word) => {
    const nominatives = nominativeAdjectiveForms(word);
    return nominatives.length > 0 ? nominatives : [word];
  });
  if (forms.every((list, i) => list.length === 1 && list[0] === words[i])) return [];
  let prefixes: string[][] = [[]];
  for (const list of forms) prefixes = prefixes.flatMap((prefix) => list.map((word) => [...prefix, word]));
  return prefixes;
}

/**
 * Genitive endings of countries' names and the nominative endings they replace, most specific
 * first: `Rossii` → `Rossiya`, `Armenii` → `Armenia`, `Ukrainy` → `Ukraina`, `Kyrgyzstana` →
 * `Kyrgyzstan`, `Belarusi` → `Belarus`.
 */
const GENITIVE_COUNTRY_ENDINGS: ReadonlyArray<readonly [string, string]> = [['ii', 'iya'], ['ii', 'ia'], ['y', 'a'], ['a', ''], ['i', '']];

/** The prior of a city that English news means by its name, whatever district elsewhere shares it (`Moscow`). */
const MAJOR_CITY_PRIOR = 0.9;

/** Of two readings of a span as a correct name, the one whose entity it names (see `readingOf`). */
function keptBetter(reading: RawCandidate, than: RawCandidate): boolean {
  if (reading.base !== than.base) return reading.base > than.base;
  return reading.alias?.entry.kind === 'city' && reading.alias.prior >= MAJOR_CITY_PRIOR && than.alias?.entry.kind === 'district';
}

/**
 * Of two readings that write the same text, the one to keep: the entity the span is exactly a
 * name of over another held for that very reason (`Almatinskoy` is a name of the Almaty Region,
 * not the city its stem also reads as: both write `Almaty`), else the higher score.
 */
function readsBetter(reading: ScoredCandidate, than: ScoredCandidate): boolean {
  if (than.hold === HOLDS.writtenOther.text && reading.hold === undefined && reading.how === 'exact') return true;
  if (reading.hold === HOLDS.writtenOther.text && than.hold === undefined && than.how === 'exact') return false;
  // The same output read equally well by two entities (`Vologdaand`: the city, and the region
  // whose English short name it is): a reading through another name of its entity does not stand
  // for it when one through a spelling does (holds about the word itself, `Sergejev` as a
  // surname, hold every reading alike and keep their order).
  if (reading.score === than.score) return reading.hold === undefined && than.hold === HOLDS.otherName.text;
  return reading.score > than.score;
}

/** True for an alias generated in another language's orthography (`FOREIGN_LANGUAGE_SCHEMES`). */
function inForeignOrthography(alias: Alias): boolean {
  return alias.origin === 'generated' && FOREIGN_LANGUAGE_SCHEMES.has(alias.scheme ?? '');
}

/** True when a held reading is not shown as a suggestion (see `HOLDS`). */
function isSilent(best: ScoredCandidate): boolean {
  if (best.hold === undefined) return false;
  const silent = SILENCE.get(best.hold);
  return silent === true || (silent === 'fuzzy' && best.how === 'fuzzy') || (silent === 'inexact' && best.how !== 'exact');
}

/** True for an English contraction (`I'm`, `Don't`): its first part is `I` or a common English word. */
function isEnglishContraction(word: string, english: ReadonlySet<string>): boolean {
  const match = CONTRACTION.exec(word);
  return match !== null && (match[1] === 'I' || english.has(match[1]!.toLowerCase()));
}

/**
 * True when a mention written otherwise than `surface` places the document in a country of the
 * region (`focus`). The same word again (`Romanow` twice) is no evidence for itself, fixed or not.
 */
function inFocusElsewhere(context: DocContext, start: number, surface: string): boolean {
  for (let i = 0; i < context.countryList.length; i++) {
    const { country, starts } = context.countryList[i]!;
    if (!FOCUS_COUNTRIES.has(country)) continue;
    for (const at of starts) if (at !== start && !isWordAt(context.text, surface, at)) return true;
  }
  return false;
}

/** True for a name in one of the region's languages, of unknown language, or generated (`Tegeran`): not a place's own name in its own language (`Wien`). */
function isRegionsForm(alias: IndexedAlias): boolean {
  return alias.alias.origin === 'generated' || alias.alias.lang === 'und' || FOCUS_LANGUAGES.has(primaryLang(alias.alias.lang));
}

/** True when a mention other than the one at `start` names the entry's country, or a place in it. */
function namesCountryElsewhere(context: DocContext, entry: GazetteerEntry, start: number): boolean {
  const starts = entry.country === undefined ? undefined : context.countries.get(entry.country);
  return starts !== undefined && hasOtherThan(starts, start);
}

/** True when the list has a value other than `value`. */
function hasOtherThan(values: readonly number[], value: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== value) return true;
  return false;
}

/** True when `text[from, to)` is one or more plain or no-break spaces. */
function isPlainGap(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0xa0) return false;
  }
  return true;
}

/** True when the span is joined by a hyphen to a word before or after it. */
function isHyphenated(text: string, span: Span): boolean {
  // (A number after the hyphen makes a name too: `Sakhalin-2`, a project, is no misspelled region.)
  return (
    (HYPHENS.has(text.charCodeAt(span.end)) && LETTER_OR_DIGIT.test(text.charAt(span.end + 1)) && !englishCompoundAfter(text, span)) ||
    (HYPHENS.has(text.charCodeAt(span.start - 1)) && LETTER.test(text.charAt(span.start - 2)))
  );
}

/** True when the word across the hyphen after or before a span starts in lower case (`Gur-e-Amir`). */
function joinsParticle(text: string, span: Span): boolean {
  if (HYPHENS.has(text.charCodeAt(span.end)) && LOWER_CASE.test(text.charAt(span.end + 1))) return !englishCompoundAfter(text, span);
  if (!HYPHENS.has(text.charCodeAt(span.start - 1))) return false;
  const wordBefore = /[\p{L}\p{M}'’ʼ`]+$/u.exec(text.slice(Math.max(0, span.start - 30), span.start - 1))?.[0];
  // (So does a Russian place-name prefix: `Ust-Kamchatsk` is a town, not `Ust-` and the krai's adjective.)
  return wordBefore !== undefined && (LOWER_CASE.test(wordBefore.charAt(0)) || RUSSIAN_NAME_PREFIXES.has(wordBefore.toLowerCase()));
}

/** Capitalized first parts of Russian compound place names (`Ust-Kut`, `Nizhne-Kolymsk`, `Novo-Ogaryovo`). */
const RUSSIAN_NAME_PREFIXES: ReadonlySet<string> = new Set(['ust', 'nizhne', 'verkhne', 'novo', 'staro', 'sredne', 'bolshe', 'malo', 'yuzhno', 'severo', 'zapadno', 'vostochno']);

const LOWER_CASE = /\p{Ll}/u;

/** English words that make a compound adjective of a place's name (`a Moscow-based broker`). */
const ENGLISH_COMPOUND_TAILS: ReadonlySet<string> = new Set(['based', 'born', 'bound', 'led', 'backed', 'owned', 'made', 'run', 'registered', 'headquartered', 'listed', 'controlled', 'funded', 'built']);

/** True when a hyphen after the span joins it to such an English word: the name stands alone (`Moskva-based`). */
function englishCompoundAfter(text: string, span: Span): boolean {
  if (!HYPHENS.has(text.charCodeAt(span.end))) return false;
  const word = /^\p{L}+/u.exec(text.slice(span.end + 1, span.end + 16))?.[0];
  return word !== undefined && ENGLISH_COMPOUND_TAILS.has(word);
}

/** True when `surface` is `name` with a Russian case ending (`Kazani`, `Kazan`). */
function isCaseFormOf(surface: string, name: string): boolean {
  return isFoldedCaseFormOf(foldKey(surface), foldKey(name));
}

/** `isCaseFormOf` on folded words (asked in a loop over a document's surnames: no folding there). */
function isFoldedCaseFormOf(folded: string, stem: string): boolean {
  return folded.length > stem.length && folded.startsWith(stem) && CASE_ENDINGS.includes(folded.slice(stem.length));
}

/** True when a folded word is a Russian case form of a folded surname (the feminine `-a` gives way to the ending). */
function isCaseFormOfSurname(folded: string, surname: string): boolean {
  return isFoldedCaseFormOf(folded, surname) || (surname.endsWith('a') && isFoldedCaseFormOf(folded, surname.slice(0, -1)));
}

/**
 * True when the span is a Russian case form of a surname that the document writes after a common
 * given name (`Vorobyovoy`, `Ivanovym` after `Yelena Vorobyova`, `Pyotr Ivanov`): the feminine
 * `-a` gives way to the ending.
 */
function caseFormOfNamedPerson(context: DocContext, span: Span): boolean {
  const folded = foldKey(span.surface);
  for (const { at, folded: surname } of givenSurnamesOf(context)) {
    if (at === span.first || surname === folded) continue;
    // (The first letter first: most surnames are not this word's.)
    if (surname.charCodeAt(0) !== folded.charCodeAt(0)) continue;
    if (isCaseFormOfSurname(folded, surname)) return true;
  }
  return false;
}

/**
 * True when the document names the entity at another start written correctly or fixed (a suggested
 * reading of another form vouches for nothing; a fix does, as the output it makes would).
 */
function keptElsewhere(context: DocContext, entry: GazetteerEntry, start: number): boolean {
  const starts = context.anchorStarts.get(entry.id);
  return starts !== undefined && starts.some((at) => at !== start && (context.kept.has(at) || context.applied.has(at)));
}

/** True when the document writes the span's word after a common given name elsewhere (`Aliya Nazarbayeva`). */
function writtenAfterGivenName(context: DocContext, span: Span): boolean {
  const folded = foldKey(span.surface);
  for (const { at, folded: surname } of givenSurnamesOf(context)) if (at !== span.first && surname === folded) return true;
  return false;
}

/**
 * True when the document writes the span's word, or the surname it is a case form of, after a
 * given name that is not the listed person's (`Yelena Vorobyova`, then `Vorobyovoy`, beside the
 * listed Andrei Vorobyov).
 */
function surnameOfAnotherPerson(context: DocContext, span: Span, person: GazetteerEntry): boolean {
  const folded = foldKey(span.surface);
  // (Given names compared by the start of their skeletons: `Alexandr` is the listed `Alexander`.)
  const listedGiven = skeletonKey(person.name.split(/[\s-]/u, 1)[0]!).slice(0, 3);
  for (const { at, folded: surname } of givenSurnamesOf(context)) {
    if (surname !== folded && !isCaseFormOfSurname(folded, surname)) continue;
    if (!skeletonKey(context.tokens[at - 1]!.text).startsWith(listedGiven)) return true;
  }
  return false;
}

/** The document's surnames after common given names (see `surnamesAfterGivenNames`), found on first use. */
function givenSurnamesOf(context: DocContext): Array<{ at: number; folded: string }> {
  return (context.givenSurnames ??= surnamesAfterGivenNames(context.tokens));
}

/** The words after a common given name (`Yelena Vorobyova`), capitalized and of four letters or more, folded. */
function surnamesAfterGivenNames(tokens: readonly WordToken[]): Array<{ at: number; folded: string }> {
  const givenNames = commonGivenNames();
  const surnames: Array<{ at: number; folded: string }> = [];
  for (let i = 1; i < tokens.length; i++) {
    // (Two capitalized words first: far cheaper than hashing every word for the set.)
    if (!isCapitalized(tokens[i]!.text) || !isCapitalized(tokens[i - 1]!.text) || !givenNames.has(tokens[i - 1]!.text)) continue;
    const folded = foldKey(tokens[i]!.text);
    if (folded.length >= 4) surnames.push({ at: i, folded });
  }
  return surnames;
}

/** True when the span's sentence has `name` as written at another word. */
function namedInSentence(context: DocContext, span: Span, name: string): boolean {
  const { tokens, sentences, text } = context;
  const sentence = sentences[span.first]!;
  // (A dateline is no part of the sentence after it: `BAKU, Azerbaijan, Aug 27 — Aserbaidschan's ...`.)
  const datelineEnd = (context.datelineEnd ??= DATELINE.exec(text)?.[0].length ?? 0);
  const from = span.start >= datelineEnd ? datelineEnd : 0;
  for (let i = span.first - 1; i >= 0 && sentences[i] === sentence && tokens[i]!.start >= from; i--) if (isWordAt(text, name, tokens[i]!.start)) return true;
  for (let i = span.last + 1; i < tokens.length && sentences[i] === sentence; i++) if (isWordAt(text, name, tokens[i]!.start)) return true;
  return false;
}

/**
 * A news dateline at the start of a text: a place in capitals, then at most a country and a date
 * after commas, and a dash (`BAKU, Azerbaijan, Aug 27 — `, `MOSCOW — `).
 */
const DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu}(?:,[^,\n—–]{1,30}){0,2}\s[—–-]\s/u;

/** True when `text` has the word(s) `surface` at `at`, not followed by another letter. */
function isWordAt(text: string, surface: string, at: number): boolean {
  return at >= 0 && text.startsWith(surface, at) && !LETTER.test(text.charAt(at + surface.length));
}

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
/** A decimal digit. */
const DIGIT = /^\d$/u;

/** True when `text[from, to)` is one space or hyphen (`Too-Ashuu`, `Nagorno-Karabakh`). */
function isNameJoiner(text: string, from: number, to: number): boolean {
  return to - from === 1 && NAME_JOINERS.has(text.charCodeAt(from));
}

/** A capitalized word next to a span that is not a cue word, a connector or a name already read. */
function adjacentName(token: WordToken, context: DocContext): boolean {
  // `Cortina d'Ampezzo`, `Côte d’Ivoire`: a Romance particle elided before a capital goes on with the name.
  if (ELIDED_PARTICLE_NAME.test(token.text)) return true;
  if ((context.known.has(token.index) && !context.knownPeople.has(token.index)) || !isCapitalized(token.text)) return false;
  const lower = token.text.toLowerCase();
  // (`Gorno-Badakhshsn Autonomous Region`: `Autonomous` begins the designator of an autonomous unit.)
  return kindCue(lower, undefined) === undefined && !CONNECTORS.has(lower) && !ENGLISH_PROPER_WORDS.has(lower) && lower !== 'autonomous';
}

/** A folded name that ends like a Russian adjective in the nominative (`Bolotnoye`, `Kurskaya`, `Zheleznodorozhnyy`). */
const ADJECTIVE_SHAPED_NAME = /(?:oye|oe|aya|yy|iy)$/u;

/** The feminine adjective of a Ukrainian region's name (`Kyivska`, `Zaporizka`, `Donetska`). */
const UKRAINIAN_REGION_ADJECTIVE = /^\p{Lu}\p{Ll}+(?:sk|tsk|zk|ck)a$/u;

/** A word that is a Romance particle elided before a capitalized name (`d'Ampezzo`, `dell’Aquila`). */
const ELIDED_PARTICLE_NAME = /^(?:d|l|dell|dall|all|nell|sull)['’]\p{Lu}/u;

/** An entry's context words in lower case, made once per entry. */
const lowerContextWords = new WeakMap<GazetteerEntry, readonly string[]>();

/** True when the document has one of the entry's context words (see `hasContextWord`). */
function hasAnyContextWord(context: DocContext, entry: GazetteerEntry): boolean {
  if (entry.context === undefined) return false;
  let words = lowerContextWords.get(entry);
  if (words === undefined) lowerContextWords.set(entry, (words = entry.context.map((word) => word.toLowerCase())));
  for (const word of words) if (hasContextWord(context, word)) return true;
  return false;
}

/** True when the document has the word (lower case) or it is a word of an entity resolved in it. */
function hasContextWord(context: DocContext, word: string): boolean {
  for (; context.nameEntriesRead < context.nameEntries.length; context.nameEntriesRead++) {
    for (const part of context.nameEntries[context.nameEntriesRead]!.name.toLowerCase().split(' ')) context.nameWords.add(part);
  }
  if (context.nameWords.has(word)) return true;
  if (context.tokenWords === undefined) {
    context.tokenWords = new Set();
    // (Most words are in lower case already: no new string for them.)
    for (const token of context.tokens) context.tokenWords.add(isLowerAscii(token.text) ? token.text : token.text.toLowerCase());
  }
  return context.tokenWords.has(word);
}

/** True when token `i` is a Russian feature noun left untranslated before a capitalized name (`ozero Issyk-Kul`). */
function featureNounBeforeName(text: string, tokens: readonly WordToken[], i: number): boolean {
  const next = tokens[i + 1];
  return next !== undefined && RUSSIAN_FEATURE_NOUNS_BEFORE.has(tokens[i]!.text) && next.start - tokens[i]!.end === 1 && text.charCodeAt(next.start - 1) === 0x20 && isCapitalized(next.text);
}

/** True for Russian, in its own script or romanized (`ru`, `ru-Latn`). */
function isRussianLang(lang: string): boolean {
  return primaryLang(lang) === 'ru';
}

/** True for a text of ASCII characters only. */
function isPlainAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/u.test(text);
}

/** True for a word of lower-case ASCII letters only (most words of any English text). */
function isLowerAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/**
 * A score with what a candidate's alias says added: the entity's prior and, for a match that is
 * not exact, how the alias was made (`otherName`: another name of the entity, see `rate`).
 */
function withAliasTerms(score: number, candidate: RawCandidate, otherName: boolean): number {
  score += 0.3 * (candidate.alias!.prior - 0.6);
  if (candidate.how !== 'exact') {
    score += ALIAS_TYPE_WEIGHT[candidate.alias!.alias.type] ?? 0;
    if (otherName) score -= 0.06;
  }
  return score;
}

/**
 * The candidates that can rank first for their output in some document. `score` adds the same
 * context terms to every candidate of one entity read one way (same kind of match, output and
 * replacement), so of those, one whose standing is below the best one's can never lead: it is
 * dropped, unless it is the group's first (the ranking breaks ties by first appearance). Scoring
 * fewer candidates in every pass is what this buys; the decisions are the same.
 */
function undominated(candidates: RatedCandidate[]): RatedCandidate[] {
  if (candidates.length < 2) return candidates;
  const groupOf = (candidate: RatedCandidate) =>
    candidate.alias === undefined ? undefined : `${candidate.alias.entry.id}\u0000${candidate.how}\u0000${candidate.keep}\u0000${candidate.output}\u0000${candidate.alias.replacement}`;
  const groups = new Map<string, { first: RatedCandidate; best: number }>();
  for (const candidate of candidates) {
    const key = groupOf(candidate);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { first: candidate, best: candidate.standing });
    else group.best = Math.max(group.best, candidate.standing);
  }
  // The margin only absorbs rounding: context terms are added in the same order to every candidate.
  return candidates.filter((candidate) => {
    const group = groupOf(candidate);
    return group === undefined || groups.get(group)!.first === candidate || candidate.standing >= groups.get(group)!.best - 1e-9;
  });
}

/**
 * `v Moskve`, `iz Orenburga`: after a Russian preposition left untranslated, a place's case form
 * that the preposition governs becomes the English preposition and the place (`in Moscow`, `from
 * Orenburg`); the fix then covers the preposition too.
 */
function takeInPreposition(candidates: RawCandidate[], folded: string, word: string, preposition: RussianPreposition): void {
  const ending = preposition.endings.find((candidate) => folded.endsWith(candidate));
  if (ending === undefined) return;
  for (const candidate of candidates) {
    if (candidate.keep || candidate.extendsLeft || !candidate.alias || !isPlaceKind(candidate.alias.entry.kind)) continue;
    // `v Moskvu` (to Moscow): an `-u` on a name that ends in `-a` in Russian is the accusative of
    // motion, not a prepositional (`v Krymu`, in Crimea).
    const motion = preposition.motion !== undefined && ending === 'u' && endsInRussianA(candidate.alias.entry);
    candidate.output = `${motion ? preposition.motion : preposition.english} ${candidate.output}`;
    candidate.extendsLeft = true;
    candidate.detail.preposition = word;
  }
}

/** True when the entry's Russian name ends in `а` or `я` (`Москва`), which declines like a feminine noun. */
function endsInRussianA(entry: GazetteerEntry): boolean {
  const russian = entry.names.find((name) => name.lang === 'ru' && name.script === 'Cyrl');
  return russian !== undefined && /[ая]$/u.test(russian.text);
}

/**
 * A candidate with every field present, `RatedCandidate`'s included: all candidates share one
 * hidden class, so the functions that read them stay optimized. Fields added later to some of them
 * (`noAuto`, `hold`...) made V8 deoptimize and recompile the normalizer's largest functions again
 * and again (measured on the benchmark's text after a warm-up: 47 deoptimizations and 1.4 s of
 * compilation in the first pass before, 32 and 0.7 s after, decoded aliases made the same way).
 */
function rawCandidate(output: string, alias: IndexedAlias | undefined, how: How, rule: Rule, cost: number, base: number, keep: boolean, detail: Record<string, unknown>): RawCandidate {
  const candidate: RatedCandidate = { output, alias, how, rule, cost, base, keep, noAuto: false, detail, extendsLeft: false, hold: undefined, countryDropped: false, standing: 0, otherName: false };
  return candidate;
}

/** A decision with every field present (one hidden class, as for `rawCandidate`). */
function makeDecision(
  span: Span,
  start: number,
  end: number | undefined,
  keep: boolean,
  best: ScoredCandidate | undefined,
  ranked: ScoredCandidate[],
  apply: boolean,
  runnerUp: ScoredCandidate | undefined,
  reromanize: { text: string; scheme: string } | undefined,
): Decision {
  return { counted: false, span, start, end, keep, best, runnerUp, ranked, apply, reromanize };
}

/**
 * A scored copy of a candidate. Every field is written, always in the same order: scoring runs
 * for every candidate in every pass, and one object shape keeps it fast (a spread would not).
 */
function scoredCandidate(candidate: RawCandidate, output: string, score: number, reasons: number, cue: string | undefined): ScoredCandidate {
  return {
    output,
    alias: candidate.alias,
    how: candidate.how,
    rule: candidate.rule,
    cost: candidate.cost,
    base: candidate.base,
    keep: candidate.keep,
    noAuto: candidate.noAuto,
    detail: candidate.detail,
    extendsLeft: candidate.extendsLeft,
    hold: candidate.hold,
    countryDropped: candidate.countryDropped,
    score,
    reasons,
    cue,
  };
}

/** Words that introduce a name cited as written: `called X`, `known as X`, `in Uzbek as X`. */
const CITING_WORDS = new Set(['called', 'named', 'spelled', 'spelt', 'dubbed', 'written', 'spelling', 'renamed']);
/** The words before a place in the name of a historic event (`battle of`, `siege of`). */
const HISTORIC_EVENT = /^(?:battle|battles|siege|treaty|sack|peace|pogrom|congress|council|fall|capture|liberation) (?:of|for)$/u;
/** Subjects after which `called` is a telephone call (`he called Japarov`). */
const CALLERS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'who']);
const CITING_BEFORE_AS = new Set(['known', 'spelled', 'spelt', 'written', 'rendered', 'transliterated', 'romanized', 'romanised']);

/** True when `known` (or another citing verb) stands two to four words before the `as` at token `as`. */
function knownAsWithin(tokens: readonly WordToken[], as: number): boolean {
  for (let i = as - 2; i >= Math.max(0, as - 4); i--) {
    if (CITING_BEFORE_AS.has(tokens[i]!.text.toLowerCase())) return true;
  }
  return false;
}

/**
 * True when the span lies inside quotation marks on its line, within a quoted phrase of at most
 * six words, one of which has a letter that no romanization of Cyrillic uses (`ý`, `ı`, `ü`).
 */
function inQuotedNativeTitle(text: string, span: Span, quotes: readonly number[]): boolean {
  // Most spans have no quotation mark near them: look for one on each side first.
  if (!quoteAround(quotes, span.start, span.end)) return false;
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', span.end);
  if (lineEnd < 0) lineEnd = text.length;
  // Straight quotes open and close alike: the span is inside a pair when an odd number of them
  // precede it on its line. Curly ones say which they are.
  let open = -1;
  let straight = 0;
  for (let i = lineStart; i < span.start; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      straight++;
      if (straight % 2 === 1) open = i;
    } else if (CURLY_OPENING_QUOTES.has(code)) open = i;
    else if (CLOSING_ONLY_QUOTES.has(code)) open = -1;
  }
  if (open < 0 || (text.charCodeAt(open) === 0x22 && straight % 2 === 0) || span.start - open > 80) return false;
  const closing = text.charCodeAt(open) === 0x22 ? QUOTE_CLOSING_STRAIGHT : CLOSING_ONLY_QUOTES;
  let close = -1;
  for (let i = span.end; i < lineEnd && i <= span.end + 80; i++) {
    if (closing.has(text.charCodeAt(i))) {
      close = i;
      break;
    }
  }
  if (close < 0) return false;
  const words = text.slice(open + 1, close).split(/[\s-]+/u).filter(Boolean);
  return words.length > 1 && words.length <= 6 && words.some((word) => hasLatinOnlyLetter(word));
}

/** Where a document's double quotation marks are (straight or curly), in order. */
function quotePositions(text: string): number[] {
  const out: number[] = [];
  for (const match of text.matchAll(/["“”«»„]/gu)) out.push(match.index);
  return out;
}

/** True when quotation marks stand within 80 characters before `start` and after `end`. */
function quoteAround(quotes: readonly number[], start: number, end: number): boolean {
  // The first mark at or after `end` (binary search), and the one before it.
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]! < end) lo = mid + 1;
    else hi = mid;
  }
  const after = quotes[lo];
  const before = lo > 0 ? quotes[lo - 1] : undefined;
  return after !== undefined && before !== undefined && before < start && start - before <= 80 && after - end <= 80;
}

function citesName(before: string | undefined, beforeTwo: string | undefined, phoned: boolean): boolean {
  // `phoned` is only ever true after `called`.
  if (before !== undefined && CITING_WORDS.has(before)) return !phoned;
  if (before !== 'as' || beforeTwo === undefined) return false;
  const word = beforeTwo.slice(0, beforeTwo.indexOf(' '));
  return CITING_BEFORE_AS.has(word) || ENGLISH_PROPER_WORDS.has(word);
}

/** The plural designator two words after `and` at token `and` (`and Kharkovskaya regions`), or undefined. */
function coordinatedDesignator(text: string, tokens: WordToken[], and: number): string | undefined {
  const name = tokens[and + 1];
  const designator = tokens[and + 2];
  if (name === undefined || designator === undefined || !isCapitalized(name.text)) return undefined;
  if (!isPlainGap(text, tokens[and]!.end, name.start) || !isPlainGap(text, name.end, designator.start)) return undefined;
  const word = designator.text.toLowerCase();
  return word.endsWith('s') && DESIGNATOR_WORDS.has(word) ? word : undefined;
}

/** True when `district` follows the word at `last`, directly or after more names (`Rubtsovsky, Loktevsky and Uglovsky districts`). */
function districtFollows(tokens: readonly WordToken[], text: string, last: number): boolean {
  for (let i = last + 1; i < tokens.length && i <= last + 6; i++) {
    const word = tokens[i]!.text;
    if (!/^[\s,]+$/u.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) return false;
    const lower = word.toLowerCase();
    // The district cue words (`district`, `raion`, `rayon`), one or several.
    if (kindCue(undefined, lower.endsWith('s') ? lower.slice(0, -1) : lower) === 'district') return true;
    // (`the Novomoskovsky administrative district` of Moscow.)
    if (!isCapitalized(word) && lower !== 'and' && lower !== 'or' && !DISTRICT_QUALIFIERS.has(lower)) return false;
  }
  return false;
}

/** True when a designator comes with the name: `Akmolinsk region`, `the region of Surkhardarinsk`. */
function hasDesignator(beforeTwo: string | undefined, after: string | undefined): boolean {
  return (after !== undefined && (DESIGNATOR_WORDS.has(after) || RUSSIAN_FEATURE_NOUNS.has(after) || after === 'ges')) || (beforeTwo !== undefined && /^(?:\S+ )?(?:region|province|oblast) of$/u.test(beforeTwo));
}

/** Apostrophe-like marks (a soft sign is romanized as one: `Ob'`). */
const APOSTROPHE_MARKS = /['’ʹʼ`]/gu;

/** A lower-case word with an apostrophe-like mark inside (`yo'llari`, `qoʻmitasi`). */
const LOWER_WORD_WITH_APOSTROPHE = /^[a-z]+(?:['’ʻʼ][a-z]+)+$/u;

/** Two capitals after a small letter (`BelTA`, `KazTAG`): a brand's own mixed case, not a typo. */
const MIXED_CASE_BRAND = /\p{Ll}\p{Lu}{2}/u;

/** The last word of a folded text. */
function lastWordOf(folded: string): string {
  return folded.slice(folded.lastIndexOf(' ') + 1);
}

/** Hyphens and spaces between the words of a name. */
const JOINERS = /[\s\-‐‑]/gu;

/**
 * A name as its letters are written, for telling another spelling from the same one: apostrophes
 * and case aside, and Romanian `ș`/`ț` (comma below) the same letters as `ş`/`ţ` (cedilla), which
 * sources use interchangeably (`Bălți`, listed as `Bălţi`).
 */
function asWritten(name: string): string {
  return name.replace(APOSTROPHE_MARKS, '').toLowerCase().replace(/\u0219/gu, '\u015f').replace(/\u021b/gu, '\u0163');
}

const DEMONYM_ENDINGS = ['ians', 'ans', 'ian', 'ese', 'ish', 'an', 'ic', 'i', 'n', 'k', 's'];

/**
 * True when a word is the demonym of a place name rather than a garble of it (`Lithuanian`,
 * `Portuguese`, `Greek`, `Germans`): it keeps all but the name's last two letters and ends
 * in a demonym ending.
 */
function isDemonym(folded: string, name: string): boolean {
  if (folded.includes(' ') || name.includes(' ')) return false;
  let shared = 0;
  while (shared < folded.length && shared < name.length && folded[shared] === name[shared]) shared++;
  if (shared < 4 || shared < name.length - 2 || folded.length - shared > 4 || folded === name) return false;
  // A shorter word that ends as the name does is the name with a letter dropped (`Karakalpakstn`;
  // `Turki` is the adjective), and no demonym ends in `-ii` (`Germanii` is the Russian genitive).
  if ((folded.length < name.length && folded.at(-1) === name.at(-1)) || folded.endsWith('ii')) return false;
  // Nor is a word as long as the name with no ending the name lacks (`Uzbekistsn`; `Indic` is the adjective),
  // or one with two letters swapped (`Samarkadn`) or a letter changed before a last letter it shares (`Greese`).
  if (folded.length === name.length && !DEMONYM_ENDINGS.some((ending) => folded.endsWith(ending) && !name.endsWith(ending))) return false;
  if (folded.length === name.length && (isAdjacentSwap(folded, name) || (folded.at(-1) === name.at(-1) && differsInOneLetter(folded, name)))) return false;
  // Nor the name with a letter doubled (`Talaas`, `Tatarstaan`), or one added inside it before the
  // name's own ending (`Azerbaijian`: no demonym ends as its place does).
  if (isLetterDoubled(folded, name)) return false;
  if (folded.length === name.length + 1 && folded.endsWith(name.slice(-2)) && isSlip(folded, name)) return false;
  return DEMONYM_ENDINGS.some((ending) => folded.endsWith(ending));
}

/**
 * True when `typed` is `name` with one letter dropped, one added or two neighbouring letters
 * swapped, the first letter kept: a slip of the keyboard rather than another spelling.
 */
function isSlip(typed: string, name: string): boolean {
  if (typed.charAt(0) !== name.charAt(0)) return false;
  if (typed.length === name.length) return isAdjacentSwap(typed, name);
  const [longer, shorter] = typed.length > name.length ? [typed, name] : [name, typed];
  if (longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  return longer.slice(i + 1) === shorter.slice(i);
}

/** True when two words of one length differ by two neighbouring letters swapped. */
function isAdjacentSwap(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** True when two words of one length differ in exactly one letter. */
function differsInOneLetter(a: string, b: string): boolean {
  let differences = 0;
  for (let i = 0; i < a.length && differences < 2; i++) if (a[i] !== b[i]) differences++;
  return differences === 1;
}

/** True when a reading cut a Russian adjective ending or matched a generated adjective form. */
function isAdjectiveReading(candidate: RawCandidate): boolean {
  if (candidate.detail.endingType === 'adjective' || candidate.alias?.alias.scheme === 'ru-adjective') return true;
  // A source's listed name that is the adjective itself (`Grodnenskaya`, listed for Grodno Region).
  const alias = candidate.alias;
  return alias !== undefined && alias.alias.origin === 'name' && alias.alias.script === 'Latn' && !alias.folded.includes(' ') && isNominativeAdjective(alias.folded);
}

/**
 * A capitalized neighbour that is no known name beside a span (`unknown`), or only a known
 * person's name (`person`), or none: see `partOfLongerName`.
 */
type LongerName = 'unknown' | 'person' | undefined;

/**
 * True when the span is probably part of a longer name the gazetteer lacks: next to an unknown
 * capitalized word, or next to a person's name (`Volodymyr Zelensky`), unless the span names an
 * institution where the person holds a post (`the Mazhilis Yerlan Koshanov`).
 */
function partOfLongerName(longerName: LongerName, entry: GazetteerEntry): boolean {
  return longerName === 'unknown' || (longerName === 'person' && !POST_KINDS.has(entry.kind));
}

/**
 * True when a case form of a person's name may be another person's name: a surname alone (a case
 * ending is also how a relative's surname ends: `Mirziyoyeva`, and `Mirziyoyevu`, `Mirziyoyevoy`
 * are her in other cases), or a full name ending in `-a` after a given name in `-a`, the masculine
 * genitive and the feminine nominative alike (`Abdulla Aripova`; women's given names end in `-a`,
 * most men's do not, so `Kassym-Jomart Tokayeva` is his genitive). A full name in another case
 * (`Abdulla Aripovym`, `Gulnara Karimovoy`) is that person, and so is a surname alone in a case
 * only a man's surname takes (`Putinym`, `Pashinyanom`, `Zelenskogo`).
 */
function ambiguousPersonCase(folded: string): boolean {
  if (folded.includes(' ')) return folded.endsWith('a') && /a /u.test(folded);
  return !MASCULINE_SURNAME_CASE.test(folded);
}

/** Endings only a man's surname takes in Russian: instrumental `-ym`/`-om`, and `-ogo`/`-omu` of `-sky` names. */
const MASCULINE_SURNAME_CASE = /(?:ym|om|[oe]go|[oe]mu)$/u;

/**
 * `Kostrma`, `Kaliningrade`: a near-spelling or case form of a name that a city and its region
 * share reads as the city, as English uses the bare name (the region is `Kostroma Oblast`, `the
 * Kostroma region`). Drops, in place, the inexact readings of regions whose matched name is that
 * of a city or town of the same country read the same way.
 */
function dropRegionsNamedLikeTheirCity(candidates: RawCandidate[]): void {
  const cityOutputs = new Map<string, string>();
  for (const candidate of candidates) {
    const entry = candidate.alias?.entry;
    // Only a city called so now: `Leningrad`, listed for Saint Petersburg, is the name of its region.
    if (entry !== undefined && candidate.how !== 'exact' && (entry.kind === 'city' || entry.kind === 'town') && foldKey(candidate.output) === candidate.alias!.folded) {
      cityOutputs.set(`${entry.country}|${candidate.alias!.folded}`, candidate.output);
    }
  }
  if (cityOutputs.size === 0) return;
  let kept = 0;
  for (const candidate of candidates) {
    const entry = candidate.alias?.entry;
    // A region read as the bare name (`Batken`, its short name) writes what the city would: it stays.
    const city = entry !== undefined && entry.kind === 'region' && candidate.how !== 'exact' ? cityOutputs.get(`${entry.country}|${candidate.alias!.folded}`) : undefined;
    if (city === undefined || city === candidate.output) candidates[kept++] = candidate;
  }
  candidates.length = kept;
}

/** True when two words of at most five letters differ in exactly one letter (a substitution, not a drop or a swap). */
function isOneLetterChanged(a: string, b: string): boolean {
  return a.length === b.length && a.length <= 5 && differsInOneLetter(a, b);
}

/** True when `typed` is `name` with one of its letters doubled (`guzzar` for `guzar`): a typo, no spelling. */
function isLetterDoubled(typed: string, name: string): boolean {
  if (typed.length !== name.length + 1) return false;
  for (let i = 1; i < typed.length; i++) {
    if (typed[i] === typed[i - 1] && typed.slice(0, i) + typed.slice(i + 1) === name) return true;
  }
  return false;
}

/** Kinds of entity whose posts precede their holders' names (`the Mazhilis Yerlan Koshanov`, `Ak Zhol Azat Peruashev`). */
const POST_KINDS: ReadonlySet<string> = new Set(['legislature', 'government-body', 'party', 'country']);

/** True for a word left in Latin-letter Russian before a name: lower case (`del`, `musulman`) or an acronym (`MVD`, `MChS`). */
function isUntranslatedWord(word: string, lower: string): boolean {
  return isLatinText(word) && /^\p{L}+$/u.test(word) && (word === lower || isAcronym(word) || /^\p{Lu}\p{L}*\p{Lu}\p{L}*$/u.test(word));
}

/** True for a glued reading whose name is written exactly as the English name of a major place of the region. */
function gluedToEnglishName(candidate: RawCandidate): boolean {
  const alias = candidate.alias;
  return (
    candidate.detail.innerRule === 'alias' &&
    alias !== undefined &&
    alias.keep &&
    alias.prior >= SHORT_STEM_MIN_PRIOR &&
    // (Or a body's name of several words, or a legislature's, written as listed: `Jogorku Keneshon`, `Mazhilison`.)
    ((isPlaceKind(alias.entry.kind) && inFocus(alias.entry)) ||
      ((alias.folded.includes(' ') || alias.entry.kind === 'legislature') && alias.entry.kind !== 'person' && !isPlaceKind(alias.entry.kind)))
  );
}

/** True when `district` is a district of the town's country whose name, without the designator, spells the town's the same way (same skeleton). */
function districtOfTown(district: GazetteerEntry, districtName: string, town: GazetteerEntry, townName: string): boolean {
  if (district.kind !== 'district' || !TOWN_KINDS.has(town.kind) || district.country === undefined || district.country !== town.country) return false;
  return skeletonKey(shortPlaceName(districtName) ?? districtName) === skeletonKey(townName);
}

/** Countries whose names English does not spell with Russian's `dzh` (`Jalal-Abad`, `Zhalagash`, `Jizzakh`). */
const NO_DZH_COUNTRIES: ReadonlySet<string> = new Set(['KZ', 'KG', 'UZ', 'TJ', 'TM']);

/** True when a span spells with `dzh` a name of a Central Asian place that its English name spells without it. */
function russianDzh(surface: string, output: string, entry: GazetteerEntry): boolean {
  return NO_DZH_COUNTRIES.has(entry.country ?? '') && /dzh/iu.test(surface) && !/dzh/iu.test(output);
}

/** A surname as the region's languages and Russian form them (`Akhmedov`, `Ibraeva`, `Mirzoyan`, `Rasulzoda`, `Shovkovskyi`). */
const REGION_SURNAME = /^\p{Lu}\p{Ll}+(?:ov|ev|yev|iev|ova|eva|yeva|ieva|yan|uly|uulu|kyzy|zoda|zade|chuk|enko|skyi|skiy|sky)$/u;

/** The best reading as the English name of a phrase that takes in the Russian noun after the span (`Batkenskiy rayon`). */
function withNoun(best: ScoredCandidate, output: string, noun: string): ScoredCandidate {
  const copy = scoredCandidate(best, output, best.score, best.reasons, best.cue);
  copy.detail = { ...best.detail, noun };
  return copy;
}

/** The best reading with another hold (a copy of one shape, as `scoredCandidate` makes: a spread would not keep it). */
function withHold(best: ScoredCandidate, hold: string | undefined): ScoredCandidate {
  const copy = scoredCandidate(best, best.output, best.score, best.reasons, best.cue);
  copy.hold = hold;
  return copy;
}

/** A reading of the name inside a glued word, as a glued fix to `output` (made as `rawCandidate` makes one, one shape). */
function gluedCandidate(inner: RawCandidate, output: string, detail: Record<string, unknown>): RawCandidate {
  const candidate = rawCandidate(output, inner.alias, inner.how, 'glued', inner.cost, inner.base - 0.03, false, detail);
  candidate.noAuto = inner.noAuto;
  candidate.extendsLeft = inner.extendsLeft;
  candidate.hold = inner.hold;
  return candidate;
}

/**
 * The English name of a feature named after a place (`{} Reservoir` and `Shardara District` give
 * `Shardara Reservoir`): the place's name without its designator; a feature's own name as it is.
 */
function featureName(place: string, pattern: string): string {
  const word = pattern.replace('{}', '').trim();
  if (new RegExp(`(?:^|\\s)${word}(?:\\s|$)`, 'u').test(place)) return place;
  return pattern.replace('{}', shortPlaceName(place) ?? place);
}

/** Apostrophes that romanizations write for the soft sign (`Čebarkul'`, `Khar’kov`, `Tver ʹ`). */
const SOFT_SIGN_MARKS: ReadonlySet<number> = new Set([0x27, 0x2019, 0x2bc, 0x2b9]);

/** The commonest words after a name, never the tail of a split one (they are most of the words looked at). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['the', 'of', 'and', 'in', 'to', 'on', 'for', 'at', 'by', 'from', 'with', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'said', 'says', 'as', 'or', 'but', 'that', 'this', 'will', 'would', 'its', 'it', 'be', 'been', 'not', 'also', 'which', 'who', 'a']);

/** The head of a split name: one capitalized word (`Nam` in `Nam angan`). */
const SPLIT_HEAD = /^\p{Lu}\p{Ll}+$/u;
/** A span made of a name's head and its split-off tail (see `spansFrom`). */
const SPLIT_NAME = /^(\p{Lu}\p{Ll}+) (\p{Ll}{1,6})$/u;
/** Two capitalized parts joined by a hyphen or a space (`Kul-Issyk`; see `swappedParts`). */
const SWAPPED_PARTS = /^(\p{Lu}\p{Ll}+)([-‐‑ ])(\p{Lu}\p{Ll}+)$/u;
/** The same with a capitalized tail (`Bek Abad`, `Turkmen Bashi`; see `retrieveAsWritten`). */
const SPLIT_NAME_CAPITALIZED = /^(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}{1,5})$/u;

/** A capital after a lower- or upper-case letter of the same word (`DUshanbe`, `TashKent`), in a word not all in capitals. */
function hasInnerCapital(surface: string): boolean {
  return surface !== surface.toUpperCase() && /\p{L}\p{Lu}/u.test(surface);
}

/** How many capital letters a text has. */
function capitals(text: string): number {
  let count = 0;
  for (const char of text) if (char !== char.toLowerCase()) count++;
  return count;
}

/** A listed name, not English, of a place whose country is outside the region (`Slowak` for Slovakia). */
function foreignNameOutsideRegion(alias: IndexedAlias): boolean {
  const entry = alias.entry;
  return alias.alias.origin === 'name' && !isEnglishLang(alias.alias.lang) && isPlaceKind(entry.kind) && !FOCUS_COUNTRIES.has(entry.country ?? '');
}

/** True for an entity the gazetteer covers in depth: any non-place, a country, or a place of the region. */
function inFocus(entry: GazetteerEntry): boolean {
  return !isPlaceKind(entry.kind) || entry.kind === 'country' || (entry.country !== undefined && FOCUS_COUNTRIES.has(entry.country));
}

/** Words that link the parts of a name in Spanish, Portuguese, French, Italian, German or Dutch (`Banco de España`, `Giro d'Italia`). */
const FOREIGN_NAME_LINKS: ReadonlySet<string> = new Set(['a', 'de', 'del', 'di', "d'", 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'el', 'von', 'der', 'für', 'van', 'voor']);

/** True when two folded full names of as many words differ in their last word only (`andrei bochkarev`, `andrei bocharov`). */
function sameGivenNames(folded: string, listed: string): boolean {
  const space = folded.lastIndexOf(' ');
  return space > 0 && listed.lastIndexOf(' ') === space && folded.slice(0, space) === listed.slice(0, space);
}

/** Words between a Russian district's adjective and `district` (`the Novomoskovsky administrative district`). */
const DISTRICT_QUALIFIERS: ReadonlySet<string> = new Set(['administrative', 'municipal', 'urban', 'rural']);

/** True when two folded names differ only in the `-ai`/`-ay` of their last word's end (`karasai`, `karasay district`). */
function otherSpellingOfDiphthong(folded: string, output: string): boolean {
  const target = output.endsWith(' district') && !folded.endsWith(' district') ? output.slice(0, -' district'.length) : output;
  if (target.length !== folded.length || target.length < 4) return false;
  const head = folded.slice(0, -2);
  return head === target.slice(0, -2) && ((folded.endsWith('ai') && target.endsWith('ay')) || (folded.endsWith('ay') && target.endsWith('ai')));
}

/** The text with its diacritics dropped and a dotless `ı` read as `i` (`Saatlı` → `Saatli`). */
function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ı/gu, 'i');
}

/** True for a word written in capitals (`CASA`, `SOCAR`): an acronym, not a misspelt name. */
function isAcronym(surface: string): boolean {
  return surface.length >= 2 && !/\p{Ll}/u.test(surface) && /\p{Lu}.*\p{Lu}/u.test(surface);
}

/**
 * True when two names start with letters that no romanization confuses (`Siberia` and `Liberia`):
 * MT garbles and typos keep the first letter, and the skeleton folds `J`/`Zh`, `Kh`/`H`, `Y`/`I`.
 */
function firstLettersDiffer(folded: string, aliasFolded: string): boolean {
  const a = skeletonOfFolded(folded).charAt(0);
  const b = skeletonOfFolded(aliasFolded).charAt(0);
  return a !== b && substitutionCost(a, b) >= 1;
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** True when two passes applied and kept the same things: same spans, outputs and entities. */
function sameDecisions(a: readonly Decision[], b: readonly Decision[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.span.start !== y.span.start || (x.end ?? x.span.end) !== (y.end ?? y.span.end) || x.keep !== y.keep) return false;
    const xOut = x.keep ? '' : x.apply ? x.best?.output : '-';
    const yOut = y.keep ? '' : y.apply ? y.best?.output : '-';
    if (xOut !== yOut || x.best?.alias?.entry.id !== y.best?.alias?.entry.id) return false;
  }
  return true;
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

/** True when two names start with different common given names (`Marta Kostyuk`, `Maria Kostyuk`). */
function otherGivenName(surface: string, name: string): boolean {
  const given = surface.split(/[\s\-‐‑]/u, 1)[0]!;
  const listed = name.split(/[\s\-‐‑]/u, 1)[0]!;
  return given !== listed && commonGivenNames().has(given) && commonGivenNames().has(listed);
}

/** True when the alias is a name the team added to the entry (`source: curated`), not a source's. */
function isCuratedName(alias: IndexedAlias): boolean {
  return alias.entry.names.some((name) => name.text === alias.alias.text && name.source === 'curated');
}

/** True when the text is a truncation of the name (`Uzbek` for Uzbekistan): an adjective, not the name. */
function demonymLike(alias: IndexedAlias, folded: string): boolean {
  if (folded.includes(' ')) return false;
  const target = foldKey(alias.replacement).replace(/ /g, '');
  return target.length >= folded.length + 3 && target.startsWith(folded);
}

/** Each word of a multi-word fuzzy match must be within its own budget (`Central Asian` is not `Central Ostan`). */
function wordsWithinBudget(folded: string, aliasFolded: string): boolean {
  const words = folded.split(' ');
  const aliasWords = aliasFolded.split(' ');
  const a = words.map(skeletonOfFolded);
  const b = aliasWords.map(skeletonOfFolded);
  // A word spelled as in the name anchors the others: one edit is allowed in a short word beside it
  // (`Zhogorku Kensh`), where a short word alone allows none.
  const anchored = a.some((skeleton, i) => skeleton === b[i]);
  return a.every((skeleton, i) => {
    const other = b[i] ?? '';
    if (skeleton === other) return true;
    // Letter by letter too: a letter dropped can change the skeleton more (`Simoyan` is `simoan`,
    // `Simonyan` `simonian`).
    const cost = Math.min(weightedDistance(skeleton, other, 2), swapCost(skeleton, other), weightedDistance(words[i]!, aliasWords[i] ?? '', 2));
    return cost <= Math.max(maxFuzzyCost(skeleton.length), anchored ? 1 : 0);
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
  // `New Urengoy`: an English calque of the name is another name of it, as a listed alias is.
  if (alias.alias.origin === 'generated' && alias.alias.scheme === 'en-calque') return 'alias';
  if (alias.alias.origin === 'generated') return alias.alias.scheme === 'ru-case' || alias.alias.scheme === 'ru-adjective' ? 'morphology' : 'romanization';
  if (alias.alias.script !== 'Latn') return 'alias';
  const lang = alias.alias.lang;
  if ((isEnglishLang(lang) || lang === 'und') && (alias.alias.type === 'variant' || alias.alias.type === 'misspelling')) return 'variant';
  return 'alias';
}

function gluedPrefix(word: string): string | undefined {
  for (const prefix of GLUED_PREFIXES) {
    if (word.length <= prefix.length + 2 || !/^\p{Lu}\p{Ll}/u.test(word.slice(prefix.length))) continue;
    if (word.startsWith(prefix)) return prefix;
    // At the start of a sentence: `InRishtan`, `TheTurkmen`.
    if (word.charAt(0) === prefix.charAt(0).toUpperCase() && word.startsWith(prefix.slice(1), 1)) return word.slice(0, prefix.length);
  }
  return undefined;
}

/** The reromanized reading of a span (scheme detected on any word, applied to all). */
export function reromanizeSpanWords(surface: string): { text: string; scheme: string } | undefined {
  return reromanizedMemo(surface);
}

function reromanizeUncached(surface: string): { text: string; scheme: string } | undefined {
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

// Asked once per index hit of a span (for its evidence) and once per unknown span.
const reromanizedMemo = memoize(reromanizeUncached, 50_000);

/** The kind cues as a list (read in every scoring; `Object.entries` would allocate each time). */
const KIND_CUE_LIST = Object.entries(KIND_CUES);

function kindCue(before: string | undefined, after: string | undefined): string | undefined {
  for (const [kind, cue] of KIND_CUE_LIST) {
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
  if (cue === 'org') return kind === 'org' || kind === 'media';
  // Rivers, lakes and seas are of kind `other` (with mountains, deserts, valleys).
  if (cue === 'water') return kind === 'other';
  return false;
}

/** True when token `index` is the first word of a sentence. */
function startsSentence(text: string, tokens: WordToken[], index: number): boolean {
  if (index === 0) return true;
  return SENTENCE_BREAK.test(text.slice(tokens[index - 1]!.end, tokens[index]!.start));
}

/** A gap between two words that ends a sentence. */
const SENTENCE_BREAK = /[.!?]["'”’)»]*\s|\n/u;

/** Sentence number of each token (a new sentence after `.`, `!`, `?` or a line break). */
function sentenceIds(text: string, tokens: WordToken[]): Int32Array {
  const ids = new Int32Array(tokens.length);
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0) {
      const from = tokens[i - 1]!.end;
      const to = tokens[i]!.start;
      // Most gaps are one space: no sentence break, no slice.
      if (!(to - from === 1 && text.charCodeAt(from) === 0x20) && SENTENCE_BREAK.test(text.slice(from, to))) id++;
    }
    ids[i] = id;
  }
  return ids;
}

export type { GazetteerEntry };
