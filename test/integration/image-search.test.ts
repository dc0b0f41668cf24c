import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { indexNames } from '../../src/config.js';
import { ImageSearchResponse } from '../../src/schemas/image-search.js';
import { SearchResponse } from '../../src/schemas/search-response.js';
import { sharp } from '../../ingest/images/sharp.js';
import { dropIndices, ingestConfig, run, tempDir } from '../fixtures/ingest/helpers.js';
import { quietLogger, testEs, uniquePrefix } from '../helpers/es.js';
import { bulkDocs, record } from '../helpers/search-factory.js';
import { countryNames } from '../helpers/search-records.js';
import { buildDocument } from '../../ingest/normalise/document.js';

/**
 * Photo search end to end: an inventory CSV whose rows name real fixture photographs goes through
 * the ingest pipeline (descriptors computed there), then the API is asked with edited copies of
 * those photographs (resized and recompressed, mirrored, rotated, EXIF-rotated) and with an
 * unrelated photo, with and without filters.
 */

const FX = resolve('test/fixtures/images');
const es = testEs();
const prefix = uniquePrefix('image-search');
const config = ingestConfig(prefix);
let app: FastifyInstance;

const ROWS: [string, string, string, string][] = [
  ['IMG-1', 'Bridge photograph', 'Iraq', 'fixtures/pdq_threatexchange/bridge-mods/aaa-orig.jpg'],
  ['IMG-2', 'Portrait of a lady on poplar panel', 'France', 'fixtures/image_match_monalisa/MonaLisa_Wikipedia.jpg'],
  ['IMG-3', 'Landscape print', 'Syria', 'fixtures/sharp_exif_orientation/Landscape_1.jpg'],
  ['IMG-4', 'Portrait print', 'Syria', 'fixtures/sharp_exif_orientation/Portrait_1.jpg'],
  ['IMG-5', 'Painting of a young man', 'Italy', 'fixtures/image_match_monalisa/Caravaggio_Wikipedia.jpg'],
  ['IMG-6', 'Desk objects (two photographs)', 'Egypt', 'fixtures/pdq_threatexchange/misc-images/c.png;fixtures/pdq_threatexchange/reg-test-input/pen-and-coaster.png'],
  // Seven records illustrated with the same photograph (as catalogues reuse a picture).
  ...Array.from({ length: 7 }, (_, i): [string, string, string, string] => [`COPY-${i + 1}`, `Street scene, copy ${i + 1}`, 'Peru', 'fixtures/pdq_threatexchange/reg-test-input/labelme-subset/q0746.jpg']),
];

type Body = ReturnType<typeof ImageSearchResponse.parse>;

/** A multipart body as a browser would send it (FormData serialised by the platform). */
export async function form(image: Buffer | undefined, fields: Record<string, string | string[]> = {}, fileField = 'image') {
  const fd = new FormData();
  if (image) fd.append(fileField, new Blob([new Uint8Array(image)], { type: 'application/octet-stream' }), 'photo.jpg');
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  const r = new Response(fd);
  return { payload: Buffer.from(await r.arrayBuffer()), headers: { 'content-type': r.headers.get('content-type') ?? '' } };
}

async function searchImage(image: Buffer, fields: Record<string, string | string[]> = {}, query = ''): Promise<Body> {
  const res = await app.inject({ method: 'POST', url: `/v1/search/image${query}`, ...(await form(image, fields)) });
  expect(res.statusCode, res.body).toBe(200);
  return ImageSearchResponse.parse(res.json());
}

const fixture = (p: string) => readFile(join(FX, p));
const levelRank = { identical: 0, near_duplicate: 1, similar: 2 } as const;

beforeAll(async () => {
  const dir = tempDir('image-search');
  await symlink(FX, join(dir, 'fixtures'));
  await mkdir(join(dir, 'out'));
  await writeFile(join(dir, 'objects.csv'), ['inv,title,country,image', ...ROWS.map((r) => r.map((c) => `"${c}"`).join(','))].join('\n'));
  const profile = {
    source: 'photos',
    kind: 'inventory',
    id: 'inv',
    fields: [
      { to: 'holder.inventoryNumber', from: 'inv' },
      { to: 'title', from: 'title' },
      { to: 'places.countries', from: 'country' },
      { to: 'images', from: 'image', transform: 'split:;' },
    ],
  };
  await writeFile(join(dir, 'profile.json'), JSON.stringify(profile));
  const report = await run(config, es, { path: join(dir, 'objects.csv'), profile: join(dir, 'profile.json') });
  expect(report).toMatchObject({ read: ROWS.length, indexed: ROWS.length, rejected: 0 });
  expect(report.images).toMatchObject({ processed: 8, reused: 6, failed: 0, missing: 0 });
  app = await buildApp(config, { es, logger: quietLogger(), search: { versionTtlMs: 0 }, bulk: { runner: false } });
}, 300_000);

afterAll(async () => {
  await app?.close();
  await dropIndices(es, prefix);
  await es.close();
});

describe('finding the record from an edited copy of its photo', () => {
  const cases: [string, string, () => Promise<Buffer>, keyof typeof levelRank][] = [
    ['resized to 30 % and recompressed at JPEG quality 35', 'photos:IMG-1', async () => sharp(await fixture('pdq_threatexchange/bridge-mods/aaa-orig.jpg')).resize(480).jpeg({ quality: 35 }).toBuffer(), 'identical'],
    ['mirrored', 'photos:IMG-2', async () => sharp(await fixture('image_match_monalisa/MonaLisa_Wikipedia.jpg')).flop().jpeg().toBuffer(), 'near_duplicate'],
    ['rotated 90 degrees', 'photos:IMG-1', async () => sharp(await fixture('pdq_threatexchange/bridge-mods/aaa-orig.jpg')).rotate(90).jpeg().toBuffer(), 'near_duplicate'],
    ['EXIF-rotated (orientation 6, landscape)', 'photos:IMG-3', () => fixture('sharp_exif_orientation/Landscape_6.jpg'), 'near_duplicate'],
    ['EXIF-rotated (orientation 8, portrait)', 'photos:IMG-4', () => fixture('sharp_exif_orientation/Portrait_8.jpg'), 'near_duplicate'],
    ['the second image of a record, cropped 5 % per side', 'photos:IMG-6', async () => {
      const img = sharp(await fixture('pdq_threatexchange/reg-test-input/pen-and-coaster.png'));
      const { width = 0, height = 0 } = await img.metadata();
      return img.extract({ left: Math.round(width * 0.05), top: Math.round(height * 0.05), width: Math.round(width * 0.9), height: Math.round(height * 0.9) }).jpeg().toBuffer();
    }, 'near_duplicate'],
  ];

  it.each(cases)('%s', async (_name, id, make, atLeast) => {
    const body = await searchImage(await make());
    const top = body.hits[0];
    expect(top?.id, JSON.stringify(body)).toBe(id);
    expect(levelRank[top!.level]).toBeLessThanOrEqual(levelRank[atLeast]);
    expect(top!.distance).toBeLessThanOrEqual(body.thresholds[atLeast]);
    expect(top!.similarity).toBeCloseTo(1 - top!.distance / 256, 3);
    expect(body.closest_distance).toBe(top!.distance);
    expect(body.note).toBeNull();
    // Only the photographed record is close: every other hit (if any) is further away.
    for (const h of body.hits.slice(1)) expect(h.distance).toBeGreaterThan(top!.distance);
  });

  it('names the matched image of a record with several images', async () => {
    const coaster = await fixture('pdq_threatexchange/reg-test-input/pen-and-coaster.png');
    const body = await searchImage(await sharp(coaster).jpeg({ quality: 60 }).toBuffer());
    const hit = body.hits[0]!;
    expect(hit.id).toBe('photos:IMG-6');
    const doc = await es.get<{ record: { images: { sha256: string; source: string }[] } }>({ index: indexNames(prefix).objects, id: 'photos:IMG-6' });
    const coasterSha = doc._source?.record.images.find((i) => i.source.endsWith('pen-and-coaster.png'))?.sha256;
    expect(hit.image).toBe(coasterSha);
    expect(hit.thumbnail).toBe(`/v1/images/${coasterSha}/thumb`);
  });

  it('returns no match at near_duplicate or identical for an unrelated photo, and says why', async () => {
    for (const f of ['pdq_threatexchange/reg-test-input/labelme-subset/q0003.jpg', 'pdq_threatexchange/reg-test-input/labelme-subset/q2821.jpg']) {
      const body = await searchImage(await fixture(f));
      expect(body.hits.filter((h) => h.level !== 'similar'), f).toEqual([]);
      if (body.hits.length === 0) {
        expect(body.note).toMatch(/closest is \d+ bits of 256 away/);
        expect(body.closest_distance).toBeGreaterThan(body.thresholds.similar);
      }
    }
  });

  it('does not match a different painting to the Mona Lisa record', async () => {
    const body = await searchImage(await fixture('image_match_monalisa/Caravaggio_Wikipedia.jpg'));
    expect(body.hits[0]?.id).toBe('photos:IMG-5');
    expect(body.hits.map((h) => h.id)).not.toContain('photos:IMG-2');
  });
});

describe('hits in the /v1/search shape', () => {
  it('carries the same record fields as /v1/search, plus distance, similarity and level', async () => {
    const body = await searchImage(await fixture('pdq_threatexchange/reg-test-input/dih/bridge-5-flipx.jpg'), { lang: 'fr' });
    const hit = body.hits[0]!;
    const text = await app.inject({ url: '/v1/search?q=Bridge%20photograph&lang=fr' });
    const textBody = SearchResponse.parse(text.json());
    const same = textBody.hits.find((h) => h.id === hit.id);
    expect(same).toBeDefined();
    for (const k of ['id', 'kind', 'title', 'list', 'category', 'countries'] as const) expect(hit[k]).toEqual(same![k]);
    expect(hit.countries).toEqual([{ key: 'IQ', label: expect.any(String) }]);
    expect(hit.matched).toEqual(['image']);
    expect(body.dataset_version).toBe(textBody.dataset_version);
    const original = await fixture('pdq_threatexchange/reg-test-input/dih/bridge-5-flipx.jpg');
    const meta = await sharp(original, { autoOrient: true }).metadata();
    expect(body.query).toMatchObject({ width: meta.width, height: meta.height, format: 'jpeg' });
    expect(body.query.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.thresholds).toEqual({ identical: 12, near_duplicate: 40, similar: 60, bits: 256 });
  });

  it('returns every record sharing the photographed picture, up to k', async () => {
    const photo = await sharp(await fixture('pdq_threatexchange/reg-test-input/labelme-subset/q0746.jpg')).resize(200).jpeg({ quality: 50 }).toBuffer();
    const copies = Array.from({ length: 7 }, (_, i) => `photos:COPY-${i + 1}`);
    const all = await searchImage(photo);
    expect(all.hits.map((h) => h.id).sort()).toEqual(copies);
    expect(new Set(all.hits.map((h) => h.distance)).size).toBe(1);
    const three = await searchImage(photo, { k: '3' });
    expect(three.hits).toHaveLength(3);
    expect(three.total).toBe(3);
    expect((await searchImage(photo, { k: '6' })).hits).toHaveLength(6);
  });
});

describe('filters apply as in /v1/search', () => {
  const bridge = () => fixture('pdq_threatexchange/bridge-mods/blur-a-little.jpg');

  it('a country filter that excludes the photographed record leaves no hit', async () => {
    const body = await searchImage(await bridge(), { country: 'France' });
    expect(body.hits.map((h) => h.id)).not.toContain('photos:IMG-1');
    expect(body.hits.filter((h) => h.level !== 'similar')).toEqual([]);
    if (!body.hits.length) expect(body.note).toMatch(/filters allow/);
  });

  it('a country filter that includes it keeps the hit and names the filter in matched', async () => {
    const body = await searchImage(await bridge(), { country: ['iq', 'Syria'] });
    expect(body.hits[0]?.id).toBe('photos:IMG-1');
    expect(body.hits[0]?.matched).toEqual(['image', 'country']);
  });

  it('a kind filter works from the query string too', async () => {
    expect((await searchImage(await bridge(), {}, '?kind=redlist')).hits).toEqual([]);
    expect((await searchImage(await bridge(), {}, '?kind=inventory')).hits[0]?.id).toBe('photos:IMG-1');
  });

  it.each([
    [{ country: 'Atlantis' }, 'country'],
    [{ k: '51' }, 'k'],
    [{ k: 'ten' }, 'k'],
    [{ kind: 'statue' }, 'kind'],
    [{ date_from: '500', date_to: '100' }, 'date_to'],
    [{ height: 'tall' }, 'height'],
    [{ colour: 'red' }, 'colour'],
    [{ q: 'bronze' }, 'q'],
  ])('400 naming the bad parameter: %j', async (fields, name) => {
    const res = await app.inject({ method: 'POST', url: '/v1/search/image', ...(await form(await bridge(), fields)) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().errors.map((e: { name: string }) => e.name)).toContain(name);
  });
});

describe('notes when no record image could be compared', () => {
  const NO_PROOF = /no proof that the object is not listed/;
  beforeAll(async () => {
    // One Red List record without an image, next to the 13 photographed inventory records.
    await bulkDocs(es, indexNames(prefix).objects, [buildDocument(record('plain:1', { places: { countries: ['JP'] } }), { countryNames })]);
  });

  it('filters that allow only records without an image: says so, with the count in the whole index', async () => {
    const body = await searchImage(await fixture('pdq_threatexchange/bridge-mods/aaa-orig.jpg'), { kind: 'redlist' });
    expect(body).toMatchObject({ hits: [], closest_distance: null });
    expect(body.note).toMatch(/The one record the filters allow has no comparable image \(13 records in the whole index have one\)/);
    expect(body.note).toMatch(NO_PROOF);
  });

  it('filters that allow no record at all: says so', async () => {
    const body = await searchImage(await fixture('pdq_threatexchange/bridge-mods/aaa-orig.jpg'), { country: 'Chile' });
    expect(body).toMatchObject({ hits: [], closest_distance: null });
    expect(body.note).toMatch(/filters allow no record at all/);
    expect(body.note).toMatch(NO_PROOF);
  });

  it('a photo too far from every record image: the note keeps the distance and says no hit is no proof', async () => {
    const body = await searchImage(await fixture('pdq_threatexchange/reg-test-input/labelme-subset/q0003.jpg'), { country: 'Egypt' });
    expect(body.hits).toEqual([]);
    expect(body.note).toMatch(/closest is \d+ bits of 256 away/);
    expect(body.note).toMatch(NO_PROOF);
  });
});

describe('OpenAPI', () => {
  it('documents the multipart upload, the thresholds and that a hit is no proof', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    const op = doc.paths['/v1/search/image'].post;
    expect(Object.keys(op.requestBody.content)).toContain('multipart/form-data');
    expect(op.description).toMatch(/identical <= 12 bits/);
    expect(op.description).toMatch(/never a proof/);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '413', '503']));
  });
});
