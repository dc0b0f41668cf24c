import { describe, expect, it } from 'vitest';
import { buildImageKnn, hashesByImage, imageHashEntries, imageSearchBody, imageSourceFilter, IMAGE_HASH_MAPPING } from '../../../../ingest/images/es.js';
import { hexToSignedBytes } from '../../../../ingest/images/hash.js';
import { HASH_BITS, INDEX_CROPS } from '../../../../ingest/images/descriptors.js';
import type { QueryDescriptors } from '../../../../ingest/images/descriptors.js';

const h = (c: string): string => c.repeat(HASH_BITS / 4);

describe('ES image fragments', () => {
  it('maps a nested bit vector whose dims are the hash size, a multiple of 8', () => {
    const v = IMAGE_HASH_MAPPING.image_hashes.properties.hash;
    expect(v).toMatchObject({ type: 'dense_vector', element_type: 'bit', dims: HASH_BITS });
    expect(v.dims % 8).toBe(0);
  });

  it('makes one entry per indexed crop, none for a plain image', () => {
    const e = imageHashEntries('s1', { hashes: [h('a'), h('b'), h('c')], quality: 0.4 });
    expect(e.map((x) => x.crop)).toEqual([...INDEX_CROPS]);
    expect(imageHashEntries('s1', { hashes: [h('a')], quality: 0 })).toEqual([]);
  });

  it('sends one knn clause per distinct query hash', () => {
    const q: QueryDescriptors = {
      version: 1,
      quality: 1,
      trim: { x: 0, y: 0, width: 1, height: 1 },
      variants: [h('1'), h('1'), h('2')].map((hash, i) => ({ orientation: i, crop: 1, hash })),
    };
    const knn = buildImageKnn(q, { k: 5, numCandidates: 40 });
    expect(knn).toEqual([
      { field: 'image_hashes.hash', query_vector: h('1'), k: 5, num_candidates: 40 },
      { field: 'image_hashes.hash', query_vector: h('2'), k: 5, num_candidates: 40 },
    ]);
    expect(imageSourceFilter(['id'])).toEqual({ includes: ['id', 'image_hashes'], exclude_vectors: false });
    // The body asks for the union of all clauses' top k, with the vectors in _source.
    const body = imageSearchBody(q, { k: 7, source: ['id'] });
    expect(body.size).toBe(14);
    expect(body._source.exclude_vectors).toBe(false);
  });

  it('groups stored entries per image in crop order, from hex or signed bytes', () => {
    const g = hashesByImage([
      { sha256: 'x', crop: 0.8, hash: hexToSignedBytes(h('f')) },
      { sha256: 'x', crop: 1, hash: h('A') },
      { sha256: 'y', crop: 1, hash: h('0') },
    ]);
    expect(g.get('x')).toEqual([h('a'), '', h('f')]);
    expect(g.get('y')).toEqual([h('0')]);
  });
});
