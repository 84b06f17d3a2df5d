/**
 * The translation cache: one small JSON file per translated sentence, keyed by the SHA-256 of
 * the model hash(es), the language pair and the sentence. A re-run of the same document loads
 * no model at all.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * `translations/` in transnorm's cache folder (the one the gazetteer index cache uses):
 * `$TRANSNORM_CACHE_DIR`, else `$XDG_CACHE_HOME/transnorm`, else `~/.cache/transnorm`.
 */
export function defaultTranslationCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.TRANSNORM_CACHE_DIR ? resolve(env.TRANSNORM_CACHE_DIR) : join(env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), '.cache'), 'transnorm');
  return join(base, 'translations');
}

/** A disk cache of sentence translations. */
export interface TranslationCache {
  readonly dir: string;
  key(modelHashes: readonly string[], from: string, to: string, text: string): string;
  get(key: string): Promise<string | undefined>;
  set(key: string, translation: string): Promise<void>;
}

/** Open (lazily create) the cache in `dir`. */
export function openTranslationCache(dir: string): TranslationCache {
  const pathOf = (key: string) => join(dir, key.slice(0, 2), `${key}.json`);
  return {
    dir,
    key(modelHashes, from, to, text) {
      return createHash('sha256').update(JSON.stringify([modelHashes, from, to, text])).digest('hex');
    },
    async get(key) {
      try {
        const value = JSON.parse(await readFile(pathOf(key), 'utf8')) as { translation?: unknown };
        return typeof value.translation === 'string' ? value.translation : undefined;
      } catch {
        return undefined; // missing or unreadable: translate again
      }
    },
    async set(key, translation) {
      await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
      // No fsync: a cache entry lost in a crash is only translated again.
      await writeFileAtomic(pathOf(key), `${JSON.stringify({ translation })}\n`, { fsync: false });
    },
  };
}
