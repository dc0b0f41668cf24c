import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { ImageRef } from '../../src/schemas/record.js';
import { ImageStore, isImageError, mapLimitSettled, probeAndProcess, type ImageLimits, type StoredMeta } from '../images/index.js';
import type { Normalised } from '../normalise/record-base.js';
import { warning } from '../normalise/record-base.js';

/**
 * The image stage: every image a record names is read, checked, processed (derivatives and
 * descriptors) and stored content-addressed, with bounded concurrency. Bytes already in the store
 * are not decoded again. A missing, corrupt, oversized or remote image becomes a warning on its
 * record, never a lost record.
 */

export interface ImageCounts {
  processed: number;
  /** Already in the store: reused without decoding. */
  reused: number;
  failed: number;
  missing: number;
}

export interface ImageStageOptions {
  store: ImageStore;
  limits: ImageLimits;
  concurrency: number;
}

type Job = { item: Normalised; index: number; path: string; source: string };

export async function processImages(items: Normalised[], opts: ImageStageOptions, counts: ImageCounts): Promise<Map<Normalised, StoredMeta[]>> {
  const jobs: Job[] = [];
  const out = new Map<Normalised, StoredMeta[]>();
  for (const item of items) {
    item.images.forEach((img, index) => {
      if (img.path === undefined) {
        counts.missing++;
        item.record.warnings.push(warning('images', 'IMAGE_REMOTE', 'remote images are not fetched; keep a local copy beside the source', img.source));
      } else jobs.push({ item, index, path: img.path, source: img.source });
    });
  }
  const inflight = new Map<string, Promise<{ meta: StoredMeta; reused: boolean }>>();
  const results = await mapLimitSettled(jobs, opts.concurrency, (job) => one(job.path, opts, inflight));
  const refs = new Map<Normalised, { index: number; ref: ImageRef; meta: StoredMeta }[]>();
  results.forEach((r, i) => {
    const job = jobs[i] as Job;
    if (r.status === 'fulfilled') {
      if (r.value.reused) counts.reused++;
      else counts.processed++;
      const m = r.value.meta;
      const ref: ImageRef = { sha256: m.sha256, width: m.width, height: m.height, format: m.format, source: job.source };
      refs.set(job.item, [...(refs.get(job.item) ?? []), { index: job.index, ref, meta: m }]);
      return;
    }
    const err = r.reason as unknown;
    const code = isImageError(err) ? err.code : 'IMAGE_DECODE_FAILED';
    if (code === 'IMAGE_MISSING') counts.missing++;
    else counts.failed++;
    // Messages name the file as the source gives it, never the absolute path: a copy of the same
    // source in another folder must produce the same record (and content hash).
    const message = (err instanceof Error ? err.message : String(err)).split(job.path).join(job.source);
    job.item.record.warnings.push(warning('images', code, message, job.source));
  });
  for (const [item, list] of refs) {
    list.sort((a, b) => a.index - b.index);
    item.record.images = list.map((x) => x.ref);
    out.set(item, list.map((x) => x.meta));
  }
  return out;
}

/** One image; the same bytes named twice in a batch are processed once (`inflight` by sha256). */
async function one(
  path: string,
  opts: ImageStageOptions,
  inflight: Map<string, Promise<{ meta: StoredMeta; reused: boolean }>>,
): Promise<{ meta: StoredMeta; reused: boolean }> {
  const size = await stat(path).then((s) => (s.isFile() ? s.size : -1), () => -1);
  if (size < 0 || size > opts.limits.maxBytes) {
    // Missing or too large: the image module reports it with its own code and message.
    const processed = await probeAndProcess(path, opts.limits);
    return { meta: strip(processed), reused: false };
  }
  const bytes = await readFile(path);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const pending = inflight.get(sha);
  if (pending) return { meta: (await pending).meta, reused: true };
  const work = (async () => {
    const known = await opts.store.meta(sha);
    if (known) return { meta: known, reused: true };
    const processed = await probeAndProcess(bytes, opts.limits);
    await opts.store.put(processed, bytes);
    return { meta: strip(processed), reused: false };
  })();
  inflight.set(sha, work);
  return work;
}

function strip(p: StoredMeta & { thumbnail?: Buffer; display?: Buffer }): StoredMeta {
  const { thumbnail: _t, display: _d, ...meta } = p;
  return meta;
}
