import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGazetteer } from '../../../src/gazetteer/index.js';
import { readGazetteerFile } from '../../../src/gazetteer/store.js';
import { candidatePatchLine, suggestFromCorpus } from '../../../src/gazetteer/suggest.js';
import { fixtures, tempDir } from './helpers.js';

const gazetteer = async () => createGazetteer(await readGazetteerFile(join(fixtures, 'base.jsonl')));

describe('suggest', () => {
  it('proposes the new spelling of a known entity and a frequent unknown name, from a directory of text files', async () => {
    const result = await suggestFromCorpus(await gazetteer(), [join(fixtures, 'corpus')]);
    expect(result.files).toBe(3);
    expect(result.candidates).toEqual([
      {
        type: 'alias', text: 'Zhogorky Kenesh', count: 3,
        examples: [
          'The Zhogorky Kenesh met in Bishkek on Tuesday to debate the…',
          '…the draft budget. Deputies of the Zhogorky Kenesh asked the speaker to postpone the vote.…',
          '…the parliament speaker said the Zhogorky Kenesh would return to the budget next week. A…',
        ],
        entity: 'kg-jogorku-kenesh', entityName: 'Zhogorku Kenesh', matched: 'Zhogorku Kenesh', similarity: 0.933, confidence: 0.92,
        reason: "93% similar to 'Zhogorku Kenesh' (fuzzy); context words nearby in 2 of 3",
      },
      {
        type: 'entity', text: 'Ata Meken', count: 3,
        examples: [
          '…asked the speaker to postpone the vote. Members of Ata Meken walked out of the hall before the…',
          '…the budget next week. A spokesman for Ata Meken told reporters that the party would not…',
          '# Evening summary Ata Meken again criticised the plan. In Termez,…',
        ],
        id: 'ata-meken', confidence: 0.56, reason: 'capitalized name seen 3 times that matches no entity',
      },
    ]);
    expect(result.candidates.map(candidatePatchLine)).toEqual([
      expect.objectContaining({ op: 'alias-add', id: 'kg-jogorku-kenesh', text: 'Zhogorky Kenesh', lang: 'und', type: 'variant', source: 'corpus', confidence: 0.92, count: 3 }),
      expect.objectContaining({ op: 'add', entry: { id: 'ata-meken', name: 'Ata Meken', kind: 'other', names: [] }, confidence: 0.56, count: 3 }),
    ]);
  });

  it('proposes nothing for names the gazetteer already knows, and respects --min-count', async () => {
    const dir = await tempDir();
    await fs.writeFile(join(dir, 'known.txt'), 'Officials in Bishkek and Termez spoke to Voice of America. The Zhogorku Kenesh agreed. Kirghizia was the old name.\nOnce in Samarkand.\n');
    const result = await suggestFromCorpus(await gazetteer(), [dir]);
    expect(result.candidates).toEqual([]);
    const once = await suggestFromCorpus(await gazetteer(), [dir], { minCount: 1 });
    // Sentence-initial ordinary words ("Officials", "Once") are not names.
    expect(once.candidates.map((c) => [c.type, c.text, c.count])).toEqual([['entity', 'Samarkand', 1]]);
  });

  it("reads the unresolved suggestions of a corpus run's summary.json", async () => {
    const dir = await tempDir();
    const summary = join(dir, 'summary.json');
    const unresolved = (from: string, entity: string, count: number, examples: string[]) => ({ from, to: 'x', entity, kind: 'legislature', rule: 'fuzzy', count, confidence: 0.6, candidates: [], examples });
    await fs.writeFile(summary, JSON.stringify({ version: 1, documents: { total: 10, succeeded: 10, failed: 0 }, suggestions: 17, unresolved: [
      unresolved('Zogorku Kenesh', 'kg-jogorku-kenesh', 4, ['news/a.txt', 'news/b.txt']),
      // The normalizer's entity is taken even where the spelling is far from every alias.
      unresolved('Jokorku Kenesh-tin', 'kg-jogorku-kenesh', 2, ['news/c.txt']),
      unresolved('Bishkek', 'kg-bishkek', 9, ['news/a.txt']),
      { from: 'Kumtor', count: 2, examples: ['news/d.txt'] },
    ] }));
    const result = await suggestFromCorpus(await gazetteer(), [summary]);
    expect(result.candidates.map((c) => [c.type, c.text, c.count, c.type === 'alias' ? `${c.entity} ${c.similarity} ${c.reason}` : c.id, c.examples])).toEqual([
      ['alias', 'Zogorku Kenesh', 4, "kg-jogorku-kenesh 0.933 93% similar to 'Zhogorku Kenesh' (proposed by the corpus run)", ['news/a.txt', 'news/b.txt']],
      ['alias', 'Jokorku Kenesh-tin', 2, "kg-jogorku-kenesh 0.722 72% similar to 'Jogorku Kenesh' (proposed by the corpus run)", ['news/c.txt']],
      ['entity', 'Kumtor', 2, 'kumtor', ['news/d.txt']],
    ]);
    await fs.writeFile(summary, '{"documents": 3}');
    await expect(suggestFromCorpus(await gazetteer(), [summary])).rejects.toThrow(`'${summary}' has no list of unresolved suggestions`);
  });

  it("reads a corpus run's report.jsonl next to summary.json: fuzzy fixes the run applied and suggestions it left", async () => {
    const dir = await tempDir();
    const change = (from: string, entity: string, rule: string) => ({ start: 0, end: from.length, from, to: 'x', entity, kind: 'legislature', confidence: 0.9, rule, evidence: {} });
    const lines = [
      { path: 'a.txt', format: 'txt', language: 'en', changes: [change('Zhogorky Kenesh', 'kg-jogorku-kenesh', 'fuzzy'), change('Jogorku Kenesh', 'kg-jogorku-kenesh', 'variant')], suggestions: [], skipped: [], messages: [] },
      { path: 'b.jsonl', line: 7, format: 'jsonl', language: 'en', changes: [change('Zhogorky Kenesh', 'kg-jogorku-kenesh', 'fuzzy')], suggestions: [{ ...change('Termiz-shahri', 'uz-termez', 'fuzzy'), candidates: [] }], skipped: [], messages: [] },
    ];
    await fs.writeFile(join(dir, 'report.jsonl'), lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    await fs.writeFile(join(dir, 'summary.json'), JSON.stringify({ version: 1, unresolved: [] }));
    const result = await suggestFromCorpus(await gazetteer(), [join(dir, 'summary.json')]);
    expect(result.reports).toBe(1);
    expect(result.candidates.map((c) => [c.type, c.text, c.count, c.type === 'alias' ? c.entity : c.id, c.examples])).toEqual([
      ['alias', 'Zhogorky Kenesh', 2, 'kg-jogorku-kenesh', ['a.txt', 'b.jsonl:7']],
      ['alias', 'Termiz-shahri', 1, 'uz-termez', ['b.jsonl:7']],
    ]);
  });
});
