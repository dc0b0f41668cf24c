/**
 * Separable 2-D DCT-II of a square N x N raster, keeping only the K x K lowest frequencies.
 * Coefficients are returned row-major as `c[v * K + u]`, u the horizontal and v the vertical
 * frequency. Low frequencies carry the layout of light and dark that survives resizing,
 * recompression, blur and colour changes; fine detail (where those edits act) is dropped.
 */

const matrices = new Map<string, Float64Array>();

/** K x N matrix with D[u][x] = s(u) cos(pi (2x + 1) u / 2N) (orthonormal scaling). */
function dctMatrix(n: number, k: number): Float64Array {
  const key = `${n}x${k}`;
  const cached = matrices.get(key);
  if (cached) return cached;
  const m = new Float64Array(k * n);
  for (let u = 0; u < k; u++) {
    const s = u === 0 ? Math.sqrt(1 / n) : Math.sqrt(2 / n);
    for (let x = 0; x < n; x++) m[u * n + x] = s * Math.cos((Math.PI * (2 * x + 1) * u) / (2 * n));
  }
  matrices.set(key, m);
  return m;
}

/** Low-frequency block of the DCT of `pixels` (N x N, row-major). */
export function dctLowFrequencies(pixels: Float32Array | Float64Array, n: number, k: number): Float64Array {
  if (pixels.length !== n * n) throw new RangeError(`expected ${n * n} pixels, got ${pixels.length}`);
  const d = dctMatrix(n, k);
  // Rows first: tmp[y][u] = sum_x f[y][x] D[u][x]
  const tmp = new Float64Array(n * k);
  for (let y = 0; y < n; y++) {
    for (let u = 0; u < k; u++) {
      let acc = 0;
      for (let x = 0; x < n; x++) acc += (pixels[y * n + x] as number) * (d[u * n + x] as number);
      tmp[y * k + u] = acc;
    }
  }
  // Then columns: c[v][u] = sum_y D[v][y] tmp[y][u]
  const out = new Float64Array(k * k);
  for (let v = 0; v < k; v++) {
    for (let u = 0; u < k; u++) {
      let acc = 0;
      for (let y = 0; y < n; y++) acc += (d[v * n + y] as number) * (tmp[y * k + u] as number);
      out[v * k + u] = acc;
    }
  }
  return out;
}

/**
 * The 8 symmetries of the square (rotations by 0/90/180/270 degrees, with and without a mirror)
 * applied to a DCT block instead of to the image: mirroring left-right multiplies coefficient
 * (u, v) by (-1)^u, mirroring top-bottom by (-1)^v, and transposing the image transposes the
 * block. So one DCT of the query gives the hashes of all 8 orientations, exactly (the box
 * resampling grid is symmetric too), for the cost of a few sign flips.
 *
 * Index i: bit 0 = mirror left-right, bit 1 = mirror top-bottom, bit 2 = transpose (applied
 * last). 0 = as is, 3 = rotated 180, 5 / 6 = rotated 90 one way or the other, 4 / 7 = the two
 * diagonal mirrors, 1 / 2 = horizontal / vertical mirror.
 */
export function dihedral(block: Float64Array, k: number, i: number): Float64Array {
  const out = new Float64Array(k * k);
  const fx = (i & 1) !== 0;
  const fy = (i & 2) !== 0;
  const tr = (i & 4) !== 0;
  for (let v = 0; v < k; v++) {
    for (let u = 0; u < k; u++) {
      let c = block[v * k + u] as number;
      if (fx && u % 2 === 1) c = -c;
      if (fy && v % 2 === 1) c = -c;
      if (tr) out[u * k + v] = c;
      else out[v * k + u] = c;
    }
  }
  return out;
}

export const DIHEDRAL_COUNT = 8;
