/**
 * The one place in the project that imports sharp. Global limits are set once, on first import:
 * the machine has 2 cores shared with Elasticsearch and the API, so libvips gets one thread per
 * image (parallelism comes from `mapLimit` over images instead), and libvips' operation cache is
 * off: we never process the same pipeline twice and the cache only holds memory.
 */
import sharp from 'sharp';

sharp.concurrency(1);
sharp.cache(false);

export { sharp };
export type { Sharp, Metadata, SharpOptions } from 'sharp';
