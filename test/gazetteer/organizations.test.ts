/**
 * Data checks for the curated gazetteer `gazetteers/organizations.jsonl` (legislatures,
 * government bodies, media, militant groups, parties and officials of Central Asia, Russia and
 * Afghanistan), and unit tests of `scripts/format-gazetteer.ts`, which keeps the file formatted.
 */
import { describe, expect, it } from 'vitest';
import { checkEntryShape, formatGazetteerText } from '../../scripts/format-gazetteer.js';
import { formatEntries } from '../../src/gazetteer/jsonl.js';
import { ENTITY_KINDS, NAME_TYPES, type GazetteerEntry } from '../../src/gazetteer/types.js';
import { ENGLISH_WORDS, SCRIPT_LETTERS, entryShapeProblems, readCuratedFile } from './curated.js';

const { text, entries, failing } = readCuratedFile('organizations.jsonl');
const byId = new Map(entries.map((entry) => [entry.id, entry]));

/** Case- and diacritic-folded key, the same folding as the gazetteer's "folded" match. */
function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Every spelling of an entry: the canonical English name and all listed names. */
function spellings(entry: GazetteerEntry): string[] {
  return [entry.name, ...entry.names.map((name) => name.text)];
}

/** Folded spelling → ids of the entries having it. */
const owners = new Map<string, Set<string>>();
for (const entry of entries) {
  for (const spelling of spellings(entry)) {
    const key = fold(spelling);
    const set = owners.get(key) ?? new Set<string>();
    set.add(entry.id);
    owners.set(key, set);
  }
}

/** The kinds this file holds (places come from the imported gazetteers). */
const KINDS = ['legislature', 'government-body', 'party', 'media', 'org', 'militant-group', 'person'] as const;

/**
 * Spellings deliberately shared by two entries: the normalizer must decide between them from
 * context (first name, country words), never pick one blindly.
 */
/**
 * Russian names of public bodies that every post-Soviet government has, without a country (`МВД`,
 * `Нацбанк`): listed on each country's body of that name, so that the normalizer writes them
 * without the country and picks the body by the document's country.
 */
const RUSSIAN_BODY_NAMES: ReadonlyArray<[string, string[]]> = [
  ['МВД', ['kg-mvd', 'kz-mvd', 'ru-mvd', 'tj-mvd', 'tm-mvd', 'uz-mvd']],
  ['Министерство внутренних дел', ['kg-mvd', 'kz-mvd', 'ru-mvd', 'tj-mvd', 'tm-mvd', 'uz-mvd']],
  ['МИД', ['kg-mfa', 'kz-mfa', 'ru-mfa', 'tj-mfa', 'tm-mfa', 'uz-mfa']],
  ['Министерство иностранных дел', ['kg-mfa', 'kz-mfa', 'ru-mfa', 'tj-mfa', 'tm-mfa', 'uz-mfa']],
  ['МЧС', ['kg-emergencies-ministry', 'kz-emergencies-ministry', 'ru-emergencies-ministry', 'uz-emergencies-ministry']],
  ['Министерство по чрезвычайным ситуациям', ['kg-emergencies-ministry', 'kz-emergencies-ministry', 'uz-emergencies-ministry']],
  ['Минздрав', ['kg-health-ministry', 'kz-health-ministry', 'ru-health-ministry', 'uz-health-ministry']],
  ['Министерство здравоохранения', ['kg-health-ministry', 'kz-health-ministry', 'ru-health-ministry', 'uz-health-ministry']],
  ['Минобороны', ['kg-defense-ministry', 'kz-defense-ministry', 'ru-defense-ministry', 'tj-defense-ministry', 'uz-defense-ministry']],
  ['Министерство обороны', ['kg-defense-ministry', 'kz-defense-ministry', 'ru-defense-ministry', 'tj-defense-ministry', 'uz-defense-ministry']],
  ['Нацбанк', ['kg-national-bank', 'kz-national-bank', 'tj-national-bank']],
  ['Национальный банк', ['kg-national-bank', 'kz-national-bank', 'tj-national-bank']],
  ['ЦИК', ['kg-cec', 'kz-cec', 'ru-cec', 'uz-cec']],
  ['Центризбирком', ['kg-cec', 'kz-cec', 'ru-cec', 'uz-cec']],
  ['Центральная избирательная комиссия', ['kg-cec', 'kz-cec', 'ru-cec', 'uz-cec']],
  ['Генпрокуратура', ['kg-prosecutor-general', 'kz-prosecutor-general', 'ru-prosecutor-general', 'tj-prosecutor-general', 'tm-prosecutor-general', 'uz-prosecutor-general']],
  ['Генеральная прокуратура', ['kg-prosecutor-general', 'kz-prosecutor-general', 'ru-prosecutor-general', 'tj-prosecutor-general', 'tm-prosecutor-general', 'uz-prosecutor-general']],
  ['Верховный суд', ['kg-supreme-court', 'kz-supreme-court', 'ru-supreme-court', 'tj-supreme-court', 'uz-supreme-court']],
  ['Сенат', ['kz-senate', 'uz-senate']],
  ['Минэнерго', ['kg-energy-ministry', 'kz-energy-ministry', 'ru-energy-ministry', 'uz-energy-ministry']],
  ['Минсельхоз', ['kz-agriculture-ministry', 'ru-agriculture-ministry']],
  ['Кабинет Министров', ['kg-cabinet-of-ministers', 'tm-cabinet-of-ministers', 'uz-cabinet-of-ministers']],
  ['Центральный банк', ['tm-central-bank', 'uz-central-bank']],
];

const INTENDED_SHARED: Record<string, { ids: string[]; why: string }> = {
  ...Object.fromEntries(RUSSIAN_BODY_NAMES.map(([name, ids]) => [fold(name), { ids, why: 'a Russian name of the body without its country, the same in every post-Soviet country' }])),
  гкнб: { ids: ['kg-gknb', 'tj-gknb'], why: 'both the Kyrgyz and the Tajik security committees are called ГКНБ' },
  gknb: { ids: ['kg-gknb', 'tj-gknb'], why: 'romanized ГКНБ, used for both committees' },
  'радио азаттык': { ids: ['media-azattyk', 'media-azattyq'], why: 'the Russian name of both the Kyrgyz and the Kazakh service of RFE/RL' },
  japarov: { ids: ['person-akylbek-japarov', 'person-sadyr-japarov'], why: 'surname of the president and of the former head of cabinet (not related)' },
  zhaparov: { ids: ['person-akylbek-japarov', 'person-sadyr-japarov'], why: 'Russian-based spelling of the same surname' },
  жапаров: { ids: ['person-akylbek-japarov', 'person-sadyr-japarov'], why: 'Cyrillic surname' },
  berdimuhamedow: { ids: ['person-gurbanguly-berdimuhamedow', 'person-serdar-berdimuhamedow'], why: 'surname of father and son, both presidents' },
  berdimuhamedov: { ids: ['person-gurbanguly-berdimuhamedow', 'person-serdar-berdimuhamedow'], why: 'spelling of the same surname' },
  berdymukhamedov: { ids: ['person-gurbanguly-berdimuhamedow', 'person-serdar-berdimuhamedow'], why: 'Russian-based spelling of the same surname' },
  бердымухамедов: { ids: ['person-gurbanguly-berdimuhamedow', 'person-serdar-berdimuhamedow'], why: 'Cyrillic surname' },
};

/** Entities whose names exist only in Latin script (brand names of Latin-script outlets). */
const LATIN_ONLY: Record<string, string> = {
  'media-kun-uz': 'Uzbek outlet; its brand is written in Latin script only',
  'media-gazeta-uz': 'Uzbek outlet; its brand is written in Latin script only',
  'media-daryo': 'Uzbek outlet; its brand is written in Latin script only',
  'media-tengrinews': 'Kazakh outlet; its brand is written in Latin script only',
  'media-kloop': 'Kyrgyz outlet; its brand is written in Latin script only',
  'media-eurasianet': 'US outlet publishing in English',
  'org-naver': 'South Korean company whose brand is written in Latin script in English news (its Hangul name is not a script this file holds)',
  'media-qazaqstan-tv': 'Kazakh state channel branded in Latin script; its Cyrillic name is the country\'s and is left out',
};

/** Names that mix Cyrillic and Latin letters on purpose (brands as their owners write them). */
const MIXED_SCRIPT = new Set(['АКИpress', 'BBC News Кыргыз', 'RT на русском', 'ИА 24.kg', 'Sputnik Кыргызстан', 'Sputnik Казахстан', 'Sputnik Узбекистан', 'Sputnik Таджикистан']);

/** Canonical names of three letters or fewer: established acronyms that English press writes as such. */
const SHORT_CANONICAL = new Set(['24.kg', 'BBC', 'RBC', 'RT', 'UzA']);

/** Entities without a country: transnational organisations with no single home country (BRICS has no secretariat). */
const NO_COUNTRY = new Set(['militant-al-qaeda', 'org-hizb-ut-tahrir', 'org-brics']);

/** The script each language tag used here is written in. */
const LANG_SCRIPT: Record<string, string> = {
  en: 'Latn', de: 'Latn', fr: 'Latn', pl: 'Latn', cs: 'Latn', pt: 'Latn', tr: 'Latn', uz: 'Latn', tk: 'Latn', kaa: 'Latn', az: 'Latn', ro: 'Latn',
  ru: 'Cyrl', ky: 'Cyrl', kk: 'Cyrl', tg: 'Cyrl', uk: 'Cyrl', be: 'Cyrl', mn: 'Cyrl', 'uz-Cyrl': 'Cyrl', 'kaa-Cyrl': 'Cyrl',
  ka: 'Geor', hy: 'Armn',
  fa: 'Arab', ps: 'Arab', ar: 'Arab', ur: 'Arab', zh: 'Hani',
};

function expectedScript(lang: string): string | undefined {
  return lang.endsWith('-Latn') ? 'Latn' : LANG_SCRIPT[lang];
}

/** The scripts of the letters in a text (letters of other scripts, such as ʻ, are ignored). */
function scriptsOf(value: string): Set<string> {
  const found = new Set<string>();
  for (const char of value) for (const [script, pattern] of Object.entries(SCRIPT_LETTERS)) if (pattern.test(char)) found.add(script);
  return found;
}

describe('organizations.jsonl: file', () => {
  it('is formatted: sorted by id, stable key order, shape valid', () => {
    const result = formatGazetteerText(text, 'organizations.jsonl');
    expect(result.problems).toEqual([]);
    expect(result.output).toBe(text);
    expect(formatEntries(entries)).toBe(text);
  });

  it('holds at least 150 entries, with every kind of this file represented', () => {
    expect(entries.length).toBeGreaterThanOrEqual(150);
    const counts = Object.fromEntries(KINDS.map((kind) => [kind, entries.filter((entry) => entry.kind === kind).length]));
    for (const kind of KINDS) expect(counts[kind], kind).toBeGreaterThanOrEqual(kind === 'org' ? 5 : 10);
  });

  it('covers the five republics, Russia and Afghanistan with legislatures, government bodies and people', () => {
    for (const country of ['KG', 'UZ', 'KZ', 'TJ', 'TM', 'RU', 'AF']) {
      for (const kind of ['legislature', 'government-body', 'person'] as const) {
        expect(entries.some((entry) => entry.country === country && entry.kind === kind), `${country} ${kind}`).toBe(true);
      }
    }
  });
});

describe('organizations.jsonl: entries', () => {
  it('every entry passes the basic shape check', () => {
    expect(entryShapeProblems(entries)).toEqual([]);
  });

  it('ids are unique readable slugs prefixed by kind (or by country for public bodies)', () => {
    expect(byId.size).toBe(entries.length);
    const prefixOk = (entry: GazetteerEntry): boolean => {
      const country = entry.country?.toLowerCase() ?? '';
      switch (entry.kind) {
        case 'person': return entry.id.startsWith('person-');
        case 'media': return entry.id.startsWith('media-');
        case 'militant-group': return entry.id.startsWith('militant-');
        case 'org': return entry.id.startsWith('org-');
        case 'party': return entry.id.startsWith(`party-${country}-`);
        default: return entry.id.startsWith(`${country}-`);
      }
    };
    expect(failing((entry) => /^[a-z0-9]+(?:-[a-z0-9]+)+$/u.test(entry.id) && prefixOk(entry))).toEqual([]);
  });

  it('kinds are the organisation and person kinds of the contract', () => {
    for (const kind of KINDS) expect(ENTITY_KINDS).toContain(kind);
    expect(failing((entry) => (KINDS as readonly string[]).includes(entry.kind))).toEqual([]);
  });

  it('countries are ISO alpha-2 codes; only transnational bodies have none', () => {
    expect(failing((entry) => (entry.country === undefined ? NO_COUNTRY.has(entry.id) : /^[A-Z]{2}$/u.test(entry.country)))).toEqual([]);
  });

  it('the canonical name is an English (Latin-script) name', () => {
    expect(failing((entry) => {
      const scripts = scriptsOf(entry.name);
      return scripts.size === 1 && scripts.has('Latn') && entry.name === entry.name.trim();
    })).toEqual([]);
  });

  it('every name declares a known language, the script of that language, and a known type', () => {
    const bad: string[] = [];
    for (const entry of entries) {
      for (const name of entry.names) {
        const script = expectedScript(name.lang);
        const scripts = scriptsOf(name.text);
        const scriptOk = script !== undefined && name.script === script && scripts.has(script) && (scripts.size === 1 || MIXED_SCRIPT.has(name.text));
        if (!scriptOk || !(NAME_TYPES as readonly string[]).includes(name.type) || name.source !== 'curated') bad.push(`${entry.id}: ${name.text} (${name.lang}, ${name.script}, ${name.type})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the mixed-script allowance is used only by names that exist', () => {
    const texts = new Set(entries.flatMap((entry) => entry.names.map((name) => name.text)));
    expect([...MIXED_SCRIPT].filter((name) => !texts.has(name))).toEqual([]);
  });

  it('every entry has a name in its own language and script, except Latin-only brands', () => {
    const native = (entry: GazetteerEntry): boolean => entry.names.some((name) => name.lang !== 'en' && !name.lang.endsWith('-Latn'));
    expect(failing((entry) => native(entry) !== Object.hasOwn(LATIN_ONLY, entry.id))).toEqual([]);
  });

  it('bodies of Cyrillic-script countries have a Cyrillic name and Afghan ones an Arabic-script name', () => {
    const needs: Record<string, string> = { RU: 'Cyrl', KG: 'Cyrl', KZ: 'Cyrl', TJ: 'Cyrl', UA: 'Cyrl', AF: 'Arab' };
    expect(failing((entry) => {
      const script = needs[entry.country ?? ''];
      return script === undefined || Object.hasOwn(LATIN_ONLY, entry.id) || entry.names.some((name) => name.script === script);
    })).toEqual([]);
  });

  it('no name is listed twice on one entry or repeats the canonical English name', () => {
    expect(failing((entry) => {
      const seen = new Set<string>();
      for (const name of entry.names) {
        const key = `${name.lang}\u0000${name.text}`;
        if (seen.has(key) || (name.lang === 'en' && name.text === entry.name)) return false;
        seen.add(key);
      }
      return true;
    })).toEqual([]);
  });

  it('context words are non-empty, trimmed and unique; prominence is a rank from 1 to 5', () => {
    expect(failing((entry) => {
      const context = entry.context ?? [];
      return context.length > 0 && new Set(context).size === context.length && context.every((word) => word !== '' && word === word.trim());
    })).toEqual([]);
    expect(failing((entry) => Number.isInteger(entry.prominence) && entry.prominence! >= 1 && entry.prominence! <= 5)).toEqual([]);
  });

  it('every entry is curated and carries a note (the role, for people)', () => {
    expect(failing((entry) => JSON.stringify(entry.sources) === '["curated"]' && typeof entry.note === 'string' && entry.note.length >= 10)).toEqual([]);
  });

  it('external ids are well-formed and unique; Party Facts ids only on parties, merged into them', () => {
    const wikidata = entries.flatMap((entry) => (entry.ids?.wikidata ? [entry.ids.wikidata] : []));
    expect(wikidata.filter((id) => !/^Q[1-9]\d*$/u.test(id))).toEqual([]);
    expect(new Set(wikidata).size).toBe(wikidata.length);
    expect(failing((entry) => {
      const partyfacts = entry.ids?.partyfacts;
      if (partyfacts === undefined) return entry.merged === undefined;
      return entry.kind === 'party' && /^\d+$/u.test(partyfacts) && (entry.merged ?? []).every((id) => /^partyfacts:\d+$/u.test(id)) && (entry.merged === undefined || entry.merged.includes(`partyfacts:${partyfacts}`));
    })).toEqual([]);
  });

  it('parents exist in this file, have the same kind, and form no cycles', () => {
    expect(failing((entry) => {
      if (entry.parent === undefined) return true;
      const parent = byId.get(entry.parent);
      if (parent === undefined || parent.kind !== entry.kind) return false;
      const seen = new Set([entry.id]);
      for (let at: GazetteerEntry | undefined = parent; at !== undefined; at = at.parent === undefined ? undefined : byId.get(at.parent)) {
        if (seen.has(at.id)) return false;
        seen.add(at.id);
      }
      return true;
    })).toEqual([]);
  });
});

describe('organizations.jsonl: aliases', () => {
  it('no spelling is shared by two entries unless the sharing is intended and noted', () => {
    const shared = Object.fromEntries([...owners].filter(([, ids]) => ids.size > 1).map(([key, ids]) => [key, [...ids].sort()]));
    const intended = Object.fromEntries(Object.entries(INTENDED_SHARED).map(([key, { ids }]) => [key, [...ids].sort()]));
    expect(shared).toEqual(intended);
  });

  it('short spellings (three letters or fewer) are typed as abbreviations', () => {
    const letters = (value: string): number => [...value].filter((char) => /\p{L}/u.test(char)).length;
    const bad = entries.flatMap((entry) => [
      ...(letters(entry.name) <= 3 && !SHORT_CANONICAL.has(entry.name) ? [`${entry.id}: ${entry.name}`] : []),
      ...entry.names.filter((name) => letters(name.text) <= 3 && name.type !== 'abbreviation').map((name) => `${entry.id}: ${name.text}`),
    ]);
    expect(bad).toEqual([]);
  });

  it('no single-word spelling is an ordinary English word (those are never safe to replace)', () => {
    const bad = entries.flatMap((entry) => spellings(entry).filter((spelling) => {
      const key = fold(spelling);
      return !key.includes(' ') && ENGLISH_WORDS.has(key);
    }).map((spelling) => `${entry.id}: ${spelling}`));
    expect(bad).toEqual([]);
  });

  it('no English variant is a lower-case description rather than a name', () => {
    const connectors = new Set(['of', 'the', 'and', 'for', 'in', 'al', 'ut', 'wal']);
    const descriptive = (word: string): boolean => /^\p{Ll}/u.test(word) && !connectors.has(word.split('-')[0]!);
    const bad = entries.flatMap((entry) => entry.names
      .filter((name) => name.lang === 'en' && name.text.split(/[\s/]+/u).some(descriptive))
      .map((name) => `${entry.id}: ${name.text}`));
    expect(bad).toEqual([]);
  });

  // Spellings from native scripts, romanizations and known MT garbles, each with the entries it
  // must name (look-alike entities stay apart: Zhogorku Kenesh vs Jokargy Kenes, Azattyk vs Azattyq).
  const EXPECTED: ReadonlyArray<[string, string[]]> = [
    ['Zhogorku Kenesh', ['kg-jogorku-kenesh']],
    ['Жогорку Кеңеш', ['kg-jogorku-kenesh']],
    ['Жогорку Кенеш', ['kg-jogorku-kenesh']],
    ['Jogorku Kenesh', ['kg-jogorku-kenesh']],
    ['Zogorku Kenes', ['kg-jogorku-kenesh']],
    ['Jokargy Kenes', ['uz-jokargy-kenes']],
    ['Жокаргы Кенес', ['uz-jokargy-kenes']],
    ['Joqarǵı Keńes', ['uz-jokargy-kenes']],
    ['Олий Мажлис', ['uz-oliy-majlis']],
    ['Мәжіліс', ['kz-mazhilis']],
    ['Мажилис', ['kz-mazhilis']],
    ['Маҷлиси Олӣ', ['tj-majlisi-oli']],
    ['Маджлиси Оли', ['tj-majlisi-oli']],
    ['Majlisi Namoyandagon', ['tj-majlisi-namoyandagon']],
    ['Меджлис', ['tm-mejlis']],
    ['Халк Маслахаты', ['tm-halk-maslahaty']],
    ['Государственная дума', ['ru-state-duma']],
    ['Верховна Рада', ['ua-verkhovna-rada']],
    ['Wolesi Jirga', ['af-wolesi-jirga']],
    ['ГКНБ', ['kg-gknb', 'tj-gknb']],
    ['УКМК', ['kg-gknb']],
    ['СГБ', ['uz-sgb']],
    ['Davlat xavfsizlik xizmati', ['uz-sgb']],
    ['КНБ', ['kz-knb']],
    ['ҰҚК', ['kz-knb']],
    ['ФСБ', ['ru-fsb']],
    ['МВД', ['kg-mvd', 'kz-mvd', 'ru-mvd', 'tj-mvd', 'tm-mvd', 'uz-mvd']],
    ['Нацбанк', ['kg-national-bank', 'kz-national-bank', 'tj-national-bank']],
    ['Golos Ameriki', ['media-voice-of-america']],
    ['Голос Америки', ['media-voice-of-america']],
    ['Amerika Ovozi', ['media-voice-of-america']],
    ['Радио Свобода', ['media-rfe-rl']],
    ['RFE/RL', ['media-rfe-rl']],
    ['Azattyk', ['media-azattyk']],
    ['Азаттык', ['media-azattyk']],
    ['Radio Azattyq', ['media-azattyq']],
    ['Азаттық', ['media-azattyq']],
    ['Ozodlik', ['media-ozodlik']],
    ['Ozodi', ['media-ozodi']],
    ['Озодӣ', ['media-ozodi']],
    ['Azatlyk', ['media-azatlyk']],
    ['Radio Azadi', ['media-radio-azadi']],
    ['ТАСС', ['media-tass']],
    ['РИА Новости', ['media-ria-novosti']],
    ['Интерфакс', ['media-interfax']],
    ['АКИpress', ['media-akipress']],
    ['Кабар', ['media-kabar']],
    ['Казинформ', ['media-kazinform']],
    ['Ховар', ['media-khovar']],
    ['Азия-Плюс', ['media-asia-plus']],
    ['ISIS-K', ['militant-iskp']],
    ['Вилаят Хорасан', ['militant-iskp']],
    ['ISIS', ['militant-islamic-state']],
    ['Талибан', ['militant-taliban']],
    ['طالبان', ['militant-taliban']],
    ['ИДУ', ['militant-imu']],
    ['Хизб ут-Тахрир', ['org-hizb-ut-tahrir']],
    ['Джамаат Ансаруллах', ['militant-jamaat-ansarullah']],
    ['Аль-Каида', ['militant-al-qaeda']],
    ['Ата-Журт', ['party-kg-ata-zhurt']],
    ['Nur Otan', ['party-kz-amanat']],
    ["O'zLiDeP", ['party-uz-uzlidep']],
    ['Единая Россия', ['party-ru-united-russia']],
    ['Садыр Жапаров', ['person-sadyr-japarov']],
    ['Žaparov', ['person-sadyr-japarov']],
    ['Japarov', ['person-akylbek-japarov', 'person-sadyr-japarov']],
    ['Šavkat Mirzijojev', ['person-shavkat-mirziyoyev']],
    ['Шавкат Мирзиёев', ['person-shavkat-mirziyoyev']],
    ['Қасым-Жомарт Тоқаев', ['person-kassym-jomart-tokayev']],
    ['Касым-Жомарт Токаев', ['person-kassym-jomart-tokayev']],
    ['Эмомали Рахмон', ['person-emomali-rahmon']],
    ['Rahmonov', ['person-emomali-rahmon']],
    ['Сердар Бердымухамедов', ['person-serdar-berdimuhamedow']],
    ['Gurbangouli Berdimuhamedow', ['person-gurbanguly-berdimuhamedow']],
    ['Владимир Путин', ['person-vladimir-putin']],
    ['Haibatullah Akhundzada', ['person-hibatullah-akhundzada']],
  ];
  it.each(EXPECTED)('%s names %j', (spelling, ids) => {
    expect([...(owners.get(fold(spelling)) ?? [])].sort()).toEqual(ids);
  });

  it('look-alike entities are separate entries that share no spelling but the intended ones', () => {
    const pairs: Array<[string, string]> = [
      ['kg-jogorku-kenesh', 'uz-jokargy-kenes'], ['media-azattyk', 'media-azattyq'], ['media-ozodlik', 'media-ozodi'],
      ['media-azattyk', 'media-azatlyk'], ['party-kg-ak-jol', 'party-kz-ak-zhol'], ['person-ahmad-massoud', 'person-ahmad-shah-massoud'],
    ];
    for (const [a, b] of pairs) {
      const keysA = new Set(spellings(byId.get(a)!).map(fold));
      const intended = (key: string) => INTENDED_SHARED[key]?.ids.includes(a) === true && INTENDED_SHARED[key]!.ids.includes(b);
      expect(spellings(byId.get(b)!).map(fold).filter((key) => keysA.has(key) && !intended(key)), `${a} / ${b}`).toEqual([]);
    }
  });
});

describe('format-gazetteer script', () => {
  const entry = (id: string, extra: Record<string, unknown> = {}): string =>
    JSON.stringify({ note: 'n', names: [{ type: 'official', text: 'Т', script: 'Cyrl', lang: 'ru' }], kind: 'org', name: `Name ${id}`, id, ...extra });

  it('sorts entries by id and writes keys in the stable order', () => {
    const input = `${entry('b-two')}\n\n${entry('a-one')}\n`;
    expect(formatGazetteerText(input, 'x.jsonl')).toEqual({
      output:
        '{"id":"a-one","name":"Name a-one","kind":"org","names":[{"text":"Т","lang":"ru","script":"Cyrl","type":"official"}],"note":"n"}\n' +
        '{"id":"b-two","name":"Name b-two","kind":"org","names":[{"text":"Т","lang":"ru","script":"Cyrl","type":"official"}],"note":"n"}\n',
      problems: [],
      count: 2,
    });
  });

  it('reports duplicate ids and shape problems with file and line, and produces no output', () => {
    const input = [entry('a-one'), entry('a-one'), entry('c-three', { kind: 'company', country: 'Kyrgyzstan' })].join('\n');
    expect(formatGazetteerText(input, 'x.jsonl')).toEqual({
      output: '',
      problems: [
        "x.jsonl:2: duplicate id 'a-one' (first on line 1)",
        `x.jsonl:3: kind: "company" is not one of ${ENTITY_KINDS.join(', ')}`,
        'x.jsonl:3: country: "Kyrgyzstan" is not an ISO 3166-1 alpha-2 code',
      ],
      count: 3,
    });
  });

  it('reports invalid JSON as a problem, not an exception', () => {
    const result = formatGazetteerText(`${entry('a-one')}\n{"id": \n`, 'x.jsonl');
    expect(result.output).toBe('');
    expect(result.count).toBe(0);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^x\.jsonl:2: not valid JSON/u);
  });

  it('checks names, context, prominence and ids field by field', () => {
    expect(checkEntryShape({
      id: 'x-y', name: ' padded', kind: 'org', names: [{ text: 'A', lang: 'english', script: 'latin', type: 'nickname' }, 'B'],
      context: ['ok', ''], prominence: -1, ids: { wikidata: 7 }, parent: 'x-y',
    })).toEqual([
      'name: missing or not a trimmed non-empty string',
      'parent: an entry cannot be its own parent',
      'names[0].lang: "english" is not a BCP-47 tag',
      'names[0].script: "latin" is not an ISO 15924 code',
      `names[0].type: "nickname" is not one of ${NAME_TYPES.join(', ')}`,
      'names[1]: not an object',
      'context: not an array of trimmed non-empty strings',
      'prominence: not a non-negative number',
      'ids: not an object of trimmed non-empty strings',
    ]);
    expect(checkEntryShape([])).toEqual(['entry is not a JSON object']);
  });
});
