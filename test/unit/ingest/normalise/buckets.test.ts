import { describe, expect, it } from 'vitest';
import { periodBuckets } from '../../../../ingest/normalise/buckets.js';

describe('period buckets', () => {
  it('gives millennia BCE and centuries CE, with no year 0', () => {
    expect(periodBuckets(-200, -101)).toEqual(['m-1']);
    expect(periodBuckets(-1000, -1)).toEqual(['m-1']);
    expect(periodBuckets(-1001, -1000)).toEqual(['m-2', 'm-1']);
    expect(periodBuckets(1, 100)).toEqual(['c1']);
    expect(periodBuckets(1701, 1800)).toEqual(['c18']);
    expect(periodBuckets(1800, 1801)).toEqual(['c18', 'c19']);
  });

  it('spans the era boundary', () => {
    expect(periodBuckets(-332, 395)).toEqual(['m-1', 'c1', 'c2', 'c3', 'c4']);
  });

  it('accepts one known end or reversed ends, and nothing without a year', () => {
    expect(periodBuckets(-2600, undefined)).toEqual(['m-3']);
    expect(periodBuckets(undefined, 1708)).toEqual(['c18']);
    expect(periodBuckets(1500, 1400)).toEqual(['c14', 'c15']);
    expect(periodBuckets(undefined, undefined)).toEqual([]);
  });

  it('clamps wild values', () => {
    expect(periodBuckets(-50_000, -9500)).toEqual(['m-10']);
    expect(periodBuckets(2000, 9999)).toEqual(['c20', 'c21']);
  });
});
