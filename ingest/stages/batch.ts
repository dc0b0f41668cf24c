import type { Logger } from '../../src/logger.js';
import { CanonicalRecord } from '../../src/schemas/record.js';
import type { StoredMeta } from '../images/index.js';
import { documentJson, type DocumentDeps } from '../normalise/document.js';
import { imageDocFields } from '../normalise/img-fields.js';
import type { Normalised } from '../normalise/record-base.js';
import { recordJsonAndHash } from '../normalise/stable-json.js';
import { countWarnings, describeWarning, type IngestReport, type RecordReason } from '../report.js';
import type { BulkOp } from '../sink/bulk.js';
import type { IndexWriter } from '../sink/writer.js';
import { processImages, type ImageStageOptions } from './images.js';

/**
 * One batch of normalised records through validate → images → document → write decision.
 * Yields the bulk operations for the records that are new or changed.
 */

export interface BatchContext {
  report: IngestReport;
  writer: IndexWriter;
  images: ImageStageOptions;
  deps: DocumentDeps;
  log: Logger;
  /** Ids already seen in this run, with where. */
  seen: Map<string, string>;
  /** Report entries by record id (to mark ES rejections later). */
  entries: Map<string, RecordReason>;
  batchNo: number;
}

export interface Pending {
  item: Normalised;
  at: string;
}

export function reject(ctx: BatchContext, at: string | undefined, id: string | undefined, reasons: string[]): void {
  const r = ctx.report;
  r.rejected++;
  const entry: RecordReason = { ...(id ? { id } : {}), ...(at ? { at } : {}), outcome: 'rejected', reasons };
  r.records.push(entry);
  if (id) ctx.entries.set(id, entry);
}

export async function* processBatch(ctx: BatchContext, batch: Pending[]): AsyncGenerator<BulkOp> {
  const t0 = Date.now();
  const r = ctx.report;
  const before = { indexed: r.stages.bulk.ok, unchanged: r.unchanged, rejected: r.rejected };
  const valid: Pending[] = [];
  for (const p of batch) {
    const rec = p.item.record;
    const prior = ctx.seen.get(rec.id);
    if (prior !== undefined) {
      r.stages.validate.failed++;
      reject(ctx, p.at, rec.id, [`DUPLICATE_ID: id ${rec.id} already used in this run (${prior})`]);
      continue;
    }
    ctx.seen.set(rec.id, p.at);
    const v = CanonicalRecord.safeParse(rec);
    if (!v.success) {
      r.stages.validate.failed++;
      reject(ctx, p.at, rec.id, v.error.issues.map((i) => `INVALID_RECORD (${i.path.join('.')}): ${i.message}`));
      continue;
    }
    r.stages.validate.ok++;
    valid.push({ item: { record: v.data, images: p.item.images }, at: p.at });
  }
  const imgBefore = { ...r.images };
  const metas = await processImages(valid.map((v) => v.item), ctx.images, r.images);
  const imgOk = r.images.processed + r.images.reused - imgBefore.processed - imgBefore.reused;
  r.stages.images.ok += imgOk;
  r.stages.images.failed += r.images.failed + r.images.missing - imgBefore.failed - imgBefore.missing;
  r.stages.images.skipped += valid.filter((v) => !v.item.images.length).length;
  for (const { item, at } of valid) {
    const rec = item.record;
    countWarnings(r, rec.warnings);
    const { json, hash } = recordJsonAndHash(rec);
    const write = ctx.writer.needsWrite(rec.id, hash);
    if (rec.warnings.length) {
      const entry: RecordReason = { id: rec.id, at, outcome: write ? 'indexed' : 'unchanged', reasons: rec.warnings.map(describeWarning) };
      r.records.push(entry);
      ctx.entries.set(rec.id, entry);
    }
    if (!write) {
      r.unchanged++;
      r.stages.bulk.skipped++;
      continue;
    }
    const described = (metas.get(item) ?? []).map((m: StoredMeta) => ({ sha256: m.sha256, descriptors: m.descriptors }));
    yield { op: 'index', id: rec.id, body: documentJson(rec, ctx.deps, imageDocFields(described), hash, json) };
  }
  ctx.log.info(
    {
      batch: ctx.batchNo,
      records: batch.length,
      valid: valid.length,
      rejected: r.rejected - before.rejected,
      unchanged: r.unchanged - before.unchanged,
      indexedSoFar: r.stages.bulk.ok,
      images: { ok: imgOk, failed: r.images.failed - imgBefore.failed, missing: r.images.missing - imgBefore.missing },
      ms: Date.now() - t0,
    },
    'ingest batch',
  );
}
