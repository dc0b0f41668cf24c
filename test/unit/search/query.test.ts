import { describe, expect, it } from 'vitest';
import { SearchParams } from '../../../src/schemas/search.js';
import { normaliseParams } from '../../../src/search/params.js';
import { buildSearch } from '../../../src/search/query.js';
import { fixtureDomain } from './fixture-domain.js';

const build = (raw: Record<string, unknown>, after?: (string | number)[]) =>
  buildSearch(normaliseParams(SearchParams.parse(raw), fixtureDomain), after);

type Agg = { filter: { bool?: { filter: unknown[] }; match_all?: object }; aggs: Record<string, unknown> };

describe('buildSearch: golden query DSL', () => {
  it('text only', async () => {
    await expect(JSON.stringify(build({ q: 'tablette cunéiforme' }).body, null, 2)).toMatchFileSnapshot('__snapshots__/text-only.json');
  });

  it('text + country', async () => {
    await expect(JSON.stringify(build({ q: 'statuette bronze', country: 'Syrie' }).body, null, 2)).toMatchFileSnapshot(
      '__snapshots__/text-country.json',
    );
  });

  it('category parent + emergency', async () => {
    await expect(JSON.stringify(build({ category: 'iraq-2015/writing', emergency: 'true', facets: ['category', 'list'] }).body, null, 2)).toMatchFileSnapshot(
      '__snapshots__/category-emergency.json',
    );
  });

  it('measurements + dates', async () => {
    await expect(
      JSON.stringify(build({ height: '24cm', weight: '1-2 kg', date_from: '-1000', date_to: '500', facets: 'period' }).body, null, 2),
    ).toMatchFileSnapshot('__snapshots__/measurements-dates.json');
  });

  it('cursor paging', async () => {
    await expect(JSON.stringify(build({ q: 'manuscrito', size: 50, facets: 'none' }, [3.5, 'syria-2013-12']).body, null, 2)).toMatchFileSnapshot(
      '__snapshots__/cursor.json',
    );
  });
});

describe('buildSearch: behaviour', () => {
  it('applies facet selections as post_filter and ignores each facet\'s own selection in its counts', () => {
    const { body } = build({ country: ['SY', 'IQ'], list: 'syria-2013' });
    expect(body.post_filter).toEqual({ bool: { filter: [{ terms: { list_id: ['syria-2013'] } }, { terms: { countries: ['SY', 'IQ'] } }] } });
    const aggs = body.aggs as Record<string, Agg>;
    expect(aggs.country?.filter).toEqual({ bool: { filter: [{ terms: { list_id: ['syria-2013'] } }] } });
    expect(aggs.list?.filter).toEqual({ bool: { filter: [{ terms: { countries: ['SY', 'IQ'] } }] } });
    expect(aggs.material?.filter).toEqual({ bool: { filter: [{ terms: { list_id: ['syria-2013'] } }, { terms: { countries: ['SY', 'IQ'] } }] } });
    expect(aggs.country?.aggs.sel).toEqual({ terms: { field: 'countries', size: 2, include: ['SY', 'IQ'] } });
  });

  it('keeps non-facet filters in the query, so facet counts respect them', () => {
    const { body } = build({ q: 'statuette', kind: 'redlist', has_image: 'true' });
    const fs = body.query?.function_score as { query?: unknown } | undefined;
    expect(fs?.query).toMatchObject({ bool: { filter: [{ terms: { kind: ['redlist'] } }, { term: { has_image: true } }] } });
    expect(body.post_filter).toBeUndefined();
  });

  it('filters a parent category on category_keys, which holds every level', () => {
    const { body } = build({ category: 'iraq-2015/writing' });
    expect(body.post_filter).toEqual({ bool: { filter: [{ terms: { category_keys: ['iraq-2015/writing'] } }] } });
  });

  it('matches a date range by overlap and measurements within their window', () => {
    const { body } = build({ date_from: '-1000', height: '24cm' });
    const filters = JSON.stringify(body.query);
    expect(filters).toContain('{"range":{"date_range":{"gte":-1000,"relation":"intersects"}}}');
    expect(filters).toContain('{"range":{"height_mm":{"gte":192,"lte":288}}}');
  });

  it('asks one hit more than the page to know whether a next page exists, and sorts with an id tiebreaker', () => {
    const b = build({ size: 10, page: 3 });
    expect(b.body.size).toBe(11);
    expect(b.body.from).toBe(20);
    expect(b.body.sort).toEqual([{ _score: { order: 'desc' } }, { id: { order: 'asc' } }]);
    const last = build({ size: 100, page: 100 });
    expect(last.body.size).toBe(100);
    expect(last.body.track_total_hits).toBe(10_001);
  });

  it('continues after a cursor from offset 0, past any window', () => {
    const b = build({ size: 100 }, [1, 'x']);
    expect(b.body.from).toBeUndefined();
    expect(b.body.search_after).toEqual([1, 'x']);
    expect(b.body.size).toBe(101);
  });

  it('counts exactly on request', () => {
    expect(build({ exact_total: 'true' }).body.track_total_hits).toBe(true);
    expect(build({}).body.track_total_hits).toBe(10_000);
  });

  it('ranks Red List records first when relevance is close', () => {
    const fs = build({ q: 'tablet' }).body.query?.function_score as { functions?: unknown } | undefined;
    expect(fs?.functions).toEqual([{ filter: { term: { kind: 'redlist' } }, weight: 1.25 }]);
  });

  it('binds cursors to the query and filters, not to paging or language', () => {
    const a = build({ q: 'tablet', size: 10, lang: 'fr' }).queryHash;
    expect(build({ q: 'Tablet', size: 50 }).queryHash).toBe(a);
    expect(build({ q: 'tablet', country: 'IQ' }).queryHash).not.toBe(a);
  });

  it('builds the same text query for the same words whichever mode was asked first', () => {
    const words = 'statuette bronze tablette manuscrit';
    const req = normaliseParams(SearchParams.parse({ q: words }), fixtureDomain);
    const loose = buildSearch(req, undefined, { relaxed: true }).body;
    const strict = buildSearch(req).body;
    expect(JSON.stringify(loose.query)).toBe(JSON.stringify(buildSearch(req, undefined, { relaxed: true }).body.query));
    expect(JSON.stringify(strict.query)).toBe(JSON.stringify(buildSearch(normaliseParams(SearchParams.parse({ q: words }), fixtureDomain)).body.query));
    expect(JSON.stringify(strict.query)).toContain('"minimum_should_match":3');
    expect(JSON.stringify(loose.query)).toContain('"minimum_should_match":2');
    expect(JSON.stringify(loose.query).replace('"minimum_should_match":2', '"minimum_should_match":3')).toBe(JSON.stringify(strict.query));
  });
});
