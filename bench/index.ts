/**
 * `npm run bench`: runs every `bench/*.bench.ts` suite (or those named on the command line,
 * e.g. `npm run bench -- normalize`) and prints their figures. Suites are kept apart from
 * the unit tests: speed and memory targets live here, never in timed tests.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { NORMALIZER_V8_FLAGS, tuneV8ForNormalizing } from '../src/normalize/jit.js';

interface BenchSuite {
  run(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const suites = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort()
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.bench\.ts$/, '')));

if (suites.length === 0) {
  console.error(`bench: no suite matches ${wanted.join(', ')}`);
  process.exit(2);
}

// What the CLI runs with (see src/normalize/jit.ts), so that the figures are the CLI's.
tuneV8ForNormalizing();
console.log(`transnorm benchmarks — node ${process.version}, ${process.platform}/${process.arch}; V8 flags as the CLI sets them: ${NORMALIZER_V8_FLAGS.join(' ')}`);
for (const file of suites) {
  const name = file.replace(/\.bench\.ts$/, '');
  console.log(`\n## ${name}`);
  const suite = (await import(pathToFileURL(join(here, file)).href)) as BenchSuite;
  const started = performance.now();
  await suite.run();
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
