/**
 * Names carried across translation. Before translating, gazetteer entities are found in the
 * source text through their native-script names, inflected forms included (`Жогорку Кенеша`
 * for the name `Жогорку Кенеш`), and handed to the normalizer as `EntityHint`s. Optionally the
 * names are also protected: replaced by a placeholder the model copies, and the canonical
 * English name is put back in the translation.
 */
import type { EntityHint } from '../document.js';
import type { Alias, Gazetteer } from '../gazetteer/types.js';
import inflection from './data/inflection.json' with { type: 'json' };
import { modelLanguage } from './languages.js';

const MIN_STEM = inflection.minStem;
/** All endings, longest first (the language of a name is not always known). */
const ENDINGS = [...new Set(Object.values(inflection.endings as Record<string, string[]>).flat())].sort((a, b) => b.length - a.length);

/** `[form in the text, gazetteer name]` pairs that must match, and pairs that must not (tests). */
export const inflectionSamples = inflection.samples as Array<[string, string]>;
export const inflectionNonMatches = inflection.nonMatches as Array<[string, string]>;

/** Lower case, `ё` → `е`, apostrophe variants unified: the form words are compared in. */
export function foldWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/[ʻʼ’‘`']/g, 'ʼ');
}

/**
 * The stems of a folded word: itself, minus one ending, minus two stacked endings (a Kyrgyz
 * possessive then a case: `кеңешинин` → `кеңеши` → `кеңеш`). Each stem maps to the number of
 * letters stripped.
 */
export function stems(word: string, depth = 2): Map<string, number> {
  const out = new Map([[word, 0]]);
  const strip = (form: string, left: number) => {
    if (left === 0) return;
    for (const ending of ENDINGS) {
      if (form.length - ending.length >= MIN_STEM && form.endsWith(ending)) {
        const stem = form.slice(0, -ending.length);
        if (!out.has(stem)) out.set(stem, word.length - stem.length);
        strip(stem, left - 1);
      }
    }
  };
  strip(word, depth);
  return out;
}

/** At least this share of an inflected text word must be the stem it shares with the name. */
const MIN_STEM_SHARE = 0.5;

/**
 * How well an inflected text word matches a name word, in (0, 1): the share of the text word
 * that is their common stem; 0 when they share no stem or too little of it. The name word
 * loses at most one ending, the text word at most two.
 */
function inflectedScore(textStems: Map<string, number>, textLength: number, nameStems: Map<string, number>): number {
  let best = 0;
  for (const [stem] of nameStems) {
    if (!textStems.has(stem)) continue;
    const share = stem.length / textLength;
    if (share >= MIN_STEM_SHARE && share > best) best = share;
  }
  return best;
}

/** How a text word matches a name word: exactly (folded), as an inflected form, or not. */
export function matchWord(textWord: string, nameWord: string): 'exact' | 'inflected' | undefined {
  const a = foldWord(textWord);
  const b = foldWord(nameWord);
  if (a === b) return 'exact';
  if (a.length < MIN_STEM + 1 || b.length < MIN_STEM + 1) return undefined;
  return inflectedScore(stems(a), a.length, stems(b, 1)) > 0 ? 'inflected' : undefined;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[ʻʼ’'-][\p{L}\p{M}\p{N}]+)*/gu;

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

interface NameWord {
  folded: string;
  stems: Map<string, number> | undefined;
  /** The name writes this word with a capital: the text must too (Cyrillic proper nouns are capitalized). */
  capital: boolean;
}

interface IndexedName {
  alias: Alias;
  words: NameWord[];
}

/** The source-language names of a gazetteer, indexed by a short prefix of their first word. */
export interface NameIndex {
  byPrefix: Map<string, IndexedName[]>;
}

const PREFIX = 3;
const CAPITAL = /^\p{Lu}/u;

function nameWord(word: string): NameWord {
  const folded = foldWord(word);
  return { folded, stems: folded.length >= MIN_STEM + 1 ? stems(folded, 1) : undefined, capital: CAPITAL.test(word) };
}

/**
 * Index the names of `gazetteer` that can occur in a `from` text: every listed name not in
 * Latin script, and Latin-script names in the source language itself (Uzbek Latin, Turkish...).
 */
export function indexSourceNames(gazetteer: Gazetteer, from: string): NameIndex {
  const source = modelLanguage(from);
  const byPrefix = new Map<string, IndexedName[]>();
  const wordCache = new Map<string, NameWord>();
  for (const alias of gazetteer.aliases) {
    if (alias.origin !== 'name') continue;
    if (alias.script === 'Latn' && modelLanguage(alias.lang) !== source) continue;
    const nameWords = words(alias.text).map((w) => {
      let cached = wordCache.get(w.text);
      if (!cached) wordCache.set(w.text, (cached = nameWord(w.text)));
      return cached;
    });
    if (nameWords.length === 0) continue;
    const key = nameWords[0]!.folded.slice(0, PREFIX);
    const bucket = byPrefix.get(key);
    if (bucket) bucket.push({ alias, words: nameWords });
    else byPrefix.set(key, [{ alias, words: nameWords }]);
  }
  return { byPrefix };
}

/** Confidence of a hint whose every word matched exactly, and of one with inflected words. */
const EXACT_CONFIDENCE = 1;
const INFLECTED_CONFIDENCE = 0.9;

interface TextWord extends Word {
  folded: string;
  capital: boolean;
  stems?: Map<string, number>;
}

/** 1 for an exact (folded) match, the inflected score in (0, 1), or 0 for no match. */
function matchTextWord(word: TextWord, name: NameWord): number {
  if (name.capital && !word.capital) return 0;
  if (word.folded === name.folded) return 1;
  if (!name.stems || word.folded.length < MIN_STEM + 1) return 0;
  word.stems ??= stems(word.folded);
  return inflectedScore(word.stems, word.folded.length, name.stems);
}

/**
 * Find gazetteer entities in a source-language text. A name word written with a capital must
 * be capitalized in the text too. Longest match wins at each position; matches do not
 * overlap. Offsets index `text`.
 */
export function findEntityHints(text: string, index: NameIndex): EntityHint[] {
  const tokens: TextWord[] = words(text).map((w) => ({ ...w, folded: foldWord(w.text), capital: CAPITAL.test(w.text) }));
  const hints: EntityHint[] = [];
  let i = 0;
  while (i < tokens.length) {
    // The longest name wins; among names as long, the closest match (whole words over stems).
    let best: { hint: EntityHint; length: number; score: number } | undefined;
    for (const candidate of index.byPrefix.get(tokens[i]!.folded.slice(0, PREFIX)) ?? []) {
      const n = candidate.words.length;
      if (i + n > tokens.length || (best && best.length > n)) continue;
      let score = 0;
      let inflected = false;
      for (let k = 0; k < n; k++) {
        const word = matchTextWord(tokens[i + k]!, candidate.words[k]!);
        // Words of one name are separated by spaces or hyphens only, not by sentence punctuation.
        if (word === 0 || (k > 0 && !/^[\s\-‐–]*$/u.test(text.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start)))) {
          score = -1;
          break;
        }
        if (word < 1) inflected = true;
        score += word;
      }
      if (score < 0 || (best && best.length === n && best.score >= score)) continue;
      const start = tokens[i]!.start;
      const end = tokens[i + n - 1]!.end;
      best = {
        length: n,
        score,
        hint: { entity: candidate.alias.entity, text: text.slice(start, end), start, end, confidence: inflected ? INFLECTED_CONFIDENCE : EXACT_CONFIDENCE },
      };
    }
    if (best) {
      hints.push(best.hint);
      i += best.length;
    } else i++;
  }
  return hints;
}

/** A name replaced by a placeholder in one sentence. */
export interface Placeholder {
  token: string;
  entity: string;
  /** The canonical English name put back after translation. */
  name: string;
  /** The source text it replaced. */
  source: string;
}

/** The placeholder for the n-th protected name of a sentence: Latin capitals and digits, which models copy. */
export function placeholderToken(n: number): string {
  return `XZ${n}`;
}

const PLACEHOLDER = /(?<![\p{L}\p{N}])XZ(\d+)(?![\p{N}])/gu;

/**
 * Replace the hinted names inside `sentence` (which starts at `offset` in the text the hints
 * index) by placeholders.
 */
export function protectNames(sentence: string, offset: number, hints: readonly EntityHint[], gazetteer: Gazetteer): { text: string; placeholders: Placeholder[] } {
  const placeholders: Placeholder[] = [];
  let out = '';
  let cursor = 0;
  for (const hint of hints) {
    const start = hint.start - offset;
    const end = hint.end - offset;
    if (start < cursor || end > sentence.length) continue;
    const name = gazetteer.get(hint.entity)?.name;
    if (!name) continue;
    const token = placeholderToken(placeholders.length + 1);
    placeholders.push({ token, entity: hint.entity, name, source: hint.text });
    out += sentence.slice(cursor, start) + token;
    cursor = end;
  }
  return { text: out + sentence.slice(cursor), placeholders };
}

/** Put the canonical names back; returns the text and the placeholders the model lost. */
export function restoreNames(translation: string, placeholders: readonly Placeholder[]): { text: string; lost: Placeholder[] } {
  const byNumber = new Map(placeholders.map((p) => [p.token, p]));
  const seen = new Set<string>();
  const text = translation.replace(PLACEHOLDER, (token: string) => {
    const placeholder = byNumber.get(token);
    if (!placeholder) return token;
    seen.add(token);
    return placeholder.name;
  });
  return { text, lost: placeholders.filter((p) => !seen.has(p.token)) };
}
