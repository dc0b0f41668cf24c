import type { Es } from '../../src/es/client.js';
import type { DeadLetters } from './dead-letters.js';

/**
 * Bulk writes through the client's bulk helper. The helper retries documents answered 429;
 * documents answered 5xx are retried here in further rounds; whole requests are retried by the
 * transport (502/503/504, connection errors). What is still refused goes to the dead letters and
 * to `onRejected`, and the run goes on.
 */

export type BulkOp =
  | { op: 'index'; id: string; /** pre-serialised document */ body: string }
  | { op: 'delete'; id: string };

export interface BulkTuning {
  flushBytes: number;
  concurrency: number;
  /** Per-document retry rounds for 429 (by the helper) and for 5xx (here). */
  retries: number;
  waitMs: number;
}

/**
 * 4 MB requests (about 1,200 Walters documents: big enough to amortise a request, small for the
 * node's 768 MB heap), two in flight (two cores: one request is indexed while the next is built).
 */
export const DEFAULT_TUNING: BulkTuning = { flushBytes: 4 * 1024 * 1024, concurrency: 2, retries: 3, waitMs: 1000 };

export interface BulkResult {
  ok: number;
  failed: number;
  retried: number;
}

export interface BulkHooks {
  deadLetters?: DeadLetters | undefined;
  onRejected?: (id: string, op: BulkOp['op'], reason: string) => void;
  onFlush?: (ok: number) => void;
}

export async function runBulk(
  es: Es,
  index: string,
  source: AsyncIterable<BulkOp> | BulkOp[],
  tuning: BulkTuning = DEFAULT_TUNING,
  hooks: BulkHooks = {},
): Promise<BulkResult> {
  const result: BulkResult = { ok: 0, failed: 0, retried: 0 };
  let pending: AsyncIterable<BulkOp> | BulkOp[] = source;
  for (let round = 0; ; round++) {
    const retry: BulkOp[] = [];
    const stats = await es.helpers.bulk<BulkOp>({
      datasource: Array.isArray(pending) ? pending : each(pending),
      onDocument: (o) => (o.op === 'delete' ? { delete: { _index: index, _id: o.id } } : [{ index: { _index: index, _id: o.id } }, o.body]),
      flushBytes: tuning.flushBytes,
      concurrency: tuning.concurrency,
      retries: tuning.retries,
      wait: tuning.waitMs,
      refreshOnCompletion: false,
      onFlush: (s) => hooks.onFlush?.(s.successful),
      onDrop: (d) => {
        const op = opOfDrop(d.operation as unknown as Record<string, { _id?: string } | undefined>, d.document);
        const id = op.id;
        if (d.status >= 500 && round < tuning.retries) {
          retry.push(op);
          return;
        }
        if (d.status === 404 && op.op === 'delete') return; // already gone
        const reason = `${d.status} ${d.error?.type ?? ''}: ${d.error?.reason ?? 'rejected'}`.trim();
        hooks.deadLetters?.write({ id, index, status: d.status, error: d.error, document: d.document });
        hooks.onRejected?.(id, op.op, reason);
        result.failed++;
      },
    });
    result.ok += stats.successful;
    result.retried += stats.retry + retry.length;
    if (!retry.length) return result;
    await new Promise((r) => setTimeout(r, tuning.waitMs * (round + 1)));
    pending = retry;
  }
}

/**
 * The operation a dropped item came from, rebuilt from what the helper hands back (the action and
 * the parsed document), so no operation has to be kept while it is in flight: keeping them would
 * hold every document of a run in memory and make each garbage collection copy them.
 */
export function opOfDrop(action: Record<string, { _id?: string } | undefined>, document: unknown): BulkOp {
  const kind = Object.keys(action)[0];
  const id = String(action[kind ?? '']?._id ?? '');
  return kind === 'delete' ? { op: 'delete', id } : { op: 'index', id, body: JSON.stringify(document) };
}

/** An async generator over the source, the form of stream the helper takes. */
async function* each(source: AsyncIterable<BulkOp>): AsyncGenerator<BulkOp> {
  yield* source;
}
