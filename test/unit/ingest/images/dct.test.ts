import { describe, expect, it } from 'vitest';
import { dctLowFrequencies, dihedral } from '../../../../ingest/images/dct.js';

const N = 16;
const K = 6;

function image(): Float64Array {
  const a = new Float64Array(N * N);
  for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) a[y * N + x] = Math.sin(x * 0.7 + 1) * 50 + y * y * 0.9 + ((x * 5 + y * 3) % 7) * 4;
  return a;
}

/** Transform the pixels directly with the same index convention as `dihedral`. */
function transformPixels(a: Float64Array, i: number): Float64Array {
  const out = new Float64Array(N * N);
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      let sx = x;
      let sy = y;
      if (i & 4) [sx, sy] = [sy, sx];
      if (i & 1) sx = N - 1 - sx;
      if (i & 2) sy = N - 1 - sy;
      out[y * N + x] = a[sy * N + sx] as number;
    }
  }
  return out;
}

describe('dihedral', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7])('derives the DCT of transformed pixels from one DCT (variant %i)', (i) => {
    const a = image();
    const fromBlock = dihedral(dctLowFrequencies(a, N, K), K, i);
    const direct = dctLowFrequencies(transformPixels(a, i), N, K);
    for (let j = 0; j < K * K; j++) expect(fromBlock[j]).toBeCloseTo(direct[j] as number, 8);
  });

  it('puts the mean in the DC coefficient (orthonormal scaling)', () => {
    const flat = new Float64Array(N * N).fill(10);
    const c = dctLowFrequencies(flat, N, K);
    expect(c[0]).toBeCloseTo(10 * N, 8);
    for (let j = 1; j < K * K; j++) expect(Math.abs(c[j] as number)).toBeLessThan(1e-9);
  });
});
