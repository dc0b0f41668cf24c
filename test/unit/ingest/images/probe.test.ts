import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { probeAndProcess } from '../../../../ingest/images/probe.js';
import { ImageError } from '../../../../ingest/images/errors.js';
import { sharp } from '../../../../ingest/images/sharp.js';
import { FIXTURES, pngHeaderOnly } from './helpers.js';

const LIMITS = { maxBytes: 20 * 1024 * 1024, maxPixels: 50_000_000 };
const BRIDGE = join(FIXTURES, 'pdq_threatexchange/bridge-mods/aaa-orig.jpg');

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ImageError);
    return (e as ImageError).code;
  }
  return 'no error';
}

describe('probeAndProcess', () => {
  it('returns sha256 of the original bytes, size, format and WebP derivatives within their bounds', async () => {
    const bytes = await readFile(BRIDGE);
    const p = await probeAndProcess(bytes, LIMITS);
    expect(p.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(p.bytes).toBe(bytes.length);
    expect([p.width, p.height, p.format]).toEqual([1600, 1004, 'jpeg']);
    const thumb = await sharp(p.thumbnail).metadata();
    const display = await sharp(p.display).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 320, 201]);
    expect([display.format, display.width, display.height]).toEqual(['webp', 1280, 803]);
    expect(thumb.exif).toBeUndefined();
    // Same bytes by path give the same result.
    expect((await probeAndProcess(BRIDGE, LIMITS)).sha256).toBe(p.sha256);
  });

  it('never upscales the display copy', async () => {
    const p = await probeAndProcess(join(FIXTURES, 'pdq_threatexchange/misc-images/wee.jpg'), LIMITS);
    const display = await sharp(p.display).metadata();
    expect([display.width, display.height]).toEqual([34, 42]);
  });

  it.each([2, 3, 4, 5, 6, 7, 8])('orients sharp fixture Landscape_%i upright and matches the upright image', async (n) => {
    const upright = await probeAndProcess(join(FIXTURES, 'sharp_exif_orientation/Landscape_1.jpg'), LIMITS);
    const p = await probeAndProcess(join(FIXTURES, `sharp_exif_orientation/Landscape_${n}.jpg`), LIMITS);
    expect([p.width, p.height]).toEqual([600, 450]);
    const d = await sharp(p.display).metadata();
    expect(d.width).toBeGreaterThan(d.height ?? Infinity);
    expect(d.orientation).toBeUndefined();
    const { hamming } = await import('../../../../ingest/images/hash.js');
    expect(hamming(p.descriptors.hashes[0] as string, upright.descriptors.hashes[0] as string)).toBeLessThanOrEqual(16);
  });

  it.each([
    ['exif-rotn-3.jpg', 4032, 3024],
    ['exif-rotn-6.jpg', 3024, 4032],
    ['exif-rotn-8.jpg', 3024, 4032],
  ])('applies the EXIF orientation of %s (%i x %i upright)', async (file, w, h) => {
    const path = join(FIXTURES, 'pdq_threatexchange/reg-test-input/exif-rotn', file);
    const p = await probeAndProcess(path, LIMITS);
    expect([p.width, p.height]).toEqual([w, h]);
    const thumb = await sharp(p.thumbnail).metadata();
    expect(Math.sign((thumb.width ?? 0) - (thumb.height ?? 0))).toBe(Math.sign(w - h));
    // Descriptors equal those of the same pixels turned upright explicitly and saved without EXIF.
    const explicit = await sharp(await readFile(path)).rotate().resize(800).png().toBuffer();
    const ref = await probeAndProcess(explicit, LIMITS);
    const { hamming } = await import('../../../../ingest/images/hash.js');
    expect(hamming(p.descriptors.hashes[0] as string, ref.descriptors.hashes[0] as string)).toBeLessThanOrEqual(12);
  });

  it('refuses a truncated JPEG with IMAGE_DECODE_FAILED', async () => {
    const bytes = await readFile(BRIDGE);
    expect(await codeOf(probeAndProcess(bytes.subarray(0, Math.floor(bytes.length * 0.6)), LIMITS))).toBe('IMAGE_DECODE_FAILED');
  });

  it('refuses a text file as an unsupported format', async () => {
    const text = Buffer.from('Red List of Cultural Objects at Risk\n'.repeat(40));
    expect(await codeOf(probeAndProcess(text, LIMITS))).toBe('IMAGE_UNSUPPORTED_FORMAT');
  });

  it('refuses SVG, which sharp could render but we do not accept', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>');
    expect(await codeOf(probeAndProcess(svg, LIMITS))).toBe('IMAGE_UNSUPPORTED_FORMAT');
  });

  it('refuses a 20000 x 20000 PNG from its header alone, quickly', async () => {
    const png = pngHeaderOnly(20000, 20000);
    const t = performance.now();
    const err = await probeAndProcess(png, LIMITS).catch((e: unknown) => e);
    expect(performance.now() - t).toBeLessThan(500);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).code).toBe('IMAGE_TOO_MANY_PIXELS');
    expect((err as ImageError).message).toContain('400000000');
    expect((err as ImageError).message).toContain('50000000');
    // The refusal came from the header: with a higher limit the missing pixel data is what fails.
    expect(await codeOf(probeAndProcess(png, { ...LIMITS, maxPixels: 500_000_000 }))).toBe('IMAGE_DECODE_FAILED');
  });

  it('refuses too many bytes before reading the file, naming the limit', async () => {
    const err = await probeAndProcess(BRIDGE, { ...LIMITS, maxBytes: 100_000 }).catch((e: unknown) => e);
    expect((err as ImageError).code).toBe('IMAGE_TOO_LARGE_BYTES');
    expect((err as ImageError).message).toContain('100000 bytes');
    expect(await codeOf(probeAndProcess(Buffer.alloc(2000), { ...LIMITS, maxBytes: 1000 }))).toBe('IMAGE_TOO_LARGE_BYTES');
  });

  it('reports a missing file as IMAGE_MISSING', async () => {
    expect(await codeOf(probeAndProcess(join(FIXTURES, 'no-such-image.jpg'), LIMITS))).toBe('IMAGE_MISSING');
  });
});
