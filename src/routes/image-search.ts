import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError, invalidParams } from '../errors.js';
import { problemResponses } from '../schemas/problem.js';
import { ImageSearchForm, ImageSearchParams, ImageSearchResponse, MAX_IMAGE_K } from '../schemas/image-search.js';
import { ImageSearchService, type ImageTimings } from '../search/image-search.js';
import { THRESHOLDS } from '../search/image-rank.js';
import type { SearchService } from '../search/service.js';
import { fieldsOf, jsonSerializer } from '../search/validation.js';

/**
 * POST /v1/search/image: a photo (multipart field `image`) → the records whose images are the
 * same picture or an edited copy of it. Multipart is registered here, scoped to this plugin, with
 * the image byte limit of ingest; `k`, `lang` and the filters may come as text fields or in the
 * query string, and are checked exactly like `/v1/search`'s.
 */

const t = THRESHOLDS;
const DESCRIPTION =
  'Send the photo as the multipart file field `image` (JPEG, PNG, WebP, GIF, TIFF, AVIF); optionally `k` ' +
  `(default 10, max ${MAX_IMAGE_K}), \`lang\` and any filter of /v1/search (as text fields or in the query string). ` +
  'The photo is decoded with the same limits and code as ingest, hashed (256-bit DCT hashes of the trimmed image ' +
  'and of central crops, in all 8 rotations and mirrorings), compared with the indexed images by knn, and the ' +
  'candidates are re-ranked exactly. A hit carries `distance` (bits of 256), `similarity` (1 - distance/256) and ' +
  `\`level\`: identical <= ${t.identical} bits (the same picture, re-encoded or resized), near_duplicate <= ` +
  `${t.near_duplicate} (an edited copy: crop, frame, rotation, mirror, colour), similar <= ${t.similar} (possibly the ` +
  'same object or a heavy edit: check by eye). Calibrated on the image fixtures: edited copies land at 0-22 bits, ' +
  'a textured frame at 14-38, while unrelated pictures never came closer than 88 bits (median 108); records beyond ' +
  `${t.similar} bits are not returned (\`hits: []\` with a \`note\`; \`closest_distance\` says how close the nearest came, ` +
  'and is null when no record image could be compared: the note then says whether the index, or the records the filters allow, hold any). ' +
  'A hit is a due-diligence trigger, never a proof that an object is stolen or listed; no hit is no proof of the ' +
  'contrary (a different photograph of the object, a tilt or an off-centre crop may be missed). ' +
  '400 IMAGE_INVALID names the problem with the photo (not an image, unsupported format, truncated or corrupt, ' +
  'too many pixels); 413 when it is larger than the byte limit; 400 naming each bad parameter; 503 when ' +
  'Elasticsearch is unreachable. `Server-Timing` gives decode, knn, rerank and fetch times.';

interface Upload {
  image?: Buffer;
  fields: Record<string, string | string[]>;
}

function put(into: Record<string, string | string[]>, name: string, value: string): void {
  const had = into[name];
  into[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
}

const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `image: larger than the limit of ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(1)} MB, IMAGE_MAX_BYTES)`, [
    { name: 'image', reason: `is larger than the limit of ${maxBytes} bytes` },
  ]);

/** Reads the multipart parts: the one `image` file into memory (bounded by fileSize), text fields. */
async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  const up: Upload = { fields: {} };
  if (!req.isMultipart()) return up;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname !== 'image') throw invalidParams([{ name: part.fieldname, reason: 'is not a known file field; send the photo as `image`' }]);
        up.image = bytes;
      } else {
        put(up.fields, part.fieldname, typeof part.value === 'string' ? part.value : String(part.value));
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (code === 'FST_FIELDS_LIMIT') throw new AppError('PAYLOAD_TOO_LARGE', 'too many text fields (at most 20)', [{ name: 'fields', reason: 'at most 20 text fields' }]);
    if (code === 'FST_FILES_LIMIT') throw invalidParams([{ name: 'image', reason: 'send exactly one file' }]);
    throw err;
  }
  return up;
}

/** Query string and text fields together (a parameter given in both counts twice), validated like /v1/search. */
function paramsOf(query: unknown, fields: Upload['fields']): ImageSearchParams {
  const merged: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, string | string[]>)) for (const x of Array.isArray(v) ? v : [v]) put(merged, k, x);
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) put(merged, k, x);
  const r = ImageSearchParams.safeParse(merged);
  if (!r.success) throw invalidParams(fieldsOf(r.error.issues as unknown as Parameters<typeof fieldsOf>[0]));
  return r.data;
}

function serverTiming(reply: FastifyReply, t: ImageTimings): void {
  const f = (n: number) => n.toFixed(1);
  void reply.header('server-timing', `decode;dur=${f(t.decodeMs)}, knn;dur=${f(t.knnMs)}, rerank;dur=${f(t.rerankMs)}, fetch;dur=${f(t.fetchMs)}`);
}

export async function imageSearchRoutes(app: FastifyInstance, opts: { service: SearchService; config: Config }) {
  const maxBytes = opts.config.IMAGE_MAX_BYTES;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 20 } });
  const images = new ImageSearchService(opts.service, { maxBytes, maxPixels: opts.config.IMAGE_MAX_PIXELS });

  app.post(
    '/v1/search/image',
    {
      // Documented schemas; the handler validates query and text fields together (see paramsOf).
      validatorCompiler: () => (data: unknown) => ({ value: data }),
      serializerCompiler: jsonSerializer,
      schema: {
        tags: ['search'],
        summary: 'Find the records whose image is this photo or an edited copy of it',
        description: DESCRIPTION,
        consumes: ['multipart/form-data'],
        querystring: ImageSearchParams,
        body: ImageSearchForm,
        response: { 200: ImageSearchResponse, ...problemResponses(400, 413, 503) },
      },
    },
    async (req, reply) => {
      const up = await readUpload(req, maxBytes).catch((err: unknown) => {
        if (err instanceof AppError && err.status === 413) void reply.header('connection', 'close');
        throw err;
      });
      const params = paramsOf(req.query, up.fields);
      if (!up.image) {
        throw invalidParams([{ name: 'image', reason: 'is required: send the photo as the multipart/form-data file field `image`' }]);
      }
      if (up.image.length === 0) throw new AppError('IMAGE_INVALID', 'The image file is empty.', [{ name: 'image', reason: 'is empty' }]);
      const timings: ImageTimings = { decodeMs: 0, knnMs: 0, rerankMs: 0, fetchMs: 0 };
      const res = await images.run(up.image, params, timings);
      serverTiming(reply, timings);
      return res;
    },
  );
}
