/**
 * Gazetteer (public face). NOTE: initial in-memory version so consumers can build against the
 * contract in ./types.ts; the gazetteer issue adds validation, the compiled index cache,
 * generated romanized aliases and romanization-aware lookup behind the same exports.
 */
import type { Alias, Gazetteer, GazetteerEntry, LookupMatch } from './types.js';

export * from './types.js';
export { formatEntries, parseEntries, readEntries, canonicalEntry, compareIds } from './jsonl.js';

/** Lower-case and strip diacritics: the key of a "folded" match. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Aliases from an entry's canonical name and listed names. */
function entryAliases(entry: GazetteerEntry): Alias[] {
  const aliases: Alias[] = [{ text: entry.name, entity: entry.id, origin: 'canonical', type: 'canonical', lang: 'en', script: 'Latn' }];
  for (const name of entry.names) {
    aliases.push({ text: name.text, entity: entry.id, origin: 'name', type: name.type, lang: name.lang, script: name.script });
  }
  return aliases;
}

/** Build an in-memory gazetteer from entries (later entries with the same id override earlier ones). */
export function createGazetteer(entries: Iterable<GazetteerEntry>): Gazetteer {
  const byId = new Map<string, GazetteerEntry>();
  for (const entry of entries) byId.set(entry.id, entry);
  const list = [...byId.values()];
  const aliasesById = new Map<string, Alias[]>();
  const byFolded = new Map<string, Alias[]>();
  for (const entry of list) {
    const aliases = entryAliases(entry);
    aliasesById.set(entry.id, aliases);
    for (const alias of aliases) {
      const key = foldName(alias.text);
      const bucket = byFolded.get(key);
      if (bucket) bucket.push(alias);
      else byFolded.set(key, [alias]);
    }
  }
  const merged = new Map<string, string>();
  for (const entry of list) for (const old of entry.merged ?? []) merged.set(old, entry.id);
  const get = (id: string) => byId.get(id) ?? byId.get(merged.get(id) ?? '');
  return {
    entries: list,
    aliases: [...aliasesById.values()].flat(),
    get,
    aliasesOf: (id) => aliasesById.get(get(id)?.id ?? id) ?? [],
    lookup(name): LookupMatch[] {
      const matches: LookupMatch[] = [];
      for (const alias of byFolded.get(foldName(name)) ?? []) {
        const entry = byId.get(alias.entity)!;
        matches.push({ entry, alias, how: alias.text === name ? 'exact' : 'folded', score: alias.text === name ? 1 : 0.95 });
      }
      return matches.sort((a, b) => b.score - a.score);
    },
  };
}
