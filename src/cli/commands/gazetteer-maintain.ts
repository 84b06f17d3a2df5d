/**
 * `transnorm gazetteer search|add|edit|alias|remove|merge|import|export|diff|stats|suggest|apply`:
 * gazetteer maintenance. Each subcommand parses its arguments, makes one library call (the edit
 * operations of `gazetteer/edit`, written through the locked, validated, atomic store) and prints.
 */
import { existsSync, promises as fs } from 'node:fs';
import { Option, type Command } from 'commander';
import { GazetteerError, InputError, UsageError, describeSystemError } from '../../errors.js';
import { readTextInput } from '../../io.js';
import { resolveEditTarget, resolveGazetteerFiles, type EditTarget } from '../../gazetteer/config.js';
import { DEFAULT_LOCK_WAIT_MS, editGazetteerFile, readGazetteerFile } from '../../gazetteer/store.js';
import { applyOperations, parseAliasSpec, type GazetteerOperation, type OperationReport } from '../../gazetteer/edit/index.js';
import { loadProjectGazetteer } from '../../gazetteer/edit/project.js';
import { slugId, makeName } from '../../gazetteer/edit/names.js';
import { formatPatch, parsePatch } from '../../gazetteer/edit/patch.js';
import { diffEntries, formatDiff } from '../../gazetteer/edit/diff.js';
import { formatStats, gazetteerStats } from '../../gazetteer/edit/stats.js';
import { searchGazetteer } from '../../gazetteer/edit/search.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, dropUnknownParents, formatExport, parseImport, type CsvMapping } from '../../gazetteer/import/index.js';
import { candidatePatchLine, formatCandidates, suggestFromCorpus } from '../../gazetteer/suggest.js';
import { parseEntries } from '../../gazetteer/jsonl.js';
import { loadGazetteer } from '../../gazetteer/load.js';
import { ENTITY_KINDS, NAME_TYPES, type EntityKind, type Gazetteer, type GazetteerEntry, type NameType } from '../../gazetteer/types.js';
import type { CliIO } from '../io.js';
import { emit, toJson } from '../output.js';
import { parseLanguageTag, parseNumber, parsePositiveInt } from '../options.js';

/** Flags shared by every command that writes the user's gazetteer. */
interface WriteFlags {
  file?: string;
  config?: string;
  force?: boolean;
  dryRun?: boolean;
  lockTimeout?: string;
  allowBuiltin?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Add the write flags to a subcommand. */
function withWriteFlags(command: Command): Command {
  return command
    .option('--file <file>', 'the gazetteer file to edit (default: the last of "gazetteers" in transnorm.config.json)')
    .option('--config <file>', 'project config (default: transnorm.config.json found from the current directory up)')
    .option('--force', 'accept aliases that become shared by several entities (ambiguous)')
    .option('--dry-run', 'validate and show what would change, write nothing')
    .option('--lock-timeout <seconds>', `how long to wait for another edit of the same file (default ${DEFAULT_LOCK_WAIT_MS / 1000})`)
    .addOption(new Option('--allow-builtin', 'allow editing the built-in gazetteer of the package (package maintainers)').hideHelp());
}

function checkKind(kind: string, flag: string): EntityKind {
  if (!(ENTITY_KINDS as readonly string[]).includes(kind)) throw new UsageError(`${flag} expects one of ${ENTITY_KINDS.join(', ')}, got '${kind}'`);
  return kind as EntityKind;
}

function checkNameType(type: string, flag: string): NameType {
  if (!(NAME_TYPES as readonly string[]).includes(type)) throw new UsageError(`${flag} expects one of ${NAME_TYPES.join(', ')}, got '${type}'`);
  return type as NameType;
}

function checkCountry(country: string, flag: string): string {
  if (!/^[A-Za-z]{2}$/u.test(country)) throw new UsageError(`${flag} expects an ISO 3166-1 alpha-2 code such as KG, got '${country}'`);
  return country.toUpperCase();
}

/** `field=value` → [field, value]. */
function parseAssignment(text: string, flag: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new UsageError(`${flag} expects field=value, got '${text}'`);
  return [text.slice(0, at).trim(), text.slice(at + 1)];
}

/** Print what a write did: one line per operation, then where it went. */
function printWrite(io: CliIO, reports: readonly OperationReport[], result: { path: string; written: boolean; after: GazetteerEntry[]; forcedAmbiguous: Array<{ message: string }> }, dryRun: boolean): void {
  for (const report of reports) io.stdout(`${report.summary}\n`);
  for (const problem of result.forcedAmbiguous) io.stderr(`transnorm: warning: ${problem.message} (accepted with --force)\n`);
  if (dryRun) io.stdout(`dry run: '${result.path}' not written\n`);
  else if (result.written) io.stdout(`wrote '${result.path}' (${result.after.length} entries)\n`);
  else io.stdout(`no change to '${result.path}'\n`);
}

/**
 * Apply operations to the user's file: resolve the file, load the rest of the project gazetteer,
 * then lock, apply, validate and write through the store.
 */
async function runWrite(io: CliIO, flags: WriteFlags, operations: (entries: GazetteerEntry[], target: EditTarget, base: Gazetteer) => GazetteerOperation[]): Promise<void> {
  const target = await resolveEditTarget({ ...(flags.config !== undefined ? { config: flags.config } : {}), ...(flags.file !== undefined ? { file: flags.file } : {}), allowBuiltin: Boolean(flags.allowBuiltin) });
  const base = await loadProjectGazetteer(target.resolved, target.path);
  const lockWaitMs = flags.lockTimeout === undefined ? DEFAULT_LOCK_WAIT_MS : parseNumber(flags.lockTimeout, '--lock-timeout', 0, 3600) * 1000;
  let reports: OperationReport[] = [];
  const result = await editGazetteerFile(target.path, (entries) => {
    const applied = applyOperations(entries, operations(entries, target, base), base);
    reports = applied.reports;
    return applied.entries;
  }, { force: Boolean(flags.force), dryRun: Boolean(flags.dryRun), lockWaitMs, base });
  printWrite(io, reports, result, Boolean(flags.dryRun));
}

/** Read a whole text file (or stdin for `-`), as a clear InputError when it cannot be read. */
async function readText(path: string): Promise<{ text: string; label: string }> {
  return readTextInput(path, { allowEmpty: true });
}

/** The project gazetteer for read-only commands: `--file`s alone, or the config's files over the built-in one. */
async function loadForReading(io: CliIO, flags: { config?: string; file?: string[] | string; builtin?: boolean }): Promise<Gazetteer> {
  const files = flags.file === undefined ? [] : Array.isArray(flags.file) ? flags.file : [flags.file];
  for (const file of files) {
    try {
      await fs.access(file);
    } catch (error) {
      throw new InputError(`cannot read '${file}': ${describeSystemError(error)}`, { cause: error });
    }
  }
  if (files.length > 0) return loadGazetteer({ files, builtin: false });
  const resolved = await resolveGazetteerFiles(flags.config !== undefined ? { config: flags.config } : {});
  for (const file of resolved.files) if (!existsSync(file)) io.stderr(`transnorm: warning: gazetteer '${file}' (from ${resolved.configPath}) does not exist yet\n`);
  return loadProjectGazetteer({ files: resolved.files, builtin: resolved.builtin && flags.builtin !== false });
}

/** Register the maintenance subcommands on the `gazetteer` command. */
export function registerGazetteerMaintenance(gazetteer: Command, io: CliIO): void {
  gazetteer
    .command('search')
    .description('ranked fuzzy search across all names, with scores and how each matched')
    .argument('<query>', 'a name, in any script or spelling')
    .option('--kind <kind>', 'only entities of this kind')
    .option('--country <cc>', 'only entities of this country (ISO 3166-1 alpha-2)')
    .option('--limit <n>', 'at most this many results', '10')
    .option('--min-score <score>', 'lowest score shown (0–1)', '0.5')
    .option('--file <file>', 'search these gazetteer files only (repeatable; a later file overrides an earlier one)', collect)
    .option('--config <file>', 'project config')
    .option('--json', 'print JSON')
    .action(async (query: string, flags: { kind?: string; country?: string; limit: string; minScore: string; file?: string[]; config?: string; json?: boolean }) => {
      if (flags.kind !== undefined) checkKind(flags.kind, '--kind');
      const country = flags.country === undefined ? undefined : checkCountry(flags.country, '--country');
      const limit = parsePositiveInt(flags.limit, '--limit');
      const minScore = parseNumber(flags.minScore, '--min-score', 0, 1);
      const gazetteerData = await loadForReading(io, flags);
      const hits = searchGazetteer(gazetteerData, query, { ...(flags.kind ? { kind: flags.kind } : {}), ...(country ? { country } : {}), limit, minScore });
      if (flags.json) {
        io.stdout(toJson(hits.map((hit) => ({ id: hit.entry.id, name: hit.entry.name, kind: hit.entry.kind, country: hit.entry.country ?? null, score: hit.score, how: hit.how, alias: hit.alias.text, lang: hit.alias.lang, detail: hit.detail ?? null }))));
        return;
      }
      if (hits.length === 0) {
        io.stderr(`transnorm: no entity matches '${query}'\n`);
        process.exitCode = 1;
        return;
      }
      for (const hit of hits) {
        io.stdout(`${hit.score.toFixed(3)}  ${hit.entry.id}  ${hit.entry.name} (${hit.entry.kind}${hit.entry.country ? `, ${hit.entry.country}` : ''})  ${hit.how}: '${hit.alias.text}' [${hit.alias.lang}]${hit.detail ? ` — ${hit.detail}` : ''}\n`);
      }
    });

  withWriteFlags(
    gazetteer
      .command('add')
      .description('add an entity to your gazetteer')
      .option('--name <name>', 'canonical English name')
      .option('--kind <kind>', `kind: ${ENTITY_KINDS.join(', ')}`)
      .option('--country <cc>', 'ISO 3166-1 alpha-2 country code')
      .option('--id <id>', 'entry id (default: a slug of country and name, e.g. kg-osh)')
      .option('--parent <id>', 'id of the containing entity')
      .option('--prominence <n>', 'population or rank')
      .option('--note <text>', 'a note for curators')
      .option('--alias <text[:lang[:type]]>', 'another name (repeatable), e.g. "Жогорку Кеңеш:ky:official"', collect)
      .option('--json <file>', "the entry (or a JSON array of entries) as JSON, from a file or '-' for stdin"),
  ).action(async (flags: WriteFlags & { name?: string; kind?: string; country?: string; id?: string; parent?: string; prominence?: string; note?: string; alias?: string[]; json?: string }) => {
    let entries: GazetteerEntry[];
    if (flags.json !== undefined) {
      if (flags.name !== undefined || flags.kind !== undefined || flags.alias !== undefined) throw new UsageError('add: give either --json or --name/--kind/--alias, not both');
      const { text, label } = await readTextInput(flags.json);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new InputError(`'${label}' is not valid JSON (${(error as Error).message})`, { cause: error });
      }
      const list = Array.isArray(parsed) ? parsed : [parsed];
      if (list.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) throw new InputError(`'${label}': expected an entry object or an array of them`);
      entries = list as GazetteerEntry[];
    } else {
      if (flags.name === undefined || flags.kind === undefined) throw new UsageError('add: --name and --kind are required (or give --json FILE)');
      const kind = checkKind(flags.kind, '--kind');
      const country = flags.country === undefined ? undefined : checkCountry(flags.country, '--country');
      const id = flags.id ?? slugId(flags.name, country);
      if (id === undefined) throw new UsageError(`add: cannot make an id from '${flags.name}'; give --id`);
      const entry: GazetteerEntry = { id, name: flags.name.trim(), kind, names: [] };
      if (country) entry.country = country;
      if (flags.parent) entry.parent = flags.parent;
      if (flags.prominence !== undefined) entry.prominence = parseNumber(flags.prominence, '--prominence', 0, Number.MAX_SAFE_INTEGER);
      if (flags.note) entry.note = flags.note;
      for (const spec of flags.alias ?? []) {
        const alias = parseAliasSpec(spec);
        if (alias.text.trim() === '') throw new UsageError(`--alias: empty name in '${spec}'`);
        entry.names.push(makeName(alias.text.trim(), alias.lang ?? 'und', alias.type ?? 'variant', 'curated'));
      }
      entry.sources = ['curated'];
      entries = [entry];
    }
    await runWrite(io, flags, () => entries.map((entry) => ({ op: 'add', entry })));
  });

  withWriteFlags(
    gazetteer
      .command('edit')
      .description('change fields of an entity (name, kind, country, parent, prominence, note, context, sources, ids.<scheme>)')
      .argument('<id>', 'entry id')
      .requiredOption('--set <field=value>', 'a field to set; an empty value unsets it (repeatable)', collect),
  ).action(async (id: string, flags: WriteFlags & { set: string[] }) => {
    const settings: Record<string, string> = {};
    for (const assignment of flags.set) {
      const [field, value] = parseAssignment(assignment, '--set');
      if (field === 'kind') checkKind(value.trim(), '--set kind');
      if (field === 'country' && value.trim() !== '') checkCountry(value.trim(), '--set country');
      settings[field] = value;
    }
    await runWrite(io, flags, () => [{ op: 'set', id, set: settings }]);
  });

  const alias = gazetteer.command('alias').description('add or remove names of an entity');
  withWriteFlags(
    alias
      .command('add')
      .description('add a name (alias) to an entity')
      .argument('<id>', 'entry id')
      .argument('<text>', 'the name as written')
      .option('--lang <tag>', 'BCP-47 language of the name', 'und')
      .option('--type <type>', `name type: ${NAME_TYPES.join(', ')}`, 'variant')
      .option('--script <code>', 'ISO 15924 script (default: detected)')
      .option('--source <source>', 'where the name comes from', 'curated'),
  ).action(async (id: string, text: string, flags: WriteFlags & { lang: string; type: string; script?: string; source: string }) => {
    if (text.trim() === '') throw new UsageError('alias add: the name is empty');
    const lang = flags.lang === 'und' ? 'und' : parseLanguageTag(flags.lang, '--lang');
    const type = checkNameType(flags.type, '--type');
    if (flags.script !== undefined && !/^[A-Z][a-z]{3}$/u.test(flags.script)) throw new UsageError(`--script expects an ISO 15924 code such as Latn, got '${flags.script}'`);
    await runWrite(io, flags, () => [{ op: 'alias-add', id, text: text.trim(), lang, type, source: flags.source, ...(flags.script ? { script: flags.script } : {}) }]);
  });
  withWriteFlags(
    alias
      .command('remove')
      .description('remove a name from an entity')
      .argument('<id>', 'entry id')
      .argument('<text>', 'the name to remove'),
  ).action(async (id: string, text: string, flags: WriteFlags) => {
    await runWrite(io, flags, () => [{ op: 'alias-remove', id, text }]);
  });

  withWriteFlags(
    gazetteer.command('remove').description('remove an entity from your gazetteer').argument('<id>', 'entry id'),
  ).action(async (id: string, flags: WriteFlags) => {
    await runWrite(io, flags, () => [{ op: 'remove', id }]);
  });

  withWriteFlags(
    gazetteer
      .command('merge')
      .description('merge OTHER_ID into KEEP_ID: names and external ids move, OTHER_ID resolves to KEEP_ID')
      .argument('<keep>', 'the entry that stays')
      .argument('<other>', 'the entry merged into it'),
  ).action(async (keep: string, other: string, flags: WriteFlags) => {
    await runWrite(io, flags, () => [{ op: 'merge', keep, other }]);
  });

  withWriteFlags(
    gazetteer
      .command('import')
      .description(`import entities from another format into your gazetteer (${IMPORT_FORMATS.join(', ')})`)
      .argument('<format>', IMPORT_FORMATS.join('|'))
      .argument('<file>', "the file to import ('-' for stdin)")
      .option('--alternate-names <file>', 'geonames: alternateNamesV2 file with the languages and types of names')
      .option('--column <field=header>', 'csv: read entry field from this column (repeatable; fields: id, name, kind, country, parent, prominence, names, context, ids, sources, note, merged, ids.<scheme>)', collect)
      .option('--alias-column <header[:lang[:type]]>', 'csv: a column of extra names (repeatable; several names separated by ";")', collect)
      .option('--default-kind <kind>', 'csv: kind of rows without one; xml (TEI): kind of places without a known type')
      .option('--default-country <cc>', 'csv: country of rows without one')
      .option('--id-prefix <prefix>', 'csv: prefix of ids made from names')
      .option('--delimiter <char>', 'csv: field delimiter', ',')
      .option('--replace', 'replace existing entries with the same id instead of adding their new names and fields'),
  ).action(async (format: string, file: string, flags: WriteFlags & { alternateNames?: string; column?: string[]; aliasColumn?: string[]; defaultKind?: string; defaultCountry?: string; idPrefix?: string; delimiter: string; replace?: boolean }) => {
    if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`import: unknown format '${format}' (expected one of ${IMPORT_FORMATS.join(', ')})`);
    const { text, label } = await readTextInput(file);
    const csv: CsvMapping = { delimiter: flags.delimiter };
    if (flags.column) csv.columns = Object.fromEntries(flags.column.map((item) => parseAssignment(item, '--column')));
    if (flags.aliasColumn) {
      csv.aliasColumns = flags.aliasColumn.map((spec) => {
        const parsed = parseAliasSpec(spec);
        return { column: parsed.text, ...(parsed.lang ? { lang: parsed.lang } : {}), ...(parsed.type ? { type: parsed.type } : {}) };
      });
    }
    const defaultKind = flags.defaultKind === undefined ? undefined : checkKind(flags.defaultKind, '--default-kind');
    if (defaultKind) csv.defaultKind = defaultKind;
    if (flags.defaultCountry) csv.defaultCountry = checkCountry(flags.defaultCountry, '--default-country');
    if (flags.idPrefix) csv.idPrefix = flags.idPrefix;
    const alternateNames = flags.alternateNames === undefined ? undefined : await readText(flags.alternateNames);
    const imported = parseImport(format, text, label, { csv, ...(alternateNames ? { alternateNames } : {}), ...(defaultKind ? { defaultPlaceKind: defaultKind } : {}), parseJsonl: parseEntries });
    for (const warning of imported.warnings) io.stderr(`transnorm: warning: ${warning}\n`);
    if (imported.entries.length === 0) throw new InputError(`'${label}': nothing to import`);
    await runWrite(io, flags, (entries, _target, base) => {
      const fileIds = new Set(entries.map((entry) => entry.id));
      for (const dropped of dropUnknownParents(imported.entries, (id) => fileIds.has(id) || base.get(id) !== undefined)) io.stderr(`transnorm: warning: ${dropped}\n`);
      return imported.entries.map((entry) => ({ op: 'upsert', entry, mode: flags.replace ? 'replace' : 'merge' }));
    });
  });

  gazetteer
    .command('export')
    .description('export the gazetteer (or one file) as JSONL, CSV or XML')
    .requiredOption('--format <format>', EXPORT_FORMATS.join('|'))
    .option('--kind <kind>', 'only entities of this kind (repeatable)', collect)
    .option('--country <cc>', 'only entities of this country')
    .option('-o, --output <file>', 'write here instead of stdout (atomically)')
    .option('--file <file>', 'export this gazetteer file only (repeatable)', collect)
    .option('--config <file>', 'project config')
    .option('--no-builtin', 'leave out the built-in gazetteer')
    .action(async (flags: { format: string; kind?: string[]; country?: string; output?: string; file?: string[]; config?: string; builtin: boolean }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format)) throw new UsageError(`--format expects one of ${EXPORT_FORMATS.join(', ')}, got '${flags.format}'`);
      for (const kind of flags.kind ?? []) checkKind(kind, '--kind');
      const country = flags.country === undefined ? undefined : checkCountry(flags.country, '--country');
      const data = await loadForReading(io, flags);
      const entries = data.entries.filter((entry) => (flags.kind === undefined || flags.kind.includes(entry.kind)) && (country === undefined || entry.country === country));
      await emit(io, formatExport(flags.format, entries), flags.output);
      if (flags.output !== undefined && flags.output !== '-') io.stderr(`transnorm: exported ${entries.length} entities to '${flags.output}'\n`);
    });

  gazetteer
    .command('diff')
    .description('entity-level differences between two gazetteer files: added, removed, changed names')
    .argument('<a>', 'the old file')
    .argument('<b>', 'the new file')
    .option('--json', 'print JSON')
    .action(async (a: string, b: string, flags: { json?: boolean }) => {
      const [before, after] = await Promise.all([a, b].map(async (path) => {
        try {
          await fs.access(path);
        } catch (error) {
          throw new InputError(`cannot read '${path}': ${describeSystemError(error)}`, { cause: error });
        }
        return readGazetteerFile(path);
      }));
      const diff = diffEntries(before!, after!);
      if (flags.json) io.stdout(toJson({ added: diff.added.map((entry) => entry.id), removed: diff.removed.map((entry) => entry.id), changed: diff.changed }));
      else io.stdout(formatDiff(diff));
    });

  gazetteer
    .command('stats')
    .description('entities and names by kind, country, language and script; ambiguous aliases')
    .argument('[files...]', 'gazetteer files (default: the project gazetteer: config files and the built-in one)')
    .option('--config <file>', 'project config')
    .option('--no-builtin', 'leave out the built-in gazetteer')
    .option('--json', 'print JSON')
    .action(async (files: string[], flags: { config?: string; builtin: boolean; json?: boolean }) => {
      const data = await loadForReading(io, { ...flags, ...(files.length > 0 ? { file: files } : {}) });
      const stats = gazetteerStats(data);
      io.stdout(flags.json ? toJson(stats) : formatStats(stats));
    });

  gazetteer
    .command('suggest')
    .description('learn from corpora: new spellings of known entities, frequent names that match nothing')
    .argument('<inputs...>', "text files, directories, or a corpus run's summary.json")
    .option('--write <patch>', 'write the proposals as a patch (JSONL) to review and `gazetteer apply`')
    .option('--min-similarity <s>', 'lowest similarity for a new-alias proposal (0–1)', '0.75')
    .option('--min-count <n>', 'fewest occurrences for a new-entity proposal', '2')
    .option('--min-confidence <c>', 'leave out proposals below this confidence (0–1)', '0')
    .option('--limit <n>', 'at most this many proposals')
    .option('--file <file>', 'match against this gazetteer file only (repeatable)', collect)
    .option('--config <file>', 'project config')
    .option('--json', 'print JSON')
    .action(async (inputs: string[], flags: { write?: string; minSimilarity: string; minCount: string; minConfidence: string; limit?: string; file?: string[]; config?: string; json?: boolean }) => {
      const minSimilarity = parseNumber(flags.minSimilarity, '--min-similarity', 0.5, 1);
      const minCount = parsePositiveInt(flags.minCount, '--min-count');
      const minConfidence = parseNumber(flags.minConfidence, '--min-confidence', 0, 1);
      const limit = flags.limit === undefined ? undefined : parsePositiveInt(flags.limit, '--limit');
      const data = await loadForReading(io, flags);
      const result = await suggestFromCorpus(data, inputs, { minSimilarity, minCount });
      let candidates = result.candidates.filter((candidate) => candidate.confidence >= minConfidence);
      if (limit !== undefined) candidates = candidates.slice(0, limit);
      if (flags.write !== undefined) await emit(io, formatPatch(candidates.map(candidatePatchLine)), flags.write);
      if (flags.json) io.stdout(toJson(candidates));
      else io.stdout(formatCandidates(candidates));
      const aliases = candidates.filter((candidate) => candidate.type === 'alias').length;
      io.stderr(`transnorm: ${result.files} files, ${result.summaries} summaries${result.reports > 0 ? ` (${result.reports} read through report.jsonl)` : ''}: ${aliases} new aliases, ${candidates.length - aliases} new entities proposed${flags.write ? `; patch written to '${flags.write}'` : ''}\n`);
    });

  withWriteFlags(
    gazetteer
      .command('apply')
      .description('apply a reviewed patch (from suggest --write, or written by hand) to your gazetteer')
      .argument('<patch>', "patch file (JSONL, one operation per line; '-' for stdin)"),
  ).action(async (patchPath: string, flags: WriteFlags) => {
    const { text, label } = await readTextInput(patchPath, { allowEmpty: true });
    const operations = parsePatch(text, label);
    if (operations.length === 0) throw new GazetteerError(`'${label}' holds no operations (every line was removed?)`, { code: 'ERR_PATCH' });
    await runWrite(io, flags, () => operations);
  });
}
