import { mkdtemp, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GazetteerError } from '../../src/errors.js';
import { builtinGazetteerFiles, createGazetteer, loadGazetteer, packageRoot, readEntries } from '../../src/gazetteer/index.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'transnorm-gazetteer-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadGazetteer', () => {
  it('builds, caches, then reads the compiled index; the result is the same', async () => {
    const cacheDir = join(dir, 'cache');
    const first = await loadGazetteer({ builtin: false, files: [fixture('central-asia.jsonl')], cacheDir });
    expect(first.info?.cache).toBe('miss');
    expect((await readdir(cacheDir)).sort()).toEqual([expect.stringMatching(/^gazetteer-[0-9a-f]{32}\.v8$/u), 'source-hashes.json']);
    const second = await loadGazetteer({ builtin: false, files: [fixture('central-asia.jsonl')], cacheDir });
    expect(second.info?.cache).toBe('hit');
    expect(second.info?.cacheFile).toBe(first.info?.cacheFile);
    expect(second.aliases).toEqual(first.aliases);
    expect(JSON.parse(JSON.stringify(second.entries))).toEqual(JSON.parse(JSON.stringify(first.entries)));
    expect(second.entries.map((e) => Object.keys(e))).toEqual(first.entries.map((e) => Object.keys(e)));
    expect(second.lookup('Surkhandarinskaya')).toEqual(first.lookup('Surkhandarinskaya'));
    expect(second.get('wof:85680397')?.name).toBe('Surkhandarya');
    expect(second.aliasesOf('uz-termez')).toEqual(first.aliasesOf('uz-termez'));
    // And both equal the in-memory gazetteer built from the same entries.
    const memory = createGazetteer(await readEntries(fixture('central-asia.jsonl')));
    expect(second.aliases).toEqual(memory.aliases);
  });

  it('decodes the names of a cached entry when first read, exactly as they were', async () => {
    const cacheDir = join(dir, 'cache');
    const files = [fixture('central-asia.jsonl')];
    const eager = await loadGazetteer({ builtin: false, files, cacheDir: false });
    await loadGazetteer({ builtin: false, files, cacheDir });
    const cached = await loadGazetteer({ builtin: false, files, cacheDir });
    expect(cached.info?.cache).toBe('hit');
    for (const entry of eager.entries) {
      const lazy = cached.get(entry.id)!;
      expect(Object.keys(lazy)).toEqual(Object.keys(entry));
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(entry));
      expect({ ...lazy }).toEqual({ ...entry });
      expect(structuredClone(lazy)).toEqual(entry);
      expect(lazy.names).toBe(lazy.names);
      expect(lazy.names.map((name) => Object.keys(name))).toEqual(entry.names.map((name) => Object.keys(name)));
    }
    const termez = cached.get('uz-termez')!;
    const names = [{ text: 'Tirmidh', lang: 'ar-Latn', script: 'Latn', type: 'historic' as const }];
    termez.names = names;
    expect(termez.names).toBe(names);
    expect(JSON.parse(JSON.stringify(termez)).names).toEqual(names);
  });

  it('rebuilds when a source file changes, and user files override earlier ones', async () => {
    const cacheDir = join(dir, 'cache');
    const user = join(dir, 'user.jsonl');
    await writeFile(user, '{"id":"uz-termez","name":"Termiz","kind":"city","country":"UZ","names":[]}\n');
    const a = await loadGazetteer({ builtin: false, files: [fixture('central-asia.jsonl'), user], cacheDir });
    expect(a.info?.cache).toBe('miss');
    expect(a.get('uz-termez')?.name).toBe('Termiz');
    expect(a.entries).toHaveLength(8);
    await writeFile(user, '{"id":"uz-termez","name":"Tirmidh","kind":"city","country":"UZ","names":[]}\n');
    const b = await loadGazetteer({ builtin: false, files: [fixture('central-asia.jsonl'), user], cacheDir });
    expect(b.info?.cache).toBe('miss');
    expect(b.get('uz-termez')?.name).toBe('Tirmidh');
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.v8'))).toHaveLength(2);
  });

  it('works without a cache, and rebuilds a corrupt or truncated cache file', async () => {
    const off = await loadGazetteer({ builtin: false, files: [fixture('central-asia.jsonl')], cacheDir: false });
    expect(off.info?.cache).toBe('off');
    const cacheDir = join(dir, 'cache');
    const built = await loadGazetteer({ builtin: false, files: [fixture('central-asia.jsonl')], cacheDir });
    const intact = await readFile(built.info!.cacheFile!);
    for (const junk of ['not a v8 buffer', intact.subarray(0, intact.byteLength >> 1)]) {
      await writeFile(built.info!.cacheFile!, junk);
      const rebuilt = await loadGazetteer({ builtin: false, files: [fixture('central-asia.jsonl')], cacheDir });
      expect(rebuilt.info?.cache).toBe('miss');
      expect(rebuilt.aliases).toEqual(off.aliases);
    }
    expect((await readFile(built.info!.cacheFile!)).length).toBeGreaterThan(100);
  });

  it('keeps working when the cache directory cannot be written', async () => {
    const blocker = join(dir, 'file');
    await writeFile(blocker, 'x');
    const g = await loadGazetteer({ builtin: false, files: [fixture('central-asia.jsonl')], cacheDir: join(blocker, 'cache') });
    expect(g.info?.cache).toBe('off');
    expect(g.lookup('Termiz')[0]?.entry.id).toBe('uz-termez');
  });

  it('refuses an invalid file with file:line, and a missing one', async () => {
    const broken = fixture('broken.jsonl');
    await expect(loadGazetteer({ builtin: false, files: [broken], cacheDir: false })).rejects.toThrow(GazetteerError);
    await expect(loadGazetteer({ builtin: false, files: [broken], cacheDir: false })).rejects.toThrow(`invalid gazetteer: ${broken}:2: /kind must be one of`);
    await expect(loadGazetteer({ builtin: false, files: [fixture('duplicate-id.jsonl')], cacheDir: false })).rejects.toThrow("duplicate id 'kg-osh' (first at line 1)");
    await expect(loadGazetteer({ builtin: false, files: [join(dir, 'none.jsonl')], cacheDir: false })).rejects.toThrow(`cannot read gazetteer '${join(dir, 'none.jsonl')}': no such file or directory`);
  });

  it('finds the built-in files relative to the package, not the working directory', () => {
    const files = builtinGazetteerFiles();
    for (const file of files) expect(file.startsWith(join(packageRoot(), 'gazetteers'))).toBe(true);
    expect(files).toEqual([...files].sort());
  });
});
