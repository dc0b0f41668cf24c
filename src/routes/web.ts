import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web page: `/` serves `src/web/index.html`; `/assets/<version>/<path>` serves the page's static
 * files (plain ES modules, CSS, message files) as they are, no build step. `<version>` is a hash of
 * every asset, so asset URLs change whenever any file changes and can be cached for a year; the HTML
 * itself is revalidated on each load (ETag). Files are read and compressed (brotli, gzip) once at
 * start-up. The page only talks to this origin, which the Content-Security-Policy enforces.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
};

export const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface Asset {
  type: string;
  etag: string;
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export interface AssetBundle {
  version: string;
  index: Asset;
  files: Map<string, Asset>;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function makeAsset(type: string, raw: Buffer): Asset {
  const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`;
  return {
    type,
    etag,
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
  };
}

/** Reads every servable file under `dir`; index.html gets the asset base path substituted. */
export function loadAssets(dir: string): AssetBundle {
  const sources = new Map<string, { type: string; raw: Buffer }>();
  let html: Buffer | undefined;
  const all = createHash('sha256');
  for (const file of listFiles(dir)) {
    const rel = relative(dir, file).split(sep).join('/');
    const type = TYPES[extname(file)];
    if (!type) continue;
    const raw = readFileSync(file);
    if (rel === 'index.html') {
      html = raw;
      continue;
    }
    all.update(rel).update('\0').update(raw);
    sources.set(rel, { type, raw });
  }
  if (!html) throw new Error(`web page missing: ${join(dir, 'index.html')}`);
  const version = all.digest('hex').slice(0, 12);
  const files = new Map<string, Asset>();
  for (const [rel, s] of sources) files.set(rel, makeAsset(s.type, s.raw));
  const index = makeAsset(TYPES['.html']!, Buffer.from(html.toString('utf8').replaceAll('{{ASSETS}}', `/assets/${version}`)));
  return { version, index, files };
}

/** Picks the best encoding the client accepts (brotli, then gzip, else none); q=0 excludes. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  if (!acceptEncoding) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (n: string) => (accepted.get(n) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

function send(req: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl: string): FastifyReply {
  void reply
    .header('content-type', asset.type)
    .header('cache-control', cacheControl)
    .header('etag', asset.etag)
    .header('vary', 'Accept-Encoding')
    .header('x-content-type-options', 'nosniff');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === asset.etag)) {
    return reply.code(304).send();
  }
  const enc = chooseEncoding(req.headers['accept-encoding']);
  const body = enc === 'br' ? asset.br : enc === 'gzip' ? asset.gzip : asset.raw;
  if (enc !== 'identity') void reply.header('content-encoding', enc);
  return reply.header('content-length', String(body.length)).send(body);
}

export const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));

/** GET `/` (the page) and GET `/assets/:version/*` (its files). */
export async function webRoutes(app: FastifyInstance, opts: { dir?: string } = {}): Promise<void> {
  const bundle = loadAssets(opts.dir ?? WEB_DIR);
  const hide = { schema: { hide: true } };

  app.get('/', hide, async (req, reply) => {
    void reply
      .header('content-security-policy', CSP)
      .header('referrer-policy', 'same-origin')
      .header('x-frame-options', 'DENY')
      .header('link', `</assets/${bundle.version}/style.css>; rel=preload; as=style`);
    return send(req, reply, bundle.index, 'no-cache');
  });

  app.get<{ Params: { version: string; '*': string } }>('/assets/:version/*', hide, async (req, reply) => {
    const asset = bundle.files.get(req.params['*']);
    if (!asset) return reply.callNotFound();
    // An older page version asks for its files: serve today's, but do not let them be cached as its.
    const cache = req.params.version === bundle.version ? 'public, max-age=31536000, immutable' : 'no-cache';
    return send(req, reply, asset, cache);
  });
}
