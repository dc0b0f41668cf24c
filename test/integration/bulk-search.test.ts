import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { BulkResult } from '../../src/bulk/result.js';
import { indexNames } from '../../src/config.js';
import type { Es } from '../../src/es/client.js';
import { Problem } from '../../src/schemas/problem.js';
import { inventoryCsv, loadSampleLists } from '../fixtures/bulk/support.js';
import { dropPrefix, quietLogger, testConfig, testEs, uniquePrefix } from '../helpers/es.js';

/** POST /v1/bulk-search against the 17 sample Red Lists in a real Elasticsearch. */

const prefix = uniquePrefix('bulk-search');
let es: Es;
const apps: FastifyInstance[] = [];

async function appWith(env: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(prefix, env), { es, logger: quietLogger(), bulk: { runner: false } });
  apps.push(app);
  return app;
}

const parse = (body: string): BulkResult[] =>
  body
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as BulkResult);

/** The dataset version the ingest wrote into the objects index's `_meta`. */
async function datasetVersion(): Promise<string> {
  const res = await es.indices.getMapping({ index: indexNames(prefix).objects });
  const v = Object.values(res)[0]?.mappings?._meta?.dataset_version;
  if (typeof v !== 'string') throw new Error('no dataset_version in the index');
  return v;
}

beforeAll(async () => {
  es = testEs();
  await loadSampleLists(testConfig(prefix), es);
});

afterAll(async () => {
  for (const a of apps) await a.close();
  await dropPrefix(es, prefix);
  await es.close();
});

describe('POST /v1/bulk-search', () => {
  it('returns 10,000 rows complete and in input order, with verdicts', async () => {
    const app = await appWith({ BULK_MAX_ROWS: '20000', BULK_MAX_BYTES: String(20 * 1024 * 1024) });
    const csv = await inventoryCsv(10_000);
    const t0 = Date.now();
    const res = await app.inject({ method: 'POST', url: '/v1/bulk-search?k=3', headers: { 'content-type': 'text/csv' }, payload: csv });
    const secs = (Date.now() - t0) / 1000;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const results = parse(res.body);
    expect(results.length).toBe(10_000);
    results.forEach((r, i) => {
      expect(r.row).toBe(i + 1);
      expect(r.ref).toBe(`R${i + 1}`);
    });
    const levels = { strong: 0, possible: 0, none: 0, errors: 0 };
    for (const r of results) {
      if ('error' in r) levels.errors++;
      else {
        levels[r.level]++;
        expect(r.hits.length).toBeLessThanOrEqual(3);
        for (const h of r.hits) expect(h.list?.id).toMatch(/^[a-z-]+-\d{4}$/);
      }
    }
    console.log(`[bulk] 10,000 rows in ${secs.toFixed(1)} s (${Math.round(10_000 / secs)} rows/s):`, levels);
    expect(levels.strong).toBeGreaterThan(0);
    expect(levels.possible).toBeGreaterThan(0);
    expect(levels.none).toBeGreaterThan(0);
  });

  it('answers a messy file with per-row errors and results for every other row', async () => {
    const app = await appWith();
    const latin1 = (s: string) => Buffer.from(s, 'latin1');
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('N° inv.;Objet;Matière;Pays;Datation;Hauteur;Notes\r\n'),
      Buffer.from('1;statuette;bronze;Égypte;Basse Époque;24 cm;ok\r\n'),
      latin1('2;tête;pierre;Égypte;;;saisie à la frontière\r\n'),
      Buffer.from('3;"vase;terre cuite;Pérou;;;\r\n'),
      Buffer.from('4;manuscrit;papier\r\n'),
      Buffer.from(`5;${'x'.repeat(50_000)};bois;Mali;;;\r\n`),
      Buffer.from('6;tablette cunéiforme;argile;Irak;2e millénaire av. J.-C.;6,5 cm;\r\n'),
      Buffer.from('7;masque;bois;Mali;;grand;taille inconnue\r\n'),
      Buffer.from('8;;;Syrie;;;\r\n'),
      Buffer.from('9;icône;bois;Ukraine;XVIIIe siècle;;'),
    ]);
    const mapping = { 'N° inv.': 'ref', Objet: 'object_type', Matière: 'material', Pays: 'country', Datation: 'date', Hauteur: 'height' };
    const res = await app.inject({
      method: 'POST',
      url: `/v1/bulk-search?mapping=${encodeURIComponent(JSON.stringify(mapping))}`,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    const results = parse(res.body);
    expect(results.map((r) => [r.row, r.ref])).toEqual(Array.from({ length: 9 }, (_, i) => [i + 1, String(i + 1)]));
    const errors = Object.fromEntries(results.flatMap((r) => ('error' in r ? [[r.row, r.error.field]] : [])));
    expect(errors).toEqual({ 3: 'row', 4: 'row', 5: 'Objet', 8: 'row' });
    const ok = results.filter((r): r is Extract<BulkResult, { hits: unknown }> => !('error' in r));
    for (const r of ok) expect(r.hits.length).toBeGreaterThan(0);
    // The Latin-1 row was read right: its country matched Egyptian records.
    expect(ok.find((r) => r.row === 2)!.hits[0]!.reasons).toContain('country');
    expect(ok.find((r) => r.row === 6)!.hits[0]!.list!.id).toMatch(/^iraq-/);
    expect(ok.find((r) => r.row === 7)!.warnings?.[0]?.field).toBe('height');
  });

  it('reads UTF-16 with a BOM and NDJSON with nested fields, and answers CSV on request', async () => {
    const app = await appWith();
    const text = 'ref\tobject_type\tcountry\r\nu1\tcuneiform tablet\tIraq\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const res = await app.inject({ method: 'POST', url: '/v1/bulk-search?k=1', headers: { 'content-type': 'text/csv', accept: 'text/csv' }, payload: utf16 });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]!.startsWith('ref,row,level,error_field,error_reason,warnings,hit1_id')).toBe(true);
    expect(lines[1]).toMatch(/^u1,1,(strong|possible),,,,[^,]+,(strong|possible),[\d.]+,iraq-/);

    const nd = [{ inv: 'n1', obj: { name: 'icon', geo: [{ term: 'Ukraine' }] } }, { inv: 'n2', obj: { name: 'manuscript' } }].map((o) => JSON.stringify(o)).join('\n');
    const mapping = { inv: 'ref', 'obj.name': 'object_type', 'obj.geo[0].term': 'country' };
    const res2 = await app.inject({
      method: 'POST',
      url: `/v1/bulk-search?k=2&mapping=${encodeURIComponent(JSON.stringify(mapping))}`,
      headers: { 'content-type': 'application/x-ndjson' },
      payload: nd,
    });
    const [r1, r2] = parse(res2.body);
    expect(r1 && 'hits' in r1 && r1.hits[0]?.list?.id).toMatch(/^ukraine-/);
    expect(r2 && 'hits' in r2 && r2.hits.length).toBe(2);
  });

  it('answers 413 naming the limit when it is crossed before the first result', async () => {
    const rowsApp = await appWith({ BULK_MAX_ROWS: '50' });
    const csv = await inventoryCsv(60);
    const res = await rowsApp.inject({ method: 'POST', url: '/v1/bulk-search', headers: { 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(413);
    const p = Problem.parse(res.json());
    expect(p.code).toBe('PAYLOAD_TOO_LARGE');
    expect(p.errors?.[0]?.name).toBe('BULK_MAX_ROWS');

    const bytesApp = await appWith({ BULK_MAX_BYTES: '2048' });
    const declared = await bytesApp.inject({ method: 'POST', url: '/v1/bulk-search', headers: { 'content-type': 'text/csv' }, payload: csv });
    expect(declared.statusCode).toBe(413);
    expect(Problem.parse(declared.json()).errors?.[0]?.name).toBe('BULK_MAX_BYTES');
    // Without a declared length (chunked upload), the limit is enforced while reading.
    const streamed = await bytesApp.inject({ method: 'POST', url: '/v1/bulk-search', headers: { 'content-type': 'text/csv' }, payload: Readable.from([Buffer.from(csv)]) });
    expect(streamed.statusCode).toBe(413);
    expect(Problem.parse(streamed.json()).errors?.[0]?.name).toBe('BULK_MAX_BYTES');
  });

  it('ends with a final error row when a limit is crossed after results started', async () => {
    const app = await appWith({ BULK_MAX_ROWS: '25', BULK_CHUNK: '10', BULK_CONCURRENCY: '1' });
    const res = await app.inject({ method: 'POST', url: '/v1/bulk-search', headers: { 'content-type': 'text/csv' }, payload: await inventoryCsv(40) });
    expect(res.statusCode).toBe(200);
    const results = parse(res.body);
    expect(results.slice(0, 25).map((r) => r.row)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(results[25]).toMatchObject({ ref: null, row: null, error: { field: 'BULK_MAX_ROWS' } });
    expect(results.length).toBe(26);
  });

  it('gives a date the benefit of its tolerance: an approximate date agrees, a clearly different one still counts against', async () => {
    const app = await appWith();
    const dates = ['2100 BC', 'ca. 2100 BC', '22nd century BC', '', '18th century AD', 'ca. 1500 BC'];
    const csv = ['ref,title,object_type,material,country,date', ...dates.map((d, i) => `G${i + 1},Gudea cone,foundation cone,clay,Iraq,${d}`)].join('\n');
    const res = await app.inject({ method: 'POST', url: '/v1/bulk-search?k=1', headers: { 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(200);
    const got = parse(res.body).map((r) => ('hits' in r ? [r.level, r.hits[0]?.id] : ['error', r.error.reason]));
    // The Gudea cone of the Iraq list is dated 2136–2121 BC.
    expect(got).toEqual([
      ['strong', 'iraq-2003:4'],
      ['strong', 'iraq-2003:4'],
      ['strong', 'iraq-2003:4'],
      ['strong', 'iraq-2003:4'],
      ['possible', 'iraq-2003:4'],
      ['possible', 'iraq-2003:4'],
    ]);
  });

  it('names the dataset version checked against: a header, a field on every checked NDJSON row, the last CSV column', async () => {
    const app = await appWith();
    const version = await datasetVersion();
    const csv = 'ref,object_type,country,height\nv1,cuneiform tablet,Iraq,\nv2,,,24 cm\nv3,icon,Ukraine,\n';
    const nd = await app.inject({ method: 'POST', url: '/v1/bulk-search?k=1', headers: { 'content-type': 'text/csv' }, payload: csv });
    expect(nd.statusCode).toBe(200);
    expect(nd.headers['dataset-version']).toBe(version);
    const results = parse(nd.body);
    expect(results.map((r) => ('error' in r ? 'error' : r.dataset_version))).toEqual([version, 'error', version]);

    const res = await app.inject({ method: 'POST', url: '/v1/bulk-search?k=1&format=csv', headers: { 'content-type': 'text/csv' }, payload: csv });
    expect(res.headers['dataset-version']).toBe(version);
    const [header, ...lines] = res.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(header!.split(',').at(-1)).toBe('dataset_version');
    expect(lines.map((l) => l.split(',').at(-1))).toEqual([version, '', version]);
  });

  it('names each unknown or bad query parameter, as /v1/search does', async () => {
    const app = await appWith();
    const res = await app.inject({ method: 'POST', url: '/v1/bulk-search?foo=1&bar=2&k=0', headers: { 'content-type': 'text/csv' }, payload: 'title\nvase\n' });
    expect(res.statusCode).toBe(400);
    const p = Problem.parse(res.json());
    expect(p.errors).toEqual(
      expect.arrayContaining([
        { name: 'foo', reason: 'is not a known parameter' },
        { name: 'bar', reason: 'is not a known parameter' },
        { name: 'k', reason: 'must be at least 1' },
      ]),
    );
    expect(p.errors?.some((e) => e.name === 'querystring')).toBe(false);
  });

  it('rejects a bad mapping, a bad k and an unsupported body type, naming each', async () => {
    const app = await appWith();
    const bad = await app.inject({ method: 'POST', url: `/v1/bulk-search?k=11&mapping=${encodeURIComponent('{"A":"colour"}')}`, headers: { 'content-type': 'text/csv' }, payload: 'title\nvase\n' });
    expect(bad.statusCode).toBe(400);
    expect(Problem.parse(bad.json()).errors?.map((e) => e.name)).toEqual(['k']);
    const badMap = await app.inject({ method: 'POST', url: `/v1/bulk-search?mapping=${encodeURIComponent('{"A":"colour"}')}`, headers: { 'content-type': 'text/csv' }, payload: 'title\nvase\n' });
    expect(Problem.parse(badMap.json()).errors?.map((e) => e.name)).toEqual(['mapping.A']);
    const noInput = await app.inject({ method: 'POST', url: '/v1/bulk-search', headers: { 'content-type': 'text/csv' }, payload: 'a,b\n1,2\n' });
    expect(noInput.statusCode).toBe(400);
    expect(Problem.parse(noInput.json()).code).toBe('BULK_INVALID_INPUT');
    const json = await app.inject({ method: 'POST', url: '/v1/bulk-search', headers: { 'content-type': 'application/json' }, payload: '{"title":"vase"}' });
    expect(json.statusCode).toBe(415);
  });
});
