/**
 * Exact comparison of a query against indexed descriptors, and the match levels shown to officers.
 *
 * Levels are on the 256-bit hash (`HASH_BITS`); calibrated with test/eval/images.ts on the fixtures
 * (5 originals x 23 edits, 50 fixture edits, 309 distractors, 45,540 unrelated pairs):
 * - edits of the same picture land at 0-22 bits (resize, JPEG q30, blur, +/-30 % brightness,
 *   greyscale, rotations, mirror, EXIF orientation, 5-10 % central crops, a plain frame), a
 *   textured frame that cannot be trimmed at 14-38, a 2 % off-centre crop at 16-24, a 5 % one at
 *   ~50, a different photo of the same painting or a remix at 56, a 3-degree tilt at 46-72;
 * - unrelated pictures never came closer than 88 bits (median 108; 1 % below 98), best of all
 *   orientations and crops. Extrapolating that tail, an unrelated record within 60 bits should
 *   turn up about once in 3 million queries against 100,000 records (rough).
 * So: identical <= 12 (same picture, re-encoded/resized), near_duplicate <= 40 (an edited copy),
 * similar <= 60 (possibly the same object or a heavy edit: check by eye); above that, no match.
 * Raising `similar` to ~72 would catch 8 % off-centre crops and more tilts, at a margin of only
 * 16 bits to the closest unrelated pair seen.
 * A hit is a due-diligence trigger, never a proof: `similar` especially needs a human look.
 */
import { hammingWords, hexToWords } from './hash.js';
import { HASH_BITS, INDEX_CROPS, MIN_QUALITY, type QueryDescriptors } from './descriptors.js';

export type MatchLevel = 'identical' | 'near_duplicate' | 'similar';

export const MATCH_THRESHOLDS: Readonly<Record<MatchLevel, number>> = {
  identical: 12,
  near_duplicate: 40,
  similar: 60,
};

/** Level of a 256-bit Hamming distance, or null when it is not a match. */
export function classify(distance: number): MatchLevel | null {
  if (!Number.isFinite(distance) || distance < 0) return null;
  if (distance <= MATCH_THRESHOLDS.identical) return 'identical';
  if (distance <= MATCH_THRESHOLDS.near_duplicate) return 'near_duplicate';
  if (distance <= MATCH_THRESHOLDS.similar) return 'similar';
  return null;
}

/** Similarity 0..1 for display (1 = same hash). */
export function similarity(distance: number): number {
  return Math.max(0, 1 - distance / (HASH_BITS / 2));
}

export interface BestMatch {
  distance: number;
  level: MatchLevel | null;
  /** Which of the query's orientations (dct.ts `dihedral`) and crops matched, and which indexed crop. */
  orientation: number;
  queryCrop: number;
  indexCrop: number;
}

const queryWords = new WeakMap<QueryDescriptors, Uint32Array[]>();

function wordsOf(query: QueryDescriptors): Uint32Array[] {
  let w = queryWords.get(query);
  if (!w) {
    w = query.variants.map((v) => hexToWords(v.hash));
    queryWords.set(query, w);
  }
  return w;
}

/**
 * Smallest distance between any query variant and any indexed hash of one image (`hashes` in
 * INDEX_CROPS order, as `ImageDescriptors.hashes`; empty or malformed entries are skipped).
 * Exact: this is what ranks and classifies.
 */
export function bestMatch(query: QueryDescriptors, hashes: readonly string[]): BestMatch {
  const qw = wordsOf(query);
  let best: BestMatch = { distance: Infinity, level: null, orientation: 0, queryCrop: 1, indexCrop: 1 };
  for (const [i, h] of hashes.entries()) {
    let hw: Uint32Array;
    try {
      hw = hexToWords(h);
    } catch {
      continue;
    }
    for (const [j, v] of query.variants.entries()) {
      const w = qw[j] as Uint32Array;
      if (w.length !== hw.length) continue;
      const d = hammingWords(w, hw);
      if (d < best.distance) {
        best = { distance: d, level: null, orientation: v.orientation, queryCrop: v.crop, indexCrop: INDEX_CROPS[i] ?? Number.NaN };
      }
    }
  }
  // A plain query (a blank wall, a lens cap) has a noise hash: report the distance, never a level.
  return { ...best, level: query.quality < MIN_QUALITY ? null : classify(best.distance) };
}

export interface Ranked<T> {
  item: T;
  match: BestMatch;
}

/** Re-rank candidates (e.g. knn hits) by exact distance, closest first; drops non-matches if asked. */
export function rerank<T>(
  query: QueryDescriptors,
  candidates: readonly T[],
  hashesOf: (c: T) => readonly string[],
  opts: { keepNonMatches?: boolean } = {},
): Ranked<T>[] {
  const out = candidates.map((item) => ({ item, match: bestMatch(query, hashesOf(item)) }));
  out.sort((a, b) => a.match.distance - b.match.distance);
  return opts.keepNonMatches ? out : out.filter((r) => r.match.level !== null);
}
