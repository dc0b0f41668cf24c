import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { fieldsOf } from '../../../src/search/validation.js';
import { SearchParams } from '../../../src/schemas/search.js';
import { normaliseParams } from '../../../src/search/params.js';
import { realDomain } from '../../../src/search/domain-real.js';
import { fixtureDomain } from './fixture-domain.js';

const norm = (raw: Record<string, unknown>) => normaliseParams(SearchParams.parse(raw), fixtureDomain);

function problemOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

function schemaFields(raw: Record<string, unknown>) {
  const r = SearchParams.safeParse(raw);
  if (r.success) throw new Error('expected a validation failure');
  return fieldsOf(r.error.issues as never);
}

describe('SearchParams (schema)', () => {
  it('accepts query-string values (strings, repeated keys) and JSON values alike', () => {
    const a = SearchParams.parse({ size: '5', emergency: 'true', country: 'SY', tolerance: '0.1' });
    const b = SearchParams.parse({ size: 5, emergency: true, country: ['SY'], tolerance: 10 });
    expect(a).toEqual(b);
    expect(SearchParams.parse({ tolerance: '25%' }).tolerance).toBeCloseTo(0.25);
  });

  it('names every unknown parameter and every bad value', () => {
    const fields = schemaFields({ colour: 'red', facet: 'country', size: '500', emergency: 'maybe' });
    const names = fields.map((f) => f.name).sort();
    expect(names).toEqual(['colour', 'emergency', 'facet', 'size']);
    expect(fields.find((f) => f.name === 'size')?.reason).toMatch(/at most 100/);
    expect(fields.find((f) => f.name === 'colour')?.reason).toMatch(/not a known parameter/);
  });

  it('rejects unknown facets by name', () => {
    const fields = schemaFields({ facets: ['country', 'colour'] });
    expect(fields.map((f) => f.name)).toEqual(['facets']);
    expect(fields[0]?.reason).toMatch(/category/);
  });
});

describe('normaliseParams', () => {
  it('resolves countries from codes or names in any language', () => {
    expect(norm({ country: ['Syrie', 'IQ', 'العراق'] }).filters.country).toEqual(['SY', 'IQ']);
  });

  it('rejects an unknown country naming the parameter', () => {
    const e = problemOf(() => norm({ country: 'Atlantis' }));
    expect(e.status).toBe(400);
    expect(e.fields).toEqual([{ name: 'country', reason: expect.stringMatching(/Atlantis/) }]);
  });

  it('includes narrower materials and accepts material names in other languages', () => {
    const f = norm({ material: ['metal', 'bronce'] }).filters;
    expect(f.material).toEqual(['metal', 'bronze']);
    expect(f.materialMatch).toEqual(expect.arrayContaining(['metal', 'copper-alloy', 'bronze']));
  });

  it('reports a reversed date range, bad years and bad measurements together', () => {
    const e = problemOf(() => norm({ date_from: '500', date_to: '-500', height: 'tall', weight: '3 cm' }));
    expect(e.fields.map((f) => f.name).sort()).toEqual(['date_to', 'height', 'weight']);
    const y = problemOf(() => norm({ date_from: 'yesterday' }));
    expect(y.fields[0]?.name).toBe('date_from');
  });

  it('reads years as signed integers or with an era', () => {
    expect(norm({ date_from: '1000 BC', date_to: 'AD 500' }).filters.date).toEqual({ from: -1000, to: 500 });
    expect(norm({ date_from: -3000 }).filters.date).toEqual({ from: -3000 });
  });

  it('bounds the query: characters (in the schema, so the API documents the bound) and words', () => {
    expect(SearchParams.safeParse({ q: 'a'.repeat(200) }).success).toBe(true);
    expect(SearchParams.safeParse({ q: 'a'.repeat(201) }).error?.issues[0]).toMatchObject({ code: 'too_big', path: ['q'], message: 'at most 200 characters' });
    const long = problemOf(() => normaliseParams({ q: ` ${'a'.repeat(201)} ` }, fixtureDomain));
    expect(long.code).toBe('SEARCH_QUERY_TOO_LONG');
    expect(long.fields[0]?.name).toBe('q');
    const words = problemOf(() => norm({ q: Array.from({ length: 17 }, (_, i) => `w${i}`).join(' ') }));
    expect(words.code).toBe('SEARCH_QUERY_TOO_LONG');
  });

  it('browses with an empty query, and refuses a query with nothing to search for', () => {
    expect(norm({ q: '   ' }).text).toBeUndefined();
    for (const q of ['  ,;  ', '🏺', '*', '\u200b']) {
      const p = problemOf(() => norm({ q }));
      expect(p.code, q).toBe('SEARCH_INVALID_PARAMETER');
      expect(p.fields).toEqual([{ name: 'q', reason: expect.stringMatching(/no word to search for/) }]);
    }
  });

  it('keeps page x size within the 10,000-hit window and page apart from cursor', () => {
    expect(problemOf(() => norm({ page: 501, size: 20 })).fields[0]?.name).toBe('page');
    expect(norm({ page: 500, size: 20 }).page).toBe(500);
    expect(problemOf(() => norm({ page: 2, cursor: 'abc' })).fields[0]?.name).toBe('page');
  });

  it('rejects unknown kinds and period buckets', () => {
    const e = problemOf(() => norm({ kind: 'painting', period: ['m-3', 'x9'] }));
    expect(e.fields.map((f) => f.name)).toEqual(['kind', 'period']);
  });

  it('computes the facets asked for, in the documented order, or none', () => {
    expect(norm({ facets: ['period', 'country'] }).facets).toEqual(['country', 'period']);
    expect(norm({ facets: 'none' }).facets).toEqual([]);
    expect(norm({}).facets).toHaveLength(7);
  });
});

describe('country filter with the real gazetteer', () => {
  const real = (country: string) => normaliseParams(SearchParams.parse({ country }), realDomain);

  it('takes a city or site of the gazetteer as its country, as the bulk check does', () => {
    expect(real('Palmyra').filters.country).toEqual(['SY']);
    expect(real('Baghdad').filters.country).toEqual(['IQ']);
    expect(real('Damascus, Syria').filters.country).toEqual(['SY']);
    for (const [place, code] of [['Cairo', 'EG'], ['Saqqara', 'EG'], ['Mariupol', 'UA'], ['Deir ez-Zor', 'SY'], ['Багдад', 'IQ'], ['تدمر', 'SY']] as const) {
      expect(real(place).filters.country, place).toEqual([code]);
    }
  });

  it('refuses a place in several countries, a three-letter code and a typo, each with a way forward', () => {
    expect(problemOf(() => real('Baghdad and Damascus')).fields[0]?.reason).toMatch(/several countries \(IQ, SY\)/);
    expect(problemOf(() => real('IRQ')).fields[0]?.reason).toMatch(/two-letter ISO 3166 code/);
    expect(problemOf(() => real('Syira')).fields[0]?.reason).toMatch(/did you mean Syria \(SY\)\?/);
    expect(problemOf(() => real('Atlantis')).fields[0]?.reason).not.toMatch(/did you mean/);
  });
});

