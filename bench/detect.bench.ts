/**
 * Detection throughput: texts per second for single words, sentences and ~4 KB articles
 * (project-written samples), with eld and franc together (the default) and franc alone,
 * plus the one-off eld load and the cost of the segment-level search.
 */
import { createDetector, type DetectOptions } from '../src/detect/index.js';
import { PIPELINE_SAMPLES } from '../test/detect/samples.js';

function measure(label: string, texts: string[], detect: (text: string) => Promise<unknown>, minMs = 1500): Promise<void> {
  return (async () => {
    let count = 0;
    let chars = 0;
    const started = performance.now();
    while (performance.now() - started < minMs) {
      for (const text of texts) {
        await detect(text);
        count += 1;
        chars += text.length;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`${label.padEnd(44)} ${(count / seconds).toFixed(0).padStart(7)} texts/s  ${(chars / seconds / 1024).toFixed(0).padStart(6)} KiB/s  ${((1e6 * seconds) / count).toFixed(0).padStart(7)} µs/text`);
  })();
}

export async function run(): Promise<void> {
  const sentences = PIPELINE_SAMPLES.map((sample) => sample.text);
  const words = sentences.map((text) => (text.match(/[\p{L}\p{M}]{5,}/gu) ?? [])[1] ?? text);
  // An article: 30 sentences of one language with one quoted sentence of another.
  const articles = PIPELINE_SAMPLES.slice(0, 8).map((sample, i) => {
    const quote = PIPELINE_SAMPLES[(i + 7) % PIPELINE_SAMPLES.length]!.text;
    return [...Array.from({ length: 15 }, () => sample.text), `«${quote}»`, ...Array.from({ length: 15 }, () => sample.text)].join(' ');
  });

  const loadStarted = performance.now();
  const withEld = createDetector({ minLength: 1, minMargin: 0 });
  await withEld.detect('load the models once');
  console.log(`eld load (medium database, once per process): ${(performance.now() - loadStarted).toFixed(0)} ms`);

  const configs: Array<[string, DetectOptions]> = [
    ['franc + eld', { minLength: 1, minMargin: 0, segments: false }],
    ['franc only (eld: false)', { minLength: 1, minMargin: 0, segments: false, eld: false }],
  ];
  for (const [name, options] of configs) {
    const detector = createDetector(options);
    await measure(`${name}, single words`, words, (text) => detector.detect(text));
    await measure(`${name}, sentences`, sentences, (text) => detector.detect(text));
    await measure(`${name}, ~${Math.round(articles[0]!.length / 1024)} KiB articles, no segments`, articles, (text) => detector.detect(text));
  }
  const segmenting = createDetector({});
  await measure('franc + eld, articles with segment search', articles, (text) => segmenting.detect(text));
  const memory = process.memoryUsage();
  console.log(`memory after: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`);
}
