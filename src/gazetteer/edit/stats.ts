/** Counts that describe a gazetteer: entities and names by kind, country, language and script, and ambiguity. */
import { foldName } from '../fold.js';
import type { Gazetteer } from '../types.js';

export interface GazetteerStats {
  entities: number;
  /** Names listed on entries (canonical names not included). */
  names: number;
  /** Every alias, generated spellings included. */
  aliases: number;
  entitiesByKind: Record<string, number>;
  entitiesByCountry: Record<string, number>;
  namesByLanguage: Record<string, number>;
  namesByScript: Record<string, number>;
  /** Folded alias keys shared by more than one entity. */
  ambiguousAliases: number;
  /** A few ambiguous aliases with their entity ids, most shared first. */
  ambiguousExamples: Array<{ alias: string; entities: string[] }>;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Sort a count table: largest first, then by key. */
function sortCounts(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));
}

/** Compute the statistics of a loaded gazetteer. */
export function gazetteerStats(gazetteer: Gazetteer, examples = 10): GazetteerStats {
  const entitiesByKind: Record<string, number> = {};
  const entitiesByCountry: Record<string, number> = {};
  const namesByLanguage: Record<string, number> = {};
  const namesByScript: Record<string, number> = {};
  let names = 0;
  for (const entry of gazetteer.entries) {
    bump(entitiesByKind, entry.kind);
    bump(entitiesByCountry, entry.country ?? '(none)');
    for (const name of entry.names) {
      names++;
      bump(namesByLanguage, name.lang);
      bump(namesByScript, name.script);
    }
  }
  const owners = new Map<string, { text: string; ids: Set<string> }>();
  for (const alias of gazetteer.aliases) {
    const key = foldName(alias.text);
    const item = owners.get(key);
    if (item) item.ids.add(alias.entity);
    else owners.set(key, { text: alias.text, ids: new Set([alias.entity]) });
  }
  const ambiguous = [...owners.values()].filter((item) => item.ids.size > 1);
  ambiguous.sort((a, b) => b.ids.size - a.ids.size || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return {
    entities: gazetteer.entries.length,
    names,
    aliases: gazetteer.aliases.length,
    entitiesByKind: sortCounts(entitiesByKind),
    entitiesByCountry: sortCounts(entitiesByCountry),
    namesByLanguage: sortCounts(namesByLanguage),
    namesByScript: sortCounts(namesByScript),
    ambiguousAliases: ambiguous.length,
    ambiguousExamples: ambiguous.slice(0, examples).map((item) => ({ alias: item.text, entities: [...item.ids].sort() })),
  };
}

/** Human-readable statistics. */
export function formatStats(stats: GazetteerStats, top = 15): string {
  const table = (title: string, counts: Record<string, number>): string => {
    const rows = Object.entries(counts);
    const shown = rows.slice(0, top).map(([key, count]) => `${key} ${count}`).join(', ');
    return `${title}: ${shown}${rows.length > top ? `, … (${rows.length - top} more)` : ''}`;
  };
  const lines = [
    `entities: ${stats.entities}, names: ${stats.names}, aliases (generated included): ${stats.aliases}`,
    table('entities by kind', stats.entitiesByKind),
    table('entities by country', stats.entitiesByCountry),
    table('names by language', stats.namesByLanguage),
    table('names by script', stats.namesByScript),
    `ambiguous aliases: ${stats.ambiguousAliases}`,
    ...stats.ambiguousExamples.map((item) => `  ${item.alias}: ${item.entities.slice(0, 5).join(', ')}${item.entities.length > 5 ? `, … (${item.entities.length} entities)` : ''}`),
  ];
  return `${lines.join('\n')}\n`;
}
