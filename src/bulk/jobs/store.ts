import { readFileSync } from 'node:fs';
import { isNotFound, isResponseError, type Es, type estypes } from '../../es/client.js';
import type { BulkInput, InputKind, InputRow, RowError } from '../fields.js';
import type { Level } from '../levels.js';
import type { Mapping } from '../mapping.js';
import type { BulkResult } from '../result.js';

/**
 * Persistence of bulk jobs in Elasticsearch: one document per job (`<prefix>-bulk-jobs`, id = job
 * id) and one per input row (`<prefix>-bulk-rows`, id `<job>:<row>`). A row's result overwrites its
 * row document under the same id, so re-running a row can never duplicate it. Rows are numbered
 * 1..rows_total without gaps, so they are read and paged by id (`mget`): real-time, in row order,
 * independent of refreshes. Indices come from `mappings/bulk-jobs.json` and `mappings/bulk-rows.json`.
 */

export const JOB_STATUSES = ['receiving', 'queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export type LevelCounts = Record<Level | 'errors', number>;

export interface ErrorSample {
  row: number | null;
  ref: string | null;
  field: string;
  reason: string;
}

export interface JobDoc {
  id: string;
  status: JobStatus;
  kind: InputKind;
  k: number;
  lang: string;
  mapping: Mapping;
  file_name?: string;
  bytes: number;
  rows_total: number;
  /** Checkpoint: every row up to this one has its result. */
  rows_done: number;
  /** Rows actually searched (not skipped on resume) and the time it took: the rate. */
  rows_processed: number;
  processing_ms: number;
  counts: LevelCounts;
  /** The dataset versions the rows were checked against, in the order first used (more than one if the data was reloaded during the job). */
  dataset_versions?: string[];
  errors_sample: ErrorSample[];
  failure?: { reason: string };
  failures: number;
  owner?: string;
  lease_until?: number;
  created_at: string;
  updated_at: string;
  started_at?: string;
  finished_at?: string;
}

export interface StoredRow {
  job: string;
  row: number;
  ref: string | null;
  input: BulkInput;
  input_error?: RowError;
  done: boolean;
  level?: Level | 'error';
  result?: BulkResult;
}

export interface Versioned<T> {
  doc: T;
  seq: number;
  term: number;
}

export const ERRORS_SAMPLE_MAX = 20;
export const rowId = (job: string, row: number) => `${job}:${row}`;
export const emptyCounts = (): LevelCounts => ({ strong: 0, possible: 0, none: 0, errors: 0 });

type Definition = { settings: estypes.IndicesIndexSettings; mappings: estypes.MappingTypeMapping };

const definition = (name: string): Definition => JSON.parse(readFileSync(new URL(`../../../mappings/${name}.json`, import.meta.url), 'utf8')) as Definition;

export const isConflict = (err: unknown) => isResponseError(err) && err.statusCode === 409;

export class JobStore {
  private ready: Promise<void> | undefined;

  constructor(
    readonly es: Es,
    readonly names: { jobs: string; rows: string },
  ) {}

  /** Creates both indices when missing (once per process). */
  ensure(): Promise<void> {
    this.ready ??= Promise.all([this.create(this.names.jobs, 'bulk-jobs'), this.create(this.names.rows, 'bulk-rows')]).then(
      () => undefined,
      (err: unknown) => {
        this.ready = undefined;
        throw err;
      },
    );
    return this.ready;
  }

  private async create(index: string, file: string): Promise<void> {
    const def = definition(file);
    if (await this.es.indices.exists({ index })) {
      // An index made by an earlier version gets the fields added to the mapping file since (the
      // mapping is strict); putting the fields it already has changes nothing.
      await this.es.indices.putMapping({ index, properties: def.mappings.properties ?? {} });
      return;
    }
    try {
      await this.es.indices.create({ index, settings: def.settings, mappings: def.mappings });
    } catch (err) {
      const type = (err as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;
      if (type !== 'resource_already_exists_exception') throw err;
    }
  }

  async put(doc: JobDoc): Promise<Versioned<JobDoc>> {
    const r = await this.es.index({ index: this.names.jobs, id: doc.id, document: doc, op_type: 'create', refresh: true });
    return { doc, seq: r._seq_no ?? 0, term: r._primary_term ?? 0 };
  }

  async get(id: string): Promise<Versioned<JobDoc> | undefined> {
    try {
      const r = await this.es.get<JobDoc>({ index: this.names.jobs, id });
      return r._source ? { doc: r._source, seq: r._seq_no ?? 0, term: r._primary_term ?? 0 } : undefined;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Partial update; with `expect`, only if nobody changed the job since (409 otherwise). */
  async update(id: string, patch: Partial<JobDoc>, expect?: { seq: number; term: number }): Promise<{ seq: number; term: number }> {
    const r = await this.es.update({
      index: this.names.jobs,
      id,
      doc: { ...patch, updated_at: new Date().toISOString() },
      ...(expect ? { if_seq_no: expect.seq, if_primary_term: expect.term } : {}),
      refresh: true,
    });
    return { seq: r._seq_no ?? 0, term: r._primary_term ?? 0 };
  }

  /** Jobs a runner may take, oldest first: queued ones, and running ones whose lease ran out. */
  async claimable(now: number, size = 10): Promise<Versioned<JobDoc>[]> {
    const r = await this.es.search<JobDoc>({
      index: this.names.jobs,
      size,
      seq_no_primary_term: true,
      query: {
        bool: {
          should: [
            { term: { status: 'queued' } },
            {
              bool: {
                filter: [{ term: { status: 'running' } }],
                should: [{ range: { lease_until: { lt: now } } }, { bool: { must_not: { exists: { field: 'lease_until' } } } }],
                minimum_should_match: 1,
              },
            },
          ],
          minimum_should_match: 1,
        },
      },
      sort: [{ created_at: 'asc' }, { id: 'asc' }],
    });
    return r.hits.hits.flatMap((h) => (h._source ? [{ doc: h._source, seq: h._seq_no ?? 0, term: h._primary_term ?? 0 }] : []));
  }

  async appendRows(job: string, rows: InputRow[]): Promise<void> {
    if (!rows.length) return;
    const operations = rows.flatMap((r) => [
      { index: { _index: this.names.rows, _id: rowId(job, r.row) } },
      { job, row: r.row, ref: r.ref, input: r.fields, ...(r.error ? { input_error: r.error } : {}), done: false } satisfies StoredRow,
    ]);
    await this.bulk(operations);
  }

  /** Rows `from`..`from+count-1` of a job, in order; missing ids are skipped. */
  async readRows(job: string, from: number, count: number): Promise<StoredRow[]> {
    if (count <= 0) return [];
    const ids = Array.from({ length: count }, (_, i) => rowId(job, from + i));
    const r = await this.es.mget<StoredRow>({ index: this.names.rows, ids });
    return r.docs.flatMap((d) => ('found' in d && d.found && d._source ? [d._source] : []));
  }

  async writeResults(job: string, rows: { stored: StoredRow; result: BulkResult }[]): Promise<void> {
    const operations = rows.flatMap(({ stored, result }) => [
      { index: { _index: this.names.rows, _id: rowId(job, stored.row) } },
      {
        job,
        row: stored.row,
        ref: stored.ref,
        input: stored.input,
        ...(stored.input_error ? { input_error: stored.input_error } : {}),
        done: true,
        level: 'error' in result ? 'error' : result.level,
        result,
      } satisfies StoredRow,
    ]);
    await this.bulk(operations);
  }

  /** Deletes rows 1..total of a job (there is no delete-by-query on this cluster). */
  async deleteRows(job: string, total: number, batch = 1000): Promise<void> {
    for (let from = 1; from <= total; from += batch) {
      const n = Math.min(batch, total - from + 1);
      await this.bulk(Array.from({ length: n }, (_, i) => ({ delete: { _index: this.names.rows, _id: rowId(job, from + i) } })), true);
    }
  }

  async deleteJob(id: string): Promise<void> {
    await this.es.delete({ index: this.names.jobs, id, refresh: true }).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }

  private async bulk(operations: estypes.BulkRequest['operations'], ignoreMissing = false): Promise<void> {
    const r = await this.es.bulk({ operations, refresh: false });
    if (!r.errors) return;
    const failed = r.items.map((i) => Object.values(i)[0]).find((i) => i?.error && !(ignoreMissing && i.status === 404));
    if (failed) throw new Error(`bulk write to ${this.names.rows} failed: ${failed.error?.type}: ${failed.error?.reason}`);
  }
}
