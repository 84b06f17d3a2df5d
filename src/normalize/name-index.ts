/**
 * The normalizer's index over a gazetteer's aliases. Built once per gazetteer; every lookup is a
 * hash lookup (folded key, romanization skeleton, stem) or a SymSpell delete lookup (fuzzy: hashed
 * deletes in typed arrays, see `symspell.ts`), never a scan of the alias list.
 */
import * as iuliia from 'iuliia';
import type { Alias, Gazetteer, GazetteerEntry } from '../gazetteer/index.js';
import { DeleteIndex, type StoredDeleteIndex } from './symspell.js';
import { sharesEnoughBigrams } from './ngram.js';
import { foldKey, isLatinText, querySkeletons, skeletonOfFolded } from './fold.js';
import { swapCost, weightedDistance } from './distance.js';
import { isCommonEnglish } from './rules.js';
// A cycle (index-cache builds NameIndex), used only inside functions: safe under ESM.
import { loadNameIndex } from './index-cache.js';

/** How the index obtained an alias it holds beyond the gazetteer's own list. */
export type DerivedKind = 'surname' | 'short' | 'iuliia';

/** An alias as the index holds it. */
export interface IndexedAlias {
  alias: Alias;
  entry: GazetteerEntry;
  folded: string;
  /** Romanization skeleton (Latin aliases only; '' otherwise). */
  skeleton: string;
  /** Prominence prior of the entity in [0, 1]. */
  prior: number;
  /** The alias is an ordinary English word or phrase: never replaced automatically. */
  common: boolean;
  /**
   * True when the alias is a correct English name (canonical, an English official/preferred name,
   * an abbreviation...): text written this way is left alone.
   */
  keep: boolean;
  /** What the alias stands for in the output: the canonical name, or its last word for surnames. */
  replacement: string;
  /** Set for aliases the index derived itself. */
  derived?: DerivedKind;
}

/** A candidate found by a lookup, with the weighted edit cost of the match. */
export interface IndexHit {
  alias: IndexedAlias;
  cost: number;
}

/** Options of the index. */
export interface NameIndexOptions {
  /** Entities below this prior are not in the fuzzy index (default 0.65: cities of about 17,000 people and more, regions, countries, organizations). */
  fuzzyMinPrior?: number;
}

/** Generic words that follow a place name in its English canonical name (`Akmola Region`). */
export const DESIGNATORS = ['Region', 'Province', 'Oblast', 'District', 'Viloyati', 'Velayat', 'Krai', 'Autonomous Republic'];
const DESIGNATOR_RE = new RegExp(` (?:${DESIGNATORS.join('|')})$`, 'u');

/** The canonical name without a trailing designator (`Akmola Region` → `Akmola`), or undefined. */
export function shortPlaceName(name: string): string | undefined {
  const short = name.replace(DESIGNATOR_RE, '');
  return short !== name && short.length >= 3 ? short : undefined;
}

/**
 * Languages whose Latin names are romanizations the skeleton and fuzzy matching apply to
 * (Western European exonyms such as `Usbekistan` only match exactly).
 */
const ROMANIZABLE_LANGS = new Set(['en', 'und', 'ru', 'uk', 'be', 'uz', 'tk', 'kk', 'ky', 'tg', 'az', 'tt', 'ba', 'mn', 'fa', 'ps', 'ug', 'kaa']);

/** Generated romanization schemes whose spellings look English; their skeletons are indexed. */
const ENGLISH_LIKE_SCHEMES = new Set([
  'bgn-pcgn', 'wikipedia', 'icao', 'ala-lc', 'telegram', 'ru-simplified', 'tg-bgn', 'ky-bgn', 'kk-english', 'uz-english', 'ky-plain',
  'tg-plain', 'ungegn', 'yandex-maps', 'gost-52290', 'mvd-310', 'en-admin', 'ru-adjective', 'ru-case', 'uz-latin', 'kk-latin',
]);

const PLACE_KINDS = new Set(['country', 'region', 'district', 'city', 'town', 'village']);

/** Letter pairs the skeleton reads as one letter, which a typo can make (see `lookupFuzzy`). */
const TYPO_DIGRAPH = /ts|tz|cz|sz/u;

/** The prominence prior of an entry in [0, 1] (countries and regions high, villages low). */
export function entityPrior(entry: GazetteerEntry): number {
  const p = entry.prominence;
  switch (entry.kind) {
    case 'country':
      return 1;
    case 'region':
      return 0.9;
    case 'city':
    case 'town':
    case 'village':
    case 'district':
      if (p === undefined || p <= 0) return entry.kind === 'district' ? 0.6 : 0.45;
      return Math.max(0.2, Math.min(1, Math.log10(p) / 6.5));
    case 'party':
      // Parties share their names with places and movements and are rarely what a garble means.
      return 0.6;
    default:
      if (p === undefined || p <= 0) return 0.75;
      // Ranks: 1 is the most prominent.
      return p <= 100 ? Math.max(0.6, 1 - (p - 1) * 0.02) : 0.6;
  }
}

/** True when an entity is a place. */
export function isPlaceKind(kind: string): boolean {
  return PLACE_KINDS.has(kind);
}

/** Strip trailing vowels from the last word of a skeleton: the key of a stem. */
export function stemOfSkeleton(skeleton: string): string {
  return skeleton.replace(/[aeiou]+$/u, '');
}

/** True for English (`en`, `en-GB`...). */
export function isEnglishLang(lang: string): boolean {
  return lang === 'en' || lang.startsWith('en-');
}

/**
 * Countries whose own names reach English through Russian in MT: a listed Latin name of theirs
 * spelled with Russian `dzh` (`Dzhalal-Abad`, `Dzhizak`) is the Russian romanization, not the
 * English name (`Jalal-Abad`), though a source marks it preferred.
 */
const RUSSIAN_ROMANIZED_COUNTRIES: ReadonlySet<string> = new Set(['KZ', 'KG', 'UZ', 'TJ', 'TM', 'AZ', 'GE', 'AM']);

/** A Russian adjective in `-sk-` (`Suzakskiy`, `Demokraticheskaya`), in BGN/PCGN or scholarly letters. */
const RUSSIAN_SK_ADJECTIVE = /sk(?:iy|ij|aya|aja|oye|oe|oje)$/u;

/** A Ukrainian adjective before the word for its unit (`Kharkivska oblast`, `Bilhorod-Dnistrovskyi raion`). */
const UKRAINIAN_ADJECTIVE_UNIT = /^[\p{L}'’-]+(?:sk|zk|tsk)(?:a|yi|yy|ij) (?:oblast|raion|rayon|hromada)$/iu;

function isKeepable(alias: Alias, entry: GazetteerEntry): boolean {
  if (alias.origin === 'canonical') return true;
  // English administrative forms (`Surkhandarya Region`) are correct English.
  if (alias.origin === 'generated') return alias.scheme === 'en-admin';
  if (alias.script !== 'Latn') return false;
  // `Suzakskiy`, `Krasnoyarskiy`, `Demokraticheskaya Partiya Rossii`: a name that opens with a
  // Russian adjective the English name does not have is Russian, though a source marks it English
  // or preferred (district and party names, mostly).
  const firstWord = (name: string) => name.slice(0, name.search(/[\s-]|$/u)).toLowerCase();
  if (RUSSIAN_SK_ADJECTIVE.test(firstWord(alias.text)) && !RUSSIAN_SK_ADJECTIVE.test(firstWord(entry.name))) return false;
  // `Kharkivska oblast`, `Odeska oblast`: the Ukrainian adjective form, romanized, is no more
  // English than the Russian one (`Kharkovskaya oblast`), though GeoNames lists it preferred.
  if (UKRAINIAN_ADJECTIVE_UNIT.test(alias.text) && !UKRAINIAN_ADJECTIVE_UNIT.test(entry.name)) return false;
  const english = isEnglishLang(alias.lang);
  switch (alias.type) {
    case 'misspelling':
      return false;
    case 'variant':
      return false;
    case 'abbreviation':
      // An organization's own acronym in its language's Latin letters (`TDH`, `UKMK`) is how English
      // news cites it too; one transliterated from Russian (`ODKB` for CSTO) is MT leaving it untranslated.
      return alias.lang.split('-')[0] !== 'ru';
    case 'preferred':
    case 'official':
      if (!english && alias.lang === 'und' && RUSSIAN_ROMANIZED_COUNTRIES.has(entry.country ?? '') && /dzh/iu.test(alias.text) && !/dzh/iu.test(entry.name)) return false;
      return english || alias.lang === 'und';
    default:
      return english;
  }
}

/** Fuzzy-match budget for a skeleton of this many letters. */
export function maxFuzzyCost(letters: number): number {
  if (letters < 5) return 0.5;
  if (letters < 7) return 1;
  if (letters < 10) return 1.6;
  return 2;
}

/** The normalizer's index over one gazetteer. */
export class NameIndex {
  readonly gazetteer: Gazetteer;
  private exact = new AliasBuckets();
  private skeletons = new AliasBuckets();
  private stems = new AliasBuckets();
  /** Skeletons of prominent names by their deletes: budgets reach 2, so two deletions. */
  private fuzzy = new DeleteIndex<IndexedAlias>(2);
  /** Stems by their deletes: stem budgets are at most 1 (`lookupStem`), so one deletion. */
  private fuzzyStems = new DeleteIndex<IndexedAlias>(1);
  /** Every indexed alias in the order added, with where it went (`IN_*` bits): what the disk cache stores. */
  private readonly added: IndexedAlias[] = [];
  private readonly placed: number[] = [];
  private restoredAt?: (row: number) => IndexedAlias;
  private restoredCount = 0;
  private restoredPlaced?: Uint8Array;
  /**
   * Context-free readings of spans already looked up, shared by every document normalized with
   * this index (the normalizer owns the values; bounded, cleared when full).
   */
  readonly spanCache = new Map<string, unknown>();
  /** One `EntryView` per entry, made on first use (see `entry`). */
  private readonly entryViews = new Map<string, GazetteerEntry>();
  /** Skeletons of the words of multi-word aliases in the fuzzy index (a multi-word span needs one). */
  /** Words of the multi-word fuzzy keys, each with its place (see `wordAt`). */
  private readonly fuzzyWords = new Set<string>();
  /**
   * Whether fuzzy candidates must also pass the bigram count filter (see `lookupFuzzy`). Off: the
   * weighted distance alone decides. A switch for measuring what the filter changes.
   */
  bigramFilter = false;
  /** Longest alias in words (spans longer than this are not looked up). */
  maxWords = 1;
  private readonly gazetteerMarksCommon: boolean = false;
  /** Number of aliases indexed (gazetteer's plus derived). */
  aliasCount = 0;
  /** Milliseconds spent building. */
  readonly buildMs: number;

  /**
   * Build the index of a gazetteer (seconds for the built-in one), or restore it from its stored
   * form (see `loadNameIndex`, which caches it on disk).
   */
  constructor(gazetteer: Gazetteer, options: NameIndexOptions = {}, stored?: StoredNameIndex) {
    const started = performance.now();
    this.gazetteer = gazetteer;
    if (stored) {
      this.restore(stored);
      this.buildMs = performance.now() - started;
      return;
    }
    const fuzzyMinPrior = options.fuzzyMinPrior ?? 0.65;
    const generatedByGazetteer = gazetteer.aliases.some((alias) => alias.origin === 'generated');
    // An upgraded gazetteer marks common-word aliases itself (`common: true`); trust it then.
    this.gazetteerMarksCommon = generatedByGazetteer;
    const priors = new Map<string, number>();
    for (const entry of gazetteer.entries) priors.set(entry.id, entityPrior(entry));

    for (const alias of gazetteer.aliases) {
      // English text carries Latin and (untranslated) Cyrillic names; other scripts are not looked up.
      if (alias.script !== 'Latn' && alias.script !== 'Cyrl') continue;
      const entry = this.entry(alias.entity);
      if (!entry) continue;
      const prior = priors.get(entry.id) ?? 0.5;
      this.addAlias(alias, entry, prior, fuzzyMinPrior);
      if (!generatedByGazetteer && alias.script === 'Cyrl') {
        // The gazetteer does not generate romanized spellings yet: make the usual ones here.
        if (prior < 0.55 || !ROMANIZABLE_LANGS.has(alias.lang.split('-')[0]!)) continue;
        for (const [scheme, schema] of [['bgn-pcgn', iuliia.BGN_PCGN], ['wikipedia', iuliia.WIKIPEDIA]] as const) {
          const text = iuliia.translate(alias.text, schema);
          this.addAlias({ text, entity: entry.id, origin: 'generated', type: 'variant', lang: alias.lang, script: 'Latn', scheme, from: alias.text }, entry, prior, fuzzyMinPrior, 'iuliia');
        }
      }
    }
    for (const source of gazetteer.entries) {
      const entry = this.entry(source.id)!;
      const prior = priors.get(entry.id) ?? 0.5;
      const short = shortPlaceName(entry.name);
      if (short) {
        this.addAlias({ text: short, entity: entry.id, origin: 'canonical', type: 'canonical', lang: 'en', script: 'Latn' }, entry, prior, fuzzyMinPrior, 'short');
      }
      if (entry.kind === 'person') {
        const words = entry.name.split(/\s+/u);
        const surname = words[words.length - 1]!;
        if (words.length > 1 && surname.length >= 4) {
          this.addAlias({ text: surname, entity: entry.id, origin: 'canonical', type: 'canonical', lang: 'en', script: 'Latn' }, entry, prior, fuzzyMinPrior, 'surname');
          for (const alias of gazetteer.aliasesOf(entry.id)) {
            const parts = alias.text.split(/\s+/u);
            const last = parts[parts.length - 1]!;
            if (parts.length > 1 && alias.script === 'Latn' && last.length >= 4 && last !== surname) {
              this.addAlias({ ...alias, text: last }, entry, prior, fuzzyMinPrior, 'surname');
            }
          }
        }
      }
    }
    // The delete tables now, so that building costs what it costs and lookups never pause.
    this.fuzzy.freeze();
    this.fuzzyStems.freeze();
    this.buildMs = performance.now() - started;
  }

  /**
   * The entry of an id (merged ids resolve), as every indexed alias holds it: an `EntryView`,
   * the same object on every call.
   */
  entry(id: string): GazetteerEntry | undefined {
    const source = this.gazetteer.get(id);
    if (source === undefined) return undefined;
    let view = this.entryViews.get(source.id);
    if (view === undefined) this.entryViews.set(source.id, (view = new EntryView(source)));
    return view;
  }

  private addAlias(alias: Alias, entry: GazetteerEntry, prior: number, fuzzyMinPrior: number, derived?: DerivedKind): void {
    const keep = isKeepable(alias, entry);
    // Other names of small places are never applied (nor looked up by skeleton): only their correct
    // English names matter, to leave them alone. Skipping the rest keeps the index small.
    if (prior < 0.5 && !keep && alias.text !== entry.name) return;
    const folded = foldKey(alias.text);
    if (folded.length < 2) return;
    const latin = isLatinText(alias.text);
    const romanizable =
      latin && prior >= 0.5 && entry.kind !== 'village' &&
      (alias.origin !== 'generated' || alias.scheme === undefined || ENGLISH_LIKE_SCHEMES.has(alias.scheme)) &&
      (alias.origin !== 'name' || ROMANIZABLE_LANGS.has(alias.lang.split('-')[0]!));
    const skeleton = romanizable ? skeletonOfFolded(folded) : '';
    const canonicalWords = entry.name.split(/\s+/u);
    const aliasWords = alias.text.split(/\s+/u).length;
    // A person named by fewer words than the canonical name (`Tokaev`) becomes as many last words (`Tokayev`).
    const replacement =
      derived === 'surname' || (entry.kind === 'person' && alias.script === 'Latn' && aliasWords < canonicalWords.length)
        ? canonicalWords.slice(-Math.max(1, derived === 'surname' ? 1 : aliasWords)).join(' ')
        : entry.name;
    const explicitCommon = this.gazetteerMarksCommon ? (alias as Alias & { common?: boolean }).common === true : undefined;
    const indexed: IndexedAlias = {
      alias,
      entry,
      folded,
      skeleton,
      prior,
      common: explicitCommon ?? (latin && isCommonEnglish(alias.text)),
      keep,
      replacement,
      // Always present, as on restored aliases: one shape for all.
      derived: derived || undefined,
    };
    this.exact.push(folded, indexed);
    this.aliasCount++;
    const slot = this.added.length;
    this.added.push(indexed);
    this.placed.push(0);
    const wordCount = countSpaces(folded) + 1;
    if (wordCount > this.maxWords) this.maxWords = Math.min(6, wordCount);
    // Skeleton, stem and fuzzy keys only for romanization-like names of entities that are not
    // tiny places: a garble is far likelier to be a known city than a village of 300 people.
    if (!latin || skeleton.length < 2 || prior < 0.5 || entry.kind === 'village') return;
    if (alias.origin === 'name' && !ROMANIZABLE_LANGS.has(alias.lang.split('-')[0]!)) return;
    // Foreign-orthography spellings (Polish, French...) fold to the same skeleton as the English
    // ones: matching them exactly is enough, and keeping them out keeps the index small.
    if (alias.origin === 'generated' && alias.scheme !== undefined && !ENGLISH_LIKE_SCHEMES.has(alias.scheme)) return;
    this.skeletons.push(skeleton, indexed);
    this.placed[slot]! |= IN_SKELETONS;
    if (alias.scheme === 'ru-case') return;
    const letters = skeleton.replace(/ /g, '').length;
    const eligible = prior >= fuzzyMinPrior && !indexed.common;
    if (eligible && letters >= 5 && letters <= 32) {
      this.fuzzy.add(skeleton, indexed);
      if (wordCount > 1) skeleton.split(' ').forEach((word, at) => this.fuzzyWords.add(wordAt(wordCount, at, word)));
    }
    const stem = stemOfSkeleton(skeleton);
    const lastWord = stem.slice(stem.lastIndexOf(' ') + 1);
    if (lastWord.length >= 4 && derived !== 'surname') {
      this.stems.push(stem, indexed);
      this.placed[slot]! |= IN_STEMS;
      if (eligible && stem.replace(/ /g, '').length >= 5) this.fuzzyStems.add(stem, indexed);
    }
  }

  /**
   * True when a name of several words may start with this folded word (no spaces): some
   * multi-word alias starts with it, as written or as a romanization skeleton or stem. When none
   * does, a span that starts with the word can only be a name through a fuzzy match of its other
   * words.
   */
  startsMultiWordName(word: string): boolean {
    if (this.exact.hasKeyWithFirstWord(word)) return true;
    for (const skeleton of querySkeletons(word)) {
      if (this.skeletons.hasKeyWithFirstWord(skeleton) || this.stems.hasKeyWithFirstWord(skeleton)) return true;
    }
    return false;
  }

  /** Aliases whose folded form equals `folded`. */
  lookupExact(folded: string): readonly IndexedAlias[] {
    return this.exact.get(folded) ?? NO_ALIASES;
  }

  /** Aliases sharing a romanization skeleton with the folded query. */
  lookupSkeleton(folded: string): IndexHit[] {
    const hits: IndexHit[] = [];
    for (const skeleton of querySkeletons(folded)) {
      for (const alias of this.skeletons.get(skeleton) ?? []) hits.push({ alias, cost: 0 });
    }
    return hits;
  }

  /**
   * Aliases within the fuzzy budget of the folded query (default `maxFuzzyCost` of its letters),
   * with their weighted cost (`weightedDistance`, or `swapCost` for two letters swapped at a
   * distance). Candidates come from the delete index, which finds every key within
   * `ceil(budget)` plain edits (at most 2); a match needing more plain edits than that, even if
   * cheap when weighted (three vowel changes), is not found.
   *
   * With `bigramFilter`, candidates must also pass the count filter of the bigram index this one
   * replaced (`sharesEnoughBigrams`). It was on until Nov 25: it drops true matches (an adjacent
   * swap breaks three bigrams, one more than a budget of 1 allows, so `Batkne` did not find
   * `Batken`), and without it the eval gained that fix, no wrong one and no false change, at no
   * measurable cost in time (`scripts/check-fuzzy.ts --bigram-filter` shows what it changes).
   */
  lookupFuzzy(folded: string, budget?: number): IndexHit[] {
    const hits: IndexHit[] = [];
    const skeletons = querySkeletons(folded);
    for (const skeleton of skeletons) this.fuzzyHits(skeleton, budget, hits);
    // `Uzbekistsn`, `Ekibastz`: a typo that makes a digraph of `ts`, `tz`, `cz` or `sz` (one
    // letter of the skeleton) moves the skeleton further from the name than the letters are; when
    // the skeleton finds nothing, the letters are looked up as one.
    if (hits.length === 0 && TYPO_DIGRAPH.test(folded) && /^[a-z ]+$/u.test(folded)) this.fuzzyHits(folded, budget, hits);
    return hits;
  }

  /** Fuzzy hits of one skeleton-like key, added to `hits`. */
  private fuzzyHits(skeleton: string, budget: number | undefined, hits: IndexHit[]): void {
    const fuzzy = this.fuzzy;
    // A multi-word span is only worth a fuzzy lookup when one of its words is spelled like a
    // word of a multi-word name (`Zogorku Kenes`: `kenes` is a word of `Zhogorku Kenesh`).
    // Where it stands in a name of as many words: a name's word elsewhere is no evidence.
    if (skeleton.includes(' ')) {
      const words = skeleton.split(' ');
      if (!words.some((word, at) => this.fuzzyWords.has(wordAt(words.length, at, word)))) return;
    }
    const max = budget ?? maxFuzzyCost(letterCount(skeleton));
    if (max <= 0) return;
    const count = fuzzy.candidates(skeleton, max);
    const found = fuzzy.found;
    for (let i = 0; i < count; i++) {
      const id = found[i]!;
      const key = fuzzy.keyAt(id);
      // The count filter first: it is ~10x cheaper than the distance and rejects most candidates.
      if (this.bigramFilter && !sharesEnoughBigrams(skeleton, key, max)) continue;
      const cost = Math.min(weightedDistance(skeleton, key, max), swapCost(skeleton, key));
      if (cost > max) continue;
      for (const alias of fuzzy.payloadsAt(id)) hits.push({ alias, cost });
    }
  }

  /**
   * Aliases whose stem (skeleton without final vowels) is the query stem (cost 0), or within
   * `fuzzyBudget` of it (at most 1: the stem index holds one deletion per stem).
   */
  lookupStem(stem: string, fuzzyBudget: number): IndexHit[] {
    const hits: IndexHit[] = [];
    for (const alias of this.stems.get(stem) ?? []) hits.push({ alias, cost: 0 });
    if (fuzzyBudget > 0 && letterCount(stem) >= 5) {
      const fuzzyStems = this.fuzzyStems;
      const count = fuzzyStems.candidates(stem, fuzzyBudget);
      const found = fuzzyStems.found;
      for (let i = 0; i < count; i++) {
        const id = found[i]!;
        const key = fuzzyStems.keyAt(id);
        if (key === stem || (this.bigramFilter && !sharesEnoughBigrams(stem, key, fuzzyBudget))) continue;
        const cost = weightedDistance(stem, key, fuzzyBudget);
        if (cost === Infinity) continue;
        for (const alias of fuzzyStems.payloadsAt(id)) hits.push({ alias, cost });
      }
    }
    return hits;
  }

  /** The index in plain arrays and strings, for `v8.serialize` (see `index-cache.ts`). */
  store(): StoredNameIndex {
    if (this.restoredAt) {
      for (let i = this.added.length; i < this.restoredCount; i++) {
        this.added.push(this.restoredAt(i));
        this.placed.push(this.restoredPlaced![i]! & (IN_SKELETONS | IN_STEMS));
      }
    }
    const n = this.added.length;
    const ids = new Map<IndexedAlias, number>(this.added.map((alias, i) => [alias, i]));
    const entryIds: string[] = [];
    const entryIndex = new Map<string, number>();
    const metas: StoredAliasMeta[] = [];
    const metaIndex = new Map<string, number>();
    const strings: string[] = [];
    const stringIndex = new Map<string, number>();
    const intern = (value: string): number => {
      let i = stringIndex.get(value);
      if (i === undefined) {
        i = strings.length;
        strings.push(value);
        stringIndex.set(value, i);
      }
      return i;
    };
    const entry = new Int32Array(n);
    const meta = new Int32Array(n);
    const text = new Int32Array(n);
    const entity = new Int32Array(n);
    const from = new Int32Array(n);
    const folded = new Int32Array(n);
    const skeleton = new Int32Array(n);
    const replacement = new Int32Array(n);
    const prior = new Float64Array(n);
    const flags = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const indexed = this.added[i]!;
      const a = indexed.alias as Alias & { common?: boolean };
      let e = entryIndex.get(indexed.entry.id);
      if (e === undefined) {
        e = entryIds.length;
        entryIds.push(indexed.entry.id);
        entryIndex.set(indexed.entry.id, e);
      }
      entry[i] = e;
      const metaKey = `${a.origin}\0${a.type}\0${a.lang}\0${a.script}\0${a.scheme ?? '\u0001'}\0${a.common === undefined ? '' : a.common ? 1 : 0}`;
      let m = metaIndex.get(metaKey);
      if (m === undefined) {
        m = metas.length;
        metaIndex.set(metaKey, m);
        const record: StoredAliasMeta = { origin: a.origin, type: a.type, lang: a.lang, script: a.script };
        if (a.scheme !== undefined) record.scheme = a.scheme;
        if (a.common !== undefined) record.common = a.common;
        metas.push(record);
      }
      meta[i] = m;
      entity[i] = a.entity === indexed.entry.id ? -1 : intern(a.entity);
      text[i] = intern(a.text);
      from[i] = a.from === undefined ? -1 : intern(a.from);
      folded[i] = intern(indexed.folded);
      skeleton[i] = intern(indexed.skeleton);
      replacement[i] = intern(indexed.replacement);
      prior[i] = indexed.prior;
      flags[i] = this.placed[i]! | (indexed.common ? IS_COMMON : 0) | (indexed.keep ? IS_KEEP : 0) | (indexed.derived === undefined ? 0 : DERIVED_KINDS.indexOf(indexed.derived) << DERIVED_SHIFT);
    }
    const idOf = (alias: IndexedAlias): number => ids.get(alias)!;
    return {
      exact: this.exact.store(intern, idOf), skeletons: this.skeletons.store(intern, idOf), stems: this.stems.store(intern, idOf),
      count: n, entryIds, metas, strings, entry, entity, meta, text, from, folded, skeleton, replacement, prior, flags,
      fuzzy: this.fuzzy.store(idOf), fuzzyStems: this.fuzzyStems.store(idOf),
      fuzzyWords: [...this.fuzzyWords], maxWords: this.maxWords,
    };
  }

  private restore(stored: StoredNameIndex): void {
    const { strings, entryIds } = stored;
    // Aliases are made on first use: loading allocates nothing per alias.
    const made = new Array<IndexedAlias | undefined>(stored.count);
    const aliasAt = (i: number): IndexedAlias => {
      let indexed = made[i];
      if (indexed) return indexed;
      const flags = stored.flags[i]!;
      const stub = new StoredAlias(this, stored, i, entryIds[stored.entry[i]!]!, strings[stored.folded[i]!]!, strings[stored.skeleton[i]!]!, stored.prior[i]!, (flags & IS_COMMON) !== 0, (flags & IS_KEEP) !== 0, strings[stored.replacement[i]!]!);
      const derivedCode = flags >> DERIVED_SHIFT;
      if (derivedCode > 0) stub.derived = DERIVED_KINDS[derivedCode]!;
      return (made[i] = indexed = stub);
    };
    this.restoredAt = aliasAt;
    this.exact = AliasBuckets.restore(stored.exact, strings, aliasAt);
    this.skeletons = AliasBuckets.restore(stored.skeletons, strings, aliasAt);
    this.stems = AliasBuckets.restore(stored.stems, strings, aliasAt);
    this.fuzzy = DeleteIndex.restore(stored.fuzzy, aliasAt);
    this.fuzzyStems = DeleteIndex.restore(stored.fuzzyStems, aliasAt);
    for (const word of stored.fuzzyWords) this.fuzzyWords.add(word);
    this.maxWords = stored.maxWords;
    this.aliasCount = stored.count;
    this.restoredCount = stored.count;
    this.restoredPlaced = stored.flags;
  }

  /** The keys of the fuzzy index (skeletons), for the benchmark. */
  fuzzyKeys(): readonly string[] {
    return Array.from({ length: this.fuzzy.size }, (_, id) => this.fuzzy.keyAt(id));
  }

  /** Sizes of the parts of the index (for the benchmark and `--debug`). */
  stats(): Record<string, number> {
    return {
      aliases: this.aliasCount,
      foldedKeys: this.exact.size,
      skeletonKeys: this.skeletons.size,
      stemKeys: this.stems.size,
      fuzzyKeys: this.fuzzy.size,
      fuzzyDeletes: this.fuzzy.deleteCount,
      fuzzyStemKeys: this.fuzzyStems.size,
      fuzzyStemDeletes: this.fuzzyStems.deleteCount,
      maxWords: this.maxWords,
    };
  }
}

/** What `lookupExact` returns for a key it does not hold (most spans): one shared empty list. */
const NO_ALIASES: readonly IndexedAlias[] = [];

const IN_SKELETONS = 1;
const IN_STEMS = 2;
const IS_COMMON = 4;
const IS_KEEP = 8;
const DERIVED_SHIFT = 4;
/** Derived kinds by code (0: not derived). */
const DERIVED_KINDS: ReadonlyArray<DerivedKind | undefined> = [undefined, 'surname', 'short', 'iuliia'];

/** What an alias shares with others of its kind (entity, origin, type...), stored once. */
interface StoredAliasMeta {
  origin: Alias['origin'];
  type: Alias['type'];
  lang: string;
  script: string;
  scheme?: string;
  common?: boolean;
}

/**
 * The index in plain arrays (one row per indexed alias, strings as indices into `strings`), the
 * form cached on disk. Entries are not stored: they are fetched from the gazetteer by id on first
 * use, so loading never decodes the whole gazetteer.
 */
export interface StoredNameIndex {
  count: number;
  entryIds: string[];
  metas: StoredAliasMeta[];
  strings: string[];
  entry: Int32Array;
  /** The alias's `entity` when it is not the entry's id (a merged id): index into `strings`, else -1. */
  entity: Int32Array;
  meta: Int32Array;
  text: Int32Array;
  /** Index into `strings`, or -1. */
  from: Int32Array;
  folded: Int32Array;
  skeleton: Int32Array;
  replacement: Int32Array;
  prior: Float64Array;
  /** `IN_SKELETONS | IN_STEMS | IS_COMMON | IS_KEEP | derived << DERIVED_SHIFT`. */
  flags: Uint8Array;
  exact: StoredBuckets;
  skeletons: StoredBuckets;
  stems: StoredBuckets;
  fuzzy: StoredDeleteIndex;
  fuzzyStems: StoredDeleteIndex;
  fuzzyWords: string[];
  maxWords: number;
}

/** Buckets in plain arrays: key `strings[keys[b]]` holds rows `ids[starts[b] .. starts[b + 1])`. */
interface StoredBuckets {
  keys: Int32Array;
  starts: Int32Array;
  ids: Int32Array;
  /** The buckets by key (see `hashTable`), stored so that restoring hashes no key. */
  table: Int32Array;
  /** For each first word of a multi-word key, one bucket whose key starts with it (see `hashTable`). */
  heads: Int32Array;
}

/**
 * An open-addressing hash table of buckets by a string (a key, or a key's first word): the slot
 * `keyHash(string) & (size - 1)`, or the first free one after it (linear probing), holds the
 * bucket `b` as `b + 1`; empty slots hold 0. At most half full, so that a miss (most lookups:
 * spans are seldom names) meets an empty slot within a probe or two.
 */
function hashTable(entries: ReadonlyArray<readonly [string, number]>): Int32Array {
  let size = 2;
  while (size < 2 * entries.length) size *= 2;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (const [text, b] of entries) {
    let slot = keyHash(text) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = b + 1;
  }
  return table;
}

/**
 * A 32-bit hash of a string's UTF-16 code units (FNV-1a, then murmur3's finalizer so that the low
 * bits a table slot takes are well mixed). Stored tables depend on it: changing it changes the
 * cache format.
 */
function keyHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The first word of a multi-word key, or undefined for a key of one word. */
function firstWordOf(key: string): string | undefined {
  const space = key.indexOf(' ');
  return space > 0 ? key.slice(0, space) : undefined;
}

/**
 * Aliases by key: a map of lists while building. Restored from the cache, keys are found through
 * stored hash tables (loading hashes nothing) and each list is made on first use.
 */
class AliasBuckets {
  /** Lists of the keys that are not restored ones (all of them, unless restored). */
  private lists = new Map<string, IndexedAlias[]>();
  private stored?: { keys: string[]; buckets: StoredBuckets; aliasAt: (row: number) => IndexedAlias; made: Array<IndexedAlias[] | undefined> };
  /** The first words of the multi-word keys in `lists`, made on first use. */
  private heads?: Set<string>;

  get size(): number {
    return (this.stored?.keys.length ?? 0) + this.lists.size;
  }

  push(key: string, alias: IndexedAlias): void {
    const list = this.get(key);
    if (list) list.push(alias);
    else this.lists.set(key, [alias]);
    this.heads = undefined;
  }

  /**
   * True when some key of several words starts with this word (which has no spaces): a longer
   * span starting with that word may be a key.
   */
  hasKeyWithFirstWord(word: string): boolean {
    if (this.stored) {
      const { keys, buckets } = this.stored;
      const heads = buckets.heads;
      const mask = heads.length - 1;
      for (let slot = keyHash(word) & mask; heads[slot] !== 0; slot = (slot + 1) & mask) {
        const key = keys[heads[slot]! - 1]!;
        if (key.length > word.length && key.charCodeAt(word.length) === 0x20 && key.startsWith(word)) return true;
      }
    }
    if (this.heads === undefined) {
      this.heads = new Set();
      for (const key of this.lists.keys()) {
        const head = firstWordOf(key);
        if (head !== undefined) this.heads.add(head);
      }
    }
    return this.heads.has(word);
  }

  /** The restored bucket of a key, or -1. */
  private bucketOf(key: string): number {
    const { keys, buckets } = this.stored!;
    const table = buckets.table;
    const mask = table.length - 1;
    for (let slot = keyHash(key) & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
      const b = table[slot]! - 1;
      if (keys[b] === key) return b;
    }
    return -1;
  }

  get(key: string): IndexedAlias[] | undefined {
    if (this.stored) {
      const b = this.bucketOf(key);
      if (b >= 0) {
        const { buckets, aliasAt, made } = this.stored;
        let list = made[b];
        if (list === undefined) {
          list = [];
          for (let i = buckets.starts[b]!; i < buckets.starts[b + 1]!; i++) list.push(aliasAt(buckets.ids[i]!));
          made[b] = list;
        }
        return list;
      }
    }
    return this.lists.get(key);
  }

  store(intern: (text: string) => number, idOf: (alias: IndexedAlias) => number): StoredBuckets {
    const order = [...(this.stored?.keys ?? []), ...this.lists.keys()];
    const keys = new Int32Array(order.length);
    const starts = new Int32Array(order.length + 1);
    const ids: number[] = [];
    const heads = new Map<string, number>();
    order.forEach((key, b) => {
      keys[b] = intern(key);
      starts[b] = ids.length;
      for (const alias of this.get(key)!) ids.push(idOf(alias));
      const head = firstWordOf(key);
      if (head !== undefined && !heads.has(head)) heads.set(head, b);
    });
    starts[order.length] = ids.length;
    return { keys, starts, ids: Int32Array.from(ids), table: hashTable(order.map((key, b) => [key, b])), heads: hashTable([...heads]) };
  }

  static restore(buckets: StoredBuckets, strings: readonly string[], aliasAt: (row: number) => IndexedAlias): AliasBuckets {
    const isTableSize = (size: number) => size >= 2 && (size & (size - 1)) === 0;
    if (!isTableSize(buckets.table.length) || buckets.table.length < 2 * buckets.keys.length || !isTableSize(buckets.heads.length)) {
      throw new RangeError('stored alias buckets are inconsistent');
    }
    const restored = new AliasBuckets();
    const keys = new Array<string>(buckets.keys.length);
    for (let b = 0; b < buckets.keys.length; b++) keys[b] = strings[buckets.keys[b]!]!;
    restored.stored = { keys, buckets, aliasAt, made: new Array<IndexedAlias[] | undefined>(keys.length) };
    return restored;
  }
}

/** An indexed alias restored from the cache: its alias and entry are decoded on first use. */
class StoredAlias implements IndexedAlias {
  private decodedAlias?: Alias;
  private decodedEntry?: GazetteerEntry;
  derived?: DerivedKind;

  constructor(
    private readonly index: NameIndex,
    private readonly stored: StoredNameIndex,
    private readonly row: number,
    private readonly entryId: string,
    readonly folded: string,
    readonly skeleton: string,
    readonly prior: number,
    readonly common: boolean,
    readonly keep: boolean,
    readonly replacement: string,
  ) {}

  get alias(): Alias {
    if (this.decodedAlias) return this.decodedAlias;
    const { stored, row } = this;
    const m = stored.metas[stored.meta[row]!]!;
    const entity = stored.entity[row]!;
    const from = stored.from[row]!;
    // Every optional key present: one hidden class for all aliases (see `rawCandidate` in the normalizer).
    const alias: Alias = {
      text: stored.strings[stored.text[row]!]!,
      entity: entity >= 0 ? stored.strings[entity]! : this.entryId,
      origin: m.origin,
      type: m.type,
      lang: m.lang,
      script: m.script,
      scheme: m.scheme,
      from: from >= 0 ? stored.strings[from]! : undefined,
      common: m.common,
    };
    return (this.decodedAlias = alias);
  }

  get entry(): GazetteerEntry {
    if (this.decodedEntry) return this.decodedEntry;
    const entry = this.index.entry(this.entryId);
    if (!entry) throw new Error(`normalizer index: entry '${this.entryId}' is not in the gazetteer`);
    return (this.decodedEntry = entry);
  }
}

/**
 * An entry as the index hands it out: every field of `GazetteerEntry` present (undefined when the
 * entry lacks it), in one order, so that all entries share one hidden class. Entries decoded from
 * the gazetteer carry the keys their source has, in dozens of combinations; the normalizer's code
 * that reads `entry.kind` and `entry.country` across them met a new combination every so often
 * on a first pass over a corpus, and the JIT threw away and recompiled its largest functions each
 * time (`--trace-deopt`: 122 deoptimizations and 5 s of compiling on the benchmark's text). The
 * names are read from the source entry, lazily, as it decodes them.
 */
class EntryView implements GazetteerEntry {
  readonly #source: GazetteerEntry;
  id: string;
  name: string;
  kind: GazetteerEntry['kind'];
  country: string | undefined;
  parent: string | undefined;
  context: string[] | undefined;
  prominence: number | undefined;
  ids: GazetteerEntry['ids'];
  sources: string[] | undefined;
  note: string | undefined;
  merged: string[] | undefined;

  constructor(source: GazetteerEntry) {
    this.#source = source;
    this.id = source.id;
    this.name = source.name;
    this.kind = source.kind;
    this.country = source.country;
    this.parent = source.parent;
    this.context = source.context;
    this.prominence = source.prominence;
    this.ids = source.ids;
    this.sources = source.sources;
    this.note = source.note;
    this.merged = source.merged;
  }

  get names(): GazetteerEntry['names'] {
    return this.#source.names;
  }
}

/** A word of a multi-word key with its place in a key of `count` words (`3:0:zhogorku`). */
function wordAt(count: number, at: number, word: string): string {
  return `${count}:${at}:${word}`;
}

/** Letters of a skeleton (its length without spaces), without making a string. */
function letterCount(text: string): number {
  return text.length - countSpaces(text);
}

function countSpaces(text: string): number {
  let n = 0;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

const cache = new WeakMap<Gazetteer, NameIndex>();

/**
 * The index of a gazetteer, loaded on first use (from the disk cache when the gazetteer came from
 * its own compiled cache, see `loadNameIndex`) and shared afterwards.
 */
export function indexFor(gazetteer: Gazetteer): NameIndex {
  let index = cache.get(gazetteer);
  if (!index) cache.set(gazetteer, (index = loadNameIndex(gazetteer).index));
  return index;
}
