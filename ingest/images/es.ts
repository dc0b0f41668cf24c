/**
 * Elasticsearch side of image search: the mapping fragment, the document entries, the knn request
 * and the grouping of stored hashes for exact re-ranking (match.ts). Plain objects only: no client
 * here, the caller sends them with the project's adapter.
 *
 * Each record stores one nested entry per (image, indexed crop) with a 256-bit `bit` vector. ES
 * compares bit vectors by Hamming distance (score = (bits - distance) / bits) in an HNSW graph;
 * a knn on a nested field returns each record once, scored by its closest entry. The query sends
 * one knn clause per query variant (orientation x crop); ES returns candidates, our code ranks
 * them exactly against all stored hashes and decides the level.
 */
import { signedBytesToHex } from './hash.js';
import { HASH_BITS, INDEX_CROPS, MIN_QUALITY, type ImageDescriptors, type QueryDescriptors } from './descriptors.js';

export const IMAGE_HASH_FIELD = 'image_hashes';

/** Mapping fragment for `properties` of the records index. */
export const IMAGE_HASH_MAPPING = {
  [IMAGE_HASH_FIELD]: {
    type: 'nested',
    properties: {
      sha256: { type: 'keyword' },
      crop: { type: 'float' },
      hash: {
        type: 'dense_vector',
        element_type: 'bit',
        dims: HASH_BITS,
        index: true,
        similarity: 'l2_norm',
        index_options: { type: 'hnsw', m: 16, ef_construction: 100 },
      },
    },
  },
} as const;

export interface ImageHashEntry {
  sha256: string;
  crop: number;
  /** Hex string: ES accepts bit vectors as hex. */
  hash: string;
}

/** An entry as read back from `_source`: ES 9 returns bit vectors as signed bytes. */
export interface StoredImageHashEntry {
  sha256: string;
  crop: number;
  hash: string | number[];
}

/**
 * `_source` option for the knn search: ES 9 leaves vectors out of `_source` by default
 * (index.mapping.exclude_source_vectors), and the exact re-ranking needs them.
 */
export function imageSourceFilter(extra: string[] = []): { includes: string[]; exclude_vectors: false } {
  return { includes: [...extra, IMAGE_HASH_FIELD], exclude_vectors: false };
}

/** The nested entries of one image (one per indexed crop); none for a plain image (see MIN_QUALITY). */
export function imageHashEntries(sha256: string, d: Pick<ImageDescriptors, 'hashes' | 'quality'>): ImageHashEntry[] {
  if (d.quality < MIN_QUALITY) return [];
  return d.hashes.map((hash, i) => ({ sha256, crop: INDEX_CROPS[i] ?? 1, hash }));
}

export interface KnnOptions {
  field?: string;
  /** Records per clause. */
  k?: number;
  /** HNSW candidates per shard per clause (recall vs latency). */
  numCandidates?: number;
  /** Optional filter on record fields (e.g. a list or country), applied during the knn. */
  filter?: unknown;
}

/** One knn clause per distinct query hash; pass as the `knn` of a search request. */
export function buildImageKnn(query: QueryDescriptors, opts: KnnOptions = {}): Array<Record<string, unknown>> {
  const field = `${opts.field ?? IMAGE_HASH_FIELD}.hash`;
  const k = opts.k ?? 10;
  const numCandidates = opts.numCandidates ?? 50;
  const seen = new Set<string>();
  const clauses: Array<Record<string, unknown>> = [];
  for (const v of query.variants) {
    if (seen.has(v.hash)) continue;
    seen.add(v.hash);
    clauses.push({ field, query_vector: v.hash, k, num_candidates: numCandidates, ...(opts.filter ? { filter: opts.filter } : {}) });
  }
  return clauses;
}

/**
 * A whole search body for image similarity: the knn clauses, a `size` covering the union of every
 * clause's top k, and the `_source` the re-ranking needs. The size matters: ES sums the scores of
 * a record over clauses, so a record that is mediocre for many query variants can outscore the one
 * that is excellent for one; returning the whole union and ranking exactly in match.ts avoids that.
 */
export function imageSearchBody(
  query: QueryDescriptors,
  opts: KnnOptions & { source?: string[] } = {},
): { knn: Array<Record<string, unknown>>; size: number; _source: ReturnType<typeof imageSourceFilter> } {
  const knn = buildImageKnn(query, opts);
  return { knn, size: Math.min(1000, knn.length * (opts.k ?? 10)), _source: imageSourceFilter(opts.source ?? []) };
}

/** Group a record's stored entries by image, hashes in INDEX_CROPS order, for `bestMatch`. */
export function hashesByImage(entries: readonly StoredImageHashEntry[] | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of entries ?? []) {
    if (e.hash === undefined) continue;
    const list = out.get(e.sha256) ?? [];
    const i = INDEX_CROPS.findIndex((c) => Math.abs(c - e.crop) < 1e-3);
    list[i >= 0 ? i : list.length] = typeof e.hash === 'string' ? e.hash.toLowerCase() : signedBytesToHex(e.hash);
    out.set(e.sha256, list);
  }
  // A missing crop stays an empty string (bestMatch skips it) so positions keep meaning INDEX_CROPS.
  for (const [k, v] of out) out.set(k, Array.from(v, (h) => h ?? ''));
  return out;
}
