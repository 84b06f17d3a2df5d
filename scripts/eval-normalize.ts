/**
 * `npm run eval:normalize [-- --file F.jsonl]... [--text F.txt]... [--verbose] [--min-confidence N]`:
 * scores the normalizer on annotated passages (format in docs/normalize.md) with the built-in
 * gazetteer. Prints precision and recall of applied fixes, suggestion recall and false changes
 * (and suggestions) per 10,000 tokens of control text, per rule, per pattern and overall.
 *
 * `--text F.txt` adds unannotated clean English, one text per line, read in documents of ten
 * lines: every change in it is a false one. Without `--file` or `--text`, the third-party English
 * sentences of `../shared/data/langid` are used when that folder is there (text on any topic, not
 * written for the project: the check that the region's names do not leak into other news).
 *
 * `npm run eval:normalize -- --compile SRC.txt OUT.jsonl` turns a marked-up source
 * (`⟦surface|expected|pattern⟧`, see corpora/eval/src/) into the JSONL format.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGazetteer } from '../src/gazetteer/load.js';
import { indexFor } from '../src/normalize/name-index.js';
import { normalizeText, type NormalizeOptions } from '../src/normalize/index.js';
import { foldKey } from '../src/normalize/fold.js';
import { countTokens } from '../src/normalize/tokenize.js';
import type { Change, Suggestion } from '../src/document.js';
import { THIRD_PARTY_ENGLISH, readLineDocuments } from './lib/clean-english.js';

/** One annotated mention. `expected` lists acceptable outputs; empty means "must stay as written". */
interface Mention {
  start: number;
  end: number;
  text: string;
  expected: string[];
  pattern: string;
}

/** One passage of an eval file. */
interface Passage {
  id: string;
  control: boolean;
  text: string;
  mentions: Mention[];
}

function compile(source: string): Passage[] {
  const passages: Passage[] = [];
  const blocks = source.split(/^## /mu).slice(1);
  for (const block of blocks) {
    const newline = block.indexOf('\n');
    const [id, flag] = block.slice(0, newline).trim().split(/\s+/u);
    const body = block.slice(newline + 1).trim();
    let text = '';
    const mentions: Mention[] = [];
    let at = 0;
    for (const match of body.matchAll(/⟦([^|⟧]*)\|([^|⟧]*)\|([^|⟧]*)⟧/gu)) {
      text += body.slice(at, match.index);
      const surface = match[1]!;
      const start = text.length;
      text += surface;
      const expected = match[2]!.split(';').map((s) => s.trim()).filter(Boolean);
      mentions.push({ start, end: text.length, text: surface, expected, pattern: match[3]! });
      at = match.index + match[0].length;
    }
    text += body.slice(at);
    if (text.includes('⟦')) throw new Error(`${id}: unbalanced markup`);
    passages.push({ id: id!, control: flag === 'control', text, mentions });
  }
  return passages;
}

function readPassages(file: string): Passage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const passage = JSON.parse(line) as Passage;
      for (const mention of passage.mentions) {
        if (passage.text.slice(mention.start, mention.end) !== mention.text) throw new Error(`${file}:${i + 1}: mention offsets do not slice '${mention.text}'`);
      }
      return passage;
    });
}

interface Tally {
  tp: number;
  fp: number;
  garbled: number;
  fixed: number;
  suggested: number;
  known: number;
  knownFixed: number;
}

const emptyTally = (): Tally => ({ tp: 0, fp: 0, garbled: 0, fixed: 0, suggested: 0, known: 0, knownFixed: 0 });

function regionMatches(text: string, mention: Mention, edit: { start: number; end: number; to: string }): boolean {
  const u0 = Math.min(mention.start, edit.start);
  const u1 = Math.max(mention.end, edit.end);
  const produced = anyDesignator(text.slice(u0, edit.start) + edit.to + text.slice(edit.end, u1));
  return mention.expected.some((expected) => produced === anyDesignator(text.slice(u0, mention.start) + expected + text.slice(mention.end, u1)));
}

/**
 * A designator after a name, in whichever language or word (`Karagandinskaya oblast` fixed to
 * `Karaganda Region` where the annotation expects `Karaganda` before `oblast`): which word names
 * the unit is style, not the name the scorer checks.
 */
function anyDesignator(region: string): string {
  return region.replace(/ (?:oblast|region|province|velayat|viloyat|viloyati|kray|krai|territory)$/iu, ' <designator>');
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const compileAt = args.indexOf('--compile');
  if (compileAt >= 0) {
    const [src, out] = [args[compileAt + 1], args[compileAt + 2]];
    if (!src || !out) throw new Error('usage: --compile SRC.txt OUT.jsonl');
    const passages = compile(readFileSync(src, 'utf8'));
    writeFileSync(out, passages.map((p) => JSON.stringify(p)).join('\n') + '\n');
    console.log(`${out}: ${passages.length} passages, ${passages.reduce((n, p) => n + p.mentions.length, 0)} mentions`);
    return;
  }
  const files: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--file') files.push(args[++i]!);
    else if (args[i] === '--text') texts.push(args[++i]!);
  }
  if (files.length === 0 && texts.length === 0) {
    const dir = 'corpora/eval';
    files.push(...readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f)));
    if (existsSync(THIRD_PARTY_ENGLISH)) texts.push(THIRD_PARTY_ENGLISH);
  }
  const verbose = args.includes('--verbose');
  const options: NormalizeOptions = {};
  const minAt = args.indexOf('--min-confidence');
  if (minAt >= 0) options.minConfidence = Number(args[minAt + 1]);

  let started = performance.now();
  const gazetteer = await loadGazetteer();
  const index = indexFor(gazetteer);
  console.log(`gazetteer: ${gazetteer.entries.length} entries, ${gazetteer.aliases.length} aliases; normalizer index ${index.aliasCount} aliases (${((performance.now() - started) / 1000).toFixed(1)} s to load)`);
  const inGazetteer = (expected: string) => {
    // Without a function word split off a glued token (`in Samarkand`, `Bukhara and`) or `Radio`.
    const core = expected.replace(/^(?:the|of|and|to|from|with|in|for|Radio) /u, '').replace(/ (?:the|of|and|in|to|on|for|at|by|from|with)$/u, '');
    return index.lookupExact(foldKey(core)).some((alias) => alias.prior >= 0.5);
  };

  const overall = emptyTally();
  const byRule = new Map<string, Tally>();
  const byPattern = new Map<string, Tally>();
  let controlTokens = 0;
  let controlChanges = 0;
  let controlSuggestions = 0;
  let tokens = 0;
  started = performance.now();
  for (const file of files) {
    const passages = readPassages(file);
    for (const passage of passages) {
      const result = normalizeText(passage.text, index, options);
      tokens += countTokens(passage.text);
      if (passage.control) {
        controlTokens += countTokens(passage.text);
        controlChanges += result.changes.length;
        controlSuggestions += result.suggestions.length;
      }
      const credited = new Set<Mention>();
      for (const change of result.changes) {
        const rule = byRule.get(change.rule) ?? emptyTally();
        byRule.set(change.rule, rule);
        const mention = passage.mentions.find((m) => overlaps(m, change));
        // A mention written in one of its acceptable forms may also become another acceptable form.
        if (mention && mention.expected.includes(mention.text) && regionMatches(passage.text, mention, change)) continue;
        const good = mention !== undefined && mention.expected.length > 0 && !mention.expected.includes(mention.text) && regionMatches(passage.text, mention, change);
        if (good) {
          rule.tp++;
          overall.tp++;
          credited.add(mention);
        } else {
          rule.fp++;
          overall.fp++;
          if (mention) (byPattern.get(mention.pattern) ?? byPattern.set(mention.pattern, emptyTally()).get(mention.pattern)!).fp++;
        }
        if (verbose && !good) console.log(`  FP ${passage.id}: '${change.from}' → '${change.to}' [${change.rule} ${change.entity} ${change.confidence}]${mention ? ` (expected ${mention.expected.join(' / ') || 'unchanged'})` : ''}`);
      }
      for (const mention of passage.mentions) {
        if (mention.expected.length === 0 || mention.expected.includes(mention.text)) continue;
        const pattern = byPattern.get(mention.pattern) ?? emptyTally();
        byPattern.set(mention.pattern, pattern);
        const known = mention.expected.some(inGazetteer);
        const fixed = credited.has(mention);
        const suggested = fixed || result.suggestions.some((s: Suggestion) => overlaps(mention, s) && regionMatches(passage.text, mention, s));
        for (const tally of [pattern, overall]) {
          tally.garbled++;
          if (fixed) tally.fixed++;
          if (suggested) tally.suggested++;
          if (known) tally.known++;
          if (known && fixed) tally.knownFixed++;
        }
        if (verbose && !fixed) {
          const near = result.suggestions.filter((s) => overlaps(mention, s)).map((s) => `suggested '${s.to}' [${s.rule} ${s.confidence}]`);
          const wrong = result.changes.filter((c: Change) => overlaps(mention, c)).map((c) => `changed to '${c.to}'`);
          console.log(`  MISS ${passage.id} [${mention.pattern}${known ? '' : ', not in gazetteer'}]: '${mention.text}' → ${mention.expected.join(' / ')} ${[...near, ...wrong].join('; ')}`);
        }
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const plain = texts.map((file) => {
    let count = 0;
    const changes: Change[] = [];
    let suggestions = 0;
    for (const text of readLineDocuments(file)) {
      const result = normalizeText(text, index, options);
      count += countTokens(text);
      changes.push(...result.changes);
      suggestions += result.suggestions.length;
    }
    if (verbose) for (const change of changes) console.log(`  FP ${file}: '${change.from}' → '${change.to}' [${change.rule} ${change.entity} ${change.confidence}]`);
    return { file, tokens: count, changes: changes.length, suggestions };
  });
  const ratio = (a: number, b: number) => (b === 0 ? '   -  ' : (a / b).toFixed(3).padStart(6));
  console.log(`files: ${[...files, ...texts].join(', ')}`);
  console.log(`tokens: ${tokens}, control tokens: ${controlTokens}, normalize time ${seconds.toFixed(2)} s`);
  console.log('\napplied fixes by rule       fixes  correct  wrong  precision');
  for (const [rule, t] of [...byRule].sort()) console.log(`  ${rule.padEnd(24)} ${String(t.tp + t.fp).padStart(6)} ${String(t.tp).padStart(8)} ${String(t.fp).padStart(6)} ${ratio(t.tp, t.tp + t.fp).padStart(10)}`);
  console.log('\ngarbled mentions by pattern  mentions  in-gaz  fixed  recall  recall(in-gaz)  suggestion-recall  wrong-fixes');
  for (const [pattern, t] of [...byPattern].sort()) {
    console.log(`  ${pattern.padEnd(26)} ${String(t.garbled).padStart(8)} ${String(t.known).padStart(7)} ${String(t.fixed).padStart(6)} ${ratio(t.fixed, t.garbled).padStart(7)} ${ratio(t.knownFixed, t.known).padStart(15)} ${ratio(t.suggested, t.garbled).padStart(18)} ${String(t.fp).padStart(12)}`);
  }
  console.log('\noverall');
  console.log(`  applied fixes: ${overall.tp + overall.fp} (correct ${overall.tp}, wrong ${overall.fp})  precision ${ratio(overall.tp, overall.tp + overall.fp).trim()}`);
  console.log(`  garbled mentions: ${overall.garbled} (entity in gazetteer: ${overall.known})`);
  console.log(`  recall (all garbled): ${ratio(overall.fixed, overall.garbled).trim()}   recall (in gazetteer): ${ratio(overall.knownFixed, overall.known).trim()}`);
  console.log(`  suggestion recall (fixed or suggested correctly): ${ratio(overall.suggested, overall.garbled).trim()}`);
  const per10k = (count: number, of: number) => (of === 0 ? '-' : ((count / of) * 10_000).toFixed(2));
  console.log(`  false changes per 10,000 control tokens: ${per10k(controlChanges, controlTokens)} (${controlChanges} changes in ${controlTokens} tokens)`);
  console.log(`  suggestions per 10,000 control tokens: ${per10k(controlSuggestions, controlTokens)} (${controlSuggestions} suggestions)`);
  for (const text of plain) {
    console.log(`\nclean English, unannotated: ${text.file}`);
    console.log(`  false changes per 10,000 tokens: ${per10k(text.changes, text.tokens)} (${text.changes} changes in ${text.tokens} tokens)`);
    console.log(`  suggestions per 10,000 tokens: ${per10k(text.suggestions, text.tokens)} (${text.suggestions} suggestions)`);
  }
}

main().catch((error: unknown) => {
  console.error(`eval-normalize: ${(error as Error).message}`);
  process.exit(1);
});
