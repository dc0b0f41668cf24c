/**
 * Grey-level raster operations used by the descriptors: border trimming and area-averaging
 * resampling of a (fractional) rectangle to an N x N grid. Pure functions over a small raster
 * (the image decoded once at ~256 px), so every crop costs microseconds, not another decode.
 */

export interface Raster {
  width: number;
  height: number;
  /** Grey levels 0..255, row-major. */
  data: Uint8Array | Float32Array;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Taps {
  start: number;
  weights: number[];
}

/** For each of `n` output cells over [from, from + len), the source pixels it covers and how much. */
function taps(from: number, len: number, n: number): Taps[] {
  const step = len / n;
  const out: Taps[] = [];
  for (let i = 0; i < n; i++) {
    const a = from + i * step;
    const b = a + step;
    const start = Math.floor(a);
    const weights: number[] = [];
    for (let p = start; p < b; p++) weights.push((Math.min(b, p + 1) - Math.max(a, p)) / step);
    out.push({ start, weights });
  }
  return out;
}

/** Mean grey level over each cell of an n x n grid laid on `rect` (area averaging, no aliasing). */
export function sampleBox(r: Raster, rect: Rect, n: number): Float64Array {
  const x0 = Math.max(0, rect.x);
  const y0 = Math.max(0, rect.y);
  const w = Math.min(r.width - x0, rect.width);
  const h = Math.min(r.height - y0, rect.height);
  if (!(w > 0 && h > 0)) throw new RangeError('empty sampling rectangle');
  const tx = taps(x0, w, n);
  const ty = taps(y0, h, n);
  const rowStart = Math.floor(y0);
  const rowEnd = Math.min(r.height, Math.ceil(y0 + h));
  // Horizontal pass over the rows we need.
  const mid = new Float64Array((rowEnd - rowStart) * n);
  for (let y = rowStart; y < rowEnd; y++) {
    const base = y * r.width;
    for (let i = 0; i < n; i++) {
      const t = tx[i] as Taps;
      let acc = 0;
      for (let j = 0; j < t.weights.length; j++) {
        const px = Math.min(r.width - 1, t.start + j);
        acc += (r.data[base + px] as number) * (t.weights[j] as number);
      }
      mid[(y - rowStart) * n + i] = acc;
    }
  }
  // Vertical pass.
  const out = new Float64Array(n * n);
  for (let v = 0; v < n; v++) {
    const t = ty[v] as Taps;
    for (let j = 0; j < t.weights.length; j++) {
      const row = Math.min(rowEnd - 1, t.start + j) - rowStart;
      const wgt = t.weights[j] as number;
      for (let i = 0; i < n; i++) out[v * n + i] = (out[v * n + i] as number) + (mid[row * n + i] as number) * wgt;
    }
  }
  return out;
}

export interface TrimOptions {
  /**
   * Grey-level distance from the border colour still counted as border, as a share of the image's
   * contrast (2nd to 98th percentile), clamped to [minTolerance, maxTolerance]. Relative, so that
   * a darkened or flattened copy trims where the original does: with a fixed tolerance a gently
   * shaded sky in a darkened copy was eaten as "border" and the hash moved by 60 bits.
   */
  relTolerance: number;
  minTolerance: number;
  maxTolerance: number;
  /** Share of a line's pixels allowed to differ (dust, a signature in the margin). */
  outliers: number;
  /** Never keep less than this share of either side: below that, the "border" is the image. */
  minKeep: number;
  /** Repeat so that a frame around a plain backdrop loses both (frame, then backdrop). */
  passes: number;
}

export const DEFAULT_TRIM: TrimOptions = {
  relTolerance: 0.05,
  minTolerance: 3,
  maxTolerance: 12,
  outliers: 0.02,
  minKeep: 0.25,
  passes: 3,
};

/** Grey-level spread between the 2nd and 98th percentiles. */
export function contrast(r: Raster): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < r.data.length; i++) hist[Math.max(0, Math.min(255, Math.round(r.data[i] as number)))]! += 1;
  const lo = r.data.length * 0.02;
  const hi = r.data.length * 0.98;
  let acc = 0;
  let p2 = 0;
  let p98 = 255;
  for (let v = 0; v < 256; v++) {
    const before = acc;
    acc += hist[v] as number;
    if (before <= lo && acc > lo) p2 = v;
    if (before <= hi && acc > hi) p98 = v;
  }
  return p98 - p2;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
}

type Line = (i: number, j: number) => number;

/** How many lines from one side are border: uniform, close to that side's outermost line. */
function borderDepth(line: Line, lines: number, len: number, maxDepth: number, tol: number, o: TrimOptions): number {
  const first: number[] = [];
  for (let j = 0; j < len; j++) first.push(line(0, j));
  const bg = median(first);
  let depth = 0;
  for (let i = 0; i < maxDepth && i < lines; i++) {
    let off = 0;
    for (let j = 0; j < len; j++) if (Math.abs(line(i, j) - bg) > tol) off++;
    if (off > o.outliers * len) break;
    depth = i + 1;
  }
  return depth;
}

/**
 * The content rectangle once uniform borders (mat, padding, scanner bed, plain backdrop) are
 * removed, side by side. Guarded: if trimming would keep less than `minKeep` of a side, that
 * side is left as it is, measured against the whole raster (a plain image is not "all border").
 */
export function trimRect(r: Raster, o: TrimOptions = DEFAULT_TRIM): Rect {
  let x0 = 0;
  let y0 = 0;
  let x1 = r.width;
  let y1 = r.height;
  const at = (x: number, y: number): number => r.data[y * r.width + x] as number;
  const minW = Math.max(1, Math.ceil(r.width * o.minKeep));
  const minH = Math.max(1, Math.ceil(r.height * o.minKeep));
  const tol = Math.max(o.minTolerance, Math.min(o.maxTolerance, o.relTolerance * contrast(r)));
  for (let pass = 0; pass < o.passes; pass++) {
    const w = x1 - x0;
    const h = y1 - y0;
    const maxX = Math.max(0, w - minW);
    const maxY = Math.max(0, h - minH);
    const top = borderDepth((i, j) => at(x0 + j, y0 + i), h, w, maxY, tol, o);
    const bottom = borderDepth((i, j) => at(x0 + j, y1 - 1 - i), h, w, maxY, tol, o);
    const left = borderDepth((i, j) => at(x0 + i, y0 + j), w, h, maxX, tol, o);
    const right = borderDepth((i, j) => at(x1 - 1 - i, y0 + j), w, h, maxX, tol, o);
    const keepW = w - left - right;
    const keepH = h - top - bottom;
    const nx0 = keepW >= minW ? x0 + left : x0;
    const nx1 = keepW >= minW ? x1 - right : x1;
    const ny0 = keepH >= minH ? y0 + top : y0;
    const ny1 = keepH >= minH ? y1 - bottom : y1;
    if (nx0 === x0 && nx1 === x1 && ny0 === y0 && ny1 === y1) break;
    [x0, x1, y0, y1] = [nx0, nx1, ny0, ny1];
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The central `scale` share of each side of `rect`. */
export function centralCrop(rect: Rect, scale: number): Rect {
  const w = rect.width * scale;
  const h = rect.height * scale;
  return { x: rect.x + (rect.width - w) / 2, y: rect.y + (rect.height - h) / 2, width: w, height: h };
}
