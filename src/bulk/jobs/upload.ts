import { randomBytes } from 'node:crypto';
import type { InputKind, InputRow } from '../fields.js';
import type { BulkLimits } from '../limits.js';
import type { Mapping } from '../mapping.js';
import { readRows } from '../rows.js';
import { emptyCounts, ERRORS_SAMPLE_MAX, type ErrorSample, type JobDoc, type JobStore } from './store.js';

/**
 * `POST /v1/bulk-jobs`: the upload is parsed as it streams in and its rows are written to the rows
 * index in chunks (memory stays flat), then the job is queued for the runner. Rows the parser
 * already rejected are stored with their error and answered as such by the runner. If the upload
 * fails (a limit, a broken connection), the job is marked failed and its rows are removed.
 */

export const UPLOAD_CHUNK = 500;

export const newJobId = () => randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');

export interface UploadOptions {
  kind: InputKind;
  mapping: Mapping;
  k: number;
  lang: string;
  limits: BulkLimits;
  fileName?: string;
  /** Told when a job was queued, so the runner starts without waiting for its next poll. */
  onQueued?: (id: string) => void;
}

async function* counted(source: AsyncIterable<Uint8Array | string>, total: { bytes: number }): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of source) {
    total.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    yield chunk;
  }
}

export async function uploadJob(store: JobStore, source: AsyncIterable<Uint8Array | string>, o: UploadOptions): Promise<JobDoc> {
  await store.ensure();
  const now = new Date().toISOString();
  const doc: JobDoc = {
    id: newJobId(),
    status: 'receiving',
    kind: o.kind,
    k: o.k,
    lang: o.lang,
    mapping: o.mapping,
    ...(o.fileName ? { file_name: o.fileName } : {}),
    bytes: 0,
    rows_total: 0,
    rows_done: 0,
    rows_processed: 0,
    processing_ms: 0,
    counts: emptyCounts(),
    errors_sample: [],
    failures: 0,
    created_at: now,
    updated_at: now,
  };
  await store.put(doc);
  const size = { bytes: 0 };
  let written = 0;
  let batch: InputRow[] = [];
  const sample: ErrorSample[] = [];
  try {
    for await (const row of readRows(counted(source, size), { kind: o.kind, mapping: o.mapping, limits: o.limits })) {
      batch.push(row);
      if (row.error && sample.length < ERRORS_SAMPLE_MAX) sample.push({ row: row.row, ref: row.ref, ...row.error });
      if (batch.length >= UPLOAD_CHUNK) {
        await store.appendRows(doc.id, batch);
        written += batch.length;
        batch = [];
      }
    }
    await store.appendRows(doc.id, batch);
    written += batch.length;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await store.update(doc.id, { status: 'failed', failure: { reason: `upload failed: ${reason}` }, bytes: size.bytes }).catch(() => undefined);
    await store.deleteRows(doc.id, written + batch.length).catch(() => undefined);
    throw err;
  }
  const status = written === 0 ? 'done' : 'queued';
  const patch: Partial<JobDoc> = {
    status,
    rows_total: written,
    bytes: size.bytes,
    errors_sample: sample,
    ...(status === 'done' ? { finished_at: new Date().toISOString() } : {}),
  };
  await store.update(doc.id, patch);
  if (status === 'queued') o.onQueued?.(doc.id);
  return { ...doc, ...patch };
}
