/** A small gazetteer written for the normalizer's tests (no built-in data involved). */
import { createGazetteer, type Gazetteer, type GazetteerEntry } from '../../src/gazetteer/index.js';

const latn = (text: string, type: 'preferred' | 'variant' | 'official' = 'variant', lang = 'en') => ({ text, lang, script: 'Latn', type });
const cyrl = (text: string, lang = 'ru') => ({ text, lang, script: 'Cyrl', type: 'preferred' as const });

/** Entries: a few countries, places, a legislature look-alike pair, two media look-alikes, people. */
export const FIXTURE_ENTRIES: GazetteerEntry[] = [
  { id: 'country:kg', name: 'Kyrgyzstan', kind: 'country', country: 'KG', names: [latn('Kyrgyz Republic', 'official'), cyrl('Кыргызстан', 'ky')], prominence: 6_700_000 },
  { id: 'country:uz', name: 'Uzbekistan', kind: 'country', country: 'UZ', names: [latn('Oʻzbekiston', 'preferred', 'uz'), cyrl('Узбекистан')], prominence: 35_000_000 },
  { id: 'country:tm', name: 'Turkmenistan', kind: 'country', country: 'TM', names: [cyrl('Туркменистан')], prominence: 6_000_000 },
  { id: 'city:bishkek', name: 'Bishkek', kind: 'city', country: 'KG', parent: 'country:kg', names: [cyrl('Бишкек')], prominence: 1_100_000 },
  { id: 'city:ashgabat', name: 'Ashgabat', kind: 'city', country: 'TM', parent: 'country:tm', names: [latn('Ashkhabad', 'variant'), cyrl('Ашхабад')], prominence: 1_000_000 },
  { id: 'region:surkhandarya', name: 'Surkhandarya', kind: 'region', country: 'UZ', parent: 'country:uz', names: [latn('Surxondaryo', 'preferred', 'uz'), cyrl('Сурхандарьинская область')], prominence: 2_700_000 },
  { id: 'city:termez', name: 'Termez', kind: 'city', country: 'UZ', parent: 'region:surkhandarya', names: [latn('Termiz', 'preferred', 'uz'), cyrl('Термез')], prominence: 140_000 },
  { id: 'city:moscow', name: 'Moscow', kind: 'city', country: 'RU', names: [cyrl('Москва')], prominence: 12_000_000 },
  {
    id: 'kg-jogorku-kenesh', name: 'Zhogorku Kenesh', kind: 'legislature', country: 'KG', parent: 'country:kg',
    names: [latn('Jogorku Kenesh', 'variant'), cyrl('Жогорку Кеңеш', 'ky')], context: ['parliament', 'Bishkek', 'deputies'], prominence: 1,
  },
  { id: 'uz-jokargy-kenes', name: 'Jokargy Kenes', kind: 'legislature', country: 'UZ', names: [latn('Jokargy Kenes of Karakalpakstan', 'official')], prominence: 5 },
  { id: 'media-voice-of-america', name: 'Voice of America', kind: 'media', country: 'US', names: [cyrl('Голос Америки'), latn('Golos Ameriki', 'variant', 'ru-Latn'), latn('VOA', 'variant')], prominence: 2 },
  { id: 'media-azattyk', name: 'Radio Azattyk', kind: 'media', country: 'KG', names: [latn('Azattyk', 'variant')], prominence: 3 },
  { id: 'media-azattyq', name: 'Radio Azattyq', kind: 'media', country: 'KZ', names: [latn('Azattyq', 'variant')], prominence: 3 },
  { id: 'person-shavkat-mirziyoyev', name: 'Shavkat Mirziyoyev', kind: 'person', country: 'UZ', names: [cyrl('Шавкат Мирзиёев')], prominence: 1 },
  { id: 'person-sadyr-japarov', name: 'Sadyr Japarov', kind: 'person', country: 'KG', names: [latn('Sadyr Zhaparov', 'variant'), cyrl('Садыр Жапаров')], prominence: 1 },
];

/** The fixture gazetteer, without generated spellings (the normalizer's own reading is tested). */
export function fixtureGazetteer(): Gazetteer {
  return createGazetteer(FIXTURE_ENTRIES, { generate: false });
}
