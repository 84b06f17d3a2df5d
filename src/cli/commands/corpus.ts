/** `transnorm corpus run`: normalize a whole corpus (files, directories, globs) into an output directory. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { availableParallelism } from 'node:os';
import { ExitCode, UsageError } from '../../errors.js';
import type { PipelineOptions } from '../../pipeline.js';
import { runCorpus, CORPUS_FORMATS, type CorpusFormat, type CorpusRunOptions } from '../../corpus/index.js';
import { barProgress, lineProgress, type ProgressDisplay } from '../../corpus/progress.js';
import type { CliIO } from '../io.js';
import { toJson } from '../output.js';
import { parseLanguageTag, parsePositiveInt } from '../options.js';
import { addNormalizeOptions, gazetteerFilesFromFlags, normalizeStageOptions, type NormalizerFlags } from './normalize.js';

interface CorpusRunFlags extends NormalizerFlags {
  output?: string;
  inPlace?: boolean;
  format?: CorpusFormat;
  field: string;
  tuvLang?: string;
  xmlTextPath?: string;
  to: string;
  from: string;
  jobs?: number;
  maxBytes?: number;
  timings: boolean;
  translate: boolean;
  normalize: boolean;
  json?: boolean;
  quiet?: boolean;
  progressInterval?: number;
}

export function registerCorpus(program: Command, io: CliIO): void {
  const corpus = program.command('corpus').description('batch work on corpora');
  const run = corpus
    .command('run')
    .description('normalize a corpus: every document goes through the clean pipeline; OUTDIR mirrors the input tree')
    .argument('<input...>', 'files, directories (walked recursively) and glob patterns')
    .option('-o, --output <dir>', 'output directory (outputs, report.jsonl, summary.json, resume manifest)')
    .option('--in-place', 'rewrite the inputs themselves, keeping FILE.bak copies (the report still goes to -o)')
    .addOption(new Option('--format <format>', 'read every input as this format instead of guessing from the extension').choices([...CORPUS_FORMATS]))
    .option('--field <path>', 'JSONL: the field holding the text (dotted for nested objects: a.b.c)', 'text')
    .option('--tuv-lang <lang>', 'TMX: language of the <tuv> to normalize (default: the target language)')
    .option('--xml-text-path <path>', `XML: elements holding text, e.g. 'TEI/text/body//p'`)
    .option('--to <lang>', 'target language', 'en')
    .option('--from <lang>', "source language of every document ('auto' detects it)", 'auto')
    .option('-j, --jobs <n>', `documents in flight at once (default: ${availableParallelism()}, the number of cores)`, (value) => parsePositiveInt(value, '--jobs'))
    .option('--max-bytes <n>', 'largest file accepted (JSONL: largest line), in bytes', (value) => parsePositiveInt(value, '--max-bytes'))
    .option('--no-timings', 'leave per-stage timings out of report.jsonl (reports reproducible byte for byte)')
    .option('--no-translate', 'never translate: foreign-language documents are detected and reported, not changed')
    .option('--no-normalize', 'do not normalize names (detect and translate only)')
    .option('--json', 'print the run result as JSON on stdout');
  addNormalizeOptions(run)
    .addOption(new Option('--progress-interval <ms>', 'milliseconds between plain progress lines').argParser((value) => parsePositiveInt(value, '--progress-interval')).hideHelp())
    .action(async (inputs: string[], flags: CorpusRunFlags) => {
      if (!flags.output) throw new UsageError('corpus run needs an output directory: -o OUTDIR');
      parseLanguageTag(flags.to, '--to');
      if (flags.from !== 'auto') parseLanguageTag(flags.from, '--from');
      if (flags.tuvLang !== undefined) parseLanguageTag(flags.tuvLang, '--tuv-lang');
      const quiet = Boolean(program.opts<{ quiet?: boolean }>().quiet || flags.quiet);

      const pipeline: PipelineOptions = { target: flags.to, gazetteer: await gazetteerFilesFromFlags(flags), normalize: normalizeStageOptions(flags) };
      if (!flags.translate) pipeline.translate = false;
      if (!flags.normalize) pipeline.normalize = false;
      const options: CorpusRunOptions = { inputs, outDir: flags.output, pipeline, field: flags.field, timings: flags.timings };
      if (flags.inPlace) options.inPlace = true;
      if (flags.format) options.format = flags.format;
      if (flags.tuvLang) options.tuvLang = flags.tuvLang;
      if (flags.xmlTextPath) options.xmlTextPath = flags.xmlTextPath;
      if (flags.from !== 'auto') options.from = flags.from;
      if (flags.jobs !== undefined) options.jobs = flags.jobs;
      if (flags.maxBytes !== undefined) options.maxBytes = flags.maxBytes;

      let display: ProgressDisplay | undefined;
      if (!quiet) display = io.interactive ? barProgress(process.stderr) : lineProgress(io.stderr, flags.progressInterval);
      if (display) options.onProgress = (progress) => display!.update(progress);
      let result;
      try {
        result = await runCorpus(options);
      } finally {
        display?.stop();
      }

      if (flags.json) io.stdout(toJson(result));
      if (!quiet) {
        const seconds = result.elapsedMs / 1000;
        io.stderr(
          `transnorm: corpus: ${result.documents} documents in ${result.files} files (${result.failed} failed, ${result.resumed} files already done), ` +
            `${result.changes} changes, ${result.suggestions} suggestions, ${(result.bytes / 1024 / 1024).toFixed(2)} MB in ${seconds.toFixed(1)} s; ` +
            `report: ${result.reportPath}\n`,
        );
      }
      process.exitCode = result.failed > 0 ? ExitCode.partial : ExitCode.ok;
    });
}
