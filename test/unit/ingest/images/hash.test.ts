import { describe, expect, it } from 'vitest';
import { blockHash, hamming, hexToSignedBytes, signedBytesToHex } from '../../../../ingest/images/hash.js';

describe('hash', () => {
  it('counts differing bits', () => {
    expect(hamming('00ff', '00ff')).toBe(0);
    expect(hamming('00ff', 'ff00')).toBe(16);
    expect(hamming('0f', '0e')).toBe(1);
    expect(hamming('A0', 'a1')).toBe(1);
    expect(() => hamming('00', '0000')).toThrow(RangeError);
    expect(() => hamming('zz', '00')).toThrow(RangeError);
  });

  it('converts to and from the signed bytes ES returns', () => {
    expect(hexToSignedBytes('ff7f8000')).toEqual([-1, 127, -128, 0]);
    expect(signedBytesToHex([-1, 127, -128, 0])).toBe('ff7f8000');
  });

  it('thresholds AC coefficients at their median, DC bit always 0', () => {
    const k = 4;
    const block = Float64Array.from({ length: k * k }, (_, i) => (i === 0 ? 1000 : i));
    const h = blockHash(block, k);
    // Values 1..15, median 8: bits 9..15 set.
    expect(h).toBe('007f');
    const shifted = Float64Array.from(block, (v, i) => (i === 0 ? -5 : v * 3 + 7));
    expect(blockHash(shifted, k)).toBe(h);
  });
});

describe('hammingWords', () => {
  it('agrees with the hex hamming on random hashes', async () => {
    const { hexToWords, hammingWords } = await import('../../../../ingest/images/hash.js');
    let seed = 7;
    const rnd = (): string => {
      let out = '';
      for (let i = 0; i < 64; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        out += ((seed >>> 8) & 15).toString(16);
      }
      return out;
    };
    for (let i = 0; i < 50; i++) {
      const a = rnd();
      const b = rnd();
      expect(hammingWords(hexToWords(a), hexToWords(b))).toBe(hamming(a, b));
    }
    expect(hammingWords(hexToWords('ffffffff'), hexToWords('00000000'))).toBe(32);
    expect(() => hexToWords('xyz')).toThrow(RangeError);
  });
});
