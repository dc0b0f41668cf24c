import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ndjsonResults, send } from '../../src/bulk/client/api.js';
import type { BulkResult } from '../../src/bulk/result.js';
import { JobStore } from '../../src/bulk/jobs/store.js';
import { indexNames } from '../../src/config.js';
import type { Es } from '../../src/es/client.js';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { inventoryCsv, loadSampleLists, startChildApi } from '../fixtures/bulk/support.js';
import { dropPrefix, esUrl, quietLogger, testConfig, testEs, uniquePrefix } from '../helpers/es.js';

/** Bulk jobs: stored rows, a runner in the API process, resumption after the API is stopped or killed. */

const prefix = uniquePrefix('bulk-jobs');
const names = indexNames(prefix);
let es: Es;
const apps: FastifyInstance[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function appWith(bulk: { runner?: boolean; pollMs?: number; leaseMs?: number }, env: Record<string, string> = {}) {
  const app = await buildApp(testConfig(prefix, env), { es, logger: quietLogger(), bulk });
  apps.push(app);
  await app.ready();
  return app;
}

type Job = {
  id: string;
  status: string;
  rows_total: number;
  rows_done: number;
  counts: Record<string, number>;
  rate: number | null;
  eta_s: number | null;
  errors: unknown[];
  dataset_version: string | null;
  dataset_versions: string[];
};

/** The objects index behind the alias and its `_meta` (the ingest's dataset version). */
async function objectsMeta(): Promise<{ index: string; meta: Record<string, unknown> }> {
  const res = await es.indices.getMapping({ index: names.objects });
  const [index, def] = Object.entries(res)[0]!;
  return { index, meta: (def.mappings._meta ?? {}) as Record<string, unknown> };
}

const versionOf = (r: BulkResult) => ('error' in r ? null : r.dataset_version);

async function status(app: FastifyInstance, id: string): Promise<Job> {
  const res = await app.inject({ url: `/v1/bulk-jobs/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json() as Job;
}

async function until(app: FastifyInstance, id: string, done: (j: Job) => boolean, timeoutMs = 100_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const j = await status(app, id);
    if (done(j)) return j;
    if (Date.now() > deadline) throw new Error(`job ${id} stuck: ${JSON.stringify(j)}`);
    await sleep(100);
  }
}

async function resultsOf(app: FastifyInstance, id: string): Promise<BulkResult[]> {
  const res = await app.inject({ url: `/v1/bulk-jobs/${id}/results` });
  expect(res.statusCode).toBe(200);
  const out: BulkResult[] = [];
  for await (const r of ndjsonResults(Readable.from([res.body]))) out.push(r);
  return out;
}

/** Every row exactly once: results 1..n in order, n row documents for the job, all done. */
async function expectExactlyOnce(app: FastifyInstance, job: Job): Promise<void> {
  const results = await resultsOf(app, job.id);
  expect(results.map((r) => r.row)).toEqual(Array.from({ length: job.rows_total }, (_, i) => i + 1));
  expect(results.map((r) => r.ref)).toEqual(Array.from({ length: job.rows_total }, (_, i) => `R${i + 1}`));
  await es.indices.refresh({ index: names.jobRows });
  const all = await es.count({ index: names.jobRows, query: { term: { job: job.id } } });
  const done = await es.count({ index: names.jobRows, query: { bool: { filter: [{ term: { job: job.id } }, { term: { done: true } }] } } });
  expect(all.count).toBe(job.rows_total);
  expect(done.count).toBe(job.rows_total);
  const c = job.counts;
  expect((c.strong ?? 0) + (c.possible ?? 0) + (c.none ?? 0) + (c.errors ?? 0)).toBe(job.rows_total);
}

beforeAll(async () => {
  es = testEs();
  await loadSampleLists(testConfig(prefix), es);
});

// One runner at a time: each test's apps are closed before the next test starts.
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

afterAll(async () => {
  await dropPrefix(es, prefix);
  await es.close();
});

describe('bulk jobs', () => {
  it('stores the rows, runs the job, reports progress and serves the results in order', async () => {
    const app = await appWith({ pollMs: 100 });
    const csv = `${await inventoryCsv(300)}R301,"broken\n`;
    const created = await app.inject({ method: 'POST', url: '/v1/bulk-jobs?k=2&name=inventory.csv', headers: { 'content-type': 'text/csv' }, payload: csv });
    expect(created.statusCode).toBe(202);
    const { id, rows_total } = created.json() as { id: string; rows_total: number };
    expect(created.headers.location).toBe(`/v1/bulk-jobs/${id}`);
    expect(rows_total).toBe(301);
    const job = await until(app, id, (j) => j.status === 'done');
    expect(job.rows_done).toBe(301);
    expect(job.counts.errors).toBe(1);
    expect(job.errors).toEqual([expect.objectContaining({ row: 301, ref: 'R301', field: 'row' })]);
    expect(job.rate).toBeGreaterThan(0);
    expect(job.eta_s).toBe(0);
    const version = (await objectsMeta()).meta.dataset_version as string;
    expect(job.dataset_version).toBe(version);
    expect(job.dataset_versions).toEqual([version]);
    const results = await resultsOf(app, id);
    expect(results.map((r) => r.row)).toEqual(Array.from({ length: 301 }, (_, i) => i + 1));
    expect(new Set(results.slice(0, 300).map(versionOf))).toEqual(new Set([version]));
    const csvOut = await app.inject({ url: `/v1/bulk-jobs/${id}/results`, headers: { accept: 'text/csv' } });
    expect(csvOut.headers['content-type']).toContain('text/csv');
    expect(csvOut.headers['dataset-version']).toBe(version);
    const csvLines = csvOut.body.trim().split('\r\n');
    expect(csvLines.length).toBe(302);
    expect(csvLines[0]!.endsWith(',dataset_version')).toBe(true);
    expect(csvLines[1]!.endsWith(`,${version}`)).toBe(true);
  });

  it('finishes every row exactly once after the app is closed mid-job and a new one starts, naming both dataset versions when the data changed between', async () => {
    const a = await appWith({ pollMs: 50 }, { BULK_CHUNK: '25', BULK_CONCURRENCY: '1' });
    const created = await a.inject({ method: 'POST', url: '/v1/bulk-jobs', headers: { 'content-type': 'text/csv' }, payload: await inventoryCsv(1500) });
    const { id } = created.json() as { id: string };
    const mid = await until(a, id, (j) => j.rows_done >= 100);
    expect(mid.status).toBe('running');
    await a.close();
    const stopped = (await es.get<{ rows_done: number; status: string; lease_until: number }>({ index: names.jobs, id }))._source!;
    expect(stopped.status).toBe('running');
    expect(stopped.rows_done).toBeLessThan(1500);
    expect(stopped.lease_until).toBe(0);

    // The data is reloaded while the job is stopped.
    const { index, meta } = await objectsMeta();
    const before = meta.dataset_version as string;
    await es.indices.putMapping({ index, _meta: { ...meta, dataset_version: 'v-reloaded' } });
    try {
      const b = await appWith({ pollMs: 50 });
      const job = await until(b, id, (j) => j.status === 'done');
      await expectExactlyOnce(b, job);
      expect(job.dataset_versions).toEqual([before, 'v-reloaded']);
      expect(job.dataset_version).toBe('v-reloaded');
      // Each row says which data it was checked against.
      const results = await resultsOf(b, id);
      const ok = results.filter((r) => !('error' in r));
      expect(ok.filter((r) => r.row! <= stopped.rows_done).every((r) => versionOf(r) === before)).toBe(true);
      expect(ok.filter((r) => r.row! > stopped.rows_done).every((r) => versionOf(r) === 'v-reloaded')).toBe(true);
      const res = await b.inject({ url: `/v1/bulk-jobs/${id}/results?format=csv` });
      expect(res.headers['dataset-version']).toBe(`${before}, v-reloaded`);
    } finally {
      await es.indices.putMapping({ index, _meta: meta });
    }
  });

  it('finishes every row exactly once after the API process is killed mid-job', async () => {
    const child = await startChildApi({ esUrl: esUrl(), prefix, leaseMs: 2000, pollMs: 50, env: { BULK_CHUNK: '25', BULK_CONCURRENCY: '1' } });
    let id: string;
    try {
      const res = await send(`${child.url}/v1/bulk-jobs`, 'POST', { 'content-type': 'text/csv' }, Readable.from([await inventoryCsv(2000)]));
      let text = '';
      for await (const c of res) text += String(c);
      expect(res.statusCode).toBe(202);
      id = (JSON.parse(text) as { id: string }).id;
      for (;;) {
        const s = (await es.get<{ rows_done: number }>({ index: names.jobs, id }))._source!;
        if (s.rows_done >= 150) break;
        await sleep(50);
      }
    } finally {
      child.proc.kill('SIGKILL');
      await new Promise((r) => child.proc.once('exit', r));
    }
    const killed = (await es.get<{ rows_done: number; status: string }>({ index: names.jobs, id }))._source!;
    expect(killed.status).toBe('running');
    expect(killed.rows_done).toBeLessThan(2000);

    const b = await appWith({ pollMs: 100, leaseMs: 2000 });
    const job = await until(b, id, (j) => j.status === 'done');
    await expectExactlyOnce(b, job);
  });

  it('answers 413 for an upload over the row limit, marking the job failed and removing its rows', async () => {
    const app = await appWith({ runner: false }, { BULK_MAX_ROWS: '40' });
    const res = await app.inject({ method: 'POST', url: '/v1/bulk-jobs', headers: { 'content-type': 'text/csv' }, payload: await inventoryCsv(1200) });
    expect(res.statusCode).toBe(413);
    expect((res.json() as { errors: { name: string }[] }).errors[0]?.name).toBe('BULK_MAX_ROWS');
    // The advice fits a job (jobs have the same limit as a streamed check).
    expect((res.json() as { detail: string }).detail).toBe('The input has more than 40 rows (BULK_MAX_ROWS); split it into several jobs of at most 40 rows each');
    await es.indices.refresh({ index: [names.jobs, names.jobRows] });
    const failed = await es.search<{ id: string; failure?: { reason: string } }>({ index: names.jobs, query: { term: { status: 'failed' } } });
    expect(failed.hits.hits.length).toBe(1);
    const id = failed.hits.hits[0]!._source!.id;
    expect(failed.hits.hits[0]!._source!.failure?.reason).toMatch(/BULK_MAX_ROWS/);
    expect((await es.count({ index: names.jobRows, query: { term: { job: id } } })).count).toBe(0);
  });

  it('adds the dataset versions field to a jobs index created before it', async () => {
    const old = indexNames(`${prefix}-old`);
    const file = (name: string) => JSON.parse(readFileSync(new URL(`../../mappings/${name}.json`, import.meta.url), 'utf8')) as { settings: object; mappings: object };
    for (const [index, name] of [[old.jobs, 'bulk-jobs'], [old.jobRows, 'bulk-rows']] as const) {
      await es.indices.create({ index, settings: file(name).settings, mappings: file(name).mappings as never });
    }
    const store = new JobStore(es, { jobs: old.jobs, rows: old.jobRows });
    await store.ensure();
    const mapping = await es.indices.getMapping({ index: old.jobs });
    expect(mapping[old.jobs]?.mappings.properties?.dataset_versions).toEqual({ type: 'keyword' });
  });

  it('answers 404 for an unknown job and deletes a job with its rows', async () => {
    const app = await appWith({ runner: false });
    expect((await app.inject({ url: '/v1/bulk-jobs/nosuchjob' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/v1/bulk-jobs/bad!id' })).statusCode).toBe(400);
    // Unknown parameters are named, as on /v1/search.
    const unknown = await app.inject({ method: 'POST', url: '/v1/bulk-jobs?foo=1', headers: { 'content-type': 'text/csv' }, payload: 'title\nvase\n' });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { errors: unknown[] }).errors).toEqual([{ name: 'foo', reason: 'is not a known parameter' }]);
    const unknownResults = await app.inject({ url: '/v1/bulk-jobs/nosuchjob/results?limit=5' });
    expect((unknownResults.json() as { errors: unknown[] }).errors).toEqual([{ name: 'limit', reason: 'is not a known parameter' }]);
    expect((await app.inject({ url: '/v1/bulk-jobs/bad!id' })).json()).toMatchObject({ errors: [{ name: 'id', reason: 'is not a job id' }] });
    const created = await app.inject({ method: 'POST', url: '/v1/bulk-jobs', headers: { 'content-type': 'application/x-ndjson' }, payload: '{"ref":"a","title":"vase"}\n{"ref":"b","title":"icon"}\n' });
    const { id, rows_total } = created.json() as { id: string; rows_total: number };
    expect(rows_total).toBe(2);
    expect((await status(app, id)).status).toBe('queued');
    expect((await app.inject({ method: 'DELETE', url: `/v1/bulk-jobs/${id}` })).statusCode).toBe(204);
    expect((await app.inject({ url: `/v1/bulk-jobs/${id}` })).statusCode).toBe(404);
    await es.indices.refresh({ index: names.jobRows });
    expect((await es.count({ index: names.jobRows, query: { term: { job: id } } })).count).toBe(0);
  });
});
