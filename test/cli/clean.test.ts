import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, repoRoot } from '../helpers/cli.js';

const sample = join(repoRoot, 'corpora/samples/article.txt');

describe('transnorm clean', () => {
  it('cleans the shipped sample: the done-when names are fixed, with evidence in --json', async () => {
    const result = await runCli(['clean', sample, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      text: string; language: { iso6393: string }; changes: Array<{ from: string; to: string; rule: string; start: number; end: number; evidence: object }>;
      suggestions: unknown[]; messages: Array<{ stage: string; ruleId: string }>;
    };
    const original = readFileSync(sample, 'utf8');
    expect(report.language.iso6393).toBe('eng');
    const pairs = report.changes.map((change) => [change.from, change.to]);
    expect(pairs).toEqual(expect.arrayContaining([
      ['Zogorku Kenes', 'Zhogorku Kenesh'],
      ['Surkhardarinsk', 'Surkhandarya'],
      ['Golos Ameriki', 'Voice of America'],
    ]));
    for (const change of report.changes) {
      expect(original.slice(change.start, change.end)).toBe(change.from);
      expect(Object.keys(change.evidence).length).toBeGreaterThan(0);
    }
    expect(report.text).toContain('the Zhogorku Kenesh met');
    expect(report.text).not.toMatch(/Golos Ameriki|Surkhardarinsk|Zogorku/);
    // Every change is also a message of the normalize stage.
    expect(report.messages.filter((m) => m.stage === 'normalize')).toHaveLength(report.changes.length + report.suggestions.length);
  });

  it('prints the text on stdout and the summary on stderr, and writes --report and -o atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transnorm-clean-'));
    const out = join(dir, 'out.txt');
    const reportPath = join(dir, 'report.json');
    const input = 'Deputies of the Zogorku Kenes met in Bishkek on Monday.\n';
    const result = await runCli(['clean', '-', '-o', out, '--report', reportPath, '--summary'], { input });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe('Deputies of the Zhogorku Kenesh met in Bishkek on Monday.\n');
    expect(result.stderr).toMatch(/^language: eng \(en, Latn, confidence [01]\.\d\d\)\nchanges: 1, suggestions: 0\n {2}Zogorku Kenes → Zhogorku Kenesh {2}\[\w+, kg-jogorku-kenesh, [01]\.\d\d\]\n$/);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { text: string; changes: unknown[] };
    expect(report.text).toBe('Deputies of the Zhogorku Kenesh met in Bishkek on Monday.\n');
    expect(report.changes).toHaveLength(1);
  });

  it('uses the gazetteer files of the nearest transnorm.config.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transnorm-config-'));
    // A user entry overrides the canonical name of a built-in entry.
    const builtin = readFileSync(join(repoRoot, 'gazetteers/organizations.jsonl'), 'utf8')
      .split('\n').find((line) => line.startsWith('{"id":"kg-jogorku-kenesh"'))!;
    const entry = { ...(JSON.parse(builtin) as object), name: 'Jogorku Kenesh' };
    writeFileSync(join(dir, 'local.jsonl'), `${JSON.stringify(entry)}\n`);
    writeFileSync(join(dir, 'transnorm.config.json'), JSON.stringify({ gazetteers: ['local.jsonl'] }));
    const input = 'Deputies of the Zogorku Kenes met in Bishkek on Monday.\n';
    const result = await runCli(['clean'], { input, cwd: dir });
    expect(result).toEqual({ stdout: 'Deputies of the Jogorku Kenesh met in Bishkek on Monday.\n', stderr: '', code: 0 });
  });

  it('refuses a missing --config with a usage error', async () => {
    const result = await runCli(['clean', '--config', 'nope.json'], { input: 'text' });
    expect(result).toEqual({ stdout: '', stderr: "transnorm: --config: cannot read 'nope.json': no such file or directory\n", code: 2 });
  });
});
