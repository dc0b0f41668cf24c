import { describe, expect, it } from 'vitest';
import { stem } from '../../../src/domain/fold.js';
import { analyseText } from '../../../src/search/analyse.js';
import { matcherOf } from '../../../src/search/highlight.js';
import { toHit, type EsHit, type HitContext } from '../../../src/search/hits.js';
import { fixtureDomain } from './fixture-domain.js';

const record = {
  id: 'syria-2013:10',
  kind: 'redlist',
  title: { en: 'Bronze statuette', fr: 'Statuette en bronze' },
  list: { id: 'syria-2013', title: { en: 'Emergency Red List of Syria' }, emergency: true },
  category: [
    { key: 'syria-2013/sculpture', label: { en: 'Sculpture', fr: 'Sculpture' } },
    { key: 'syria-2013/sculpture/statuettes', label: { en: 'Statuettes' } },
  ],
  objectType: [{ key: 'statuette', label: { en: 'Statuette', fr: 'Statuette' } }, { key: 'odd', label: {} }],
  materials: [{ key: 'bronze', label: { en: 'Bronze' } }],
  materialText: 'cast bronze',
  places: { countries: ['SY', 'IQ'] },
  images: [{ sha256: 'ab'.repeat(32) }],
  source: { text: 'Statuette, cast bronze, Hellenistic, H. 28.1 cm' },
};

const hit = (matched: string[] | Record<string, number>, source: unknown = { record }): EsHit => ({ _id: 'x', _score: 12.34567, _source: source, matched_queries: matched });

const ctx = (q: string | undefined, lang = 'en', filterNames: string[] = []): HitContext => {
  const text = q ? analyseText(q, fixtureDomain) : undefined;
  return { lang, domain: fixtureDomain, filterNames, ...(text ? { matcher: matcherOf(text, stem) } : {}) };
};

describe('toHit', () => {
  it('reports matched fields by public name, in display order, then the active filters once each', () => {
    const h = toHit(hit(['material|7', 'title|0', 'object_type|3', 'title|12', 'phrase|20']), ctx('bronze statuette', 'en', ['country', 'material', 'country']));
    expect(h.matched).toEqual(['object_type', 'title', 'material', 'phrase', 'country']);
    // Scored named queries come as an object keyed by name.
    expect(toHit(hit({ 'category|4': 1.5 }), ctx('statuette')).matched).toEqual(['category']);
  });

  it('highlights only the fields that matched, labels joined in the asked language (an unlabelled term as an empty part)', () => {
    const h = toHit(hit(['object_type|1', 'material|2', 'category|3']), ctx('bronze statuette', 'fr'));
    expect(h.highlight).toEqual({
      object_type: '<em>Statuette</em>, ',
      category: 'Sculpture › <em>Statuettes</em>',
      material: '<em>Bronze</em>, cast <em>bronze</em>',
    });
    expect(h.title).toBe('Statuette en bronze');
    expect(h.category.map((c) => c.label)).toEqual(['Sculpture', 'Statuettes']);
    expect(h.countries).toEqual([
      { key: 'SY', label: 'Syrie' },
      { key: 'IQ', label: 'Irak' },
    ]);
    expect(h.thumbnail).toBe(`/v1/images/${'ab'.repeat(32)}/thumb`);
    expect(h.score).toBe(12.346);
  });

  it('shows the language in which a field matched when the asked one has no match', () => {
    const multi = { ...record, description: { en: 'Textiles of everyday use', es: 'Textiles de uso cotidiano' } };
    expect(toHit(hit(['description|2'], { record: multi }), ctx('cotidianos')).highlight).toEqual({ description: 'Textiles de uso <em>cotidiano</em>' });
    expect(toHit(hit(['description|2'], { record: multi }), ctx('everyday')).highlight).toEqual({ description: 'Textiles of <em>everyday</em> use' });
  });

  it('falls back to the caption when a place or phrase matched but neither title nor description did', () => {
    expect(toHit(hit(['place|5']), ctx('bronze')).highlight).toEqual({ caption: 'Statuette, cast <em>bronze</em>, Hellenistic, H. 28.1 cm' });
    expect(toHit(hit(['place|5', 'title|1']), ctx('bronze')).highlight).toEqual({ title: '<em>Bronze</em> statuette' });
  });

  it('has no highlights without query text, and a bare hit without a stored record', () => {
    expect(toHit(hit(['title|0']), ctx(undefined)).highlight).toEqual({});
    expect(toHit(hit([], {}), ctx('bronze'))).toMatchObject({ id: 'x', title: 'x', matched: [], highlight: {} });
  });
});
