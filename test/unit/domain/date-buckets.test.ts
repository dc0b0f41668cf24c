import { describe, expect, it } from 'vitest';
import { periodBucketLabel, periodBucketOf, periodBucketOrder, periodBucketsOf } from '../../../src/domain/dates.js';

describe('period facet buckets', () => {
  it('puts BCE years in millennia and CE years in centuries', () => {
    expect(periodBucketOf(-3000)).toBe('m-3');
    expect(periodBucketOf(-2001)).toBe('m-3');
    expect(periodBucketOf(-2000)).toBe('m-2');
    expect(periodBucketOf(-1)).toBe('m-1');
    expect(periodBucketOf(1)).toBe('c1');
    expect(periodBucketOf(100)).toBe('c1');
    expect(periodBucketOf(101)).toBe('c2');
    expect(periodBucketOf(1800)).toBe('c18');
    expect(periodBucketOf(2024)).toBe('c21');
    expect(periodBucketOf(-25000)).toBe('m-11plus');
    expect(periodBucketOf(0)).toBeUndefined();
  });

  it('lists every bucket a range overlaps, in order', () => {
    expect(periodBucketsOf(-200, -101)).toEqual(['m-1']);
    expect(periodBucketsOf(-2333, -1668)).toEqual(['m-3', 'm-2']);
    expect(periodBucketsOf(-100, 300)).toEqual(['m-1', 'c1', 'c2', 'c3']);
    expect(periodBucketsOf(1701, 1800)).toEqual(['c18']);
    expect(periodBucketsOf(-12000, -9500)).toEqual(['m-11plus', 'm-10']);
    expect(periodBucketsOf(1301, undefined)).toEqual(['c14']);
    expect(periodBucketsOf(undefined, undefined)).toEqual([]);
  });

  it('orders keys chronologically', () => {
    const keys = ['c2', 'm-1', 'c18', 'm-11plus', 'm-3', 'c1'];
    expect([...keys].sort((a, b) => periodBucketOrder(a) - periodBucketOrder(b))).toEqual(['m-11plus', 'm-3', 'm-1', 'c1', 'c2', 'c18']);
  });

  it('labels buckets in every interface language', () => {
    expect(periodBucketLabel('m-3')).toEqual({
      en: '3rd millennium BC', fr: 'IIIe millénaire av. J.-C.', es: 'III milenio a. C.',
      pt: 'III milénio a.C.', de: '3. Jahrtausend v. Chr.',
      ar: 'الألفية الثالثة قبل الميلاد', uk: 'III тисячоліття до н. е.',
    });
    expect(periodBucketLabel('c1')?.en).toBe('1st century AD');
    expect(periodBucketLabel('c1')?.fr).toBe('Ier siècle apr. J.-C.');
    expect(periodBucketLabel('c18')?.es).toBe('Siglo XVIII d. C.');
    expect(periodBucketLabel('c18')?.ar).toBe('القرن الثامن عشر الميلادي');
    expect(periodBucketLabel('c21')?.en).toBe('21st century AD');
    expect(periodBucketLabel('c18')?.pt).toBe('Século XVIII d.C.');
    expect(periodBucketLabel('c1')?.de).toBe('1. Jahrhundert n. Chr.');
    expect(periodBucketLabel('m-11plus')?.en).toBe('Before the 10th millennium BC');
    expect(periodBucketLabel('x7')).toBeUndefined();
  });
});
