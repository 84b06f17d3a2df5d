/** `transnorm normalize`: only the name normalizer, on English text. */
import type { Command } from 'commander';
import pc from 'picocolors';
import { readTextInput } from '../../io.js';
import { indexFor, type NormalizeOptions, type NormalizeStageOptions } from '../../normalize/index.js';
import { normalizeChunks } from '../../normalize/stream.js';
import type { Change } from '../../document.js';
import type { CliIO } from '../io.js';
import { CONFIG_FILE_NAME, resolveGazetteerFiles } from '../../gazetteer/config.js';
import { loadGazetteer } from '../../gazetteer/load.js';
import type { GazetteerFiles } from '../../pipeline.js';
import { emit, toJson } from '../output.js';
import { parseNumber } from '../options.js';

/** The normalizer's flags, shared with `transnorm clean`. */
export interface NormalizerFlags {
  gazetteer?: string[];
  config?: string;
  builtin?: boolean;
  minConfidence?: number;
  keepVariants?: boolean;
  suggestOnly?: boolean;
}

interface NormalizeFlags extends NormalizerFlags {
  output?: string;
  json?: boolean;
  builtin?: boolean;
  diff?: boolean;
}

/** Add the normalizer's flags to a command (`normalize`, `clean`). */
export function addNormalizeOptions(command: Command): Command {
  return command
    .option('--gazetteer <file>', 'a gazetteer JSONL file that adds to or overrides the built-in one (repeatable)', collect, [])
    .option('--config <file>', `project config listing gazetteer files (default: the nearest ${CONFIG_FILE_NAME} above the current directory)`)
    .option('--min-confidence <n>', 'apply a name fix only at or above this confidence, 0 to 1 (default 0.8)', (value) => parseNumber(value, '--min-confidence', 0, 1))
    .option('--keep-variants', 'leave known variant spellings of names as written; fix only errors')
    .option('--suggest-only', 'change no name; report every fix as a suggestion');
}

/**
 * The gazetteer files to load: those of the project config (`--config`, or the nearest
 * `transnorm.config.json`), then each `--gazetteer` (later files override earlier ones), over
 * the built-in gazetteer unless the config or `--no-builtin` turns it off.
 */
export async function gazetteerFilesFromFlags(flags: NormalizerFlags): Promise<GazetteerFiles> {
  const config = await resolveGazetteerFiles(flags.config !== undefined ? { config: flags.config } : {});
  return { files: [...config.files, ...(flags.gazetteer ?? [])], builtin: config.builtin && flags.builtin !== false };
}

/** Normalize-stage options from the flags. */
export function normalizeStageOptions(flags: NormalizerFlags): NormalizeStageOptions {
  const options: NormalizeStageOptions = { gazetteers: flags.gazetteer ?? [] };
  if (flags.minConfidence !== undefined) options.minConfidence = flags.minConfidence;
  if (flags.keepVariants) options.keepVariants = true;
  if (flags.suggestOnly) options.suggestOnly = true;
  return options;
}

/** The text with each change shown as `[-from-]{+to+}` (red and green when colors are on). */
export function formatDiff(text: string, changes: readonly Change[], color: boolean): string {
  const colors = pc.createColors(color);
  let out = '';
  let at = 0;
  for (const change of changes) {
    out += text.slice(at, change.start);
    out += color ? colors.red(colors.strikethrough(change.from)) + colors.green(change.to) : `[-${change.from}-]{+${change.to}+}`;
    at = change.end;
  }
  return out + text.slice(at);
}

/** Collects a repeatable option's values. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerNormalize(program: Command, io: CliIO): void {
  const command = program
    .command('normalize')
    .description('fix garbled and variant spellings of known names in English text (the normalize stage only)')
    .argument('[file]', "input file; '-' or none reads stdin")
    .option('-o, --output <file>', 'write the result here instead of stdout (atomically)')
    .option('--json', 'print one JSON object { text, changes, suggestions }')
    .option('--no-builtin', 'do not load the built-in gazetteer')
    .option('--diff', 'print the text with the changes marked (colored on a terminal)');
  addNormalizeOptions(command).action(async (file: string | undefined, flags: NormalizeFlags) => {
      const { text: raw } = await readTextInput(file);
      const text = raw.normalize('NFC');
      const gazetteer = await loadGazetteer(await gazetteerFilesFromFlags(flags));
      const index = indexFor(gazetteer);
      const options: NormalizeOptions = {};
      if (flags.minConfidence !== undefined) options.minConfidence = flags.minConfidence;
      if (flags.keepVariants) options.keepVariants = true;
      if (flags.suggestOnly) options.suggestOnly = true;
      // Plain text to stdout streams chunk by chunk; files are written whole, atomically.
      const streaming = !flags.json && !flags.diff && (flags.output === undefined || flags.output === '-');
      const result = normalizeChunks(text, index, options, streaming ? (chunk) => io.stdout(chunk) : undefined);
      if (streaming) return;
      if (flags.json) await emit(io, toJson(result), flags.output);
      else if (flags.diff) await emit(io, formatDiff(text, result.changes, io.color && (flags.output === undefined || flags.output === '-')), flags.output);
      else await emit(io, result.text, flags.output);
    });
}
