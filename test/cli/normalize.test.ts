import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEntries } from '../../src/gazetteer/index.js';
import { runCli } from '../helpers/cli.js';
import { FIXTURE_ENTRIES } from '../normalize/fixtures.js';

let dir: string;
let gazetteerFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'transnorm-normalize-'));
  gazetteerFile = join(dir, 'fixture.jsonl');
  writeFileSync(gazetteerFile, formatEntries(FIXTURE_ENTRIES));
});

const args = () => ['normalize', '--no-builtin', '--gazetteer', gazetteerFile];
const input = 'The report was aired by Golos Ameriki on Monday.\n';

describe('transnorm normalize', () => {
  it('prints the normalized text', async () => {
    expect(await runCli(args(), { input })).toEqual({ stdout: 'The report was aired by Voice of America on Monday.\n', stderr: '', code: 0 });
  });

  it('prints { text, changes, suggestions } with --json, evidence included', async () => {
    const result = await runCli([...args(), '--json'], { input });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { text: string; changes: unknown[]; suggestions: unknown[] };
    expect(report).toEqual({
      text: 'The report was aired by Voice of America on Monday.\n',
      changes: [
        {
          start: 24, end: 37, from: 'Golos Ameriki', to: 'Voice of America', entity: 'media-voice-of-america', kind: 'media', confidence: 0.99, rule: 'alias',
          evidence: { alias: 'Golos Ameriki', aliasOrigin: 'name', aliasType: 'variant', aliasLang: 'ru-Latn', match: 'exact', cost: 0, runnerUp: null },
        },
      ],
      suggestions: [],
    });
  });

  it('marks the changes with --diff (plain markers under NO_COLOR)', async () => {
    expect(await runCli([...args(), '--diff'], { input })).toEqual({
      stdout: 'The report was aired by [-Golos Ameriki-]{+Voice of America+} on Monday.\n',
      stderr: '',
      code: 0,
    });
  });

  it('changes nothing with --suggest-only', async () => {
    const result = await runCli([...args(), '--suggest-only', '--json'], { input });
    const report = JSON.parse(result.stdout) as { text: string; changes: unknown[]; suggestions: Array<{ to: string }> };
    expect(report.text).toBe(input);
    expect(report.changes).toEqual([]);
    expect(report.suggestions.map((s) => s.to)).toEqual(['Voice of America']);
  });

  it('writes -o atomically and leaves stdout empty', async () => {
    const out = join(dir, 'out.txt');
    expect(await runCli([...args(), '-o', out], { input })).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(readFileSync(out, 'utf8')).toBe('The report was aired by Voice of America on Monday.\n');
  });

  it('rejects a bad --min-confidence with a usage error', async () => {
    const result = await runCli([...args(), '--min-confidence', '2'], { input });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("transnorm: --min-confidence expects a number from 0 to 1, got '2'\n");
  });

  it('reports a missing gazetteer file in one line', async () => {
    const result = await runCli(['normalize', '--no-builtin', '--gazetteer', join(dir, 'missing.jsonl')], { input });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^transnorm: cannot read gazetteer '.*missing\.jsonl'.*\n$/u);
  });
});
