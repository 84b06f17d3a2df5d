/**
 * Reading inputs and writing outputs safely: text is validated as UTF-8 (no binary, no
 * invalid sequences), outputs are written to a temp file and renamed so a crash never
 * leaves half a file behind.
 */
import { promises as fs } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { InputError, TransnormError, describeSystemError } from './errors.js';

/** Default largest input accepted, in bytes (override with `maxBytes`). */
export const DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface ReadTextOptions {
  /** Largest accepted size in bytes. */
  maxBytes?: number;
  /** Accept an empty (or whitespace-only) input instead of failing. */
  allowEmpty?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decode bytes as UTF-8 text, rejecting binary data and invalid sequences.
 * `label` names the input in error messages (a path, or `stdin`).
 */
export function decodeText(bytes: Uint8Array, label: string, options: ReadTextOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new InputError(`'${label}' is too large: ${bytes.byteLength} bytes (limit ${maxBytes}, see --max-bytes)`, { code: 'ERR_TOO_LARGE' });
  }
  if (bytes.includes(0)) {
    throw new InputError(`'${label}' looks like a binary file, not text`, { code: 'ERR_BINARY' });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw new InputError(`'${label}' is not valid UTF-8 text`, { code: 'ERR_ENCODING', cause: error });
  }
  if (!options.allowEmpty && text.trim() === '') {
    throw new InputError(`'${label}' is empty`, { code: 'ERR_EMPTY' });
  }
  return text;
}

/** Read all of stdin as bytes. */
async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > maxBytes) {
      throw new InputError(`stdin is too large: more than ${maxBytes} bytes (see --max-bytes)`, { code: 'ERR_TOO_LARGE' });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Read a UTF-8 text file, or stdin when `path` is `-` or undefined. */
export async function readTextInput(path: string | undefined, options: ReadTextOptions = {}): Promise<{ text: string; label: string }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (path === undefined || path === '-') {
    if (process.stdin.isTTY) {
      throw new InputError('no input: give a file, or pipe text on stdin', { code: 'ERR_NO_INPUT' });
    }
    return { text: decodeText(await readStdin(maxBytes), 'stdin', options), label: 'stdin' };
  }
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new InputError(`cannot read '${path}': is a directory`, { code: 'ERR_IS_DIRECTORY' });
    if (stat.size > maxBytes) {
      throw new InputError(`'${path}' is too large: ${stat.size} bytes (limit ${maxBytes}, see --max-bytes)`, { code: 'ERR_TOO_LARGE' });
    }
    bytes = await fs.readFile(path);
  } catch (error) {
    if (error instanceof TransnormError) throw error;
    throw new InputError(`cannot read '${path}': ${describeSystemError(error)}`, { cause: error });
  }
  return { text: decodeText(bytes, path, options), label: path };
}

/** Write a file atomically (temp file + rename). Never leaves a half-written file. */
export async function writeFileSafely(path: string, content: string | Buffer): Promise<void> {
  try {
    await writeFileAtomic(path, content);
  } catch (error) {
    throw new TransnormError(`cannot write '${path}': ${describeSystemError(error)}`, { cause: error, code: 'ERR_WRITE' });
  }
}
