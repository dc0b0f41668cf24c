import { describe, expect, it } from 'vitest';
import { bestMatch, classify, rerank, MATCH_THRESHOLDS } from '../../../../ingest/images/match.js';
import type { QueryDescriptors } from '../../../../ingest/images/descriptors.js';

const zeros = '0'.repeat(64);
const withBits = (n: number): string => {
  const bits = '1'.repeat(n).padEnd(256, '0');
  return Array.from({ length: 64 }, (_, i) => parseInt(bits.slice(i * 4, i * 4 + 4), 2).toString(16)).join('');
};

const query = (hashes: string[], quality = 0.5): QueryDescriptors => ({
  version: 1,
  quality,
  trim: { x: 0, y: 0, width: 1, height: 1 },
  variants: hashes.map((hash, i) => ({ orientation: i % 8, crop: 1, hash })),
});

describe('classify', () => {
  it('maps distances to levels at the documented thresholds', () => {
    expect(classify(0)).toBe('identical');
    expect(classify(MATCH_THRESHOLDS.identical)).toBe('identical');
    expect(classify(MATCH_THRESHOLDS.identical + 1)).toBe('near_duplicate');
    expect(classify(MATCH_THRESHOLDS.near_duplicate)).toBe('near_duplicate');
    expect(classify(MATCH_THRESHOLDS.similar)).toBe('similar');
    expect(classify(MATCH_THRESHOLDS.similar + 1)).toBeNull();
    expect(classify(Number.NaN)).toBeNull();
  });
});

describe('bestMatch / rerank', () => {
  it('takes the closest pair over query variants and indexed crops', () => {
    const m = bestMatch(query([withBits(100), withBits(30)]), [withBits(90), zeros]);
    expect(m).toMatchObject({ distance: 10, orientation: 0, indexCrop: 1, level: 'identical' });
    const n = bestMatch(query([withBits(30)]), [withBits(90), zeros]);
    expect(n).toMatchObject({ distance: 30, indexCrop: 0.9, level: 'near_duplicate' });
  });

  it('never gives a level to a plain query', () => {
    expect(bestMatch(query([zeros], 0.001), [zeros]).level).toBeNull();
  });

  it('orders candidates by exact distance and drops non-matches unless asked', () => {
    const cands = [{ id: 'far', h: [withBits(200)] }, { id: 'near', h: [withBits(20)] }, { id: 'same', h: [zeros] }];
    const r = rerank(query([zeros]), cands, (c) => c.h);
    expect(r.map((x) => x.item.id)).toEqual(['same', 'near']);
    expect(rerank(query([zeros]), cands, (c) => c.h, { keepNonMatches: true })).toHaveLength(3);
  });
});
