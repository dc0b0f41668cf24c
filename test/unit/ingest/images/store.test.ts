import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageStore } from '../../../../ingest/images/store.js';
import { probeAndProcess } from '../../../../ingest/images/probe.js';
import { FIXTURES } from './helpers.js';

const LIMITS = { maxBytes: 10_000_000, maxPixels: 50_000_000 };
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function store(): Promise<ImageStore> {
  const d = await mkdtemp(join(tmpdir(), 'image-store-'));
  dirs.push(d);
  return new ImageStore(d);
}

describe('ImageStore', () => {
  it('stores original, thumb, display and meta under <sha[0:2]>/<sha>/, once', async () => {
    const s = await store();
    const bytes = await readFile(join(FIXTURES, 'pdq_threatexchange/misc-images/small.jpg'));
    const p = await probeAndProcess(bytes, LIMITS);
    expect(await s.has(p.sha256)).toBe(false);
    expect(s.path(p.sha256, 'original')).toBeUndefined();
    expect(await s.put(p, bytes)).toEqual({ sha256: p.sha256, created: true });
    expect(await s.put(p, bytes)).toEqual({ sha256: p.sha256, created: false });
    expect(await s.has(p.sha256)).toBe(true);
    const dir = join(s.root, p.sha256.slice(0, 2), p.sha256);
    expect((await readdir(dir)).sort()).toEqual(['display.webp', 'meta.json', 'original.jpg', 'thumb.webp']);
    expect(s.path(p.sha256, 'original')).toBe(join(dir, 'original.jpg'));
    expect(await s.read(p.sha256, 'original')).toEqual(bytes);
    expect(await s.read(p.sha256, 'thumb')).toEqual(p.thumbnail);
    const meta = await s.meta(p.sha256);
    expect(meta?.descriptors).toEqual(p.descriptors);
    expect(meta).not.toHaveProperty('thumbnail');
  });

  it('refuses bytes that do not match the sha256 and bad addresses', async () => {
    const s = await store();
    const bytes = await readFile(join(FIXTURES, 'pdq_threatexchange/misc-images/wee.jpg'));
    const p = await probeAndProcess(bytes, LIMITS);
    await expect(s.put(p, Buffer.concat([bytes, Buffer.from([0])]))).rejects.toThrow(/do not match/);
    expect(() => s.path('../etc', 'thumb')).toThrow(RangeError);
    expect(await s.read('a'.repeat(64), 'display')).toBeUndefined();
  });
});
