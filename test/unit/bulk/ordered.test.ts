import { describe, expect, it } from 'vitest';
import { orderedChunks } from '../../../src/bulk/ordered.js';
import { collect } from './helpers.js';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function* numbers(n: number, failAt?: number, read?: { count: number }): AsyncGenerator<number> {
  for (let i = 1; i <= n; i++) {
    if (i === failAt) throw new Error(`input failed at ${i}`);
    if (read) read.count = i;
    yield i;
  }
}

describe('orderedChunks', () => {
  it('keeps input order when later chunks finish first, with at most `concurrency` in flight', async () => {
    let inflight = 0;
    let peak = 0;
    const out = await collect(
      orderedChunks(numbers(95), { chunkSize: 10, concurrency: 3 }, async (chunk) => {
        inflight++;
        peak = Math.max(peak, inflight);
        await delay(chunk[0]! % 20 === 1 ? 15 : 1);
        inflight--;
        return chunk.map((x) => x * 2);
      }),
    );
    expect(out.flat()).toEqual(Array.from({ length: 95 }, (_, i) => (i + 1) * 2));
    expect(out.map((c) => c.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 5]);
    expect(peak).toBe(3);
  });

  it('reads no further than the in-flight window while the consumer is not pulling', async () => {
    const read = { count: 0 };
    const it = orderedChunks(numbers(1000, undefined, read), { chunkSize: 10, concurrency: 2 }, async (c) => c);
    await it.next();
    await delay(20);
    expect(read.count).toBeLessThanOrEqual(30);
    await it.return(undefined);
  });

  it('throws an input error at once when nothing was yielded yet', async () => {
    const calls: number[] = [];
    const it = orderedChunks(numbers(100, 15), { chunkSize: 10, concurrency: 2 }, async (c) => (calls.push(c[0]!), c));
    await expect(it.next()).rejects.toThrow('input failed at 15');
  });

  it('after the first results, finishes the rows read before the input error, then throws it', async () => {
    const got: number[] = [];
    const it = orderedChunks(numbers(100, 38), { chunkSize: 10, concurrency: 1 }, async (c) => c);
    await expect(
      (async () => {
        for await (const c of it) got.push(...c);
      })(),
    ).rejects.toThrow('input failed at 38');
    expect(got).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
  });

  it('propagates a failing chunk', async () => {
    const it = orderedChunks(numbers(30), { chunkSize: 10, concurrency: 2 }, async (c) => {
      if (c[0] === 11) throw new Error('search failed');
      return c;
    });
    await expect(collect(it)).rejects.toThrow('search failed');
  });
});
