import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { Problem } from '../../src/schemas/problem.js';
import { CategoryTree, ListDetailResponse, ListsResponse } from '../../src/schemas/reference.js';
import { quietLogger, testConfig, testEs, uniquePrefix } from '../helpers/es.js';
import { dropIndices, indexRecords } from '../helpers/search-factory.js';
import { CORPUS, countryNames, LISTS } from '../helpers/search-records.js';

/** /v1/objects, /v1/lists, /v1/categories and /v1/images against the real Elasticsearch. */
const es = testEs();
const prefix = uniquePrefix('reference');
const sha = 'ab'.repeat(32);
let app: FastifyInstance;
let images: string;

beforeAll(async () => {
  await indexRecords(es, prefix, CORPUS, { lists: LISTS, version: 'ref-v1', deps: { countryNames } });
  images = await mkdtemp(join(tmpdir(), 'search-images-'));
  await mkdir(join(images, sha.slice(0, 2), sha), { recursive: true });
  await writeFile(join(images, sha.slice(0, 2), sha, 'thumb.webp'), Buffer.from('RIFF0000WEBPthumb'));
  await writeFile(join(images, sha.slice(0, 2), sha, 'original.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  app = await buildApp(testConfig(prefix), { es, logger: quietLogger(), images: { root: images } });
});

afterAll(async () => {
  await app?.close();
  await dropIndices(es, prefix);
  await rm(images, { recursive: true, force: true });
});

describe('GET /v1/lists', () => {
  it('lists every Red List with emergency status, coverage and record count, titles in the asked language', async () => {
    const res = await app.inject({ url: '/v1/lists?lang=fr' });
    expect(res.statusCode).toBe(200);
    const body = ListsResponse.parse(res.json());
    expect(body.dataset_version).toBe('ref-v1');
    const iraq = body.lists.find((l) => l.id === 'iraq-2015');
    expect(iraq).toMatchObject({
      title: 'Liste rouge d’urgence des biens culturels iraquiens en péril',
      emergency: true,
      record_count: 2,
      countries: [{ key: 'IQ', label: 'Irak' }],
      zone: [{ key: 'IQ', label: 'Irak' }],
    });
    expect(body.lists.find((l) => l.id === 'peru-2007')?.emergency).toBe(false);
  });
});

describe('GET /v1/lists/:id', () => {
  it('gives legislation, contacts, suspicious characteristics and the category tree with counts', async () => {
    const res = await app.inject({ url: '/v1/lists/iraq-2015?lang=fr' });
    expect(res.statusCode).toBe(200);
    const { list } = ListDetailResponse.parse(res.json());
    expect(list.legislation[0]).toMatchObject({ country: 'Iraq', countryLabel: 'Irak' });
    expect(list.contacts).toEqual([{ name: 'Iraq Museum', city: 'Baghdad' }]);
    expect(list.suspicious_characteristics).toEqual(['Numéros du Musée de l’Iraq commençant par IM']);
    const writing = list.sections[0]?.categories[0];
    expect(writing).toMatchObject({ key: 'iraq-2015/writing', label: 'Écriture', count: 2 });
    expect(writing?.children.map((c) => [c.label, c.count])).toEqual([
      ['Tablettes, cônes et documents de fondation', 1],
      ['Manuscrits', 1],
    ]);
  });

  it('answers 404 for an unknown list and 400 for a malformed id', async () => {
    const missing = await app.inject({ url: '/v1/lists/atlantis-1999' });
    expect(missing.statusCode).toBe(404);
    expect(Problem.parse(missing.json()).code).toBe('NOT_FOUND');
    const bad = await app.inject({ url: '/v1/lists/..%2Fetc' });
    expect(bad.statusCode).toBe(400);
    expect(Problem.parse(bad.json()).errors?.[0]?.name).toBe('id');
  });
});

describe('GET /v1/categories', () => {
  it('gives every tree, or one list\'s, with counts per level', async () => {
    const all = CategoryTree.parse((await app.inject({ url: '/v1/categories' })).json());
    expect(all.lists.map((l) => l.id).sort()).toEqual(['iraq-2015', 'peru-2007', 'syria-2013', 'ukraine-2022']);
    const one = CategoryTree.parse((await app.inject({ url: '/v1/categories?list=ukraine-2022&lang=uk' })).json());
    expect(one.lists).toEqual([{ id: 'ukraine-2022', title: 'Emergency Red List of Cultural Objects at Risk – Ukraine', emergency: true, categories: [{ key: 'ukraine-2022/icons', label: 'Ікони', count: 1, children: [] }] }]);
    expect((await app.inject({ url: '/v1/categories?list=nope-1' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/v1/categories?colour=red' })).json().errors[0].name).toBe('colour');
  });
});

describe('GET /v1/objects/:id', () => {
  it('returns the canonical record for ids with any characters', async () => {
    const res = await app.inject({ url: `/v1/objects/${encodeURIComponent('walters-48-1722')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().record).toMatchObject({ id: 'walters-48-1722', kind: 'inventory', holder: { inventoryNumber: '48.1722' } });
    expect((await app.inject({ url: `/v1/objects/${encodeURIComponent('iraq-2015:99')}` })).statusCode).toBe(404);
  });
});

describe('GET /v1/images/:sha256/:size', () => {
  it('serves stored derivatives with immutable caching and the hash as ETag', async () => {
    const res = await app.inject({ url: `/v1/images/${sha}/thumb` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.etag).toBe(`"${sha}"`);
    expect(res.rawPayload.toString()).toBe('RIFF0000WEBPthumb');
    const original = await app.inject({ url: `/v1/images/${sha}/original` });
    expect(original.headers['content-type']).toBe('image/jpeg');
    const again = await app.inject({ url: `/v1/images/${sha}/thumb`, headers: { 'if-none-match': `"${sha}"` } });
    expect(again.statusCode).toBe(304);
  });

  it('answers 404 when absent and 400 naming a bad hash or size', async () => {
    const absent = await app.inject({ url: `/v1/images/${sha}/display` });
    expect(absent.statusCode).toBe(404);
    expect(Problem.parse(absent.json()).code).toBe('NOT_FOUND');
    expect((await app.inject({ url: `/v1/images/${'a'.repeat(64)}/thumb` })).statusCode).toBe(404);
    const bad = Problem.parse((await app.inject({ url: '/v1/images/../../etc/passwd/thumb' })).json());
    expect(bad.status === 400 || bad.status === 404).toBe(true);
    const badHash = Problem.parse((await app.inject({ url: `/v1/images/${'g'.repeat(64)}/thumb` })).json());
    expect(badHash.errors?.[0]?.name).toBe('sha256');
    const badSize = Problem.parse((await app.inject({ url: `/v1/images/${sha}/huge` })).json());
    expect(badSize.errors?.[0]?.name).toBe('size');
  });
});
