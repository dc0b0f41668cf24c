import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildDocument } from '../../ingest/normalise/document.js';
import { buildApp } from '../../src/app.js';
import { SearchResponse } from '../../src/schemas/search-response.js';
import { quietLogger, testConfig, testEs, uniquePrefix } from '../helpers/es.js';
import { bulkDocs, createIndices, dropIndices, record } from '../helpers/search-factory.js';
import { countryNames, term } from '../helpers/search-records.js';

/**
 * Deep paging: 10,500 records, walked with `page` inside the 10,000-hit window and with `cursor`
 * beyond it, without gaps or repeats.
 */
const es = testEs();
const prefix = uniquePrefix('search-paging');
const N = 10_500;
let app: FastifyInstance;

const WORDS = ['bronze', 'clay', 'stone', 'wood', 'glass'];

beforeAll(async () => {
  const { objects } = await createIndices(es, prefix, 'paging-v1');
  const docs = Array.from({ length: N }, (_, i) =>
    buildDocument(
      record(`rec-${String(i).padStart(5, '0')}`, {
        kind: i % 3 === 0 ? 'inventory' : 'redlist',
        objectType: [term('tablet')],
        // Scores vary: some titles repeat the word, some do not have it.
        title: { en: `Tablet ${WORDS[i % 5]} ${i % 7 === 0 ? 'tablet' : ''}`.trim() },
        places: { countries: [i % 2 ? 'IQ' : 'SY'], regions: [], sites: [], cultures: [] },
      }),
      { countryNames },
    ),
  );
  await bulkDocs(es, objects, docs);
  app = await buildApp(testConfig(prefix), { es, logger: quietLogger() });
}, 300_000);

afterAll(async () => {
  await app?.close();
  await dropIndices(es, prefix);
});

async function get(qs: Record<string, string>) {
  const res = await app.inject({ url: `/v1/search?${new URLSearchParams(qs)}` });
  expect(res.statusCode, res.body).toBe(200);
  return SearchResponse.parse(res.json());
}

describe('paging', () => {
  it('walks every hit with cursors, past 10,000, without gaps or repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let requests = 0;
    let total = 0;
    do {
      const body = await get({ q: 'tablet', size: '100', facets: 'none', exact_total: 'true', ...(cursor ? { cursor } : {}) });
      total = body.total;
      for (const h of body.hits) {
        expect(seen.has(h.id), `repeated ${h.id}`).toBe(false);
        seen.add(h.id);
      }
      cursor = body.next_cursor;
      requests++;
    } while (cursor && requests < 200);
    expect(total).toBe(N);
    expect(seen.size).toBe(N);
    expect(requests).toBe(N / 100);
  });

  it('continues with the cursor of the last numbered page exactly where the pages stop', async () => {
    const last = await get({ q: 'tablet', size: '100', page: '100', facets: 'none' });
    expect(last.hits).toHaveLength(100);
    expect(last.total_relation).toBe('gte');
    expect(last.next_cursor).not.toBeNull();
    const next = await get({ q: 'tablet', size: '100', cursor: last.next_cursor!, facets: 'none' });
    const before = await get({ q: 'tablet', size: '100', page: '99', facets: 'none' });
    const ids = [...before.hits, ...last.hits, ...next.hits].map((h) => h.id);
    expect(new Set(ids).size).toBe(300);
  });

  it('numbers pages consistently with the cursor walk', async () => {
    const p1 = await get({ q: 'tablet', size: '20', facets: 'none' });
    const p2 = await get({ q: 'tablet', size: '20', page: '2', facets: 'none' });
    const c2 = await get({ q: 'tablet', size: '20', cursor: p1.next_cursor!, facets: 'none' });
    expect(c2.hits.map((h) => h.id)).toEqual(p2.hits.map((h) => h.id));
  });

  it('stops offering a cursor on the last hit, and refuses a cursor from another query', async () => {
    const small = await get({ q: 'tablet', country: 'SY', size: '100', facets: 'none' });
    expect(small.next_cursor).not.toBeNull();
    const other = await app.inject({ url: `/v1/search?${new URLSearchParams({ q: 'glass', cursor: small.next_cursor! })}` });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].name).toBe('cursor');
    const tail = await get({ q: 'tablet glass', size: '100', facets: 'none', exact_total: 'true' });
    expect(tail.total).toBe(N / 5);
    let cursor = tail.next_cursor;
    let count = tail.hits.length;
    while (cursor) {
      const b = await get({ q: 'tablet glass', size: '100', facets: 'none', cursor });
      count += b.hits.length;
      cursor = b.next_cursor;
    }
    expect(count).toBe(N / 5);
  });
});
