/** `transnorm translate`: translate a document with a local model (no normalization). */
import type { Command } from 'commander';
import { createPipeline } from '../../pipeline.js';
import { readTextInput } from '../../io.js';
import { TransnormError } from '../../errors.js';
import type { TextDocument } from '../../document.js';
import type { TranslateStageOptions } from '../../translate/index.js';
import type { CliIO } from '../io.js';
import { emit, toJson } from '../output.js';
import { parseLanguageTag, parsePositiveInt } from '../options.js';

/** The translate flags shared by `translate` and `clean`. */
export interface TranslateFlags {
  models?: string;
  model?: string;
  batchSize?: string;
  jobs?: string;
  protectNames?: boolean;
  cache?: boolean;
  /** The normalizer's gazetteer flags on `clean` (`--gazetteer FILE`, `--no-builtin`): names are looked up in the same gazetteer. */
  gazetteer?: string[];
  builtin?: boolean;
}

/** Add the translate flags to a command (`translate` and `clean` share them). */
export function addTranslateOptions(command: Command): Command {
  return command
    .option('--models <dir>', 'models directory (default $TRANSNORM_MODELS, else ./models, else the package\'s models/)')
    .option('--model <id>', 'use this installed model instead of the best one for the language pair')
    .option('--batch-size <n>', 'sentences per model call (default 8)')
    .option('--jobs <n>', 'model calls run at once (default 1)')
    .option('--protect-names', 'replace gazetteer names by placeholders while translating, put canonical English names back')
    .option('--no-cache', 'do not read or write the translation cache');
}

/** Translate-stage options from the shared flags (`from` is set by the caller). */
export function translateStageOptions(flags: TranslateFlags): TranslateStageOptions {
  const options: TranslateStageOptions = {};
  if (flags.models !== undefined) options.modelsDir = flags.models;
  if (flags.model !== undefined) options.model = flags.model;
  if (flags.batchSize !== undefined) options.batchSize = parsePositiveInt(flags.batchSize, '--batch-size');
  if (flags.jobs !== undefined) options.jobs = parsePositiveInt(flags.jobs, '--jobs');
  if (flags.protectNames) options.protectNames = true;
  if (flags.cache === false) options.cacheDir = false;
  if (flags.gazetteer && flags.gazetteer.length > 0) options.gazetteerFiles = flags.gazetteer;
  if (flags.builtin === false) options.gazetteerBuiltin = false;
  return options;
}

interface TranslateCommandFlags extends TranslateFlags {
  from: string;
  to: string;
  output?: string;
  json?: boolean;
}

/** The object `translate --json` prints. */
export function translateReport(doc: TextDocument): Record<string, unknown> {
  return {
    text: doc.text,
    translated: doc.translation !== undefined,
    language: doc.language ?? null,
    entityHints: doc.entityHints,
    messages: doc.messages,
  };
}

export function registerTranslate(program: Command, io: CliIO): void {
  const command = program
    .command('translate')
    .description('translate a document into the target language with a local model (nothing leaves this machine)')
    .argument('[file]', "input file; '-' or none reads stdin")
    .option('--from <lang>', "source language ('auto' detects it)", 'auto')
    .option('--to <lang>', 'target language', 'en')
    .option('-o, --output <file>', 'write the translation here instead of stdout')
    .option('--json', 'print one JSON object { text, translated, language, entityHints, messages }');
  addTranslateOptions(command).action(async (file: string | undefined, flags: TranslateCommandFlags) => {
    parseLanguageTag(flags.to, '--to');
    const auto = flags.from === 'auto';
    if (!auto) parseLanguageTag(flags.from, '--from');
    const translate = translateStageOptions(flags);
    if (!auto) translate.from = flags.from;
    // Entity hints only show in --json and are only needed by --protect-names: skip loading the gazetteer otherwise.
    if (!flags.json && !flags.protectNames) translate.gazetteer = false;
    const { text, label } = await readTextInput(file);
    const pipeline = createPipeline({ target: flags.to, detect: auto ? {} : false, translate, normalize: false });
    const doc = await pipeline.process({ text, path: label });
    const fatal = doc.messages.find((m) => m.fatal && m.stage === 'translate');
    if (fatal) throw new TransnormError(fatal.reason, { code: 'ERR_TRANSLATE' });
    if (auto && doc.language?.iso6393 === 'und') {
      throw new TransnormError(`cannot tell the language of ${label} (${doc.language.reason ?? 'undetermined'}); pass --from LANG`, { code: 'ERR_TRANSLATE' });
    }
    await emit(io, flags.json ? toJson(translateReport(doc)) : doc.text, flags.output);
  });
}
