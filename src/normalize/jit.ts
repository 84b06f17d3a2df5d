/**
 * V8 settings for a process whose main work is normalizing. The CLI applies them on start (and
 * the benchmark, so that it measures what the CLI does); a library user who owns the process may
 * call `tuneV8ForNormalizing` too. They change how fast the code runs, never what it computes.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * `--no-turbo-inlining`: the normalizer's hot methods are large and meet new shapes of input for
 * most of a first pass, so the optimizing compiler recompiles them often (`decide` seven times
 * in a 10 MB run). Without inlining each compilation is a fraction of the work: measured on the
 * benchmark's 10 MB, first sight took ~9% less CPU (5.32 s instead of 5.82 s, mean of four
 * alternating runs), and a pass on compiled code the same (1.88 s and 1.87 s, three runs each).
 * Read when a function is compiled, so it takes effect when set at run time, before the work.
 */
export const NORMALIZER_V8_FLAGS: readonly string[] = ['--no-turbo-inlining'];

/** Apply `NORMALIZER_V8_FLAGS` to this process (all of its code, not only transnorm's). */
export function tuneV8ForNormalizing(): void {
  for (const flag of NORMALIZER_V8_FLAGS) setFlagsFromString(flag);
}
