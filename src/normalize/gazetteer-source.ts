/**
 * Where the normalizer gets its gazetteer. This is the one place that knows how: it reads the
 * built-in `gazetteers/*.jsonl` (and any user files, which take precedence) with `readEntries`
 * and `createGazetteer`. When the gazetteer module exports `loadGazetteer`, that is used instead.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as gazetteerModule from '../gazetteer/index.js';
import { createGazetteer, readEntries, type Gazetteer, type GazetteerEntry } from '../gazetteer/index.js';
import { packagePath } from '../gazetteer/paths.js';
import { GazetteerError, describeSystemError } from '../errors.js';

/** Which gazetteer files to load. */
export interface GazetteerSourceOptions {
  /** User gazetteer files in precedence order (first wins); they add to or override the built-in data. */
  files?: readonly string[];
  /** Load the built-in gazetteer too (default true). */
  builtin?: boolean;
}

type LoadGazetteer = (options: { files?: string[]; builtin?: boolean }) => Promise<Gazetteer>;

/** The built-in gazetteer files (`gazetteers/*.jsonl` of the installed package), sorted. */
export async function builtinGazetteerFiles(): Promise<string[]> {
  const dir = packagePath('gazetteers');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new GazetteerError(`cannot read the built-in gazetteer directory '${dir}': ${describeSystemError(error)}`, { cause: error });
  }
  return names.filter((name) => name.endsWith('.jsonl')).sort().map((name) => join(dir, name));
}

/** Load the gazetteer the normalizer works with. */
export async function loadNormalizerGazetteer(options: GazetteerSourceOptions = {}): Promise<Gazetteer> {
  const files = [...(options.files ?? [])];
  const builtin = options.builtin ?? true;
  const load = (gazetteerModule as unknown as { loadGazetteer?: LoadGazetteer }).loadGazetteer;
  if (typeof load === 'function') return load({ files, builtin });
  const entries: GazetteerEntry[] = [];
  // createGazetteer lets later entries override earlier ones: built-in first, then user files
  // from the lowest precedence to the highest.
  if (builtin) for (const file of await builtinGazetteerFiles()) entries.push(...(await readEntries(file)));
  for (const file of files.reverse()) entries.push(...(await readEntries(file)));
  return createGazetteer(entries);
}
