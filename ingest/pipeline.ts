import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { indexNames, type Config } from '../src/config.js';
import type { Es, estypes } from '../src/es/client.js';
import type { Logger } from '../src/logger.js';
import { ImageStore } from './images/index.js';
import type { NormalisedList } from './normalise/list-types.js';
import type { Parsers } from './normalise/parser-types.js';
import type { DocumentDeps } from './normalise/document.js';
import { newReport, type IngestReport, type RecordReason } from './report.js';
import { DEFAULT_TUNING, runBulk, type BulkOp, type BulkTuning } from './sink/bulk.js';
import { DeadLetters } from './sink/dead-letters.js';
import { aliasTargets } from './sink/indices.js';
import { IndexWriter } from './sink/writer.js';
import { openSource, type IngestSource } from './sources/index.js';
import { processBatch, reject, type BatchContext, type Pending } from './stages/batch.js';
import { prefetch } from './stages/prefetch.js';
import { writeLists } from './stages/write-lists.js';

/**
 * One ingest run: read → normalise → validate → images → bulk, streaming in batches so memory
 * stays bounded whatever the source size; then deletes (incremental) or the alias swap (full).
 */

export interface IngestProgress {
  done: number;
  total: number;
  unit: 'files' | 'bytes';
  read: number;
  indexed: number;
  rejected: number;
}

export interface IngestOptions {
  path: string;
  profile?: string | undefined;
  full?: boolean | undefined;
  sourceName?: string | undefined;
  run?: string | undefined;
  batchSize?: number | undefined;
  /** Documents prepared ahead of the bulk writer (bounded memory, overlap of CPU and I/O). */
  readAhead?: number | undefined;
  tuning?: Partial<BulkTuning> | undefined;
  /** Parsers and document helpers; default: the domain modules (`normalise/parsers.ts`). */
  parsers?: Parsers | undefined;
  documentDeps?: DocumentDeps | undefined;
  onProgress?: ((p: IngestProgress) => void) | undefined;
}

export function newRunId(): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
}

export async function ingest(config: Config, es: Es, log: Logger, opts: IngestOptions): Promise<IngestReport> {
  const started = Date.now();
  const given = opts.parsers && opts.documentDeps ? { parsers: opts.parsers, deps: opts.documentDeps } : undefined;
  const run$ = given ?? (await import('./normalise/parsers.js')).runParsers();
  const parsers = opts.parsers ?? run$.parsers;
  const deps = opts.documentDeps ?? run$.deps;
  const source = await openSource({ path: opts.path, profile: opts.profile, sourceName: opts.sourceName, parsers });
  const names = indexNames(config.INDEX_PREFIX);
  const run = opts.run ?? newRunId();
  const tuning: BulkTuning = { ...DEFAULT_TUNING, ...opts.tuning };
  const deadLetters = new DeadLetters(join(config.DATA_DIR, 'dead-letters', `${run}.ndjson`));
  const report = newReport({ run, source: source.name, kind: source.kind, path: opts.path, mode: opts.full ? 'full' : 'incremental', index: names.objects, startedAt: new Date(started).toISOString() });
  const scope = scopeQuery(source);
  const ownedLists = source.kind === 'redlist' ? await listIdsOf(es, names.objects, scope) : [];
  const entries = new Map<string, RecordReason>();
  const state: { writer?: IndexWriter } = {};
  const hooks = {
    deadLetters,
    onRejected: (id: string, op: BulkOp['op'], reason: string) => {
      if (op === 'delete') return void log.warn({ id, reason }, 'delete refused');
      state.writer?.rejected(id);
      report.stages.bulk.failed++;
      const entry = entries.get(id);
      report.rejected++;
      if (entry) {
        entry.outcome = 'rejected';
        entry.reasons.push(`ES_REJECTED: ${reason}`);
      } else report.records.push({ id, outcome: 'rejected', reasons: [`ES_REJECTED: ${reason}`] });
    },
  };
  const source$ = { name: source.name, file: source.file };
  const writer = await IndexWriter.open(es, { alias: names.objects, mapping: 'objects', full: !!opts.full, scope, source: source$, tuning, hooks, log });
  state.writer = writer;
  report.index = writer.index;
  report.carried = writer.carried;
  const ctx: BatchContext = {
    report,
    writer,
    images: { store: new ImageStore(join(config.DATA_DIR, 'images')), limits: { maxBytes: config.IMAGE_MAX_BYTES, maxPixels: config.IMAGE_MAX_PIXELS }, concurrency: config.IMAGE_CONCURRENCY },
    deps,
    log,
    seen: new Map(),
    entries,
    batchNo: 0,
  };
  const lists: NormalisedList[] = [];
  const progress = () =>
    opts.onProgress?.({ done: source.progress.done(), total: source.progress.total, unit: source.progress.unit, read: report.read, indexed: report.stages.bulk.ok, rejected: report.rejected });
  try {
    const ops = prefetch(operations(source, ctx, lists, opts.batchSize ?? 500, progress), opts.readAhead ?? 4000);
    const result = await runBulk(es, writer.index, ops, tuning, {
      ...hooks,
      onFlush: (ok) => {
        report.stages.bulk.ok = ok;
        progress();
      },
    });
    report.stages.bulk.ok = result.ok;
    report.indexed = result.ok;
    const commit = await writer.commit(result.ok);
    report.deleted = commit.deleted;
    if (commit.datasetVersion) report.datasetVersion = commit.datasetVersion;
    report.index = commit.index;
    if (source.kind === 'redlist') {
      report.lists = await writeLists(es, names.lists, lists, { full: !!opts.full, owned: ownedLists, singleFile: source.file !== undefined, tuning, hooks: { deadLetters }, log });
    }
  } catch (err) {
    await writer.abort().catch(() => {});
    throw err;
  } finally {
    await deadLetters.close();
  }
  if (deadLetters.count) report.deadLetters = deadLetters.file;
  report.durationMs = Date.now() - started;
  progress();
  return report;
}

async function* operations(source: IngestSource, ctx: BatchContext, lists: NormalisedList[], batchSize: number, progress: () => void): AsyncGenerator<BulkOp> {
  const r = ctx.report;
  let batch: Pending[] = [];
  for await (const unit of source.units()) {
    if (!unit.ok) {
      r.read++;
      r.stages.read.failed++;
      reject(ctx, unit.at, undefined, [`READ_FAILED: ${unit.error}`]);
      continue;
    }
    r.stages.read.ok++;
    let result;
    try {
      result = unit.normalise();
    } catch (err) {
      result = { ok: false as const, error: `normaliser failed: ${(err as Error).message}` };
    }
    if (!result.ok) {
      r.read++;
      r.stages.normalise.failed++;
      reject(ctx, unit.at, result.id, [`NORMALISE_FAILED: ${result.error}`]);
      continue;
    }
    r.stages.normalise.ok++;
    r.read += result.records.length;
    lists.push(...result.lists);
    for (const item of result.records) batch.push({ item, at: unit.at });
    if (batch.length >= batchSize) {
      ctx.batchNo++;
      yield* processBatch(ctx, batch);
      batch = [];
      progress();
    }
  }
  if (batch.length) {
    ctx.batchNo++;
    yield* processBatch(ctx, batch);
  }
  progress();
}

/** The documents a run owns: its source, or one file of it. */
export function scopeQuery(source: IngestSource): estypes.QueryDslQueryContainer {
  const filter: estypes.QueryDslQueryContainer[] = [{ term: { source_name: source.name } }];
  if (source.file !== undefined) filter.push({ term: { source_file: source.file } });
  return { bool: { filter } };
}

/** Ids of the lists whose records the scope holds (so lists that disappeared can be deleted). */
async function listIdsOf(es: Es, alias: string, scope: estypes.QueryDslQueryContainer): Promise<string[]> {
  if (!(await aliasTargets(es, alias)).length) return [];
  const res = await es.search({ index: alias, size: 0, query: scope, aggs: { lists: { terms: { field: 'list_id', size: 10_000 } } } });
  const agg = res.aggregations?.lists as { buckets?: { key: string }[] } | undefined;
  return (agg?.buckets ?? []).map((b) => String(b.key));
}
