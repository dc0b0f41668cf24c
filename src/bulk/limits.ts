import { AppError } from '../errors.js';

/** Per-request limits, from `BULK_MAX_ROWS` / `BULK_MAX_BYTES`. */
export interface BulkLimits {
  maxRows: number;
  maxBytes: number;
}

/**
 * Thrown while streaming when a limit is crossed. Before the first result is sent it becomes a
 * 413 problem naming the limit; after, a final error row.
 */
export class BulkLimitError extends AppError {
  constructor(
    readonly limit: 'BULK_MAX_ROWS' | 'BULK_MAX_BYTES',
    readonly value: number,
  ) {
    const what = limit === 'BULK_MAX_ROWS' ? `${value} rows` : `${value} bytes`;
    super('PAYLOAD_TOO_LARGE', `The input has more than ${what} (${limit}); split it or use a job with a higher limit`, [
      { name: limit, reason: `at most ${what} per request` },
    ]);
    this.name = 'BulkLimitError';
  }
}

/** Wraps a byte source, counting bytes and failing once more than `maxBytes` arrived. */
export async function* countBytes(source: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.byteLength;
    if (total > maxBytes) throw new BulkLimitError('BULK_MAX_BYTES', maxBytes);
    yield bytes;
  }
}
