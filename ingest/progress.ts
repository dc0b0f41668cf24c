import type { Logger } from '../src/logger.js';
import type { IngestProgress } from './pipeline.js';

/**
 * Progress of an ingest run: a one-line bar on stderr when it is a terminal, otherwise a log line
 * every few seconds. No dependency: the bar is a carriage-return-redrawn line.
 */

const WIDTH = 28;

function amount(n: number, unit: IngestProgress['unit']): string {
  return unit === 'bytes' ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${n} files`;
}

export function renderBar(p: IngestProgress, elapsedMs: number): string {
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const filled = Math.round(share * WIDTH);
  const rate = elapsedMs > 0 ? Math.round((p.indexed * 1000) / elapsedMs) : 0;
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ` +
    `${amount(p.done, p.unit)}/${amount(p.total, p.unit)}  ${p.read} read, ${p.indexed} indexed, ${p.rejected} rejected, ${rate}/s`
  );
}

export interface ProgressReporter {
  update(p: IngestProgress): void;
  done(): void;
}

export function progressReporter(stream: NodeJS.WriteStream, log: Logger, everyMs = 5000): ProgressReporter {
  const start = Date.now();
  let last = 0;
  let latest: IngestProgress | undefined;
  let drawn = false;
  const tty = stream.isTTY === true;
  return {
    update(p) {
      latest = p;
      const now = Date.now();
      if (now - last < (tty ? 100 : everyMs)) return;
      last = now;
      if (tty) {
        const cols = stream.columns && stream.columns > 20 ? stream.columns : 120;
        const line = renderBar(p, now - start).slice(0, cols - 1);
        stream.write(`\r${line}\x1b[K`);
        drawn = true;
      } else {
        log.info({ progress: { done: p.done, total: p.total, unit: p.unit }, read: p.read, indexed: p.indexed, rejected: p.rejected }, 'ingest progress');
      }
    },
    done() {
      if (tty && latest) {
        stream.write(`\r${renderBar({ ...latest, done: latest.total }, Date.now() - start)}\x1b[K\n`);
      } else if (tty && drawn) stream.write('\n');
    },
  };
}
