/**
 * Name clean-up applied to the imported entries once they are all built: systematic rules that
 * drop source names which would make the normalizer rewrite correct English text, the hand list
 * `dropNames` for what no rule catches, and the English names of `englishNames` added as
 * preferred spellings (both in `overrides.json`). Pure and deterministic; unit-tested in
 * test/gazetteer/import.test.ts.
 *
 * The rules (a name is dropped when it is not the entry's canonical name, nor an English name):
 * - `short`: a Latin name of one or two letters (`No` for Ho, `Sol` is caught by `english-word`);
 *   such names match far too much text.
 * - `generic-word`: a Latin name of unknown language (`und`) and type `variant` whose last word is a
 *   lower-case common noun of some language (`Biškek oš`, `Abu-Dabi khot`, `Tallinna linn`,
 *   `Dubai emiraat`, `Juzhnaja stolica`): a description ("X city", "southern capital"), not a name.
 *   In other scripts, only when the last word is one of `genericWords` (`Бишкек ош`).
 * - `english-word`: a Latin name every word of which is an ordinary English word (`Human` for Uman,
 *   `Tour` for Tours, `Federal Capital`): never safe to act on.
 * - `other-entity`: a Latin name that is the canonical name of another well-known entity (a
 *   country, region or city, or any curated entry): `Irtysh` listed for the town of Ertis is the
 *   river, `Talas` listed for Taraz is the Kyrgyz city, `Aral Sea` listed for the town of Aral is the sea.
 */
import type { EntityKind, EntryName, GazetteerEntry } from '../../src/gazetteer/types.js';
import { foldKey } from '../../src/normalize/fold.js';
import { makeCuratedEnglishName, mergeNames } from './names.js';
import { NATIVE_LANGS } from './places.js';

/** Why a name was dropped. */
export type JunkReason = 'short' | 'generic-word' | 'english-word' | 'other-entity' | 'hand';

/** Kinds whose canonical names are well known enough to claim a spelling from other entries. */
export const WELL_KNOWN_KINDS: ReadonlySet<EntityKind> = new Set(['country', 'region', 'city']);

/** What the rules need to know beyond the entry itself. */
export interface JunkContext {
  /** True when every word of the text is an ordinary English word (the normalizer's `isCommonEnglish`). */
  isCommonEnglish: (text: string) => boolean;
  /** Folded canonical name → ids of the well-known entries that have it. */
  wellKnown: ReadonlyMap<string, ReadonlySet<string>>;
  /** Hand list: entry id → names to drop (with every spelling that folds alike). */
  dropNames?: Readonly<Record<string, readonly string[]>>;
  /** Generic words that end junk names of unknown language in non-Latin scripts (`Бишкек ош`). */
  genericWords?: ReadonlySet<string>;
  /** Hand list: entry id → names the sources mark preferred that are old spellings to normalize. */
  variantNames?: Readonly<Record<string, readonly string[]>>;
  /** Names a source marks current that are the place's former names (`Alma-Ata`, `Pishpek`), by entry id. */
  historicNames?: Readonly<Record<string, readonly string[]>>;
  /** Hand list: entry id → Russian names the sources lack (`Синьцзян`, the short name of Xinjiang), added as preferred. */
  russianNames?: Readonly<Record<string, readonly string[]>>;
}

/** Folded canonical names of well-known entries (see `WELL_KNOWN_KINDS`), plus every entry of `curated`. */
export function wellKnownCanonicals(imported: Iterable<GazetteerEntry>, curated: Iterable<GazetteerEntry>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (entry: GazetteerEntry) => {
    const key = foldKey(entry.name);
    const ids = out.get(key) ?? new Set<string>();
    ids.add(entry.id);
    out.set(key, ids);
  };
  for (const entry of imported) if (WELL_KNOWN_KINDS.has(entry.kind)) add(entry);
  for (const entry of curated) add(entry);
  return out;
}

const LETTERS = /\p{L}/gu;
/** A lower-case last word of letters (a trailing apostrophe allowed: `oblast'`), no hyphen. */
const GENERIC_TAIL = /\s\p{Ll}+['’]?$/u;

/** Why `name` of `entry` is junk, or undefined when it stays. */
export function junkReason(name: EntryName, entry: Pick<GazetteerEntry, 'id' | 'name'>, context: JunkContext): JunkReason | undefined {
  const folded = foldKey(name.text);
  if (folded === foldKey(entry.name)) return undefined;
  // Hand drops take every spelling that folds alike (`Roma`, `Róma`).
  if (context.dropNames?.[entry.id]?.some((text) => foldKey(text) === folded)) return 'hand';
  const english = name.lang === 'en' || name.lang.startsWith('en-');
  if (english) return undefined;
  if (name.script !== 'Latn') {
    // Lower-case nouns are part of many Cyrillic names (`Новая деревня`): only listed words count.
    const last = name.text.split(' ');
    return name.lang === 'und' && name.type === 'variant' && last.length > 1 && context.genericWords?.has(last.at(-1)!) ? 'generic-word' : undefined;
  }
  if ((name.text.match(LETTERS) ?? []).length <= 2) return 'short';
  if (name.lang === 'und' && name.type === 'variant' && GENERIC_TAIL.test(name.text)) return 'generic-word';
  if (context.isCommonEnglish(name.text)) return 'english-word';
  const owners = context.wellKnown.get(folded);
  if (owners && !owners.has(entry.id)) return 'other-entity';
  return undefined;
}

/**
 * The entry with its junk names removed and its `englishNames` added as English preferred names
 * (replacing a listed name of the same spelling in another language), counting drops by reason.
 */
export function cleanEntryNames(
  entry: GazetteerEntry,
  context: JunkContext,
  englishNames: readonly string[] = [],
  counts: Partial<Record<JunkReason, number>> = {},
): GazetteerEntry {
  const kept: EntryName[] = [];
  const variants = context.variantNames?.[entry.id];
  const historic = context.historicNames?.[entry.id];
  for (const name of entry.names) {
    const reason = junkReason(name, entry, context);
    if (reason) counts[reason] = (counts[reason] ?? 0) + 1;
    // `Ashkhabad`, an English name of Ashgabat before 1992 that WOF still marks preferred, is a
    // variant: the normalizer rewrites it to the canonical name rather than keeping it.
    else if (variants?.includes(name.text)) kept.push({ ...name, type: 'variant' });
    // `Alma-Ata` (`Алма-Ата`), Almaty's name until 1993, is a former name: the normalizer holds
    // it (a text may be about the past, `the Alma-Ata Declaration`) and its spellings with it.
    else if (historic?.includes(name.text)) kept.push({ ...name, type: 'historic' });
    else kept.push(name);
  }
  const added = englishNames.map(makeCuratedEnglishName).filter((name): name is EntryName => name !== undefined);
  if (added.length < englishNames.length) throw new Error(`${entry.id}: unusable English name in overrides.json englishNames`);
  for (const text of context.russianNames?.[entry.id] ?? []) {
    if (!/^[\p{Script=Cyrillic} -]+$/u.test(text)) throw new Error(`${entry.id}: ${text} in overrides.json russianNames is not a Cyrillic name`);
    added.push({ text, lang: 'ru', script: 'Cyrl', type: 'preferred', source: 'curated' });
  }
  const addedKeys = new Set(added.map((name) => name.text.toLowerCase()));
  const names = mergeNames([...added, ...kept.filter((name) => !addedKeys.has(name.text.toLowerCase()))], NATIVE_LANGS[entry.country ?? ''] ?? []);
  return { ...entry, names };
}
