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

/** Said with every no-hit note: the photo search cannot clear an object. */
export const NO_PROOF = 'No hit is no proof that the object is not listed: search by words as well.';

/** Why there is no hit, in words an officer can act on. */
export function noHitNote(opts: { plain: boolean; closest: number | null; candidates: number; filtered: boolean }): string {
  if (opts.plain) {
    return `The photo is too plain (almost no texture) to be compared reliably, so no record is matched. Photograph the object closer, against a contrasting background. ${NO_PROOF}`;
  }
  const scope = opts.filtered ? 'among the records the filters allow' : 'in the index';
  if (opts.candidates === 0 || opts.closest === null) return `No record with a comparable image was found ${scope}. ${NO_PROOF}`;
  return (
    `No record image is close enough ${scope}: the closest is ${opts.closest} bits of ${IMAGE_HASH_BITS} away, and a match needs at most ` +
    `${MATCH_THRESHOLDS.similar} (similar). Unrelated pictures are usually 90 or more bits apart. A different photograph of the same ` +
    `object, a strong tilt or an off-centre crop may also not be found. ${NO_PROOF}`
  );
}

/** How many records a photo could have been compared with. */
export interface ImageCounts {
  /** Records with a comparable image (hashes) in the whole index. */
  indexed: number;
  /** Records the filters allow (the whole index without filters). */
  allowed: number;
  /** Of those, the records with a comparable image. */
  allowedWithImage: number;
}

const WITH_IMAGE = { nested: { path: 'image_hashes', query: { exists: { field: 'image_hashes.hash' } } } };

/** One size-0 request giving every ImageCounts figure: the filtered total, and two filter aggregations. */
export function imageCountsBody(filter: unknown): Record<string, unknown> {
  return {
    size: 0,
    track_total_hits: true,
    query: filter ?? { match_all: {} },
    aggs: { with_image: { filter: WITH_IMAGE }, index: { global: {}, aggs: { with_image: { filter: WITH_IMAGE } } } },
  };
}

type CountsResponse = { hits: { total?: number | { value: number } }; aggregations?: Record<string, unknown> };
const docCount = (agg: unknown): number => Number((agg as { doc_count?: number } | undefined)?.doc_count ?? 0);

export function imageCountsOf(res: CountsResponse): ImageCounts {
  const total = res.hits.total;
  const aggs = res.aggregations ?? {};
  return {
    indexed: docCount((aggs.index as { with_image?: unknown } | undefined)?.with_image),
    allowed: typeof total === 'number' ? total : (total?.value ?? 0),
    allowedWithImage: docCount(aggs.with_image),
  };
}

const records = (n: number) => `${n} record${n === 1 ? '' : 's'}`;

/**
 * The note when nothing could be compared at all: the index, or the records the filters allow,
 * hold no comparable image (null when some record could be compared).
 */
export function noImageNote(c: ImageCounts, filtered: boolean): string | null {
  if (c.indexed === 0) return `The index holds no record with a comparable image, so no photo can be matched here. ${NO_PROOF}`;
  if (!filtered || c.allowedWithImage > 0) return null;
  const among = `(${records(c.indexed)} in the whole index ${c.indexed === 1 ? 'has' : 'have'} one)`;
  if (c.allowed === 0) return `The filters allow no record at all, so there was nothing to compare the photo with ${among}: widen or remove the filters. ${NO_PROOF}`;
  const none = c.allowed === 1 ? 'The one record the filters allow has no comparable image' : `None of the ${c.allowed} records the filters allow has a comparable image`;
  return `${none} ${among}: widen or remove the filters. ${NO_PROOF}`;
}
