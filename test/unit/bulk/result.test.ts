import { describe, expect, it } from 'vitest';
import { shapeHit } from '../../../src/bulk/result.js';

describe('shapeHit', () => {
  it('reads reasons from serial-numbered clause names (field|n) as the field names', () => {
    const hit = shapeHit(
      {
        _id: 'iraq-2003:5',
        _score: 40,
        _source: { record: { id: 'iraq-2003:5', title: { en: 'Cylinder seal' }, category: [], objectType: [] } },
        matched_queries: ['q.object_type|3', 'q.object_type|7', 'q.phrase|2', 'country'],
      },
      40,
      ['q', 'country'],
      'en',
    );
    expect(hit.reasons).toEqual(['country', 'q.object_type']);
    expect(hit.reasons.some((r) => r.includes('|'))).toBe(false);
  });
});
