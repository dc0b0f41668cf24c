import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/search/analyse.js';
import { fuzzinessOf, publicName, relaxedRequiredOf, requiredOf, textQuery } from '../../../src/search/text.js';
import { fixtureDomain } from './fixture-domain.js';

const input = (q: string) => {
  const t = analyseText(q, fixtureDomain);
  if (!t) throw new Error('no text');
  return t;
};

/** Every clause type used anywhere in a query. */
function clauseTypes(q: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(q)) q.forEach((x) => clauseTypes(x, out));
  else if (q && typeof q === 'object') {
    for (const [k, v] of Object.entries(q)) {
      out.add(k);
      clauseTypes(v, out);
    }
  }
  return out;
}

describe('fuzziness and required words', () => {
  it('allows no typo up to 4 letters, one up to 7, two from 8', () => {
    expect(['jar', 'urn', 'ікон', 'mari', 'theb', 'ікона'].map(fuzzinessOf)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(fuzzinessOf('tablet')).toBe(1);
    expect(fuzzinessOf('manuscrit')).toBe(2);
  });

  it('requires every word of short queries and most words of long ones', () => {
    expect([1, 2, 3, 4, 5, 10].map(requiredOf)).toEqual([1, 2, 2, 3, 4, 7]);
  });
});

describe('analyseText', () => {
  it('folds and stems the query the way the index does', () => {
    const t = input('Tablettes CUNÉIFORMES');
    expect(t.tokens).toEqual(['tablettes', 'cuneiformes']);
    expect(t.forms).toEqual([['tablett'], ['cuneiform']]);
  });

  it('expands vocabulary words to their equivalents in every language, tied to the words they cover', () => {
    const t = input('manuscrito colonial');
    const e = t.expansions.find((x) => x.key === 'manuscript');
    expect(e?.covers).toEqual([0]);
    expect(e?.words).toEqual(expect.arrayContaining(['manuscript', 'manuscrit', 'مخطوط']));
    expect(e?.words).not.toContain('manuscrito');
  });

  it('includes narrower vocabulary keys', () => {
    const e = input('metal').expansions.find((x) => x.key === 'metal');
    expect(e?.narrower).toEqual(expect.arrayContaining(['copper-alloy', 'bronze']));
  });
});

describe('textQuery', () => {
  it('never passes user text as query syntax', () => {
    const q = textQuery(input('title:(a OR b) AND "x*" ~2 \\ / [1 TO 5]'));
    const types = clauseTypes(q);
    expect(types.has('query_string')).toBe(false);
    expect(types.has('simple_query_string')).toBe(false);
    expect(types.has('regexp')).toBe(false);
    expect(types.has('wildcard')).toBe(false);
    expect(JSON.stringify(q)).not.toContain('OR b');
  });

  it('names each field clause, so hits say which fields matched', () => {
    const json = JSON.stringify(textQuery(input('statuette')));
    for (const name of ['object_type', 'title', 'category', 'material', 'place', 'description']) expect(json).toContain(`"_name":"${name}|`);
    const names = [...json.matchAll(/"_name":"([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(names).size).toBe(names.length);
    expect(publicName('object_type|12')).toBe('object_type');
  });

  it('adds a phrase bonus only for several words, and stopwords never decide a match', () => {
    expect(JSON.stringify(textQuery(input('statuette')))).not.toContain('"_name":"phrase');
    const q = textQuery(input('statuette de bronze')) as { bool: { must: { bool: { should: unknown[]; minimum_should_match: number } }[]; should: unknown[] } };
    expect(q.bool.must[0]?.bool.should).toHaveLength(2);
    expect(q.bool.must[0]?.bool.minimum_should_match).toBe(2);
    expect(JSON.stringify(q.bool.should)).toContain('search.title.pairs');
  });

  it('requires half the words when relaxed', () => {
    const strict = textQuery(input('bronze statuette colonial ugarit')) as { bool: { must: { bool: { minimum_should_match: number } }[] } };
    const loose = textQuery(input('bronze statuette colonial ugarit'), { relaxed: true }) as typeof strict;
    expect(strict.bool.must[0]?.bool.minimum_should_match).toBe(3);
    expect(loose.bool.must[0]?.bool.minimum_should_match).toBe(2);
    expect(relaxedRequiredOf(2)).toBe(1);
  });

  it('boosts records of a country or region named in the text, as a match for those words', () => {
    const t = { ...input('statuette syrie'), places: [{ field: 'countries' as const, value: 'SY', covers: [1] }] };
    const json = JSON.stringify(textQuery(t));
    expect(json).toMatch(/"term":\{"countries":\{"value":"SY","boost":10,"_name":"place\|\d+"\}\}/);
  });

  it('lets a vocabulary equivalent stand for the word it covers', () => {
    const json = JSON.stringify(textQuery(input('مخطوطة')));
    expect(json).toContain('"object_type_keys":["manuscript"]');
  });
});
