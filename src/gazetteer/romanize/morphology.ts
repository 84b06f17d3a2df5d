/**
 * Russian morphology for alias generation: news translated from Russian carries Russian grammar
 * into English (`Golos Ameriki`, `Mirziyoyeva`, `Surkhandarinsk region`). From a Russian name
 * this module produces its oblique case forms and, for region names built on an adjective
 * (`Сурхандарьинская область`), the adjective's forms, its bare stem and English hybrids. The
 * endings are data (`data/romanization/ru-morphology.json`).
 */
import { readDataFile, type MorphologyFile } from './tables.js';

/** A Cyrillic form of a name, to be romanized; `prefix` and `suffix` (Latin) go around the romanization. */
export interface RussianForm {
  text: string;
  scheme: 'ru-case' | 'ru-adjective' | 'en-calque';
  prefix?: string;
  suffix?: string;
}

const CYRILLIC_WORD = /^[\p{Script=Cyrillic}-]+$/u;
const INDECLINABLE_END = /[оеиуыэю]$/u;

function morphology(): MorphologyFile {
  return readDataFile<MorphologyFile>('ru-morphology.json');
}

let adjectivePattern: RegExp | undefined;

/** Whether a word looks like an adjective (`Сурхандарьинская`, `Чуйский`, `Горный`). */
export function isRussianAdjective(word: string): boolean {
  adjectivePattern ??= new RegExp(morphology().adjective.pattern, 'u');
  return word.length > 4 && adjectivePattern.test(word.toLowerCase());
}

function sameCase(model: string, text: string): string {
  return model[0] !== undefined && model[0] === model[0].toUpperCase() ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** Oblique case forms of a noun or name (`Мирзиёев` → `Мирзиёева`, `Мирзиёеву`...). Hyphenated words inflect their last part. */
export function inflectNoun(word: string, person: boolean): string[] {
  const hyphen = word.lastIndexOf('-');
  if (hyphen > 0) return inflectNoun(word.slice(hyphen + 1), person).map((form) => word.slice(0, hyphen + 1) + form);
  const lower = word.toLowerCase();
  if (lower.length < 3 || !CYRILLIC_WORD.test(word) || word === word.toUpperCase() || INDECLINABLE_END.test(lower)) return [];
  const data = morphology();
  for (const rule of data.nounEndings) {
    if (rule.personOnly && !person) continue;
    const matches = rule.ending === 'C' ? data.consonants.includes(lower.at(-1)!) : lower.endsWith(rule.ending);
    if (!matches) continue;
    const stem = word.slice(0, word.length - rule.replace.length);
    return rule.forms.map((ending) => stem + ending);
  }
  return [];
}

/** Forms of an adjective (`Сурхандарьинская` → `Сурхандарьинской`, `Сурхандарьинский`...), nominative first. */
export function inflectAdjective(word: string): { stem: string; forms: string[] } {
  const stem = word.slice(0, -2);
  const { velarForms, hardForms } = morphology().adjective;
  const endings = /[кгх]$/u.test(stem) ? velarForms : hardForms;
  const forms = [word, ...endings.map((ending) => stem + ending).filter((form) => form !== word)];
  return { stem, forms };
}

/**
 * The Russian forms generated from one Russian name. `kind` is the entity kind: people inflect
 * their surname alone (`Мирзиёев`, `Мирзиёева`...); other multi-word names inflect their head
 * (`Голоса Америки`), or their adjective and area noun (`Сурхандарьинской области`).
 */
export function russianForms(name: string, kind?: string): RussianForm[] {
  const words = name.normalize('NFC').trim().split(/\s+/u);
  const data = morphology();
  const out: RussianForm[] = [];
  const person = kind === 'person';
  if (words.length === 0 || words.some((w) => !CYRILLIC_WORD.test(w))) return out;

  if (person) {
    const surname = words.at(-1)!;
    if (words.length > 1) out.push({ text: surname, scheme: 'ru-case' });
    const forms = isRussianAdjective(surname) ? inflectAdjective(surname).forms.slice(1) : inflectNoun(surname, true);
    for (const form of forms) out.push({ text: form, scheme: 'ru-case' });
    return out;
  }

  const first = words[0]!;
  // `Новый Уренгой` → `New Urengoy`: MT translates a descriptive first word and romanizes the rest.
  const calque = words.length > 1 ? data.englishCalques.words[first.toLowerCase()] : undefined;
  if (calque !== undefined) out.push({ text: words.slice(1).join(' '), scheme: 'en-calque', prefix: `${calque} ` });
  if (isRussianAdjective(first)) {
    // Only region-style names (adjective + area noun) stand for their adjective alone:
    // `Сурхандарьинская` names the region, `Верховный` does not name the Supreme Court.
    const area = words.length === 2 ? data.areaNouns[words[1]!.toLowerCase()] : undefined;
    if (area === undefined) return out;
    const { stem, forms } = inflectAdjective(first);
    out.push({ text: forms[0]!, scheme: 'ru-adjective' });
    out.push({ text: stem, scheme: 'ru-adjective' });
    for (const english of area.english) out.push({ text: stem, scheme: 'ru-adjective', suffix: ` ${english}` });
    out.push({ text: forms[0]!, scheme: 'ru-adjective', suffix: ` ${area.english[0]!}` });
    const genitive = first.toLowerCase().endsWith('ая') ? `${stem}ой` : `${stem}ого`;
    out.push({ text: `${sameCase(first, genitive)} ${area.genitive}`, scheme: 'ru-case' });
    for (const form of forms.slice(1)) out.push({ text: form, scheme: 'ru-adjective' });
    return out;
  }

  for (const form of inflectNoun(first, false)) out.push({ text: [form, ...words.slice(1)].join(' '), scheme: 'ru-case' });
  return out;
}
