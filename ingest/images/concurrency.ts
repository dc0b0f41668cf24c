/**
 * Bounded concurrency for processing many images on a small machine (2 cores): at most `limit`
 * calls of `fn` run at once, results come back in input order.
 */

/** Like Promise.all over `items.map(fn)`, but with at most `limit` in flight; stops launching on the first error. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const settled = await run(items, limit, fn, true);
  return settled.map((s) => (s as PromiseFulfilledResult<R>).value);
}

/** Every item is attempted; failures are returned in place (per-image warnings, not a failed batch). */
export function mapLimitSettled<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  return run(items, limit, fn, false);
}

async function run<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  failFast: boolean,
): Promise<PromiseSettledResult<R>[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (next < items.length && !(failFast && failure)) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await fn(items[i] as T, i) };
      } catch (error) {
        results[i] = { status: 'rejected', reason: error };
        if (failFast && !failure) failure = { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}
