/**
 * Russian romanization through the `iuliia` package, which ships the standard tables (BGN/PCGN,
 * ISO 9 / GOST 7.79, ALA-LC, ICAO, scholarly, Wikipedia, MVD...) with their special rules for
 * letter combinations and endings. Names in other Cyrillic alphabets are first respelled the way
 * Russian writes them (`cyrillic-to-russian.json`).
 */
import * as iuliia from 'iuliia';
import { compileTable, primaryLang, type RomanizationTable, type Transliterator } from './engine.js';
import { readDataFile, type RussianSchemesFile } from './tables.js';

let premap: Transliterator | undefined;

/** Respell Kyrgyz, Kazakh, Uzbek, Tajik and Turkmen letters as Russian does (Кеңеш → Кенеш). */
export function toRussianSpelling(text: string, lang: string): string {
  if (primaryLang(lang) === 'ru') return text;
  premap ??= compileTable(readDataFile<RomanizationTable>('cyrillic-to-russian.json'));
  return premap.transliterate(text, lang) ?? text;
}

/** The iuliia schemes in use, in priority order. */
export function russianSchemes(): RussianSchemesFile {
  return readDataFile<RussianSchemesFile>('russian.json');
}

const schemaCache = new Map<string, iuliia.Schema>();

function iuliiaSchema(name: string): iuliia.Schema {
  let schema = schemaCache.get(name);
  if (schema === undefined) {
    schema = iuliia.Schemas.get(name);
    if (schema === undefined) throw new Error(`iuliia has no schema '${name}'`);
    schemaCache.set(name, schema);
  }
  return schema;
}

/** Latin text must not keep Cyrillic letters; some iuliia tables keep ё, which is Latin ë there. */
export function fixIuliiaOutput(text: string): string {
  // Some tables emit decomposed letters (Z + combining caron): aliases are NFC like all text here.
  return text.replace(/ё/g, 'ë').replace(/Ё/g, 'Ë').normalize('NFC');
}

/**
 * Romanize a name with an iuliia schema (by iuliia name, e.g. `bgn_pcgn`). Undefined when
 * Cyrillic letters remain (a letter the scheme does not know).
 */
export function transliterateWithIuliia(text: string, iuliiaName: string, lang = 'ru'): string | undefined {
  const out = fixIuliiaOutput(iuliia.translate(toRussianSpelling(text.normalize('NFC'), lang), iuliiaSchema(iuliiaName)));
  return /\p{Script=Cyrillic}/u.test(out) ? undefined : out;
}

/** The sample pairs bundled with an iuliia schema (used by the tests). */
export function iuliiaSamples(iuliiaName: string): string[][] {
  return iuliiaSchema(iuliiaName).samples;
}

/**
 * Simplified forms of a romanized name, as writers without special letters produce them: soft and
 * hard sign marks dropped (`Surkhandar’inskaya` → `Surkhandarinskaya`), `ë` written `yo`/`o`
 * (`Mirziyëyev` → `Mirziyoyev`) and `e`.
 */
export function simplifiedForms(text: string): string[] {
  const bare = text.replace(/[’‘'ʹʺ”“"`·]/gu, '');
  const forms = new Set<string>([bare]);
  if (/[ëË]/u.test(bare)) {
    forms.add(bare.replace(/([yY])ë/gu, '$1o').replace(/ë/gu, 'yo').replace(/Ë/gu, 'Yo'));
    forms.add(bare.replace(/ë/gu, 'e').replace(/Ë/gu, 'E'));
  }
  return [...forms];
}
