/**
 * Normalizer benchmark: index load time, normalize throughput on ≥ 10 MB of generated English
 * news-like text next to a tokenize-only baseline (same text, same run), fuzzy lookup latency
 * (SymSpell delete index, as used, and the bigram index it replaced, on the same keys), and peak
 * memory.
 */
import { loadGazetteer } from '../src/gazetteer/load.js';
import { NameIndex, maxFuzzyCost, stemOfSkeleton } from '../src/normalize/name-index.js';
import { loadNameIndex, nameIndexCacheFile } from '../src/normalize/index-cache.js';
import { normalizeText } from '../src/normalize/normalizer.js';
import { tokenize } from '../src/normalize/tokenize.js';
import { foldKey, skeletonKey } from '../src/normalize/fold.js';
import { DeleteIndex } from '../src/normalize/symspell.js';
import { BigramIndex } from '../src/normalize/ngram.js';
import { swapCost, weightedDistance } from '../src/normalize/distance.js';
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { seededRandom } from '../scripts/lib/random.js';
import { garble, madeUpName, newsParagraph, prominentNames } from '../scripts/lib/news-text.js';
import { THIRD_PARTY_ENGLISH, readLineDocuments } from '../scripts/lib/clean-english.js';

/** A full garbage collection, also when node runs without --expose-gc (memory deltas need one). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export async function run(): Promise<void> {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  let started = performance.now();
  const gazetteer = await loadGazetteer();
  const gazetteerMs = performance.now() - started;
  // Cold: the index built from the gazetteer (what a first run, or a changed gazetteer, pays).
  started = performance.now();
  const builtAliases = new NameIndex(gazetteer).aliasCount;
  const buildMs = performance.now() - started;
  // Warm: the index read from the disk cache (what every later run pays). The first call writes
  // the cache when it is missing; the second reads it.
  const cacheFile = nameIndexCacheFile(gazetteer);
  loadNameIndex(gazetteer);
  started = performance.now();
  const loaded = loadNameIndex(gazetteer);
  const index = loaded.index;
  // The first normalization also loads the English word list: part of loading, not of throughput.
  normalizeText('Loaded.', index);
  const loadMs = performance.now() - started;
  const gazetteerInfo = `${gazetteer.info?.cache ?? 'no'} cache, ${gazetteer.entries.length} entries, ${gazetteer.aliases.length} aliases`;
  console.log(`index load: gazetteer ${gazetteerMs.toFixed(0)} ms (${gazetteerInfo}) + normalizer index and word list ${loadMs.toFixed(0)} ms from ${loaded.source === 'cache' ? 'the disk cache' : `nowhere (${loaded.source}: ${cacheFile ?? 'gazetteer not cached'})`} = ${(gazetteerMs + loadMs).toFixed(0)} ms`);
  console.log(`index build (no cache): ${buildMs.toFixed(0)} ms; ${builtAliases} aliases`);
  console.log(`index: ${JSON.stringify(index.stats())}`);

  // Names: prominent entities written correctly, garbled, and unknown capitalized names.
  const random = seededRandom(7);
  const prominent = prominentNames(gazetteer);
  const unknown = Array.from({ length: 5000 }, () => madeUpName(random));
  const paragraphs: string[] = [];
  let size = 0;
  while (size < 10.5 * 1024 * 1024) {
    const paragraph = newsParagraph(random, prominent, unknown);
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  const text = paragraphs.join('\n\n');
  const bytes = Buffer.byteLength(text);
  // Documents of ~20 paragraphs (about 15 KB), as a news feed would deliver them.
  const documents: string[] = [];
  for (let i = 0; i < paragraphs.length; i += 20) documents.push(paragraphs.slice(i, i + 20).join('\n\n'));

  // Each pass is timed in wall-clock and in CPU seconds of this process (all its threads, the
  // garbage collector's included): the target is per core, and on a shared machine CPU time is
  // the steadier of the two.
  const timed = <T>(work: () => T): { result: T; wall: number; cpu: number } => {
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    const result = work();
    const cpu = process.cpuUsage(cpuStart);
    return { result, wall: (performance.now() - wallStart) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
  };
  // Each pass starts from a collected heap: the garbage of building the index above (hundreds of
  // MB) would otherwise be collected in whichever pass comes next, and the baseline swung 3x.
  collectGarbage();
  const tokenizing = timed(() => {
    let count = 0;
    for (const doc of documents) count += tokenize(doc).length;
    return count;
  });
  const tokens = tokenizing.result;
  const normalizeAll = () => {
    let changes = 0;
    let suggestions = 0;
    for (const doc of documents) {
      const result = normalizeText(doc, index);
      changes += result.changes.length;
      suggestions += result.suggestions.length;
    }
    return { changes, suggestions };
  };
  // First sight: every distinct span is looked up in the index once (the span cache is empty).
  const cachedBefore = index.spanCache.size;
  collectGarbage();
  const first = timed(normalizeAll);
  const spanCount = index.spanCache.size - cachedBefore;
  // Again: every span is in the cache; what is left is tokenizing, deciding in context and output.
  collectGarbage();
  const again = timed(normalizeAll);
  const rate = (seconds: number) => `${(bytes / 1024 / 1024 / seconds).toFixed(2)} MB/s`;
  const line = (pass: { wall: number; cpu: number }) =>
    `${pass.cpu.toFixed(2)} s CPU, ${rate(pass.cpu)} per core, ${Math.round(tokens / pass.cpu)} tokens/s (${(pass.cpu / tokenizing.cpu).toFixed(1)}x the baseline); wall ${pass.wall.toFixed(2)} s, ${rate(pass.wall)}`;
  console.log(`text: ${mb(bytes)} MB, ${tokens} tokens, ${documents.length} documents (generated; ~9% name tokens, 1% garbled, 2% unknown capitalized names)`);
  console.log(`tokenize only:     ${tokenizing.cpu.toFixed(2)} s CPU, ${rate(tokenizing.cpu)} per core, ${Math.round(tokens / tokenizing.cpu)} tokens/s; wall ${tokenizing.wall.toFixed(2)} s, ${rate(tokenizing.wall)}`);
  console.log(`normalize:         ${line(first)}; ${first.result.changes} changes, ${first.result.suggestions} suggestions`);
  console.log(`normalize again:   ${line(again)} (every span already looked up)`);
  // First sight once more, with the span cache emptied: the same lookups as the first pass, but on
  // code the JIT has already compiled (the word-level memos of folding stay warm). The difference
  // from the first pass is what compiling costs once per process, whatever the corpus size.
  index.spanCache.clear();
  collectGarbage();
  const firstWarm = timed(normalizeAll);
  console.log(`normalize, first sight on compiled code: ${line(firstWarm)} (span cache emptied)`);
  const spansPerMb = (count: number, size: number) => Math.round(count / (size / 1024 / 1024));
  console.log(`distinct spans read: ${spanCount} (${spansPerMb(spanCount, bytes)} per MB)`);

  // Real English, where the team's shared data is checked out (users and CI do not have it): a
  // small text, but one whose density of distinct capitalized spans no generator sets.
  if (existsSync(THIRD_PARTY_ENGLISH)) {
    const texts = readLineDocuments(THIRD_PARTY_ENGLISH);
    const size = Buffer.byteLength(texts.join('\n'));
    const before = index.spanCache.size;
    const firstReal = timed(() => texts.forEach((text) => normalizeText(text, index)));
    const newSpans = index.spanCache.size - before;
    // Best of five: on a text this small, one collection or preemption is most of a pass.
    const againReal = Math.min(...Array.from({ length: 5 }, () => timed(() => texts.forEach((text) => normalizeText(text, index))).cpu));
    const realRate = (seconds: number) => `${(size / 1024 / 1024 / seconds).toFixed(2)} MB/s`;
    console.log(
      `third-party English (${THIRD_PARTY_ENGLISH}): ${(size / 1024 / 1024).toFixed(2)} MB, ${newSpans} distinct spans (${spansPerMb(newSpans, size)} per MB); first sight ${firstReal.cpu.toFixed(3)} s CPU, ${realRate(firstReal.cpu)} per core; again (best of 5) ${realRate(againReal)} per core`,
    );
  }

  // Fuzzy lookup latency (the index as the normalizer uses it, restored from the disk cache) on
  // garbled names and on made-up names that match nothing (one to three words). Every query runs
  // three times; its time is the median of the three, so one GC pause does not count as a lookup.
  const garbledQueries = Array.from({ length: 2000 }, () => foldKey(garble(prominent[Math.floor(random() * prominent.length)]!, random)));
  const unknownQueries = Array.from({ length: 2000 }, () => foldKey(Array.from({ length: 1 + Math.floor(random() * 3) }, () => unknown[Math.floor(random() * unknown.length)]!).join(' ')));
  const latency = (queries: string[], lookup: (query: string) => unknown): { p50: number; p95: number } => {
    const runs = queries.map(() => [] as number[]);
    for (let pass = 0; pass < 3; pass++) {
      queries.forEach((query, i) => {
        const t = performance.now();
        lookup(query);
        runs[i]!.push(performance.now() - t);
      });
    }
    const times = runs.map((list) => list.sort((a, b) => a - b)[1]! * 1000).sort((a, b) => a - b);
    return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
  };
  const us = ({ p50, p95 }: { p50: number; p95: number }) => `p50 ${p50.toFixed(1)} µs, p95 ${p95.toFixed(1)} µs`;
  console.log(`fuzzy lookup (delete index, as used): ${garbledQueries.length} garbled names ${us(latency(garbledQueries, (query) => index.lookupFuzzy(query)))}; ${unknownQueries.length} made-up names ${us(latency(unknownQueries, (query) => index.lookupFuzzy(query)))}`);
  const stems = [...new Set(garbledQueries.map((query) => stemOfSkeleton(skeletonKey(query))))];
  console.log(`stem lookup (budget 1, as used): ${stems.length} stems of the garbled names ${us(latency(stems, (stem) => index.lookupStem(stem, 1)))}`);

  // The alternative: the bigram index (posting lists + count filter) it replaced, against a delete
  // index, both built here over the same keys (every fuzzy key of the index) and verified the same
  // way (budget by length, weighted distance or swap cost), one word queries.
  const keys = index.fuzzyKeys();
  const skeletons = [...garbledQueries, ...unknownQueries].map(skeletonKey).filter((skeleton) => !skeleton.includes(' '));
  const matches: string[][] = [];
  for (const [name, make] of [
    ['bigram', () => new BigramIndex<number>()],
    ['delete', () => new DeleteIndex<number>(2)],
  ] as const) {
    // Two collections settle what earlier steps freed (array buffers are released lazily).
    collectGarbage();
    collectGarbage();
    const before = process.memoryUsage();
    const t = performance.now();
    const fuzzy = make();
    keys.forEach((key, i) => fuzzy.add(key, i));
    // The delete index makes its table on first use.
    const size = fuzzy instanceof DeleteIndex ? `${fuzzy.deleteCount} deletes` : `${fuzzy.postingCount} postings`;
    const buildMs = performance.now() - t;
    collectGarbage();
    collectGarbage();
    const after = process.memoryUsage();
    const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    const memory = `${megabytes(after.heapUsed - before.heapUsed)} MB heap + ${megabytes(after.arrayBuffers - before.arrayBuffers)} MB typed arrays`;
    const verified = (query: string): string[] => {
      const max = maxFuzzyCost(query.length);
      const near = fuzzy instanceof DeleteIndex ? fuzzy.near(query, max) : fuzzy.near(query, max);
      return near.filter((hit) => Math.min(weightedDistance(query, hit.key, max), swapCost(query, hit.key)) <= max).map((hit) => hit.key).sort();
    };
    matches.push(skeletons.map((query) => verified(query).join(',')));
    console.log(`  ${name.padEnd(6)} index on ${keys.length} keys: build ${buildMs.toFixed(0)} ms, ${size}, ${memory}; lookup + verification ${us(latency(skeletons, verified))} (${skeletons.length} one-word queries)`);
  }
  // Where they disagree: the bigram count filter drops adjacent swaps in short names (three broken
  // bigrams); the delete index misses matches needing more than 2 plain edits. The index as used
  // is the delete index alone (see NameIndex.lookupFuzzy), so it only has the second kind of loss.
  const matchSets = matches.map((list) => list.map((keysOf) => new Set(keysOf.split(',').filter(Boolean))));
  const onlyIn = (a: number, b: number) => skeletons.filter((_, i) => [...matchSets[a]![i]!].some((key) => !matchSets[b]![i]!.has(key))).length;
  console.log(`  queries with matches only the bigram index finds: ${onlyIn(0, 1)}; only the delete index finds: ${onlyIn(1, 0)} (of ${skeletons.length})`);

  const usage = process.resourceUsage();
  console.log(`peak memory: ${(usage.maxRSS / 1024).toFixed(0)} MB RSS; heap now ${mb(process.memoryUsage().heapUsed)} MB`);
}
