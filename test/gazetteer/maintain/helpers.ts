/** Shared by the maintenance tests: fixtures and temp directories. */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

const created: string[] = [];
// Remove what each test file created, once it is done.
afterAll(async () => {
  await Promise.all(created.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** A fresh temp directory, removed after the test file. */
export async function tempDir(prefix = 'transnorm-maintain-'): Promise<string> {
  const dir = await fs.mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A temp project: `transnorm.config.json` ({ gazetteers: ["local.jsonl"], builtin: false }) and local.jsonl = base fixture. */
export async function tempProject(options: { withBase?: boolean; builtin?: boolean } = {}): Promise<{ dir: string; local: string; config: string }> {
  const dir = await tempDir();
  const config = join(dir, 'transnorm.config.json');
  await fs.writeFile(config, JSON.stringify({ gazetteers: ['local.jsonl'], builtin: options.builtin ?? false }));
  const local = join(dir, 'local.jsonl');
  if (options.withBase !== false) await fs.copyFile(join(fixtures, 'base.jsonl'), local);
  return { dir, local, config };
}
