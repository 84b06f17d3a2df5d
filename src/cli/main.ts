#!/usr/bin/env node
/** The `transnorm` executable: run the CLI, print errors as one line (stack only under --debug). */
import { toError } from '../errors.js';
import { processIO } from './io.js';
import { runCli } from './program.js';
import { tuneV8ForNormalizing } from '../normalize/jit.js';

// Before any work: the flags apply to code compiled from now on (see jit.ts).
tuneV8ForNormalizing();

const argv = process.argv.slice(2);
const debug = argv.includes('--debug');
const io = processIO();

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `transnorm ... | head` closes the pipe early: that is not an error.
  if (error.code === 'EPIPE') process.exit(0);
});

try {
  process.exitCode = await runCli(argv, io);
} catch (thrown) {
  const error = toError(thrown);
  io.stderr(`transnorm: ${error.message}\n`);
  if (debug) io.stderr(`${(thrown instanceof Error && thrown.stack) || String(thrown)}\n`);
  process.exitCode = error.exitCode;
}
