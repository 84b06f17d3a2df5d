/**
 * The project's gazetteer as the maintenance commands see it: the built-in gazetteer under the
 * user's files (from the config or `--file`), loaded through `loadGazetteer` (compiled index
 * cache keyed by the files' contents). Edits to one file are checked against all the others.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadGazetteer } from '../load.js';
import type { ResolvedGazetteerFiles } from '../config.js';
import type { Gazetteer } from '../types.js';

/**
 * Load the project gazetteer: the built-in one (when `builtin`) under `files` (load order, a later
 * file overriding an earlier one), leaving out `exclude` (the file being edited, whose entries the
 * store supplies). Files that do not exist yet are skipped (a first `add` creates the file).
 */
export async function loadProjectGazetteer(resolved: Pick<ResolvedGazetteerFiles, 'files' | 'builtin'>, exclude?: string): Promise<Gazetteer> {
  const skip = exclude === undefined ? undefined : resolve(exclude);
  const files = resolved.files.filter((file) => resolve(file) !== skip && existsSync(file));
  return loadGazetteer({ files, builtin: resolved.builtin });
}
