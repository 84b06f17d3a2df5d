/**
 * `transnorm gazetteer validate|show|lookup`: check gazetteer files, print an entry, find a name.
 * The maintenance subcommands (search, add, edit, import...) are registered by
 * `gazetteer-maintain.ts` on the same command.
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { GazetteerError, InputError } from '../../errors.js';
import { resolveGazetteerFiles } from '../../gazetteer/config.js';
import {
  builtinGazetteerFiles, loadGazetteer, validateFiles,
  type Gazetteer, type GazetteerStats, type LookupMatch, type ValidationIssue, type ValidationReport,
} from '../../gazetteer/index.js';
import type { CliIO } from '../io.js';
import { toJson } from '../output.js';
import { parsePositiveInt } from '../options.js';
import { registerGazetteerMaintenance } from './gazetteer-maintain.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

interface SourceFlags {
  gazetteer?: string[];
  config?: string;
  builtin?: boolean;
}

/** Add the flags that choose which gazetteer a read-only command uses. */
function withSourceFlags(command: Command): Command {
  return command
    .option('--gazetteer <file>', 'a gazetteer file (JSONL) over the built-in one; repeatable, later files override earlier ones', collect)
    .option('--config <file>', 'project config (default: transnorm.config.json found from the current directory up)')
    .option('--no-builtin', 'leave out the built-in gazetteer');
}

/** The gazetteer for show/lookup: `--gazetteer` files, else the project config's, over the built-in one. */
async function loadForCommand(flags: SourceFlags): Promise<Gazetteer> {
  for (const file of flags.gazetteer ?? []) if (!existsSync(file)) throw new InputError(`cannot read gazetteer '${file}': no such file or directory`);
  if (flags.gazetteer !== undefined && flags.gazetteer.length > 0) return loadGazetteer({ files: flags.gazetteer, builtin: flags.builtin !== false });
  const resolved = await resolveGazetteerFiles(flags.config !== undefined ? { config: flags.config } : {});
  return loadGazetteer({ files: resolved.files.filter((file) => existsSync(file)), builtin: resolved.builtin && flags.builtin !== false });
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padLeft(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

/** Human-readable statistics: totals, then entry and alias counts by kind, country and scheme. */
export function formatStats(stats: GazetteerStats, files: readonly string[]): string {
  const lines: string[] = [];
  lines.push(`${files.length} file${files.length === 1 ? '' : 's'}: ${stats.entries} entries, ${stats.aliases} aliases (${stats.listedAliases} listed, ${stats.generatedAliases} generated)`);
  const table = (title: string, rows: Record<string, { entries: number; aliases: number }>): void => {
    lines.push('', `${title}:`, `  ${pad('', 16)}${padLeft('entries', 9)}${padLeft('aliases', 10)}`);
    const sorted = Object.entries(rows).sort((a, b) => b[1].entries - a[1].entries || (a[0] < b[0] ? -1 : 1));
    for (const [key, count] of sorted) lines.push(`  ${pad(key, 16)}${padLeft(String(count.entries), 9)}${padLeft(String(count.aliases), 10)}`);
  };
  table('by kind', stats.byKind);
  table('by country', stats.byCountry);
  const schemes = Object.entries(stats.byScheme).sort((a, b) => b[1] - a[1]);
  if (schemes.length > 0) {
    lines.push('', 'generated aliases by scheme:');
    for (const [scheme, count] of schemes) lines.push(`  ${pad(scheme, 16)}${padLeft(String(count), 9)}`);
  }
  lines.push('', `ambiguous aliases: ${stats.ambiguousAliases} listed, ${stats.ambiguousGeneratedAliases} generated`);
  lines.push(`aliases that are ordinary English words (never auto-replaced): ${stats.commonWordAliases}`);
  return `${lines.join('\n')}\n`;
}

function formatIssues(title: string, issues: readonly ValidationIssue[], limit: number | undefined): string {
  if (issues.length === 0) return '';
  const shown = limit === undefined ? issues : issues.slice(0, limit);
  const lines = [`${title} (${issues.length}):`, ...shown.map((issue) => `  [${issue.rule}] ${issue.message}`)];
  if (shown.length < issues.length) lines.push(`  ... and ${issues.length - shown.length} more (--all or --json shows every one)`);
  return `${lines.join('\n')}\n`;
}

interface ValidateFlags {
  json?: boolean;
  builtin?: boolean;
  allowAmbiguous?: boolean;
  all?: boolean;
}

function validationSummary(report: ValidationReport): string {
  return report.ok
    ? `valid (${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'})`
    : `invalid: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}, ${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'}`;
}

function describeMatch(match: LookupMatch): string {
  const e = match.entry;
  const where = [e.kind, e.country].filter(Boolean).join(', ');
  return `${e.id}\t${e.name} (${where})\t${match.how}\t${match.score.toFixed(2)}\tvia '${match.alias.text}'${match.detail ? `: ${match.detail}` : ''}`;
}

/** Register `transnorm gazetteer` and its subcommands. */
export function registerGazetteer(program: Command, io: CliIO): void {
  const gazetteer = program.command('gazetteer').description('check, inspect and maintain gazetteers (entities and their names)');

  gazetteer
    .command('validate')
    .description('validate gazetteer files (default: the built-in gazetteer); print entry and alias counts by kind and country')
    .argument('[files...]', 'JSONL gazetteer files, checked as added over the built-in gazetteer')
    .option('--json', 'print the report as JSON')
    .option('--no-builtin', 'check the files on their own (parents must resolve within them)')
    .option('--allow-ambiguous', 'report aliases shared by several entities as warnings, not errors')
    .option('--all', 'list every warning (default: the first 20)')
    .action(async (files: string[], flags: ValidateFlags) => {
      let report: ValidationReport;
      let checked: string[];
      if (files.length === 0) {
        checked = builtinGazetteerFiles();
        if (checked.length === 0) throw new GazetteerError('the built-in gazetteer has no files (gazetteers/*.jsonl is missing from the package)');
        // The compiled index (cached) already holds every alias; when the files do not load (invalid
        // data), validateFiles expands them itself and reports what is wrong.
        let aliases;
        try {
          aliases = (await loadGazetteer()).aliases;
        } catch {
          aliases = undefined;
        }
        // Places of the same name are a fact of geography: ambiguity is a warning in the built-in data.
        report = await validateFiles(checked, { ambiguity: 'warning', ...(aliases === undefined ? {} : { aliases }) });
      } else {
        checked = files;
        for (const file of files) if (!existsSync(file)) throw new InputError(`cannot read gazetteer '${file}': no such file or directory`);
        const base = flags.builtin === false ? undefined : await loadGazetteer();
        report = await validateFiles(files, { ...(base ? { base } : {}), ambiguity: flags.allowAmbiguous ? 'warning' : 'error' });
      }
      if (flags.json) io.stdout(toJson({ files: checked, ...report }));
      else {
        io.stdout(formatStats(report.stats, checked));
        const errors = formatIssues('errors', report.errors, undefined);
        const warnings = formatIssues('warnings', report.warnings, flags.all ? undefined : 20);
        if (errors || warnings) io.stdout(`\n${errors}${errors && warnings ? '\n' : ''}${warnings}`);
        io.stdout(`\n${validationSummary(report)}\n`);
      }
      if (!report.ok) {
        const first = report.errors[0]!;
        throw new GazetteerError(`gazetteer validation failed with ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}; first: ${first.message}`, { code: 'ERR_GAZETTEER_INVALID' });
      }
    });

  withSourceFlags(
    gazetteer
      .command('show')
      .description('print one entry with all its aliases (listed and generated, with how each was made)')
      .argument('<id>', "entry id (a merged id resolves to the entry it was merged into)")
      .option('--json', 'print { entry, aliases } as JSON'),
  ).action(async (id: string, flags: SourceFlags & { json?: boolean }) => {
    const g = await loadForCommand(flags);
    const entry = g.get(id);
    if (entry === undefined) throw new GazetteerError(`no entry with id '${id}' (try: transnorm gazetteer lookup NAME)`, { code: 'ERR_GAZETTEER_NOT_FOUND' });
    const aliases = g.aliasesOf(entry.id);
    if (flags.json) {
      io.stdout(toJson({ entry, aliases }));
      return;
    }
    const lines = [`${entry.id}  ${entry.name}`, `  kind: ${entry.kind}${entry.country ? `   country: ${entry.country}` : ''}${entry.parent ? `   parent: ${entry.parent}${g.get(entry.parent) ? ` (${g.get(entry.parent)!.name})` : ''}` : ''}`];
    if (entry.id !== id) lines.push(`  (${id} was merged into it)`);
    if (entry.prominence !== undefined) lines.push(`  prominence: ${entry.prominence}`);
    if (entry.ids && Object.keys(entry.ids).length > 0) lines.push(`  ids: ${Object.entries(entry.ids).map(([k, v]) => `${k}:${v}`).join('  ')}`);
    if (entry.context?.length) lines.push(`  context: ${entry.context.join(', ')}`);
    if (entry.sources?.length) lines.push(`  sources: ${entry.sources.join(', ')}`);
    if (entry.note) lines.push(`  note: ${entry.note}`);
    lines.push(`  names (${entry.names.length}):`);
    for (const name of entry.names) lines.push(`    ${name.text}  [${name.lang}, ${name.script}, ${name.type}${name.source ? `, ${name.source}` : ''}]`);
    const generated = aliases.filter((a) => a.origin === 'generated');
    lines.push(`  generated aliases (${generated.length}):`);
    for (const a of generated) lines.push(`    ${a.text}  [${a.scheme} from ${a.from}]${a.common ? '  (ordinary English word: never auto-replaced)' : ''}`);
    const common = aliases.filter((a) => a.origin !== 'generated' && a.common);
    if (common.length > 0) lines.push(`  listed names that are ordinary English words (never auto-replaced): ${common.map((a) => a.text).join(', ')}`);
    io.stdout(`${lines.join('\n')}\n`);
  });

  withSourceFlags(
    gazetteer
      .command('lookup')
      .description('find the entries a name refers to (exact, folded, romanization-aware, morphology) and say how each matched')
      .argument('<name>', 'a name in any script or spelling, e.g. "Golos Ameriki"')
      .option('--json', 'print the matches as JSON')
      .option('--limit <n>', 'show at most n matches (default 10)'),
  ).action(async (name: string, flags: SourceFlags & { json?: boolean; limit?: string }) => {
    const limit = flags.limit === undefined ? 10 : parsePositiveInt(flags.limit, '--limit');
    if (name.trim() === '') throw new InputError('lookup expects a non-empty name');
    const g = await loadForCommand(flags);
    const matches = g.lookup(name).slice(0, limit);
    if (flags.json) {
      io.stdout(toJson(matches.map((m) => ({ id: m.entry.id, name: m.entry.name, kind: m.entry.kind, country: m.entry.country, how: m.how, score: m.score, alias: m.alias, detail: m.detail }))));
    } else if (matches.length === 0) {
      io.stdout(`no entry matches '${name}'\n`);
    } else {
      for (const match of matches) io.stdout(`${describeMatch(match)}\n`);
    }
    if (matches.length === 0) process.exitCode = 1;
  });

  registerGazetteerMaintenance(gazetteer, io);
}
