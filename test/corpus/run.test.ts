import { describe, expect, it, afterEach } from 'vitest';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCorpus } from '../../src/corpus/index.js';
import { repoRoot } from '../helpers/cli.js';
import { expectedFromReport, fakePipeline, noopNormalize, readReport, readTree, tempDir, unavailableTranslate, type TestReportLine } from './helpers.js';

const samples = join(repoRoot, 'corpora/samples');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function temp(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

function byPath(reports: TestReportLine[]): Map<string, TestReportLine[]> {
  const map = new Map<string, TestReportLine[]>();
  for (const report of reports) map.set(report.path, [...(map.get(report.path) ?? []), report]);
  return map;
}

describe('runCorpus on the samples', () => {
  it('writes every format back byte for byte when the pipeline changes nothing', async () => {
    const out = temp();
    const result = await runCorpus({ inputs: [samples], outDir: out, pipeline: fakePipeline(noopNormalize, unavailableTranslate), jobs: 2, timings: false });
    const inputs = readTree(samples);
    const outputs = readTree(out);
    for (const [rel, bytes] of inputs) expect(outputs.get(rel)?.equals(bytes), rel).toBe(true);
    const reports = readReport(out);
    expect(reports.every((r) => r.changes.length === 0 && r.error === undefined)).toBe(true);
    expect(new Set(reports.map((r) => r.path))).toEqual(new Set(inputs.keys()));
    expect(result).toMatchObject({ files: inputs.size, failed: 0, changes: 0, resumed: 0 });
    // The XLIFF units without a target stay without one, and say why.
    const xliff = reports.filter((r) => r.format === 'xliff').flatMap((r) => r.messages.filter((m) => m.ruleId === 'corpus:target-not-filled'));
    expect(xliff).toHaveLength(2);
  });

  it('changes the outputs only at the reported changes, in every format', async () => {
    const out = temp();
    await runCorpus({ inputs: [samples], outDir: out, pipeline: fakePipeline(undefined, unavailableTranslate), jobs: 3, timings: false });
    const reports = byPath(readReport(out));
    const formats = new Set<string>();
    for (const [rel, bytes] of readTree(samples)) {
      const input = bytes.toString('utf8');
      const output = readFileSync(join(out, rel), 'utf8');
      const fileReports = reports.get(rel)!;
      formats.add(fileReports[0]!.format!);
      expect(output, rel).toBe(expectedFromReport(input, fileReports));
      expect(output, rel).not.toBe(input);
    }
    expect([...formats].sort()).toEqual(['jsonl', 'md', 'tmx', 'txt', 'xliff', 'xml']);
  });

  it('leaves Markdown code, URLs, link targets, HTML and front matter alone', async () => {
    const out = temp();
    await runCorpus({ inputs: [join(samples, 'news/surkhandarya-harvest.md')], outDir: out, pipeline: fakePipeline(), timings: false });
    const input = readFileSync(join(samples, 'news/surkhandarya-harvest.md'), 'utf8');
    const expected = input
      .replace('# Harvest starts early in Surkhardarinsk region', '# Harvest starts early in Surkhandarya region')
      .replace('Farmers in the Surkhardarinsk region', 'Farmers in the Surkhandarya region')
      .replace('administration of Uzbekitsan said', 'administration of Uzbekistan said')
      .replace('weather in Surkhardarinsk was', 'weather in Surkhandarya was')
      .replace('| Surkhardarinsk | 41 200 |', '| Surkhandarya | 41 200 |');
    expect(readFileSync(join(out, 'surkhandarya-harvest.md'), 'utf8')).toBe(expected);
    const [report] = readReport(out);
    expect(report!.changes.map((c) => [c.from, c.to, c.start])).toEqual([
      ['Surkhardarinsk', 'Surkhandarya', input.indexOf('Surkhardarinsk region\n')],
      ['Surkhardarinsk', 'Surkhandarya', input.indexOf('Surkhardarinsk region began')],
      ['Uzbekitsan', 'Uzbekistan', input.indexOf('Uzbekitsan said')],
      ['Surkhardarinsk', 'Surkhandarya', input.indexOf('Surkhardarinsk was')],
      ['Surkhardarinsk', 'Surkhandarya', input.indexOf('Surkhardarinsk | 41')],
    ]);
  });

  it('fills missing XLIFF targets by translating the source, keeping the rest unchanged', async () => {
    const out = temp();
    await runCorpus({ inputs: [join(samples, 'localization')], outDir: out, pipeline: fakePipeline(), timings: false });
    const v1 = readFileSync(join(out, 'briefs-1.2.xlf'), 'utf8');
    const v1Input = readFileSync(join(samples, 'localization/briefs-1.2.xlf'), 'utf8');
    expect(v1).toBe(
      v1Input
        .replace('The Zogorku Kenes approved', 'The Zhogorku Kenesh approved')
        .replace('<g id="1">Surkhardarinsk</g>', '<g id="1">Surkhandarya</g>')
        .replace(
          '<source>Корреспондент «Голоса Америки» побывал в Узбекистане.</source>\n',
          '<source>Корреспондент «Голоса Америки» побывал в Узбекистане.</source>\n        <target state="needs-review-translation">A correspondent of Voice of America visited Uzbekistan.</target>\n',
        ),
    );
    const v2 = readFileSync(join(out, 'briefs-2.0.xlf'), 'utf8');
    const v2Input = readFileSync(join(samples, 'localization/briefs-2.0.xlf'), 'utf8');
    expect(v2).toBe(
      v2Input
        .replace('delegation of Uzbekitsan', 'delegation of Uzbekistan')
        .replace('<pc id="1">Golos Ameriki</pc>', '<pc id="1">Voice of America</pc>')
        .replace(
          '<source>Сессия Жогорку Кенеша продлится до пятницы.</source>\n',
          '<source>Сессия Жогорку Кенеша продлится до пятницы.</source>\n        <target>The session of the Zhogorku Kenesh will last until Friday.</target>\n',
        ),
    );
    // The report accounts for every byte that differs.
    for (const report of readReport(out)) {
      const input = readFileSync(join(samples, 'localization', report.path), 'utf8');
      expect(readFileSync(join(out, report.path), 'utf8')).toBe(expectedFromReport(input, [report]));
    }
  });

  it('selects TMX segments by --tuv-lang and TEI paragraphs by --xml-text-path', async () => {
    const out = temp();
    await runCorpus({ inputs: [join(samples, 'memories'), join(samples, 'tei')], outDir: out, pipeline: fakePipeline(), timings: false, tuvLang: 'ru' });
    // Only the Russian <tuv>s were selected: they hold no garbled Latin names, so nothing changed.
    expect(readFileSync(join(out, 'memories/news-ru-en.tmx'))).toEqual(readFileSync(join(samples, 'memories/news-ru-en.tmx')));
    const out2 = temp();
    await runCorpus({ inputs: [join(samples, 'tei/dispatch.xml')], outDir: out2, pipeline: fakePipeline(), timings: false, xmlTextPath: 'TEI/teiHeader//title' });
    const tei = readFileSync(join(samples, 'tei/dispatch.xml'), 'utf8');
    expect(readFileSync(join(out2, 'dispatch.xml'), 'utf8')).toBe(tei.replace('(Zogorku Kenes session)', '(Zhogorku Kenesh session)'));
  });
});

describe('byte-level details', () => {
  it('keeps byte-order marks, CRLF line endings and non-NFC text as they are', async () => {
    const dir = temp();
    const out = temp();
    writeFileSync(join(dir, 'bom.txt'), '\uFEFFThe Zogorku Kenes met.\r\nGolos Ameriki reported it.\r\n');
    writeFileSync(join(dir, 'bom.md'), '\uFEFF# Golos Ameriki\r\n\r\n`Golos Ameriki` and Golos Ameriki.\r\n');
    writeFileSync(join(dir, 'crlf.jsonl'), '{"text":"Golos Ameriki"}\r\n{"text":"none"}');
    // "Café" with a combining accent (not NFC): the change cannot be placed, so it is skipped.
    writeFileSync(join(dir, 'nfd.txt'), 'Cafe\u0301 owners met Golos Ameriki.\n');
    await runCorpus({ inputs: [dir], outDir: out, pipeline: fakePipeline(), timings: false });
    expect(readFileSync(join(out, 'bom.txt'), 'utf8')).toBe('\uFEFFThe Zhogorku Kenesh met.\r\nVoice of America reported it.\r\n');
    expect(readFileSync(join(out, 'bom.md'), 'utf8')).toBe('\uFEFF# Voice of America\r\n\r\n`Golos Ameriki` and Voice of America.\r\n');
    expect(readFileSync(join(out, 'crlf.jsonl'), 'utf8')).toBe('{"text":"Voice of America"}\r\n{"text":"none"}');
    expect(readFileSync(join(out, 'nfd.txt'), 'utf8')).toBe('Cafe\u0301 owners met Golos Ameriki.\n');
    const nfd = readReport(out).find((r) => r.path === 'nfd.txt')!;
    expect(nfd.changes).toEqual([]);
    expect(nfd.skipped).toEqual([
      {
        change: { start: 16, end: 29, from: 'Golos Ameriki', to: 'Voice of America', entity: 'voa', kind: 'organization', confidence: 0.99, rule: 'alias', evidence: {} },
        reason: 'the text is not in Unicode NFC form, so change offsets do not match the file',
      },
    ]);
  });
});

describe('report and summary', () => {
  it('writes one report line per document and totals in summary.json', async () => {
    const dir = temp();
    const out = temp();
    const a = 'Observers from Uzbekitsan met officials from Tashkend.\n';
    const b = '{"text":"Golos Ameriki in Tashkend"}\nnot json\n';
    writeFileSync(join(dir, 'a.txt'), a);
    writeFileSync(join(dir, 'b.jsonl'), b);
    await runCorpus({ inputs: [dir], outDir: out, pipeline: fakePipeline(), timings: false });
    const reports = readReport(out);
    const suggestion = (start: number) => ({
      start,
      end: start + 8,
      from: 'Tashkend',
      to: 'Tashkent',
      entity: 'uz-tashkent',
      kind: 'city',
      confidence: 0.6,
      rule: 'fuzzy',
      evidence: {},
      candidates: [{ entity: 'uz-tashkent', name: 'Tashkent', score: 0.6 }],
    });
    expect(reports).toEqual([
      {
        path: 'a.txt',
        format: 'txt',
        language: 'en',
        changes: [{ start: 15, end: 25, from: 'Uzbekitsan', to: 'Uzbekistan', entity: 'uz', kind: 'country', confidence: 0.99, rule: 'alias', evidence: {} }],
        suggestions: [suggestion(45)],
        skipped: [],
        messages: [],
      },
      {
        path: 'b.jsonl',
        format: 'jsonl',
        line: 1,
        language: 'en',
        changes: [{ start: 0, end: 13, from: 'Golos Ameriki', to: 'Voice of America', entity: 'voa', kind: 'organization', confidence: 0.99, rule: 'alias', evidence: {} }],
        suggestions: [suggestion(17)],
        skipped: [],
        messages: [],
      },
      {
        path: 'b.jsonl',
        format: 'jsonl',
        line: 2,
        language: null,
        changes: [],
        suggestions: [],
        skipped: [],
        messages: [],
        error: { code: 'ERR_JSON', reason: expect.stringMatching(/^line 2 is not valid JSON: /) },
      },
    ]);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toEqual({
      version: 1,
      documents: { total: 3, succeeded: 2, failed: 1 },
      files: 2,
      bytes: a.length + b.length,
      changes: 2,
      suggestions: 2,
      languages: { en: 2, none: 1 },
      entities: { uz: { changes: 1, suggestions: 0 }, voa: { changes: 1, suggestions: 0 }, 'uz-tashkent': { changes: 0, suggestions: 2 } },
      rules: { alias: 2 },
      messages: {},
      skipped: {},
      errors: { ERR_JSON: { count: 1, examples: [{ path: 'b.jsonl:2', reason: expect.stringMatching(/^line 2 is not valid JSON/) }] } },
      unresolved: [
        {
          from: 'Tashkend',
          to: 'Tashkent',
          entity: 'uz-tashkent',
          kind: 'city',
          rule: 'fuzzy',
          count: 2,
          confidence: 0.6,
          candidates: [{ entity: 'uz-tashkent', name: 'Tashkent', score: 0.6 }],
          examples: ['a.txt', 'b.jsonl:1'],
        },
      ],
    });
    expect(readFileSync(join(out, 'b.jsonl'), 'utf8')).toBe('{"text":"Voice of America in Tashkend"}\nnot json\n');
  });

  it('records per-stage timings unless asked not to', async () => {
    const dir = temp();
    const out = temp();
    writeFileSync(join(dir, 'a.txt'), 'Plain English text.\n');
    await runCorpus({ inputs: [dir], outDir: out, pipeline: fakePipeline() });
    const [report] = readReport(out);
    expect(Object.keys(report!.timings!).sort()).toEqual(['detect', 'normalize']);
  });
});

describe('resuming', () => {
  it('skips finished files, and redoes what changed options, fingerprint or content affect', async () => {
    const dir = temp();
    const out = temp();
    cpSync(samples, dir, { recursive: true });
    const options = { inputs: [dir], outDir: out, pipeline: fakePipeline(), timings: false, fingerprint: 'g1' };
    const first = await runCorpus(options);
    const firstTree = readTree(out);
    const again = await runCorpus(options);
    expect(again.resumed).toBe(first.files);
    expect(readTree(out)).toEqual(firstTree);

    // --field only concerns JSONL files.
    const otherField = await runCorpus({ ...options, field: 'headline' });
    expect(otherField.resumed).toBe(first.files - 1);

    // A new gazetteer (fingerprint) redoes everything.
    const newGazetteer = await runCorpus({ ...options, fingerprint: 'g2' });
    expect(newGazetteer.resumed).toBe(0);

    // An input that turns bad loses its old output.
    writeFileSync(join(dir, 'tei/dispatch.xml'), '<TEI><text>');
    const broken = await runCorpus({ ...options, fingerprint: 'g2' });
    expect(broken).toMatchObject({ failed: 1, resumed: first.files - 1 });
    expect(existsSync(join(out, 'tei/dispatch.xml'))).toBe(false);

    // An edited input is redone, the others are not.
    writeFileSync(join(dir, 'news/bishkek-session.txt'), 'Now only Golos Ameriki.\n');
    const edited = await runCorpus({ ...options, fingerprint: 'g2' });
    expect(edited.resumed).toBe(first.files - 1);
    expect(readFileSync(join(out, 'news/bishkek-session.txt'), 'utf8')).toBe('Now only Voice of America.\n');
    // The manifest lists each input once, in path order; no temp files are left.
    const manifest = readFileSync(join(out, '.transnorm/manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).path);
    expect(manifest).toEqual([...manifest].sort());
    expect(manifest).toHaveLength(first.files);
    expect(existsSync(join(out, '.transnorm/tmp'))).toBe(false);
  });
});

describe('bad documents', () => {
  it('records each failure with its reason and goes on', async () => {
    const dir = temp();
    const out = temp();
    writeFileSync(join(dir, 'good.txt'), 'The Zogorku Kenes met.\n');
    writeFileSync(join(dir, 'malformed.xml'), '<TEI><text><body><p>open</body></text></TEI>');
    writeFileSync(join(dir, 'laughs.tmx'), '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<tmx><body><tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu></body></tmx>\n');
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    writeFileSync(join(dir, 'huge.txt'), `${'Zogorku Kenes '.repeat(100)}\n`);
    writeFileSync(join(dir, 'lines.jsonl'), Buffer.concat([Buffer.from('{"text":"Golos Ameriki"}\n{"text": broken}\n{"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    writeFileSync(join(dir, 'notes.xml'), '<notes><n>Zogorku Kenes</n></notes>');
    const result = await runCorpus({ inputs: [dir], outDir: out, pipeline: fakePipeline(), timings: false, maxBytes: 1000 });
    const errors = readReport(out).map((r) => [r.path, r.line ?? null, r.error?.code ?? null, r.error?.reason ?? null]);
    expect(errors).toEqual([
      ['binary.md', null, 'ERR_BINARY', 'looks like a binary file, not text'],
      ['good.txt', null, null, null],
      ['huge.txt', null, 'ERR_TOO_LARGE', 'too large: 1401 bytes (limit 1000, see --max-bytes)'],
      ['latin1.txt', null, 'ERR_ENCODING', 'is not valid UTF-8 text'],
      ['laughs.tmx', null, 'ERR_XML', 'XML with entity declarations (<!ENTITY ...>) is refused: entities are never expanded'],
      ['lines.jsonl', 1, null, null],
      ['lines.jsonl', 2, 'ERR_JSON', expect.stringMatching(/^line 2 is not valid JSON: /)],
      ['lines.jsonl', 3, 'ERR_ENCODING', 'line 3 is not valid UTF-8 text'],
      ['malformed.xml', null, 'ERR_XML', expect.stringMatching(/^malformed XML at line 1, column \d+: /)],
      ['notes.xml', null, 'ERR_XML', 'no text to select in an XML file with root <notes>: give --xml-text-path (e.g. TEI/text/body//p)'],
    ]);
    expect(result).toMatchObject({ documents: 10, failed: 8, changes: 2 });
    expect(readFileSync(join(out, 'good.txt'), 'utf8')).toBe('The Zhogorku Kenesh met.\n');
    // Failed whole files get no output; bad JSONL lines are copied through unchanged.
    expect(readdirSync(out).sort()).toEqual(['.transnorm', 'good.txt', 'lines.jsonl', 'report.jsonl', 'summary.json']);
    expect(readFileSync(join(out, 'lines.jsonl'))).toEqual(Buffer.concat([Buffer.from('{"text":"Voice of America"}\n{"text": broken}\n{"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(Object.fromEntries(Object.entries(summary.errors as Record<string, { count: number }>).map(([code, e]) => [code, e.count]))).toEqual({
      ERR_BINARY: 1,
      ERR_ENCODING: 2,
      ERR_JSON: 1,
      ERR_TOO_LARGE: 1,
      ERR_XML: 3,
    });
  });
});

describe('paths', () => {
  it('never writes outside OUTDIR, even through a symbolic link placed in it', async () => {
    const dir = temp();
    const out = temp();
    const elsewhere = temp();
    mkdirSync(join(dir, 'news'));
    writeFileSync(join(dir, 'news/a.txt'), 'Golos Ameriki\n');
    writeFileSync(join(dir, 'b.txt'), 'Golos Ameriki\n');
    symlinkSync(elsewhere, join(out, 'news'));
    const result = await runCorpus({ inputs: [dir], outDir: out, pipeline: fakePipeline(), timings: false });
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(result.failed).toBe(1);
    expect(readReport(out).map((r) => [r.path, r.error?.code ?? null])).toEqual([
      ['b.txt', null],
      ['news/a.txt', 'ERR_UNSAFE_OUTPUT'],
    ]);
    // Such failures are retried: once the link is gone, the next run writes the file.
    rmSync(join(out, 'news'));
    const retried = await runCorpus({ inputs: [dir], outDir: out, pipeline: fakePipeline(), timings: false });
    expect(retried).toMatchObject({ failed: 0, resumed: 1 });
    expect(readFileSync(join(out, 'news/a.txt'), 'utf8')).toBe('Voice of America\n');
  });

  it('does not follow symbolic links inside input directories', async () => {
    const dir = temp();
    const out = temp();
    const secret = temp();
    writeFileSync(join(secret, 'secret.txt'), 'Golos Ameriki\n');
    symlinkSync(join(secret, 'secret.txt'), join(dir, 'link.txt'));
    writeFileSync(join(dir, 'a.txt'), 'Golos Ameriki\n');
    await runCorpus({ inputs: [dir], outDir: out, pipeline: fakePipeline(), timings: false });
    expect(readReport(out).map((r) => [r.path, r.error?.code ?? null])).toEqual([
      ['a.txt', null],
      ['link.txt', 'ERR_SYMLINK'],
    ]);
    expect(existsSync(join(out, 'link.txt'))).toBe(false);
  });

  it('mirrors several inputs under their common directory and skips OUTDIR when it is inside an input', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'x/deep'), { recursive: true });
    mkdirSync(join(dir, 'y'));
    writeFileSync(join(dir, 'x/deep/a.txt'), 'Golos Ameriki\n');
    writeFileSync(join(dir, 'y/b.md'), '# Golos Ameriki\n');
    writeFileSync(join(dir, 'y/skip.csv'), 'not a corpus format\n');
    const out = join(dir, 'out');
    const options = { inputs: [join(dir, 'x'), join(dir, 'y/*.md')], outDir: out, pipeline: fakePipeline(), timings: false };
    await runCorpus(options);
    const second = await runCorpus({ ...options, inputs: [dir] });
    expect(readReport(out).map((r) => r.path)).toEqual(['x/deep/a.txt', 'y/b.md']);
    expect(second.files).toBe(2);
    expect(readFileSync(join(out, 'y/b.md'), 'utf8')).toBe('# Voice of America\n');
  });

  it('rewrites inputs in place only when asked, keeping .bak copies', async () => {
    const dir = temp();
    const out = temp();
    writeFileSync(join(dir, 'a.txt'), 'Golos Ameriki\n');
    writeFileSync(join(dir, 'same.txt'), 'Nothing to fix.\n');
    writeFileSync(join(dir, 'b.jsonl'), '{"text": "Golos Ameriki"}\n');
    writeFileSync(join(dir, 'same.jsonl'), '{"text": "Nothing to fix."}\n');
    const options = { inputs: [dir], outDir: out, inPlace: true, pipeline: fakePipeline(), timings: false };
    await runCorpus(options);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('Voice of America\n');
    expect(readFileSync(join(dir, 'a.txt.bak'), 'utf8')).toBe('Golos Ameriki\n');
    expect(readFileSync(join(dir, 'b.jsonl'), 'utf8')).toBe('{"text": "Voice of America"}\n');
    expect(readFileSync(join(dir, 'b.jsonl.bak'), 'utf8')).toBe('{"text": "Golos Ameriki"}\n');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'a.txt.bak', 'b.jsonl', 'b.jsonl.bak', 'same.jsonl', 'same.txt']);
    expect(readdirSync(out).sort()).toEqual(['.transnorm', 'report.jsonl', 'summary.json']);
    const again = await runCorpus(options);
    expect(again.resumed).toBe(4);
    expect(readFileSync(join(dir, 'a.txt.bak'), 'utf8')).toBe('Golos Ameriki\n');
  });
});
