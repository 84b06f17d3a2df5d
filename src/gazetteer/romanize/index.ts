/**
 * Romanization: the Latin spellings that translators and MT systems produce from a Cyrillic name,
 * each with the scheme that made it. Russian standard schemes come from `iuliia`; Central Asian
 * orthographies, European press conventions and Russian morphology come from the tables in
 * `data/romanization/`.
 */
import { foldName } from '../fold.js';
import { compileTable, primaryLang, type RomanizationTable, type Transliterator } from './engine.js';
import { russianForms } from './morphology.js';
import { russianSchemes, simplifiedForms, transliterateWithIuliia } from './russian.js';
import { letterTables, readDataFile, type MorphologyFile } from './tables.js';

export { compileTable, primaryLang } from './engine.js';
export type { RomanizationTable, TableRule, TableSample, Transliterator } from './engine.js';
export { russianForms, inflectNoun, inflectAdjective, isRussianAdjective } from './morphology.js';
export type { RussianForm } from './morphology.js';
export { simplifiedForms, toRussianSpelling, transliterateWithIuliia, iuliiaSamples, russianSchemes } from './russian.js';
export { letterTables, readDataFile, dataFiles, romanizationDataDir } from './tables.js';

/** A generated Latin spelling of a native-script name. */
export interface Romanization {
  text: string;
  /** How it was made: `bgn-pcgn`, `uz-latin`, `italian`, `ru-simplified`, `ru-case`, `ru-adjective`... */
  scheme: string;
  /** The native-script name it was made from. */
  from: string;
}

/** A romanization scheme and what it covers. */
export interface SchemeInfo {
  scheme: string;
  title: string;
  /** Primary language subtags of the names it romanizes. */
  langs: string[];
  /** `iuliia` (Russian standard tables), `table` (data/romanization) or `morphology`. */
  source: 'iuliia' | 'table' | 'morphology';
}

/** Languages whose Cyrillic names are romanized. */
export const ROMANIZED_LANGS: ReadonlySet<string> = new Set(['ru', 'ky', 'kk', 'uz', 'tg', 'tk', 'und']);

/** Default cap on generated spellings per name (after de-duplication by folded form). */
export const DEFAULT_ROMANIZATION_LIMIT = 40;

/** Priority of the letter tables after BGN/PCGN: each language's own orthographies first. */
const LANGUAGE_TABLES = ['ky-plain', 'ky-bgn', 'kk-english', 'kk-latin', 'uz-latin', 'uz-english', 'tg-bgn', 'tg-plain', 'tk-english', 'tk-latin'];
const EUROPEAN_TABLES = ['czech', 'polish', 'german', 'french', 'italian', 'hungarian', 'spanish'];
/** The iuliia schemes tried early (the rest follow the European conventions). */
const EARLY_IUILIA = new Set(['bgn-pcgn', 'wikipedia', 'gost-52290', 'mvd-782']);

let compiled: Map<string, Transliterator> | undefined;
function transliterators(): Map<string, Transliterator> {
  if (compiled === undefined) {
    compiled = new Map();
    for (const [scheme, table] of letterTables()) {
      if (table.keepsCyrillic) continue;
      compiled.set(scheme, compileTable(table));
    }
  }
  return compiled;
}

/** Every scheme that can generate aliases. */
export function romanizationSchemes(): SchemeInfo[] {
  const russian = russianSchemes();
  const out: SchemeInfo[] = russian.schemes.map((s) => ({ scheme: s.scheme, title: s.title, langs: russian.langs, source: 'iuliia' as const }));
  out.push({ scheme: 'ru-simplified', title: 'Russian schemes without soft/hard sign marks, ë as yo or e', langs: russian.langs, source: 'iuliia' });
  for (const [scheme, table] of letterTables()) {
    if (table.keepsCyrillic) continue;
    out.push({ scheme, title: table.title, langs: table.langs, source: 'table' });
  }
  out.push({ scheme: 'ru-adjective', title: 'Russian adjective forms of region names', langs: ['ru'], source: 'morphology' });
  out.push({ scheme: 'ru-case', title: 'Russian case forms of names', langs: ['ru'], source: 'morphology' });
  out.push({ scheme: 'en-calque', title: 'English calques of a descriptive first word (New Urengoy, Lower Novgorod)', langs: ['ru'], source: 'morphology' });
  return out;
}

/**
 * Romanize `text` (a name in language `lang`) with one scheme (iuliia-based, a letter table, or
 * `ru-simplified`, which gives the first simplified BGN/PCGN form). Undefined when the scheme does
 * not cover the language or leaves Cyrillic letters.
 */
export function transliterate(text: string, scheme: string, lang = 'ru'): string | undefined {
  const primary = primaryLang(lang);
  const russian = russianSchemes();
  if (scheme === 'ru-simplified') {
    const bgn = transliterate(text, 'bgn-pcgn', lang);
    return bgn === undefined ? undefined : simplifiedForms(bgn)[0];
  }
  const ru = russian.schemes.find((s) => s.scheme === scheme);
  if (ru !== undefined) return russian.langs.includes(primary) ? transliterateWithIuliia(text, ru.iuliia, primary) : undefined;
  const table = transliterators().get(scheme);
  if (table === undefined) throw new Error(`unknown romanization scheme '${scheme}'`);
  return table.langs.has(primary) ? table.transliterate(text, primary) : undefined;
}

/** Options of `romanize`. */
export interface RomanizeOptions {
  /** Entity kind (`person` changes how case forms are made). */
  kind?: string;
  /** Cap on spellings returned (default 40). */
  limit?: number;
  /** Generate Russian case and adjective forms (default true). */
  morphology?: boolean;
  /** Folded spellings already known (not returned again). Updated with the spellings returned. */
  seen?: Set<string>;
}

/**
 * The Latin spellings of a Cyrillic name in language `lang`, best-known first, de-duplicated by
 * folded form (so `Žaparov` also stands for `Zaparov`), at most `limit`. Latin-script names and
 * languages outside `ROMANIZED_LANGS` give nothing.
 *
 * ```ts
 * romanize('Жапаров', 'ky').map((r) => `${r.text} (${r.scheme})`);
 * // ['Zhaparov (bgn-pcgn)', 'Japarov (ky-plain)', ..., 'Giaparov (italian)', ...]
 * ```
 */
export function romanize(text: string, lang: string, options: RomanizeOptions = {}): Romanization[] {
  const primary = primaryLang(lang);
  if (!ROMANIZED_LANGS.has(primary) || !/\p{Script=Cyrillic}/u.test(text)) return [];
  const limit = options.limit ?? DEFAULT_ROMANIZATION_LIMIT;
  const seen = options.seen ?? new Set<string>();
  const out: Romanization[] = [];
  const add = (spelling: string | undefined, scheme: string): void => {
    if (spelling === undefined || out.length >= limit) return;
    const key = foldName(spelling);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    out.push({ text: spelling, scheme, from: text });
  };
  const russian = russianSchemes();
  const iuliiaScheme = (scheme: string): void => {
    const spelling = transliterate(text, scheme, primary);
    add(spelling, scheme);
    if (spelling !== undefined) for (const simple of simplifiedForms(spelling)) add(simple, 'ru-simplified');
  };
  const table = (scheme: string): void => {
    const t = transliterators().get(scheme);
    if (t !== undefined && t.langs.has(primary)) add(t.transliterate(text, primary), scheme);
  };

  // A Russian name is best known by its BGN/PCGN form; other languages by their own orthographies.
  if (primary !== 'ru') for (const scheme of LANGUAGE_TABLES) table(scheme);
  iuliiaScheme('bgn-pcgn');
  for (const s of russian.schemes) if (EARLY_IUILIA.has(s.scheme) && s.scheme !== 'bgn-pcgn') iuliiaScheme(s.scheme);

  const morph = options.morphology !== false && primary === 'ru' ? russianForms(text, options.kind) : [];
  const romanizeForm = (form: (typeof morph)[number]): void => {
    for (const scheme of readDataFile<MorphologyFile>('ru-morphology.json').romanizeWith[form.scheme]) {
      const spelling = transliterate(form.text, scheme, 'ru');
      if (spelling === undefined) continue;
      for (const simple of simplifiedForms(spelling)) add((form.prefix ?? '') + simple + (form.suffix ?? ''), form.scheme);
    }
  };
  for (const form of morph) if (form.scheme === 'ru-adjective' || form.scheme === 'en-calque') romanizeForm(form);
  for (const scheme of EUROPEAN_TABLES) table(scheme);
  for (const s of russian.schemes) if (!EARLY_IUILIA.has(s.scheme)) iuliiaScheme(s.scheme);
  for (const form of morph) if (form.scheme === 'ru-case') romanizeForm(form);
  // Any table not placed above (a new data file) still contributes, last.
  for (const scheme of transliterators().keys()) if (!LANGUAGE_TABLES.includes(scheme) && !EUROPEAN_TABLES.includes(scheme)) table(scheme);
  return out;
}
