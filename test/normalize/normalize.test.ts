import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/document.js';
import { applyEdits, createNormalizeStage, normalizeText } from '../../src/normalize/index.js';
import { createGazetteer } from '../../src/gazetteer/index.js';
import { FIXTURE_ENTRIES, fixtureGazetteer } from './fixtures.js';

const gazetteer = fixtureGazetteer();

describe('normalizeText: the done-when examples (whole change objects)', () => {
  it('fixes `Zogorku Kenes` to `Zhogorku Kenesh` (fuzzy, with the parliament context)', () => {
    const text = 'Lawmakers of the Zogorku Kenes met in Bishkek on Tuesday.';
    expect(normalizeText(text, gazetteer)).toEqual({
      text: 'Lawmakers of the Zhogorku Kenesh met in Bishkek on Tuesday.',
      changes: [
        {
          start: 17, end: 30, from: 'Zogorku Kenes', to: 'Zhogorku Kenesh', entity: 'kg-jogorku-kenesh', kind: 'legislature', confidence: 0.99, rule: 'fuzzy',
          evidence: {
            alias: 'Zhogorku Kenesh', aliasOrigin: 'canonical', aliasType: 'canonical', aliasLang: 'en', match: 'fuzzy', cost: 0.6,
            context: ['related entity in document', 'context word'], runnerUp: null,
          },
        },
      ],
      suggestions: [],
    });
  });

  it('fixes the Russian adjective `Surkhardarinsk` to `Surkhandarya` (morphology + typo)', () => {
    const text = 'Farmers in the Uzbek region of Surkhardarinsk near Termez lost their crops.';
    expect(normalizeText(text, gazetteer)).toEqual({
      text: 'Farmers in the Uzbek region of Surkhandarya near Termez lost their crops.',
      changes: [
        {
          start: 31, end: 45, from: 'Surkhardarinsk', to: 'Surkhandarya', entity: 'region:surkhandarya', kind: 'region', confidence: 0.93, rule: 'morphology',
          evidence: {
            alias: 'Surkhandarya', aliasOrigin: 'canonical', aliasType: 'canonical', aliasLang: 'en', match: 'stem', cost: 1,
            ending: '-insk', endingType: 'adjective', context: ['related entity in document'], runnerUp: null,
          },
        },
      ],
      suggestions: [],
    });
  });

  it('translates the untranslated `Golos Ameriki` to `Voice of America`', () => {
    const text = 'The report was aired by Golos Ameriki on Monday.';
    expect(normalizeText(text, gazetteer)).toEqual({
      text: 'The report was aired by Voice of America on Monday.',
      changes: [
        {
          start: 24, end: 37, from: 'Golos Ameriki', to: 'Voice of America', entity: 'media-voice-of-america', kind: 'media', confidence: 0.99, rule: 'alias',
          evidence: { alias: 'Golos Ameriki', aliasOrigin: 'name', aliasType: 'variant', aliasLang: 'ru-Latn', match: 'exact', cost: 0, runnerUp: null },
        },
      ],
      suggestions: [],
    });
  });

  it('splits the glued `Kenesthe` into `Kenesh the`', () => {
    const text = 'Deputies of the Zhogorku Kenesthe Kyrgyz parliament voted.';
    expect(normalizeText(text, gazetteer)).toEqual({
      text: 'Deputies of the Zhogorku Kenesh the Kyrgyz parliament voted.',
      changes: [
        {
          start: 25, end: 33, from: 'Kenesthe', to: 'Kenesh the', entity: 'kg-jogorku-kenesh', kind: 'legislature', confidence: 0.99, rule: 'glued',
          evidence: {
            alias: 'Zhogorku Kenesh', aliasOrigin: 'canonical', aliasType: 'canonical', aliasLang: 'en', match: 'skeleton', cost: 0,
            glued: 'the', innerRule: 'romanization', context: ['context word'], runnerUp: null, span: 'Zhogorku Kenesthe',
          },
        },
      ],
      suggestions: [],
    });
  });
});

describe('normalizeText: what must survive', () => {
  it('leaves correctly written names of look-alike entities alone', () => {
    const text = 'Radio Azattyq and Radio Azattyk both reported it; the Jokargy Kenes of Karakalpakstan met too.';
    expect(normalizeText(text, gazetteer)).toEqual({ text, changes: [], suggestions: [] });
  });

  it('leaves names of people from Latin-script countries alone', () => {
    const text = 'The Turkish minister Mevlüt Çavuşoğlu and the Czech envoy Tomáš Kučera met in Bishkek.';
    expect(normalizeText(text, gazetteer)).toEqual({ text, changes: [], suggestions: [] });
  });

  it('never touches URLs and e-mail addresses', () => {
    const text = 'See https://example.com/Zogorku-Kenes or write to Zogorku.Kenes@example.org today.';
    expect(normalizeText(text, gazetteer)).toEqual({ text, changes: [], suggestions: [] });
  });

  it('leaves ordinary English words alone even when they look like names', () => {
    const text = 'Turkish and Uzbek traders met. The Central Asian summit ends on Monday.';
    expect(normalizeText(text, gazetteer)).toEqual({ text, changes: [], suggestions: [] });
  });
});

describe('normalizeText: suggestions and options', () => {
  it('proposes the English rendering of an unknown name in another romanization, without applying it', () => {
    const text = 'Officials of Šavkat Aripov said so.';
    expect(normalizeText(text, gazetteer)).toEqual({
      text,
      changes: [],
      suggestions: [
        {
          start: 13, end: 26, from: 'Šavkat Aripov', to: 'Shavkat Aripov', entity: '', kind: 'person', confidence: 0.5, rule: 'reromanize',
          evidence: { scheme: 'czech-slovak', note: 'no gazetteer entry confirms this name' }, candidates: [],
        },
      ],
    });
  });

  it('applies a foreign romanization when the gazetteer confirms the name', () => {
    const result = normalizeText('President Šavkat Mirzijojev spoke.', gazetteer);
    expect(result.text).toBe('President Shavkat Mirziyoyev spoke.');
    expect(result.changes.map(({ from, to, rule, entity }) => ({ from, to, rule, entity }))).toEqual([
      { from: 'Šavkat Mirzijojev', to: 'Shavkat Mirziyoyev', rule: 'romanization', entity: 'person-shavkat-mirziyoyev' },
    ]);
  });

  it('turns a romanized Russian locative into English (`v Moskve` → `in Moscow`)', () => {
    const result = normalizeText('Four men were detained v Moskve on Friday.', gazetteer);
    expect(result.text).toBe('Four men were detained in Moscow on Friday.');
    expect(result.changes[0]).toMatchObject({ from: 'v Moskve', to: 'in Moscow', rule: 'morphology', entity: 'city:moscow' });
  });

  it('reads a Russian adjective and noun inflected together (`Islamskim Gosudarstvom`)', () => {
    const local = createGazetteer(
      [
        ...FIXTURE_ENTRIES,
        { id: 'militant-is', name: 'Islamic State', kind: 'militant-group', names: [{ text: 'Исламское государство', lang: 'ru', script: 'Cyrl', type: 'official' }], prominence: 1 },
      ],
      {},
    );
    const result = normalizeText('Two men who fought for the Islamskim Gosudarstvom were detained in Bishkek.', local);
    expect(result.text).toBe('Two men who fought for the Islamic State were detained in Bishkek.');
    expect(result.changes).toMatchObject([
      { from: 'Islamskim Gosudarstvom', to: 'Islamic State', rule: 'morphology', entity: 'militant-is', evidence: { alias: 'Islamskoye gosudarstvo', nominative: 'islamskoye', ending: '-om' } },
    ]);
    // The adjective alone is no name, and an English word in its place is no adjective.
    expect(normalizeText('Two men who fought for the Islamskim movement were detained.', local).changes).toEqual([]);
  });

  it('normalizes known variants by default, and keeps them with keepVariants', () => {
    const text = 'Flights to Ashkhabad resumed.';
    expect(normalizeText(text, gazetteer).text).toBe('Flights to Ashgabat resumed.');
    expect(normalizeText(text, gazetteer, { keepVariants: true })).toEqual({ text, changes: [], suggestions: [] });
  });

  it('turns every fix into a suggestion with suggestOnly', () => {
    const text = 'Lawmakers of the Zogorku Kenes met in Bishkek.';
    const result = normalizeText(text, gazetteer, { suggestOnly: true });
    expect(result.text).toBe(text);
    expect(result.changes).toEqual([]);
    expect(result.suggestions.map(({ from, to, candidates }) => ({ from, to, names: candidates.map((c) => c.name) }))).toEqual([
      { from: 'Zogorku Kenes', to: 'Zhogorku Kenesh', names: ['Zhogorku Kenesh'] },
    ]);
  });

  it('leaves a fix below minConfidence as a suggestion', () => {
    const text = 'Farmers in the Uzbek region of Surkhardarinsk near Termez lost their crops.';
    const result = normalizeText(text, gazetteer, { minConfidence: 0.95 });
    expect(result.text).toBe(text);
    expect(result.suggestions.map((s) => s.to)).toEqual(['Surkhandarya']);
  });

  it('reproduces its output from its changes, and changes nothing the second time', () => {
    const text = 'The Zogorku Kenesthe Kyrgyz parliament met; Golos Ameriki and Radio Azattyk reported from Surkhardarinsk.';
    const first = normalizeText(text, gazetteer);
    expect(applyEdits(text, first.changes)).toBe(first.text);
    expect(normalizeText(first.text, gazetteer).changes).toEqual([]);
  });
});

describe('createNormalizeStage', () => {
  it('updates the document and records each change as a message', async () => {
    const stage = createNormalizeStage({ gazetteer });
    const doc = createDocument('The report was aired by Golos Ameriki on Monday.');
    await stage(doc, { target: 'en' });
    expect(doc.text).toBe('The report was aired by Voice of America on Monday.');
    expect(doc.changes).toHaveLength(1);
    expect(doc.messages).toEqual([
      {
        stage: 'normalize',
        ruleId: 'normalize:alias',
        reason: "'Golos Ameriki' is a foreign or native name of 'Voice of America'",
        start: 24,
        end: 37,
        offsetsIn: 'original',
        actual: 'Golos Ameriki',
        expected: ['Voice of America'],
        confidence: 0.99,
        fatal: false,
        data: { entity: 'media-voice-of-america', kind: 'media', applied: true, evidence: doc.changes[0]!.evidence },
      },
    ]);
  });

  it('uses entity hints from the translate stage as strong evidence', async () => {
    const text = 'Farmers in Surkhardarinsk lost their crops.';
    const plain = normalizeText(text, gazetteer);
    const stage = createNormalizeStage({ gazetteer });
    const doc = createDocument(text);
    doc.entityHints.push({ entity: 'region:surkhandarya', text: 'Сурхандарьинской', start: 11, end: 25, confidence: 0.9 });
    await stage(doc, { target: 'en' });
    expect(doc.changes[0]?.confidence ?? 0).toBeGreaterThan(plain.changes[0]?.confidence ?? plain.suggestions[0]?.confidence ?? 0);
    expect(doc.changes[0]?.evidence.context).toContain('hint');
  });
});
