import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { deserializeFromCache, unpack, type PackedStrings } from '../../src/gazetteer/cache.js';
import type { Gazetteer } from '../../src/gazetteer/index.js';
import { loadNameIndex, nameIndexCacheFile } from '../../src/normalize/index-cache.js';
import { NameIndex } from '../../src/normalize/name-index.js';
import { foldKey } from '../../src/normalize/fold.js';
import { normalizeText } from '../../src/normalize/normalizer.js';
import { commonEnglishWords, useStoredCommonEnglishWords } from '../../src/normalize/rules.js';
import { fixtureGazetteer } from './fixtures.js';

const TEXT = [
  'The Zogorku Kenes met in Bishkek on Monday; deputies of the Kenesthe budget committee spoke.',
  'Officials from Surkhardarinsk and Termez travelled to Ashbagat, then v Moskve, said Golos Ameriki.',
  'Šavkat Mirzijojev and Žaparov spoke; Radio Azattyq and Jokargy Kenes were not mentioned by theTurkmen side.',
].join('\n\n');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The fixture gazetteer as if loaded through the gazetteer's compiled cache in a fresh directory. */
function cachedGazetteer(): { gazetteer: Gazetteer; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'transnorm-index-cache-'));
  dirs.push(dir);
  const base = fixtureGazetteer();
  const gazetteer = Object.create(base, { info: { value: { files: [], cache: 'hit', cacheFile: join(dir, 'gazetteer-0123abcd.v8'), loadMs: 0 } } }) as Gazetteer;
  return { gazetteer, dir };
}

describe('normalizer index cache', () => {
  it('a stored and restored index decides exactly like the built one', () => {
    const gazetteer = fixtureGazetteer();
    const built = new NameIndex(gazetteer);
    const restored = new NameIndex(gazetteer, {}, deserialize(serialize(built.store())));
    const twice = new NameIndex(gazetteer, {}, deserialize(serialize(restored.store())));
    const expected = normalizeText(TEXT, built);
    expect(expected.changes.length).toBeGreaterThan(3);
    expect(normalizeText(TEXT, restored)).toEqual(expected);
    expect(normalizeText(TEXT, twice)).toEqual(expected);
    expect(restored.stats()).toEqual(built.stats());
  });

  it('hands out every entry in one shape, the same object each time, built or restored', () => {
    const gazetteer = fixtureGazetteer();
    const built = new NameIndex(gazetteer);
    const restored = new NameIndex(gazetteer, {}, deserialize(serialize(built.store())));
    // The fixture's entries carry different sets of keys (a country has no parent, a person no prominence).
    const sourceKeys = new Set(gazetteer.entries.map((entry) => Object.keys(entry).join(',')));
    expect(sourceKeys.size).toBeGreaterThan(1);
    const shape = 'id,name,kind,country,parent,context,prominence,ids,sources,note,merged';
    for (const index of [built, restored]) {
      for (const source of gazetteer.entries) {
        const entry = index.entry(source.id)!;
        expect(Object.keys(entry).join(',')).toBe(shape);
        expect(index.entry(source.id)).toBe(entry);
        expect({ ...entry, names: entry.names }).toEqual(source);
        for (const alias of index.lookupExact(foldKey(source.name))) if (alias.entry.id === source.id) expect(alias.entry).toBe(entry);
      }
    }
  });

  it('builds and writes the index once, then reads it from the cache directory', () => {
    const { gazetteer, dir } = cachedGazetteer();
    const first = loadNameIndex(gazetteer);
    expect(first.source).toBe('built');
    const file = nameIndexCacheFile(gazetteer)!;
    expect(readdirSync(dir)).toEqual([file.slice(dir.length + 1)]);
    const second = loadNameIndex(gazetteer);
    expect(second.source).toBe('cache');
    expect(normalizeText(TEXT, second.index)).toEqual(normalizeText(TEXT, first.index));
  });

  it('stores the common English word list with the index, in its order', () => {
    const { gazetteer } = cachedGazetteer();
    loadNameIndex(gazetteer);
    const stored = deserializeFromCache(readFileSync(nameIndexCacheFile(gazetteer)!)) as { packed: { englishWords: PackedStrings } };
    const words = [...commonEnglishWords()];
    expect(words.length).toBeGreaterThan(50_000);
    expect(unpack(stored.packed.englishWords)).toEqual(words);
    // A stored list never replaces one already loaded.
    useStoredCommonEnglishWords(['bishkek']);
    expect([...commonEnglishWords()]).toEqual(words);
  });

  it('ignores a corrupt, truncated or foreign cache file and rebuilds it', () => {
    const { gazetteer } = cachedGazetteer();
    const expected = normalizeText(TEXT, loadNameIndex(gazetteer).index);
    const file = nameIndexCacheFile(gazetteer)!;
    const intact = readFileSync(file);
    for (const junk of [Buffer.from('not a v8 value'), intact.subarray(0, intact.byteLength >> 1), serialize({ format: 1, file: 'normalizer-other.v8', index: {} }), serialize({ format: 1, file: file.split('/').pop(), index: { count: 3 } })]) {
      writeFileSync(file, junk);
      const reloaded = loadNameIndex(gazetteer);
      expect(reloaded.source).toBe('built');
      expect(normalizeText(TEXT, reloaded.index)).toEqual(expected);
      expect(loadNameIndex(gazetteer).source).toBe('cache');
    }
  });

  it('does not cache an index of a gazetteer that was not loaded through the gazetteer cache', () => {
    const gazetteer = fixtureGazetteer();
    expect(nameIndexCacheFile(gazetteer)).toBeUndefined();
    expect(loadNameIndex(gazetteer).source).toBe('built-uncached');
  });
});
