/**
 * Generated news-like English for the normalizer's benchmark and the fuzzy-index check: filler
 * words, prominent names of the gazetteer written correctly, garbled the way MT garbles them, and
 * made-up capitalized names that match nothing. Deterministic for a given `random`.
 */
import type { Gazetteer } from '../../src/gazetteer/index.js';

/** Lower-case filler of news prose (and one capitalized weekday, as sentence-internal capitals occur). */
export const FILLER_WORDS = (
  'the of and to in a for on that with was said by as at from officials government minister border security ' +
  'talks agreement water energy prices week year on Tuesday new region city capital residents report police court ' +
  'economy trade rail gas exports parliament deputies vote law bill president meeting summit visit ministry'
).split(' ');

const SYLLABLES = ['ka', 'ra', 'mo', 'ze', 'tur', 'bek', 'lin', 'do', 'sha', 'vo', 'ni', 'ur'];

/** Names of the entities a news text names most: countries, regions, institutions, people, big places. */
export function prominentNames(gazetteer: Gazetteer): string[] {
  return gazetteer.entries
    .filter((entry) => ['country', 'region', 'legislature', 'media', 'person'].includes(entry.kind) || (entry.prominence ?? 0) > 200_000)
    .map((entry) => entry.name);
}

/** Mutate a name the way MT garbles it: drop a letter, swap two, change a vowel. */
export function garble(name: string, random: () => number): string {
  const i = 1 + Math.floor(random() * Math.max(1, name.length - 2));
  switch (Math.floor(random() * 3)) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + (name[i + 1] ?? '') + (name[i] ?? '') + name.slice(i + 2);
    default:
      return name.slice(0, i) + 'aeiou'[Math.floor(random() * 5)] + name.slice(i + 1);
  }
}

/** A capitalized made-up name of 2 to `maxSyllables` syllables (`Karamobek`). */
export function madeUpName(random: () => number, maxSyllables = 3): string {
  let word = '';
  for (let i = 0; i < 2 + Math.floor(random() * (maxSyllables - 1)); i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A paragraph of 120 words: 6% prominent names, 1% garbled ones, 2% made-up names, filler
 * otherwise, with sentence breaks; the first letter capitalized.
 */
export function newsParagraph(random: () => number, prominent: readonly string[], unknown: readonly string[]): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const words: string[] = [];
  for (let i = 0; i < 120; i++) {
    const roll = random();
    if (roll < 0.06) words.push(pick(prominent));
    else if (roll < 0.07) words.push(garble(pick(prominent), random));
    else if (roll < 0.09) words.push(pick(unknown));
    else words.push(pick(FILLER_WORDS));
    if (random() < 0.07) words[words.length - 1] += '.';
  }
  const paragraph = `${words.join(' ')}.`;
  return paragraph.charAt(0).toUpperCase() + paragraph.slice(1);
}
