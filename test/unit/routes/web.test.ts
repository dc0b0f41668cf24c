import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CSP, WEB_DIR, chooseEncoding, loadAssets, webRoutes } from '../../../src/routes/web.js';

let app: FastifyInstance;
let html: string;
let base: string;

beforeAll(async () => {
  app = Fastify();
  await app.register(webRoutes);
  html = (await app.inject({ url: '/', headers: { 'accept-encoding': 'identity' } })).body;
  base = /href="(\/assets\/[0-9a-f]{12})\/style\.css"/.exec(html)?.[1] ?? '';
});
afterAll(() => app.close());

/** Every same-origin URL the page's HTML references (stylesheet, module preloads, script). */
const referenced = () => [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);

describe('GET /', () => {
  it('serves the page with a CSP that keeps it on this origin, revalidated on each load', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("connect-src 'self'");
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag).toMatch(/^"[\w-]{22}"$/);
    expect(base).not.toBe('');
    expect(html).not.toContain('{{ASSETS}}');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.inject({ url: '/' });
    const again = await app.inject({ url: '/', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('GET /assets/:version/*', () => {
  it('serves every file the page references, cached for a year under the current version', async () => {
    const urls = referenced();
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const json = await app.inject({ url: `${base}/i18n/ar.json` });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.body)['app.name']).toBeTruthy();
  });

  it('compresses with brotli or gzip as the client accepts, and says so', async () => {
    const url = `${base}/js/search-view.js`;
    const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
  });

  it('serves an older version with revalidation, and 404s unknown files and paths outside the folder', async () => {
    const old = await app.inject({ url: '/assets/000000000000/style.css' });
    expect(old.statusCode).toBe(200);
    expect(old.headers['cache-control']).toBe('no-cache');
    for (const url of [`${base}/nope.js`, `${base}/../routes/web.ts`, `${base}/js/years.d.ts`, `${base}/index.html`]) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
  });
});

describe('the page budget', () => {
  it('keeps the first view (HTML, CSS, the search modules, English messages) far under 200 KB compressed', () => {
    const bundle = loadAssets(WEB_DIR);
    const firstView = ['style.css', 'i18n/en.json', ...referenced().filter((u) => u.endsWith('.js')).map((u) => u.replace(/^\/assets\/\w+\//, ''))];
    let bytes = bundle.index.br.length;
    for (const rel of firstView) {
      const asset = bundle.files.get(rel);
      expect(asset, rel).toBeDefined();
      bytes += asset!.br.length;
    }
    expect(bytes).toBeLessThan(60 * 1024);
  });

  it('never points at another host (no CDN, no external fonts)', () => {
    const bundle = loadAssets(WEB_DIR);
    for (const [rel, asset] of [['index.html', bundle.index] as const, ...bundle.files]) {
      const text = asset.raw.toString('utf8').replaceAll('http://www.w3.org/2000/svg', '');
      expect(text.match(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/gi), rel).toBeNull();
      expect(text, rel).not.toMatch(/@import|@font-face/);
    }
  });
});

describe('chooseEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['identity', 'identity'],
  ] as const)('%s -> %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
