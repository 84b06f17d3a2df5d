/**
 * `summary.json`: totals over `report.jsonl`, built while the report is assembled (in path
 * order, so the file is the same bytes for the same report). Its shape is documented in
 * docs/corpus.md; the gazetteer maintenance command (`gazetteer suggest`) reads `unresolved`.
 */
import type { ReportLine } from './types.js';

/** How many unresolved suggestions `summary.json` lists. */
export const UNRESOLVED_LIMIT = 100;
/** How many example paths each unresolved suggestion keeps. */
const EXAMPLES = 3;

/** A name the normalizer could not settle: proposed, not applied, with how often it was seen. */
export interface UnresolvedSuggestion {
  /** The text as found. */
  from: string;
  /** The normalizer's best proposal and its entity. */
  to: string;
  entity: string;
  kind: string;
  rule: string;
  /** How many times it was suggested over the corpus. */
  count: number;
  /** Highest confidence seen. */
  confidence: number;
  /** The candidates of the first occurrence (in path order). */
  candidates: Array<{ entity: string; name: string; score: number; [key: string]: unknown }>;
  /** Up to three documents where it occurs (`path` or `path:line`), in path order. */
  examples: string[];
}

/** The content of `summary.json`. */
export interface CorpusSummary {
  version: 1;
  /** Report lines: documents processed, and how many failed. */
  documents: { total: number; succeeded: number; failed: number };
  /** Input files and their total size in bytes. */
  files: number;
  bytes: number;
  changes: number;
  suggestions: number;
  /** Documents per language (BCP-47; `none` when nothing was processed). */
  languages: Record<string, number>;
  /** Per gazetteer entity: changes made and suggestions left. */
  entities: Record<string, { changes: number; suggestions: number }>;
  /** Changes per normalizer rule (`alias`, `fuzzy`, ...). */
  rules: Record<string, number>;
  /** Pipeline messages per rule id (`normalize:unavailable`, `corpus:target-not-filled`, ...). */
  messages: Record<string, number>;
  /** Changes proposed by the pipeline but not applied, per reason. */
  skipped: Record<string, number>;
  /** Failed documents per error code, with the first few reasons. */
  errors: Record<string, { count: number; examples: Array<{ path: string; reason: string }> }>;
  /** Most frequent suggestions, most frequent first (ties by `from`). */
  unresolved: UnresolvedSuggestion[];
}

function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Sort an object's keys so the output does not depend on the order things were seen in. */
function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Accumulates report lines into a summary. */
export class SummaryBuilder {
  private documents = 0;
  private failed = 0;
  private changes = 0;
  private suggestions = 0;
  private readonly languages: Record<string, number> = {};
  private readonly entities: Record<string, { changes: number; suggestions: number }> = {};
  private readonly rules: Record<string, number> = {};
  private readonly messages: Record<string, number> = {};
  private readonly skipped: Record<string, number> = {};
  private readonly errors: Record<string, { count: number; examples: Array<{ path: string; reason: string }> }> = {};
  private readonly unresolved = new Map<string, UnresolvedSuggestion>();

  constructor(private readonly files: number, private readonly bytes: number) {}

  add(line: ReportLine): void {
    this.documents++;
    const where = line.line === undefined ? line.path : `${line.path}:${line.line}`;
    if (line.error) {
      this.failed++;
      const error = (this.errors[line.error.code] ??= { count: 0, examples: [] });
      error.count++;
      if (error.examples.length < EXAMPLES) error.examples.push({ path: where, reason: line.error.reason });
    }
    bump(this.languages, line.language ?? 'none');
    for (const change of line.changes) {
      this.changes++;
      bump(this.rules, change.rule);
      (this.entities[change.entity] ??= { changes: 0, suggestions: 0 }).changes++;
    }
    for (const suggestion of line.suggestions) {
      this.suggestions++;
      (this.entities[suggestion.entity] ??= { changes: 0, suggestions: 0 }).suggestions++;
      const key = `${suggestion.from}\u0000${suggestion.entity}`;
      const seen = this.unresolved.get(key);
      if (seen) {
        seen.count++;
        seen.confidence = Math.max(seen.confidence, suggestion.confidence);
        if (seen.examples.length < EXAMPLES && !seen.examples.includes(where)) seen.examples.push(where);
      } else {
        this.unresolved.set(key, {
          from: suggestion.from,
          to: suggestion.to,
          entity: suggestion.entity,
          kind: suggestion.kind,
          rule: suggestion.rule,
          count: 1,
          confidence: suggestion.confidence,
          candidates: suggestion.candidates,
          examples: [where],
        });
      }
    }
    for (const message of line.messages) bump(this.messages, message.ruleId);
    for (const skip of line.skipped) bump(this.skipped, skip.reason);
  }

  build(): CorpusSummary {
    const unresolved = [...this.unresolved.values()]
      .sort((a, b) => b.count - a.count || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0))
      .slice(0, UNRESOLVED_LIMIT);
    return {
      version: 1,
      documents: { total: this.documents, succeeded: this.documents - this.failed, failed: this.failed },
      files: this.files,
      bytes: this.bytes,
      changes: this.changes,
      suggestions: this.suggestions,
      languages: sortedKeys(this.languages),
      entities: sortedKeys(this.entities),
      rules: sortedKeys(this.rules),
      messages: sortedKeys(this.messages),
      skipped: sortedKeys(this.skipped),
      errors: sortedKeys(this.errors),
      unresolved,
    };
  }
}
