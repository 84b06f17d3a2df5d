/**
 * Political parties of the focus countries from Party Facts (core parties + Wikidata crosswalk).
 */
import type { EntryName, GazetteerEntry } from '../../src/gazetteer/types.js';
import { cleanText, detectScript, languageTag, makeName, mergeNames, pipelineLang, type PipelineLang } from './names.js';

/** Focus countries, ISO alpha-3 (Party Facts) → alpha-2. */
export const PARTY_COUNTRIES: Readonly<Record<string, string>> = {
  KGZ: 'KG', UZB: 'UZ', KAZ: 'KZ', TJK: 'TJ', TKM: 'TM', AFG: 'AF', RUS: 'RU', UKR: 'UA', IRN: 'IR', PAK: 'PK', TUR: 'TR',
};

/** Language of a party's romanized native name when that language is written in Latin letters. */
const LATIN_NATIVE_LANG: Readonly<Record<string, PipelineLang>> = { UZ: 'uz', TM: 'tk', TR: 'tr' };

/** Language of unlabelled native-script names where the country has one main language. */
const UNLABELLED_LANG: Readonly<Record<string, PipelineLang>> = { RU: 'ru', TJ: 'tg', IR: 'fa', AF: 'fa', TR: 'tr' };

/** Language labels used in Party Facts `name_other` (`Kyrgyz: Ар-Намыс`). */
const LABELS: Readonly<Record<string, PipelineLang | 'und'>> = {
  english: 'en', russian: 'ru', ukrainian: 'uk', kazakh: 'kk', kyrgyz: 'ky', kirghiz: 'ky', uzbek: 'uz', tajik: 'tg',
  turkmen: 'tk', persian: 'fa', farsi: 'fa', dari: 'fa', pashto: 'ps', pashtu: 'ps', arabic: 'ar', turkish: 'tr',
  chinese: 'zh', german: 'de', french: 'fr', italian: 'it', spanish: 'es', urdu: 'und',
};

/**
 * Split Party Facts `name_other` into labelled names: `Russian: A, B; Kyrgyz: C` →
 * [{label: 'russian', text: 'A'}, {label: 'russian', text: 'B'}, {label: 'kyrgyz', text: 'C'}].
 * Unlabelled text gets label ''. Names are split on `;`, `,` and ` / `.
 */
export function splitOtherNames(value: string): Array<{ label: string; text: string }> {
  const out: Array<{ label: string; text: string }> = [];
  let label = '';
  for (const part of value.split(/;|,(?=\s)|\s\/\s/u)) {
    let text = part.trim();
    const labelled = /^([A-Za-z]+):\s*(.*)$/u.exec(text);
    if (labelled) {
      label = labelled[1]!.toLowerCase();
      text = labelled[2]!.trim();
    }
    if (text !== '') out.push({ label, text });
  }
  return out;
}

/**
 * An abbreviation (`KPRF`, `СПС`, `RPR-PNS`): 3–12 letters, dots or hyphens, at least two capitals.
 * Two-letter forms are dropped: they are mostly Party Facts' own codes and collide with words (`AN`).
 */
export function makeAbbreviation(raw: string, lang: PipelineLang | 'und', source: string): EntryName | undefined {
  const text = cleanText(raw);
  if (!/^\p{L}[\p{L}.\-]{2,11}$/u.test(text) || (text.match(/\p{Lu}/gu)?.length ?? 0) < 2) return undefined;
  const script = detectScript(text);
  if (script !== 'Latn' && script !== 'Cyrl') return undefined;
  return { text, lang: lang === 'und' ? 'und' : languageTag(lang, script), script, type: 'abbreviation', source };
}

/** A name or, for short all-capital strings, an abbreviation. */
function nameOrAbbreviation(text: string, lang: PipelineLang | 'und', source: string, type: EntryName['type']): EntryName | undefined {
  const clean = cleanText(text);
  if ([...clean].length <= 8 && clean === clean.toUpperCase() && /\p{Lu}/u.test(clean)) return makeAbbreviation(clean, lang, source);
  return makeName(clean, lang, type, source);
}

export function buildParties(parties: Record<string, string>[], wikidata: Record<string, string>[]): GazetteerEntry[] {
  const wikidataById = new Map(wikidata.map((row) => [row.partyfacts_id!, row]));
  const rows = parties.filter((row) => PARTY_COUNTRIES[row.country!] && !row.technical);
  // Prominence: rank within the country by the largest vote share Party Facts records (1 = largest).
  const rank = new Map<string, number>();
  const byCountry = new Map<string, Record<string, string>[]>();
  for (const row of rows) byCountry.set(row.country!, [...(byCountry.get(row.country!) ?? []), row]);
  for (const list of byCountry.values()) {
    const sorted = [...list].sort((a, b) => (Number(b.share) || 0) - (Number(a.share) || 0) || Number(a.partyfacts_id) - Number(b.partyfacts_id));
    sorted.forEach((row, i) => rank.set(row.partyfacts_id!, i + 1));
  }
  const entries: GazetteerEntry[] = [];
  for (const row of rows) {
    const country = PARTY_COUNTRIES[row.country!]!;
    const id = row.partyfacts_id!;
    const english = (row.name_english ?? '').split(/\s+\/\s+|\s+--\s+/u).map((s) => cleanText(s)).filter(Boolean);
    const names: Array<EntryName | undefined> = [];
    english.forEach((text, i) => names.push(makeName(text, 'en', i === 0 ? 'preferred' : 'variant', 'party-facts')));
    const nativeLang = LATIN_NATIVE_LANG[country] ?? 'und';
    if (row.name) names.push(makeName(row.name, detectScript(row.name) === 'Latn' ? nativeLang : 'und', 'official', 'party-facts'));
    if (row.name_short) names.push(makeAbbreviation(row.name_short, 'und', 'party-facts'));
    for (const { label, text } of splitOtherNames(row.name_other ?? '')) {
      const lang = label ? (LABELS[label] ?? pipelineLang(label)) : undefined;
      if (label && !lang) continue;
      const unlabelled = !label && detectScript(text) !== 'Latn' ? UNLABELLED_LANG[country] : undefined;
      names.push(nameOrAbbreviation(text, lang ?? unlabelled ?? 'und', 'party-facts', 'variant'));
    }
    const wd = wikidataById.get(id);
    if (wd?.name) names.push(makeName(wd.name, 'en', 'variant', 'party-facts'));
    if (wd?.name_native) names.push(makeName(wd.name_native, 'und', 'variant', 'party-facts'));
    const canonical = english[0] ?? cleanText(row.name ?? '');
    const merged = mergeNames(names, []);
    if (!canonical || merged.length === 0) continue;
    const years = row.year_first || row.year_last ? `${row.year_first || '?'}–${row.year_last || ''}` : '';
    const ids: Record<string, string> = { partyfacts: id };
    if (wd?.wikidata_id) ids.wikidata = wd.wikidata_id;
    entries.push({
      id: `partyfacts:${id}`, name: canonical, kind: 'party', country, names: merged, prominence: rank.get(id)!,
      ids, sources: ['party-facts'], ...(years ? { note: `years active (Party Facts): ${years}` } : {}),
    });
  }
  return entries;
}
