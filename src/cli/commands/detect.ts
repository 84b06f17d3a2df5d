/** `transnorm detect`: report the language of each input. */
import type { Command } from 'commander';
import { checkLanguageCodes, createDetector, type DetectOptions } from '../../detect/index.js';
import type { Detection } from '../../document.js';
import { readTextInput } from '../../io.js';
import type { CliIO } from '../io.js';
import { toJson } from '../output.js';
import { parseLanguageList, parsePositiveInt } from '../options.js';

interface DetectFlags {
  json?: boolean;
  languages?: string;
  ignore?: string;
  allLanguages?: boolean;
  minLength?: number;
  segments?: boolean;
}

/** One line: `path  rus  ru  Cyrl  0.97`, then the reason for `und` or the other-language spans. */
function formatLine(input: string, detection: Detection): string {
  const columns = [input, detection.iso6393, detection.bcp47, detection.script, detection.confidence.toFixed(2)];
  if (detection.iso6393 === 'und' && detection.reason) columns.push(`(${detection.reason})`);
  else if (detection.spans?.length) {
    columns.push(`(other languages: ${detection.spans.map((span) => `${span.iso6393} ${span.start}-${span.end}`).join(', ')})`);
  }
  return `${columns.join('  ')}\n`;
}

export function registerDetect(program: Command, io: CliIO): void {
  program
    .command('detect')
    .description('detect the language of each input (files, or stdin): ISO 639-3, BCP-47, script, confidence')
    .argument('[files...]', "input files; '-' or none reads stdin")
    .option('--json', 'print JSON (an array when there are several inputs)')
    .option('--languages <codes>', 'only consider these ISO 639-3 codes, comma-separated (e.g. rus,ukr,eng)')
    .option('--ignore <codes>', 'never answer these ISO 639-3 codes, comma-separated')
    .option('--all-languages', 'compare every language franc knows, not only the 15 pipeline languages')
    .option('--min-length <letters>', 'answer und below this many letters (default 10)', (value) => parsePositiveInt(value, '--min-length'))
    .option('--no-segments', 'do not look for passages in other languages')
    .action(async (files: string[], flags: DetectFlags) => {
      const options: DetectOptions = {};
      if (flags.languages !== undefined) options.only = checkLanguageCodes(parseLanguageList(flags.languages, '--languages'), '--languages');
      if (flags.ignore !== undefined) options.ignore = checkLanguageCodes(parseLanguageList(flags.ignore, '--ignore'), '--ignore');
      if (flags.allLanguages) options.scope = 'all';
      if (flags.minLength !== undefined) options.minLength = flags.minLength;
      if (flags.segments === false) options.segments = false;
      const detector = createDetector(options);
      const inputs = files.length === 0 ? ['-'] : files;
      // Read everything first: an unreadable input fails the run before anything is printed.
      const texts = [];
      for (const file of inputs) texts.push(await readTextInput(file));
      const results = [];
      for (const { text, label } of texts) results.push({ input: label, ...(await detector.detect(text.normalize('NFC'))) });
      if (flags.json) {
        io.stdout(toJson(results.length === 1 ? results[0] : results));
        return;
      }
      for (const { input, ...detection } of results) io.stdout(formatLine(input, detection));
    });
}
