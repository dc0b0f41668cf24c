/** Public API of the image module (the only part of the project that uses sharp). */
export { ImageError, isImageError, IMAGE_ERROR_CODES, type ImageErrorCode } from './errors.js';
export { probeAndProcess, probeForQuery, probe, SUPPORTED_FORMATS, THUMB_SIZE, DISPLAY_SIZE } from './probe.js';
export type { ProcessedImage, ProcessedQuery, ImageLimits, ImageFormat } from './probe.js';
export { ImageStore, type ImageSize, type StoredMeta } from './store.js';
export { mapLimit, mapLimitSettled } from './concurrency.js';
export {
  computeDescriptors,
  queryDescriptors,
  descriptorsFromRaster,
  queryFromRaster,
  DESCRIPTOR_VERSION,
  HASH_BITS,
  INDEX_CROPS,
  QUERY_CROPS,
  MIN_QUALITY,
} from './descriptors.js';
export type { ImageDescriptors, QueryDescriptors, QueryVariant } from './descriptors.js';
export { hamming, hexToSignedBytes, signedBytesToHex } from './hash.js';
export { classify, similarity, bestMatch, rerank, MATCH_THRESHOLDS } from './match.js';
export type { MatchLevel, BestMatch, Ranked } from './match.js';
export { IMAGE_HASH_FIELD, IMAGE_HASH_MAPPING, imageHashEntries, imageSourceFilter, buildImageKnn, imageSearchBody, hashesByImage } from './es.js';
export type { ImageHashEntry, StoredImageHashEntry, KnnOptions } from './es.js';
