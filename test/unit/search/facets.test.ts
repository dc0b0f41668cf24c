import { describe, expect, it } from 'vitest';
import { SearchParams } from '../../../src/schemas/search.js';
import { categoryTree, readFacets } from '../../../src/search/facets.js';
import { bucketOrder } from '../../../src/search/labels.js';
import { normaliseParams } from '../../../src/search/params.js';
import { ReferenceData } from '../../../src/search/reference.js';
import { fixtureDomain } from './fixture-domain.js';

const ref = new ReferenceData([
  {
    id: 'iraq-2015',
    title: { en: 'Emergency Red List of Iraqi Cultural Objects at Risk', fr: 'Liste rouge d’urgence' },
    emergency: true,
    sections: [{ categories: [{ key: 'iraq-2015/writing', label: { en: 'Writing', fr: 'Écriture' }, children: [{ key: 'iraq-2015/writing/tablets', label: { en: 'Tablets' } }] }] }],
  },
]);
const ctx = (lang = 'en') => ({ lang, domain: fixtureDomain, labels: ref });
const b = (key: string, doc_count: number) => ({ key, doc_count });

describe('categoryTree', () => {
  it('nests keys under their nearest counted ancestor, with labels in the asked language', () => {
    const tree = categoryTree(
      [
        { key: 'iraq-2015/writing/tablets', count: 4 },
        { key: 'iraq-2015/writing', count: 6 },
        { key: 'syria-2013/coins', count: 9 },
      ],
      ctx('fr'),
      ['iraq-2015/writing/tablets'],
    );
    expect(tree.map((n) => [n.key, n.label, n.count])).toEqual([
      ['syria-2013/coins', 'Coins', 9],
      ['iraq-2015/writing', 'Écriture', 6],
    ]);
    expect(tree[1]?.children).toEqual([{ key: 'iraq-2015/writing/tablets', label: 'Tablets', count: 4, list: 'iraq-2015', selected: true }]);
  });
});

describe('readFacets', () => {
  const req = normaliseParams(SearchParams.parse({ country: 'SY', list: 'iraq-2015', lang: 'fr' }), fixtureDomain);

  it('labels every value, marks emergency lists and zones, and keeps selected values visible', () => {
    const facets = readFacets(
      {
        country: { v: { buckets: [b('IQ', 12)] }, sel: { buckets: [b('SY', 3)] } },
        list: { v: { buckets: [b('iraq-2015', 12), b('peru-2007', 1)] } },
        emergency_zone: { v: { buckets: [b('IQ', 12)] } },
        period: { v: { buckets: [b('c18', 1), b('m-1', 5), b('m-3', 2)] } },
        material: { v: { buckets: [b('bronze', 2)] } },
        region: { v: { buckets: [] } },
        category: { v: { buckets: [] } },
      },
      req,
      { lang: 'fr', domain: fixtureDomain, labels: ref },
    );
    expect(facets.country).toEqual([
      { key: 'IQ', label: 'Irak', count: 12 },
      { key: 'SY', label: 'Syrie', count: 3, selected: true },
    ]);
    expect(facets.list?.[0]).toEqual({ key: 'iraq-2015', label: 'Liste rouge d’urgence', count: 12, emergency: true, selected: true });
    expect(facets.list?.[1]).toEqual({ key: 'peru-2007', label: 'peru-2007', count: 1 });
    expect(facets.emergency_zone?.[0]?.emergency).toBe(true);
    expect(facets.period?.map((v) => v.key)).toEqual(['m-3', 'm-1', 'c18']);
    expect(facets.material?.[0]?.label).toBe('Bronze');
  });

  it('writes each value as key, label, emergency, count, selected (the documented order)', () => {
    const facets = readFacets({ list: { v: { buckets: [b('peru-2007', 3), b('iraq-2015', 2)] } } }, { ...req, facets: ['list'] }, ctx());
    expect(JSON.stringify(facets.list)).toBe(
      '[{"key":"peru-2007","label":"peru-2007","count":3},' +
        '{"key":"iraq-2015","label":"Emergency Red List of Iraqi Cultural Objects at Risk","emergency":true,"count":2,"selected":true}]',
    );
  });

  it('shows a selected value with no hits as zero rather than dropping it', () => {
    const facets = readFacets({ country: { v: { buckets: [] } } }, { ...req, facets: ['country'] }, ctx());
    expect(facets.country).toEqual([{ key: 'SY', label: 'Syria', count: 0, selected: true }]);
  });
});

describe('period buckets', () => {
  it('orders millennia BCE before centuries CE', () => {
    expect(['c1', 'm-1', 'c20', 'm-10', 'm-2'].sort((x, y) => bucketOrder(x) - bucketOrder(y))).toEqual(['m-10', 'm-2', 'm-1', 'c1', 'c20']);
  });
});
