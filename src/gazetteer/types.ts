/**
 * The gazetteer data model. This file is the contract between the gazetteer (which loads,
 * validates and expands entries) and its consumers (normalizer, translator, CLI).
 */

export const ENTITY_KINDS = [
  'country', 'region', 'district', 'city', 'town', 'village', 'legislature', 'government-body',
  'party', 'media', 'org', 'militant-group', 'person', 'other',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const NAME_TYPES = ['official', 'preferred', 'variant', 'abbreviation', 'historic', 'colloquial', 'misspelling'] as const;
export type NameType = (typeof NAME_TYPES)[number];

/** One name of an entity as written in some language and script. */
export interface EntryName {
  text: string;
  /** BCP-47 language tag (`ru`, `uz-Latn`, `ky`, `en`, `und`). */
  lang: string;
  /** ISO 15924 script (`Latn`, `Cyrl`, `Arab`...). */
  script: string;
  type: NameType;
  /** Where this name comes from (`wof`, `geonames`, `curated`...). */
  source?: string;
}

/** External identifiers. */
export interface ExternalIds {
  wikidata?: string;
  geonames?: string;
  wof?: string;
  [scheme: string]: string | undefined;
}

/** One gazetteer entry, as stored in `gazetteers/*.jsonl` (one per line, sorted by id). */
export interface GazetteerEntry {
  /** Stable id: `wof:85680397`, `geonames:1215957`, or a slug such as `kg-jogorku-kenesh`. */
  id: string;
  /** Canonical English name. */
  name: string;
  kind: EntityKind;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** Id of the containing entity. */
  parent?: string;
  names: EntryName[];
  /** Words that make this entity likelier when they occur nearby (`parliament`, `Bishkek`). */
  context?: string[];
  /** Prominence prior: population for places, a rank (1 = most prominent) scale otherwise; see README. */
  prominence?: number;
  ids?: ExternalIds;
  sources?: string[];
  note?: string;
  /** Ids merged into this one (they resolve here). */
  merged?: string[];
}

/** How an alias was obtained. */
export type AliasOrigin =
  /** The canonical English name. */
  | 'canonical'
  /** A name listed on the entry (any language or script). */
  | 'name'
  /** A Latin spelling generated from a native-script name (romanization scheme, morphology...). */
  | 'generated';

/**
 * A spelling under which an entity can be found, with its provenance so a fix can cite it.
 * Aliases are produced by the gazetteer from entries; consumers build their own indexes on them.
 */
export interface Alias {
  text: string;
  entity: string;
  origin: AliasOrigin;
  /** The name type when `origin` is `name`; `generated` names are variants, or `historic` when made from a former name. */
  type: NameType | 'canonical';
  lang: string;
  script: string;
  /** For generated aliases: the scheme (`bgn-pcgn`, `iso9`, `italian`, `ru-adjective`...). */
  scheme?: string;
  /** For generated aliases: the native-script name it was made from. */
  from?: string;
  /**
   * True when the alias is an ordinary English word (`Nice`, `Bar`, `Reading`, `Mobile`, `Of`):
   * consumers must never auto-replace text on the strength of this alias alone.
   */
  common?: boolean;
}

/** How a lookup matched. */
export type MatchHow = 'exact' | 'folded' | 'romanization' | 'morphology' | 'fuzzy';

/** A lookup result: the entity, the alias that matched and how. */
export interface LookupMatch {
  entry: GazetteerEntry;
  alias: Alias;
  how: MatchHow;
  /** In [0, 1]; 1 for an exact match. */
  score: number;
  /** Free-form details (scheme, folded key, edit cost...). */
  detail?: string;
}

/** A loaded gazetteer: entries plus every alias (names and generated spellings) with provenance. */
export interface Gazetteer {
  readonly entries: readonly GazetteerEntry[];
  /** Every alias of every entry, generated spellings included. */
  readonly aliases: readonly Alias[];
  /** An entry by id; ids merged into another entry resolve to it. */
  get(id: string): GazetteerEntry | undefined;
  /** The aliases of one entry. */
  aliasesOf(id: string): readonly Alias[];
  /** Exact and romanization-aware lookup of a name, best first. */
  lookup(name: string): LookupMatch[];
  /** How the gazetteer was built or loaded (set by `loadGazetteer`). */
  readonly info?: GazetteerInfo;
}

/** Where a loaded gazetteer came from and what it cost. */
export interface GazetteerInfo {
  /** Source files in load order (later files override earlier entries with the same id). */
  files: string[];
  /** `hit`: read from the compiled index cache; `miss`: built and cached; `off`: built, caching disabled or failed. */
  cache: 'hit' | 'miss' | 'off';
  /** The cache file used, if any. */
  cacheFile?: string;
  /** Milliseconds spent loading (reading, hashing, parsing or deserializing, indexing). */
  loadMs: number;
  /** Milliseconds per step (`read`, `hash`, `cache-read`, `deserialize`, `parse`, `expand`, `index`, `cache-write`, `assemble`). */
  timings?: Record<string, number>;
}
