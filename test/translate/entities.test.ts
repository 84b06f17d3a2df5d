import { describe, expect, it } from 'vitest';
import { createGazetteer } from '../../src/gazetteer/index.js';
import {
  findEntityHints, indexSourceNames, inflectionNonMatches, inflectionSamples, matchWord, protectNames, restoreNames,
} from '../../src/translate/entities.js';
import { fixtureEntries } from './fixture-gazetteer.js';

const gazetteer = createGazetteer(fixtureEntries);

describe('matchWord (inflection data samples)', () => {
  it.each(inflectionSamples)('%s matches the name word %s', (form, name) => {
    expect(matchWord(form, name)).toBe('inflected');
  });
  it.each(inflectionNonMatches)('%s does not match %s', (form, name) => {
    expect(matchWord(form, name)).toBeUndefined();
  });
  it('matches exactly across case and ё', () => {
    expect(matchWord('ЖОГОРКУ', 'Жогорку')).toBe('exact');
    expect(matchWord('Королёв', 'Королев')).toBe('exact');
  });
});

describe('findEntityHints', () => {
  const index = indexSourceNames(gazetteer, 'ru');

  it('finds native-script names, inflected forms included, with offsets into the text', () => {
    const text = 'Депутаты Жогорку Кенеша приняли закон. Об этом сообщил Голос Америки из Бишкека.';
    expect(findEntityHints(text, index)).toEqual([
      { entity: 'kg-jogorku-kenesh', text: 'Жогорку Кенеша', start: 9, end: 23, confidence: 0.9 },
      { entity: 'org-voice-of-america', text: 'Голос Америки', start: 55, end: 68, confidence: 1 },
      { entity: 'kg-bishkek', text: 'Бишкека', start: 72, end: 79, confidence: 0.9 },
    ]);
  });

  it('finds the Kyrgyz spelling and ignores Latin-script names of another language', () => {
    expect(findEntityHints('Жогорку Кеңешинин сессиясы. Zhogorku Kenesh VOA', indexSourceNames(gazetteer, 'ky'))).toEqual([
      { entity: 'kg-jogorku-kenesh', text: 'Жогорку Кеңешинин', start: 0, end: 17, confidence: 0.9 },
    ]);
  });

  it('does not join name words across sentence punctuation', () => {
    expect(findEntityHints('Жогорку. Кенеш', index)).toEqual([]);
  });
});

describe('placeholders', () => {
  it('replaces hinted names and puts the canonical English names back', () => {
    const sentence = 'Голос Америки о Жогорку Кенеше';
    const hints = findEntityHints(sentence, indexSourceNames(gazetteer, 'ru'));
    const { text, placeholders } = protectNames(sentence, 0, hints, gazetteer);
    expect(text).toBe('XZ1 о XZ2');
    expect(placeholders).toEqual([
      { token: 'XZ1', entity: 'org-voice-of-america', name: 'Voice of America', source: 'Голос Америки' },
      { token: 'XZ2', entity: 'kg-jogorku-kenesh', name: 'Zhogorku Kenesh', source: 'Жогорку Кенеше' },
    ]);
    expect(restoreNames('XZ1 about XZ2.', placeholders)).toEqual({ text: 'Voice of America about Zhogorku Kenesh.', lost: [] });
    expect(restoreNames('about XZ2 XZ12', placeholders)).toEqual({ text: 'about Zhogorku Kenesh XZ12', lost: [placeholders[0]] });
  });
});
