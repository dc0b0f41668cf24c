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
    const byId = new Map<string, BulkOp>();
    const iterator = tracked(pending, byId);
    const stats = await es.helpers.bulk<BulkOp>({
      datasource: iterator,
      onDocument: (o) => (o.op === 'delete' ? { delete: { _index: index, _id: o.id } } : [{ index: { _index: index, _id: o.id } }, o.body]),
      flushBytes: tuning.flushBytes,
      concurrency: tuning.concurrency,
      retries: tuning.retries,
      wait: tuning.waitMs,
      refreshOnCompletion: false,
      onFlush: (s) => hooks.onFlush?.(s.successful),
      onDrop: (d) => {
        const action = d.operation as unknown as Record<string, { _id?: string }>;
        const id = String(Object.values(action)[0]?._id ?? '');
        const op = byId.get(id);
        if (d.status >= 500 && op && round < tuning.retries) {
          retry.push(op);
          return;
        }
        if (d.status === 404 && op?.op === 'delete') return; // already gone
        const reason = `${d.status} ${d.error?.type ?? ''}: ${d.error?.reason ?? 'rejected'}`.trim();
        hooks.deadLetters?.write({ id, index, status: d.status, error: d.error, document: d.document });
        hooks.onRejected?.(id, op?.op ?? 'index', reason);
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

/** Keeps the ops in flight addressable by id (for retries), dropping them as the map grows. */
async function* tracked(source: AsyncIterable<BulkOp> | BulkOp[], byId: Map<string, BulkOp>): AsyncGenerator<BulkOp> {
  for await (const op of source) {
    byId.set(op.id, op);
    if (byId.size > 20_000) byId.delete(byId.keys().next().value as string);
    yield op;
  }
}
