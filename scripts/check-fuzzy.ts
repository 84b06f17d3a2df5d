/**
 * Equivalence and latency check of the normalizer's fuzzy lookups (`NameIndex.lookupFuzzy`,
 * `NameIndex.lookupStem`) on the built-in gazetteer.
 *
 *   npx tsx scripts/check-fuzzy.ts --save FILE     record queries and their hits (run on the old code)
 *   npx tsx scripts/check-fuzzy.ts --compare FILE  recompute the recorded queries, report differences
 *   npx tsx scripts/check-fuzzy.ts                 only collect the queries and time the lookups
 *   --bigram-filter                                look up with the bigram count filter (off since Nov 25)
 *
 * Queries: every distinct fuzzy and stem lookup the normalizer makes on ~2.5 MB of text generated
 * like `bench/normalize.bench.ts` does and on the eval passages (`corpora/eval/*.jsonl`), plus the
 * benchmark's garbled names and made-up names that match nothing (one to three words). A hit is
 * compared by alias (entity, text, origin, scheme, skeleton) and cost. Lookup latency is measured
 * on the index as the normalizer uses it (restored from the disk cache), medians of 5 passes.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGazetteer } from '../src/gazetteer/load.js';
import { loadNameIndex } from '../src/normalize/index-cache.js';
import { NameIndex, type IndexHit } from '../src/normalize/name-index.js';
import { normalizeText } from '../src/normalize/normalizer.js';
import { foldKey } from '../src/normalize/fold.js';
import { seededRandom } from './lib/random.js';
import { garble, madeUpName, newsParagraph, prominentNames } from './lib/news-text.js';

type Query = { kind: 'fuzzy' | 'stem' | 'garbled' | 'unknown'; text: string; budget?: number };

const args = process.argv.slice(2);
const saveFile = args[args.indexOf('--save') + 1] && args.includes('--save') ? args[args.indexOf('--save') + 1] : undefined;
const compareFile = args.includes('--compare') ? args[args.indexOf('--compare') + 1] : undefined;

function describe(hits: IndexHit[]): string[] {
  return hits
    .map(({ alias, cost }) => `${alias.entry.id}\t${alias.alias.text}\t${alias.alias.origin}\t${alias.alias.scheme ?? ''}\t${alias.skeleton}\t${cost.toFixed(6)}`)
    .sort();
}

function run(index: NameIndex, query: Query): IndexHit[] {
  switch (query.kind) {
    case 'stem':
      return index.lookupStem(query.text, query.budget!);
    default:
      return index.lookupFuzzy(query.text, query.budget);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

async function collect(index: NameIndex): Promise<Query[]> {
  const seen = new Map<string, Query>();
  const record = (query: Query) => {
    const id = `${query.kind}\0${query.text}\0${query.budget ?? ''}`;
    if (!seen.has(id)) seen.set(id, query);
  };
  // Wrap the two lookups while the normalizer runs: what it asks is what matters.
  const proto = NameIndex.prototype;
  const { lookupFuzzy, lookupStem } = proto;
  proto.lookupFuzzy = function (folded: string, budget?: number) {
    record(budget === undefined ? { kind: 'fuzzy', text: folded } : { kind: 'fuzzy', text: folded, budget });
    return lookupFuzzy.call(this, folded, budget);
  };
  proto.lookupStem = function (stem: string, fuzzyBudget: number) {
    record({ kind: 'stem', text: stem, budget: fuzzyBudget });
    return lookupStem.call(this, stem, fuzzyBudget);
  };
  const random = seededRandom(11);
  const gazetteer = index.gazetteer;
  const prominent = prominentNames(gazetteer);
  const unknown = Array.from({ length: 5000 }, () => madeUpName(random, 4));
  try {
    let size = 0;
    while (size < 2.5 * 1024 * 1024) {
      const paragraphs: string[] = [];
      for (let p = 0; p < 20; p++) {
        paragraphs.push(newsParagraph(random, prominent, unknown));
      }
      const doc = paragraphs.join('\n\n');
      size += Buffer.byteLength(doc);
      normalizeText(doc, index);
    }
    const evalDir = 'corpora/eval';
    for (const name of readdirSync(evalDir).filter((file) => file.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(join(evalDir, name), 'utf8').split('\n')) {
        if (line.trim()) normalizeText((JSON.parse(line) as { text: string }).text, index);
      }
    }
  } finally {
    proto.lookupFuzzy = lookupFuzzy;
    proto.lookupStem = lookupStem;
  }
  // The benchmark's direct queries: garbled prominent names, and names that match nothing.
  for (let i = 0; i < 2000; i++) record({ kind: 'garbled', text: foldKey(garble(prominent[Math.floor(random() * prominent.length)]!, random)) });
  for (const word of ['Ralinsha', 'Karamobek', 'Urlinsha']) record({ kind: 'unknown', text: foldKey(word) });
  for (let i = 0; i < 2000; i++) {
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => madeUpName(random, 4));
    record({ kind: 'unknown', text: foldKey(words.join(' ')) });
  }
  return [...seen.values()];
}

const started = performance.now();
const gazetteer = await loadGazetteer();
const loaded = loadNameIndex(gazetteer);
const index = loaded.index;
// What the bigram count filter on the delete index's candidates changes (see NameIndex.lookupFuzzy).
if (args.includes('--bigram-filter')) (index as { bigramFilter?: boolean }).bigramFilter = true;
console.log(`index ${loaded.source} in ${(performance.now() - started).toFixed(0)} ms: ${JSON.stringify(index.stats())}`);

let queries: Query[];
let expected: string[][] | undefined;
if (compareFile) {
  const saved = JSON.parse(readFileSync(compareFile, 'utf8')) as { queries: Query[]; hits: string[][] };
  queries = saved.queries;
  expected = saved.hits;
} else {
  queries = await collect(index);
}
const counts = new Map<string, number>();
for (const query of queries) counts.set(query.kind, (counts.get(query.kind) ?? 0) + 1);
console.log(`queries: ${queries.length} (${[...counts].map(([kind, n]) => `${kind} ${n}`).join(', ')})`);

const results = queries.map((query) => describe(run(index, query)));
if (saveFile) {
  writeFileSync(saveFile, JSON.stringify({ queries, hits: results }));
  console.log(`saved to ${saveFile}`);
}
if (expected) {
  let differing = 0;
  let lost = 0;
  let gained = 0;
  const examples: string[] = [];
  queries.forEach((query, i) => {
    const before = new Set(expected![i]);
    const after = new Set(results[i]);
    const missing = [...before].filter((hit) => !after.has(hit));
    const extra = [...after].filter((hit) => !before.has(hit));
    if (missing.length === 0 && extra.length === 0) return;
    differing++;
    lost += missing.length;
    gained += extra.length;
    if (examples.length < 25) examples.push(`  ${query.kind} '${query.text}'${query.budget === undefined ? '' : ` budget ${query.budget}`}: ${missing.map((hit) => `-[${hit.replace(/\t/g, ' | ')}]`).join(' ')} ${extra.map((hit) => `+[${hit.replace(/\t/g, ' | ')}]`).join(' ')}`);
  });
  const hitsBefore = expected.reduce((n, list) => n + list.length, 0);
  console.log(`compared ${queries.length} queries (${hitsBefore} hits before): ${differing} differ; ${lost} hits lost, ${gained} hits gained`);
  for (const line of examples) console.log(line);
}

// Latency: every query once per pass, 5 passes; per query the median of its passes.
const passes: number[][] = queries.map(() => []);
for (let pass = 0; pass < 5; pass++) {
  queries.forEach((query, i) => {
    const t = performance.now();
    run(index, query);
    passes[i]!.push(performance.now() - t);
  });
}
const byKind = new Map<string, number[]>();
queries.forEach((query, i) => {
  const median = passes[i]!.sort((a, b) => a - b)[2]!;
  const group = query.kind === 'stem' ? 'stem' : query.kind === 'unknown' ? 'unknown' : 'fuzzy+garbled';
  if (!byKind.has(group)) byKind.set(group, []);
  byKind.get(group)!.push(median * 1000);
});
for (const [kind, times] of byKind) {
  times.sort((a, b) => a - b);
  console.log(`latency ${kind.padEnd(13)} ${String(times.length).padStart(6)} queries: p50 ${percentile(times, 0.5).toFixed(1)} µs, p95 ${percentile(times, 0.95).toFixed(1)} µs, max ${times[times.length - 1]!.toFixed(0)} µs`);
}
