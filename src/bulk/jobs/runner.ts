import { randomBytes } from 'node:crypto';
import { isUnavailable } from '../../es/client.js';
import { AppError } from '../../errors.js';
import { checkChunk, type BulkEngine } from '../execute.js';
import type { InputRow } from '../fields.js';
import { orderedChunks } from '../ordered.js';
import type { BulkResult } from '../result.js';
import { ERRORS_SAMPLE_MAX, isConflict, type JobDoc, type JobStore, type StoredRow, type Versioned } from './store.js';

/**
 * The job runner, inside the API process. It takes the oldest job that is queued (or running with
 * an expired lease: its runner died), and works through its rows in order, a batch at a time:
 * read the rows by id → `_msearch` → write each row's result under the row's own id → checkpoint
 * `rows_done`, the counts and the dataset versions the rows were checked against on the job with
 * optimistic concurrency, renewing its lease.
 *
 * Exactly once: a row's result always lands on `<job>:<row>`, so a batch redone after a crash
 * overwrites rather than duplicates; rows found already done (written after the last checkpoint)
 * are not searched again and are counted from their stored result. A checkpoint that conflicts
 * means another runner took the job (or it was cancelled): this runner drops it.
 *
 * `stop()` finishes the batch in hand, checkpoints it and releases the lease, so the next process
 * resumes at once. After a crash the job resumes when its lease expires (`leaseMs`).
 */

/** The logging the runner needs (pino and Fastify loggers fit). */
export interface RunnerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RunnerOptions {
  store: JobStore;
  engine: BulkEngine;
  log: RunnerLog;
  pollMs?: number;
  leaseMs?: number;
}

/** Outages and a missing objects index are waited out; other errors count towards failing the job. */
const transient = (err: unknown) => isUnavailable(err) || (err instanceof AppError && err.status === 503);

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export class JobRunner {
  readonly owner = `runner-${randomBytes(6).toString('hex')}`;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private stopping = false;
  private idle = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly o: RunnerOptions) {
    this.pollMs = o.pollMs ?? 1000;
    this.leaseMs = o.leaseMs ?? 30_000;
  }

  start(): void {
    this.loop ??= this.run().catch((err: unknown) => this.o.log.error({ err }, 'bulk job runner stopped'));
  }

  /** Looks for work now instead of at the next poll. */
  wake(): void {
    this.idle.abort();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.idle.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    let backoff = this.pollMs;
    while (!this.stopping) {
      let worked = false;
      try {
        await this.o.store.ensure();
        const job = await this.claim();
        if (job) {
          worked = true;
          await this.process(job);
        }
        backoff = this.pollMs;
      } catch (err) {
        this.o.log[isUnavailable(err) ? 'warn' : 'error']({ err }, 'bulk job runner: retrying after an error');
        backoff = Math.min(backoff * 2, 30_000);
      }
      if (!worked && !this.stopping) {
        this.idle = new AbortController();
        await sleep(backoff, this.idle.signal);
      }
    }
  }

  private async claim(): Promise<Versioned<JobDoc> | undefined> {
    for (const cand of await this.o.store.claimable(Date.now())) {
      const now = new Date().toISOString();
      const patch: Partial<JobDoc> = {
        status: 'running',
        owner: this.owner,
        lease_until: Date.now() + this.leaseMs,
        ...(cand.doc.started_at ? {} : { started_at: now }),
      };
      try {
        const v = await this.o.store.update(cand.doc.id, patch, cand);
        this.o.log.info({ job: cand.doc.id, from: cand.doc.rows_done + 1, total: cand.doc.rows_total }, 'bulk job claimed');
        return { doc: { ...cand.doc, ...patch }, ...v };
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    return undefined;
  }

  private async process(claimed: Versioned<JobDoc>): Promise<void> {
    let { doc, seq, term } = claimed;
    const batchSize = this.o.engine.chunk * this.o.engine.concurrency;
    try {
      while (!this.stopping && doc.rows_done < doc.rows_total) {
        const t0 = Date.now();
        const stored = await this.o.store.readRows(doc.id, doc.rows_done + 1, Math.min(batchSize, doc.rows_total - doc.rows_done));
        const results = await this.results(stored, doc);
        const todo = stored.filter((s) => !s.done);
        await this.o.store.writeResults(doc.id, todo.map((s) => ({ stored: s, result: results.get(s.row)! })));
        const counts = { ...doc.counts };
        const sample = [...doc.errors_sample];
        const versions = [...(doc.dataset_versions ?? [])];
        for (const s of stored) {
          const r = s.done ? s.result : results.get(s.row);
          if (!r) continue;
          if ('error' in r) {
            counts.errors++;
            if (sample.length < ERRORS_SAMPLE_MAX && !sample.some((e) => e.row === r.row)) sample.push({ row: r.row, ref: r.ref, ...r.error });
          } else {
            counts[r.level]++;
            if (r.dataset_version && !versions.includes(r.dataset_version)) versions.push(r.dataset_version);
          }
        }
        const last = stored[stored.length - 1]?.row;
        if (last === undefined) throw new Error(`rows from ${doc.rows_done + 1} of job ${doc.id} are missing`);
        const done = last >= doc.rows_total;
        const patch: Partial<JobDoc> = {
          rows_done: last,
          rows_processed: doc.rows_processed + todo.length,
          processing_ms: doc.processing_ms + (Date.now() - t0),
          counts,
          ...(versions.length ? { dataset_versions: versions } : {}),
          errors_sample: sample,
          failures: 0,
          lease_until: Date.now() + this.leaseMs,
          ...(done ? { status: 'done' as const, finished_at: new Date().toISOString(), lease_until: 0 } : {}),
        };
        ({ seq, term } = await this.o.store.update(doc.id, patch, { seq, term }));
        doc = { ...doc, ...patch };
        if (done) this.o.log.info({ job: doc.id, rows: doc.rows_total, counts }, 'bulk job done');
      }
      if (doc.status === 'running') await this.o.store.update(doc.id, { lease_until: 0 }, { seq, term });
    } catch (err) {
      if (isConflict(err)) {
        this.o.log.warn({ job: doc.id }, 'bulk job changed by someone else (cancelled or taken over); dropped');
        return;
      }
      if (!transient(err)) await this.fail(doc, err, { seq, term });
      throw err;
    }
  }

  /** Results for the rows not done yet, keyed by row number. */
  private async results(stored: StoredRow[], doc: JobDoc): Promise<Map<number, BulkResult>> {
    const rows: InputRow[] = stored
      .filter((s) => !s.done)
      .map((s) => ({ row: s.row, ref: s.ref, fields: s.input, ...(s.input_error ? { error: s.input_error } : {}) }));
    const out = new Map<number, BulkResult>();
    const check = { k: doc.k, lang: doc.lang };
    for await (const chunk of orderedChunks(rows, { chunkSize: this.o.engine.chunk, concurrency: this.o.engine.concurrency }, (c) =>
      checkChunk(c, this.o.engine, check),
    )) {
      for (const r of chunk) if (r.row !== null) out.set(r.row, r);
    }
    return out;
  }

  /** After repeated failures that are not outages, the job is marked failed instead of retried forever. */
  private async fail(doc: JobDoc, err: unknown, v: { seq: number; term: number }): Promise<void> {
    const failures = doc.failures + 1;
    const reason = err instanceof Error ? err.message : String(err);
    const patch: Partial<JobDoc> =
      failures >= 3
        ? { status: 'failed', failures, failure: { reason }, lease_until: 0, finished_at: new Date().toISOString() }
        : { failures, lease_until: 0 };
    await this.o.store.update(doc.id, patch, v).catch(() => undefined);
  }
}
