/**
 * Warm the compiled gazetteer index once before the suites run. A cache miss on the built-in
 * gazetteer costs several seconds of CPU; without this, parallel test files (and the CLI
 * processes they spawn) would all miss at the same moment on a fresh clone and race their timeouts.
 * The index is keyed by the code that builds it, so the source (.ts, used in-process by tests)
 * and the build (.js, used by the CLI) each get their own entry.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../src/gazetteer/index.js';

export default async function setup(): Promise<void> {
  const built = fileURLToPath(new URL('../dist/gazetteer/index.js', import.meta.url));
  const script = `const { loadGazetteer } = await import(${JSON.stringify(built)}); await loadGazetteer();`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error('warming the built gazetteer index failed');
  await loadGazetteer();
}
