import { describe, expect, it } from 'vitest';
import { centralCrop, contrast, sampleBox, trimRect, type Raster } from '../../../../ingest/images/raster.js';

/** A w x h raster with a textured (x*y based) content rectangle inside a flat border of value `bg`. */
function framed(w: number, h: number, content: { x: number; y: number; width: number; height: number }, bg: number): Raster {
  const data = new Uint8Array(w * h).fill(bg);
  for (let y = content.y; y < content.y + content.height; y++) {
    for (let x = content.x; x < content.x + content.width; x++) data[y * w + x] = (x * 7 + y * 13 + ((x * y) % 17) * 9) % 256;
  }
  return { width: w, height: h, data };
}

describe('trimRect', () => {
  it('removes a flat border on every side', () => {
    const content = { x: 20, y: 10, width: 150, height: 90 };
    expect(trimRect(framed(200, 120, content, 255))).toEqual(content);
  });

  it('removes a frame and then the plain backdrop inside it', () => {
    const r = framed(200, 200, { x: 40, y: 40, width: 120, height: 120 }, 250);
    // Dark 10 px frame around the light backdrop.
    for (let y = 0; y < 200; y++) for (let x = 0; x < 200; x++) if (x < 10 || y < 10 || x >= 190 || y >= 190) r.data[y * 200 + x] = 20;
    expect(trimRect(r)).toEqual({ x: 40, y: 40, width: 120, height: 120 });
  });

  it('leaves a textured image and a plain image whole', () => {
    const textured = framed(100, 80, { x: 0, y: 0, width: 100, height: 80 }, 0);
    expect(trimRect(textured)).toEqual({ x: 0, y: 0, width: 100, height: 80 });
    const plain: Raster = { width: 100, height: 80, data: new Uint8Array(8000).fill(128) };
    expect(trimRect(plain)).toEqual({ x: 0, y: 0, width: 100, height: 80 });
  });

  it('never keeps less than a quarter of a side', () => {
    const tiny = framed(200, 200, { x: 95, y: 95, width: 10, height: 10 }, 255);
    const r = trimRect(tiny);
    expect(r.width).toBeGreaterThanOrEqual(50);
    expect(r.height).toBeGreaterThanOrEqual(50);
  });
});

describe('sampleBox', () => {
  it('averages areas exactly, including fractional cells', () => {
    const r: Raster = { width: 4, height: 2, data: new Uint8Array([0, 100, 200, 40, 0, 100, 200, 40]) };
    expect(Array.from(sampleBox(r, { x: 0, y: 0, width: 4, height: 2 }, 2))).toEqual([50, 120, 50, 120]);
    // 3 cells over 4 pixels: the middle cell is half of pixel 1 and half of pixel 2.
    const mid = sampleBox(r, { x: 0, y: 0, width: 4, height: 2 }, 3);
    expect(mid[1]).toBeCloseTo(150, 6);
  });

  it('samples a central crop', () => {
    expect(centralCrop({ x: 10, y: 20, width: 100, height: 50 }, 0.8)).toEqual({ x: 20, y: 25, width: 80, height: 40 });
  });
});

describe('contrast', () => {
  it('is the 2nd-98th percentile spread and shrinks with a darkened copy', () => {
    const r = framed(100, 100, { x: 0, y: 0, width: 100, height: 100 }, 0);
    const dark: Raster = { ...r, data: r.data.map((v) => Math.round(v * 0.7)) };
    expect(contrast(dark)).toBeLessThan(contrast(r));
    expect(contrast({ width: 10, height: 10, data: new Uint8Array(100).fill(9) })).toBe(0);
  });
});
