/**
 * Typed errors. Every failure that reaches the CLI is a `TransnormError` carrying the
 * exit code it deserves; `toError()` turns anything thrown into one.
 *
 * Content problems in a document (a garbled name, an unknown language) are *messages*
 * on the document, never errors: errors are for things that stop the work.
 */

/** Exit codes used by the CLI. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** Batch runs: some documents failed, the rest were processed. */
  partial: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class: a one-line, user-facing message plus an exit code. */
export class TransnormError extends Error {
  readonly exitCode: number;
  readonly code: string;
  constructor(message: string, options: { code?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TransnormError';
    this.code = options.code ?? 'ERR_TRANSNORM';
    this.exitCode = options.exitCode ?? ExitCode.failure;
  }
}

/** Bad flags or arguments (exit 2). */
export class UsageError extends TransnormError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, code: 'ERR_USAGE', exitCode: ExitCode.usage });
    this.name = 'UsageError';
  }
}

/** Input that cannot be read or is not usable text (exit 1). */
export class InputError extends TransnormError {
  constructor(message: string, options: { cause?: unknown; code?: string } = {}) {
    super(message, { code: options.code ?? 'ERR_INPUT', cause: options.cause });
    this.name = 'InputError';
  }
}

/** A model is missing, incomplete or fails to load (exit 1). */
export class ModelError extends TransnormError {
  constructor(message: string, options: { cause?: unknown; code?: string } = {}) {
    super(message, { code: options.code ?? 'ERR_MODEL', cause: options.cause });
    this.name = 'ModelError';
  }
}

/** Gazetteer data is invalid or an edit would make it so (exit 1). */
export class GazetteerError extends TransnormError {
  constructor(message: string, options: { cause?: unknown; code?: string } = {}) {
    super(message, { code: options.code ?? 'ERR_GAZETTEER', cause: options.cause });
    this.name = 'GazetteerError';
  }
}

const nodeErrorText: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on device',
  EMFILE: 'too many open files',
};

/** Short human text for a Node system error code, e.g. `ENOENT` → `no such file or directory`. */
export function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && nodeErrorText[code]) return nodeErrorText[code]!;
  return error instanceof Error ? error.message : String(error);
}

/** Normalize anything thrown into a `TransnormError` (keeps the original as `cause`). */
export function toError(error: unknown): TransnormError {
  if (error instanceof TransnormError) return error;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code && nodeErrorText[code] ? describeSystemError(error) : error.message;
    return new TransnormError(message || error.name, { cause: error, code: code ?? 'ERR_UNEXPECTED' });
  }
  return new TransnormError(String(error), { code: 'ERR_UNEXPECTED' });
}
