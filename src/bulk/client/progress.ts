/**
 * A one-line progress bar for a terminal (no dependency): redrawn at most every 100 ms on stderr
 * when it is a TTY, silent otherwise.
 */
export interface ProgressState {
  /** Fraction done, 0..1, when known. */
  fraction?: number;
  rows: number;
  startedAt: number;
  note?: string;
}

export function renderBar(s: ProgressState, now: number, width = 30): string {
  const secs = Math.max((now - s.startedAt) / 1000, 0.001);
  const rate = s.rows / secs;
  const f = s.fraction === undefined ? undefined : Math.min(Math.max(s.fraction, 0), 1);
  const bar = f === undefined ? '' : `[${'#'.repeat(Math.round(f * width)).padEnd(width, '-')}] ${String(Math.floor(f * 100)).padStart(3)}% `;
  const eta = f !== undefined && f > 0 && f < 1 ? ` eta ${Math.ceil((secs / f) * (1 - f))}s` : '';
  return `${bar}${s.rows.toLocaleString('en')} rows ${Math.round(rate).toLocaleString('en')} rows/s${eta}${s.note ? ` ${s.note}` : ''}`;
}

export class ProgressBar {
  private last = 0;
  private readonly tty: boolean;
  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {
    this.tty = !!out.isTTY;
  }
  update(s: ProgressState, force = false): void {
    if (!this.tty) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const line = renderBar(s, now, 30).slice(0, (this.out.columns ?? 100) - 1);
    this.out.write(`\r${line}\x1b[K`);
  }
  done(): void {
    if (this.tty) this.out.write('\n');
  }
}
