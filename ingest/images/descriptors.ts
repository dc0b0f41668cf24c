/**
 * Perceptual descriptors: DCT hashes of the trimmed image and of central crops, computed at ingest
 * (index side) and at query time (query side) by the same code.
 *
 * Design (measured with test/eval/images.ts on the fixtures, see the report in that file):
 * - One decode to a ~256 px grey raster (sharp shrinks JPEGs on load: decode + all query hashes
 *   of a 2 MP JPEG take ~12 ms); every crop and hash is then computed from that raster in JS.
 * - Uniform borders (mat, padding, scanner bed, plain backdrop) are trimmed first, on both sides,
 *   so a framed or re-padded copy hashes like the original (raster.ts `trimRect`, guarded).
 * - The main descriptor is a 256-bit hash: the 16 x 16 lowest DCT frequencies of a 64 x 64
 *   area-averaged sample, thresholded at their median (PDQ-like). On the fixtures, unrelated images
 *   are 88+ bits apart (median 108, best of all orientations and crops) while edited copies stay
 *   within ~20; the 64-bit pHash (8 x 8 of 32 x 32) put unrelated pairs as close as 14 bits of 64,
 *   i.e. inside any useful "similar" threshold, with edits at 0-14.
 *   The classic 64-bit pHash is still computed (`phash`) for display and quick dedupe.
 * - Crops: the index keeps hashes of the full trimmed image and of its central 90 % and 80 %, so a
 *   query that is a 5-10 % crop per side meets a hash of the same content. The query side hashes
 *   its own central 90/80/70 % as well, which meets the original when the query has a textured
 *   frame that trimming cannot remove (a 10-20 % border).
 * - Orientation: the query gets all 8 rotations/mirrors, derived from one DCT by sign flips and a
 *   transposition (dct.ts `dihedral`); the index stores the upright image only.
 * - Known limits (global hashes): off-centre crops shift the content and cost ~10 bits per 1 % of
 *   shift (2 % off one side ~20 bits, 5 % ~50, 8 % ~72, 10 % ~100: found by rank on the fixtures
 *   but not classified as a match beyond ~5 %); a 3-degree tilt costs 46-72 bits; a different
 *   photograph of the same object is ~56 bits at best and usually not found. Local features would
 *   be the next step for those.
 */
import type { Sharp } from './sharp.js';
import { sharp } from './sharp.js';
import { dctLowFrequencies, dihedral, DIHEDRAL_COUNT } from './dct.js';
import { blockHash } from './hash.js';
import { centralCrop, sampleBox, trimRect, type Raster, type Rect } from './raster.js';

export const DESCRIPTOR_VERSION = 1;
/** Longest side of the grey raster every hash is computed from. */
export const WORK_SIZE = 256;
/** 256-bit hash: 16 x 16 DCT block of a 64 x 64 sample. */
export const HASH_BITS = 256;
const N256 = 64;
const K256 = 16;
/** 64-bit pHash: 8 x 8 DCT block of a 32 x 32 sample. */
const N64 = 32;
const K64 = 8;

/** Central crops indexed per image (share of each side of the trimmed image). */
export const INDEX_CROPS = [1, 0.9, 0.8] as const;
/** Central crops tried per query, each in 8 orientations. */
export const QUERY_CROPS = [1, 0.9, 0.8, 0.7] as const;

/**
 * Below this quality the image is (nearly) plain: its hash bits come from noise and rounding, and
 * all plain images share one hash. Such descriptors are not indexed and such queries never match.
 * Measured: a solid colour 0, a smooth full-frame gradient 0.085, the dullest real photo 0.06.
 */
export const MIN_QUALITY = 0.03;

export interface ImageDescriptors {
  version: number;
  /** 64-bit DCT pHash of the trimmed image, 16 hex digits. */
  phash: string;
  /** 64-bit pHashes of the central crops INDEX_CROPS[1..] (90 %, 80 %). */
  crops: string[];
  /** 256-bit hashes (64 hex digits) for INDEX_CROPS in order: full, 90 %, 80 %. Indexed in ES. */
  hashes: string[];
  /** Content rectangle after trimming, as shares of the oriented image (0..1). */
  trim: Rect;
  /**
   * Texture of the trimmed image, 0..1 (mean absolute grey gradient of the 64 x 64 sample,
   * scaled). Near-plain images have near-random hashes: matches on them deserve less trust.
   */
  quality: number;
}

export interface QueryVariant {
  /** 0..7, see dct.ts `dihedral`. */
  orientation: number;
  /** Share of each side of the trimmed query that was hashed. */
  crop: number;
  hash: string;
}

export interface QueryDescriptors {
  version: number;
  variants: QueryVariant[];
  quality: number;
  trim: Rect;
}

/** Decode once to the small grey raster: auto-oriented, alpha flattened on white. */
export async function greyRaster(img: Sharp): Promise<Raster> {
  const { data, info } = await img
    .flatten({ background: '#ffffff' })
    .grayscale()
    .resize(WORK_SIZE, WORK_SIZE, { fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const ch = info.channels;
  const grey = new Uint8Array(info.width * info.height);
  for (let i = 0; i < grey.length; i++) grey[i] = data[i * ch] as number;
  return { width: info.width, height: info.height, data: grey };
}

function gradientQuality(sample: Float64Array, n: number): number {
  let sum = 0;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const p = sample[y * n + x] as number;
      if (x + 1 < n) sum += Math.abs((sample[y * n + x + 1] as number) - p);
      if (y + 1 < n) sum += Math.abs((sample[(y + 1) * n + x] as number) - p);
    }
  }
  // A mean step of 16 grey levels between neighbours counts as fully textured.
  return Math.min(1, sum / (2 * n * (n - 1)) / 16);
}

function share(r: Raster, rect: Rect): Rect {
  return { x: rect.x / r.width, y: rect.y / r.height, width: rect.width / r.width, height: rect.height / r.height };
}

function block256(r: Raster, rect: Rect): { block: Float64Array; sample: Float64Array } {
  const sample = sampleBox(r, rect, N256);
  return { block: dctLowFrequencies(sample, N256, K256), sample };
}

/** Index-side descriptors from a raster (pure). */
export function descriptorsFromRaster(r: Raster): ImageDescriptors {
  const rect = trimRect(r);
  const hashes: string[] = [];
  let quality = 0;
  for (const [i, s] of INDEX_CROPS.entries()) {
    const { block, sample } = block256(r, centralCrop(rect, s));
    if (i === 0) quality = gradientQuality(sample, N256);
    hashes.push(blockHash(block, K256));
  }
  const small = INDEX_CROPS.map((s) => blockHash(dctLowFrequencies(sampleBox(r, centralCrop(rect, s), N64), N64, K64), K64));
  return {
    version: DESCRIPTOR_VERSION,
    phash: small[0] as string,
    crops: small.slice(1),
    hashes,
    trim: share(r, rect),
    quality: Math.round(quality * 1000) / 1000,
  };
}

/** Query-side descriptors from a raster (pure): QUERY_CROPS x 8 orientations. */
export function queryFromRaster(r: Raster): QueryDescriptors {
  const rect = trimRect(r);
  const variants: QueryVariant[] = [];
  let quality = 0;
  for (const [i, crop] of QUERY_CROPS.entries()) {
    const { block, sample } = block256(r, centralCrop(rect, crop));
    if (i === 0) quality = gradientQuality(sample, N256);
    for (let o = 0; o < DIHEDRAL_COUNT; o++) variants.push({ orientation: o, crop, hash: blockHash(dihedral(block, K256, o), K256) });
  }
  return { version: DESCRIPTOR_VERSION, variants, quality: Math.round(quality * 1000) / 1000, trim: share(r, rect) };
}

type Input = Sharp | Buffer | string;

function pipeline(input: Input): Sharp {
  return typeof input === 'string' || Buffer.isBuffer(input) ? sharp(input, { failOn: 'error', autoOrient: true }) : input;
}

/**
 * Index-side descriptors. Pass a sharp pipeline (already oriented and limited, as probeAndProcess
 * does; it is consumed) or raw bytes/path (then decoded here, auto-oriented, without limits: use
 * probeAndProcess for untrusted input).
 */
export async function computeDescriptors(input: Input): Promise<ImageDescriptors> {
  return descriptorsFromRaster(await greyRaster(pipeline(input)));
}

/** Query-side descriptors (same decode and trim as the index side). */
export async function queryDescriptors(input: Input): Promise<QueryDescriptors> {
  return queryFromRaster(await greyRaster(pipeline(input)));
}
