import type { BulkResult } from '../result.js';
import type { ErrorSample, JobDoc, JobStatus, JobStore, LevelCounts } from './store.js';

/** What `GET /v1/bulk-jobs/:id` shows, and the ordered results of a job. */

export interface JobView {
  id: string;
  status: JobStatus;
  rows_total: number;
  rows_done: number;
  /** Rows checked per second while the job ran (rows resumed from a checkpoint excluded). */
  rate: number | null;
  /** Seconds left at that rate, while queued or running. */
  eta_s: number | null;
  counts: LevelCounts;
  /** The data the rows were checked against (the latest, if it changed during the job); null before any row was checked. */
  dataset_version: string | null;
  /** Every version the rows were checked against, in order: more than one if the data was reloaded during the job. */
  dataset_versions: string[];
  errors: ErrorSample[];
  k: number;
  kind: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  failure: string | null;
  results: string;
}

export function jobView(doc: JobDoc): JobView {
  const rate = doc.processing_ms > 0 && doc.rows_processed > 0 ? Math.round((doc.rows_processed / doc.processing_ms) * 1000 * 10) / 10 : null;
  const left = doc.rows_total - doc.rows_done;
  const active = doc.status === 'queued' || doc.status === 'running' || doc.status === 'receiving';
  return {
    id: doc.id,
    status: doc.status,
    rows_total: doc.rows_total,
    rows_done: doc.rows_done,
    rate,
    eta_s: active && rate ? Math.ceil(left / rate) : active ? null : 0,
    counts: doc.counts,
    dataset_version: doc.dataset_versions?.at(-1) ?? null,
    dataset_versions: doc.dataset_versions ?? [],
    errors: doc.errors_sample,
    k: doc.k,
    kind: doc.kind,
    created_at: doc.created_at,
    started_at: doc.started_at ?? null,
    finished_at: doc.finished_at ?? null,
    failure: doc.failure?.reason ?? null,
    results: `/v1/bulk-jobs/${doc.id}/results`,
  };
}

/** Results of the rows done so far, in row order, a page of row ids at a time. */
export async function* jobResults(store: JobStore, doc: JobDoc, page = 500): AsyncGenerator<BulkResult[]> {
  const last = doc.status === 'done' ? doc.rows_total : doc.rows_done;
  for (let from = 1; from <= last; from += page) {
    const rows = await store.readRows(doc.id, from, Math.min(page, last - from + 1));
    yield rows.flatMap((r) => (r.result ? [r.result] : []));
  }
}
