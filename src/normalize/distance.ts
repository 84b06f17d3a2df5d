/**
 * Weighted edit distance on romanization skeletons (optimal string alignment: insertions,
 * deletions, substitutions and adjacent transpositions). Substitutions that romanizations and
 * pivot languages produce are cheap (vowel for vowel, `g`/`h`, `s`/`z`, `J`/`i`); other edits
 * cost 1, but two adjacent letters swapped 0.8. Skeletons already fold the common digraph variants
 * to one letter, so a romanization difference costs 0 to 0.5 here while a typo costs about 1.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Cost of substituting `a` by `b` (a ≠ b). */
export function substitutionCost(a: string, b: string): number {
  if (VOWELS.has(a) && VOWELS.has(b)) return 0.5;
  const pair = a < b ? a + b : b + a;
  switch (pair) {
    case 'Ji': // j read as y
    case 'gh': // Russian г for h (`Kandagar`)
    case 'sz':
    case 'Jz':
    case 'Js':
    case 'cs':
    case 'ck':
    case 'hk':
    case 'fv':
      return 0.6;
    default:
      return 1;
  }
}

/** Cost of inserting or deleting `ch` (vowels and `h` drop out of romanizations more easily). */
export function indelCost(ch: string): number {
  if (ch === ' ') return 0.5;
  return VOWELS.has(ch) || ch === 'h' ? 0.8 : 1;
}

/** Rows and char codes reused between calls (the distance runs in hot loops; no allocation per call). */
let buffers: Float64Array[] = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];
let codesA = new Uint16Array(64);
/** Two adjacent letters swapped (`Novosibrisk`): the commonest typo, cheaper than another edit. */
const TRANSPOSITION = 0.8;

let codesB = new Uint16Array(64);
let indelB = new Float64Array(64);

/**
 * `indelCost` and `substitutionCost` by char code for ASCII (`SUBSTITUTION[a * 128 + b]`), so the
 * inner loop makes no strings; every other char costs 1 either way, as the functions say.
 */
const INDEL = Float64Array.from({ length: 128 }, (_, code) => indelCost(String.fromCharCode(code)));
const SUBSTITUTION = Float64Array.from({ length: 128 * 128 }, (_, i) => (i >> 7 === (i & 127) ? 0 : substitutionCost(String.fromCharCode(i >> 7), String.fromCharCode(i & 127))));

/**
 * The weighted distance between two skeletons, or `Infinity` once it exceeds `max`
 * (the computation stops early, so a tight `max` keeps it cheap).
 */
export function weightedDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) * 0.5 > max) return Infinity;
  if (buffers[0]!.length < m + 1) buffers = [new Float64Array(m + 33), new Float64Array(m + 33), new Float64Array(m + 33)];
  if (codesA.length < n) codesA = new Uint16Array(n + 32);
  if (codesB.length < m) {
    codesB = new Uint16Array(m + 32);
    indelB = new Float64Array(m + 32);
  }
  for (let i = 0; i < n; i++) codesA[i] = a.charCodeAt(i);
  for (let j = 0; j < m; j++) {
    const cb = b.charCodeAt(j);
    codesB[j] = cb;
    indelB[j] = cb < 128 ? INDEL[cb]! : 1;
  }
  let [prev2, prev, cur] = buffers as [Float64Array, Float64Array, Float64Array];
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + indelB[j - 1]!;
  for (let i = 1; i <= n; i++) {
    const ca = codesA[i - 1]!;
    const indelA = ca < 128 ? INDEL[ca]! : 1;
    cur[0] = prev[0]! + indelA;
    let rowMin = cur[0]!;
    for (let j = 1; j <= m; j++) {
      const cb = codesB[j - 1]!;
      const substitution = ca === cb ? 0 : ca < 128 && cb < 128 ? SUBSTITUTION[(ca << 7) | cb]! : 1;
      let best = Math.min(prev[j]! + indelA, cur[j - 1]! + indelB[j - 1]!, prev[j - 1]! + substitution);
      if (i > 1 && j > 1 && ca === codesB[j - 2] && codesA[i - 2] === cb && ca !== cb) best = Math.min(best, prev2[j - 2]! + TRANSPOSITION);
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return Infinity;
    const oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  const result = prev[m]!;
  return result > max ? Infinity : result;
}

/**
 * Cost of two letters swapped at a distance (`Ashbagat` for `Ashgabat`): 1.2 when the strings
 * have the same length and differ exactly at two positions holding each other's letters,
 * `Infinity` otherwise. The edit distance alone would charge two substitutions.
 */
export function swapCost(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let first = -1;
  let second = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (first < 0) first = i;
    else if (second < 0) second = i;
    else return Infinity;
  }
  return second >= 0 && a[first] === b[second] && a[second] === b[first] ? 1.2 : Infinity;
}
