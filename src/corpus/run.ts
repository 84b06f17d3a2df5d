/**
 * The corpus runner: every input file goes through the pipeline (the same as `transnorm clean`),
 * its output is spliced into the original text and written under OUTDIR at the same relative
 * path, and a report line is kept per document. Files are processed by a pool of `jobs`
 * workers, each reading one file at a time (JSONL line by line), so memory does not grow with
 * the corpus. A manifest makes runs resumable (see state.ts).
 */
import { availableParallelism } from 'node:os';
import { constants, createReadStream, promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_MAX_INPUT_BYTES } from '../io.js';
import { TransnormError, UsageError, toError } from '../errors.js';
import type { PipelineOptions } from '../pipeline.js';
import { listInputs, isInside, type CorpusInput } from './inputs.js';
import { LineIndex } from './locate.js';
import { SegmentProcessor, applyEdits, mergeOutcomes, type SegmentOutcome } from './segments.js';
import { AtomicWriter, RunState, sha256, sha256File, writeAtomically, CORPUS_STATE_VERSION, type ManifestEntry } from './state.js';
import { SummaryBuilder } from './summary.js';
import { defaultFingerprint } from './fingerprint.js';
import { markdownSegments, textSegments } from './formats/text.js';
import { xmlSegments } from './formats/xml.js';
import { compileXmlPath } from './xml-path.js';
import { XmlError } from './xml-scan.js';
import { encodeJsonText, findJsonField } from './json-field.js';
import type { CorpusFormat, CorpusRunOptions, CorpusRunResult, CorpusProgress, DocumentError, ReportLine, Segment } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Failure codes decided by a file's content and the options alone (a resumed run does not retry them). */
const FINAL_FAILURES = new Set(['ERR_XML', 'ERR_ENCODING', 'ERR_BINARY', 'ERR_TOO_LARGE', 'ERR_FORMAT']);

/** A document that could not be processed. */
class DocumentFailure extends Error {
  constructor(readonly code: string, reason: string) {
    super(reason);
  }
}

function roundTimings(timings: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const stage of Object.keys(timings).sort()) out[stage] = Math.round(timings[stage]! * 1000) / 1000;
  return out;
}

/** Everything a file handler needs. */
interface RunContext {
  options: Required<Pick<CorpusRunOptions, 'field' | 'maxBytes' | 'timings'>> & CorpusRunOptions;
  target: string;
  processor: SegmentProcessor;
  state: RunState;
  outDir: string;
  signal?: AbortSignal;
  /** Called after each document (JSONL record) so progress can move inside big files. */
  onDocument(failed: boolean): void;
}

/** The report line of a document, keys in a fixed order. */
function reportLine(path: string, format: CorpusFormat | null, outcome: SegmentOutcome | null, timings: boolean, line?: number, error?: DocumentError): ReportLine {
  const report: ReportLine = { path, format } as ReportLine;
  if (line !== undefined) report.line = line;
  report.language = outcome?.language ?? null;
  report.changes = outcome?.changes ?? [];
  report.suggestions = outcome?.suggestions ?? [];
  report.skipped = outcome?.skipped ?? [];
  report.messages = outcome?.messages ?? [];
  if (timings) report.timings = roundTimings(outcome?.timings ?? {});
  if (error) report.error = error;
  return report;
}

function failureOf(error: unknown): DocumentError {
  if (error instanceof DocumentFailure) return { code: error.code, reason: error.message };
  if (error instanceof XmlError) return { code: 'ERR_XML', reason: error.message };
  const wrapped = toError(error);
  return { code: wrapped.code, reason: wrapped.message };
}

/** Decode a file's bytes as UTF-8 (a BOM is kept as U+FEFF), refusing binary data. */
function decodeFile(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new DocumentFailure('ERR_BINARY', 'looks like a binary file, not text');
  try {
    return utf8.decode(bytes);
  } catch {
    throw new DocumentFailure('ERR_ENCODING', 'is not valid UTF-8 text');
  }
}

/** The hash of the options that affect files of `format`. */
function optionsHash(context: RunContext, format: CorpusFormat | null, fingerprint: string): string {
  const { options } = context;
  const pipeline: PipelineOptions = { ...options.pipeline };
  delete pipeline.stages;
  const relevant: Record<string, unknown> = {
    version: CORPUS_STATE_VERSION,
    fingerprint,
    format,
    target: context.target,
    from: options.from ?? null,
    pipeline,
    timings: options.timings,
    inPlace: options.inPlace ?? false,
    maxBytes: options.maxBytes,
  };
  if (format === 'jsonl') relevant.field = options.field;
  if (format === 'tmx' || format === 'xml') relevant.tuvLang = options.tuvLang ?? null;
  if (format === 'xml') relevant.xmlTextPath = options.xmlTextPath ?? null;
  return sha256(JSON.stringify(relevant)).slice(0, 32);
}

/** Where a file's output goes, checked never to leave OUTDIR (no `..`, no symbolic links on the way). */
async function outputPath(context: RunContext, file: CorpusInput): Promise<{ path: string; tmpDir: string }> {
  if (context.options.inPlace) {
    const stat = await fs.lstat(file.abs);
    if (stat.isSymbolicLink()) throw new DocumentFailure('ERR_UNSAFE_OUTPUT', 'will not rewrite a symbolic link in place');
    return { path: file.abs, tmpDir: dirname(file.abs) };
  }
  const path = resolve(context.outDir, file.rel);
  if (!isInside(context.outDir, path) || path === context.outDir) {
    throw new DocumentFailure('ERR_UNSAFE_OUTPUT', `output path '${file.rel}' would leave the output directory`);
  }
  await fs.mkdir(dirname(path), { recursive: true });
  const parent = await fs.realpath(dirname(path));
  if (!isInside(context.outDir, parent)) {
    throw new DocumentFailure('ERR_UNSAFE_OUTPUT', `output path '${file.rel}' goes through a symbolic link out of the output directory`);
  }
  const existing = await fs.lstat(path).catch(() => undefined);
  if (existing && !existing.isFile()) {
    throw new DocumentFailure('ERR_UNSAFE_OUTPUT', `output path '${file.rel}' exists and is not a regular file (a symbolic link?)`);
  }
  return { path, tmpDir: context.state.tmpDir };
}

/** A failed file has no output: remove one an earlier run wrote (a regular file inside OUTDIR only). */
async function removeStaleOutput(context: RunContext, file: CorpusInput): Promise<void> {
  const path = resolve(context.outDir, file.rel);
  if (!isInside(context.outDir, path) || path === context.outDir) return;
  const stat = await fs.lstat(path).catch(() => undefined);
  if (!stat?.isFile()) return;
  const parent = await fs.realpath(dirname(path)).catch(() => undefined);
  if (parent !== undefined && isInside(context.outDir, parent)) await fs.rm(path, { force: true });
}

/** Keep a `.bak` copy of an input before rewriting it in place (an existing `.bak`, the oldest original, is kept). */
async function backup(path: string): Promise<void> {
  try {
    await fs.copyFile(path, `${path}.bak`, constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Process a whole-file format (text, Markdown, XML): returns the output text (or null: unchanged) and the report line. */
async function processWholeFile(context: RunContext, file: CorpusInput, text: string): Promise<{ output: string | null; outcome: SegmentOutcome }> {
  const lines = new LineIndex(text);
  let segments: Segment[];
  const format = file.format!;
  if (format === 'txt') segments = textSegments(text);
  else if (format === 'md') segments = markdownSegments(text);
  else if (format === 'jsonl') throw new Error('unreachable');
  else {
    const selection = { format, target: context.target } as Parameters<typeof xmlSegments>[1];
    if (context.options.tuvLang !== undefined) selection.tuvLang = context.options.tuvLang;
    if (context.options.xmlTextPath !== undefined) selection.xmlTextPath = context.options.xmlTextPath;
    segments = xmlSegments(text, selection, lines).segments;
  }
  const outcomes: SegmentOutcome[] = [];
  for (const segment of segments) {
    outcomes.push(await context.processor.process(segment, file.rel, (offset) => lines.locate(offset), context.signal));
  }
  const outcome = mergeOutcomes(outcomes);
  return { output: outcome.edits.length > 0 ? applyEdits(text, outcome.edits) : null, outcome };
}

/** Result of one file. */
interface FileResult {
  entry: ManifestEntry;
  documents: number;
  failed: number;
}

/** Process one JSONL record: returns the output line (null: unchanged) and its report line. */
async function processRecord(context: RunContext, file: CorpusInput, bytes: Buffer, lineNumber: number, fieldPath: string[]): Promise<{ output: string | null; report: ReportLine }> {
  const fail = (code: string, reason: string): { output: null; report: ReportLine } => ({
    output: null,
    report: reportLine(file.rel, 'jsonl', null, context.options.timings, lineNumber, { code, reason }),
  });
  if (bytes.byteLength > context.options.maxBytes) return fail('ERR_TOO_LARGE', `line ${lineNumber} is too large: ${bytes.byteLength} bytes (limit ${context.options.maxBytes}, see --max-bytes)`);
  let line: string;
  try {
    line = utf8.decode(bytes);
  } catch {
    return fail('ERR_ENCODING', `line ${lineNumber} is not valid UTF-8 text`);
  }
  const lead = line.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = line.slice(lead).replace(/\r$/, '');
  try {
    JSON.parse(body);
  } catch (error) {
    return fail('ERR_JSON', `line ${lineNumber} is not valid JSON: ${(error as Error).message}`);
  }
  const found = findJsonField(body, fieldPath);
  const note = (ruleId: string, reason: string): { output: null; report: ReportLine } => {
    const outcome = mergeOutcomes([]);
    outcome.messages.push({ stage: 'pipeline', ruleId, reason, start: 0, end: 0, offsetsIn: 'original', confidence: 1, fatal: false });
    return { output: null, report: reportLine(file.rel, 'jsonl', outcome, context.options.timings, lineNumber) };
  };
  if (found.kind === 'missing') return note('corpus:field-missing', `the record has no field '${context.options.field}'`);
  if (found.kind === 'not-string') return note('corpus:field-not-text', `the field '${context.options.field}' is ${found.type}, not a string`);
  const { field } = found;
  const segment: Segment = {
    text: field.value,
    masks: [],
    toRaw: (offset) => lead + field.rawOffsets[offset]!,
    decode: (raw) => raw,
    encode: encodeJsonText,
  };
  const outcome = await context.processor.process(segment, `${file.rel}:${lineNumber}`, () => ({ segment: 0, line: lineNumber, column: 1 }), context.signal);
  return {
    output: outcome.edits.length > 0 ? applyEdits(line, outcome.edits) : null,
    report: reportLine(file.rel, 'jsonl', outcome, context.options.timings, lineNumber),
  };
}

/** Stream a JSONL file line by line, a bounded window of records in the pipeline at once, outputs in order. */
async function processJsonl(context: RunContext, file: CorpusInput, output: AtomicWriter | undefined, part: AtomicWriter): Promise<{ documents: number; failed: number; changed: boolean }> {
  const fieldPath = context.options.field.split('.');
  const window: Array<Promise<{ raw: Buffer; eol: boolean; result: { output: string | null; report: ReportLine } | null }>> = [];
  const windowSize = Math.max(4, (context.options.jobs ?? 1) * 4);
  let documents = 0;
  let failed = 0;
  let changed = false;
  let lineNumber = 0;
  const drain = async (): Promise<void> => {
    const { raw, eol, result } = await window.shift()!;
    if (output) {
      if (result?.output != null) {
        changed = true;
        await output.write(result.output);
      } else await output.write(raw);
      if (eol) await output.write('\n');
    }
    if (result) {
      documents++;
      if (result.report.error) failed++;
      await part.write(`${JSON.stringify(result.report)}\n`);
      context.onDocument(result.report.error !== undefined);
    }
  };
  const schedule = (raw: Buffer, eol: boolean): void => {
    const number = ++lineNumber;
    const blank = raw.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0d);
    window.push(
      (async () => ({
        raw,
        eol,
        result: blank ? null : await processRecord(context, file, raw, number, fieldPath).catch((error: unknown) => ({
          output: null,
          report: reportLine(file.rel, 'jsonl', null, context.options.timings, number, failureOf(error)),
        })),
      }))(),
    );
  };
  let pending: Buffer[] = [];
  for await (const chunk of createReadStream(file.abs) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let newline = chunk.indexOf(0x0a); newline >= 0; newline = chunk.indexOf(0x0a, from)) {
      pending.push(chunk.subarray(from, newline));
      schedule(Buffer.concat(pending), true);
      pending = [];
      from = newline + 1;
      while (window.length >= windowSize) await drain();
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0) schedule(Buffer.concat(pending), false);
  while (window.length > 0) await drain();
  return { documents, failed, changed };
}

/** Process one input file end to end: read, check the manifest, process, write output, part and manifest entry. */
async function processFile(context: RunContext, file: CorpusInput, fingerprint: string): Promise<FileResult | 'resumed'> {
  const { state, options } = context;
  const hashOfOptions = optionsHash(context, file.format, fingerprint);
  const partPath = state.partPath(file.rel);

  const finishFailure = async (input: string, error: DocumentError): Promise<FileResult> => {
    if (!options.inPlace) await removeStaleOutput(context, file);
    await state.ensurePartDir(file.rel);
    await writeAtomically(partPath, `${JSON.stringify(reportLine(file.rel, file.format, null, options.timings, undefined, error))}\n`, state.tmpDir);
    const entry: ManifestEntry = { path: file.rel, input, options: hashOfOptions, output: null, documents: 1, failed: 1 };
    // Failures that follow from the content are final; others (a symbolic link in the way, a
    // missing model, an unreadable file) are tried again by the next run.
    if (FINAL_FAILURES.has(error.code)) await state.record(entry);
    context.onDocument(true);
    return { entry, documents: 1, failed: 1 };
  };

  if (file.problem) return finishFailure(`problem:${file.problem.code}`, file.problem);
  if (file.format === null) {
    return finishFailure('unknown-format', { code: 'ERR_FORMAT', reason: 'unknown format: name it with --format (txt, md, jsonl, tmx, xliff, xml)' });
  }
  const stat = await fs.stat(file.abs).catch((error: unknown) => error as Error);
  if (stat instanceof Error) return finishFailure('unreadable', { code: 'ERR_READ', reason: `cannot read: ${toError(stat).message}` });
  if (file.format !== 'jsonl' && stat.size > options.maxBytes) {
    return finishFailure(`size:${stat.size}`, { code: 'ERR_TOO_LARGE', reason: `too large: ${stat.size} bytes (limit ${options.maxBytes}, see --max-bytes)` });
  }

  // Is it done already? (In place, a finished input now hashes to what was written.)
  let bytes: Buffer | undefined;
  let inputHash: string;
  try {
    bytes = file.format === 'jsonl' ? undefined : await fs.readFile(file.abs);
    inputHash = bytes ? sha256(bytes) : await sha256File(file.abs);
  } catch (error) {
    return finishFailure('unreadable', { code: 'ERR_READ', reason: `cannot read: ${toError(error).message}` });
  }
  const previous = state.get(file.rel);
  if (previous && previous.options === hashOfOptions && (previous.input === inputHash || (options.inPlace && previous.output === inputHash))) {
    const outputThere = previous.output === null || options.inPlace || (await fs.stat(resolve(context.outDir, file.rel)).then((s) => s.isFile(), () => false));
    const partThere = await fs.stat(partPath).then(() => true, () => false);
    if (outputThere && partThere) return 'resumed';
  }

  await state.ensurePartDir(file.rel);
  if (file.format === 'jsonl') {
    let target: { path: string; tmpDir: string };
    try {
      target = await outputPath(context, file);
    } catch (error) {
      return finishFailure(inputHash, failureOf(error));
    }
    const output = await AtomicWriter.open(target.path, target.tmpDir);
    const part = await AtomicWriter.open(partPath, state.tmpDir);
    try {
      const { documents, failed, changed } = await processJsonl(context, file, output, part);
      let outputHash = inputHash;
      if (options.inPlace && !changed) await output.abort();
      else {
        if (options.inPlace) await backup(file.abs);
        outputHash = await output.commit();
      }
      await part.commit();
      const entry: ManifestEntry = { path: file.rel, input: inputHash, options: hashOfOptions, output: outputHash, documents, failed };
      await state.record(entry);
      return { entry, documents, failed };
    } catch (error) {
      await output.abort();
      await part.abort();
      // Writing failed: OUTDIR is unusable, stop the run. Reading failed: this file fails.
      if (error instanceof TransnormError && error.code === 'ERR_WRITE') throw error;
      return finishFailure(inputHash, { code: 'ERR_READ', reason: `cannot read: ${toError(error).message}` });
    }
  }

  let result: { output: string | null; outcome: SegmentOutcome };
  try {
    const text = decodeFile(bytes!);
    result = await processWholeFile(context, file, text);
  } catch (error) {
    return finishFailure(inputHash, failureOf(error));
  }
  let target: { path: string; tmpDir: string };
  try {
    target = await outputPath(context, file);
  } catch (error) {
    return finishFailure(inputHash, failureOf(error));
  }
  let outputHash = inputHash;
  if (options.inPlace) {
    if (result.output !== null) {
      await backup(file.abs);
      outputHash = await writeAtomically(target.path, result.output, target.tmpDir);
    }
  } else {
    outputHash = await writeAtomically(target.path, result.output ?? bytes!, target.tmpDir);
  }
  await writeAtomically(partPath, `${JSON.stringify(reportLine(file.rel, file.format, result.outcome, options.timings))}\n`, state.tmpDir);
  const entry: ManifestEntry = { path: file.rel, input: inputHash, options: hashOfOptions, output: outputHash, documents: 1, failed: 0 };
  await state.record(entry);
  context.onDocument(false);
  return { entry, documents: 1, failed: 0 };
}

/**
 * Normalize a corpus: see the module comment and docs/corpus.md.
 * Throws for problems with the run itself (bad options, no inputs, unwritable OUTDIR);
 * problems with single documents are reported in `report.jsonl` and counted in `failed`.
 */
export async function runCorpus(options: CorpusRunOptions): Promise<CorpusRunResult> {
  const started = performance.now();
  const jobs = options.jobs ?? availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs expects a positive integer, got '${jobs}'`);
  const field = options.field ?? 'text';
  if (field === '' || field.split('.').some((key) => key === '')) throw new UsageError(`--field expects a key or a dotted path such as 'a.b.c', got '${field}'`);
  if (options.xmlTextPath !== undefined) compileXmlPath(options.xmlTextPath);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const pipelineOptions = options.pipeline ?? {};
  const target = pipelineOptions.target ?? 'en';

  const requestedOut = resolve(options.outDir);
  await fs.mkdir(requestedOut, { recursive: true }).catch((error: unknown) => {
    throw new TransnormError(`cannot create the output directory '${options.outDir}': ${toError(error).message}`, { cause: error });
  });
  const outDir = await fs.realpath(requestedOut);
  const { files } = await listInputs(options.inputs, { exclude: [outDir], ...(options.format ? { format: options.format } : {}) });

  const state = new RunState(outDir);
  await state.open();
  const fingerprint = options.fingerprint ?? defaultFingerprint(pipelineOptions);

  const progress: CorpusProgress = {
    filesDone: 0,
    filesTotal: files.length,
    bytesDone: 0,
    bytesTotal: files.reduce((sum, file) => sum + file.size, 0),
    documents: 0,
    failed: 0,
    resumed: 0,
  };
  const context: RunContext = {
    options: { ...options, field, maxBytes, timings: options.timings ?? true, jobs },
    target,
    processor: new SegmentProcessor(pipelineOptions, jobs, options.from),
    state,
    outDir,
    onDocument: (failed) => {
      progress.documents++;
      if (failed) progress.failed++;
      // Big JSONL files hold many documents: report progress inside them too.
      if (progress.documents % 1000 === 0) options.onProgress?.({ ...progress });
    },
  };
  if (options.signal) context.signal = options.signal;
  const documentsOfResumed = (path: string): { documents: number; failed: number } => {
    const entry = state.get(path);
    return { documents: entry?.documents ?? 0, failed: entry?.failed ?? 0 };
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      if (options.signal?.aborted) return;
      const file = files[next++]!;
      const result = await processFile(context, file, fingerprint);
      if (result === 'resumed') {
        const counts = documentsOfResumed(file.rel);
        progress.resumed++;
        progress.documents += counts.documents;
        progress.failed += counts.failed;
      }
      progress.filesDone++;
      progress.bytesDone += file.size;
      options.onProgress?.({ ...progress });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, Math.max(1, files.length)) }, worker));
  } catch (error) {
    await state.close();
    throw error;
  }
  if (options.signal?.aborted) {
    await state.close();
    throw new TransnormError('the run was cancelled; run the same command again to resume', { code: 'ERR_CANCELLED' });
  }

  // Assemble report.jsonl in path order from the parts, and the summary from it.
  const reportPath = resolve(outDir, 'report.jsonl');
  const summaryPath = resolve(outDir, 'summary.json');
  const summary = new SummaryBuilder(files.length, progress.bytesTotal);
  const report = await AtomicWriter.open(reportPath, state.tmpDir);
  try {
    for (const file of files) {
      const part = await fs.readFile(state.partPath(file.rel), 'utf8');
      await report.write(part);
      for (const line of part.split('\n')) if (line !== '') summary.add(JSON.parse(line) as ReportLine);
    }
    await report.commit();
  } catch (error) {
    await report.abort();
    await state.close();
    throw error;
  }
  const built = summary.build();
  await writeAtomically(summaryPath, `${JSON.stringify(built, null, 2)}\n`, state.tmpDir);
  await state.compact(files.map((file) => file.rel));
  await state.cleanup();

  return {
    outDir,
    reportPath,
    summaryPath,
    files: files.length,
    resumed: progress.resumed,
    documents: built.documents.total,
    failed: built.documents.failed,
    changes: built.changes,
    suggestions: built.suggestions,
    bytes: progress.bytesTotal,
    elapsedMs: performance.now() - started,
  };
}
