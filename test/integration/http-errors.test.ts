import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { Problem } from '../../src/schemas/problem.js';
import { quietLogger, testConfig, testEs, uniquePrefix } from '../helpers/es.js';
import { dropIndices, indexRecords, record } from '../helpers/search-factory.js';
import { countryNames } from '../helpers/search-records.js';

/**
 * What the router and Node's HTTP parser refuse, through a real socket: every answer is
 * problem+json naming the parameter, and record ids as long as the index can hold are served.
 */
const es = testEs();
const prefix = uniquePrefix('http-errors');
let app: FastifyInstance;
let base: string;

/** An inventory number with a slash and spaces, repeated: 503 characters with its source. */
const LONG_ID = `walters:${'INV 1987.12/3a-'.repeat(33)}`;
/** Exactly 512 bytes, the most Elasticsearch holds in an `_id`. */
const MAX_ID = `museum:${'a'.repeat(505)}`;

beforeAll(async () => {
  await indexRecords(es, prefix, [record(LONG_ID), record(MAX_ID), record('iraq-2015:1')], { version: 'http-errors-v1', deps: { countryNames } });
  app = await buildApp(testConfig(prefix), { es, logger: quietLogger(), bulk: { runner: false } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await app?.close();
  await dropIndices(es, prefix);
  await es.close();
});

async function problem(res: Response, status: number): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const p = Problem.parse(JSON.parse(text));
  expect(p.status).toBe(status);
  expect(p.type).toMatch(/^\/problems\//);
  expect(p.title.length).toBeGreaterThan(0);
  expect(p.detail.length).toBeGreaterThan(0);
  return p;
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers });
const names = (p: Problem) => (p.errors ?? []).map((e) => e.name);

describe('long record ids', () => {
  it.each([
    ['503 characters with a slash and spaces', LONG_ID],
    ['512 bytes', MAX_ID],
  ])('serves a record whose id is %s', async (_name, id) => {
    const res = await get(`/v1/objects/${encodeURIComponent(id)}`);
    expect(res.status).toBe(200);
    expect((await res.json()).record.id).toBe(id);
  });

  it('answers 404 problem for an unknown long id', async () => {
    const p = await problem(await get(`/v1/objects/${encodeURIComponent(`walters:${'9'.repeat(400)}`)}`), 404);
    expect(p.code).toBe('NOT_FOUND');
  });

  it.each([
    ['513 characters', `museum:${'a'.repeat(506)}`, /512 characters/],
    ['300 characters but 600 bytes', 'é'.repeat(300), /512 bytes/],
    ['5000 characters (refused by the router)', 'x'.repeat(5000), /longer than 512 characters/],
  ])('answers 400 problem naming id for an id of %s', async (_name, id, reason) => {
    const p = await problem(await get(`/v1/objects/${encodeURIComponent(id)}`, { 'x-request-id': 'long-id-1' }), 400);
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.errors).toEqual([{ name: 'id', reason: expect.stringMatching(reason) }]);
    expect(p.requestId).toBe('long-id-1');
  });
});

describe('every path parameter refused is named', () => {
  it.each([
    ['a list id of 101 characters', '/v1/lists/' + 'x'.repeat(101)],
    ['a list id of 5000 characters', '/v1/lists/' + 'x'.repeat(5000)],
    ['a job id of 101 characters', '/v1/bulk-jobs/' + 'x'.repeat(101)],
    ['a job id of 5000 characters', '/v1/bulk-jobs/' + 'x'.repeat(5000)],
    ['a job id of 5000 characters, for its results', `/v1/bulk-jobs/${'x'.repeat(5000)}/results`],
    ['a record id that is not valid percent-encoding', '/v1/objects/walters%ZZ12'],
  ])('%s', async (_name, path) => {
    const p = await problem(await get(path), 400);
    expect(names(p)).toEqual(['id']);
  });

  it('names the parameter of a route with two (images)', async () => {
    expect(names(await problem(await get(`/v1/images/${'a'.repeat(600)}/thumb`), 400))).toEqual(['sha256']);
  });

  it('keeps the 404 problem for unknown endpoints and unknown lists', async () => {
    expect((await problem(await get('/v1/nothing-here'), 404)).code).toBe('ROUTE_NOT_FOUND');
    expect((await problem(await get('/v1/lists/nope-1999'), 404)).code).toBe('NOT_FOUND');
  });
});

describe('what the HTTP parser refuses', () => {
  it('a 70 KB query string: 431 problem saying the limit and what to do', async () => {
    const p = await problem(await get(`/v1/search?q=${'x'.repeat(70_000)}`), 431);
    expect(p.code).toBe('REQUEST_HEADERS_TOO_LARGE');
    expect(p.detail).toMatch(/16384 bytes.*POST \/v1\/search/);
  });

  it('a request that is not HTTP: 400 problem', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(base).port), '127.0.0.1');
      let got = '';
      socket.on('data', (d) => (got += d.toString()));
      socket.on('close', () => resolve(got));
      socket.on('error', (e) => (got ? resolve(got) : reject(e)));
      socket.write('HELLO THERE\r\n\r\n');
    });
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(Problem.parse(JSON.parse(body))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });
});

describe('documented', () => {
  it('POST routes document 413 and 415, which they answer as problems; the limits are stated', async () => {
    const doc = await (await get('/openapi.json')).json();
    for (const path of ['/v1/search', '/v1/search/image']) {
      expect(Object.keys(doc.paths[path].post.responses), path).toEqual(expect.arrayContaining(['413', '415']));
    }
    expect(doc.paths['/v1/objects/{id}'].get.parameters.find((p: { name: string }) => p.name === 'id').schema.maxLength).toBe(512);
    expect(doc.info.description).toMatch(/16384 bytes/);
    const res = await fetch(`${base}/v1/search`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'q\nvase' });
    expect((await problem(res, 415)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
