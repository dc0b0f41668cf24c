/**
 * Safe intake of one image: size and format checks before any pixel is decoded, then one decode
 * (auto-oriented, metadata stripped) into a thumbnail, a display copy and the descriptors.
 * Used at ingest for every record image and at query time for the uploaded photo.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { sharp, type Metadata, type Sharp } from './sharp.js';
import { ImageError } from './errors.js';
import { computeDescriptors, queryDescriptors, type ImageDescriptors, type QueryDescriptors } from './descriptors.js';

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
}

export const SUPPORTED_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif', 'heif'] as const;
export type ImageFormat = (typeof SUPPORTED_FORMATS)[number];

export interface ProcessedImage {
  /** sha256 of the original bytes, hex. */
  sha256: string;
  /** Size after EXIF orientation. */
  width: number;
  height: number;
  format: ImageFormat;
  /** Size of the original in bytes. */
  bytes: number;
  /** WebP, at most 320 px on the longest side. */
  thumbnail: Buffer;
  /** WebP, at most 1280 px on the longest side, never upscaled. */
  display: Buffer;
  descriptors: ImageDescriptors;
}

export const THUMB_SIZE = 320;
export const DISPLAY_SIZE = 1280;

/** Derivatives and hashes read the first frame of animations and multi-page files only. */
const DECODE = { failOn: 'error', autoOrient: true, pages: 1 } as const;

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function loadBytes(input: Buffer | string, maxBytes: number): Promise<Buffer> {
  if (Buffer.isBuffer(input)) {
    if (input.length > maxBytes) {
      throw new ImageError('IMAGE_TOO_LARGE_BYTES', `Image is ${mb(input.length)} (${input.length} bytes); the limit is ${mb(maxBytes)} (${maxBytes} bytes).`);
    }
    return input;
  }
  let size: number;
  try {
    const s = await stat(input);
    if (!s.isFile()) throw new ImageError('IMAGE_MISSING', `Image file not found: ${input} is not a file.`);
    size = s.size;
  } catch (e) {
    if (e instanceof ImageError) throw e;
    throw new ImageError('IMAGE_MISSING', `Image file not found: ${input}.`, { cause: e });
  }
  if (size > maxBytes) {
    throw new ImageError('IMAGE_TOO_LARGE_BYTES', `Image ${input} is ${mb(size)} (${size} bytes); the limit is ${mb(maxBytes)} (${maxBytes} bytes).`);
  }
  return readFile(input);
}

function formatOf(meta: Metadata): ImageFormat | null {
  const f = String(meta.format);
  if (f === 'heif') return meta.compression === 'av1' ? 'avif' : 'heif';
  return (SUPPORTED_FORMATS as readonly string[]).includes(f) ? (f as ImageFormat) : null;
}

/** Header-only checks: format and pixel count, without decoding pixels. */
export async function probe(bytes: Buffer, maxPixels: number): Promise<{ meta: Metadata; format: ImageFormat }> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    const msg = firstLine(e);
    if (/unsupported image format/i.test(msg)) {
      throw new ImageError('IMAGE_UNSUPPORTED_FORMAT', 'Not a recognised image (supported: JPEG, PNG, WebP, GIF, TIFF, AVIF/HEIF).', { cause: e });
    }
    throw new ImageError('IMAGE_DECODE_FAILED', `Image header could not be read: ${msg}`, { cause: e });
  }
  const format = formatOf(meta);
  if (!format) {
    throw new ImageError('IMAGE_UNSUPPORTED_FORMAT', `Image format "${meta.format}" is not accepted (supported: JPEG, PNG, WebP, GIF, TIFF, AVIF/HEIF).`);
  }
  if (format === 'heif' && meta.compression === 'hevc') {
    // The bundled libheif decodes AV1 only; HEVC (most phone HEIC photos) would fail mid-decode.
    throw new ImageError('IMAGE_UNSUPPORTED_FORMAT', 'HEIC photos compressed with HEVC cannot be read; please send the photo as JPEG (most phones can share or export as JPEG).');
  }
  const w = meta.width ?? 0;
  const h = meta.pageHeight ?? meta.height ?? 0;
  if (!(w > 0 && h > 0)) throw new ImageError('IMAGE_DECODE_FAILED', 'Image header gives no dimensions.');
  if (w * h > maxPixels) {
    throw new ImageError('IMAGE_TOO_MANY_PIXELS', `Image is ${w} x ${h} = ${w * h} pixels; the limit is ${maxPixels} pixels.`);
  }
  return { meta, format };
}

/** libvips repeats its messages over several lines; the first says it. */
const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]?.trim() ?? '';

async function decodeStep<T>(what: string, p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    const msg = firstLine(e);
    if (/pixel limit/i.test(msg)) throw new ImageError('IMAGE_TOO_MANY_PIXELS', `Image exceeds the pixel limit while decoding: ${msg}`, { cause: e });
    throw new ImageError('IMAGE_DECODE_FAILED', `Image could not be decoded (${what}): ${msg}`, { cause: e });
  }
}

const webp = (img: Sharp, size: number): Promise<Buffer> =>
  img.resize(size, size, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toBuffer();

function orientedSize(meta: Metadata): { width: number; height: number } {
  const w = meta.width ?? 0;
  const h = meta.pageHeight ?? meta.height ?? 0;
  return (meta.orientation ?? 1) >= 5 ? { width: h, height: w } : { width: w, height: h };
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export interface ProcessedQuery {
  sha256: string;
  width: number;
  height: number;
  format: ImageFormat;
  bytes: number;
  query: QueryDescriptors;
}

/**
 * Query-time intake of an uploaded photo: the same checks and the same decode as
 * probeAndProcess, but only the query descriptors (no derivatives), to keep search fast.
 */
export async function probeForQuery(input: Buffer | string, limits: ImageLimits): Promise<ProcessedQuery> {
  const bytes = await loadBytes(input, limits.maxBytes);
  const { meta, format } = await probe(bytes, limits.maxPixels);
  const query = await decodeStep('descriptors', queryDescriptors(sharp(bytes, { ...DECODE, limitInputPixels: limits.maxPixels })));
  return { sha256: sha256(bytes), ...orientedSize(meta), format, bytes: bytes.length, query };
}

export async function probeAndProcess(input: Buffer | string, limits: ImageLimits): Promise<ProcessedImage> {
  const bytes = await loadBytes(input, limits.maxBytes);
  const { meta, format } = await probe(bytes, limits.maxPixels);
  const base = sharp(bytes, { ...DECODE, limitInputPixels: limits.maxPixels });
  // Three decodes of the same bytes (JPEG shrink-on-load keeps the small ones cheap); corrupt or
  // truncated data fails in any of them and becomes one IMAGE_DECODE_FAILED.
  const [display, thumbnail, descriptors] = await decodeStep(
    'derivatives',
    Promise.all([webp(base.clone(), DISPLAY_SIZE), webp(base.clone(), THUMB_SIZE), computeDescriptors(base.clone())]),
  );
  return {
    sha256: sha256(bytes),
    ...orientedSize(meta),
    format,
    bytes: bytes.length,
    thumbnail,
    display,
    descriptors,
  };
}
