/**
 * Language codes for translation: detection answers in ISO 639-3 or BCP-47, model manifests
 * use ISO 639-1 (`ru-en`), NLLB-200 takes FLORES-200 codes (`rus_Cyrl`), M2M-100 takes ISO 639-1.
 */
import tables from './data/languages.json' with { type: 'json' };

const iso6393 = tables.iso6393 as Record<string, string>;
const flores = tables.flores as Record<string, string>;
const m2m100 = new Set<string>(tables.m2m100);
const recommended = tables.recommended as Record<string, string>;
const uzbekLetters = tables.uzbekCyrillicToLatin.letters as Record<string, string>;

/** Uzbek Cyrillic → Latin sample pairs from the data table (run as tests). */
export const uzbekTransliterationSamples = tables.uzbekCyrillicToLatin.samples as Array<[string, string]>;

/**
 * The code model manifests use for a language: ISO 639-1 where one exists (`rus` → `ru`,
 * `uz-Cyrl` → `uz`), else the lower-cased primary subtag.
 */
export function modelLanguage(tag: string): string {
  const primary = tag.split(/[-_]/)[0]!.toLowerCase();
  return iso6393[primary] ?? primary;
}

/** The script subtag of a BCP-47 tag (`uz-Cyrl` → `Cyrl`), if any. */
export function scriptOf(tag: string): string | undefined {
  return tag.split(/[-_]/).slice(1).find((part) => /^[A-Za-z]{4}$/.test(part));
}

/** The FLORES-200 code NLLB-200 takes for a language (`ru` → `rus_Cyrl`). */
export function floresCode(language: string): string | undefined {
  return flores[modelLanguage(language)];
}

/** Whether M2M-100 knows a language. */
export function isM2m100Language(language: string): boolean {
  return m2m100.has(modelLanguage(language));
}

/** The hub model recommended for `language` → English, if one is listed. */
export function recommendedModel(language: string): string | undefined {
  return recommended[modelLanguage(language)];
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const VOWELS = new Set(['а', 'е', 'ё', 'и', 'о', 'у', 'э', 'ю', 'я', 'ў', 'ъ', 'ь']);

/** Whether a text contains Cyrillic letters. */
export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/**
 * Transliterate Uzbek Cyrillic to the Latin alphabet (NLLB takes Uzbek as `uzn_Latn` only).
 * `е` is `ye` at the start of a word and after a vowel; `ц` is `ts` after a vowel. Case is kept.
 */
export function uzbekCyrillicToLatin(text: string): string {
  let out = '';
  const chars = [...text];
  chars.forEach((char, index) => {
    const lower = char.toLowerCase();
    let latin = uzbekLetters[lower];
    if (latin === undefined) {
      out += char;
      return;
    }
    const previous = chars[index - 1]?.toLowerCase();
    const atWordStart = previous === undefined || !/\p{L}/u.test(previous);
    if (lower === 'е' && (atWordStart || VOWELS.has(previous!))) latin = 'ye';
    if (lower === 'ц' && previous !== undefined && VOWELS.has(previous)) latin = 'ts';
    if (char !== lower && latin.length > 0) {
      const next = chars[index + 1];
      const wholeWordUpper = next !== undefined && next !== next.toLowerCase();
      latin = wholeWordUpper ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
    }
    out += latin;
  });
  return out;
}
