import { describe, expect, it } from 'vitest';
import { floresCode, modelLanguage, recommendedModel, scriptOf, uzbekCyrillicToLatin, uzbekTransliterationSamples } from '../../src/translate/languages.js';

describe('language codes', () => {
  it('maps detection answers to the codes manifests use', () => {
    expect(['rus', 'ru', 'ru-RU', 'uzn', 'uz-Cyrl', 'pes', 'kir', 'eng', 'xx'].map(modelLanguage)).toEqual(['ru', 'ru', 'ru', 'uz', 'uz', 'fa', 'ky', 'en', 'xx']);
    expect(scriptOf('uz-Cyrl')).toBe('Cyrl');
    expect(scriptOf('ru')).toBeUndefined();
  });

  it('gives NLLB FLORES-200 codes (Uzbek in Latin script only)', () => {
    expect(['rus', 'uz-Cyrl', 'kk', 'ky', 'tg', 'fa', 'en'].map(floresCode)).toEqual(['rus_Cyrl', 'uzn_Latn', 'kaz_Cyrl', 'kir_Cyrl', 'tgk_Cyrl', 'pes_Arab', 'eng_Latn']);
    expect(floresCode('xx')).toBeUndefined();
  });

  it('recommends a hub model per source language', () => {
    expect(recommendedModel('rus')).toBe('Xenova/opus-mt-ru-en');
    expect(recommendedModel('ky')).toBe('Xenova/opus-mt-mul-en');
    expect(recommendedModel('xx')).toBeUndefined();
  });
});

describe('uzbekCyrillicToLatin', () => {
  it.each(uzbekTransliterationSamples)('%s → %s (data table samples)', (cyrillic, latin) => {
    expect(uzbekCyrillicToLatin(cyrillic)).toBe(latin);
  });

  it('keeps non-Uzbek characters and whole-word capitals', () => {
    expect(uzbekCyrillicToLatin('ЧИРЧИҚ, 2024 йил.')).toBe('CHIRCHIQ, 2024 yil.');
  });
});
