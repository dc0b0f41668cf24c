import { setImmediate as yieldToLoop } from 'node:timers/promises';

/**
 * Runs a producer ahead of its consumer, up to `max` items, so CPU work (normalising the next
 * records) overlaps with I/O the consumer waits on (Elasticsearch indexing the previous batch).
 * The producer yields to the event loop every `every` items so responses are not starved.
 * Errors of the producer surface to the consumer.
 */
export async function* prefetch<T>(source: AsyncIterable<T>, max: number, every = 64): AsyncGenerator<T> {
  const queue: T[] = [];
  let done = false;
  let failure: { error: unknown } | undefined;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;
  const notify = () => {
    wakeConsumer?.();
    wakeConsumer = undefined;
  };
  let stopped = false;
  const producer = (async () => {
    let n = 0;
    try {
      for await (const item of source) {
        if (stopped) break;
        queue.push(item);
        notify();
        if (++n % every === 0) await yieldToLoop();
        while (queue.length >= max && !stopped) await new Promise<void>((r) => (wakeProducer = r));
      }
    } catch (error) {
      failure = { error };
    } finally {
      done = true;
      notify();
    }
  })();
  try {
    for (;;) {
      if (queue.length) {
        const item = queue.shift() as T;
        if (queue.length < max) {
          wakeProducer?.();
          wakeProducer = undefined;
        }
        yield item;
        continue;
      }
      if (failure) throw failure.error;
      if (done) break;
      await new Promise<void>((r) => (wakeConsumer = r));
    }
  } finally {
    stopped = true;
    wakeProducer?.();
    await producer;
  }
}
