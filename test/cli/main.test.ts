import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, repoRoot } from '../helpers/cli.js';
import { readFileSync } from 'node:fs';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('transnorm CLI shell', () => {
  const dir = mkdtempSync(join(tmpdir(), 'transnorm-cli-'));

  it('prints the version', async () => {
    expect(await runCli(['--version'])).toEqual({ stdout: `${version}\n`, stderr: '', code: 0 });
  });

  it('prints help generated from the command definitions', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: transnorm \[options\] \[command\]/);
    for (const command of ['clean', 'detect']) expect(result.stdout).toContain(`\n  ${command} `);
  });

  it('rejects an unknown flag with exit 2 and one line', async () => {
    expect(await runCli(['clean', '--bogus'])).toEqual({ stdout: '', stderr: "transnorm: unknown option '--bogus' (see --help)\n", code: 2 });
  });

  it('rejects an unknown command with exit 2', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("transnorm: unknown command 'frobnicate' (see --help)\n");
  });

  it('rejects a bad option value with exit 2', async () => {
    expect(await runCli(['clean', '--to', 'english!'], { input: 'x' })).toEqual({
      stdout: '', stderr: "transnorm: --to expects a language tag such as 'en' or 'ru', got 'english!'\n", code: 2,
    });
  });

  it('reports a missing file', async () => {
    expect(await runCli(['clean', 'missing.txt'], { cwd: dir })).toEqual({
      stdout: '', stderr: "transnorm: cannot read 'missing.txt': no such file or directory\n", code: 1,
    });
  });

  it('reports a directory', async () => {
    expect(await runCli(['clean', dir])).toEqual({ stdout: '', stderr: `transnorm: cannot read '${dir}': is a directory\n`, code: 1 });
  });

  it('reports a binary file', async () => {
    const path = join(dir, 'image.bin');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    expect(await runCli(['clean', path])).toEqual({ stdout: '', stderr: `transnorm: '${path}' looks like a binary file, not text\n`, code: 1 });
  });

  it('reports invalid UTF-8 on stdin', async () => {
    expect(await runCli(['clean'], { input: Buffer.from([0x41, 0xc3, 0x28, 0x42]) })).toEqual({
      stdout: '', stderr: "transnorm: 'stdin' is not valid UTF-8 text\n", code: 1,
    });
  });

  it('reports empty input', async () => {
    expect(await runCli(['clean', '-'], { input: '' })).toEqual({ stdout: '', stderr: "transnorm: 'stdin' is empty\n", code: 1 });
  });

  it('prints a stack only under --debug', async () => {
    const result = await runCli(['--debug', 'clean', 'missing.txt'], { cwd: dir });
    expect(result.code).toBe(1);
    const [first, ...rest] = result.stderr.trimEnd().split('\n');
    expect(first).toBe("transnorm: cannot read 'missing.txt': no such file or directory");
    expect(rest.join('\n')).toMatch(/InputError: cannot read 'missing.txt'[\s\S]*\n\s+at /);
  });

  it('never writes a partial -o file on failure', async () => {
    const out = join(dir, 'out.txt');
    writeFileSync(out, 'previous');
    const result = await runCli(['clean', join(dir, 'nope.txt'), '-o', out]);
    expect(result.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous');
  });
});
