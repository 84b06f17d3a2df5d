import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTRY_SCHEMA, createGazetteer, readEntries, validateEntries, validateFiles } from '../../src/gazetteer/index.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('validateFiles', () => {
  it('passes a clean file and counts entries and aliases by kind and country', async () => {
    const report = await validateFiles([fixture('central-asia.jsonl')]);
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.stats.entries).toBe(8);
    expect(report.stats.byKind).toMatchObject({ country: { entries: 2 }, legislature: { entries: 2 }, media: { entries: 1 }, person: { entries: 1 }, region: { entries: 1 }, city: { entries: 1 } });
    expect(report.stats.byCountry.UZ?.entries).toBe(5);
    expect(report.stats.listedAliases + report.stats.generatedAliases).toBe(report.stats.aliases);
    expect(report.stats.aliases).toBe(createGazetteer(await readEntries(fixture('central-asia.jsonl'))).aliases.length);
    expect(report.stats.byScheme['bgn-pcgn']).toBeGreaterThan(0);
  });

  it('reports a duplicate id with both lines', async () => {
    const file = fixture('duplicate-id.jsonl');
    const report = await validateFiles([file]);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      { severity: 'error', rule: 'duplicate-id', message: `${file}:2: duplicate id 'kg-osh' (first at line 1)`, file, line: 2, id: 'kg-osh', ids: ['kg-osh'] },
    ]);
  });

  it('reports an alias shared by several entities as an error in a user file, a warning when allowed', async () => {
    const file = fixture('ambiguous.jsonl');
    const report = await validateFiles([file]);
    expect(report.errors).toEqual([{
      severity: 'error', rule: 'ambiguous-alias',
      message: `${file}:1: ambiguous alias 'Kara-Suu' (folded 'kara-suu') names 2 entries: kg-kara-suu-osh, kg-kara-suu-talas`,
      file, line: 1, id: 'kg-kara-suu-osh', ids: ['kg-kara-suu-osh', 'kg-kara-suu-talas'], alias: 'Kara-Suu',
    }]);
    const lenient = await validateFiles([file], { ambiguity: 'warning' });
    expect(lenient.ok).toBe(true);
    expect(lenient.warnings.map((w) => w.rule)).toEqual(['ambiguous-alias']);
    expect(lenient.stats.ambiguousAliases).toBe(1);
  });

  it('reports bad JSON, schema errors and dangling parents with file:line', async () => {
    const file = fixture('broken.jsonl');
    const report = await validateFiles([file]);
    expect(report.errors.map((e) => [e.rule, e.line])).toEqual([['json', 3], ['schema', 2], ['dangling-parent', 1]]);
    expect(report.errors[0]!.message).toMatch(new RegExp(`^${file}:3: not valid JSON \\(`));
    expect(report.errors[1]!.message).toBe(
      `${file}:2: kg-talas: /kind must be one of ${ENTRY_SCHEMA.properties.kind.enum.join(', ')}; /country must match pattern "^[A-Z]{2}$"; /names/0/lang must match pattern "^(?:[a-z]{2,3}|und)(?:-[A-Za-z0-9]{2,8})*$"`,
    );
    expect(report.errors[2]!.message).toBe(`${file}:1: kg-naryn: parent 'kg-naryn-region' is not in the gazetteer`);
  });

  it('resolves parents and checks ambiguity against a base gazetteer', async () => {
    const base = createGazetteer(await readEntries(fixture('central-asia.jsonl')));
    const report = validateEntries([
      { id: 'uz-angor', name: 'Angor', kind: 'district', country: 'UZ', parent: 'uz-surkhandarya', names: [] },
      { id: 'uz-termez-airport', name: 'Termez', kind: 'other', country: 'UZ', parent: 'uz-termez', names: [] },
    ], { base });
    expect(report.errors.map((e) => [e.rule, e.ids])).toEqual([['ambiguous-alias', ['uz-termez', 'uz-termez-airport']]]);
    expect(report.stats.entries).toBe(2);
  });

  it('reports cycles, self-parents and unknown fields', () => {
    const report = validateEntries([
      { id: 'a', name: 'Aksu', kind: 'region', parent: 'b', names: [] },
      { id: 'b', name: 'Bakai', kind: 'region', parent: 'a', names: [] },
      { id: 'c', name: 'Chon-Kemin', kind: 'region', parent: 'c', names: [], colour: 'red' },
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([
      "c: is its own parent",
      'a: parent chain loops back to it (a → b → a)',
      'b: parent chain loops back to it (b → a → b)',
    ]);
    expect(report.warnings.map((w) => w.message)).toEqual(["c: unknown field 'colour' (kept, but nothing reads it)"]);
  });

  it('warns about aliases that are ordinary English words', async () => {
    const file = fixture('common-words.jsonl');
    const report = await validateFiles([file]);
    expect(report.ok).toBe(true);
    expect(report.warnings.map((w) => [w.rule, w.line, w.alias])).toEqual([['common-word-alias', 1, 'Nice'], ['common-word-alias', 2, 'Reading']]);
    expect(report.warnings[0]!.message).toBe(`${file}:1: fr-nice: alias 'Nice' (canonical) is an ordinary English word; it will never be auto-replaced`);
  });

  it('reports a file that cannot be read', async () => {
    const report = await validateFiles([fixture('missing.jsonl')]);
    expect(report.errors).toEqual([{ severity: 'error', rule: 'unreadable', message: `${fixture('missing.jsonl')}: cannot read: no such file or directory`, file: fixture('missing.jsonl') }]);
  });
});
