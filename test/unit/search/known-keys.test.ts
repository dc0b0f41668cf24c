import { describe, expect, it } from 'vitest';
import { SearchParams } from '../../../src/schemas/search.js';
import { checkKnownKeys, nearest } from '../../../src/search/known-keys.js';
import { normaliseParams } from '../../../src/search/params.js';
import { ReferenceData } from '../../../src/search/reference.js';
import { fixtureDomain } from './fixture-domain.js';

const ref = new ReferenceData([
  {
    id: 'iraq-2003',
    title: { en: 'Emergency Red List of Iraqi Antiquities at Risk' },
    emergency: true,
    sections: [{ categories: [{ key: 'iraq-2003/writing', label: { en: 'Writing' }, children: [{ key: 'iraq-2003/writing/tablets', label: { en: 'Tablets' } }] }] }],
  },
  { id: 'syria-2013', title: { en: 'Emergency Red List of Syrian Cultural Objects at Risk' }, emergency: true },
]);

const request = (params: Record<string, unknown>) => normaliseParams(SearchParams.parse(params), fixtureDomain);

function problem(params: Record<string, unknown>, data = ref) {
  try {
    checkKnownKeys(request(params), data);
  } catch (err) {
    return err as { status: number; fields: { name: string; reason: string }[] };
  }
  return undefined;
}

describe('checkKnownKeys', () => {
  it('accepts the lists and categories (at any level) the reference data holds', () => {
    expect(problem({ list: ['iraq-2003', 'syria-2013'], category: ['iraq-2003/writing', 'iraq-2003/writing/tablets'] })).toBeUndefined();
  });

  it('names each unknown list or category, with the nearest known key when one is close', () => {
    const p = problem({ list: ['iraq-2004', 'atlantis-1999'], category: 'iraq-2003/writng' });
    expect(p?.status).toBe(400);
    expect(p?.fields).toEqual([
      { name: 'list', reason: '"iraq-2004" is not an indexed Red List; did you mean "iraq-2003"? (see /v1/lists)' },
      { name: 'list', reason: '"atlantis-1999" is not an indexed Red List (see /v1/lists)' },
      { name: 'category', reason: '"iraq-2003/writng" is not a category of the indexed Red Lists; did you mean "iraq-2003/writing"? (see /v1/categories)' },
    ]);
  });

  it('checks nothing when no lists are indexed (no reference to check against)', () => {
    expect(problem({ list: 'anything', category: 'any/thing' }, new ReferenceData([]))).toBeUndefined();
  });
});

describe('nearest', () => {
  it('finds a key within about one edit per six characters, and nothing beyond', () => {
    expect(nearest('syria-2031', ['syria-2013', 'iraq-2003'])).toBe('syria-2013');
    expect(nearest('iraq', ['iraq-2003'])).toBeUndefined();
    expect(nearest('xx', [])).toBeUndefined();
  });
});
