import { describe, expect, it } from 'vitest';
import { buildRowQuery, COUNTRY_WEIGHT, DATE_WEIGHT, renameQueries } from '../../../src/bulk/query.js';
import { readMeasure, resolveCountries } from '../../../src/bulk/signals.js';
import { analyseText } from '../../../src/search/analyse.js';
import { realDomain } from '../../../src/search/domain-real.js';
import { textQuery } from '../../../src/search/text.js';

const names = (q: unknown): string[] => {
  const out: string[] = [];
  renameQueries(q, (n) => (out.push(n), n));
  return out;
};

function built(fields: Parameters<typeof buildRowQuery>[0]) {
  const r = buildRowQuery(fields, realDomain, 3);
  if ('error' in r) throw new Error(r.error.reason);
  return r;
}

describe('buildRowQuery', () => {
  it('builds q with the search API\'s own text query, names prefixed by q.', () => {
    const r = built({ q: 'tablette cunéiforme' });
    const expected = renameQueries(textQuery(analyseText('tablette cunéiforme', realDomain)!), (n) => `q.${n}`);
    expect(r.body.query).toEqual({ bool: { must: [{ bool: { should: [expected], _name: 'q' } }], filter: [{ term: { kind: 'redlist' } }] } });
    expect(r.given).toEqual(['q']);
    expect(r.body.size).toBe(3);
  });

  it('names every clause after the input it comes from, and only filters on kind', () => {
    const r = built({ object_type: 'statuette', material: 'bronze', country: 'Le Caire, Égypte', date: '1st millennium BC', height: '24 cm', title: 'Osiris' });
    expect(r.given).toEqual(['title', 'object_type', 'material', 'country', 'date', 'height']);
    const fs = (r.body.query as { function_score: { query: { bool: { should: unknown[]; filter: unknown[] } }; functions: unknown[] } }).function_score;
    const bool = fs.query.bool;
    expect(bool.filter).toEqual([{ term: { kind: 'redlist' } }]);
    // The signals multiply the text score; their named clauses only report the match.
    expect(fs.functions).toContainEqual({ filter: { terms: { countries: ['EG'] } }, weight: COUNTRY_WEIGHT });
    // 1st millennium BC (-1000..-1) widened by 5 % of each end's age: 150 and 100 years.
    expect(fs.functions).toContainEqual({ filter: { range: { date_range: { gte: -1150, lte: 99, relation: 'intersects' } } }, weight: DATE_WEIGHT });
    expect(JSON.stringify(fs.functions)).toContain('"height_mm":{"gte":192,"lte":288}');
    expect(bool.should).toContainEqual({ terms: { countries: ['EG'], boost: 0.001, _name: 'country' } });
    expect(new Set(names(r.body.query))).toEqual(new Set(['title', 'object_type', 'material', 'country', 'date', 'height']));
  });

  it('looks for the row\'s date within its tolerance, wider when approximate', () => {
    const range = (date: string) => {
      const q = built({ title: 'cone', date }).body.query as { function_score: { functions: { filter: { range: { date_range: object } } }[] } };
      return q.function_score.functions[0]!.filter.range.date_range;
    };
    expect(range('2136 BC')).toEqual({ gte: -2343, lte: -1929, relation: 'intersects' });
    expect(range('ca. 2100 BC')).toEqual({ gte: -2510, lte: -1690, relation: 'intersects' });
  });

  it('leaves out unreadable values with a warning naming the column', () => {
    const r = built({ title: 'vase', date: 'see file', height: 'tall', country: 'Atlantis' });
    expect(r.given).toEqual(['title']);
    expect(r.warnings.map((w) => w.field)).toEqual(['country', 'date', 'height']);
  });

  it('answers an error when nothing in the row can be searched', () => {
    expect(buildRowQuery({ title: 'of the', country: 'Egypt' }, realDomain, 3)).toEqual({
      error: { field: 'title', reason: 'no word that can be searched in the text columns' },
    });
  });

  it('bounds long text cells instead of failing', () => {
    const r = built({ title: Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ') });
    expect(JSON.stringify(r.body).includes('word15')).toBe(true);
    expect(JSON.stringify(r.body).includes('word16')).toBe(false);
  });
});

describe('signals', () => {
  it('finds countries in a whole cell or in its parts', () => {
    expect(resolveCountries('Égypte', realDomain)).toEqual(['EG']);
    expect(resolveCountries('Damascus; Syria', realDomain)).toEqual(['SY']);
    expect(resolveCountries('Nowhere', realDomain)).toEqual([]);
    expect(resolveCountries('Misr', realDomain)).toEqual(['EG']);
    const tgn = 'Giza ; The Thesaurus of Geographic Names\\World\\continents\\Africa\\nations\\Misr\\governorates\\';
    expect(resolveCountries(tgn, realDomain)).toEqual(['EG']);
  });
  it('reads a measurement cell or a labelled dimensions text', () => {
    // The window is what the bulk query uses (the search's measure reader may add its target value).
    expect(readMeasure('height', '24 cm', realDomain)).toMatchObject([{ name: 'height', range: { gte: 192, lte: 288 } }]);
    expect(readMeasure('dimensions', 'H: 15 3/16 x W: 10 1/16 in. (38.5 x 25.5 cm)', realDomain)).toEqual([
      { name: 'height', range: { gte: 308, lte: 462 } },
      { name: 'width', range: { gte: 204, lte: 306 } },
    ]);
    expect(typeof readMeasure('height', 'tall', realDomain)).toBe('string');
  });
});
