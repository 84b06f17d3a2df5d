import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME, builtinGazetteerDir, findConfigFile, resolveEditTarget, resolveGazetteerFiles } from '../../../src/gazetteer/config.js';
import { tempDir } from './helpers.js';

describe('transnorm.config.json', () => {
  it('is found by walking up from the current directory; paths are relative to the config file', async () => {
    const dir = await tempDir();
    await fs.mkdir(join(dir, 'a', 'b'), { recursive: true });
    await fs.writeFile(join(dir, CONFIG_FILE_NAME), JSON.stringify({ gazetteers: ['data/local.jsonl', '/abs/other.jsonl'] }));
    expect(await findConfigFile(join(dir, 'a', 'b'))).toBe(join(dir, CONFIG_FILE_NAME));
    expect(await resolveGazetteerFiles({ cwd: join(dir, 'a', 'b') })).toEqual({
      files: [join(dir, 'data', 'local.jsonl'), '/abs/other.jsonl'],
      builtin: true,
      configPath: join(dir, CONFIG_FILE_NAME),
    });
  });

  it('honours "builtin": false and an explicit --config', async () => {
    const dir = await tempDir();
    await fs.writeFile(join(dir, 'my.json'), JSON.stringify({ gazetteers: ['x.jsonl'], builtin: false }));
    expect(await resolveGazetteerFiles({ cwd: '/', config: join(dir, 'my.json') })).toEqual({ files: [join(dir, 'x.jsonl')], builtin: false, configPath: join(dir, 'my.json') });
  });

  it('without a config: no user files, built-in on', async () => {
    const dir = await tempDir();
    // tmpdir has no config above it on this machine; the search stops at the root.
    expect(await findConfigFile(dir)).toBeUndefined();
    expect(await resolveGazetteerFiles({ cwd: dir })).toEqual({ files: [], builtin: true });
  });

  it('reports bad configs in one line', async () => {
    const dir = await tempDir();
    const path = join(dir, CONFIG_FILE_NAME);
    await fs.writeFile(path, '{ "gazetteers": "local.jsonl" }');
    await expect(resolveGazetteerFiles({ cwd: dir })).rejects.toThrow(`config '${path}': "gazetteers" must be an array of file paths`);
    await fs.writeFile(path, '{ nope');
    await expect(resolveGazetteerFiles({ cwd: dir })).rejects.toThrow(/^config '.*': not valid JSON/);
    await fs.writeFile(path, '{ "builtin": "yes" }');
    await expect(resolveGazetteerFiles({ cwd: dir })).rejects.toThrow('"builtin" must be true or false');
    await expect(resolveGazetteerFiles({ cwd: dir, config: 'missing.json' })).rejects.toThrow("--config: cannot read 'missing.json': no such file or directory");
  });

  it('edits go to --file or the last configured file (highest precedence), never into the built-in gazetteer', async () => {
    const dir = await tempDir();
    await fs.writeFile(join(dir, CONFIG_FILE_NAME), JSON.stringify({ gazetteers: ['shared.jsonl', 'mine.jsonl'] }));
    expect((await resolveEditTarget({ cwd: dir })).path).toBe(join(dir, 'mine.jsonl'));
    expect((await resolveEditTarget({ cwd: dir, file: 'other.jsonl' })).path).toBe(join(dir, 'other.jsonl'));
    await expect(resolveEditTarget({ cwd: dir, file: join(builtinGazetteerDir(), 'countries.jsonl') })).rejects.toThrow(/^refusing to edit the built-in gazetteer/);
    const bare = await tempDir();
    await expect(resolveEditTarget({ cwd: bare })).rejects.toThrow('no user gazetteer to edit: pass --file FILE, or create transnorm.config.json');
  });
});
