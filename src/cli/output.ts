/** Shared output helpers for commands. */
import { writeFileSafely } from '../io.js';
import type { CliIO } from './io.js';

/** Write `text` to `outPath` atomically, or to stdout when no path (or `-`) is given. */
export async function emit(io: CliIO, text: string, outPath?: string): Promise<void> {
  if (outPath === undefined || outPath === '-') io.stdout(text);
  else await writeFileSafely(outPath, text);
}

/** Pretty JSON with a trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
