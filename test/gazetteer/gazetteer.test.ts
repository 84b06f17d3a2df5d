import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGazetteer, foldName, isCommonEnglishWord, readEntries, type Gazetteer, type GazetteerEntry } from '../../src/gazetteer/index.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

let entries: GazetteerEntry[];
let gazetteer: Gazetteer;
beforeAll(async () => {
  entries = await readEntries(fixture('central-asia.jsonl'));
  gazetteer = createGazetteer(entries);
});

const summary = (name: string) =>
  gazetteer.lookup(name).map((m) => ({ id: m.entry.id, alias: m.alias.text, how: m.how, score: m.score, detail: m.detail }));

describe('lookup: the done-when names, each saying how it matched', () => {
  it('Golos Ameriki is the BGN/PCGN romanization of the Russian name of Voice of America', () => {
    expect(summary('Golos Ameriki')).toEqual([
      { id: 'media-voice-of-america', alias: 'Golos Ameriki', how: 'romanization', score: 0.9, detail: 'bgn-pcgn from Голос Америки' },
    ]);
  });
  it('Zhogorku Kenesh is the canonical name', () => {
    expect(summary('Zhogorku Kenesh')).toEqual([
      { id: 'kg-jogorku-kenesh', alias: 'Zhogorku Kenesh', how: 'exact', score: 1, detail: 'canonical name' },
    ]);
  });
  it('Surkhandarinskaya is the Russian adjective of the region', () => {
    expect(summary('Surkhandarinskaya')).toEqual([
      { id: 'uz-surkhandarya', alias: 'Surkhandarinskaya', how: 'morphology', score: 0.85, detail: 'ru-adjective from Сурхандарьинская область' },
    ]);
  });
  it('Termiz is the Uzbek Latin spelling of the Uzbek Cyrillic name of Termez', () => {
    expect(summary('Termiz')).toEqual([
      { id: 'uz-termez', alias: 'Termiz', how: 'romanization', score: 0.9, detail: 'uz-latin from Термиз' },
    ]);
  });
});

describe('lookup: other ways of matching', () => {
  it('folds case and diacritics', () => {
    expect(summary('zhogorku kenesh')).toEqual([
      { id: 'kg-jogorku-kenesh', alias: 'Zhogorku Kenesh', how: 'folded', score: 0.95, detail: 'folded: zhogorku kenesh = Zhogorku Kenesh' },
    ]);
  });
  it('finds native-script names exactly', () => {
    expect(summary('Жогорку Кенеш')).toEqual([
      { id: 'kg-jogorku-kenesh', alias: 'Жогорку Кенеш', how: 'exact', score: 1, detail: 'official name (ru)' },
    ]);
  });
  it('romanizes a Cyrillic query that is not a listed name', () => {
    expect(summary('Сурхандарья')).toEqual([
      { id: 'uz-surkhandarya', alias: 'Surkhandarya', how: 'romanization', score: 0.8, detail: 'query romanized with bgn-pcgn as Surkhandar’ya, which is the canonical name Surkhandarya' },
    ]);
  });
  it('finds Russian case forms of names', () => {
    expect(summary('Mirziyoyevu')).toEqual([
      { id: 'person-shavkat-mirziyoyev', alias: 'Mirziyoyevu', how: 'morphology', score: 0.85, detail: 'ru-case from Шавкат Мирзиёев' },
    ]);
    expect(summary('Golosa Ameriki')[0]?.how).toBe('morphology');
  });
  it('strips a Russian ending the generator did not produce', () => {
    expect(summary('Mirziyoyevoy')).toEqual([
      { id: 'person-shavkat-mirziyoyev', alias: 'Mirziyoyev', how: 'morphology', score: 0.7, detail: 'Russian ending -oy read as no ending: mirziyoyev = Mirziyoyev' },
    ]);
  });
  it('keeps look-alike entities apart and finds nothing for unknown names', () => {
    expect(summary('Jokargy Kenes').map((m) => m.id)).toEqual(['kk-jokargy-kenes']);
    expect(summary('Nothing')).toEqual([]);
  });
  it('matches pivot-language garbles through the folded Czech/ISO 9 spelling (Zogorku Kenes)', () => {
    expect(summary('Zogorku Kenes')).toEqual([
      { id: 'kg-jogorku-kenesh', alias: 'Žogorku Keneš', how: 'romanization', score: 0.9, detail: 'czech from Жогорку Кеңеш; folded: zogorku kenes' },
    ]);
  });
});

describe('aliases', () => {
  it('lists canonical, listed and generated aliases with provenance', () => {
    const termez = gazetteer.aliasesOf('uz-termez');
    expect(termez.slice(0, 3)).toEqual([
      { text: 'Termez', entity: 'uz-termez', origin: 'canonical', type: 'canonical', lang: 'en', script: 'Latn' },
      { text: 'Термез', entity: 'uz-termez', origin: 'name', type: 'official', lang: 'ru', script: 'Cyrl' },
      { text: 'Термиз', entity: 'uz-termez', origin: 'name', type: 'official', lang: 'uz-Cyrl', script: 'Cyrl' },
    ]);
    expect(termez.find((a) => a.text === 'Termiz')).toEqual({
      text: 'Termiz', entity: 'uz-termez', origin: 'generated', type: 'variant', lang: 'uz-Latn', script: 'Latn', scheme: 'uz-latin', from: 'Термиз',
    });
    // Generated spellings never repeat a listed one or each other (compared folded).
    const keys = termez.map((a) => foldName(a.text));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('generates the European renderings news carries (Kyrgyz ж as j/dj/dsch/gi)', () => {
    const texts = gazetteer.aliasesOf('kg-jogorku-kenesh').filter((a) => a.origin === 'generated').map((a) => `${a.text} (${a.scheme})`);
    expect(texts).toEqual(expect.arrayContaining([
      'Jogorku Kengesh (ky-bgn)', 'Dschogorku Kenesch (german)', 'Djogorkou Kenech (french)', 'Giogorku Kenesc (italian)', 'Žogorku Keneš (czech)',
    ]));
  });

  it('adds English admin-suffix forms to regions', () => {
    const texts = gazetteer.aliasesOf('uz-surkhandarya').filter((a) => a.scheme === 'en-admin').map((a) => a.text);
    expect(texts).toEqual(['Surkhandarya Region', 'Surkhandarya Oblast', 'Surkhandarya Province', 'Surkhandarya Viloyati', 'Surkhandarya Velayat', 'Surkhandarya Oblysy']);
  });

  it('can leave generated spellings out', () => {
    const plain = createGazetteer(entries, { generate: false });
    expect(plain.aliases.every((a) => a.origin !== 'generated')).toBe(true);
    expect(plain.aliases).toHaveLength(entries.reduce((n, e) => n + 1 + e.names.filter((x) => x.text !== e.name).length, 0));
  });

  it('flags aliases that are ordinary English words', async () => {
    const g = createGazetteer(await readEntries(fixture('common-words.jsonl')));
    expect(g.aliasesOf('fr-nice')[0]).toEqual({ text: 'Nice', entity: 'fr-nice', origin: 'canonical', type: 'canonical', lang: 'en', script: 'Latn', common: true });
    expect(g.aliasesOf('gb-reading')[0]?.common).toBe(true);
    expect(g.aliasesOf('uz-termez')).toEqual([]);
    expect(gazetteer.aliases.filter((a) => a.common).map((a) => a.text)).toEqual([]);
  });

  it('keeps the spelling of a Cyrillic acronym that is an English word, flagged common (`МИД` → `MID`), and drops such spellings of words', () => {
    const g = createGazetteer([
      { id: 'ru-mfa', name: 'Ministry of Foreign Affairs of Russia', kind: 'government-body', country: 'RU', names: [{ text: 'МИД', lang: 'ru', script: 'Cyrl', type: 'abbreviation' }] },
      { id: 'xx-mid', name: 'Midtown', kind: 'village', country: 'RU', names: [{ text: 'Мид', lang: 'ru', script: 'Cyrl', type: 'preferred' }] },
    ]);
    expect(g.aliasesOf('ru-mfa').filter((a) => a.origin === 'generated' && a.text === 'MID').map((a) => a.common)).toEqual([true]);
    expect(g.aliasesOf('xx-mid').filter((a) => a.origin === 'generated').map((a) => a.text.toLowerCase())).not.toContain('mid');
  });
});

describe('entries', () => {
  it('resolves merged ids and lets later entries override earlier ones', () => {
    expect(gazetteer.get('wof:85680397')?.id).toBe('uz-surkhandarya');
    expect(gazetteer.aliasesOf('wof:85680397')[0]?.text).toBe('Surkhandarya');
    const override = createGazetteer([...entries, { id: 'uz-termez', name: 'Termiz', kind: 'city', country: 'UZ', names: [] }]);
    expect(override.entries).toHaveLength(entries.length);
    expect(override.get('uz-termez')?.name).toBe('Termiz');
    expect(override.lookup('Termez')).toEqual([]);
  });
});

describe('isCommonEnglishWord and foldName', () => {
  it('knows ordinary English words from names', () => {
    expect(['Nice', 'Bar', 'Reading', 'Mobile', 'Of', 'turkey'].map(isCommonEnglishWord)).toEqual([true, true, true, true, true, true]);
    expect(['Bishkek', 'Osh', 'Tashkent', 'Naryn', 'Voice of America', '', 'Ницца'].map(isCommonEnglishWord)).toEqual([false, false, false, false, false, false, false]);
  });
  it('folds case, diacritics, apostrophes and special letters', () => {
    expect(foldName('Surkhandar’inskaya')).toBe('surkhandarinskaya');
    expect(foldName("  Oʻzbekiston  O'zbekiston ")).toBe('ozbekiston ozbekiston');
    expect(foldName('Žaparov Mäjılıs Łódź')).toBe('zaparov majilis lodz');
    expect(foldName('Ёлкин')).toBe('елкин');
  });
});
