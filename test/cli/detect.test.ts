import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const RUSSIAN = 'Привет, как дела? Это тестовый текст на русском языке.\n';
const UKRAINIAN = 'Парламент у вівторок після тривалих дебатів ухвалив новий бюджет.\n';
const KAZAKH = 'Парламент сейсенбі күні ұзақ талқылаудан кейін жаңа бюджетті қабылдады.\n';

describe('transnorm detect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'transnorm-detect-'));
  const ukrainianPath = join(dir, 'uk.txt');
  const kazakhPath = join(dir, 'kk.txt');
  writeFileSync(ukrainianPath, UKRAINIAN);
  writeFileSync(kazakhPath, KAZAKH);

  it('reports rus/ru/Cyrl for Russian on stdin as JSON', async () => {
    const result = await runCli(['detect', '--json'], { input: RUSSIAN });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({ input: 'stdin', iso6393: 'rus', bcp47: 'ru', script: 'Cyrl' });
    expect(parsed.confidence).toBeGreaterThan(0.9);
    expect(parsed.confidence).toBeLessThanOrEqual(1);
    expect(Array.isArray(parsed.candidates)).toBe(true);
    expect(parsed.reason).toBeUndefined();
  });

  it('prints one line per input: path, ISO 639-3, BCP-47, script, confidence', async () => {
    const result = await runCli(['detect', ukrainianPath, kazakhPath]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${ukrainianPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  ukr  uk  Cyrl  (0\\.9\\d|1\\.00)$`));
    expect(lines[1]).toMatch(/ {2}kaz {2}kk {2}Cyrl {2}(0\.9\d|1\.00)$/);
    expect(lines[2]).toBe('');
  });

  it('prints an array for several inputs with --json', async () => {
    const result = await runCli(['detect', '--json', ukrainianPath, '-'], { input: RUSSIAN });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as Array<{ input: string; iso6393: string; bcp47: string }>;
    expect(parsed.map(({ input, iso6393, bcp47 }) => ({ input, iso6393, bcp47 }))).toEqual([
      { input: ukrainianPath, iso6393: 'ukr', bcp47: 'uk' },
      { input: 'stdin', iso6393: 'rus', bcp47: 'ru' },
    ]);
  });

  it('reports und with the reason for a single word', async () => {
    expect(await runCli(['detect'], { input: 'Привет\n' })).toEqual({
      stdout: 'stdin  und  und  Cyrl  0.00  (too short: 6 letters, at least 10 needed)\n',
      stderr: '',
      code: 0,
    });
    const json = JSON.parse((await runCli(['detect', '--json'], { input: 'Hello\n' })).stdout) as Record<string, unknown>;
    expect(json).toEqual({ input: 'stdin', iso6393: 'und', bcp47: 'und', script: 'Latn', confidence: 0, candidates: [], reason: 'too short: 5 letters, at least 10 needed' });
  });

  it('--min-length lowers the bar', async () => {
    const result = await runCli(['detect', '--min-length', '3'], { input: 'Привет\n' });
    expect(result.stdout).toMatch(/^stdin {2}rus {2}ru {2}Cyrl {2}\d\.\d\d\n$/);
  });

  it('--languages restricts and --ignore excludes', async () => {
    const only = await runCli(['detect', '--json', '--languages', 'eng,deu'], { input: RUSSIAN });
    expect(JSON.parse(only.stdout)).toMatchObject({ iso6393: 'und', reason: 'no allowed language is written in Cyrillic script' });
    const ignored = await runCli(['detect', '--json', '--ignore', 'rus'], { input: RUSSIAN });
    const parsed = JSON.parse(ignored.stdout) as { iso6393: string; candidates: Array<{ iso6393: string }> };
    expect(parsed.iso6393).not.toBe('rus');
    expect(parsed.candidates.map((candidate) => candidate.iso6393)).not.toContain('rus');
  });

  it('lists passages in another language', async () => {
    const text = 'The minister spoke to reporters outside the building on Monday. He said: «Мы не отступим ни на шаг, это наша земля». Then he left.\n';
    const start = text.indexOf('Мы');
    const end = text.indexOf('»');
    expect(await runCli(['detect'], { input: text })).toEqual({
      stdout: `stdin  eng  en  Latn  1.00  (other languages: rus ${start}-${end})\n`,
      stderr: '',
      code: 0,
    });
    const plain = await runCli(['detect', '--no-segments'], { input: text });
    expect(plain.stdout).toBe('stdin  eng  en  Latn  1.00\n');
  });

  it('rejects bad flags with exit 2 and one line', async () => {
    expect(await runCli(['detect', '--bogus'], { input: RUSSIAN })).toEqual({ stdout: '', stderr: "transnorm: unknown option '--bogus' (see --help)\n", code: 2 });
    expect(await runCli(['detect', '--languages', 'ru,uk'], { input: RUSSIAN })).toEqual({
      stdout: '',
      stderr: "transnorm: --languages expects comma-separated ISO 639-3 codes (e.g. rus,ukr,eng), got 'ru,uk'\n",
      code: 2,
    });
    expect(await runCli(['detect', '--ignore', 'rus,qqq'], { input: RUSSIAN })).toEqual({
      stdout: '',
      stderr: "transnorm: --ignore: unknown language code 'qqq' (expected ISO 639-3 codes franc knows, e.g. rus, ukr, kaz, uzn, pes)\n",
      code: 2,
    });
    expect(await runCli(['detect', '--min-length', '0'], { input: RUSSIAN })).toEqual({
      stdout: '',
      stderr: "transnorm: --min-length expects a positive integer, got '0'\n",
      code: 2,
    });
  });

  it('fails with exit 1 and prints nothing when an input cannot be read', async () => {
    expect(await runCli(['detect', ukrainianPath, 'missing.txt'], { cwd: dir })).toEqual({
      stdout: '',
      stderr: "transnorm: cannot read 'missing.txt': no such file or directory\n",
      code: 1,
    });
    const empty = await runCli(['detect'], { input: '' });
    expect(empty.stdout).toBe('');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^transnorm: .+\n$/);
  });
});
