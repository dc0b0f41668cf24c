import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexNames } from '../../src/config.js';
import type { CanonicalRecord } from '../../src/schemas/record.js';
import { ImageStore } from '../../ingest/images/index.js';
import { sharp } from '../../ingest/images/sharp.js';
import type { IngestReport } from '../../ingest/report.js';
import { testEs, uniquePrefix } from '../helpers/es.js';
import { blackPng } from '../helpers/png.js';
import { dropIndices, ingestConfig, run, tempDir } from '../fixtures/ingest/helpers.js';

/**
 * A CSV inventory whose rows name real photographs (EXIF-rotated ones included), a truncated JPEG
 * and a 20000 x 20000 PNG made here, a missing file and a row without image: every image is
 * processed or reported, and no record is lost.
 */

const es = testEs();
const prefix = uniquePrefix('ingest-images');
const config = ingestConfig(prefix);
const names = indexNames(prefix);
let report: IngestReport;
let records: Map<string, CanonicalRecord>;

beforeAll(async () => {
  const dir = tempDir('photos');
  await copyFile('test/fixtures/ingest/photos/objects.csv', join(dir, 'objects.csv'));
  await symlink(resolve('test/fixtures/images'), join(dir, 'fixtures'));
  await mkdir(join(dir, 'generated'));
  const jpeg = await readFile('test/fixtures/images/sharp_exif_orientation/Landscape_1.jpg');
  await writeFile(join(dir, 'generated', 'truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 3)));
  await writeFile(join(dir, 'generated', 'huge.png'), await blackPng(20_000, 20_000));
  report = await run(config, es, { path: join(dir, 'objects.csv'), profile: 'test/fixtures/ingest/photos/profile.json' });
  const res = await es.search<{ record: CanonicalRecord }>({ index: names.objects, size: 100 });
  records = new Map(res.hits.hits.map((h) => [h._id as string, h._source?.record as CanonicalRecord]));
}, 300_000);

afterAll(async () => {
  await dropIndices(es, prefix);
  await es.close();
});

const codes = (id: string) => records.get(id)?.warnings.filter((w) => w.field === 'images').map((w) => w.code) ?? [];

describe('images of an inventory', () => {
  it('indexes every record, whatever happened to its images', () => {
    expect(report).toMatchObject({ read: 10, indexed: 10, rejected: 0 });
    expect(records.size).toBe(10);
  });

  it('processes the real photographs, stores them once and counts the rest', () => {
    // 7 image references resolve to real files; P-4 and P-5 share the same bytes.
    expect(report.images.processed + report.images.reused).toBe(7);
    expect(report.images.processed).toBe(6);
    expect(report.images).toMatchObject({ failed: 2, missing: 1 });
    expect(records.get('photos:P-4')?.images[0]?.sha256).toBe(records.get('photos:P-5')?.images[0]?.sha256);
    expect(records.get('photos:P-6')?.images.map((i) => i.source)).toEqual([
      'fixtures/image_match_monalisa/MonaLisa_Wikipedia.jpg',
      'fixtures/pdq_threatexchange/misc-images/c.png',
    ]);
  });

  it('stores EXIF-rotated photographs upright, with upright derivatives', async () => {
    const store = new ImageStore(join(config.DATA_DIR, 'images'));
    for (const id of ['photos:P-1', 'photos:P-2']) {
      const img = records.get(id)?.images[0];
      expect(img, id).toBeDefined();
      expect(img!.width).toBeGreaterThan(img!.height);
      const thumb = await sharp(await store.read(img!.sha256, 'thumb')).metadata();
      expect(thumb.width).toBeGreaterThan(thumb.height ?? 0);
      expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBeLessThanOrEqual(320);
    }
    const portrait = records.get('photos:P-3')?.images[0];
    expect(portrait!.height).toBeGreaterThan(portrait!.width);
    const bridge = records.get('photos:P-4')?.images[0];
    expect(bridge!.height).toBeGreaterThan(bridge!.width);
  });

  it('writes the image fields the similarity search reads', async () => {
    const doc = await es.get<{ has_image: boolean; image_sha256: string[]; img?: { phash?: string } }>({ index: names.objects, id: 'photos:P-2' });
    expect(doc._source?.has_image).toBe(true);
    expect(doc._source?.image_sha256).toEqual([records.get('photos:P-2')?.images[0]?.sha256]);
    expect(doc._source?.img?.phash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('turns a truncated, a missing and an oversized image into clear warnings on their records', () => {
    expect(codes('photos:P-7')).toEqual(['IMAGE_DECODE_FAILED']);
    expect(codes('photos:P-8')).toEqual(['IMAGE_MISSING']);
    expect(codes('photos:P-9')).toEqual(['IMAGE_TOO_MANY_PIXELS']);
    expect(records.get('photos:P-9')?.warnings.find((w) => w.code === 'IMAGE_TOO_MANY_PIXELS')?.message).toMatch(/20000/);
    for (const id of ['photos:P-7', 'photos:P-8', 'photos:P-9']) expect(records.get(id)?.images).toEqual([]);
    expect(codes('photos:P-10')).toEqual([]);
    const reasons = report.records.find((r) => r.id === 'photos:P-9')?.reasons.join(' ');
    expect(reasons).toMatch(/IMAGE_TOO_MANY_PIXELS .*generated\/huge\.png/);
  });
});
