/**
 * Ordered, bounded, chunked concurrency: items are grouped into chunks of `chunkSize`; at most
 * `concurrency` chunks are being processed at once; results come out chunk by chunk in input order.
 * The in-flight chunks are the reorder buffer, so memory is bounded by concurrency × chunk size
 * whatever the input length. The input is read only when a slot is free, and a slot frees only
 * when the consumer has taken the oldest chunk's results: a slow consumer slows the reading.
 *
 * If reading the input fails before any result was taken, the error is thrown at once (the caller
 * can still answer with an error status); after that, the chunks already read are finished and
 * yielded first, then the error is thrown.
 */
export async function* orderedChunks<T, R>(
  input: AsyncIterable<T> | Iterable<T>,
  opts: { chunkSize: number; concurrency: number },
  run: (chunk: T[]) => Promise<R[]>,
): AsyncGenerator<R[]> {
  const source = Symbol.asyncIterator in input ? input[Symbol.asyncIterator]() : fromSync(input);
  const inflight: Promise<R[]>[] = [];
  let exhausted = false;
  let readError: unknown;
  let yielded = false;

  const readChunk = async (): Promise<T[] | undefined> => {
    const chunk: T[] = [];
    while (chunk.length < opts.chunkSize) {
      let r: IteratorResult<T>;
      try {
        r = await source.next();
      } catch (err) {
        readError = err;
        break;
      }
      if (r.done) {
        exhausted = true;
        break;
      }
      chunk.push(r.value);
    }
    return chunk.length ? chunk : undefined;
  };

  try {
    for (;;) {
      while (!exhausted && readError === undefined && inflight.length < opts.concurrency) {
        const chunk = await readChunk();
        if (readError !== undefined && !yielded) throw readError;
        if (!chunk) break;
        const p = run(chunk);
        p.catch(() => undefined);
        inflight.push(p);
      }
      const head = inflight.shift();
      if (!head) break;
      const results = await head;
      yielded = true;
      yield results;
    }
    if (readError !== undefined) throw readError;
  } finally {
    await Promise.allSettled(inflight);
    await source.return?.();
  }
}

function fromSync<T>(input: Iterable<T>): AsyncIterator<T> {
  const it = input[Symbol.iterator]();
  return { next: async () => it.next() };
}
