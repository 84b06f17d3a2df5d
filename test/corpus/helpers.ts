/**
 * Deterministic stand-in stages for corpus tests, so they do not depend on the real detector,
 * translator and normalizer (which other issues are building).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Change, Suggestion } from '../../src/document.js';
import type { PipelineOptions, Stage } from '../../src/pipeline.js';

/** Garbled names and their fixes (entity ids are made up for the tests). */
export const FIXES: ReadonlyArray<{ from: string; to: string; entity: string; kind: string }> = [
  { from: 'Zogorku Kenes', to: 'Zhogorku Kenesh', entity: 'kg-parliament', kind: 'organization' },
  { from: 'Golos Ameriki', to: 'Voice of America', entity: 'voa', kind: 'organization' },
  { from: 'Surkhardarinsk', to: 'Surkhandarya', entity: 'uz-surkhandarya', kind: 'region' },
  { from: 'Uzbekitsan', to: 'Uzbekistan', entity: 'uz', kind: 'country' },
];

/** Names the fake normalizer only suggests (left for a human). */
export const SUGGESTED: ReadonlyArray<{ from: string; to: string; entity: string }> = [{ from: 'Tashkend', to: 'Tashkent', entity: 'uz-tashkent' }];

/** Cyrillic → `ru`, anything else with letters → `en`, no letters → `und`. */
export const fakeDetect: Stage = async (doc) => {
  const cyrillic = /\p{Script=Cyrillic}/u.test(doc.original);
  const letters = /\p{L}/u.test(doc.original);
  const bcp47 = cyrillic ? 'ru' : letters ? 'en' : 'und';
  doc.language = { iso6393: cyrillic ? 'rus' : letters ? 'eng' : 'und', bcp47, script: cyrillic ? 'Cyrl' : 'Latn', confidence: 1, candidates: [] };
};

/** Translation from a small phrase table; anything else becomes `[en] …`. */
export const TRANSLATIONS: Record<string, string> = {
  'Корреспондент «Голоса Америки» побывал в Узбекистане.': 'A correspondent of Golos Ameriki visited Uzbekitsan.',
  'Сессия Жогорку Кенеша продлится до пятницы.': 'The session of the Zogorku Kenes will last until Friday.',
};

export const fakeTranslate: Stage = async (doc) => {
  doc.translation = TRANSLATIONS[doc.original] ?? `[en] ${doc.original}`;
  doc.text = doc.translation;
};

/** A translator that is not available (as the real one without models). */
export const unavailableTranslate: Stage = async (doc) => {
  doc.messages.push({ stage: 'translate', ruleId: 'translate:unavailable', reason: 'no model', start: 0, end: 0, offsetsIn: 'original', confidence: 0, fatal: true });
};

/** Replace the known garbled names and record a Change for each; suggest (not apply) the others. */
export const fakeNormalize: Stage = async (doc) => {
  const input = doc.translation ?? doc.original;
  const found: Array<{ start: number; from: string; to: string; entity: string; kind: string }> = [];
  for (const fix of FIXES) {
    for (let at = input.indexOf(fix.from); at >= 0; at = input.indexOf(fix.from, at + fix.from.length)) found.push({ start: at, ...fix });
  }
  found.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const hit of found) {
    const change: Change = { start: hit.start, end: hit.start + hit.from.length, from: hit.from, to: hit.to, entity: hit.entity, kind: hit.kind, confidence: 0.99, rule: 'alias', evidence: {} };
    doc.changes.push(change);
    out += input.slice(cursor, hit.start) + hit.to;
    cursor = change.end;
  }
  doc.text = out + input.slice(cursor);
  for (const suggestion of SUGGESTED) {
    const at = input.indexOf(suggestion.from);
    if (at < 0) continue;
    const item: Suggestion = {
      start: at,
      end: at + suggestion.from.length,
      from: suggestion.from,
      to: suggestion.to,
      entity: suggestion.entity,
      kind: 'city',
      confidence: 0.6,
      rule: 'fuzzy',
      evidence: {},
      candidates: [{ entity: suggestion.entity, name: suggestion.to, score: 0.6 }],
    };
    doc.suggestions.push(item);
  }
};

/** A normalizer that changes nothing. */
export const noopNormalize: Stage = async () => {};

/** Pipeline options with the fake stages. */
export function fakePipeline(normalize: Stage = fakeNormalize, translate: Stage = fakeTranslate): PipelineOptions {
  return { target: 'en', stages: { detect: fakeDetect, translate, normalize } };
}

/** A fresh temp directory, removed by the returned cleanup. */
export function tempDir(prefix = 'transnorm-corpus-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every regular file under `dir` (relative path → bytes), sorted. */
export function readTree(dir: string, base = dir): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) for (const [rel, bytes] of readTree(path, base)) files.set(rel, bytes);
    else files.set(relative(base, path).split('\\').join('/'), readFileSync(path));
  }
  return files;
}

/** A report line as the tests read it. */
export interface TestReportLine {
  path: string;
  format: string | null;
  line?: number;
  language: string | null;
  changes: Array<{ start: number; end: number; from: string; to: string; at?: { line: number; column: number }; translated?: true }>;
  suggestions: unknown[];
  skipped: unknown[];
  messages: Array<{ ruleId: string; data?: Record<string, unknown> }>;
  timings?: Record<string, number>;
  error?: { code: string; reason: string };
}

/** Read report.jsonl. */
export function readReport(outDir: string): TestReportLine[] {
  return readFileSync(join(outDir, 'report.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TestReportLine);
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function splice(text: string, edits: Array<{ start: number; end: number; text: string }>): string {
  let out = '';
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** The raw edits a report line accounts for: name changes (not inside translations) and recorded edits. */
function reportedEdits(text: string, report: TestReportLine): Array<{ start: number; end: number; text: string }> {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const change of report.changes) {
    if (change.translated) continue;
    const base = change.at ? offsetOf(text, change.at.line, change.at.column) : 0;
    if (text.slice(base + change.start, base + change.end) !== change.from) throw new Error(`${report.path}: change '${change.from}' is not at ${base + change.start}`);
    edits.push({ start: base + change.start, end: base + change.end, text: change.to });
  }
  for (const message of report.messages) {
    if (message.ruleId === 'corpus:translated' || message.ruleId === 'corpus:target-filled') {
      const data = message.data as { start: number; end: number; text: string };
      edits.push(data);
    }
  }
  return edits;
}

/**
 * What the output of an input must be if it differs from it only at the reported changes.
 * JSONL: per line, changes index the decoded field, so the field is rebuilt and the raw line
 * checked by replacing each `from` in turn (the test names need no JSON escaping).
 */
export function expectedFromReport(input: string, reports: TestReportLine[], field = 'text'): string {
  if (reports[0]?.format !== 'jsonl') return splice(input, reportedEdits(input, reports[0]!));
  const lines = input.split('\n');
  for (const report of reports) {
    if (report.line === undefined || report.error) continue;
    const recorded = report.messages.filter((m) => m.ruleId === 'corpus:translated').map((m) => m.data as { start: number; end: number; text: string });
    let raw = lines[report.line - 1]!;
    if (recorded.length > 0) raw = splice(raw, recorded);
    let searchFrom = 0;
    for (const change of [...report.changes].filter((c) => !c.translated).sort((a, b) => a.start - b.start)) {
      const at = raw.indexOf(change.from, searchFrom);
      if (at < 0) throw new Error(`line ${report.line}: '${change.from}' not found`);
      raw = raw.slice(0, at) + change.to + raw.slice(at + change.from.length);
      searchFrom = at + change.to.length;
    }
    const original = JSON.parse(lines[report.line - 1]!) as Record<string, unknown>;
    const rebuilt = JSON.parse(raw) as Record<string, unknown>;
    const value = original[field];
    if (typeof value !== 'string') {
      if (raw !== lines[report.line - 1]) throw new Error(`line ${report.line}: changed without a text field`);
      continue;
    }
    const expectedValue = splice(value, report.changes.filter((c) => !c.translated).map((c) => ({ start: c.start, end: c.end, text: c.to })));
    if (recorded.length === 0 && rebuilt[field] !== expectedValue) throw new Error(`line ${report.line}: field is '${String(rebuilt[field])}', expected '${expectedValue}'`);
    lines[report.line - 1] = raw;
  }
  return lines.join('\n');
}
