import { describe, expect, it } from 'vitest';
import { BulkLimitError, countBytes } from '../../../src/bulk/limits.js';
import { collect } from './helpers.js';

describe('BulkLimitError', () => {
  it('advises splitting the file for a streamed check, and into several jobs for a job (jobs have the same limits)', () => {
    const stream = new BulkLimitError('BULK_MAX_ROWS', 50);
    expect(stream.message).toBe('The input has more than 50 rows (BULK_MAX_ROWS); split it into files of at most 50 rows each');
    expect(stream.fields).toEqual([{ name: 'BULK_MAX_ROWS', reason: 'at most 50 rows per request' }]);
    const job = new BulkLimitError('BULK_MAX_BYTES', 2048, 'job');
    expect(job.message).toBe('The input has more than 2048 bytes (BULK_MAX_BYTES); split it into several jobs of at most 2048 bytes each');
    expect(job.fields).toEqual([{ name: 'BULK_MAX_BYTES', reason: 'at most 2048 bytes per job' }]);
    for (const e of [stream, job]) expect(e.message).not.toMatch(/higher limit/);
  });

  it('is thrown while counting bytes with the scope of the limits', async () => {
    const source = (async function* () {
      yield 'x'.repeat(30);
      yield 'x'.repeat(30);
    })();
    const err = await collect(countBytes(source, { maxRows: 10, maxBytes: 50, scope: 'job' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkLimitError);
    expect((err as BulkLimitError).message).toMatch(/several jobs/);
  });
});
