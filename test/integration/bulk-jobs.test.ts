import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ndjsonResults, send } from '../../src/bulk/client/api.js';
import type { BulkResult } from '../../src/bulk/result.js';
import { indexNames } from '../../src/config.js';
import type { Es } from '../../src/es/client.js';
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

type Job = { id: string; status: string; rows_total: number; rows_done: number; counts: Record<string, number>; rate: number | null; eta_s: number | null; errors: unknown[] };

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
    const results = await resultsOf(app, id);
    expect(results.map((r) => r.row)).toEqual(Array.from({ length: 301 }, (_, i) => i + 1));
    const csvOut = await app.inject({ url: `/v1/bulk-jobs/${id}/results`, headers: { accept: 'text/csv' } });
    expect(csvOut.headers['content-type']).toContain('text/csv');
    expect(csvOut.body.trim().split('\r\n').length).toBe(302);
  });

  it('finishes every row exactly once after the app is closed mid-job and a new one starts', async () => {
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

    const b = await appWith({ pollMs: 50 });
    const job = await until(b, id, (j) => j.status === 'done');
    await expectExactlyOnce(b, job);
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
    await es.indices.refresh({ index: [names.jobs, names.jobRows] });
    const failed = await es.search<{ id: string; failure?: { reason: string } }>({ index: names.jobs, query: { term: { status: 'failed' } } });
    expect(failed.hits.hits.length).toBe(1);
    const id = failed.hits.hits[0]!._source!.id;
    expect(failed.hits.hits[0]!._source!.failure?.reason).toMatch(/BULK_MAX_ROWS/);
    expect((await es.count({ index: names.jobRows, query: { term: { job: id } } })).count).toBe(0);
  });

  it('answers 404 for an unknown job and deletes a job with its rows', async () => {
    const app = await appWith({ runner: false });
    expect((await app.inject({ url: '/v1/bulk-jobs/nosuchjob' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/v1/bulk-jobs/bad!id' })).statusCode).toBe(400);
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
