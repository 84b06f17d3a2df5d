import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGazetteer } from '../../../src/gazetteer/index.js';
import { editGazetteerFile, lockGazetteerFile, readGazetteerFile, validateEdit } from '../../../src/gazetteer/store.js';
import type { GazetteerEntry } from '../../../src/gazetteer/types.js';
import { fixtures, tempDir } from './helpers.js';

const entry = (id: string, name: string, extra: Partial<GazetteerEntry> = {}): GazetteerEntry => ({ id, name, kind: 'city', names: [], ...extra });

describe('validateEdit', () => {
  it('accepts a valid result', () => {
    expect(validateEdit([], [entry('a', 'Alpha'), entry('b', 'Beta', { parent: 'a' })])).toEqual([]);
  });

  it('reports duplicate ids, dangling parents and schema errors', () => {
    const problems = validateEdit([], [entry('a', 'Alpha'), entry('a', 'Alpha again'), entry('c', 'Gamma', { parent: 'nowhere' })]);
    expect(problems.map((p) => [p.rule, p.id])).toEqual([['duplicate-id', 'a'], ['dangling-parent', 'c']]);
    const schema = validateEdit([], [{ ...entry('d', 'Delta'), kind: 'planet' as never }]);
    expect(schema.map((p) => p.rule)).toEqual(['schema']);
    expect(schema[0]!.message).toContain('d:');
  });

  it('lets a parent live in the base gazetteer', async () => {
    const base = createGazetteer(await readGazetteerFile(join(fixtures, 'base.jsonl')));
    expect(validateEdit([], [entry('kg-kant', 'Kant', { parent: 'kg-chuy' })], base)).toEqual([]);
    expect(validateEdit([], [entry('kg-kant', 'Kant', { parent: 'kg-nowhere' })], base).map((p) => p.rule)).toEqual(['dangling-parent']);
  });

  it('refuses a NEW ambiguous alias, against the file and the base, but not one that already was', async () => {
    const base = createGazetteer(await readGazetteerFile(join(fixtures, 'base.jsonl')));
    const problems = validateEdit([], [entry('x-frunze', 'Frunze Street')].map((e) => ({ ...e, names: [{ text: 'frunze', lang: 'en', script: 'Latn', type: 'variant' as const }] })), base);
    expect(problems).toEqual([{ rule: 'ambiguous-alias', id: 'kg-bishkek,x-frunze', message: "'frunze' would be a name of several entities: kg-bishkek, x-frunze" }]);
    // Already shared before the edit, and the edit does not add an owner: fine.
    const before = [entry('p', 'Springfield'), entry('q', 'Springfield')];
    const after = [entry('p', 'Springfield', { country: 'US' }), entry('q', 'Springfield')];
    expect(validateEdit(before, after)).toEqual([]);
  });

  it('refuses an id merged into another entry that still exists on its own', () => {
    expect(validateEdit([], [entry('a', 'Alpha', { merged: ['b'] }), entry('b', 'Beta')]).map((p) => p.rule)).toEqual(['merged-id-live']);
  });
});

describe('editGazetteerFile', () => {
  it('writes the stable sorted format via temp + rename and reports what it did', async () => {
    const dir = await tempDir();
    const path = join(dir, 'g.jsonl');
    const result = await editGazetteerFile(path, (entries) => [...entries, entry('z', 'Zeta'), entry('a', 'Alpha')]);
    expect(result.written).toBe(true);
    expect(await fs.readFile(path, 'utf8')).toBe('{"id":"a","name":"Alpha","kind":"city","names":[]}\n{"id":"z","name":"Zeta","kind":"city","names":[]}\n');
    expect((await fs.readdir(dir)).sort()).toEqual(['g.jsonl']);
  });

  it('writes nothing when the result is invalid, on a dry run, or when nothing changed', async () => {
    const dir = await tempDir();
    const path = join(dir, 'g.jsonl');
    await fs.writeFile(path, '{"id":"a","name":"Alpha","kind":"city","names":[]}\n');
    const original = await fs.readFile(path, 'utf8');
    await expect(editGazetteerFile(path, (entries) => [...entries, entry('b', 'Beta', { parent: 'zzz' })])).rejects.toThrow(`edit of '${path}' refused: b: parent 'zzz' is not in the gazetteer`);
    const dry = await editGazetteerFile(path, (entries) => [...entries, entry('b', 'Beta')], { dryRun: true });
    expect(dry).toMatchObject({ written: false, after: [entry('a', 'Alpha'), entry('b', 'Beta')] });
    const same = await editGazetteerFile(path, (entries) => entries);
    expect(same.written).toBe(false);
    expect(await fs.readFile(path, 'utf8')).toBe(original);
  });

  it('accepts a new ambiguous alias with force and says so', async () => {
    const dir = await tempDir();
    const path = join(dir, 'g.jsonl');
    await fs.writeFile(path, '{"id":"a","name":"Alpha","kind":"city","names":[]}\n');
    const add = (entries: GazetteerEntry[]) => [...entries, entry('b', 'ALPHA')];
    await expect(editGazetteerFile(path, add)).rejects.toThrow("'ALPHA' would be a name of several entities: a, b (use --force to accept ambiguous aliases)");
    const forced = await editGazetteerFile(path, add, { force: true });
    expect(forced.written).toBe(true);
    expect(forced.forcedAmbiguous.map((p) => p.id)).toEqual(['a,b']);
  });

  it('waits for the lock, then fails with a clear message', async () => {
    const dir = await tempDir();
    const path = join(dir, 'g.jsonl');
    const release = await lockGazetteerFile(path);
    const started = Date.now();
    await expect(editGazetteerFile(path, (entries) => entries, { lockWaitMs: 400 })).rejects.toThrow(`'${path}' is being edited by another transnorm process (waited 0.4 s); try again, or delete '${path}.lock' if no transnorm process is running`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    // A waiting editor gets the lock as soon as it is released.
    const waiting = editGazetteerFile(path, (entries) => [...entries, entry('a', 'Alpha')], { lockWaitMs: 5000 });
    setTimeout(() => void release(), 300);
    expect((await waiting).written).toBe(true);
  });

  it('removes temp files a crashed writer left behind', async () => {
    const dir = await tempDir();
    const path = join(dir, 'g.jsonl');
    await fs.writeFile(join(dir, '.g.jsonl.12345.abcd.tmp'), '{"id":"half');
    await editGazetteerFile(path, () => [entry('a', 'Alpha')]);
    expect((await fs.readdir(dir)).sort()).toEqual(['g.jsonl']);
  });
});
