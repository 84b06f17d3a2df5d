/** `transnorm detect`: report the language of each input. */
import type { Command } from 'commander';
import { detectLanguage, type DetectOptions } from '../../detect/index.js';
import { readTextInput } from '../../io.js';
import type { CliIO } from '../io.js';
import { toJson } from '../output.js';
import { parseLanguageList } from '../options.js';

interface DetectFlags {
  json?: boolean;
  languages?: string;
  ignore?: string;
}

export function registerDetect(program: Command, io: CliIO): void {
  program
    .command('detect')
    .description('detect the language of each input (files, or stdin)')
    .argument('[files...]', "input files; '-' or none reads stdin")
    .option('--json', 'print JSON (an array when there are several inputs)')
    .option('--languages <codes>', 'only consider these ISO 639-3 codes, comma-separated (e.g. rus,ukr,eng)')
    .option('--ignore <codes>', 'never answer these ISO 639-3 codes, comma-separated')
    .action(async (files: string[], flags: DetectFlags) => {
      const options: DetectOptions = {};
      if (flags.languages) options.only = parseLanguageList(flags.languages, '--languages');
      if (flags.ignore) options.ignore = parseLanguageList(flags.ignore, '--ignore');
      const inputs = files.length === 0 ? ['-'] : files;
      const results = [];
      for (const file of inputs) {
        const { text, label } = await readTextInput(file);
        results.push({ input: label, ...detectLanguage(text.normalize('NFC'), options) });
      }
      if (flags.json) {
        io.stdout(toJson(results.length === 1 ? results[0] : results));
        return;
      }
      for (const r of results) {
        const reason = r.iso6393 === 'und' && r.reason ? `  (${r.reason})` : '';
        io.stdout(`${r.input}\t${r.iso6393}\t${r.bcp47}\t${r.script}\t${r.confidence.toFixed(2)}${reason}\n`);
      }
    });
}
