import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, repoRoot, runCli } from '../helpers/cli.js';
import { expectedFromReport, readReport, readTree, tempDir } from '../corpus/helpers.js';

const samples = join(repoRoot, 'corpora/samples');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function temp(): string {
  const { dir, cleanup } = tempDir('transnorm-corpus-cli-');
  cleanups.push(cleanup);
  return dir;
}

describe('transnorm corpus run (real pipeline)', () => {
  it('processes every sample format; outputs differ from inputs only at the reported changes', async () => {
    const out = temp();
    const result = await runCli(['corpus', 'run', samples, '-o', out, '--json', '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { files: number; failed: number; documents: number };
    const inputs = readTree(samples);
    expect(summary.files).toBe(inputs.size);
    expect(summary.failed).toBe(0);
    const reports = readReport(out);
    expect(reports).toHaveLength(summary.documents);
    for (const [rel, bytes] of inputs) {
      const mine = reports.filter((r) => r.path === rel);
      expect(mine.length, rel).toBeGreaterThan(0);
      expect(readFileSync(join(out, rel), 'utf8'), rel).toBe(expectedFromReport(bytes.toString('utf8'), mine));
    }
    const written = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { documents: { total: number; failed: number } };
    expect(written.documents).toEqual({ total: summary.documents, succeeded: summary.documents, failed: 0 });
    // Loading the real gazetteer and models takes a while on a small machine.
  }, 300_000);

  it('exits 3 when some documents failed, after processing the rest', async () => {
    const dir = temp();
    const out = temp();
    writeFileSync(join(dir, 'good.txt'), 'An ordinary English sentence about the weather in the valley.\n');
    writeFileSync(join(dir, 'bad.tmx'), '<tmx><body><tu></body></tmx>');
    const result = await runCli(['corpus', 'run', dir, '-o', out, '--no-normalize']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    // The closing line (progress lines may come before it on a slow machine).
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(/^transnorm: corpus: 2 documents in 2 files \(1 failed, 0 files already done\), \d+ changes, \d+ suggestions, 0\.00 MB in [\d.]+ s; report: .*report\.jsonl$/);
    expect(readReport(out).map((r) => [r.path, r.error?.code ?? null])).toEqual([
      ['bad.tmx', 'ERR_XML'],
      ['good.txt', null],
    ]);
    expect(existsSync(join(out, 'good.txt'))).toBe(true);
  }, 120_000);

  it('prints plain progress lines on stderr when it is not a terminal, and nothing with --quiet', async () => {
    const dir = temp();
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `d${i}.txt`), `Document number ${i} is written in plain English for the progress test.\n`);
    const loud = await runCli(['corpus', 'run', dir, '-o', temp(), '--progress-interval', '1', '--jobs', '1', '--no-normalize']);
    expect(loud.code).toBe(0);
    expect(loud.stderr).toMatch(/^transnorm: corpus: \d\/5 files, \d documents \(0 failed\), 0\.0\/0\.0 MB, [\d.]+ MB\/s, ETA \S+\n/m);
    const quiet = await runCli(['--quiet', 'corpus', 'run', dir, '-o', temp(), '--progress-interval', '1', '--no-normalize']);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  }, 120_000);

  it('rejects bad usage with exit 2 and a missing input with exit 1', async () => {
    const noOut = await runCli(['corpus', 'run', samples]);
    expect(noOut).toEqual({ code: 2, stdout: '', stderr: 'transnorm: corpus run needs an output directory: -o OUTDIR\n' });
    const jobs = await runCli(['corpus', 'run', samples, '-o', temp(), '--jobs', '0']);
    expect(jobs).toEqual({ code: 2, stdout: '', stderr: "transnorm: --jobs expects a positive integer, got '0'\n" });
    const format = await runCli(['corpus', 'run', samples, '-o', temp(), '--format', 'csv']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^transnorm: option '--format <format>' argument 'csv' is invalid/);
    const path = await runCli(['corpus', 'run', samples, '-o', temp(), '--xml-text-path', 'a/[b']);
    expect(path.code).toBe(2);
    expect(path.stderr).toBe("transnorm: --xml-text-path: cannot read step '[b' of 'a/[b' (use a/b//c, *, [@attr='value'])\n");
    const missing = await runCli(['corpus', 'run', 'no-such-dir', '-o', temp()]);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: "transnorm: cannot read 'no-such-dir': no such file or directory\n" });
  }, 120_000);
});

/** Spawn the CLI and kill it with SIGKILL once `ready()` says it is mid-run. */
function runAndKill(args: string[], ready: () => boolean): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    let killed = false;
    const timer = setInterval(() => {
      if (!killed && ready()) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(timer);
      resolve({ killed });
    });
  });
}

describe('kill -9 and resume', () => {
  it('ends with the same bytes as an uninterrupted run', async () => {
    const corpus = temp();
    const subjects = ['harvest', 'parliament', 'water', 'rail', 'border', 'schools', 'markets', 'weather'];
    for (let i = 0; i < 400; i++) {
      const folder = join(corpus, `batch-${Math.floor(i / 50)}`);
      mkdirSync(folder, { recursive: true });
      const subject = subjects[i % subjects.length];
      const body = `Report ${i} on ${subject}: officials said the ${subject} plan would be reviewed next month, and local reporters asked how it would be paid for.\n`;
      if (i % 10 === 3) writeFileSync(join(folder, `doc-${i}.md`), `# Note ${i}\n\n${body}\n\`\`\`\ncode ${i}\n\`\`\`\n`);
      else writeFileSync(join(folder, `doc-${i}.txt`), body.repeat(1 + (i % 4)));
    }
    writeFileSync(join(corpus, 'feed.jsonl'), Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: i, text: `Line ${i} of the feed says the market opened late because of the snow.` })).join('\n') + '\n');

    const interrupted = temp();
    // Names are not normalized here (the normalizer's gazetteer takes a while to load, and
    // resuming does not depend on it); the samples test above runs the whole pipeline.
    const args = (out: string): string[] => ['corpus', 'run', corpus, '-o', out, '--jobs', '2', '--no-timings', '--no-normalize', '--quiet'];
    const manifest = join(interrupted, '.transnorm/manifest.jsonl');
    const lines = (): number => (existsSync(manifest) ? readFileSync(manifest, 'utf8').split('\n').filter(Boolean).length : 0);
    const { killed } = await runAndKill(args(interrupted), () => lines() >= 60);
    expect(killed).toBe(true);
    // Killed mid-run: some files finished, the report was not assembled yet.
    expect(lines()).toBeGreaterThanOrEqual(60);
    expect(lines()).toBeLessThan(401);
    expect(existsSync(join(interrupted, 'report.jsonl'))).toBe(false);

    const resumed = await runCli([...args(interrupted), '--json']);
    expect(resumed.code).toBe(0);
    const result = JSON.parse(resumed.stdout) as { resumed: number; files: number; documents: number };
    expect(result.files).toBe(401);
    expect(result.resumed).toBeGreaterThanOrEqual(60);

    const clean = temp();
    expect((await runCli(args(clean))).code).toBe(0);
    const a = readTree(interrupted);
    const b = readTree(clean);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [rel, bytes] of b) expect(a.get(rel)?.equals(bytes), rel).toBe(true);
    // No duplicate report lines: one per document.
    const report = readReport(interrupted);
    expect(report).toHaveLength(result.documents);
    expect(new Set(report.map((r) => `${r.path}:${r.line ?? ''}`)).size).toBe(report.length);
  }, 120_000);
});
