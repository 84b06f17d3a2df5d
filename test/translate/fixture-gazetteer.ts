/** Small gazetteer entries written for the translate tests. */
import type { GazetteerEntry } from '../../src/gazetteer/types.js';

export const fixtureEntries: GazetteerEntry[] = [
  {
    id: 'kg-jogorku-kenesh',
    name: 'Zhogorku Kenesh',
    kind: 'legislature',
    country: 'KG',
    names: [
      { text: 'Жогорку Кенеш', lang: 'ru', script: 'Cyrl', type: 'official' },
      { text: 'Жогорку Кеңеш', lang: 'ky', script: 'Cyrl', type: 'official' },
      { text: 'Zhogorku Kenesh', lang: 'en', script: 'Latn', type: 'preferred' },
    ],
  },
  {
    id: 'org-voice-of-america',
    name: 'Voice of America',
    kind: 'media',
    names: [
      { text: 'Голос Америки', lang: 'ru', script: 'Cyrl', type: 'official' },
      { text: 'VOA', lang: 'en', script: 'Latn', type: 'abbreviation' },
    ],
  },
  {
    id: 'kg-bishkek',
    name: 'Bishkek',
    kind: 'city',
    country: 'KG',
    names: [{ text: 'Бишкек', lang: 'ru', script: 'Cyrl', type: 'official' }],
  },
];
