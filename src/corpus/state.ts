/**
 * The state that makes a run resumable, kept in `OUTDIR/.transnorm/`:
 * - `manifest.jsonl`: one line per finished input file (its content hash, the options hash it
 *   was processed under, the hash of what was written). Appended as files finish, so a run
 *   killed at any moment loses at most the files in flight; a torn last line is ignored.
 * - `parts/`: the report lines of each finished file, from which `report.jsonl` is rebuilt in
 *   path order at the end (no duplicates, same bytes whatever the order files finished in).
 * - `tmp/`: temp files being written, renamed into place when complete; wiped at start.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { TransnormError, describeSystemError } from '../errors.js';

/** Bump when the layout of outputs or reports changes: finished files are then redone. */
export const CORPUS_STATE_VERSION = 1;

/** One finished input file. */
export interface ManifestEntry {
  /** Input path relative to the input root, `/`-separated. */
  path: string;
  /** sha256 of the input bytes. */
  input: string;
  /** Hash of the options (and fingerprint) it was processed with. */
  options: string;
  /** sha256 of the output written (`null` when the document failed and nothing was written). */
  output: string | null;
  /** Report lines written for it, and how many of those are failures. */
  documents: number;
  failed: number;
}

/** sha256 hex of a string or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** sha256 hex of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A file written through a temp file in `tmpDir` and renamed over `path` on `commit()`. */
export class AtomicWriter {
  private readonly tmpPath: string;
  private handle: fs.FileHandle | undefined;
  private readonly hash = createHash('sha256');
  private pending = '';
  private static counter = 0;

  private constructor(readonly path: string, tmpDir: string) {
    this.tmpPath = join(tmpDir, `.transnorm-${process.pid}-${Date.now().toString(36)}-${(AtomicWriter.counter++).toString(36)}.tmp`);
  }

  /** Open a writer; the temp file lives in `tmpDir`, which must be on the same file system as `path`. */
  static async open(path: string, tmpDir: string): Promise<AtomicWriter> {
    const writer = new AtomicWriter(path, tmpDir);
    try {
      writer.handle = await fs.open(writer.tmpPath, 'w');
    } catch (error) {
      throw new TransnormError(`cannot write '${path}': ${describeSystemError(error)}`, { cause: error, code: 'ERR_WRITE' });
    }
    return writer;
  }

  /** Queue text; it is flushed in large writes. */
  async write(text: string | Buffer): Promise<void> {
    if (typeof text !== 'string') {
      await this.flush();
      await this.writeBytes(text);
      return;
    }
    this.pending += text;
    if (this.pending.length >= 1 << 16) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending === '') return;
    const buffer = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    await this.writeBytes(buffer);
  }

  private async writeBytes(buffer: Buffer): Promise<void> {
    this.hash.update(buffer);
    try {
      await this.handle!.write(buffer);
    } catch (error) {
      throw new TransnormError(`cannot write '${this.path}': ${describeSystemError(error)}`, { cause: error, code: 'ERR_WRITE' });
    }
  }

  /** Finish and move the file into place; returns the sha256 of what was written. */
  async commit(): Promise<string> {
    await this.flush();
    await this.handle!.close();
    this.handle = undefined;
    try {
      await fs.rename(this.tmpPath, this.path);
    } catch (error) {
      await fs.rm(this.tmpPath, { force: true });
      throw new TransnormError(`cannot write '${this.path}': ${describeSystemError(error)}`, { cause: error, code: 'ERR_WRITE' });
    }
    return this.hash.digest('hex');
  }

  /** Drop the temp file. */
  async abort(): Promise<void> {
    await this.handle?.close().catch(() => {});
    this.handle = undefined;
    await fs.rm(this.tmpPath, { force: true });
  }
}

/** Write a whole file atomically through `tmpDir`; returns its sha256. */
export async function writeAtomically(path: string, content: string | Buffer, tmpDir: string): Promise<string> {
  const writer = await AtomicWriter.open(path, tmpDir);
  try {
    await writer.write(content);
    return await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** The `.transnorm/` state directory of an output directory. */
export class RunState {
  readonly dir: string;
  readonly tmpDir: string;
  readonly partsDir: string;
  readonly manifestPath: string;
  private readonly entries = new Map<string, ManifestEntry>();
  private appendHandle: fs.FileHandle | undefined;
  private appendChain: Promise<void> = Promise.resolve();

  constructor(outDir: string) {
    this.dir = join(outDir, '.transnorm');
    this.tmpDir = join(this.dir, 'tmp');
    this.partsDir = join(this.dir, 'parts');
    this.manifestPath = join(this.dir, 'manifest.jsonl');
  }

  /** Create the directories, wipe temp files of an interrupted run, and load the manifest. */
  async open(): Promise<void> {
    await fs.rm(this.tmpDir, { recursive: true, force: true });
    await fs.mkdir(this.tmpDir, { recursive: true });
    await fs.mkdir(this.partsDir, { recursive: true });
    let text = '';
    try {
      text = await fs.readFile(this.manifestPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const entry = JSON.parse(line) as ManifestEntry;
        if (typeof entry.path === 'string' && typeof entry.input === 'string') this.entries.set(entry.path, entry);
      } catch {
        // A line torn by a kill: that file is simply done again.
      }
    }
    // Make sure the next append starts on a fresh line.
    if (text !== '' && !text.endsWith('\n')) await fs.appendFile(this.manifestPath, '\n');
    this.appendHandle = await fs.open(this.manifestPath, 'a');
  }

  /** The manifest entry of a path, if a run finished it. */
  get(path: string): ManifestEntry | undefined {
    return this.entries.get(path);
  }

  /** Where the report lines of an input path are kept. */
  partPath(path: string): string {
    const key = sha256(path);
    return join(this.partsDir, key.slice(0, 2), `${key.slice(2, 40)}.jsonl`);
  }

  /** Make the directory of a part file. */
  async ensurePartDir(path: string): Promise<void> {
    await fs.mkdir(dirname(this.partPath(path)), { recursive: true });
  }

  /** Record a finished file (after its output and its report part are in place). */
  record(entry: ManifestEntry): Promise<void> {
    this.entries.set(entry.path, entry);
    const line = `${JSON.stringify(entry)}\n`;
    this.appendChain = this.appendChain.then(() => this.appendHandle!.write(line).then(() => undefined));
    return this.appendChain;
  }

  /** Rewrite the manifest with the entries of `paths` only, in that order (deterministic bytes). */
  async compact(paths: readonly string[]): Promise<void> {
    await this.appendChain;
    await this.appendHandle?.close();
    this.appendHandle = undefined;
    const writer = await AtomicWriter.open(this.manifestPath, this.tmpDir);
    for (const path of paths) {
      const entry = this.entries.get(path);
      if (entry) await writer.write(`${JSON.stringify(entry)}\n`);
    }
    await writer.commit();
  }

  /** Close without compacting (a cancelled run). */
  async close(): Promise<void> {
    await this.appendChain;
    await this.appendHandle?.close();
    this.appendHandle = undefined;
  }

  /** Remove the temp directory (empty at the end of a run). */
  async cleanup(): Promise<void> {
    await fs.rm(this.tmpDir, { recursive: true, force: true });
  }
}
