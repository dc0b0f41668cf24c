import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, type Config } from '../../src/config.js';
import { createEs, type Es } from '../../src/es/client.js';
import { createLogger } from '../../src/logger.js';
import { ingest } from '../../ingest/pipeline.js';
import { DEFAULT_TUNING } from '../../ingest/sink/bulk.js';
import { createVersionedIndex, indexDefinition } from '../../ingest/sink/indices.js';
import { openSource } from '../../ingest/sources/index.js';
import { CanonicalRecord } from '../../src/schemas/record.js';
import { buildDocument } from '../../ingest/normalise/document.js';
import { defaultParsers, documentDeps } from '../../ingest/normalise/parsers.js';
import { DISPLAY_SIZE, probeAndProcess, THUMB_SIZE } from '../../ingest/images/index.js';
import { sharp } from '../../ingest/images/sharp.js';

/**
 * Ingest benchmark, two parts, each against a baseline measured in the same run:
 * 1. our pipeline (read, normalise, validate, documents, bulk, alias swap) on the 15,252 Walters
 *    records into a fresh index, against plain `es.bulk` calls of the same prepared documents into
 *    another fresh index with the same settings (refresh off while loading, same request size and
 *    concurrency, final refresh). Target: pipeline ≥ 0.85x raw.
 * 2. our image processing (`probeAndProcess`: checks, auto-orient, two WebP derivatives, perceptual
 *    hashes) against sharp doing the same two resizes alone, on the fixture photographs.
 * Rounds alternate (raw, pipeline, raw, pipeline) and the best of each counts: the machine is shared.
 */

const WALTERS = 'ingest/sample/walters/walters_objects_2015.jsonl.gz';
const PROFILE = 'ingest/profiles/walters.json';

export interface IngestBench {
  docs: number;
  rawDocsPerS: number;
  pipelineDocsPerS: number;
  ratio: number;
  images: { files: number; oursMs: number; sharpMs: number; ratio: number };
}

async function prepare(): Promise<{ id: string; doc: Record<string, unknown> }[]> {
  const source = await openSource({ path: WALTERS, profile: PROFILE, parsers: defaultParsers });
  const out: { id: string; doc: Record<string, unknown> }[] = [];
  for await (const unit of source.units()) {
    if (!unit.ok) continue;
    const r = unit.normalise();
    if (!r.ok) continue;
    for (const item of r.records) {
      const rec = CanonicalRecord.parse(item.record);
      out.push({ id: rec.id, doc: buildDocument(rec, documentDeps) });
    }
  }
  return out;
}

async function rawBulk(es: Es, prefix: string, docs: { id: string; doc: Record<string, unknown> }[]): Promise<number> {
  // Cutting the prepared documents into requests of the pipeline's size is not timed; creating
  // the index, sending, restoring refresh and refreshing are, as for the pipeline.
  const alias = `${prefix}-raw-objects`;
  const batches: { id: string; doc: Record<string, unknown> }[][] = [];
  let batch: typeof docs = [];
  let bytes = 0;
  for (const d of docs) {
    batch.push(d);
    bytes += JSON.stringify(d.doc).length;
    if (bytes >= DEFAULT_TUNING.flushBytes) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) batches.push(batch);
  const t0 = performance.now();
  const index = await createVersionedIndex(es, alias, 'objects', { settings: { refresh_interval: '-1' } });
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const b = batches[next++] ?? [];
      const r = await es.bulk({ operations: b.flatMap((d) => [{ index: { _index: index, _id: d.id } }, d.doc]) });
      if (r.errors) throw new Error('raw bulk: some documents were refused');
    }
  };
  await Promise.all(Array.from({ length: DEFAULT_TUNING.concurrency }, worker));
  await es.indices.putSettings({ index, settings: { refresh_interval: indexDefinition('objects').settings.refresh_interval ?? '1s' } });
  await es.indices.refresh({ index });
  const ms = performance.now() - t0;
  await es.indices.delete({ index });
  return ms;
}

async function pipeline(config: Config, es: Es, prefix: string): Promise<number> {
  const c = Object.freeze({ ...config, INDEX_PREFIX: prefix, DATA_DIR: join(config.DATA_DIR, 'bench') });
  const t0 = performance.now();
  const report = await ingest(c, es, createLogger('silent'), { path: WALTERS, profile: PROFILE, full: true });
  const ms = performance.now() - t0;
  if (report.indexed !== 15_252) throw new Error(`pipeline indexed ${report.indexed} records`);
  await dropIndices(es, `${prefix}-*`);
  return ms;
}

/** Deletes the indices matching a pattern by name (wildcard deletes may be refused by the node). */
async function dropIndices(es: Es, pattern: string): Promise<void> {
  const names = Object.keys(await es.indices.get({ index: pattern, expand_wildcards: 'all', allow_no_indices: true, ignore_unavailable: true }));
  if (names.length) await es.indices.delete({ index: names });
}

async function imageFiles(): Promise<string[]> {
  const dirs = ['test/fixtures/images/sharp_exif_orientation', 'test/fixtures/images/pdq_threatexchange/bridge-mods', 'test/fixtures/images/image_match_monalisa'];
  const out: string[] = [];
  for (const d of dirs) for (const f of await readdir(d)) if (/\.(jpe?g|png)$/i.test(f)) out.push(join(d, f));
  return out;
}

async function images(config: Config): Promise<IngestBench['images']> {
  const files = await imageFiles();
  const bufs = await Promise.all(files.map((f) => readFile(f)));
  const limits = { maxBytes: config.IMAGE_MAX_BYTES, maxPixels: config.IMAGE_MAX_PIXELS };
  const best = { ours: Infinity, sharp: Infinity };
  for (let round = 0; round < 2; round++) {
    let t = performance.now();
    for (const b of bufs) {
      const img = sharp(b, { autoOrient: true, pages: 1 });
      await Promise.all([
        img.clone().resize(DISPLAY_SIZE, DISPLAY_SIZE, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toBuffer(),
        img.clone().resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toBuffer(),
      ]);
    }
    best.sharp = Math.min(best.sharp, performance.now() - t);
    t = performance.now();
    for (const b of bufs) await probeAndProcess(b, limits);
    best.ours = Math.min(best.ours, performance.now() - t);
  }
  return { files: files.length, oursMs: Math.round(best.ours), sharpMs: Math.round(best.sharp), ratio: best.sharp / best.ours };
}

export async function benchIngest(config: Config, es: Es, rounds = 2): Promise<IngestBench> {
  const docs = await prepare();
  const prefix = `bench-ingest-${process.pid}`;
  let raw = Infinity;
  let ours = Infinity;
  try {
    for (let i = 0; i < rounds; i++) {
      raw = Math.min(raw, await rawBulk(es, prefix, docs));
      ours = Math.min(ours, await pipeline(config, es, `${prefix}-p${i}`));
    }
  } finally {
    await dropIndices(es, `${prefix}*`);
  }
  const n = docs.length;
  const result: IngestBench = {
    docs: n,
    rawDocsPerS: Math.round((n * 1000) / raw),
    pipelineDocsPerS: Math.round((n * 1000) / ours),
    ratio: raw / ours,
    images: await images(config),
  };
  console.log(`ingest: ${n} Walters records`);
  console.log(`  raw _bulk of prepared documents: ${result.rawDocsPerS} docs/s (${Math.round(raw)} ms)`);
  console.log(`  our pipeline (read → index, alias swap): ${result.pipelineDocsPerS} docs/s (${Math.round(ours)} ms)`);
  console.log(`  ratio pipeline/raw: ${result.ratio.toFixed(2)}x (target ≥ 0.85x)`);
  const im = result.images;
  console.log(`images: ${im.files} photographs; sharp resizes alone ${im.sharpMs} ms, our processing (checks, derivatives, hashes) ${im.oursMs} ms; ratio ${im.ratio.toFixed(2)}x`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const config = loadConfig();
  if (!config.ELASTICSEARCH_URL) {
    console.error('bench ingest: set ELASTICSEARCH_URL (npm run bench provides it)');
    process.exit(1);
  }
  const es = createEs({ url: config.ELASTICSEARCH_URL, requestTimeoutMs: 120_000, maxRetries: 5 });
  try {
    const r = await benchIngest(config, es);
    process.exitCode = r.ratio >= 0.85 ? 0 : 1;
  } finally {
    await es.close();
  }
}
