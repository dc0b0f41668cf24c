import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { Problem } from '../../src/schemas/problem.js';
import { SearchResponse } from '../../src/schemas/search-response.js';
import { quietLogger, testConfig, testEs, uniquePrefix } from '../helpers/es.js';
import { dropIndices, indexRecords } from '../helpers/search-factory.js';
import { CORPUS, countryNames, LISTS } from '../helpers/search-records.js';

/**
 * Hostile and random input against the real Elasticsearch: whatever arrives, the answer is a 200
 * search response or a 4xx problem, never a 5xx. Seeded, so a failure replays.
 */
const es = testEs();
const prefix = uniquePrefix('search-fuzz');
let app: FastifyInstance;

beforeAll(async () => {
  await indexRecords(es, prefix, CORPUS, { lists: LISTS, deps: { countryNames } });
  app = await buildApp(testConfig(prefix), { es, logger: quietLogger() });
});

afterAll(async () => {
  await app?.close();
  await dropIndices(es, prefix);
});

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  '', ' ', '*', '?', '~', '"', '\\', '/', '(', ')', '[1 TO 5]', 'title:(a OR b)', 'a AND NOT b', '+-&&||!(){}[]^"~*?:\\/',
  '<script>alert(1)</script>', "' OR 1=1 --", '{"query":{"match_all":{}}}', '${jndi:ldap://x}', '%00', '\u0000', '\uFFFF',
  '\uD800', '\u202Eevil', '\u200d\u200c', '😀🏺📜', 'ـــــ', 'ٱلْمَخْطُوطَة', 'ІКОНА', 'x'.repeat(200), 'x'.repeat(201), 'a '.repeat(40),
  'NaN', 'Infinity', '-0', '1e309', '0x1F', '9'.repeat(30), 'null', 'undefined', 'true', '[]', '{}', '../../etc/passwd', 'm-3', 'c18',
  '24 cm', '9 1/2 in', '-5 cm', '1/0 in', '24 parsecs', '20-10 cm', 'about', '∞ cm', '2.5.5 cm', '1000 BC', 'AD 2000000',
];

function randomString(r: () => number): string {
  const pick = r();
  if (pick < 0.4) return HOSTILE[Math.floor(r() * HOSTILE.length)] ?? '';
  const len = Math.floor(r() * 40);
  let s = '';
  for (let i = 0; i < len; i++) {
    const c = r();
    s += c < 0.5 ? String.fromCharCode(32 + Math.floor(r() * 95)) : c < 0.8 ? String.fromCharCode(0x400 + Math.floor(r() * 0x2000)) : String.fromCodePoint(Math.floor(r() * 0x10ffff));
  }
  return s;
}

const PARAMS = [
  'q', 'lang', 'list', 'category', 'country', 'region', 'zone', 'material', 'period', 'kind', 'emergency', 'has_image', 'date_from', 'date_to',
  'height', 'width', 'depth', 'length', 'diameter', 'thickness', 'weight', 'tolerance', 'facets', 'facet_size', 'size', 'page', 'cursor', 'exact_total', 'colour',
];

let answered = 0;
function expectSafe(res: { statusCode: number; body: string; json: () => unknown }, what: string): void {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode === 200) {
    SearchResponse.parse(res.json());
    answered++;
  } else Problem.parse(res.json());
}

describe('fuzzing /v1/search', () => {
  it('answers every random or hostile query string without a 5xx', async () => {
    answered = 0;
    const r = rng(20261124);
    for (let i = 0; i < 300; i++) {
      const qs = new URLSearchParams();
      if (i % 2 === 0) {
        // Free text (what most users send), with a valid filter now and then.
        qs.set('q', randomString(r));
        if (r() < 0.3) qs.set('country', 'SY');
        if (r() < 0.3) qs.set('height', '24 cm');
      } else {
        const n = 1 + Math.floor(r() * 4);
        for (let k = 0; k < n; k++) qs.append(PARAMS[Math.floor(r() * PARAMS.length)] ?? 'q', randomString(r));
      }
      const url = `/v1/search?${qs}`;
      expectSafe(await app.inject({ url }), url);
    }
    // Enough of them get through validation to reach Elasticsearch.
    expect(answered).toBeGreaterThan(60);
  });

  it('answers random JSON bodies of the wrong shapes without a 5xx', async () => {
    const r = rng(42);
    const values = (): unknown => {
      const c = r();
      if (c < 0.2) return randomString(r);
      if (c < 0.35) return Math.floor(r() * 1e6) * (r() < 0.5 ? -1 : 1);
      if (c < 0.45) return r() < 0.5;
      if (c < 0.55) return null;
      if (c < 0.7) return Array.from({ length: Math.floor(r() * 60) }, () => randomString(r));
      if (c < 0.8) return { nested: randomString(r) };
      return [[randomString(r)], 1.5, null];
    };
    for (let i = 0; i < 150; i++) {
      const body: Record<string, unknown> = {};
      const n = 1 + Math.floor(r() * 5);
      for (let k = 0; k < n; k++) body[PARAMS[Math.floor(r() * PARAMS.length)] ?? 'q'] = values();
      expectSafe(await app.inject({ method: 'POST', url: '/v1/search', payload: body }), JSON.stringify(body).slice(0, 200));
    }
    for (const payload of ['', 'null', '[]', '"q"', '{', '{"q": "a", "q": 1}', '1e999']) {
      expectSafe(await app.inject({ method: 'POST', url: '/v1/search', payload, headers: { 'content-type': 'application/json' } }), payload);
    }
  });

  it('answers hostile ids and image paths on the reference endpoints without a 5xx', async () => {
    const r = rng(7);
    for (let i = 0; i < 60; i++) {
      const id = encodeURIComponent(randomString(r) || 'x');
      for (const url of [`/v1/objects/${id}`, `/v1/lists/${id}`, `/v1/categories?list=${id}`, `/v1/images/${id}/thumb`]) {
        const res = await app.inject({ url });
        expect(res.statusCode, `${url} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }
    }
  });
});
