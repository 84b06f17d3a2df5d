/**
 * The fingerprint of what, besides the options, decides a run's results: transnorm's version
 * and the gazetteer data the normalizer loads. Documents finished under another fingerprint are
 * processed again. Callers with other sources of change (a custom stage, a model update) pass
 * their own `fingerprint` to `runCorpus`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PipelineOptions } from '../pipeline.js';
import { sha256 } from './state.js';

/** The directory of transnorm's package.json. */
function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'transnorm') return dir;
      } catch {
        // Not ours; keep walking up.
      }
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Every file under `dir`, sorted, as `name\0sha256` lines (data directories are small). */
function hashTree(dir: string, into: string[], prefix = ''): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) hashTree(path, into, `${prefix}${name}/`);
    else if (stat.isFile()) into.push(`${prefix}${name}\u0000${sha256(readFileSync(path))}`);
  }
}

/**
 * Default fingerprint: transnorm's version, the built-in gazetteers (`gazetteers/`) and
 * romanization data (`data/`) and the gazetteer files named in the normalize options (when
 * names are normalized), and the source of any custom stage. Models are not hashed (they are
 * large): pass your own fingerprint when you swap a model.
 */
export function defaultFingerprint(pipeline: PipelineOptions = {}): string {
  const parts: string[] = [];
  const root = packageRoot();
  if (root) {
    parts.push(`version\u0000${(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version}`);
    // Gazetteer and romanization data only matter when names are normalized.
    if (pipeline.normalize !== false) {
      hashTree(join(root, 'gazetteers'), parts, 'gazetteers/');
      hashTree(join(root, 'data'), parts, 'data/');
    }
  }
  const normalize = pipeline.normalize;
  if (normalize !== false) {
    // Thresholds and modes change which fixes are applied.
    const { minConfidence, keepVariants, suggestOnly } = normalize ?? {};
    parts.push(`normalize\u0000${JSON.stringify({ minConfidence, keepVariants, suggestOnly })}`);
    const source = pipeline.gazetteer && !('lookup' in pipeline.gazetteer) ? pipeline.gazetteer : undefined;
    if (source?.builtin === false) parts.push('builtin\u0000false');
    for (const file of [...(normalize?.gazetteers ?? []), ...(source?.files ?? [])]) {
      try {
        parts.push(`gazetteer\u0000${file}\u0000${sha256(readFileSync(file))}`);
      } catch {
        parts.push(`gazetteer\u0000${file}\u0000missing`);
      }
    }
  }
  for (const [name, stage] of Object.entries(pipeline.stages ?? {})) {
    if (stage) parts.push(`stage\u0000${name}\u0000${sha256(String(stage))}`);
  }
  return sha256(parts.join('\n')).slice(0, 32);
}
