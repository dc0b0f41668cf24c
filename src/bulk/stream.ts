import { isUnavailable } from '../es/client.js';
import { AppError } from '../errors.js';
import { checkRows, type BulkEngine, type CheckOptions } from './execute.js';
import type { InputKind } from './fields.js';
import { formatter, type OutputFormat } from './format.js';
import { BulkLimitError, type BulkLimits } from './limits.js';
import type { Mapping } from './mapping.js';
import type { BulkFailed, BulkResult } from './result.js';
import { readRows } from './rows.js';

/**
 * The streaming check behind `POST /v1/bulk-search`: upload bytes in, serialised result lines out,
 * never holding more than the in-flight chunks. `openBulkStream` resolves once the first results
 * are ready, so a limit crossed or an outage before then is still thrown (and answered with a
 * problem status); after that, such a failure ends the output with one final error row.
 */

export interface StreamOptions {
  kind: InputKind;
  mapping: Mapping;
  limits: BulkLimits;
  engine: BulkEngine;
  check: CheckOptions;
  format: OutputFormat;
  /** Called once at the end with the totals (for logs). */
  onEnd?: (summary: StreamSummary) => void;
}

export interface StreamSummary {
  rows: number;
  strong: number;
  possible: number;
  none: number;
  errors: number;
  /** Set when the output was cut short. */
  stopped?: string;
}

/** The error row that ends an output cut short; `field` names the limit or `request`. */
export function finalErrorRow(err: unknown, lastRow: number): BulkFailed {
  const after = `rows after row ${lastRow} were not checked`;
  if (err instanceof BulkLimitError) return { ref: null, row: null, error: { field: err.limit, reason: `${err.message}; ${after}` } };
  if (isUnavailable(err)) return { ref: null, row: null, error: { field: 'request', reason: `Elasticsearch became unreachable; ${after}` } };
  if (err instanceof AppError) return { ref: null, row: null, error: { field: err.fields[0]?.name ?? 'request', reason: `${err.message}; ${after}` } };
  return { ref: null, row: null, error: { field: 'request', reason: `an internal error stopped the check; ${after}` } };
}

export function tally(summary: StreamSummary, results: BulkResult[]): void {
  for (const r of results) {
    summary.rows++;
    if ('error' in r) summary.errors++;
    else summary[r.level]++;
  }
}

export async function openBulkStream(source: AsyncIterable<Uint8Array | string>, o: StreamOptions): Promise<AsyncGenerator<string>> {
  const rows = readRows(source, { kind: o.kind, mapping: o.mapping, limits: o.limits });
  const results = checkRows(rows, o.engine, o.check);
  const first = await results.next();
  const fmt = formatter(o.format, o.check.k);
  const summary: StreamSummary = { rows: 0, strong: 0, possible: 0, none: 0, errors: 0 };

  async function* lines(): AsyncGenerator<string> {
    let lastRow = 0;
    const emit = (chunk: BulkResult[]) => {
      tally(summary, chunk);
      for (const r of chunk) if (r.row !== null) lastRow = r.row;
      return chunk.map(fmt.line).join('');
    };
    try {
      yield fmt.header() + (first.done ? '' : emit(first.value));
      if (first.done) return;
      for (;;) {
        let next: IteratorResult<BulkResult[]>;
        try {
          next = await results.next();
        } catch (err) {
          const row = finalErrorRow(err, lastRow);
          summary.stopped = row.error.reason;
          summary.errors++;
          yield fmt.line(row);
          return;
        }
        if (next.done) return;
        yield emit(next.value);
      }
    } finally {
      await results.return(undefined);
      o.onEnd?.(summary);
    }
  }
  return lines();
}
