import { z } from 'zod';
import { MATCH_THRESHOLDS } from '../../ingest/images/index.js';
import { SearchParams } from './search.js';
import { Hit } from './search-response.js';

/**
 * `POST /v1/search/image`: the photo as the multipart file field `image`; `k`, `lang` and the
 * filters of `/v1/search` (same names, same checks) as multipart text fields or in the query
 * string. Text search, facets and paging do not apply to a photo.
 */

export const MAX_IMAGE_K = 50;
export const DEFAULT_IMAGE_K = 10;
/** Bits of the hash the distances are counted in. */
export const IMAGE_HASH_BITS = 256;

/** The `/v1/search` parameters that make sense for a photo: language and every filter. */
const FROM_SEARCH = {
  lang: true,
  list: true,
  category: true,
  country: true,
  region: true,
  zone: true,
  material: true,
  period: true,
  kind: true,
  emergency: true,
  has_image: true,
  date_from: true,
  date_to: true,
  height: true,
  width: true,
  depth: true,
  length: true,
  diameter: true,
  thickness: true,
  weight: true,
  tolerance: true,
} as const;

export const ImageSearchParams = SearchParams.pick(FROM_SEARCH)
  .extend({
    k: z.coerce
      .number({ message: 'must be a number' })
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .max(MAX_IMAGE_K, `must be at most ${MAX_IMAGE_K}`)
      .optional()
      .describe(`Most hits to return (default ${DEFAULT_IMAGE_K}, max ${MAX_IMAGE_K}); only records at a match level are returned`),
  })
  .strict();
export type ImageSearchParams = z.output<typeof ImageSearchParams>;

/** Documentation of the multipart body (the route reads the parts itself). */
export const ImageSearchForm = z
  .object({
    image: z.string().meta({ type: 'string', format: 'binary' }).describe('The photo: JPEG, PNG, WebP, GIF (first frame), TIFF, AVIF or AV1 HEIF'),
  })
  .catchall(z.string())
  .describe('`image` plus, optionally, any of the query parameters as text fields');

export const MatchLevel = z.enum(['identical', 'near_duplicate', 'similar']);

export const ImageHit = Hit.extend({
  score: z.number().describe('Equals `similarity`, so hits sort like /v1/search hits'),
  distance: z
    .number()
    .int()
    .min(0)
    .max(IMAGE_HASH_BITS)
    .describe('Hamming distance in bits (of 256) between the photo and the closest image of the record, best of every orientation and crop'),
  similarity: z.number().min(0).max(1).describe('1 - distance / 256'),
  level: MatchLevel.describe(
    `identical (<= ${MATCH_THRESHOLDS.identical} bits: the same picture, re-encoded or resized), near_duplicate (<= ${MATCH_THRESHOLDS.near_duplicate}: an edited copy), ` +
      `similar (<= ${MATCH_THRESHOLDS.similar}: possibly the same object or a heavy edit, check by eye)`,
  ),
  image: z.string().describe('SHA-256 of the record image that matched (its thumbnail is `thumbnail`)'),
}).meta({ id: 'ImageSearchHit' });
export type ImageHit = z.infer<typeof ImageHit>;

export const ImageThresholds = z
  .object({
    identical: z.number().int(),
    near_duplicate: z.number().int(),
    similar: z.number().int(),
    bits: z.number().int().describe('Length of the hash the distances count'),
  })
  .describe('Largest distance (bits) of each level, as calibrated on the image fixtures');

export const ImageSearchResponse = z
  .object({
    total: z.number().int().describe('Number of hits (records at a match level, at most k)'),
    hits: z.array(ImageHit).describe('Closest first; empty when no record reaches the `similar` level'),
    thresholds: ImageThresholds,
    query: z
      .object({
        sha256: z.string().describe('SHA-256 of the uploaded bytes (cite it with the result)'),
        width: z.number().int().describe('After EXIF orientation'),
        height: z.number().int(),
        format: z.string(),
      })
      .describe('The photo as received'),
    closest_distance: z
      .number()
      .int()
      .nullable()
      .describe('Distance of the closest record examined, matched or not (null when none was examined); records above the `similar` threshold are never listed'),
    note: z.string().nullable().describe('Why `hits` is empty (nothing close enough, a photo too plain to compare); null when there are hits'),
    dataset_version: z.string().describe('Changes whenever the indexed data changes: cite it with a result'),
  })
  .meta({ id: 'ImageSearchResponse' });
export type ImageSearchResponse = z.infer<typeof ImageSearchResponse>;
