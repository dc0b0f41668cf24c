import { AppError } from '../errors.js';

/** Per-request limits, from `BULK_MAX_ROWS` / `BULK_MAX_BYTES`. */
export interface BulkLimits {
  maxRows: number;
  maxBytes: number;
  /** What the upload is, for the advice in the 413 (default a streamed check). */
  scope?: LimitScope;
}

/** A streamed check (`POST /v1/bulk-search`) or a job (`POST /v1/bulk-jobs`): both have the same limits. */
export type LimitScope = 'request' | 'job';

/**
 * Thrown while streaming when a limit is crossed. Before the first result is sent it becomes a
 * 413 problem naming the limit; after, a final error row.
 */
export class BulkLimitError extends AppError {
  constructor(
    readonly limit: 'BULK_MAX_ROWS' | 'BULK_MAX_BYTES',
    readonly value: number,
    scope: LimitScope = 'request',
  ) {
    const what = limit === 'BULK_MAX_ROWS' ? `${value} rows` : `${value} bytes`;
    const advice = scope === 'job' ? `split it into several jobs of at most ${what} each` : `split it into files of at most ${what} each`;
    super('PAYLOAD_TOO_LARGE', `The input has more than ${what} (${limit}); ${advice}`, [
      { name: limit, reason: `at most ${what} per ${scope}` },
    ]);
    this.name = 'BulkLimitError';
  }
}

/** Wraps a byte source, counting bytes and failing once more than `maxBytes` arrived. */
export async function* countBytes(source: AsyncIterable<Uint8Array | string>, limits: BulkLimits): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.byteLength;
    if (total > limits.maxBytes) throw new BulkLimitError('BULK_MAX_BYTES', limits.maxBytes, limits.scope);
    yield bytes;
  }
}
