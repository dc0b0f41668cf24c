import { describe, expect, it } from 'vitest';
import { parseMeasure } from '../../../src/search/measure.js';
import { fixtureDomain } from './fixture-domain.js';

const len = (s: string, tol = 0.2) => parseMeasure(s, 'length', tol, fixtureDomain);

describe('parseMeasure', () => {
  it('turns one length into a window of ±tolerance in millimetres', () => {
    expect(len('24cm')).toEqual({ gte: 192, lte: 288, target: 240 });
    expect(len('240 mm', 0.1)).toEqual({ gte: 216, lte: 264, target: 240 });
    expect(len('about 24 cm')).toEqual({ gte: 192, lte: 288, target: 240 });
  });

  it('reads fractions of inches, so 24 cm ±20% covers 9 1/2 in.', () => {
    const r = len('9 1/2 in');
    expect(typeof r).toBe('object');
    if (typeof r === 'string') return;
    expect((r.gte + r.lte) / 2).toBeCloseTo(241.3, 1);
    const window = len('24 cm');
    if (typeof window === 'string') throw new Error(window);
    expect(241.3).toBeGreaterThanOrEqual(window.gte);
    expect(241.3).toBeLessThanOrEqual(window.lte);
  });

  it('reads a bare number as centimetres', () => {
    expect(len('30', 0)).toEqual({ gte: 300, lte: 300, target: 300 });
  });

  it('takes an explicit range as it is, the unit of the upper bound applying to both', () => {
    expect(len('20-30 cm')).toEqual({ gte: 200, lte: 300 });
    expect(len('20 to 30 cm')).toEqual({ gte: 200, lte: 300 });
    expect(len('10 cm - 1 m')).toEqual({ gte: 100, lte: 1000 });
  });

  it('reads weights in grams', () => {
    expect(parseMeasure('3.9 g', 'weight', 0, fixtureDomain)).toEqual({ gte: 3.9, lte: 3.9, target: 3.9 });
    expect(parseMeasure('1 kg', 'weight', 0.5, fixtureDomain)).toEqual({ gte: 500, lte: 1500, target: 1000 });
  });

  it('reads units written in Cyrillic or Arabic letters', () => {
    expect(len('24 см')).toEqual(len('24 cm'));
    expect(len('20-30 см')).toEqual({ gte: 200, lte: 300 });
    expect(len('9 1/2 дюйма')).toEqual(len('9 1/2 in'));
    expect(len('24 сантиметри')).toEqual(len('24 cm'));
    expect(len('9 1/2 polegadas')).toEqual(len('9 1/2 in'));
    expect(len('24 سم')).toEqual(len('24 cm'));
    expect(len('٢٤ سم')).toEqual(len('24 cm'));
    expect(len('۲٫۵ سم')).toEqual(len('2,5 cm'));
    expect(parseMeasure('1 кг', 'weight', 0.2, fixtureDomain)).toEqual(parseMeasure('1 kg', 'weight', 0.2, fixtureDomain));
  });

  it('refuses a single value of 0 (a window of nothing), but not a range from 0', () => {
    expect(len('0 cm')).toMatch(/more than 0/);
    expect(len('0')).toMatch(/more than 0/);
    expect(len('0-30 cm')).toEqual({ gte: 0, lte: 300 });
  });

  it('explains what is wrong instead of guessing', () => {
    expect(len('tall')).toMatch(/not a length/);
    expect(len('24 kg')).toMatch(/not a length/);
    expect(len('30-20 cm')).toMatch(/lower bound is above/);
    expect(parseMeasure('24 cm', 'weight', 0.2, fixtureDomain)).toMatch(/not a weight/);
  });
});
