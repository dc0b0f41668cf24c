import { imageSearchBody, isImageError, MIN_QUALITY, probeForQuery, QUERY_CROPS, type ImageLimits, type ProcessedQuery, type QueryDescriptors } from '../../ingest/images/index.js';
import type { estypes } from '../es/client.js';
import { AppError } from '../errors.js';
import { DEFAULT_IMAGE_K, type ImageHit, type ImageSearchParams, type ImageSearchResponse } from '../schemas/image-search.js';
import type { SearchParams } from '../schemas/search.js';
import { buildFilters } from './filters.js';
import { toHit, thumbnailUrl, type EsHit } from './hits.js';
import { imageCountsBody, imageCountsOf, isMatch, noHitNote, noImageNote, rankCandidates, similarityOf, THRESHOLDS, type Candidate, type Matched, type RankedRecord } from './image-rank.js';
import { checkKnownKeys } from './known-keys.js';
import { normaliseParams, type SearchRequest } from './params.js';
import type { SearchService } from './service.js';

/**
 * Search by photo: validated filters (the `/v1/search` rules) → decode and query descriptors
 * (the image module, same limits and code as ingest) → one knn request on `image_hashes` with
 * the filters applied inside the knn → exact re-ranking here → the matched records' hits in the
 * `/v1/search` shape plus distance, similarity and level.
 */

/**
 * Knn settings, measured with `npm run eval:images -- --synthetic 100000` (recall among 100,000
 * images) and test/bench/images.ts (latency):
 * - every query crop (1, 0.9, 0.8, 0.7) x 8 orientations is a clause (32). HNSW is approximate, and
 *   near-random 256-bit hashes are a hard case for it: an edited copy is a lone point far from
 *   everything else, reached by luck as much as by the graph. Among 100,000 images, dropping the
 *   0.9 and 0.7 clauses lost 6 of 100 targets that were at a level (framed photos, a 10 % crop),
 *   while all four lose about 1; raising num_candidates to 100-400 recovered almost nothing.
 * - records per clause: 5, HNSW candidates 50. A photo matches 0-2 records almost always, and
 *   5 per clause halves the knn time against 10 (the hashes of every candidate are fetched for
 *   the re-ranking). When 5 or more records match and the request asked for more, the knn runs
 *   again with k per clause, so k copies of one picture are all returned.
 */
export const KNN_PER_CLAUSE = 5;
export const KNN_CANDIDATES = 50;
export const KNN_QUERY_CROPS: readonly number[] = QUERY_CROPS;

export interface KnnBodyOptions {
  k?: number;
  numCandidates?: number;
  filter?: unknown;
  crops?: readonly number[];
  source?: string[];
}

/** The knn request of a photo query: `imageSearchBody` on the variants of the chosen crops. */
export function imageKnnBody(query: QueryDescriptors, opts: KnnBodyOptions = {}): ReturnType<typeof imageSearchBody> {
  const crops = opts.crops ?? KNN_QUERY_CROPS;
  const variants = query.variants.filter((v) => crops.some((c) => Math.abs(c - v.crop) < 1e-6));
  return imageSearchBody(
    { ...query, variants },
    {
      k: opts.k ?? KNN_PER_CLAUSE,
      numCandidates: opts.numCandidates ?? KNN_CANDIDATES,
      ...(opts.filter ? { filter: opts.filter } : {}),
      source: opts.source ?? ['id'],
    },
  );
}

type Query = estypes.QueryDslQueryContainer;

export interface ImageTimings {
  decodeMs: number;
  knnMs: number;
  rerankMs: number;
  fetchMs: number;
}

/** The knn request the API sends first for a photo (the benchmark sends it raw too); `perClause` for the wider retry. */
export function requestBody(query: QueryDescriptors, filter?: unknown, perClause: number = KNN_PER_CLAUSE): ReturnType<typeof imageSearchBody> {
  return imageKnnBody(query, { k: perClause, numCandidates: Math.max(KNN_CANDIDATES, perClause), filter });
}

/**
 * The same request as `KNN_REQUESTS` requests of consecutive clauses, sent in parallel: a search
 * request runs its knn clauses one after the other on one search thread, so splitting lets the
 * node use its cores (measured on 2 cores: 32 clauses in one request ~100 ms under load, in two
 * ~66 ms, in four ~52 ms). Each part returns the union of its clauses; together they return the
 * same candidates, and the exact re-ranking does not care where a candidate came from.
 */
export const KNN_REQUESTS = 4;

export function requestBodies(query: QueryDescriptors, filter?: unknown, perClause: number = KNN_PER_CLAUSE): ReturnType<typeof imageSearchBody>[] {
  const body = requestBody(query, filter, perClause);
  const per = Math.ceil(body.knn.length / KNN_REQUESTS);
  const parts: ReturnType<typeof imageSearchBody>[] = [];
  for (let i = 0; i < body.knn.length; i += per) {
    const knn = body.knn.slice(i, i + per);
    parts.push({ ...body, knn, size: Math.min(body.size, knn.length * perClause) });
  }
  return parts;
}

/** An ImageError as the API's problem: 413 for bytes over the limit, else 400 naming `image`. */
export function imageProblem(err: unknown): unknown {
  if (!isImageError(err)) return err;
  const code = err.code === 'IMAGE_TOO_LARGE_BYTES' ? 'PAYLOAD_TOO_LARGE' : 'IMAGE_INVALID';
  return new AppError(code, err.message, [{ name: 'image', reason: err.message }]);
}

/** The knn filter: every `/v1/search` filter, facet-backed ones included (no facets here). */
export function imageFilter(params: ImageSearchParams, service: Pick<SearchService, 'domain'>): { filter: Query | undefined; names: string[]; lang: string; req: SearchRequest } {
  const req = normaliseParams(params as SearchParams, service.domain);
  const clauses = buildFilters(req.filters);
  const all: Query[] = [...clauses.main, ...Object.values(clauses.facet).flatMap((q) => (q ? [q] : []))];
  const names = [...clauses.names, ...(req.filters.kind?.length ? ['kind'] : []), ...(req.filters.hasImage !== undefined ? ['has_image'] : [])];
  return { filter: all.length ? { bool: { filter: all } } : undefined, names, lang: req.lang, req };
}

export class ImageSearchService {
  constructor(
    private readonly search: SearchService,
    private readonly limits: ImageLimits,
  ) {}

  /** Decode and describe the photo; ImageErrors become 400/413 problems naming `image`. */
  async describe(image: Buffer): Promise<ProcessedQuery> {
    try {
      return await probeForQuery(image, this.limits);
    } catch (err) {
      throw imageProblem(err);
    }
  }

  async run(image: Buffer, params: ImageSearchParams, timings: ImageTimings = { decodeMs: 0, knnMs: 0, rerankMs: 0, fetchMs: 0 }): Promise<ImageSearchResponse> {
    // Parameters first: a bad filter is reported without decoding anything.
    const { filter, names, lang, req } = imageFilter(params, this.search);
    // Lists and categories must exist, as for /v1/search (a typo would read as "no match").
    if (req.filters.list || req.filters.category) checkKnownKeys(req, (await this.search.context()).ref);
    const k = params.k ?? DEFAULT_IMAGE_K;
    const t0 = performance.now();
    const probed = await this.describe(image);
    timings.decodeMs = performance.now() - t0;
    const [version, first] = await Promise.all([this.search.version.get(), this.candidates(probed.query, filter, KNN_PER_CLAUSE, timings)]);
    let ranked = first;
    if (k > KNN_PER_CLAUSE && ranked.filter(isMatch).length >= KNN_PER_CLAUSE) ranked = await this.candidates(probed.query, filter, k, timings);
    const matched = ranked.filter(isMatch).slice(0, k);
    const t1 = performance.now();
    const records = await this.records(matched.map((m) => m.id));
    timings.fetchMs = performance.now() - t1;

    const hitCtx = { lang, domain: this.search.domain, filterNames: names };
    const hits = matched.map((m) => shapeHit(m, records.get(m.id), hitCtx));
    const closest = ranked[0]?.match.distance ?? null;
    let note = hits.length ? null : noHitNote({ plain: probed.query.quality < MIN_QUALITY, closest, candidates: ranked.length, filtered: filter !== undefined });
    if (!hits.length && closest === null) {
      // Nothing at all came back from the knn: say whether there was any image to compare with.
      const counts = imageCountsOf(await this.search.searchObjects(imageCountsBody(filter) as estypes.SearchRequest));
      note = noImageNote(counts, filter !== undefined) ?? note;
    }
    return {
      total: hits.length,
      hits,
      thresholds: { ...THRESHOLDS },
      query: { sha256: probed.sha256, width: probed.width, height: probed.height, format: probed.format },
      closest_distance: closest,
      note,
      dataset_version: version,
    };
  }

  /** Knn candidates, re-ranked exactly (closest first). */
  private async candidates(query: QueryDescriptors, filter: Query | undefined, perClause: number, t: ImageTimings): Promise<RankedRecord[]> {
    const t0 = performance.now();
    const parts = await Promise.all(
      requestBodies(query, filter, perClause).map((body) => this.search.searchObjects<Candidate>(body as unknown as estypes.SearchRequest)),
    );
    const t1 = performance.now();
    const found = parts.flatMap((res) => res.hits.hits.flatMap((h) => (h._source ? [{ ...h._source, id: h._source.id ?? h._id ?? '' }] : [])));
    const ranked = rankCandidates(query, found);
    t.knnMs += t1 - t0;
    t.rerankMs += performance.now() - t1;
    return ranked;
  }

  /** The stored records of the matched ids (one small request; the knn only fetched hashes). */
  private async records(ids: string[]): Promise<Map<string, EsHit>> {
    if (ids.length === 0) return new Map();
    const res = await this.search.searchObjects({ query: { ids: { values: ids } }, size: ids.length, _source: ['record'] });
    return new Map(res.hits.hits.map((h) => [h._id ?? '', h as EsHit]));
  }
}

function shapeHit(m: Matched, hit: EsHit | undefined, ctx: Parameters<typeof toHit>[1]): ImageHit {
  const base = toHit(hit ?? { _id: m.id }, { ...ctx, filterNames: ['image', ...ctx.filterNames] });
  const similarity = similarityOf(m.match.distance);
  return {
    ...base,
    score: similarity,
    thumbnail: thumbnailUrl(m.image),
    distance: m.match.distance,
    similarity,
    level: m.match.level,
    image: m.image,
  };
}
