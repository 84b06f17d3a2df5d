/**
 * The `transnorm` command line: a thin shell over the library. Each command lives in its own
 * module (`commands/*.ts`) and is argument parsing + one library call + printing.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { CliIO } from './io.js';
import { registerDetect } from './commands/detect.js';
import { registerClean } from './commands/clean.js';
import { registerNormalize } from './commands/normalize.js';
import { registerTranslate } from './commands/translate.js';
import { registerModels } from './commands/models.js';
import { registerGazetteer } from './commands/gazetteer.js';
import { registerCorpus } from './commands/corpus.js';

/** The package version, read from package.json once. */
export function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/** Commander errors become UsageErrors (exit 2) with commander's text, minus its `error: ` prefix. */
function usageErrorFrom(error: CommanderError): UsageError {
  return new UsageError(`${error.message.replace(/^error: /, '')} (see --help)`, { cause: error });
}

/** Build the program. Commands write through `io`, so tests can capture output. */
export function createProgram(io: CliIO): Command {
  const program = new Command('transnorm')
    .description('Detect, translate locally and normalize proper names in foreign-language and machine-translated news.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .addOption(new Option('--debug', 'print stack traces on errors'))
    .addOption(new Option('-q, --quiet', 'print no progress or summaries, only results and errors'))
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // Errors are printed once, by main.ts, in our own one-line format.
      outputError: () => {},
    })
    .exitOverride();

  for (const register of [registerClean, registerDetect, registerNormalize, registerTranslate, registerModels, registerGazetteer, registerCorpus]) {
    register(program, io);
  }
  // Apply the same error handling to every subcommand, however deep.
  const configure = (command: Command): void => {
    for (const sub of command.commands) {
      sub.exitOverride().configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text), outputError: () => {} });
      configure(sub);
    }
  };
  configure(program);
  return program;
}

/**
 * Run the CLI with `argv` (without the node and script entries). Resolves to the exit code.
 * Throws only `TransnormError`s (usage errors included), which main.ts prints.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      if (error.exitCode === 0) return 0;
      throw usageErrorFrom(error);
    }
    throw error;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
