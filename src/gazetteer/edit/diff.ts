/** Entity-level differences between two gazetteers: added and removed entities, changed fields and names. */
import { canonicalEntry } from '../jsonl.js';
import type { GazetteerEntry } from '../types.js';

/** How one entity changed. */
export interface EntityChange {
  id: string;
  /** Fields (other than names) whose value differs: `name`, `kind`, `ids`... */
  fields: string[];
  /** Names (`text (lang)`) only in B. */
  namesAdded: string[];
  /** Names only in A. */
  namesRemoved: string[];
}

export interface GazetteerDiff {
  added: GazetteerEntry[];
  removed: GazetteerEntry[];
  changed: EntityChange[];
}

function nameLabel(name: { text: string; lang: string; type: string }): string {
  return `${name.text} (${name.lang}, ${name.type})`;
}

/** Compare two entry lists by id. */
export function diffEntries(a: readonly GazetteerEntry[], b: readonly GazetteerEntry[]): GazetteerDiff {
  const inA = new Map(a.map((entry) => [entry.id, entry]));
  const inB = new Map(b.map((entry) => [entry.id, entry]));
  const byId = (x: GazetteerEntry, y: GazetteerEntry) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const added = b.filter((entry) => !inA.has(entry.id)).sort(byId);
  const removed = a.filter((entry) => !inB.has(entry.id)).sort(byId);
  const changed: EntityChange[] = [];
  for (const [id, before] of [...inA].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const after = inB.get(id);
    if (!after) continue;
    const x = canonicalEntry(before) as unknown as Record<string, unknown>;
    const y = canonicalEntry(after) as unknown as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(x), ...Object.keys(y)])]
      .filter((key) => key !== 'names' && JSON.stringify(x[key]) !== JSON.stringify(y[key]))
      .sort();
    const namesA = new Set(before.names.map(nameLabel));
    const namesB = new Set(after.names.map(nameLabel));
    const namesAdded = [...namesB].filter((name) => !namesA.has(name));
    const namesRemoved = [...namesA].filter((name) => !namesB.has(name));
    const reordered = namesAdded.length === 0 && namesRemoved.length === 0 && JSON.stringify(x.names) !== JSON.stringify(y.names);
    if (reordered) fields.push('names (order or details)');
    if (fields.length > 0 || namesAdded.length > 0 || namesRemoved.length > 0) changed.push({ id, fields, namesAdded, namesRemoved });
  }
  return { added, removed, changed };
}

/** Human-readable diff, one line per change. */
export function formatDiff(diff: GazetteerDiff): string {
  const lines: string[] = [];
  for (const entry of diff.added) lines.push(`+ ${entry.id}  ${entry.name} (${entry.kind}${entry.country ? `, ${entry.country}` : ''}, ${entry.names.length} names)`);
  for (const entry of diff.removed) lines.push(`- ${entry.id}  ${entry.name} (${entry.kind}${entry.country ? `, ${entry.country}` : ''})`);
  for (const change of diff.changed) {
    lines.push(`~ ${change.id}${change.fields.length > 0 ? `  fields: ${change.fields.join(', ')}` : ''}`);
    for (const name of change.namesAdded) lines.push(`    + ${name}`);
    for (const name of change.namesRemoved) lines.push(`    - ${name}`);
  }
  lines.push(`${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`);
  return `${lines.join('\n')}\n`;
}
