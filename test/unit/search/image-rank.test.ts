import { describe, expect, it } from 'vitest';
import { imageCountsBody, imageCountsOf, noHitNote, noImageNote } from '../../../src/search/image-rank.js';

/** The notes of a photo search with no hit: each says that no hit is no proof, and why nothing matched. */
const NO_PROOF = /no proof that the object is not listed/i;

describe('noHitNote', () => {
  it.each([
    ['too plain', { plain: true, closest: 3, candidates: 4, filtered: false }],
    ['no candidate in the index', { plain: false, closest: null, candidates: 0, filtered: false }],
    ['no candidate among the filtered records', { plain: false, closest: null, candidates: 0, filtered: true }],
    ['the closest too far', { plain: false, closest: 97, candidates: 12, filtered: false }],
  ])('says that no hit is no proof: %s', (_name, opts) => {
    expect(noHitNote(opts)).toMatch(NO_PROOF);
  });
});

describe('noImageNote', () => {
  it('says when the index holds no comparable image, with or without filters', () => {
    for (const filtered of [false, true]) {
      const note = noImageNote({ indexed: 0, allowed: filtered ? 3 : 519, allowedWithImage: 0 }, filtered);
      expect(note).toMatch(/index holds no record with a comparable image/);
      expect(note).toMatch(NO_PROOF);
    }
  });

  it('says when the filters allow records but none with an image, with both counts', () => {
    const note = noImageNote({ indexed: 13, allowed: 40, allowedWithImage: 0 }, true);
    expect(note).toMatch(/None of the 40 records the filters allow has a comparable image \(13 records in the whole index have one\)/);
    expect(note).toMatch(/widen or remove the filters/);
    expect(note).toMatch(NO_PROOF);
    expect(noImageNote({ indexed: 1, allowed: 1, allowedWithImage: 0 }, true)).toMatch(/The one record the filters allow has no comparable image \(1 record in the whole index has one\)/);
  });

  it('says when the filters allow no record at all', () => {
    const note = noImageNote({ indexed: 13, allowed: 0, allowedWithImage: 0 }, true);
    expect(note).toMatch(/filters allow no record at all/);
    expect(note).toMatch(NO_PROOF);
  });

  it('is null when some record could be compared (the ranking note stands)', () => {
    expect(noImageNote({ indexed: 13, allowed: 13, allowedWithImage: 13 }, false)).toBeNull();
    expect(noImageNote({ indexed: 13, allowed: 5, allowedWithImage: 2 }, true)).toBeNull();
  });
});

describe('image counts request', () => {
  it('is one size-0 request: the filter as query, images among them and in the whole index', () => {
    const filter = { bool: { filter: [{ term: { kind: 'inventory' } }] } };
    const body = imageCountsBody(filter);
    expect(body).toMatchObject({ size: 0, track_total_hits: true, query: filter });
    expect(JSON.stringify(body.aggs)).toContain('"global":{}');
    expect(imageCountsBody(undefined).query).toEqual({ match_all: {} });
  });

  it('reads the three counts from the response', () => {
    const res = { hits: { total: { value: 40 } }, aggregations: { with_image: { doc_count: 2 }, index: { doc_count: 519, with_image: { doc_count: 13 } } } };
    expect(imageCountsOf(res)).toEqual({ indexed: 13, allowed: 40, allowedWithImage: 2 });
    expect(imageCountsOf({ hits: { total: 7 } })).toEqual({ indexed: 0, allowed: 7, allowedWithImage: 0 });
  });
});
