/** `transnorm clean`: the main job — detect, translate when needed, normalize names. */
import type { Command } from 'commander';
import { createPipeline, type PipelineOptions } from '../../pipeline.js';
import { readTextInput, writeFileSafely } from '../../io.js';
import { TransnormError } from '../../errors.js';
import type { TextDocument } from '../../document.js';
import type { CliIO } from '../io.js';
import { emit, toJson } from '../output.js';
import { parseLanguageTag } from '../options.js';
import { addTranslateOptions, translateStageOptions, type TranslateFlags } from './translate.js';
import { addNormalizeOptions, gazetteerFilesFromFlags, normalizeStageOptions, type NormalizerFlags } from './normalize.js';

interface CleanFlags extends TranslateFlags, NormalizerFlags {
  output?: string;
  json?: boolean;
  report?: string;
  to: string;
  from?: string;
  summary?: boolean;
}

/** The object `--json` prints and `--report` writes. */
export function cleanReport(doc: TextDocument): Record<string, unknown> {
  return {
    text: doc.text,
    language: doc.language ?? null,
    translation: doc.translation ?? null,
    entityHints: doc.entityHints,
    changes: doc.changes,
    suggestions: doc.suggestions,
    messages: doc.messages,
  };
}

/** A short human summary of what the pipeline did. */
export function summarize(doc: TextDocument): string {
  const lines: string[] = [];
  const lang = doc.language;
  if (lang) lines.push(`language: ${lang.iso6393} (${lang.bcp47}, ${lang.script}, confidence ${lang.confidence.toFixed(2)})`);
  if (doc.translation !== undefined) lines.push('translated: yes');
  lines.push(`changes: ${doc.changes.length}, suggestions: ${doc.suggestions.length}`);
  for (const change of doc.changes) {
    lines.push(`  ${change.from} → ${change.to}  [${change.rule}, ${change.entity}, ${change.confidence.toFixed(2)}]`);
  }
  for (const suggestion of doc.suggestions) {
    lines.push(`  ? ${suggestion.from} → ${suggestion.to}  [suggestion: ${suggestion.rule}, ${suggestion.confidence.toFixed(2)}]`);
  }
  for (const message of doc.messages) {
    if (message.fatal) lines.push(`  ! ${message.stage}: ${message.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Options for `createPipeline` from the flags: other issues extend this with their own flags. */
async function pipelineOptions(flags: CleanFlags): Promise<PipelineOptions> {
  const options: PipelineOptions = { target: flags.to, gazetteer: await gazetteerFilesFromFlags(flags) };
  options.translate = translateStageOptions(flags);
  if (flags.from && flags.from !== 'auto') options.translate.from = flags.from;
  options.normalize = normalizeStageOptions(flags);
  return options;
}

export function registerClean(program: Command, io: CliIO): void {
  const command = program
    .command('clean')
    .description('clean a document: detect its language, translate it if needed, normalize proper names')
    .argument('[file]', "input file; '-' or none reads stdin")
    .option('-o, --output <file>', 'write the cleaned text here instead of stdout')
    .option('--json', 'print one JSON object { text, language, changes, suggestions, messages }')
    .option('--report <file>', 'also write that JSON object to a file (the text still goes to stdout)')
    .option('--to <lang>', 'target language', 'en')
    .option('--from <lang>', "source language ('auto' detects it)", 'auto')
    .option('--summary', 'print a summary of changes on stderr');
  addNormalizeOptions(addTranslateOptions(command))
    .action(async (file: string | undefined, flags: CleanFlags) => {
      parseLanguageTag(flags.to, '--to');
      if (flags.from && flags.from !== 'auto') parseLanguageTag(flags.from, '--from');
      const globals = program.opts<{ quiet?: boolean }>();
      const { text, label } = await readTextInput(file);
      const doc = await createPipeline(await pipelineOptions(flags)).process({ text, path: label });

      const fatal = doc.messages.find((m) => m.fatal && m.stage === 'translate');
      if (fatal) throw new TransnormError(fatal.reason, { code: 'ERR_TRANSLATE' });

      const report = cleanReport(doc);
      if (flags.report) await writeFileSafely(flags.report, toJson(report));
      await emit(io, flags.json ? toJson(report) : doc.text, flags.output);
      if (flags.summary && !globals.quiet) io.stderr(summarize(doc));
    });
}
