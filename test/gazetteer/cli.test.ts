/** `transnorm gazetteer validate|show|lookup`, run as the built binary (`npm test` builds first). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'transnorm-cli-cache-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

const run = (args: string[]) => runCli(['gazetteer', ...args], { env: { TRANSNORM_CACHE_DIR: cacheDir } });
const fromFixture = ['--no-builtin', '--gazetteer', fixture('central-asia.jsonl')];

describe('transnorm gazetteer lookup', () => {
  it('finds each done-when name and says how', async () => {
    const cases: [string, string][] = [
      ['Golos Ameriki', `media-voice-of-america\tVoice of America (media, US)\tromanization\t0.90\tvia 'Golos Ameriki': bgn-pcgn from Голос Америки\n`],
      ['Zhogorku Kenesh', `kg-jogorku-kenesh\tZhogorku Kenesh (legislature, KG)\texact\t1.00\tvia 'Zhogorku Kenesh': canonical name\n`],
      ['Surkhandarinskaya', `uz-surkhandarya\tSurkhandarya (region, UZ)\tmorphology\t0.85\tvia 'Surkhandarinskaya': ru-adjective from Сурхандарьинская область\n`],
      ['Termiz', `uz-termez\tTermez (city, UZ)\tromanization\t0.90\tvia 'Termiz': uz-latin from Термиз\n`],
    ];
    for (const [name, stdout] of cases) {
      expect(await run(['lookup', name, ...fromFixture])).toEqual({ stdout, stderr: '', code: 0 });
    }
  });

  it('prints JSON with the matching alias and its provenance', async () => {
    const result = await run(['lookup', 'Termiz', '--json', ...fromFixture]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{
      id: 'uz-termez', name: 'Termez', kind: 'city', country: 'UZ', how: 'romanization', score: 0.9,
      alias: { text: 'Termiz', entity: 'uz-termez', origin: 'generated', type: 'variant', lang: 'uz-Latn', script: 'Latn', scheme: 'uz-latin', from: 'Термиз' },
      detail: 'uz-latin from Термиз',
    }]);
  });

  it('exits 1 when nothing matches, 2 on a bad flag', async () => {
    expect(await run(['lookup', 'Atlantis', ...fromFixture])).toEqual({ stdout: "no entry matches 'Atlantis'\n", stderr: '', code: 1 });
    const bad = await run(['lookup', 'Osh', '--limit', 'zero', ...fromFixture]);
    expect(bad).toEqual({ stdout: '', stderr: "transnorm: --limit expects a positive integer, got 'zero'\n", code: 2 });
  });
});

describe('transnorm gazetteer show', () => {
  it('prints an entry with its names and generated aliases', async () => {
    const result = await run(['show', 'uz-termez', ...fromFixture]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').slice(0, 7)).toEqual([
      'uz-termez  Termez',
      '  kind: city   country: UZ   parent: uz-surkhandarya (Surkhandarya)',
      '  prominence: 140000',
      '  names (2):',
      '    Термез  [ru, Cyrl, official]',
      '    Термиз  [uz-Cyrl, Cyrl, official]',
      '  generated aliases (9):',
    ]);
    expect(result.stdout).toContain('    Termiz  [uz-latin from Термиз]\n');
  });

  it('prints JSON, resolves merged ids, and fails clearly on an unknown id', async () => {
    const json = await run(['show', 'wof:85680397', '--json', ...fromFixture]);
    const parsed = JSON.parse(json.stdout) as { entry: { id: string }; aliases: unknown[] };
    expect(parsed.entry.id).toBe('uz-surkhandarya');
    expect(parsed.aliases.length).toBeGreaterThan(10);
    expect(await run(['show', 'xx-nowhere', ...fromFixture])).toEqual({
      stdout: '', stderr: "transnorm: no entry with id 'xx-nowhere' (try: transnorm gazetteer lookup NAME)\n", code: 1,
    });
  });
});

describe('transnorm gazetteer validate', () => {
  it('passes a clean file and prints counts by kind and country', async () => {
    const result = await run(['validate', fixture('central-asia.jsonl'), '--no-builtin']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^1 file: 8 entries, \d+ aliases \(\d+ listed, \d+ generated\)\n\nby kind:\n/u);
    expect(result.stdout).toContain('\nby country:\n');
    expect(result.stdout).toMatch(/\n {2}UZ {14} {8}5 +\d+\n/u);
    expect(result.stdout.endsWith('\nvalid (0 warnings)\n')).toBe(true);
  });

  it('fails on a duplicate id with a clear report', async () => {
    const file = fixture('duplicate-id.jsonl');
    const result = await run(['validate', file, '--no-builtin']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`errors (1):\n  [duplicate-id] ${file}:2: duplicate id 'kg-osh' (first at line 1)\n`);
    expect(result.stdout.endsWith('\ninvalid: 1 error, 0 warnings\n')).toBe(true);
    expect(result.stderr).toBe(`transnorm: gazetteer validation failed with 1 error; first: ${file}:2: duplicate id 'kg-osh' (first at line 1)\n`);
  });

  it('fails on an ambiguous alias unless allowed', async () => {
    const file = fixture('ambiguous.jsonl');
    const message = `${file}:1: ambiguous alias 'Kara-Suu' (folded 'kara-suu') names 2 entries: kg-kara-suu-osh, kg-kara-suu-talas`;
    const strict = await run(['validate', file, '--no-builtin']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`errors (1):\n  [ambiguous-alias] ${message}\n`);
    expect(strict.stderr).toBe(`transnorm: gazetteer validation failed with 1 error; first: ${message}\n`);
    const lenient = await run(['validate', file, '--no-builtin', '--allow-ambiguous', '--json']);
    expect(lenient.code).toBe(0);
    const report = JSON.parse(lenient.stdout) as { ok: boolean; warnings: { rule: string }[]; files: string[] };
    expect(report.ok).toBe(true);
    expect(report.files).toEqual([file]);
    expect(report.warnings.map((w) => w.rule)).toEqual(['ambiguous-alias']);
  });

  it('reports a missing file as an input error', async () => {
    expect(await run(['validate', fixture('nope.jsonl'), '--no-builtin'])).toEqual({
      stdout: '', stderr: `transnorm: cannot read gazetteer '${fixture('nope.jsonl')}': no such file or directory\n`, code: 1,
    });
  });
});
