/**
 * Project configuration: `transnorm.config.json`, found by walking up from the current directory
 * (or given with `--config`). It lists the user's gazetteer files and whether the built-in
 * gazetteer is loaded under them. Files are in load order, as `loadGazetteer({ files })` takes
 * them: the built-in gazetteer first, then each listed file, a later file overriding entries of
 * the same id in earlier ones (so the last file has the highest precedence):
 *
 * ```json
 * { "gazetteers": ["local.jsonl"], "builtin": true }
 * ```
 *
 * Paths are relative to the config file. Other keys are left for other parts of transnorm.
 */
import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { TransnormError, UsageError, describeSystemError } from '../errors.js';
import { packagePath } from './paths.js';

/** The file name searched for. */
export const CONFIG_FILE_NAME = 'transnorm.config.json';

/** The built-in gazetteer directory of the installed package (never edited by the maintenance commands). */
export function builtinGazetteerDir(): string {
  return packagePath('gazetteers');
}

/** A loaded project config. */
export interface TransnormConfig {
  /** Absolute path of the config file. */
  path: string;
  /** User gazetteer files, absolute, in load order (a later file overrides an earlier one). */
  gazetteers: string[];
  /** Whether the built-in gazetteer is loaded (first, under the user's files). */
  builtin: boolean;
}

/** Error for an unusable config file (exit 1). */
function configError(path: string, problem: string, cause?: unknown): TransnormError {
  return new TransnormError(`config '${path}': ${problem}`, { code: 'ERR_CONFIG', cause });
}

/** Walk up from `startDir` to the filesystem root; the first `transnorm.config.json` found, if any. */
export async function findConfigFile(startDir: string = process.cwd()): Promise<string | undefined> {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    try {
      const stat = await fs.stat(candidate);
      if (stat.isFile()) return candidate;
    } catch {
      // not here: keep walking up
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Read and check a config file. */
export async function loadConfig(path: string): Promise<TransnormConfig> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = await fs.readFile(absolute, 'utf8');
  } catch (error) {
    throw configError(path, `cannot read: ${describeSystemError(error)}`, error);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw configError(path, `not valid JSON (${(error as Error).message})`, error);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw configError(path, 'expected a JSON object');
  const record = raw as Record<string, unknown>;
  const gazetteers = record.gazetteers ?? [];
  if (!Array.isArray(gazetteers) || gazetteers.some((item) => typeof item !== 'string' || item.trim() === '')) {
    throw configError(path, '"gazetteers" must be an array of file paths');
  }
  if (record.builtin !== undefined && typeof record.builtin !== 'boolean') throw configError(path, '"builtin" must be true or false');
  const dir = dirname(absolute);
  return {
    path: absolute,
    gazetteers: (gazetteers as string[]).map((file) => (isAbsolute(file) ? file : resolve(dir, file))),
    builtin: record.builtin !== false,
  };
}

/** Where to look for the config. */
export interface ConfigLocation {
  /** An explicit config file (`--config`); no search when given. */
  config?: string;
  /** Directory the search starts from (default: `process.cwd()`). */
  cwd?: string;
}

/** The gazetteer files a pipeline should load, for `loadGazetteer({ files, builtin })`. */
export interface ResolvedGazetteerFiles {
  /** User gazetteer files, absolute, in load order (a later file overrides an earlier one). */
  files: string[];
  /** Whether the built-in gazetteer is loaded under them. */
  builtin: boolean;
  /** The config file they came from, if one was found. */
  configPath?: string;
}

/** Find (or read the given) config; undefined when there is none. */
export async function locateConfig(location: ConfigLocation = {}): Promise<TransnormConfig | undefined> {
  if (location.config !== undefined) {
    const path = resolve(location.cwd ?? process.cwd(), location.config);
    try {
      await fs.access(path);
    } catch (error) {
      throw new UsageError(`--config: cannot read '${location.config}': ${describeSystemError(error)}`, { cause: error });
    }
    return loadConfig(path);
  }
  const found = await findConfigFile(location.cwd);
  return found === undefined ? undefined : loadConfig(found);
}

/**
 * The gazetteer files to load: the config's user files (in load order) and whether the built-in
 * gazetteer is loaded under them. Without a config: no user files, built-in on. The result is
 * exactly what `loadGazetteer` takes:
 *
 * ```ts
 * const { files, builtin } = await resolveGazetteerFiles({ config: flags.config });
 * const gazetteer = await loadGazetteer({ files, builtin });
 * ```
 */
export async function resolveGazetteerFiles(location: ConfigLocation = {}): Promise<ResolvedGazetteerFiles> {
  const config = await locateConfig(location);
  if (!config) return { files: [], builtin: true };
  return { files: config.gazetteers, builtin: config.builtin, configPath: config.path };
}

/** True when `path` lies inside `dir`. */
function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

/** The file edits go to, and the gazetteer files loaded around it. */
export interface EditTarget {
  /** Absolute path of the user gazetteer file to edit. */
  path: string;
  /** Every gazetteer file of the project (the target included), for context such as parents. */
  resolved: ResolvedGazetteerFiles;
}

/**
 * The user gazetteer file to edit: `--file`, else the last file of the config (the one with the
 * highest precedence, so the edit takes effect). Refuses files
 * of the installed package's built-in gazetteer unless `allowBuiltin` (package maintainers).
 */
export async function resolveEditTarget(options: ConfigLocation & { file?: string; allowBuiltin?: boolean }): Promise<EditTarget> {
  const resolved = await resolveGazetteerFiles(options);
  let path: string;
  if (options.file !== undefined) {
    path = resolve(options.cwd ?? process.cwd(), options.file);
  } else if (resolved.files.length > 0) {
    path = resolved.files[resolved.files.length - 1]!;
  } else {
    throw new UsageError(
      resolved.configPath
        ? `config '${resolved.configPath}' lists no gazetteer file to edit; add one to "gazetteers" or pass --file`
        : `no user gazetteer to edit: pass --file FILE, or create ${CONFIG_FILE_NAME} with { "gazetteers": ["local.jsonl"] }`,
    );
  }
  if (!options.allowBuiltin && isInside(path, builtinGazetteerDir())) {
    throw new UsageError(`refusing to edit the built-in gazetteer ('${path}'); edits go to your own file (--file, or "gazetteers" in ${CONFIG_FILE_NAME})`);
  }
  return { path, resolved };
}
