import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { indexNames } from '../../src/config.js';
import { Problem } from '../../src/schemas/problem.js';
import { sharp } from '../../ingest/images/sharp.js';
import { quietLogger, testConfig, testEs, uniquePrefix } from '../helpers/es.js';
import { createIndices, dropIndices } from '../helpers/search-factory.js';
import { blackPng } from '../helpers/png.js';

/**
 * A photo query gets the limits of ingest: not an image, a truncated JPEG, too many pixels, too
 * many bytes, no `image` at all, random bytes: each a 4xx problem+json naming the problem, never a
 * 5xx. Runs on an empty index (nothing here needs records).
 */

const es = testEs();
const prefix = uniquePrefix('image-search-errors');
const MAX_BYTES = 500_000;
let app: FastifyInstance;

async function form(parts: { name: string; file?: Buffer; value?: string }[]) {
  const fd = new FormData();
  for (const p of parts) {
    if (p.file) fd.append(p.name, new Blob([new Uint8Array(p.file)]), 'upload.bin');
    else fd.append(p.name, p.value ?? '');
  }
  const r = new Response(fd);
  return { payload: Buffer.from(await r.arrayBuffer()), headers: { 'content-type': r.headers.get('content-type') ?? '' } };
}

async function post(parts: { name: string; file?: Buffer; value?: string }[]) {
  const res = await app.inject({ method: 'POST', url: '/v1/search/image', ...(await form(parts)) });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.json() as Record<string, unknown> };
}

const image = (file: Buffer) => post([{ name: 'image', file }]);

/** Deterministic pseudo-random bytes (xorshift), so a failure can be replayed. */
function noise(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    b[i] = s & 0xff;
  }
  return b;
}

function expectProblem(r: Awaited<ReturnType<typeof post>>, status: number, code: string, name: string): Problem {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.type).toMatch(/application\/problem\+json/);
  const p = Problem.parse(r.body);
  expect(p.code).toBe(code);
  expect(p.errors?.[0]?.name).toBe(name);
  return p;
}

beforeAll(async () => {
  await createIndices(es, prefix, 'errors-v1');
  // One Red List, so list and category filters have something to be checked against.
  const list = { id: 'iraq-2003', title: { en: 'Emergency Red List of Iraqi Antiquities at Risk' }, emergency: true, sections: [{ categories: [{ key: 'iraq-2003/writing', label: { en: 'Writing' } }] }] };
  await es.index({ index: indexNames(prefix).lists, id: list.id, document: { list }, refresh: true });
  app = await buildApp(testConfig(prefix, { IMAGE_MAX_BYTES: String(MAX_BYTES) }), { es, logger: quietLogger(), bulk: { runner: false } });
});

afterAll(async () => {
  await app?.close();
  await dropIndices(es, prefix);
  await es.close();
});

describe('photos that cannot be used', () => {
  it('a text file: 400 IMAGE_INVALID saying it is not an image', async () => {
    const p = expectProblem(await image(Buffer.from('Bronze statuette, Syria, H. 24 cm\n'.repeat(20))), 400, 'IMAGE_INVALID', 'image');
    expect(p.detail).toMatch(/Not a recognised image/);
    expect(p.errors?.[0]?.reason).toBe(p.detail);
  });

  it('a truncated JPEG: 400 IMAGE_INVALID saying it cannot be decoded', async () => {
    const jpeg = await readFile('test/fixtures/images/sharp_exif_orientation/Landscape_1.jpg');
    const p = expectProblem(await image(jpeg.subarray(0, Math.floor(jpeg.length / 3))), 400, 'IMAGE_INVALID', 'image');
    expect(p.detail).toMatch(/could not be decoded/i);
  });

  it('a 20000 x 20000 PNG: 400 IMAGE_INVALID naming the pixel count and the limit', async () => {
    const png = await blackPng(20_000, 20_000);
    expect(png.length).toBeLessThan(MAX_BYTES);
    const p = expectProblem(await image(png), 400, 'IMAGE_INVALID', 'image');
    expect(p.detail).toMatch(/20000 x 20000 = 400000000 pixels; the limit is 100000000/);
  });

  it('more bytes than IMAGE_MAX_BYTES: 413 naming the limit', async () => {
    // A real 800 x 800 PNG of noise, about 1.9 MB.
    const png = await sharp(noise(800 * 800 * 3, 4242), { raw: { width: 800, height: 800, channels: 3 } }).png().toBuffer();
    expect(png.length).toBeGreaterThan(MAX_BYTES);
    const p = expectProblem(await image(png), 413, 'PAYLOAD_TOO_LARGE', 'image');
    expect(p.detail).toMatch(new RegExp(`${MAX_BYTES} bytes`));
  });

  it('an empty file: 400 IMAGE_INVALID', async () => {
    expectProblem(await image(Buffer.alloc(0)), 400, 'IMAGE_INVALID', 'image');
  });
});

describe('requests without a usable image field', () => {
  it('no image field: 400 naming image', async () => {
    const p = expectProblem(await post([{ name: 'k', value: '5' }]), 400, 'SEARCH_INVALID_PARAMETER', 'image');
    expect(p.detail).toMatch(/multipart/);
  });

  it('a JSON body instead of multipart: 400 naming image', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/search/image', payload: { image: 'aGVsbG8=' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].name).toBe('image');
  });

  it('the photo under another field name: 400 naming that field', async () => {
    expectProblem(await post([{ name: 'photo', file: await readFile('test/fixtures/images/sharp_exif_orientation/Landscape_1.jpg') }]), 400, 'SEARCH_INVALID_PARAMETER', 'photo');
  });

  it('two files: 400 naming image', async () => {
    const small = await readFile('test/fixtures/images/sharp_exif_orientation/Landscape_1.jpg');
    expectProblem(await post([{ name: 'image', file: small }, { name: 'image', file: small }]), 400, 'SEARCH_INVALID_PARAMETER', 'image');
  });

  it('a bad filter is reported even when the image is fine', async () => {
    const small = await readFile('test/fixtures/images/sharp_exif_orientation/Landscape_1.jpg');
    expectProblem(await post([{ name: 'image', file: small }, { name: 'emergency', value: 'maybe' }]), 400, 'SEARCH_INVALID_PARAMETER', 'emergency');
  });

  it('an unknown list or category is refused as /v1/search refuses it, with the nearest known key', async () => {
    const small = await readFile('test/fixtures/images/sharp_exif_orientation/Landscape_1.jpg');
    const list = expectProblem(await post([{ name: 'image', file: small }, { name: 'list', value: 'iraq-2004' }]), 400, 'SEARCH_INVALID_PARAMETER', 'list');
    expect(list.errors?.[0]?.reason).toMatch(/did you mean "iraq-2003"/);
    expectProblem(await post([{ name: 'image', file: small }, { name: 'category', value: 'iraq-2003/writng' }]), 400, 'SEARCH_INVALID_PARAMETER', 'category');
    const ok = await post([{ name: 'image', file: small }, { name: 'list', value: 'iraq-2003' }]);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });
});

describe('fuzz: random bytes never cause a 5xx', () => {
  const HEADS: [string, number[]][] = [
    ['none', []],
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0]],
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['gif', [...Buffer.from('GIF89a')]],
    ['webp', [...Buffer.from('RIFF'), 0, 1, 0, 0, ...Buffer.from('WEBPVP8 ')]],
    ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ];
  const blobs = HEADS.flatMap(([name, head], i) => [16, 4000, 150_000].map((n, j) => [`${name} + ${n} random bytes`, Buffer.concat([Buffer.from(head), noise(n, 7919 * (i + 1) + j)])] as const));

  it.each(blobs)('%s', async (_name, blob) => {
    const r = await image(blob);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
    expect(r.status === 200 || r.body.code === 'IMAGE_INVALID').toBe(true);
  });

  it('a real JPEG with corrupted bytes in the middle', async () => {
    const jpeg = Buffer.from(await readFile('test/fixtures/images/sharp_exif_orientation/Portrait_1.jpg'));
    noise(2000, 99).copy(jpeg, Math.floor(jpeg.length / 2));
    const r = await image(jpeg);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
  });
});

describe('an index with no image at all', () => {
  it('a usable photo: 200, no hit, and a note saying there is nothing to compare with and that no hit is no proof', async () => {
    const r = await image(await readFile('test/fixtures/images/sharp_exif_orientation/Landscape_1.jpg'));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ hits: [], closest_distance: null });
    expect(r.body.note).toMatch(/index holds no record with a comparable image/);
    expect(r.body.note).toMatch(/no proof that the object is not listed/);
  });
});
