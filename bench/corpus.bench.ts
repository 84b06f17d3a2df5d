/**
 * Corpus throughput and memory: `transnorm corpus run` (the built CLI, full pipeline) over a
 * generated corpus of English news documents with --jobs 1 and --jobs 2, and the runner alone
 * (no-op stages). Prints documents/s, MB/s, peak RSS, and RSS at each quarter of the run
 * (flat memory = streaming works).
 *
 * Size: TRANSNORM_BENCH_CORPUS_DOCS (default 10000) documents of about
 * TRANSNORM_BENCH_CORPUS_DOC_BYTES (default 5000) bytes, i.e. about 50 MB. The corpus is
 * generated into a temp directory and removed afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../scripts/lib/random.js';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const MB = 1024 * 1024;


const subjects = ['The regional council', 'A group of farmers', 'The transport ministry', 'Local reporters', 'The water agency', 'Officials', 'Deputies of the Zogorku Kenes', 'A correspondent of Golos Ameriki'];
const verbs = ['said on Monday that', 'announced that', 'confirmed that', 'warned that', 'told journalists that', 'denied reports that'];
const clauses = [
  'the new road to the border would open before winter',
  'cotton prices in Surkhardarinsk had risen for the third month',
  'talks with Uzbekitsan on water quotas would resume next week',
  'the budget for schools would be doubled',
  'a delegation would travel to the capital in spring',
  'the harvest was better than expected despite the dry summer',
  'the railway line needed urgent repairs after the floods',
];

/** One English news document of about `bytes` bytes. */
function documentText(next: () => number, bytes: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  let text = '';
  while (text.length < bytes) {
    let paragraph = '';
    for (let s = 0; s < 4; s++) paragraph += `${pick(subjects)} ${pick(verbs)} ${pick(clauses)}. `;
    text += `${paragraph.trim()}\n\n`;
  }
  return text;
}

/** Generate the corpus: `count` .txt files in folders of 100. Returns total bytes. */
function generate(dir: string, count: number, bytes: number): number {
  const next = seededRandom(20240501);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `batch-${String(Math.floor(i / 100)).padStart(4, '0')}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const text = documentText(next, bytes);
    writeFileSync(join(folder, `doc-${String(i).padStart(6, '0')}.txt`), text);
    total += Buffer.byteLength(text);
  }
  return total;
}

/** Resident memory of a process from /proc (Linux), in bytes: current and peak. */
function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

interface Measure {
  seconds: number;
  documents: number;
  changes: number;
  peak: number;
  /** RSS when a quarter, half, three quarters and all of the files were done. */
  quarters: number[];
  code: number | null;
}

/**
 * The runner alone: the same corpus through `runCorpus` with stages that do nothing (in a child
 * process, for a clean memory figure). Shows what the corpus layer itself costs (reading,
 * hashing, masking, writing, manifest, report) apart from detection and normalization.
 */
function runnerOnlyScript(corpus: string, out: string, jobs: number): string {
  const library = new URL('../dist/corpus/index.js', import.meta.url).href;
  return `
    const { runCorpus } = await import(${JSON.stringify(library)});
    const detect = async (doc) => { doc.language = { iso6393: 'eng', bcp47: 'en', script: 'Latn', confidence: 1, candidates: [] }; };
    const normalize = async () => {};
    const result = await runCorpus({ inputs: [${JSON.stringify(corpus)}], outDir: ${JSON.stringify(out)}, jobs: ${jobs}, pipeline: { stages: { detect, normalize } } });
    process.stdout.write(JSON.stringify(result));`;
}

async function measure(corpus: string, out: string, files: number, jobs: number, runnerOnly = false): Promise<Measure> {
  const manifest = join(out, '.transnorm/manifest.jsonl');
  const started = performance.now();
  const args = runnerOnly
    ? ['--input-type=module', '-e', runnerOnlyScript(corpus, out, jobs)]
    : [cli, 'corpus', 'run', corpus, '-o', out, '--jobs', String(jobs), '--quiet', '--json'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  let peak = 0;
  const quarters: number[] = [];
  const timer = setInterval(() => {
    const memory = memoryOf(child.pid!);
    // A process that has exited but not been reaped has no memory lines.
    if (!memory || !Number.isFinite(memory.rss) || !Number.isFinite(memory.peak)) return;
    peak = Math.max(peak, memory.peak);
    const done = existsSync(manifest) ? readFileSync(manifest, 'utf8').split('\n').length - 1 : 0;
    while (quarters.length < 4 && done >= ((quarters.length + 1) * files) / 4) quarters.push(memory.rss);
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const result = code === 0 ? (JSON.parse(stdout) as { documents: number; changes: number }) : { documents: 0, changes: 0 };
  return { seconds, documents: result.documents, changes: result.changes, peak, quarters, code };
}

export async function run(): Promise<void> {
  const count = Number(process.env.TRANSNORM_BENCH_CORPUS_DOCS ?? 10_000);
  const bytes = Number(process.env.TRANSNORM_BENCH_CORPUS_DOC_BYTES ?? 5_000);
  const root = mkdtempSync(join(tmpdir(), 'transnorm-bench-corpus-'));
  try {
    const corpus = join(root, 'corpus');
    const generatedAt = performance.now();
    const total = generate(corpus, count, bytes);
    console.log(`corpus: ${count} English documents, ${(total / MB).toFixed(1)} MB (generated in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s)`);
    // TRANSNORM_BENCH_CORPUS_ROWS picks rows: pipeline-1, pipeline-2, runner-1 (default: all).
    const rows = [
      { name: 'pipeline-1', label: 'full pipeline', jobs: 1, runnerOnly: false },
      { name: 'pipeline-2', label: 'full pipeline', jobs: 2, runnerOnly: false },
      { name: 'runner-1', label: 'runner only', jobs: 1, runnerOnly: true },
    ].filter((row) => !process.env.TRANSNORM_BENCH_CORPUS_ROWS || process.env.TRANSNORM_BENCH_CORPUS_ROWS.split(',').includes(row.name));
    console.log('what           jobs  seconds  docs/s   MB/s  changes  peak RSS  RSS at 25/50/75/100% of files');
    for (const row of rows) {
      const out = join(root, `out-${row.name}`);
      const m = await measure(corpus, out, count, row.jobs, row.runnerOnly);
      if (m.code !== 0) {
        console.log(`${row.label}, jobs ${row.jobs}: the run failed with exit code ${m.code}`);
        continue;
      }
      const quarters = m.quarters.map((rss) => `${(rss / MB).toFixed(0)}`).join('/');
      console.log(
        `${row.label.padEnd(13)}  ${String(row.jobs).padStart(4)}  ${m.seconds.toFixed(1).padStart(7)}  ${(m.documents / m.seconds).toFixed(1).padStart(6)}  ${(total / MB / m.seconds).toFixed(2).padStart(5)}  ` +
          `${String(m.changes).padStart(7)}  ${(m.peak / MB).toFixed(0).padStart(5)} MB  ${quarters || 'n/a'} MB`,
      );
      rmSync(out, { recursive: true, force: true });
    }
    console.log('(runner only: the same corpus through runCorpus with stages that do nothing — the cost of the corpus layer itself)');
    console.log('(wall time includes process start and loading the gazetteer and models once)');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
