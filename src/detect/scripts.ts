/**
 * Unicode script census: which writing system a text is mostly written in.
 * Detection compares only languages written in the dominant script, so a Cyrillic
 * text is never answered with a Latin-script language and vice versa.
 */

/** A script the detector tells apart, with the franc data group (or single language) that covers it. */
export interface ScriptInfo {
  /** ISO 15924 code, e.g. `Cyrl`. */
  code: string;
  /** Unicode `Script=` property value used to recognise its letters. */
  property: string;
  /** Key in franc's trigram data (a group such as `Cyrillic`), when franc has several languages for it. */
  francGroup?: string;
  /** The only language franc knows in this script (ISO 639-3), when there is one. */
  single?: string;
}

/**
 * Scripts, most specific first. Kana is checked before Han so that Japanese (Han + kana)
 * is told from Chinese by the kana share, see {@link dominantScript}.
 */
export const SCRIPTS: readonly ScriptInfo[] = [
  { code: 'Latn', property: 'Latin', francGroup: 'Latin' },
  { code: 'Cyrl', property: 'Cyrillic', francGroup: 'Cyrillic' },
  { code: 'Arab', property: 'Arabic', francGroup: 'Arabic' },
  { code: 'Hani', property: 'Han', single: 'cmn' },
  { code: 'Kana', property: 'Katakana', single: 'jpn' },
  { code: 'Hira', property: 'Hiragana', single: 'jpn' },
  { code: 'Hang', property: 'Hangul', single: 'kor' },
  { code: 'Deva', property: 'Devanagari', francGroup: 'Devanagari' },
  { code: 'Grek', property: 'Greek', single: 'ell' },
  { code: 'Armn', property: 'Armenian', single: 'hye' },
  { code: 'Geor', property: 'Georgian', single: 'kat' },
  { code: 'Hebr', property: 'Hebrew', francGroup: 'Hebrew' },
  { code: 'Thai', property: 'Thai', single: 'tha' },
  { code: 'Beng', property: 'Bengali', single: 'ben' },
  { code: 'Taml', property: 'Tamil', single: 'tam' },
  { code: 'Telu', property: 'Telugu', single: 'tel' },
  { code: 'Gujr', property: 'Gujarati', single: 'guj' },
  { code: 'Knda', property: 'Kannada', single: 'kan' },
  { code: 'Mlym', property: 'Malayalam', single: 'mal' },
  { code: 'Guru', property: 'Gurmukhi', single: 'pan' },
  { code: 'Ethi', property: 'Ethiopic', francGroup: 'Ethiopic' },
  { code: 'Mymr', property: 'Myanmar', francGroup: 'Myanmar' },
  { code: 'Khmr', property: 'Khmer', single: 'khm' },
  { code: 'Laoo', property: 'Lao', single: 'lao' },
  { code: 'Sinh', property: 'Sinhala', single: 'sin' },
  { code: 'Tibt', property: 'Tibetan', single: 'bod' },
];

const scriptPatterns = SCRIPTS.map((script) => ({ script, pattern: new RegExp(`^\\p{Script=${script.property}}$`, 'u') }));
const letterPattern = /^[\p{L}\p{M}]$/u;
const byCode = new Map(SCRIPTS.map((script) => [script.code, script]));

/** Look up a script by its ISO 15924 code. */
export function scriptInfo(code: string): ScriptInfo | undefined {
  return byCode.get(code);
}

/** Letters counted per script. */
export interface ScriptCensus {
  /** ISO 15924 code → number of letters. */
  counts: Map<string, number>;
  /** All letters (any script, including unlisted ones). */
  letters: number;
}

/** Per character: `-` not a letter, `` a letter of no listed script, else the script code (memoized: text repeats characters). */
const classCache = new Map<string, string>();

function classOf(char: string): string {
  let value = classCache.get(char);
  if (value === undefined) {
    value = '-';
    if (letterPattern.test(char)) {
      value = '';
      for (const { script, pattern } of scriptPatterns) {
        if (pattern.test(char)) {
          value = script.code;
          break;
        }
      }
    }
    classCache.set(char, value);
  }
  return value;
}

/** Script of one code point, or `undefined` for non-letters and unlisted scripts. */
export function scriptOf(char: string): string | undefined {
  const value = classOf(char);
  return value === '-' || value === '' ? undefined : value;
}

/** Count letters per script. Combining marks count with the script they belong to (Inherited marks are skipped). */
export function scriptCensus(text: string): ScriptCensus {
  const counts = new Map<string, number>();
  let letters = 0;
  for (const char of text) {
    const value = classOf(char);
    if (value === '-') continue;
    letters += 1;
    if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return { counts, letters };
}

/** The dominant script and its letter count. Han with any kana is Japanese (`Jpan`). */
export function dominantScript(census: ScriptCensus): { code: string; letters: number } | undefined {
  const kana = (census.counts.get('Kana') ?? 0) + (census.counts.get('Hira') ?? 0);
  const han = census.counts.get('Hani') ?? 0;
  let best: { code: string; letters: number } | undefined;
  for (const [code, letters] of census.counts) {
    if (code === 'Kana' || code === 'Hira') continue;
    if (best === undefined || letters > best.letters) best = { code, letters };
  }
  // Japanese writes Han and kana together; a few kana among many Han still mean Japanese.
  if (kana > 0 && (best === undefined || best.code === 'Hani' || kana + han > best.letters)) {
    const total = kana + han;
    if (best === undefined || total >= best.letters) return { code: 'Jpan', letters: total };
  }
  return best;
}

/** Keep only letters of `code` (and everything that is not a letter); other listed scripts' letters become spaces (same length). */
export function keepScript(text: string, code: string): string {
  const keep = code === 'Jpan' ? new Set(['Hani', 'Kana', 'Hira']) : new Set([code]);
  let out = '';
  for (const char of text) {
    // Common and Inherited letters (the Uzbek ʻ, combining marks) stay: they belong to their neighbours.
    const script = scriptOf(char);
    out += script === undefined || keep.has(script) ? char : ' '.repeat(char.length);
  }
  return out;
}
