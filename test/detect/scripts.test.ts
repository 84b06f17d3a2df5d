import { describe, expect, it } from 'vitest';
import { dominantScript, keepScript, scriptCensus, scriptOf } from '../../src/detect/scripts.js';
import { PIPELINE_LANGUAGES } from '../../src/detect/languages.js';

describe('scripts', () => {
  it('names the script of letters and nothing else', () => {
    expect(['a', 'ж', 'ب', '中', 'カ', 'ひ', '한', 'क', 'λ', '1', ' ', '«', 'ʻ'].map(scriptOf)).toEqual([
      'Latn', 'Cyrl', 'Arab', 'Hani', 'Kana', 'Hira', 'Hang', 'Deva', 'Grek', undefined, undefined, undefined, undefined,
    ]);
  });

  it('counts letters per script', () => {
    const census = scriptCensus('Hello, мир! 2024');
    expect(census).toEqual({ counts: new Map([['Latn', 5], ['Cyrl', 3]]), letters: 8 });
  });

  it('picks the dominant script; Han with kana is Japanese', () => {
    expect(dominantScript(scriptCensus('Привет, world'))).toEqual({ code: 'Cyrl', letters: 6 });
    expect(dominantScript(scriptCensus('新しい予算'))).toEqual({ code: 'Jpan', letters: 5 });
    expect(dominantScript(scriptCensus('新的预算'))).toEqual({ code: 'Hani', letters: 4 });
    expect(dominantScript(scriptCensus('2024 — 42'))).toBeUndefined();
  });

  it('blanks other scripts keeping length, and keeps the Uzbek ʻ', () => {
    const text = 'Oʻzbekiston — Ўзбекистон';
    const kept = keepScript(text, 'Latn');
    expect(kept).toHaveLength(text.length);
    expect(kept).toBe(`Oʻzbekiston — ${' '.repeat('Ўзбекистон'.length)}`);
  });

  it('every pipeline alphabet is lower-case letters of its own script', () => {
    for (const profile of PIPELINE_LANGUAGES) {
      for (const char of profile.alphabet) {
        if (!/\p{L}/u.test(char)) continue; // Arabic harakat are marks
        expect(char.toLowerCase(), `${profile.bcp47} ${char}`).toBe(char);
        const script = scriptOf(char);
        if (script !== undefined) expect(script, `${profile.bcp47} ${char}`).toBe(profile.script);
      }
      for (const char of profile.markers?.letters ?? '') expect(profile.alphabet, `${profile.bcp47} marker ${char}`).toContain(char);
    }
  });
});
