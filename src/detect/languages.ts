/**
 * The languages the detector knows well: the 15 pipeline languages (Uzbek in two scripts).
 * Each profile says which script it is written in, its codes for franc and eld, its
 * alphabet (letters outside it count against it) and its marker letters (letters few
 * neighbours share) with roughly how often they occur in running text, so that a long
 * text with none of them counts against it too.
 *
 * The alphabets are the official ones; the marker rates are rough figures written for the
 * project (orders of magnitude, not measured on any evaluation text).
 */
import { iso6393To1 } from 'iso-639-3';

/** What the detector knows about one pipeline language in one script. */
export interface LanguageProfile {
  /** ISO 639-3 code as franc reports it (`uzn` for Uzbek, `pes` for Persian, `arb` for Arabic). */
  iso6393: string;
  /** BCP-47 tag (`uz-Cyrl` where the script is not the language's default). */
  bcp47: string;
  /** ISO 15924 script code. */
  script: string;
  /** English name. */
  name: string;
  /** Code in eld's model, when eld knows the language. */
  eld?: string;
  /** Lower-case letters of the alphabet (anything else in the script counts against the language). */
  alphabet: string;
  /** Letters that few neighbours share, and how often (share of letters) they occur in running text. */
  markers?: { letters: string; rate: number };
  /** eld language whose score stands in when eld does not know this one (a close relative). */
  eldProxy?: string;
  /** Letter sequences typical of the language and rare in its neighbours (regular expression source, matched on lower-case text). */
  patterns?: string;
  /** Letters of the alphabet that native words do not use (they come with loanwords): weak evidence against. */
  rareLetters?: string;
}

const RUSSIAN = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';

/** The pipeline languages. Order is only for display. */
export const PIPELINE_LANGUAGES: readonly LanguageProfile[] = [
  { iso6393: 'eng', bcp47: 'en', script: 'Latn', name: 'English', eld: 'en', alphabet: LATIN },
  { iso6393: 'deu', bcp47: 'de', script: 'Latn', name: 'German', eld: 'de', alphabet: `${LATIN}äöüß`, markers: { letters: 'äöüß', rate: 0.014 } },
  { iso6393: 'fra', bcp47: 'fr', script: 'Latn', name: 'French', eld: 'fr', alphabet: `${LATIN}àâæçéèêëîïôœùûüÿ`, markers: { letters: 'àâæçéèêëîïôœùûÿ', rate: 0.03 } },
  { iso6393: 'ita', bcp47: 'it', script: 'Latn', name: 'Italian', eld: 'it', alphabet: `${LATIN}àèéìíîòóùú`, markers: { letters: 'àèéìíîòóùú', rate: 0.008 } },
  { iso6393: 'spa', bcp47: 'es', script: 'Latn', name: 'Spanish', eld: 'es', alphabet: `${LATIN}áéíñóúü`, markers: { letters: 'áéíñóú', rate: 0.025 } },
  { iso6393: 'tur', bcp47: 'tr', script: 'Latn', name: 'Turkish', eld: 'tr', alphabet: 'abcdefghijklmnoprstuvyzçğıöşüâîû', markers: { letters: 'çğıöşü', rate: 0.09 } },
  // Uzbek Latin: oʻ and gʻ are written with U+02BB (or ‘ ' ʼ in practice); no w, c only in ch.
  { iso6393: 'uzn', bcp47: 'uz', script: 'Latn', name: 'Uzbek', alphabet: 'abcdefghijklmnopqrstuvxyzʻʼ', markers: { letters: 'qxʻ', rate: 0.05 }, eldProxy: 'az' },
  { iso6393: 'rus', bcp47: 'ru', script: 'Cyrl', name: 'Russian', eld: 'ru', alphabet: RUSSIAN, markers: { letters: 'ыэъё', rate: 0.02 } },
  { iso6393: 'ukr', bcp47: 'uk', script: 'Cyrl', name: 'Ukrainian', eld: 'uk', alphabet: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюяʼ', markers: { letters: 'іїєґ', rate: 0.065 } },
  { iso6393: 'kaz', bcp47: 'kk', script: 'Cyrl', name: 'Kazakh', alphabet: `${RUSSIAN}әғқңөұүһі`, markers: { letters: 'әғқңөұүһі', rate: 0.09 }, rareLetters: 'вфцчщъьэё' },
  { iso6393: 'kir', bcp47: 'ky', script: 'Cyrl', name: 'Kyrgyz', alphabet: `${RUSSIAN}ңөү`, markers: { letters: 'ңөү', rate: 0.045 }, rareLetters: 'вфцщъьё',
    // Kyrgyz writes long vowels double (баары, жоопкер, түшүнүү); Kazakh and Russian hardly ever do.
    patterns: '(?:аа|оо|уу|ээ|үү|өө)' },
  { iso6393: 'uzn', bcp47: 'uz-Cyrl', script: 'Cyrl', name: 'Uzbek', alphabet: 'абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ', markers: { letters: 'ўқғҳ', rate: 0.045 }, rareLetters: 'цьё',
    // -нинг (genitive) and -лиг- are Uzbek; Kazakh writes -нің, Kyrgyz -нин/-нын.
    patterns: '(?:нинг|лиг)' },
  { iso6393: 'tgk', bcp47: 'tg', script: 'Cyrl', name: 'Tajik', alphabet: 'абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя', markers: { letters: 'ғӣқӯҳҷ', rate: 0.06 },
    // The izofa after -и (озодии) and the object marker -ро are Tajik.
    patterns: '(?:ии(?!\\p{L})|ро(?!\\p{L}))' },
  // Persian keyboards write ی ک; Arabic writes ي ك and uses ة ى, which Persian rarely does.
  { iso6393: 'arb', bcp47: 'ar', script: 'Arab', name: 'Arabic', eld: 'ar', alphabet: 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهويىًٌٍَُِّْ', markers: { letters: 'ةيكى', rate: 0.08 } },
  { iso6393: 'pes', bcp47: 'fa', script: 'Arab', name: 'Persian', eld: 'fa', alphabet: 'ءآأؤئابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیًٌٍَُِّْۀ‌', markers: { letters: 'پچژگیک', rate: 0.09 } },
  { iso6393: 'cmn', bcp47: 'zh', script: 'Hani', name: 'Chinese', eld: 'zh', alphabet: '' },
];

/** ISO 639-3 codes of the pipeline languages (Uzbek once). */
export const PIPELINE_CODES: readonly string[] = [...new Set(PIPELINE_LANGUAGES.map((profile) => profile.iso6393))];

/** The pipeline profile for a language in a script, if it is one. */
export function pipelineProfile(iso6393: string, script: string): LanguageProfile | undefined {
  return PIPELINE_LANGUAGES.find((profile) => profile.iso6393 === iso6393 && profile.script === script);
}

/** Codes franc uses for individual languages whose usual BCP-47 tag is the macrolanguage's. */
const MACRO_TAGS: Record<string, string> = { arb: 'ar', pes: 'fa', prs: 'fa-AF', cmn: 'zh', uzn: 'uz', azj: 'az', zlm: 'ms', khk: 'mn', npi: 'ne', swh: 'sw', plt: 'mg', als: 'sq', ekk: 'et', lvs: 'lv', nob: 'nb' };

/** Default script per language where a BCP-47 tag needs a script subtag otherwise. */
const DEFAULT_SCRIPT: Record<string, string> = { uzn: 'Latn', azj: 'Latn', srp: 'Cyrl', bos: 'Latn', tuk: 'Latn', uig: 'Arab', zlm: 'Latn' };

/** BCP-47 tag for an ISO 639-3 code written in `script` (`uzn` + `Cyrl` → `uz-Cyrl`). */
export function toBcp47(iso6393: string, script: string): string {
  if (iso6393 === 'und') return 'und';
  const profile = pipelineProfile(iso6393, script);
  if (profile) return profile.bcp47;
  const base = MACRO_TAGS[iso6393] ?? iso6393To1[iso6393] ?? iso6393;
  const usual = DEFAULT_SCRIPT[iso6393];
  return usual !== undefined && usual !== script ? `${base}-${script}` : base;
}
