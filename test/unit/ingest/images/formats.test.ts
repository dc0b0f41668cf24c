import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { probeAndProcess, probeForQuery } from '../../../../ingest/images/probe.js';
import { bestMatch } from '../../../../ingest/images/match.js';
import { sharp } from '../../../../ingest/images/sharp.js';
import { FIXTURES } from './helpers.js';

const LIMITS = { maxBytes: 10_000_000, maxPixels: 50_000_000 };

describe('accepted formats', () => {
  it.each(['png', 'webp', 'gif', 'tiff', 'avif'] as const)('reads %s and finds the same picture', async (fmt) => {
    const src = await sharp(await readFile(join(FIXTURES, 'image_match_monalisa/MonaLisa_Wikipedia.jpg'))).resize(240).toBuffer();
    const ref = await probeAndProcess(src, LIMITS);
    const bytes = await sharp(src).toFormat(fmt).toBuffer();
    const p = await probeAndProcess(bytes, LIMITS);
    expect(p.format).toBe(fmt);
    expect([p.width, p.height]).toEqual([ref.width, ref.height]);
    const q = await probeForQuery(bytes, LIMITS);
    expect(q.sha256).toBe(p.sha256);
    // GIF's 256-colour palette costs a few bits; the rest are within re-encoding noise.
    expect(bestMatch(q.query, ref.descriptors.hashes).level).toBe('identical');
  });
});

describe('probeForQuery', () => {
  it('orients by EXIF like ingest does, and applies the same limits', async () => {
    const path = join(FIXTURES, 'sharp_exif_orientation/Portrait_6.jpg');
    const q = await probeForQuery(path, LIMITS);
    expect([q.width, q.height]).toEqual([450, 600]);
    const upright = await probeAndProcess(join(FIXTURES, 'sharp_exif_orientation/Portrait_1.jpg'), LIMITS);
    const m = bestMatch(q.query, upright.descriptors.hashes);
    expect(m.orientation).toBe(0);
    expect(m.level).not.toBeNull();
    await expect(probeForQuery(path, { ...LIMITS, maxPixels: 1000 })).rejects.toMatchObject({ code: 'IMAGE_TOO_MANY_PIXELS' });
  });
});
