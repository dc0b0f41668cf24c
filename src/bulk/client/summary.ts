import type { BulkResult } from '../result.js';

/** Totals of a bulk check, as the CLI prints them. */
export interface Summary {
  rows: number;
  strong: number;
  possible: number;
  none: number;
  errors: number;
  seconds: number;
  /** Why the output stopped early (a limit, an outage), from its final error row. */
  stopped?: string;
}

export const newSummary = (): Summary => ({ rows: 0, strong: 0, possible: 0, none: 0, errors: 0, seconds: 0 });

export function count(s: Summary, r: BulkResult): void {
  if (r.row === null) {
    s.stopped = 'error' in r ? `${r.error.field}: ${r.error.reason}` : 'stopped';
    return;
  }
  s.rows++;
  if ('error' in r) s.errors++;
  else s[r.level]++;
}

export function formatSummary(s: Summary): string {
  const rate = s.seconds > 0 ? Math.round(s.rows / s.seconds) : s.rows;
  const lines = [
    `rows ${s.rows}  strong ${s.strong}  possible ${s.possible}  none ${s.none}  errors ${s.errors}  ${rate} rows/s (${s.seconds.toFixed(1)} s)`,
  ];
  if (s.stopped) lines.push(`stopped early: ${s.stopped}`);
  return lines.join('\n');
}
