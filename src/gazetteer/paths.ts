/**
 * Where the installed package lives. Built-in data (gazetteers, romanization tables) is resolved
 * relative to the package root, never the current directory, so the CLI works from anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The directory holding transnorm's package.json (found by walking up from this module). */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'transnorm') return (root = dir);
      } catch {
        // A broken package.json further down is not ours; keep walking.
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('transnorm: cannot find the package root (package.json named "transnorm")');
    dir = up;
  }
}

/** The package version from package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** A path inside the package (`data/romanization`, `gazetteers`...). */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
