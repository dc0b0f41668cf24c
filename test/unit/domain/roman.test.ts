import { describe, expect, it } from 'vitest';
import { intToRoman, romanToInt } from '../../../src/domain/roman.js';

describe('romanToInt', () => {
  it('reads canonical numerals in any case', () => {
    expect(romanToInt('XVIII')).toBe(18);
    expect(romanToInt('xiv')).toBe(14);
    expect(romanToInt('IX')).toBe(9);
    expect(romanToInt('XL')).toBe(40);
    expect(romanToInt('MCMXCIX')).toBe(1999);
  });

  it('rejects non-canonical or foreign strings', () => {
    expect(romanToInt('IIII')).toBeUndefined();
    expect(romanToInt('IC')).toBeUndefined();
    expect(romanToInt('VX')).toBeUndefined();
    expect(romanToInt('abc')).toBeUndefined();
    expect(romanToInt('')).toBeUndefined();
  });
});

describe('intToRoman', () => {
  it('round-trips 1..100', () => {
    for (let n = 1; n <= 100; n++) expect(romanToInt(intToRoman(n))).toBe(n);
    expect(intToRoman(21)).toBe('XXI');
  });
});
