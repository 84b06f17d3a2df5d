/**
 * Progress display for corpus runs: a cli-progress bar on a terminal (documents done/total,
 * MB/s, ETA), otherwise one plain line every few seconds, so logs stay readable.
 */
import cliProgress from 'cli-progress';
import type { CorpusProgress } from './types.js';

/** Receives progress updates; `stop()` clears the bar. */
export interface ProgressDisplay {
  update(progress: CorpusProgress): void;
  stop(): void;
}

const MB = 1024 * 1024;

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

/** Throughput and ETA from bytes done (the fair measure across formats and document sizes). */
function rates(progress: CorpusProgress, startedAt: number): { mbps: number; eta: number } {
  const elapsed = (performance.now() - startedAt) / 1000;
  const mbps = elapsed > 0 ? progress.bytesDone / MB / elapsed : 0;
  const left = progress.bytesTotal - progress.bytesDone;
  const eta = progress.bytesDone > 0 ? (left / progress.bytesDone) * elapsed : Number.POSITIVE_INFINITY;
  return { mbps, eta };
}

/** A progress bar on `stream` (an interactive terminal). */
export function barProgress(stream: NodeJS.WritableStream): ProgressDisplay {
  const startedAt = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'corpus {bar} {filesDone}/{filesTotal} files | {documents} docs, {failed} failed | {mbps} MB/s | ETA {etaText}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      const { mbps, eta } = rates(progress, startedAt);
      const payload = { ...progress, mbps: mbps.toFixed(2), etaText: formatSeconds(eta) };
      if (!started) {
        bar.start(Math.max(progress.bytesTotal, 1), progress.bytesDone, payload);
        started = true;
      } else bar.update(progress.bytesDone, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** One plain line at most every `intervalMs` on `write` (logs, CI). */
export function lineProgress(write: (text: string) => void, intervalMs = 5000): ProgressDisplay {
  const startedAt = performance.now();
  let last = startedAt;
  return {
    update(progress) {
      const now = performance.now();
      if (now - last < intervalMs) return;
      last = now;
      const { mbps, eta } = rates(progress, startedAt);
      write(
        `transnorm: corpus: ${progress.filesDone}/${progress.filesTotal} files, ${progress.documents} documents (${progress.failed} failed), ` +
          `${(progress.bytesDone / MB).toFixed(1)}/${(progress.bytesTotal / MB).toFixed(1)} MB, ${mbps.toFixed(2)} MB/s, ETA ${formatSeconds(eta)}\n`,
      );
    },
    stop() {},
  };
}
