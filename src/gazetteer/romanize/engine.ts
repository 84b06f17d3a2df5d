/**
 * A small table-driven transliteration engine for the romanization tables in
 * `data/romanization/*.json`. A table maps Cyrillic letters (and letter pairs) to Latin, with
 * contextual rules that look at the previous and next letter (`ш` → `sci` before back vowels
 * in Italian, `е` → `ye` at the start of a word in English-style schemes) and rules that apply
 * only to names of some languages (Kyrgyz `ж` is `dj` in French, Russian `ж` is `j`).
 */

/** A contextual rule. Context tokens: `^` word start, `$` word end, `@NAME` a letter class, else a string of letters. */
export interface TableRule {
  from: string;
  to: string;
  /** The rule applies when the letter before `from` matches one of these tokens. */
  after?: string[];
  /** The rule applies when the letter after `from` matches one of these tokens. */
  before?: string[];
  /** Only for names in these languages (primary subtag: `ky`, `uz`...). */
  langs?: string[];
  /** Never for names in these languages. */
  notLangs?: string[];
}

/** One sample pair, run as a test: `native` in language `lang` must come out as `latin`. */
export interface TableSample {
  lang: string;
  native: string;
  latin: string;
}

/** A romanization table as stored in `data/romanization/<scheme>.json`. */
export interface RomanizationTable {
  /** Scheme id recorded on generated aliases (`italian`, `uz-latin`...). */
  scheme: string;
  title: string;
  description?: string;
  /** Languages (primary subtags) whose Cyrillic names this table romanizes. */
  langs: string[];
  /** Extra letter classes for contexts (`@BACK`), added to the default ones. */
  classes?: Record<string, string>;
  /** Plain letter (or letter group) mappings, used when no rule applies. */
  letters: Record<string, string>;
  rules?: TableRule[];
  samples: TableSample[];
  /** A Cyrillic-to-Cyrillic respelling table (output may keep Cyrillic letters). */
  keepsCyrillic?: boolean;
}

/** Letter classes every table can use. */
export const DEFAULT_CLASSES: Record<string, string> = {
  /** Vowels of the Cyrillic alphabets of Russian and Central Asia. */
  V: 'аеёиоуыэюяәөүұіӣӯў',
  /** Front vowels after which Italian/Spanish soften c/g. */
  EI: 'еиэіӣё',
  /** Consonants. */
  C: 'бвгджзйклмнпрстфхцчшщқғҳҷңһҗ',
};

interface CompiledRule {
  from: string;
  to: string;
  after?: string[];
  before?: string[];
  langs?: Set<string>;
  notLangs?: Set<string>;
}

/** A compiled table: a function from (text, language) to Latin text, or undefined when letters are left over. */
export interface Transliterator {
  readonly scheme: string;
  readonly langs: ReadonlySet<string>;
  transliterate(text: string, lang: string): string | undefined;
}

const WORD = /\p{L}[\p{L}\p{M}]*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The primary language subtag, lower case (`uz-Cyrl` → `uz`). */
export function primaryLang(lang: string): string {
  return lang.split('-')[0]!.toLowerCase();
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** Compile a table. Throws on a malformed table (a programming error, caught by the tests). */
export function compileTable(table: RomanizationTable): Transliterator {
  const classes = { ...DEFAULT_CLASSES, ...table.classes };
  const resolve = (tokens: string[] | undefined, where: string): string[] | undefined =>
    tokens?.map((token) => {
      if (token.startsWith('@')) {
        const members = classes[token.slice(1)];
        if (members === undefined) throw new Error(`romanization table ${table.scheme}: unknown class ${token} in ${where}`);
        return members;
      }
      return token;
    });
  const rules: CompiledRule[] = (table.rules ?? []).map((rule, i) => ({
    from: rule.from.toLowerCase(),
    to: rule.to,
    after: resolve(rule.after, `rule ${i}`),
    before: resolve(rule.before, `rule ${i}`),
    langs: rule.langs ? new Set(rule.langs) : undefined,
    notLangs: rule.notLangs ? new Set(rule.notLangs) : undefined,
  }));
  // Longest `from` first; among equals, file order.
  rules.sort((a, b) => b.from.length - a.from.length);
  const letters = new Map(Object.entries(table.letters).map(([k, v]) => [k.toLowerCase(), v]));
  const maxLetterLength = Math.max(1, ...[...letters.keys()].map((k) => k.length));

  const contextMatches = (tokens: string[] | undefined, letter: string, edge: '^' | '$'): boolean => {
    if (tokens === undefined) return true;
    for (const token of tokens) {
      if (token === edge) {
        if (letter === '') return true;
      } else if (letter !== '' && token !== '^' && token !== '$' && token.includes(letter)) return true;
    }
    return false;
  };

  const transliterateWord = (word: string, lang: string): string => {
    const lower = word.toLowerCase();
    const allCaps = word.length > 1 && word === word.toUpperCase() && word !== lower;
    let out = '';
    let i = 0;
    while (i < lower.length) {
      const prev = i > 0 ? lower[i - 1]! : '';
      let to: string | undefined;
      let length = 1;
      for (const rule of rules) {
        if (!lower.startsWith(rule.from, i)) continue;
        if (rule.langs && !rule.langs.has(lang)) continue;
        if (rule.notLangs?.has(lang)) continue;
        const next = lower[i + rule.from.length] ?? '';
        if (!contextMatches(rule.after, prev, '^') || !contextMatches(rule.before, next, '$')) continue;
        to = rule.to;
        length = rule.from.length;
        break;
      }
      if (to === undefined) {
        for (let n = Math.min(maxLetterLength, lower.length - i); n >= 1; n--) {
          const mapped = letters.get(lower.slice(i, i + n));
          if (mapped !== undefined) {
            to = mapped;
            length = n;
            break;
          }
        }
      }
      const source = word.slice(i, i + length);
      if (to === undefined) to = source;
      else if (allCaps) to = to.toUpperCase();
      else if (source[0] !== lower[i]) to = capitalize(to);
      out += to;
      i += length;
    }
    return out;
  };

  return {
    scheme: table.scheme,
    langs: new Set(table.langs),
    transliterate(text: string, lang: string): string | undefined {
      const primary = primaryLang(lang);
      const out = text.normalize('NFC').replace(WORD, (word) => transliterateWord(word, primary));
      return !table.keepsCyrillic && CYRILLIC.test(out) ? undefined : out;
    },
  };
}
