/**
 * Normalizer benchmark: index load time, normalize throughput on ≥ 10 MB of generated English
 * news-like text next to a tokenize-only baseline (same text, same run), fuzzy lookup latency
 * (bigram index, as used, and a SymSpell delete index on a sample of the same keys, the
 * alternative it was chosen over), and peak memory.
 */
import { loadGazetteer } from '../src/gazetteer/load.js';
import { NameIndex } from '../src/normalize/name-index.js';
import { loadNameIndex, nameIndexCacheFile } from '../src/normalize/index-cache.js';
import { normalizeText } from '../src/normalize/normalizer.js';
import { tokenize } from '../src/normalize/tokenize.js';
import { foldKey, skeletonKey } from '../src/normalize/fold.js';
import { DeleteIndex } from '../src/normalize/symspell.js';
import { BigramIndex } from '../src/normalize/ngram.js';
import { weightedDistance } from '../src/normalize/distance.js';

/** A small deterministic PRNG (mulberry32), so every run measures the same text. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = (
  'the of and to in a for on that with was said by as at from officials government minister border security ' +
  'talks agreement water energy prices week year on Tuesday new region city capital residents report police court ' +
  'economy trade rail gas exports parliament deputies vote law bill president meeting summit visit ministry'
).split(' ');

/** Mutate a name the way MT garbles it: drop a letter, swap two, change a vowel. */
function garble(name: string, random: () => number): string {
  const i = 1 + Math.floor(random() * Math.max(1, name.length - 2));
  switch (Math.floor(random() * 3)) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + (name[i + 1] ?? '') + (name[i] ?? '') + name.slice(i + 2);
    default:
      return name.slice(0, i) + 'aeiou'[Math.floor(random() * 5)] + name.slice(i + 1);
  }
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
  const loadMs = performance.now() - started;
  const index = loaded.index;
  const gazetteerInfo = `${gazetteer.info?.cache ?? 'no'} cache, ${gazetteer.entries.length} entries, ${gazetteer.aliases.length} aliases`;
  console.log(`index load: gazetteer ${gazetteerMs.toFixed(0)} ms (${gazetteerInfo}) + normalizer index ${loadMs.toFixed(0)} ms from ${loaded.source === 'cache' ? 'the disk cache' : `nowhere (${loaded.source}: ${cacheFile ?? 'gazetteer not cached'})`} = ${(gazetteerMs + loadMs).toFixed(0)} ms`);
  console.log(`index build (no cache): ${buildMs.toFixed(0)} ms; ${builtAliases} aliases`);
  console.log(`index: ${JSON.stringify(index.stats())}`);

  // Names: prominent entities written correctly, garbled, and unknown capitalized names.
  const random = prng(7);
  const prominent = gazetteer.entries.filter((entry) => ['country', 'region', 'legislature', 'media', 'person'].includes(entry.kind) || (entry.prominence ?? 0) > 200_000).map((entry) => entry.name);
  const unknown = Array.from({ length: 5000 }, () => {
    const syllables = ['ka', 'ra', 'mo', 'ze', 'tur', 'bek', 'lin', 'do', 'sha', 'vo', 'ni', 'ur'];
    let word = '';
    for (let i = 0; i < 2 + Math.floor(random() * 2); i++) word += syllables[Math.floor(random() * syllables.length)];
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
  const paragraphs: string[] = [];
  let size = 0;
  while (size < 10.5 * 1024 * 1024) {
    const words: string[] = [];
    for (let i = 0; i < 120; i++) {
      const roll = random();
      if (roll < 0.06) words.push(prominent[Math.floor(random() * prominent.length)]!);
      else if (roll < 0.07) words.push(garble(prominent[Math.floor(random() * prominent.length)]!, random));
      else if (roll < 0.09) words.push(unknown[Math.floor(random() * unknown.length)]!);
      else words.push(FILLER[Math.floor(random() * FILLER.length)]!);
      if (random() < 0.07) words[words.length - 1] += '.';
    }
    const paragraph = `${words.join(' ')}.`;
    paragraphs.push(paragraph.charAt(0).toUpperCase() + paragraph.slice(1));
    size += paragraph.length + 2;
  }
  const text = paragraphs.join('\n\n');
  const bytes = Buffer.byteLength(text);
  // Documents of ~20 paragraphs (about 15 KB), as a news feed would deliver them.
  const documents: string[] = [];
  for (let i = 0; i < paragraphs.length; i += 20) documents.push(paragraphs.slice(i, i + 20).join('\n\n'));

  started = performance.now();
  let tokens = 0;
  for (const doc of documents) tokens += tokenize(doc).length;
  const tokenizeSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  let changes = 0;
  let suggestions = 0;
  for (const doc of documents) {
    const result = normalizeText(doc, index);
    changes += result.changes.length;
    suggestions += result.suggestions.length;
  }
  const normalizeSeconds = (performance.now() - started) / 1000;
  console.log(`text: ${mb(bytes)} MB, ${tokens} tokens, ${documents.length} documents (generated; ~9% name tokens, 1% garbled, 2% unknown capitalized names)`);
  console.log(`tokenize only: ${tokenizeSeconds.toFixed(2)} s, ${(bytes / 1024 / 1024 / tokenizeSeconds).toFixed(2)} MB/s, ${Math.round(tokens / tokenizeSeconds)} tokens/s`);
  console.log(`normalize:     ${normalizeSeconds.toFixed(2)} s, ${(bytes / 1024 / 1024 / normalizeSeconds).toFixed(2)} MB/s, ${Math.round(tokens / normalizeSeconds)} tokens/s (${(normalizeSeconds / tokenizeSeconds).toFixed(1)}x the baseline; ${changes} changes, ${suggestions} suggestions)`);

  // Fuzzy lookup latency on garbled names not seen before.
  const queries = Array.from({ length: 2000 }, () => foldKey(garble(prominent[Math.floor(random() * prominent.length)]!, random)));
  const times: number[] = [];
  for (const query of queries) {
    const t = performance.now();
    index.lookupFuzzy(query);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`fuzzy lookup (bigram index, ${queries.length} garbled names): p50 ${percentile(times, 0.5).toFixed(3)} ms, p95 ${percentile(times, 0.95).toFixed(3)} ms`);

  // The alternative: SymSpell deletes (distance 2) against the bigram index, on the same 5,000 keys.
  const keys = [...new Set(gazetteer.entries.filter((entry) => entry.kind !== 'village').map((entry) => skeletonKey(entry.name)))].slice(0, 5000);
  for (const [name, build] of [
    ['bigram', () => new BigramIndex<string>()],
    ['symspell', () => new DeleteIndex<string>(2, 8)],
  ] as const) {
    const heapBefore = process.memoryUsage().heapUsed;
    const t = performance.now();
    const fuzzy = build();
    for (const key of keys) fuzzy.add(key, key);
    const buildMs = performance.now() - t;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    const lookups: number[] = [];
    for (const query of queries.slice(0, 500)) {
      const skeleton = skeletonKey(query);
      const q = performance.now();
      const near = fuzzy instanceof BigramIndex ? fuzzy.near(skeleton, 2) : fuzzy.near(skeleton);
      for (const hit of near) weightedDistance(skeleton, hit.key, 2);
      lookups.push(performance.now() - q);
    }
    lookups.sort((a, b) => a - b);
    const heap = heapMb >= 0 ? `~${heapMb.toFixed(1)} MB heap` : 'heap not measurable (GC ran)';
    console.log(`  ${name.padEnd(8)} on ${keys.length} keys: build ${buildMs.toFixed(0)} ms, ${heap}, lookup p50 ${percentile(lookups, 0.5).toFixed(3)} ms, p95 ${percentile(lookups, 0.95).toFixed(3)} ms`);
  }

  const usage = process.resourceUsage();
  console.log(`peak memory: ${(usage.maxRSS / 1024).toFixed(0)} MB RSS; heap now ${mb(process.memoryUsage().heapUsed)} MB`);
}
