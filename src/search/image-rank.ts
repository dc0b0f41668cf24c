import { bestMatch, hashesByImage, MATCH_THRESHOLDS, type BestMatch, type MatchLevel, type QueryDescriptors, type StoredImageHashEntry } from '../../ingest/images/index.js';
import { IMAGE_HASH_BITS } from '../schemas/image-search.js';

/**
 * Exact re-ranking of the knn candidates, per record image: Elasticsearch's HNSW search only
 * proposes candidates (approximate, and summed over the query's orientation/crop clauses); the
 * distance, the order and the level shown to the officer are decided here, on every stored hash of
 * every image of each candidate record. Pure.
 */

export interface Candidate {
  id: string;
  image_hashes?: StoredImageHashEntry[];
}

export interface RankedRecord {
  id: string;
  /** The record image that came closest. */
  image: string;
  match: BestMatch;
}

/** The closest image of one record: smallest exact distance over its images (ties: first image). */
export function closestImage(query: QueryDescriptors, entries: readonly StoredImageHashEntry[] | undefined): { image: string; match: BestMatch } | null {
  let best: { image: string; match: BestMatch } | null = null;
  for (const [image, hashes] of hashesByImage(entries)) {
    const match = bestMatch(query, hashes);
    if (!best || match.distance < best.match.distance) best = { image, match };
  }
  return best;
}

/** Every candidate with at least one comparable image, closest first (ties by id, for stable output). */
export function rankCandidates(query: QueryDescriptors, candidates: readonly Candidate[]): RankedRecord[] {
  const out: RankedRecord[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const best = closestImage(query, c.image_hashes);
    if (best && Number.isFinite(best.match.distance)) out.push({ id: c.id, ...best });
  }
  return out.sort((a, b) => a.match.distance - b.match.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** 0..1 for display: 1 - distance / 256, rounded to 3 decimals. */
export function similarityOf(distance: number): number {
  return Math.round(Math.max(0, 1 - distance / IMAGE_HASH_BITS) * 1000) / 1000;
}

export const THRESHOLDS = { ...MATCH_THRESHOLDS, bits: IMAGE_HASH_BITS } as const;

export type Matched = RankedRecord & { match: BestMatch & { level: MatchLevel } };

export const isMatch = (r: RankedRecord): r is Matched => r.match.level !== null;

/** Why there is no hit, in words an officer can act on. */
export function noHitNote(opts: { plain: boolean; closest: number | null; candidates: number; filtered: boolean }): string {
  if (opts.plain) {
    return 'The photo is too plain (almost no texture) to be compared reliably, so no record is matched. Photograph the object closer, against a contrasting background.';
  }
  const scope = opts.filtered ? 'among the records the filters allow' : 'in the index';
  if (opts.candidates === 0 || opts.closest === null) return `No record with a comparable image was found ${scope}.`;
  return (
    `No record image is close enough ${scope}: the closest is ${opts.closest} bits of ${IMAGE_HASH_BITS} away, and a match needs at most ` +
    `${MATCH_THRESHOLDS.similar} (similar). Unrelated pictures are usually 90 or more bits apart. A different photograph of the same ` +
    'object, a strong tilt or an off-centre crop may also not be found: this is not a proof that the object is not listed.'
  );
}
