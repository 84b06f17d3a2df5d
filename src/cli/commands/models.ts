/** `transnorm models`: list, add, pull, verify and remove local translation models. */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { TransnormError } from '../../errors.js';
import { addModel, listModels, pullModel, removeModel, resolveModelsDir, verifyModel, type PullProgress } from '../../translate/index.js';
import type { CliIO } from '../io.js';
import { toJson } from '../output.js';

interface DirFlags {
  models?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `1234567` → `1.2 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit++;
  } while (value >= 1000 && unit < units.length - 1);
  return `${value.toFixed(1)} ${units[unit]}`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return `${rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n')}\n`;
}

export function registerModels(program: Command, io: CliIO): void {
  const models = program.command('models').description('manage local translation models (models directory: --models, $TRANSNORM_MODELS, ./models)');
  const quiet = () => Boolean(program.opts<{ quiet?: boolean }>().quiet);

  models
    .command('list')
    .description('list installed models: pairs, kind, dtype, size, path')
    .option('--models <dir>', 'models directory')
    .option('--json', 'print JSON')
    .action(async (flags: DirFlags & { json?: boolean }) => {
      const dir = resolveModelsDir(flags.models);
      const { models: installed, broken } = await listModels(dir);
      if (flags.json) {
        io.stdout(toJson({ modelsDir: dir, models: installed.map((m) => ({ ...m.manifest, path: m.dir })), broken }));
        return;
      }
      if (installed.length === 0) io.stdout(`no models in ${dir} (add one with 'transnorm models add DIR' or 'transnorm models pull HUB_ID --allow-remote')\n`);
      else {
        const rows = [['ID', 'PAIRS', 'KIND', 'DTYPE', 'SIZE', 'PATH']];
        for (const m of installed) rows.push([m.id, m.manifest.pairs.join(','), m.manifest.kind, m.manifest.dtype, formatSize(m.manifest.size), m.dir]);
        io.stdout(table(rows));
      }
      for (const problem of broken) io.stderr(`transnorm: ${problem.reason}\n`);
    });

  models
    .command('add')
    .description('install a model from a folder or tarball (checks the files it needs, writes transnorm.json)')
    .argument('<source>', 'model folder, or .tar/.tar.gz/.tgz file')
    .option('--id <id>', 'install under this id (default: the folder or tarball name)')
    .option('--pair <src-tgt>', "language pair served, e.g. ru-en (repeatable; default from the id's -xx-yy suffix)", collect, [])
    .option('--force', 'replace an installed model with the same id')
    .option('--models <dir>', 'models directory')
    .action(async (source: string, flags: DirFlags & { id?: string; pair: string[]; force?: boolean }) => {
      const model = await addModel(source, {
        modelsDir: resolveModelsDir(flags.models),
        pairs: flags.pair,
        ...(flags.id !== undefined ? { id: flags.id } : {}),
        ...(flags.force ? { force: true } : {}),
      });
      io.stdout(`added ${model.id} (${model.manifest.pairs.join(', ')}, ${model.manifest.kind}, ${model.manifest.dtype}, ${formatSize(model.manifest.size)}) in ${model.dir}\n`);
    });

  models
    .command('pull')
    .description('download a model from the Hugging Face hub (needs --allow-remote; the only command that uses the network)')
    .argument('<hub-id>', 'hub model id, e.g. Xenova/opus-mt-ru-en')
    .option('--allow-remote', 'allow network access to the Hugging Face hub')
    .option('--dtype <dtype>', 'which ONNX weights to fetch: q8 (smaller, default), fp32, fp16...', 'q8')
    .option('--pair <src-tgt>', 'language pair served (repeatable; default from the id)', collect, [])
    .option('--models <dir>', 'models directory')
    .action(async (hubId: string, flags: DirFlags & { allowRemote?: boolean; dtype: string; pair: string[] }) => {
      const showProgress = io.interactive && !quiet();
      const bars = showProgress ? new cliProgress.MultiBar({ format: ' {file} [{bar}] {percentage}% {value}/{total} bytes', hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic) : undefined;
      const active = new Map<string, cliProgress.SingleBar>();
      const onProgress = (event: PullProgress) => {
        if (bars) {
          let bar = active.get(event.file);
          if (!bar && event.total > 0) active.set(event.file, (bar = bars.create(event.total, 0, { file: event.file })));
          bar?.update(event.loaded, { file: event.file });
        } else if (event.status === 'done' && !quiet()) io.stderr(`  fetched ${event.file}\n`);
      };
      try {
        const model = await pullModel(hubId, {
          modelsDir: resolveModelsDir(flags.models),
          allowRemote: Boolean(flags.allowRemote),
          dtype: flags.dtype,
          pairs: flags.pair,
          onProgress,
        });
        bars?.stop();
        io.stdout(`pulled ${model.id} (${model.manifest.pairs.join(', ')}, ${model.manifest.kind}, ${model.manifest.dtype}, ${formatSize(model.manifest.size)}) into ${model.dir}\n`);
      } finally {
        bars?.stop();
      }
    });

  models
    .command('verify')
    .description('check checksums, load each model and run a smoke translation')
    .argument('[id]', 'only this model')
    .option('--models <dir>', 'models directory')
    .action(async (id: string | undefined, flags: DirFlags) => {
      const dir = resolveModelsDir(flags.models);
      const { models: installed, broken } = await listModels(dir);
      const chosen = id === undefined ? installed : installed.filter((m) => m.id === id);
      if (id !== undefined && chosen.length === 0) throw new TransnormError(`model '${id}' is not installed in ${dir} (see 'transnorm models list')`);
      if (id === undefined && installed.length === 0 && broken.length === 0) throw new TransnormError(`no models in ${dir} to verify`);
      let failures = id === undefined ? broken.length : 0;
      if (id === undefined) for (const problem of broken) io.stderr(`transnorm: ${problem.reason}\n`);
      for (const model of chosen) {
        const result = await verifyModel(model, dir);
        if (result.ok && result.smoke) {
          io.stdout(`ok ${model.id}: ${result.smoke.from}→${result.smoke.to} "${result.smoke.input}" → "${result.smoke.output}" (${result.smoke.ms.toFixed(0)} ms)\n`);
        } else {
          failures++;
          io.stderr(`transnorm: ${result.problem}\n`);
        }
      }
      if (failures > 0) process.exitCode = 1;
    });

  models
    .command('remove')
    .description('delete an installed model')
    .argument('<id>', 'model id (see models list)')
    .option('--models <dir>', 'models directory')
    .action(async (id: string, flags: DirFlags) => {
      const model = await removeModel(id, resolveModelsDir(flags.models));
      io.stdout(`removed ${model.id} (${model.dir})\n`);
    });
}
