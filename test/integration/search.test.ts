import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createEs } from '../../src/es/client.js';
import { Problem } from '../../src/schemas/problem.js';
import { SearchResponse } from '../../src/schemas/search-response.js';
import { quietLogger, testConfig, testEs, uniquePrefix } from '../helpers/es.js';
import { dropIndices, indexRecords } from '../helpers/search-factory.js';
import { CORPUS, countryNames, LISTS } from '../helpers/search-records.js';

/**
 * The search API against the real Elasticsearch, on a small corpus built through the ingest's
 * document builder: text, filters, disjunctive facets, `matched`, errors and dataset versions.
 */
const es = testEs();
const prefix = uniquePrefix('search');
let app: FastifyInstance;
let objectsIndex: string;

type Body = ReturnType<typeof SearchResponse.parse>;
async function search(query: Record<string, string | string[]>): Promise<Body> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const x of Array.isArray(v) ? v : [v]) qs.append(k, x);
  const res = await app.inject({ url: `/v1/search?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return SearchResponse.parse(res.json());
}
const ids = (b: Body) => b.hits.map((h) => h.id);

beforeAll(async () => {
  ({ objects: objectsIndex } = await indexRecords(es, prefix, CORPUS, { lists: LISTS, version: 'v-one', deps: { countryNames } }));
  app = await buildApp(testConfig(prefix), { es, logger: quietLogger(), search: { versionTtlMs: 0 } });
});

afterAll(async () => {
  await app?.close();
  await dropIndices(es, prefix);
});

describe('text search', () => {
  it.each([
    ['cuneform tablet', 'iraq-2015-01'],
    ['tablette cunéiforme', 'iraq-2015-01'],
    ['manuscrito', 'peru-2007-10'],
    ['مخطوطة', 'iraq-2015-02'],
    ['ікона', 'ukraine-2022-04'],
    ['statuette bronze syrie', 'syria-2013-05'],
    ['Bronzestatuette', undefined],
  ])('%s finds the intended record near the top', async (q, id) => {
    const body = await search({ q });
    if (id) expect(ids(body).slice(0, 3)).toContain(id);
    expect(body.dataset_version).toBe('v-one');
  });

  it('says why a record matched and highlights the record text as printed', async () => {
    const hit = (await search({ q: 'bronze statuette', height: '24cm' })).hits[0];
    expect(hit?.id).toBe('syria-2013-05');
    expect(hit?.matched).toEqual(expect.arrayContaining(['object_type', 'title', 'material', 'height']));
    expect(hit?.highlight.title).toBe('<em>Bronze</em> <em>statuette</em> of a standing god');
    expect(hit?.thumbnail).toBe(`/v1/images/${'a'.repeat(64)}/thumb`);
    expect(hit?.list).toEqual({ id: 'syria-2013', title: 'Emergency Red List of Syrian Cultural Objects at Risk', emergency: true });
  });

  it('ranks Red List records before inventory records of equal relevance', async () => {
    const body = await search({ q: 'tablet' });
    expect(ids(body).indexOf('iraq-2015-01')).toBeLessThan(ids(body).indexOf('walters-48-1722'));
  });

  it('relaxes a query whose words are not all in the data, says so, and keeps the mode across pages', async () => {
    const strict = await search({ q: 'statuette' });
    expect(strict.relaxed).toBe(false);
    const loose = await search({ q: 'statuette zzyzx', size: '1' });
    expect(loose.relaxed).toBe(true);
    expect(loose.total).toBe(2);
    expect(loose.next_cursor).not.toBeNull();
    const next = await search({ q: 'statuette zzyzx', size: '1', cursor: loose.next_cursor! });
    expect(next.relaxed).toBe(true);
    expect(next.hits[0]?.id).not.toBe(loose.hits[0]?.id);
  });

  it('gives labels in the asked language, English otherwise', async () => {
    const fr = await search({ q: 'tablette', lang: 'fr' });
    const hit = fr.hits.find((h) => h.id === 'iraq-2015-01');
    expect(hit?.category.map((c) => c.label)).toEqual(['Écriture', 'Tablettes, cônes et documents de fondation']);
    expect(hit?.countries).toEqual([{ key: 'IQ', label: 'Irak' }]);
    expect(hit?.list?.title).toBe('Liste rouge d’urgence des biens culturels iraquiens en péril');
  });
});

describe('filters and facets', () => {
  it('keeps the other countries\' counts when a country is selected (disjunctive facets)', async () => {
    const all = await search({});
    const sy = await search({ country: 'Syrie' });
    expect(ids(sy).sort()).toEqual(['syria-2013-05', 'syria-2013-06']);
    const count = (b: Body, key: string) => b.facets.country?.find((v) => v.key === key)?.count;
    expect(count(sy, 'IQ')).toBe(count(all, 'IQ'));
    expect(count(sy, 'UA')).toBe(count(all, 'UA'));
    expect(sy.facets.country?.find((v) => v.key === 'SY')).toMatchObject({ count: 2, selected: true, label: 'Syria' });
    // Other facets do narrow to Syria.
    expect(sy.facets.list?.map((v) => v.key)).toEqual(['syria-2013']);
  });

  it('returns the children\'s records for a parent category, and counts the tree per level', async () => {
    const body = await search({ category: 'iraq-2015/writing' });
    expect(ids(body).sort()).toEqual(['iraq-2015-01', 'iraq-2015-02']);
    const writing = body.facets.category?.find((n) => n.key === 'iraq-2015/writing');
    expect(writing).toMatchObject({ label: 'Writing', count: 2, selected: true });
    expect(writing?.children?.map((c) => [c.key, c.count])).toEqual([
      ['iraq-2015/writing/manuscripts', 1],
      ['iraq-2015/writing/tablets-cones-and-foundation-documents', 1],
    ]);
  });

  it('finds a record measured 9 1/2 in. for a height of 24 cm, within the default tolerance', async () => {
    expect(ids(await search({ height: '24cm' }))).toEqual(['syria-2013-05']);
    expect(ids(await search({ height: '9 1/2 in', tolerance: '0' }))).toEqual(['syria-2013-05']);
    expect(ids(await search({ height: '20-30 cm' })).sort()).toEqual(['syria-2013-05', 'syria-2013-06']);
  });

  it('matches dates by overlap and fills the period facet in order', async () => {
    const body = await search({ date_from: '-1700', date_to: '-1300' });
    expect(ids(body).sort()).toEqual(['iraq-2015-01', 'syria-2013-05']);
    expect(body.facets.period?.map((v) => v.key)).toEqual(['m-2']);
    expect(body.facets.period?.[0]?.label).toBe('2nd millennium BC');
    expect(body.hits[0]?.matched).toContain('date');
  });

  it('filters by emergency zone, kind, image, material (with narrower keys) and list', async () => {
    expect(ids(await search({ zone: 'UA' }))).toEqual(['ukraine-2022-04']);
    expect(ids(await search({ kind: 'inventory' }))).toEqual(['walters-48-1722']);
    expect(ids(await search({ has_image: 'true' }))).toEqual(['syria-2013-05']);
    expect(ids(await search({ emergency: 'false' })).sort()).toEqual(['peru-2007-10', 'walters-48-1722']);
    const metal = await search({ material: 'metal' });
    expect(ids(metal)).toEqual(['syria-2013-05']);
    const lists = await search({ list: ['peru-2007', 'ukraine-2022'] });
    expect(ids(lists).sort()).toEqual(['peru-2007-10', 'ukraine-2022-04']);
    expect(lists.facets.list?.find((v) => v.key === 'ukraine-2022')?.emergency).toBe(true);
    expect(lists.facets.emergency_zone?.every((v) => v.emergency === true)).toBe(true);
  });

  it('accepts the same parameters as a JSON body', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/search', payload: { q: 'statuette', country: ['SY'], size: 1, exact_total: true } });
    expect(res.statusCode).toBe(200);
    const body = SearchResponse.parse(res.json());
    expect(body.total).toBe(2);
    expect(body.total_relation).toBe('eq');
    expect(body.hits).toHaveLength(1);
    expect(body.next_cursor).toEqual(expect.any(String));
  });
});

describe('errors', () => {
  async function problem(url: string, method: 'GET' | 'POST' = 'GET', payload?: object) {
    const res = await app.inject({ url, method, ...(payload ? { payload } : {}) });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    return Problem.parse(res.json());
  }

  it.each([
    ['/v1/search?colour=red', 'colour', /not a known parameter/],
    ['/v1/search?size=500', 'size', /at most 100/],
    ['/v1/search?country=Atlantis', 'country', /Atlantis/],
    ['/v1/search?date_from=500&date_to=-500', 'date_to', /earlier/],
    ['/v1/search?height=tall', 'height', /not a length/],
    ['/v1/search?facets=colour', 'facets', /category/],
    ['/v1/search?page=600', 'page', /10000/],
    ['/v1/search?cursor=bm9wZQ', 'cursor', /not a cursor/],
    [`/v1/search?q=${'x'.repeat(201)}`, 'q', /200/],
    ['/v1/search?q=%F0%9F%8F%BA', 'q', /no word to search for/],
    ['/v1/search?emergency=maybe', 'emergency', /true or false/],
  ])('%s → 400 naming %s', async (url, name, reason) => {
    const p = await problem(url);
    expect(p.errors?.find((e) => e.name === name)?.reason).toMatch(reason);
  });

  it('answers SEARCH_QUERY_TOO_LONG for a query over 200 characters, as GET and as POST', async () => {
    expect((await problem(`/v1/search?q=${'x'.repeat(201)}`)).code).toBe('SEARCH_QUERY_TOO_LONG');
    expect((await problem('/v1/search', 'POST', { q: 'x'.repeat(201) })).code).toBe('SEARCH_QUERY_TOO_LONG');
    expect((await problem('/v1/search', 'POST', { q: 'x'.repeat(201), size: 'big' })).code).toBe('SEARCH_INVALID_PARAMETER');
  });

  it('refuses query-string parameters beside a POST body instead of ignoring them', async () => {
    const p = await problem('/v1/search?q=vase&lang=fr', 'POST', { q: 'statuette' });
    expect(p.errors).toEqual([
      { name: 'q', reason: 'is not read on POST: put it in the JSON body' },
      { name: 'lang', reason: 'is not read on POST: put it in the JSON body' },
    ]);
  });

  it('names every bad field of a JSON body', async () => {
    const p = await problem('/v1/search', 'POST', { size: 'big', unknown: 1 });
    expect(p.errors?.map((e) => e.name).sort()).toEqual(['size', 'unknown']);
  });

  it('answers 404 for an unknown object and 200 with the record for a known one', async () => {
    const missing = await app.inject({ url: '/v1/objects/nope' });
    expect(missing.statusCode).toBe(404);
    expect(Problem.parse(missing.json()).code).toBe('NOT_FOUND');
    const found = await app.inject({ url: '/v1/objects/syria-2013-05' });
    expect(found.statusCode).toBe(200);
    expect(found.json().record.measurements.dimensions[0].source).toBe('H: 9 1/2 in.');
    expect(found.json().dataset_version).toBe('v-one');
  });

  it('answers 503 with Retry-After when Elasticsearch is unreachable', async () => {
    const down = await buildApp(testConfig(prefix), { es: createEs({ url: 'http://127.0.0.1:9', maxRetries: 0 }), logger: quietLogger() });
    try {
      const res = await down.inject({ url: '/v1/search?q=tablet' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(Problem.parse(res.json()).code).toBe('ELASTICSEARCH_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });

  it('answers 503 "index not ready" before any data is loaded', async () => {
    const emptyPrefix = uniquePrefix('empty');
    const empty = await buildApp(testConfig(emptyPrefix), { es, logger: quietLogger() });
    try {
      const res = await empty.inject({ url: '/v1/search?q=tablet' });
      expect(res.statusCode).toBe(503);
      expect(Problem.parse(res.json()).code).toBe('INDEX_NOT_READY');
    } finally {
      await empty.close();
      await dropIndices(es, emptyPrefix);
    }
  });
});

describe('dataset version', () => {
  it('changes when the indexed data changes', async () => {
    expect((await search({ q: 'tablet' })).dataset_version).toBe('v-one');
    await es.indices.putMapping({ index: objectsIndex, _meta: { schema: 1, dataset_version: 'v-two' } });
    expect((await search({ q: 'tablet' })).dataset_version).toBe('v-two');
  });
});

describe('OpenAPI', () => {
  it('documents the search and reference endpoints with their parameters and problems', async () => {
    const spec = (await app.inject({ url: '/openapi.json' })).json();
    const get = spec.paths['/v1/search'].get;
    const params = get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['q', 'lang', 'country', 'height', 'tolerance', 'cursor', 'exact_total']));
    expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(['200', '400', '503']));
    expect(spec.paths['/v1/search'].post).toBeDefined();
    for (const p of ['/v1/objects/{id}', '/v1/lists', '/v1/lists/{id}', '/v1/categories', '/v1/images/{sha256}/{size}']) expect(spec.paths[p]).toBeDefined();
  });
});
