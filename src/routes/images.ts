import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { problemResponses } from '../schemas/problem.js';
import { namedFieldsValidator } from '../search/validation.js';

/**
 * GET /v1/images/:sha256/:size: derivatives from the content-addressed store
 * (`<root>/<sha[0:2]>/<sha>/thumb.webp | display.webp | original.<ext>`). The address is the
 * content's hash, so responses are immutable: cached for a year, ETag = the hash.
 */

const SIZES = ['thumb', 'display', 'original'] as const;
const TYPES: Record<string, string> = {
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  avif: 'image/avif',
  heic: 'image/heic',
  heif: 'image/heif',
};

const Params = z
  .object({
    sha256: z.string().regex(/^[a-f0-9]{64}$/, 'must be 64 lowercase hexadecimal characters').describe('SHA-256 of the original image'),
    size: z.enum(SIZES, { message: 'must be thumb, display or original' }).describe('thumb (256 px WebP), display (WebP) or original'),
  })
  .strict();

async function locate(root: string, sha: string, size: (typeof SIZES)[number]): Promise<{ path: string; type: string; bytes: number } | undefined> {
  const dir = join(root, sha.slice(0, 2), sha);
  let name: string | undefined;
  if (size === 'original') {
    const files = await readdir(dir).catch(() => [] as string[]);
    name = files.find((f) => /^original\.[a-z0-9]{1,5}$/.test(f));
  } else {
    name = `${size}.webp`;
  }
  if (!name) return undefined;
  const path = join(dir, name);
  const st = await stat(path).catch(() => undefined);
  if (!st?.isFile()) return undefined;
  const ext = name.slice(name.lastIndexOf('.') + 1);
  return { path, type: TYPES[ext] ?? 'application/octet-stream', bytes: st.size };
}

export async function imageRoutes(app: FastifyInstance, opts: { root: string }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/images/:sha256/:size',
    {
      validatorCompiler: namedFieldsValidator('VALIDATION_FAILED'),
      schema: {
        tags: ['reference'],
        summary: 'An image of a record (immutable: cache forever)',
        params: Params,
        response: {
          200: { description: 'The image bytes', content: { 'image/webp': { schema: z.any() }, 'image/jpeg': { schema: z.any() } } },
          304: z.null().describe('Not modified (the If-None-Match ETag is current)'),
          ...problemResponses(400, 404),
        },
      },
    },
    async (req, reply) => {
      const { sha256, size } = req.params;
      const etag = `"${sha256}"`;
      const found = await locate(opts.root, sha256, size);
      if (!found) throw notFound(`Image ${sha256} (${size})`);
      void reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff');
      const inm = req.headers['if-none-match'];
      if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) return reply.code(304).send(null);
      return reply.type(found.type).header('content-length', found.bytes).send(createReadStream(found.path));
    },
  );
}
