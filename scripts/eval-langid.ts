/**
 * `npm run eval:langid -- --data DIR [--sample N] [--seed S] [--buckets words,pairs,sentences,udhr] [--json FILE]`
 *
 * Accuracy of language identification on third-party text, for the 15 pipeline languages
 * (Uzbek in both scripts: 16 rows), per length bucket, side by side for:
 *   - transnorm: `detectLanguage` in best-effort mode (`minLength: 1, minMargin: 0`, no
 *     segmentation), so every text gets an answer as the other detectors give one;
 *   - franc: plain `franc(text)` (its defaults: all its languages, `und` under 10 characters);
 *   - franc-only: `franc(text, { only: <pipeline languages> })`.
 * An answer is right when its primary language subtag matches the label (`prs` counts as
 * `fa`, `arb` as `ar`, `cmn` as `zh`); `und` is wrong.
 *
 * DIR has the layout of `shared/data/langid` (see its README.md):
 *   lingua/{single-words,word-pairs,sentences}/<iso>.txt, ud/{ky,uz}.txt, udhr/<label>.txt.
 * Kyrgyz and Latin Uzbek come from ud/, Tajik and Cyrillic Uzbek from udhr/ (their only
 * source); for those, single words and word pairs are derived from the same lines:
 * lower-cased tokens of >= 5 characters and adjacent token pairs of >= 10 characters,
 * de-duplicated, seeded shuffle, at most N. A fourth table, `udhr`, runs every language's UDHR
 * paragraphs (franc's own training text, so in-sample for franc).
 *
 * The data are read from DIR at run time and never copied into the project.
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { franc } from 'franc';
import { createDetector, PIPELINE_CODES } from '../src/detect/index.js';
import { seededRandom } from './lib/random.js';

const LABELS = ['en', 'de', 'fr', 'it', 'es', 'tr', 'uz-Latn', 'ru', 'uk', 'kk', 'ky', 'uz-Cyrl', 'tg', 'ar', 'fa', 'zh'] as const;
type Label = (typeof LABELS)[number];
const ALL_BUCKETS = ['words', 'pairs', 'sentences', 'udhr'] as const;
type Bucket = (typeof ALL_BUCKETS)[number];
const DETECTORS = ['transnorm', 'franc', 'franc-only'] as const;
type DetectorName = (typeof DETECTORS)[number];

/** Primary language (ISO 639-1) of what a detector answered. */
const FRANC_TO_PRIMARY: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', ita: 'it', spa: 'es', tur: 'tr', uzn: 'uz', uzs: 'uz', rus: 'ru', ukr: 'uk', kaz: 'kk', kir: 'ky', tgk: 'tg', arb: 'ar', pes: 'fa', prs: 'fa', cmn: 'zh',
};

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    sample: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    json: { type: 'string' },
    weights: { type: 'string' },
    buckets: { type: 'string' },
  },
});
if (!values.data) {
  console.error('eval-langid: --data DIR is required (the langid data folder, e.g. ../shared/data/langid)');
  process.exit(2);
}
const dataDir = values.data;
// --buckets words,pairs runs only those tables (quicker experiments).
const BUCKETS = values.buckets ? ALL_BUCKETS.filter((bucket) => values.buckets!.split(',').includes(bucket)) : [...ALL_BUCKETS];
const sample = Number(values.sample);
const seed = Number(values.seed);
if (!Number.isInteger(sample) || sample < 1 || !Number.isInteger(seed)) {
  console.error('eval-langid: --sample and --seed expect integers');
  process.exit(2);
}
if (!existsSync(join(dataDir, 'udhr'))) {
  console.error(`eval-langid: '${dataDir}' does not look like the langid data folder (no udhr/)`);
  process.exit(2);
}


function shuffleTake<T>(items: T[], count: number, seedValue: number): T[] {
  const copy = [...items];
  const next = seededRandom(seedValue);
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
}

const tokenPattern = /[\p{L}\p{M}]+/gu;
function derive(texts: string[], bucket: 'words' | 'pairs'): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const tokens = (text.toLowerCase().match(tokenPattern) ?? []);
    if (bucket === 'words') {
      for (const token of tokens) if ([...token].length >= 5) out.add(token);
    } else {
      for (let i = 0; i + 1 < tokens.length; i += 1) {
        const pair = `${tokens[i]} ${tokens[i + 1]}`;
        if ([...pair].length >= 10) out.add(pair);
      }
    }
  }
  return [...out];
}

const LINGUA_DIR: Record<Bucket, string> = { words: 'single-words', pairs: 'word-pairs', sentences: 'sentences', udhr: '' };

/** Texts for one label and bucket, and where they came from. */
function textsFor(label: Label, bucket: Bucket): { texts: string[]; source: string } {
  if (bucket === 'udhr') return { texts: shuffleTake(lines(join(dataDir, 'udhr', `${label}.txt`)), sample, seed), source: 'udhr' };
  const lingua = join(dataDir, 'lingua', LINGUA_DIR[bucket], `${label}.txt`);
  if (existsSync(lingua)) return { texts: shuffleTake(lines(lingua), sample, seed), source: 'lingua' };
  const ud = label === 'ky' ? 'ky' : label === 'uz-Latn' ? 'uz' : undefined;
  const sourcePath = ud ? join(dataDir, 'ud', `${ud}.txt`) : join(dataDir, 'udhr', `${label}.txt`);
  const source = ud ? 'ud' : 'udhr';
  const base = lines(sourcePath);
  const texts = bucket === 'sentences' ? base : derive(base, bucket);
  return { texts: shuffleTake(texts, sample, seed), source };
}

// --weights '{"eld":0.05}' overrides evidence weights (for experiments; the table in docs/detect.md uses the defaults).
const weights = values.weights ? (JSON.parse(values.weights) as Record<string, number>) : undefined;
const transnorm = createDetector({ minLength: 1, minMargin: 0, segments: false, ...(weights ? { weights } : {}) });
// The same detector with its default thresholds (minLength 10, minMargin 0.2): how often it
// answers at all, and how often those answers are right.
const transnormDefaults = createDetector({ segments: false, ...(weights ? { weights } : {}) });
const coverage = new Map<Bucket, { answered: number; right: number; total: number }>();
const pipelineOnly = [...PIPELINE_CODES];
/** Confidence bins of transnorm's answers: how often answers of that confidence were right. */
const BINS = [0.5, 0.7, 0.9, 0.99, 1.01];
const calibration = BINS.map(() => ({ right: 0, total: 0, confidence: 0 }));
let lastConfidence = 0;
const detect: Record<DetectorName, (text: string) => Promise<string>> = {
  transnorm: async (text) => {
    const detection = await transnorm.detect(text);
    lastConfidence = detection.confidence;
    return detection.bcp47.split('-')[0]!;
  },
  franc: async (text) => FRANC_TO_PRIMARY[franc(text)] ?? franc(text),
  'franc-only': async (text) => {
    const code = franc(text, { only: pipelineOnly });
    return FRANC_TO_PRIMARY[code] ?? code;
  },
};

interface Cell {
  right: number;
  total: number;
}
const results = new Map<string, Cell>();
const sources = new Map<string, string>();
const timing = new Map<DetectorName, { ms: number; texts: number }>(DETECTORS.map((name) => [name, { ms: 0, texts: 0 }]));
const confusions = new Map<string, Map<string, number>>();

await transnorm.detect('warm up the models once');
const started = performance.now();
for (const bucket of BUCKETS) {
  for (const label of LABELS) {
    const { texts, source } = textsFor(label, bucket);
    sources.set(`${label}/${bucket}`, `${source}:${texts.length}`);
    const gold = label.split('-')[0]!;
    const covered = coverage.get(bucket) ?? { answered: 0, right: 0, total: 0 };
    coverage.set(bucket, covered);
    for (const text of texts) {
      const detection = await transnormDefaults.detect(text);
      covered.total += 1;
      if (detection.iso6393 !== 'und') {
        covered.answered += 1;
        if (detection.bcp47.split('-')[0] === gold) covered.right += 1;
      }
    }
    for (const name of DETECTORS) {
      const cell: Cell = { right: 0, total: 0 };
      const clock = performance.now();
      for (const text of texts) {
        const answer = await detect[name](text);
        cell.total += 1;
        if (answer === gold) cell.right += 1;
        if (name === 'transnorm' && bucket !== 'udhr') {
          const bin = calibration[BINS.findIndex((limit) => lastConfidence < limit)]!;
          bin.total += 1;
          bin.confidence += lastConfidence;
          if (answer === gold) bin.right += 1;
        }
        if (name === 'transnorm' && answer !== gold) {
          const key = `${bucket} ${label}`;
          if (!confusions.has(key)) confusions.set(key, new Map());
          const row = confusions.get(key)!;
          row.set(answer, (row.get(answer) ?? 0) + 1);
        }
      }
      const time = timing.get(name)!;
      time.ms += performance.now() - clock;
      time.texts += texts.length;
      results.set(`${name}/${label}/${bucket}`, cell);
    }
  }
}

const pct = (cell: Cell | undefined) => (cell && cell.total > 0 ? ((100 * cell.right) / cell.total).toFixed(1) : '-');
const pad = (text: string, width: number) => text.padStart(width);
const macro = (name: DetectorName, bucket: Bucket) => {
  const cells = LABELS.map((label) => results.get(`${name}/${label}/${bucket}`)!);
  const mean = cells.reduce((sum, cell) => sum + cell.right / cell.total, 0) / cells.length;
  return (100 * mean).toFixed(1);
};

console.log(`langid evaluation: ${dataDir} — up to ${sample} texts per language and bucket (seed ${seed}); accuracy in %`);
console.log('transnorm = detectLanguage best-effort (minLength 1, minMargin 0, no segments); franc = franc(text); franc-only = franc(text, { only: pipeline languages })\n');
for (const bucket of BUCKETS) {
  console.log(`## ${bucket}${bucket === 'udhr' ? ' (UDHR paragraphs: franc\'s training text, in-sample for franc)' : ''}`);
  console.log(`${'language'.padEnd(9)}${pad('source:n', 14)}${DETECTORS.map((name) => pad(name, 12)).join('')}`);
  for (const label of LABELS) {
    const row = DETECTORS.map((name) => pad(pct(results.get(`${name}/${label}/${bucket}`)), 12)).join('');
    console.log(`${label.padEnd(9)}${pad(sources.get(`${label}/${bucket}`) ?? '', 14)}${row}`);
  }
  console.log(`${'mean'.padEnd(9)}${pad('16 rows', 14)}${DETECTORS.map((name) => pad(macro(name, bucket), 12)).join('')}\n`);
}
console.log('## summary (mean of the 16 per-language accuracies)');
console.log(`${'bucket'.padEnd(11)}${DETECTORS.map((name) => pad(name, 12)).join('')}${pad('CLD2 (issue)', 14)}`);
const cld2: Record<Bucket, string> = { words: '66', pairs: '82', sentences: '97.9', udhr: '-' };
for (const bucket of BUCKETS) console.log(`${bucket.padEnd(11)}${DETECTORS.map((name) => pad(macro(name, bucket), 12)).join('')}${pad(cld2[bucket], 14)}`);
console.log('\n## transnorm with its default thresholds (und under 10 letters or when best − runner-up < 0.2), all rows pooled');
for (const [bucket, covered] of coverage) {
  console.log(`${bucket.padEnd(11)} answered ${((100 * covered.answered) / covered.total).toFixed(1)}% of ${covered.total}, right ${((100 * covered.right) / Math.max(1, covered.answered)).toFixed(1)}% of those`);
}
console.log('\n## transnorm calibration (words, pairs, sentences): confidence bin → share right');
let lower = 0;
let ece = 0;
const calibrated = calibration.reduce((sum, bin) => sum + bin.total, 0);
BINS.forEach((limit, i) => {
  const bin = calibration[i]!;
  if (bin.total > 0) {
    const meanConfidence = bin.confidence / bin.total;
    ece += (bin.total / calibrated) * Math.abs(bin.right / bin.total - meanConfidence);
    console.log(`[${lower.toFixed(2)}, ${Math.min(limit, 1).toFixed(2)}${limit > 1 ? ']' : ')'}  n=${String(bin.total).padStart(6)}  mean confidence ${meanConfidence.toFixed(3)}  right ${((100 * bin.right) / bin.total).toFixed(1)}%`);
  }
  lower = limit;
});
console.log(`expected calibration error ${(100 * ece).toFixed(1)} points`);
console.log('\n## speed');
for (const [name, time] of timing) console.log(`${name.padEnd(11)} ${time.texts} texts in ${(time.ms / 1000).toFixed(1)} s (${((1000 * time.ms) / time.texts).toFixed(0)} µs/text)`);
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);

console.log('\n## transnorm errors (most frequent wrong answers)');
for (const [key, row] of confusions) {
  const top = [...row.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4);
  console.log(`${key.padEnd(18)} ${top.map(([answer, count]) => `${answer}:${count}`).join(' ')}`);
}

if (values.json) {
  const out = Object.fromEntries([...results.entries()].map(([key, cell]) => [key, cell]));
  writeFileSync(values.json, `${JSON.stringify({ sample, seed, results: out }, null, 2)}\n`);
}
