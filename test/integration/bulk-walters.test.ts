import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { BulkResult } from '../../src/bulk/result.js';
import { indexNames } from '../../src/config.js';
import { countryFromTgn } from '../../src/domain/countries.js';
import type { Es } from '../../src/es/client.js';
import { loadSampleLists, walters, WALTERS_MAPPING } from '../fixtures/bulk/support.js';
import { dropPrefix, quietLogger, testConfig, testEs, uniquePrefix } from '../helpers/es.js';

/**
 * The worked example as an acceptance test: the real Walters inventory checked against the 17
 * sample Red Lists with the shipped mapping (`src/bulk/profiles/walters.json`). For every object
 * whose place of origin is a country some Red List covers, the top hit's list must cover that
 * country for at least 80 % of the rows.
 */

const prefix = uniquePrefix('bulk-walters');
let es: Es;
let app: FastifyInstance;

interface Geo {
  GeoType?: string;
  GeographyTerm?: string;
  GeoHierarchy?: string;
}

/** Ground truth: the country of the object's place of origin (Getty TGN), or undefined. */
function originOf(r: Record<string, unknown>): string | undefined {
  for (const g of (r.Geographies as Geo[] | null) ?? []) {
    if (g.GeoType !== 'Place of Origin') continue;
    const c = countryFromTgn(g.GeoHierarchy ?? '', g.GeographyTerm);
    if (c) return c;
  }
  return undefined;
}

beforeAll(async () => {
  es = testEs();
  const config = testConfig(prefix, { BULK_MAX_ROWS: '20000', BULK_MAX_BYTES: String(100 * 1024 * 1024) });
  await loadSampleLists(config, es);
  app = await buildApp(config, { es, logger: quietLogger(), bulk: { runner: false } });
});

afterAll(async () => {
  await app?.close();
  await dropPrefix(es, prefix);
  await es.close();
});

describe('Walters inventory against the sample Red Lists', () => {
  it('puts a list covering the object\'s country of origin first for at least 80% of the rows', async () => {
    const lists = await es.search<{ countries?: string[] }>({ index: indexNames(prefix).lists, size: 100, _source: ['countries'] });
    const coverage = new Map(lists.hits.hits.map((h) => [h._id!, new Set(h._source?.countries ?? [])]));
    expect(coverage.size).toBe(17);
    const covered = new Set([...coverage.values()].flatMap((s) => [...s]));

    const origins: string[] = [];
    const lines: string[] = [];
    for await (const r of walters()) {
      const c = originOf(r);
      if (!c || !covered.has(c)) continue;
      origins.push(c);
      lines.push(JSON.stringify(r));
    }
    expect(lines.length).toBeGreaterThan(1000);

    const res = await app.inject({
      method: 'POST',
      url: `/v1/bulk-search?k=3&mapping=${encodeURIComponent(JSON.stringify(WALTERS_MAPPING))}`,
      headers: { 'content-type': 'application/x-ndjson' },
      payload: lines.join('\n'),
    });
    expect(res.statusCode).toBe(200);
    const results = res.body.trim().split('\n').map((l) => JSON.parse(l) as BulkResult);
    expect(results.length).toBe(lines.length);

    let good = 0;
    const levels = { strong: 0, possible: 0, none: 0, errors: 0 };
    const perCountry = new Map<string, { rows: number; good: number }>();
    for (const r of results) {
      const c = origins[(r.row ?? 0) - 1]!;
      const stat = perCountry.get(c) ?? { rows: 0, good: 0 };
      stat.rows++;
      if ('error' in r) levels.errors++;
      else {
        levels[r.level]++;
        const top = r.hits[0]?.list?.id;
        if (top && coverage.get(top)?.has(c)) {
          good++;
          stat.good++;
        }
      }
      perCountry.set(c, stat);
    }
    const share = good / results.length;
    const byCountry = [...perCountry].sort((a, b) => b[1].rows - a[1].rows).map(([c, s]) => `${c} ${s.good}/${s.rows}`).join(', ');
    console.log(`[bulk walters] ${results.length} rows from countries with a Red List; top hit's list covers the country for ${(share * 100).toFixed(1)}% (${good}); levels ${JSON.stringify(levels)}; ${byCountry}`);
    expect(share).toBeGreaterThanOrEqual(0.8);
  });
});
