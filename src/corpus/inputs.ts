/**
 * Turning the INPUT arguments (files, directories, glob patterns) into the list of documents to
 * process, each with its path relative to a common input root: OUTDIR mirrors that tree.
 */
import { promises as fs, realpathSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { InputError, describeSystemError } from '../errors.js';
import type { CorpusFormat } from './types.js';

/** A file to process. */
export interface CorpusInput {
  /** Absolute path. */
  abs: string;
  /** Path relative to the input root, `/`-separated (never starts with `..`). */
  rel: string;
  /** Size in bytes at listing time. */
  size: number;
  /** The format, or `null` when it cannot be told from the name. */
  format: CorpusFormat | null;
  /** Why the file cannot be processed, decided while listing (a symbolic link in a directory). */
  problem?: { code: string; reason: string };
}

const extensions: Record<string, CorpusFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.tmx': 'tmx',
  '.xlf': 'xliff',
  '.xliff': 'xliff',
  '.xml': 'xml',
  '.tei': 'xml',
};

/** The format of a file from its extension. */
export function formatOf(path: string): CorpusFormat | null {
  return extensions[extname(path).toLowerCase()] ?? null;
}

/** Is `child` inside (or equal to) `parent`? Both absolute. */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The deepest directory containing all of `dirs`. */
function commonDirectory(dirs: readonly string[]): string {
  let common = dirs[0]!;
  for (const dir of dirs.slice(1)) {
    while (!isInside(common, dir)) {
      const up = dirname(common);
      if (up === common) break;
      common = up;
    }
  }
  return common;
}

export interface ListOptions {
  cwd?: string;
  /** Never list anything inside these directories (the output directory). */
  exclude?: string[];
  /** Read every file as this format (explicit files of any extension are then accepted). */
  format?: CorpusFormat;
}

/**
 * List the documents named by `inputs`. Directories are walked recursively (hidden files,
 * `.bak` copies and files of unknown formats left out; symbolic links are not followed and are
 * reported as problems); explicit files are always included. Sorted by relative path.
 * Throws an InputError when an input names nothing.
 */
export async function listInputs(inputs: readonly string[], options: ListOptions = {}): Promise<{ root: string; files: CorpusInput[] }> {
  const cwd = options.cwd ?? process.cwd();
  const exclude = (options.exclude ?? []).map((dir) => realpathOr(resolve(cwd, dir)));
  const found = new Map<string, { problem?: CorpusInput['problem']; size: number }>();
  const roots: string[] = [];
  const keep = (abs: string): boolean => !exclude.some((dir) => isInside(dir, abs) || isInside(dir, realpathOr(abs)));

  for (const input of inputs) {
    const abs = resolve(cwd, input);
    let stat: import('node:fs').Stats | undefined;
    try {
      stat = await fs.stat(abs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !fg.isDynamicPattern(input)) {
        throw new InputError(`cannot read '${input}': ${describeSystemError(error)}`, { cause: error });
      }
    }
    if (stat?.isFile()) {
      roots.push(dirname(abs));
      if (keep(abs)) found.set(abs, { size: stat.size });
      continue;
    }
    let base: string;
    let entries: fg.Entry[];
    if (stat?.isDirectory()) {
      base = abs;
      entries = await fg('**/*', { cwd: abs, absolute: true, onlyFiles: false, followSymbolicLinks: false, dot: false, stats: true, suppressErrors: true });
    } else if (stat) {
      throw new InputError(`cannot read '${input}': not a file or directory`);
    } else {
      const pattern = input.replace(/\\/g, '/');
      const task = fg.generateTasks([pattern], { cwd })[0];
      base = resolve(cwd, task?.base ?? '.');
      entries = await fg(pattern, { cwd, absolute: true, onlyFiles: false, followSymbolicLinks: false, dot: false, stats: true, suppressErrors: true });
      if (entries.length === 0) throw new InputError(`no file matches '${input}'`);
    }
    roots.push(base);
    for (const entry of entries) {
      const path = resolve(entry.path);
      if (!keep(path) || entry.dirent.isDirectory()) continue;
      if (path.endsWith('.bak')) continue;
      if (options.format === undefined && formatOf(path) === null) continue;
      if (entry.dirent.isSymbolicLink()) {
        found.set(path, { size: 0, problem: { code: 'ERR_SYMLINK', reason: 'symbolic links inside input directories are not followed' } });
      } else if (entry.dirent.isFile()) {
        found.set(path, { size: entry.stats?.size ?? 0 });
      }
    }
  }
  if (roots.length === 0) throw new InputError('no input given');
  const root = commonDirectory(roots);
  const files: CorpusInput[] = [];
  for (const [abs, info] of found) {
    const rel = relative(root, abs).split(sep).join('/');
    const file: CorpusInput = { abs, rel, size: info.size, format: options.format ?? formatOf(abs) };
    if (info.problem) file.problem = info.problem;
    files.push(file);
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { root, files };
}
