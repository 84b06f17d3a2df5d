import fc from 'fast-check';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { sharesEnoughBigrams } from '../../src/normalize/ngram.js';
import { DeleteIndex, deleteVariants } from '../../src/normalize/symspell.js';
import { NameIndex, type IndexHit } from '../../src/normalize/name-index.js';
import { fixtureGazetteer } from './fixtures.js';

const KEYS = ['turkmenistan', 'uzbekistan', 'tajikistan', 'asgabat', 'biskek', 'osh', 'Jogorku kenes', 'santiago de cile'];

function indexOf(keys: readonly string[], depth = 2, prefixLength?: number): DeleteIndex<string> {
  const index = new DeleteIndex<string>(depth, prefixLength);
  for (const key of keys) index.add(key, key.toUpperCase());
  return index;
}

const near = (index: DeleteIndex<string>, query: string, maxEdits: number) => index.near(query, maxEdits).map((hit) => hit.key).sort();

/** Fewest deletions from each string that leave a common string: both lengths minus their LCS. */
function deleteDistance(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  const common = row[b.length]!;
  return Math.max(a.length - common, b.length - common);
}

describe('delete index', () => {
  it('finds the keys within the edit budget and no others', () => {
    const index = indexOf(KEYS);
    // Substitution, insertion, deletion, adjacent swap: one edit each.
    expect(near(index, 'turkmenistam', 1)).toEqual(['turkmenistan']);
    expect(near(index, 'turkmennistan', 1)).toEqual(['turkmenistan']);
    expect(near(index, 'turkmnistan', 1)).toEqual(['turkmenistan']);
    expect(near(index, 'turkemnistan', 1)).toEqual(['turkmenistan']);
    // Two letters swapped at a distance are two substitutions: found at two edits only.
    expect(near(index, 'asbagat', 1)).toEqual([]);
    expect(near(index, 'asbagat', 2)).toEqual(['asgabat']);
    // A fractional budget is rounded up (a weighted budget of 1.6 allows two plain edits).
    expect(near(index, 'tajikistanxy', 1.6)).toEqual(['tajikistan']);
    expect(near(index, 'tajikistanxy', 1)).toEqual([]);
    // The budget bounds the query's deletions; keys always bring their `depth` deletions.
    expect(near(index, 'tajkistn', 1)).toEqual(['tajikistan']);
    // Three edits are out of reach of an index of depth 2, whatever the budget.
    expect(near(index, 'tjkstn', 3)).toEqual([]);
    expect(near(index, 'ralinsha', 2)).toEqual([]);
    expect(index.near('biskekk', 1)).toEqual([{ key: 'biskek', payloads: ['BISKEK'] }]);
  });

  it('matches multi-word keys, spaces counting as characters', () => {
    const index = indexOf(KEYS);
    expect(near(index, 'Jogorku kenez', 1)).toEqual(['Jogorku kenes']);
    expect(near(index, 'Jogorkukenes', 1)).toEqual(['Jogorku kenes']);
    expect(near(index, 'santiago de cuaa', 2)).toEqual(['santiago de cile']);
    expect(near(index, 'sontiegu de cile', 2)).toEqual([]);
    // Edits past the first 12 characters are not seen by the index: the caller verifies.
    expect(near(index, 'santiago de xxxxx', 2)).toEqual(['santiago de cile']);
  });

  it('finds edits beyond the hashed prefix of long keys', () => {
    const index = indexOf(KEYS, 2, 4);
    expect(near(index, 'turkmenistna', 1)).toEqual(['turkmenistan']);
    expect(near(index, 'turkmenistn', 1)).toEqual(['turkmenistan']);
    // The prefix only widens the candidates: verification (the caller's) removes the rest.
    expect(near(index, 'tajiki', 2)).toEqual(['tajikistan']);
  });

  it('keeps depth and payloads: one deletion per key at depth 1, payloads added to known keys', () => {
    const index = indexOf(KEYS, 1);
    expect(near(index, 'asbagat', 2)).toEqual([]);
    expect(near(index, 'osh', 1)).toEqual(['osh']);
    index.add('osh', 'OSH CITY');
    expect(index.near('oh', 1)).toEqual([{ key: 'osh', payloads: ['OSH', 'OSH CITY'] }]);
    expect(index.size).toBe(KEYS.length);
    // Each distinct delete once: 'osh' and its three 2-letter deletes; at depth 2 also 's', 'h', 'o'.
    expect(indexOf(['osh'], 1).deleteCount).toBe(4);
    expect(indexOf(['osh'], 2).deleteCount).toBe(7);
    expect(() => new DeleteIndex(3)).toThrow(RangeError);
  });

  it('finds every key within the delete distance, with or without a short prefix (property)', () => {
    // Strings longer than the depth: the empty string is never a delete (no match through nothing in common).
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', ' '), minLength: 3, maxLength: 9 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 25 }), word, fc.constantFrom(1, 2), fc.constantFrom(3, 5, 12), (keys, query, depth, prefixLength) => {
        const index = indexOf(keys, depth, prefixLength);
        const found = new Set(near(index, query, depth));
        for (const key of keys) if (deleteDistance(query, key) <= depth) expect(found).toContain(key);
        // With the whole strings hashed, the candidates are exactly the keys sharing a delete string.
        const full = indexOf(keys, depth, 64);
        const queryDeletes = deleteVariants(query, depth);
        const sharing = keys.filter((key) => [...deleteVariants(key, depth)].some((variant) => queryDeletes.has(variant))).sort();
        expect(near(full, query, depth)).toEqual(sharing);
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });

  it('round-trips through its stored form', () => {
    const index = indexOf(KEYS);
    const restored = DeleteIndex.restore(deserialize(serialize(index.store((payload) => KEYS.indexOf(payload.toLowerCase())))), (id) => `#${id}`);
    expect(restored.size).toBe(index.size);
    expect(restored.deleteCount).toBe(index.deleteCount);
    for (const query of ['turkemnistan', 'asbagat', 'Jogorkukenes', 'ralinsha']) {
      expect(near(restored, query, 2)).toEqual(near(index, query, 2));
    }
    expect(restored.near('biskekk', 1)).toEqual([{ key: 'biskek', payloads: [`#${KEYS.indexOf('biskek')}`] }]);
    const empty = DeleteIndex.restore(deserialize(serialize(new DeleteIndex<string>().store(() => 0))), String);
    expect(empty.size).toBe(0);
    expect(empty.near('biskek', 2)).toEqual([]);
  });
});

describe('bigram count filter', () => {
  it('is the bigram index rule: shared distinct padded bigrams ≥ max(|Q|, |K|) − 2 × edits', () => {
    // An adjacent swap breaks three bigrams: more than one edit allows.
    expect(sharesEnoughBigrams('tehrna', 'tehran', 1)).toBe(false);
    expect(sharesEnoughBigrams('tehrna', 'tehran', 2)).toBe(true);
    expect(sharesEnoughBigrams('biskek', 'biskekk', 1)).toBe(true);
    expect(sharesEnoughBigrams('biskek', 'biskekkk', 1)).toBe(false);
  });
});

describe('fuzzy lookups of the name index', () => {
  const index = new NameIndex(fixtureGazetteer());
  const summary = (hits: IndexHit[]) => [...new Set(hits.map((hit) => `${hit.alias.alias.text} ${hit.alias.entry.id} ${hit.cost}`))].sort();

  it('finds garbled names within the budget of their length', () => {
    expect(summary(index.lookupFuzzy('turkemnistan'))).toEqual(['Turkmenistan country:tm 0.8']);
    expect(summary(index.lookupFuzzy('ashbagat'))).toEqual(['Ashgabat city:ashgabat 1.2']);
    expect(summary(index.lookupFuzzy('bshkek'))).toEqual(['Bishkek city:bishkek 0.8']);
    expect(summary(index.lookupFuzzy('tirmiz'))).toEqual(['Termiz city:termez 0.5']);
  });

  it('finds nothing outside the budget, nor for made-up names', () => {
    expect(index.lookupFuzzy('bshkek', 0.5)).toEqual([]);
    expect(index.lookupFuzzy('turkmenstanxy')).toEqual([]);
    expect(index.lookupFuzzy('maskow')).toEqual([]);
    for (const name of ['ralinsha', 'karamobek', 'urlinsha', 'urlinsha karamobek']) expect(index.lookupFuzzy(name)).toEqual([]);
  });

  it('finds multi-word names when a word is spelled like a word of one', () => {
    expect(summary(index.lookupFuzzy('zogorku kenes'))).toEqual(['Jogorku Kenesh kg-jogorku-kenesh 0.6', 'Zhogorku Kenesh kg-jogorku-kenesh 0.6']);
    // Each skeleton of the query (`J…` and `i…`: `j` may be `i`) reports its own cost.
    expect(summary(index.lookupFuzzy('jokargy kenes of karakalpakstna'))).toEqual([
      'Jokargy Kenes of Karakalpakstan uz-jokargy-kenes 0.8',
      'Jokargy Kenes of Karakalpakstan uz-jokargy-kenes 1.4',
    ]);
  });

  it('finds stems exactly, and near ones within a budget of 1', () => {
    expect(summary(index.lookupStem('surhandar', 0))).toEqual(['Surkhandarya region:surkhandarya 0']);
    expect(summary(index.lookupStem('surhandr', 1))).toEqual(['Surkhandarya region:surkhandarya 0.8']);
    expect(index.lookupStem('surhandr', 0)).toEqual([]);
    expect(summary(index.lookupStem('uzbekistn', 1))).toEqual(['Uzbekistan country:uz 0.8']);
  });

  it('looks up the same after a store and restore', () => {
    const restored = new NameIndex(index.gazetteer, {}, deserialize(serialize(index.store())));
    for (const query of ['turkemnistan', 'ashbagat', 'zogorku kenes', 'ralinsha', 'mirzijojev', 'zaparov']) {
      expect(summary(restored.lookupFuzzy(query))).toEqual(summary(index.lookupFuzzy(query)));
    }
    expect(summary(restored.lookupStem('surhandr', 1))).toEqual(summary(index.lookupStem('surhandr', 1)));
    expect(restored.stats()).toEqual(index.stats());
  });
});
