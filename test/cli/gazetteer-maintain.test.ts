/**
 * `transnorm gazetteer` maintenance subcommands, run as a user would: the built CLI in a temp
 * project whose transnorm.config.json lists local.jsonl (built-in gazetteer off, so the tests see
 * only their own small fixtures).
 */
import { spawn } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cliPath, runCli, type CliResult } from '../helpers/cli.js';
import { fixtures, tempDir, tempProject } from '../gazetteer/maintain/helpers.js';
import { lockGazetteerFile } from '../../src/gazetteer/store.js';
import { loadGazetteer } from '../../src/gazetteer/load.js';
import { parseEntries } from '../../src/gazetteer/jsonl.js';
import { resolveGazetteerFiles } from '../../src/gazetteer/config.js';
import { createPipeline } from '../../src/pipeline.js';
import type { GazetteerEntry } from '../../src/gazetteer/types.js';

// Each test spawns several CLI processes; on a loaded machine one can take seconds to start.
vi.setConfig({ testTimeout: 120_000 });

let project: { dir: string; local: string; config: string };
let cacheDir: string;

beforeEach(async () => {
  project = await tempProject();
  cacheDir = await tempDir('transnorm-maintain-cache-');
});

const gz = (args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> =>
  runCli(['gazetteer', ...args], { cwd: project.dir, env: { TRANSNORM_CACHE_DIR: cacheDir, ...options.env }, ...(options.input !== undefined ? { input: options.input } : {}) });
const local = async (): Promise<GazetteerEntry[]> => parseEntries(await fs.readFile(project.local, 'utf8'), 'local.jsonl');
const entry = async (id: string) => (await local()).find((e) => e.id === id);

describe('gazetteer add / edit / alias / remove / merge', () => {
  it('add writes a new entry in the stable sorted format', async () => {
    const result = await gz(['add', '--name', 'Osh', '--kind', 'city', '--country', 'kg', '--parent', 'kg', '--alias', 'Ош:ky:official', '--alias', 'Osh city']);
    expect(result).toEqual({ code: 0, stderr: '', stdout: `added kg-osh "Osh" (city, 2 names)\nwrote '${project.local}' (8 entries)\n` });
    const lines = (await fs.readFile(project.local, 'utf8')).split('\n');
    expect(lines).toContain('{"id":"kg-osh","name":"Osh","kind":"city","country":"KG","parent":"kg","names":[{"text":"Ош","lang":"ky","script":"Cyrl","type":"official","source":"curated"},{"text":"Osh city","lang":"und","script":"Latn","type":"variant","source":"curated"}],"sources":["curated"]}');
    const ids = (await local()).map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('add --json - reads entries from stdin', async () => {
    const input = JSON.stringify([{ id: 'kg-naryn', name: 'Naryn', kind: 'town', country: 'KG', names: [] }]);
    const result = await gz(['add', '--json', '-'], { input });
    expect(result).toEqual({ code: 0, stderr: '', stdout: `added kg-naryn "Naryn" (town, 0 names)\nwrote '${project.local}' (8 entries)\n` });
  });

  it('add refuses bad input with one line and exit 2, writing nothing', async () => {
    const before = await fs.readFile(project.local, 'utf8');
    expect(await gz(['add', '--name', 'Osh'])).toEqual({ code: 2, stdout: '', stderr: 'transnorm: add: --name and --kind are required (or give --json FILE)\n' });
    expect(await gz(['add', '--name', 'Osh', '--kind', 'planet'])).toEqual({ code: 2, stdout: '', stderr: `transnorm: --kind expects one of country, region, district, city, town, village, legislature, government-body, party, media, org, militant-group, person, other, got 'planet'\n` });
    expect(await gz(['add', '--name', 'Osh', '--kind', 'city', '--parent', 'kg-nowhere'])).toEqual({ code: 1, stdout: '', stderr: `transnorm: edit of '${project.local}' refused: osh: parent 'kg-nowhere' is not in the gazetteer\n` });
    expect(await fs.readFile(project.local, 'utf8')).toBe(before);
  });

  it('edit --set changes and unsets fields', async () => {
    const result = await gz(['edit', 'kg-bishkek', '--set', 'prominence=1200000', '--set', 'context=capital,Chuy', '--set', 'ids.wikidata=Q9361']);
    expect(result).toEqual({ code: 0, stderr: '', stdout: `kg-bishkek: prominence=1200000, context=capital,Chuy, ids.wikidata=Q9361\nwrote '${project.local}' (7 entries)\n` });
    expect(await entry('kg-bishkek')).toMatchObject({ prominence: 1200000, context: ['capital', 'Chuy'], ids: { wikidata: 'Q9361' } });
    expect((await gz(['edit', 'kg-bishkek', '--set', 'context='])).code).toBe(0);
    expect((await entry('kg-bishkek'))!.context).toBeUndefined();
    expect(await gz(['edit', 'kg-bishkek', '--set', 'colour=red'])).toEqual({ code: 1, stdout: '', stderr: "transnorm: cannot set 'colour' (settable: name, kind, country, parent, prominence, note, context, sources, ids.<scheme>)\n" });
    expect(await gz(['edit', 'kg-nope', '--set', 'note=x'])).toEqual({ code: 1, stdout: '', stderr: "transnorm: edit: no entry 'kg-nope'\n" });
  });

  it('alias add and alias remove', async () => {
    expect(await gz(['alias', 'add', 'kg-jogorku-kenesh', 'Jogorku Kengesh', '--lang', 'en', '--type', 'misspelling'])).toEqual({ code: 0, stderr: '', stdout: `kg-jogorku-kenesh: + "Jogorku Kengesh" (en, misspelling)\nwrote '${project.local}' (7 entries)\n` });
    expect((await entry('kg-jogorku-kenesh'))!.names.at(-1)).toEqual({ text: 'Jogorku Kengesh', lang: 'en', script: 'Latn', type: 'misspelling', source: 'curated' });
    expect(await gz(['alias', 'remove', 'kg-jogorku-kenesh', 'Jogorku Kengesh'])).toEqual({ code: 0, stderr: '', stdout: `kg-jogorku-kenesh: - "Jogorku Kengesh" (1 name)\nwrote '${project.local}' (7 entries)\n` });
    expect(await fs.readFile(project.local, 'utf8')).toBe(readFileSync(join(fixtures, 'base.jsonl'), 'utf8'));
  });

  it('refuses a new ambiguous alias unless --force', async () => {
    const refused = await gz(['alias', 'add', 'uz-termez', 'Frunze']);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: `transnorm: edit of '${project.local}' refused: 'Frunze' would be a name of several entities: kg-bishkek, uz-termez (use --force to accept ambiguous aliases)\n` });
    const forced = await gz(['alias', 'add', 'uz-termez', 'Frunze', '--force']);
    expect(forced).toEqual({ code: 0, stdout: `uz-termez: + "Frunze" (und, variant)\nwrote '${project.local}' (7 entries)\n`, stderr: "transnorm: warning: 'Frunze' would be a name of several entities: kg-bishkek, uz-termez (accepted with --force)\n" });
  });

  it('remove deletes an entry, but not one that children point to', async () => {
    expect(await gz(['remove', 'media-voa'])).toEqual({ code: 0, stderr: '', stdout: `removed media-voa "Voice of America"\nwrote '${project.local}' (6 entries)\n` });
    expect(await entry('media-voa')).toBeUndefined();
    expect(await gz(['remove', 'uz-surkhandarya'])).toEqual({ code: 1, stdout: '', stderr: `transnorm: edit of '${project.local}' refused: uz-termez: parent 'uz-surkhandarya' is not in the gazetteer\n` });
  });

  it('merge moves names and ids and keeps the old id resolving', async () => {
    await gz(['add', '--id', 'kg-frunze', '--name', 'Frunze City', '--kind', 'city', '--country', 'KG', '--alias', 'Pishpek:en:historic']);
    await gz(['edit', 'kg-frunze', '--set', 'ids.geonames=1528675']);
    const result = await gz(['merge', 'kg-bishkek', 'kg-frunze']);
    expect(result).toEqual({ code: 0, stderr: '', stdout: `merged kg-frunze into kg-bishkek (2 names moved)\nwrote '${project.local}' (7 entries)\n` });
    const kept = (await entry('kg-bishkek'))!;
    expect(kept.names.map((n) => n.text)).toEqual(['Бишкек', 'Frunze', 'Frunze City', 'Pishpek']);
    expect(kept).toMatchObject({ ids: { geonames: '1528675' }, merged: ['kg-frunze'] });
    const gazetteer = await loadGazetteer({ files: [project.local], builtin: false, cacheDir });
    expect(gazetteer.get('kg-frunze')?.id).toBe('kg-bishkek');
    // Edits through the old id land on the kept entry.
    expect((await gz(['alias', 'add', 'kg-frunze', 'Bishkek-shaary'])).stdout).toBe(`kg-bishkek: + "Bishkek-shaary" (und, variant)\nwrote '${project.local}' (7 entries)\n`);
  });

  it('never edits the built-in gazetteer', async () => {
    const result = await gz(['alias', 'add', 'kg', 'X', '--file', join(cliPath, '..', '..', '..', 'gazetteers', 'countries.jsonl')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^transnorm: refusing to edit the built-in gazetteer \('.*countries\.jsonl'\); edits go to your own file/);
  });
});

describe('gazetteer import / export / diff / stats / search', () => {
  it('import --dry-run shows the change and writes nothing; import then export round-trips (xml)', async () => {
    const fresh = await tempProject({ withBase: false });
    const run = (args: string[]) => runCli(['gazetteer', ...args], { cwd: fresh.dir, env: { TRANSNORM_CACHE_DIR: cacheDir } });
    const dry = await run(['import', 'xml', join(fixtures, 'simple.xml'), '--dry-run']);
    expect(dry).toEqual({ code: 0, stderr: '', stdout: `added tj-majlisi-oli "Majlisi Oli"\nadded tj-dushanbe "Dushanbe"\ndry run: '${fresh.local}' not written\n` });
    await expect(fs.access(fresh.local)).rejects.toThrow();
    expect((await run(['import', 'xml', join(fixtures, 'simple.xml')])).code).toBe(0);
    const exported = await run(['export', '--format', 'xml']);
    expect([exported.code, exported.stderr]).toEqual([0, '']);
    // Import the export into a second project: identical JSONL.
    const second = await tempProject({ withBase: false });
    await fs.writeFile(join(second.dir, 'exported.xml'), exported.stdout);
    expect((await runCli(['gazetteer', 'import', 'xml', 'exported.xml'], { cwd: second.dir, env: { TRANSNORM_CACHE_DIR: cacheDir } })).code).toBe(0);
    expect(await fs.readFile(second.local, 'utf8')).toBe(await fs.readFile(fresh.local, 'utf8'));
  });

  it('export csv (filtered by kind, to a file) imports back to the same entries', async () => {
    const out = join(project.dir, 'cities.csv');
    expect(await gz(['export', '--format', 'csv', '--kind', 'city', '-o', out])).toEqual({ code: 0, stdout: '', stderr: `transnorm: exported 2 entities to '${out}'\n` });
    const fresh = await tempProject({ withBase: false });
    const imported = await runCli(['gazetteer', 'import', 'csv', out], { cwd: fresh.dir, env: { TRANSNORM_CACHE_DIR: cacheDir } });
    // Parents of the cities are not in the fresh project: they are dropped, with a warning each.
    expect(imported.stderr).toBe("transnorm: warning: kg-bishkek: parent 'kg' is not in the gazetteer; dropped\ntransnorm: warning: uz-termez: parent 'uz-surkhandarya' is not in the gazetteer; dropped\n");
    const back = parseEntries(await fs.readFile(fresh.local, 'utf8'), 'x');
    const original = (await local()).filter((e) => e.kind === 'city').map(({ parent: _parent, ...rest }) => rest);
    expect(back).toEqual(original);
  });

  it('import geonames with alternate names; import csv with a column mapping', async () => {
    const geonames = await gz(['import', 'geonames', join(fixtures, 'geonames-kg.txt'), '--alternate-names', join(fixtures, 'geonames-kg-alternate.txt'), '--force']);
    expect([geonames.code, geonames.stderr.split('\n').filter((line) => !line.startsWith('transnorm: warning: ')).join('\n')]).toEqual([0, '']);
    expect(geonames.stdout.split('\n').slice(0, 4)).toEqual(['added geonames:1527747 "Kyrgyzstan"', 'added geonames:1538653 "Chuy"', 'added geonames:1528675 "Bishkek"', 'added geonames:1527592 "Kant"']);
    expect(geonames.stderr).toContain("transnorm: warning: kg.txt".replace('kg.txt', join(fixtures, 'geonames-kg.txt')) + ":5: skipped 1527000 'Ala-Too Pass'");
    // The same names as the curated entries: ambiguous without --force.
    expect(geonames.stderr).toContain("would be a name of several entities: geonames:1528675, kg-bishkek (accepted with --force)");
    const csv = await gz(['import', 'csv', join(fixtures, 'media.csv'), '--column', 'id=Code', '--column', 'name=Title', '--column', 'kind=Type', '--alias-column', 'Russian:ru', '--alias-column', 'Local::official', '--default-country', 'KG']);
    expect(csv).toEqual({ code: 0, stderr: '', stdout: `added kz-azattyq "Radio Azattyq"\nadded kg-24kg "24.kg"\nadded kg-kaktus-media "Kaktus Media"\nwrote '${project.local}' (14 entries)\n` });
    expect(await gz(['import', 'xml', join(fixtures, 'billion-laughs.xml')])).toEqual({ code: 1, stdout: '', stderr: `transnorm: ${join(fixtures, 'billion-laughs.xml')}: the document declares DTD entities (<!ENTITY>); entity expansion is off, remove the DOCTYPE declarations\n` });
    expect((await gz(['import', 'shapefile', join(fixtures, 'media.csv')])).stderr).toBe('transnorm: import: unknown format \'shapefile\' (expected one of geonames, wof, csv, xml, jsonl)\n');
  });

  it('diff compares two files entity by entity', async () => {
    const before = join(project.dir, 'before.jsonl');
    await fs.copyFile(project.local, before);
    await gz(['alias', 'add', 'kg-jogorku-kenesh', 'Zhogorky Kenesh']);
    await gz(['remove', 'media-voa']);
    expect(await gz(['diff', before, project.local])).toEqual({ code: 0, stderr: '', stdout: '- media-voa  Voice of America (media)\n~ kg-jogorku-kenesh\n    + Zhogorky Kenesh (und, variant)\n0 added, 1 removed, 1 changed\n' });
    expect(JSON.parse((await gz(['diff', before, project.local, '--json'])).stdout)).toEqual({ added: [], removed: ['media-voa'], changed: [{ id: 'kg-jogorku-kenesh', fields: [], namesAdded: ['Zhogorky Kenesh (und, variant)'], namesRemoved: [] }] });
  });

  it('stats counts the project gazetteer', async () => {
    const result = await gz(['stats', '--json']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(JSON.parse(result.stdout)).toMatchObject({ entities: 7, names: 16, entitiesByKind: { city: 2, region: 2, country: 1, legislature: 1, media: 1 }, namesByScript: { Cyrl: 8, Latn: 8 } });
    expect((await gz(['stats'])).stdout.split('\n')[0]).toMatch(/^entities: 7, names: 16, aliases \(generated included\): \d+$/);
  });

  it('search ranks matches and says how each matched', async () => {
    const result = await gz(['search', 'Frunze']);
    expect(result).toEqual({ code: 0, stderr: '', stdout: "1.000  kg-bishkek  Bishkek (city, KG)  exact: 'Frunze' [en] — historic name (en)\n" });
    const fuzzy = await gz(['search', 'Zhogorky Kenes', '--json']);
    expect(JSON.parse(fuzzy.stdout)[0]).toMatchObject({ id: 'kg-jogorku-kenesh', how: 'fuzzy' });
    expect(await gz(['search', 'Qqqqqq'])).toEqual({ code: 1, stdout: '', stderr: "transnorm: no entity matches 'Qqqqqq'\n" });
  });
});

describe('gazetteer suggest and apply', () => {
  it('end to end: corpus → suggest --write → apply → the alias is in the user file and the next load uses it', async () => {
    const before = await loadGazetteer({ files: [project.local], builtin: false, cacheDir });
    expect(before.lookup('Zhogorky Kenesh')).toEqual([]);
    expect((await loadGazetteer({ files: [project.local], builtin: false, cacheDir })).info?.cache).toBe('hit');

    const patch = join(project.dir, 'patch.jsonl');
    const suggested = await gz(['suggest', join(fixtures, 'corpus'), '--write', patch]);
    expect(suggested.stderr).toBe(`transnorm: 3 files, 0 summaries: 1 new aliases, 1 new entities proposed; patch written to '${patch}'\n`);
    expect(suggested.stdout.split('\n')[0]).toBe("alias  Zhogorky Kenesh  → kg-jogorku-kenesh (Zhogorku Kenesh)  count 3, confidence 0.92  [93% similar to 'Zhogorku Kenesh' (fuzzy); context words nearby in 2 of 3]");
    const lines = (await fs.readFile(patch, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.op, line.id ?? (line.entry as { id: string }).id])).toEqual([['alias-add', 'kg-jogorku-kenesh'], ['add', 'ata-meken']]);

    // Review: the curator rejects the new-entity line and keeps the alias.
    await fs.writeFile(patch, `${JSON.stringify(lines[0])}\n`);
    const applied = await gz(['apply', patch]);
    expect(applied).toEqual({ code: 0, stderr: '', stdout: `kg-jogorku-kenesh: + "Zhogorky Kenesh" (und, variant)\nwrote '${project.local}' (7 entries)\n` });
    expect((await entry('kg-jogorku-kenesh'))!.names.at(-1)).toEqual({ text: 'Zhogorky Kenesh', lang: 'und', script: 'Latn', type: 'variant', source: 'corpus' });

    // The compiled index notices the change (content hash) and the new alias resolves.
    const after = await loadGazetteer({ files: [project.local], builtin: false, cacheDir });
    expect(after.info?.cache).toBe('miss');
    expect(after.lookup('Zhogorky Kenesh').map((m) => [m.entry.id, m.how])).toEqual([['kg-jogorku-kenesh', 'exact']]);
    // The next clean: a pipeline given the config's files (as clean/corpus are wired) now finds
    // the spelling as an alias of the entity instead of a fuzzy guess.
    const { files, builtin } = await resolveGazetteerFiles({ cwd: project.dir });
    expect({ files, builtin }).toEqual({ files: [project.local], builtin: false });
    const pipeline = createPipeline({ detect: false, translate: false, normalize: { gazetteers: files, builtin } });
    const doc = await pipeline.process('Deputies of the Zhogorky Kenesh met on Tuesday.');
    expect(doc.text).toBe('Deputies of the Zhogorku Kenesh met on Tuesday.');
    expect(doc.changes.map((c) => [c.from, c.to, c.entity, c.rule])).toEqual([['Zhogorky Kenesh', 'Zhogorku Kenesh', 'kg-jogorku-kenesh', 'variant']]);
    // Suggest no longer proposes it.
    expect((await gz(['suggest', join(fixtures, 'corpus')])).stdout).not.toContain('Zhogorky');
    // Applying the same patch twice is refused: the alias is already there.
    expect(await gz(['apply', patch])).toEqual({ code: 1, stdout: '', stderr: "transnorm: alias add: 'Zhogorky Kenesh' is already a name of kg-jogorku-kenesh\n" });
  });

  it('apply reports a malformed patch with file:line and writes nothing', async () => {
    const patch = join(project.dir, 'bad.jsonl');
    await fs.writeFile(patch, '{"op":"alias-add","id":"kg","text":"Kirgiziya"}\n{"op":"alias-add","id":"kg"}\n');
    const before = await fs.readFile(project.local, 'utf8');
    expect(await gz(['apply', patch])).toEqual({ code: 1, stdout: '', stderr: `transnorm: ${patch}:2: "text" must be a non-empty string\n` });
    expect(await fs.readFile(project.local, 'utf8')).toBe(before);
  });
});

describe('safety under concurrency and crashes', () => {
  it('two edits started at the same moment both land', async () => {
    const [a, b] = await Promise.all([
      gz(['alias', 'add', 'kg-bishkek', 'Bishkek-A']),
      gz(['alias', 'add', 'uz-termez', 'Termez-B']),
    ]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    expect((await entry('kg-bishkek'))!.names.map((n) => n.text)).toContain('Bishkek-A');
    expect((await entry('uz-termez'))!.names.map((n) => n.text)).toContain('Termez-B');
    expect((await fs.readdir(project.dir)).sort()).toEqual(['local.jsonl', 'transnorm.config.json']);
  });

  it('an edit that starts while another is between reading and writing waits for it (no lost update)', async () => {
    // A reads the file, then pauses 3 s before writing; B starts during the pause. Without the lock,
    // B would write its alias and A would then overwrite the file from its stale read.
    const first = spawn(process.execPath, [cliPath, 'gazetteer', 'alias', 'add', 'kg-bishkek', 'Bishkek-A'], {
      cwd: project.dir, env: { ...process.env, NO_COLOR: '1', TRANSNORM_CACHE_DIR: cacheDir, TRANSNORM_TEST_PAUSE: 'store:after-read:3000' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let firstStderr = '';
    const firstDone = new Promise<number | null>((resolve) => first.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      first.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        firstStderr += chunk;
        if (firstStderr.includes('test pause at store:after-read')) resolve();
      });
      first.on('exit', () => reject(new Error(`exited before the pause: ${firstStderr}`)));
    });
    const second = await gz(['alias', 'add', 'uz-termez', 'Termez-B']);
    expect(await firstDone).toBe(0);
    expect([second.code, second.stderr]).toEqual([0, '']);
    expect((await entry('kg-bishkek'))!.names.map((n) => n.text)).toContain('Bishkek-A');
    expect((await entry('uz-termez'))!.names.map((n) => n.text)).toContain('Termez-B');
  });

  it('a second editor waits for the lock, then fails with a clear message', async () => {
    const release = await lockGazetteerFile(project.local);
    try {
      expect(await gz(['alias', 'add', 'kg', 'Kirgiziya', '--lock-timeout', '0.5'])).toEqual({ code: 1, stdout: '', stderr: `transnorm: '${project.local}' is being edited by another transnorm process (waited 0.5 s); try again, or delete '${project.local}.lock' if no transnorm process is running\n` });
    } finally {
      await release();
    }
  });

  it('a crash mid-write (process killed) leaves the old file intact; the next edit takes over', async () => {
    const before = await fs.readFile(project.local, 'utf8');
    const child = spawn(process.execPath, [cliPath, 'gazetteer', 'alias', 'add', 'kg', 'Kirgiziya'], {
      cwd: project.dir, env: { ...process.env, NO_COLOR: '1', TRANSNORM_CACHE_DIR: cacheDir, TRANSNORM_TEST_HANG: 'store:mid-write' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Wait until the writer is half-way through its temp file.
    const temp = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        const match = /test hang at store:mid-write \((.*)\)/u.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`exited before the hang point: ${stderr}`)));
    });
    const partial = await fs.readFile(temp, 'utf8');
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(before.length + 20);
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(await fs.readFile(project.local, 'utf8')).toBe(before);

    // The dead writer's lock goes stale and the next edit takes it over, cleaning up the temp file.
    const next = await gz(['alias', 'add', 'kg', 'Kirgiziya']);
    expect(next).toEqual({ code: 0, stderr: '', stdout: `kg: + "Kirgiziya" (und, variant)\nwrote '${project.local}' (7 entries)\n` });
    expect((await fs.readdir(project.dir)).sort()).toEqual(['local.jsonl', 'transnorm.config.json']);
  });
});
