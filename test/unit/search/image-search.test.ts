import { describe, expect, it } from 'vitest';
import { ImageError, type QueryDescriptors, type StoredImageHashEntry } from '../../../ingest/images/index.js';
import { AppError } from '../../../src/errors.js';
import { ImageSearchParams } from '../../../src/schemas/image-search.js';
import { closestImage, noHitNote, rankCandidates, similarityOf, THRESHOLDS } from '../../../src/search/image-rank.js';
import { imageFilter, imageProblem } from '../../../src/search/image-search.js';
import { fixtureDomain } from './fixture-domain.js';

/** A 256-bit hash (64 hex digits) with the first `n` bits set. */
function bits(n: number): string {
  const b = Buffer.alloc(32);
  for (let i = 0; i < n; i++) b[i >> 3] = (b[i >> 3] as number) | (0x80 >> (i & 7));
  return b.toString('hex');
}

const query = (hashes: string[], quality = 0.5): QueryDescriptors => ({
  version: 1,
  variants: hashes.map((hash, i) => ({ orientation: i % 8, crop: 1, hash })),
  quality,
  trim: { x: 0, y: 0, width: 1, height: 1 },
});

const entries = (sha: string, ...hashes: string[]): StoredImageHashEntry[] => hashes.map((hash, i) => ({ sha256: sha, crop: [1, 0.9, 0.8][i] ?? 1, hash }));

describe('exact re-ranking of knn candidates', () => {
  const q = query([bits(0)]);

  it('ranks records by their closest image, closest first, with levels from the thresholds', () => {
    const ranked = rankCandidates(q, [
      { id: 'far', image_hashes: entries('a', bits(70)) },
      { id: 'edited', image_hashes: entries('b', bits(30), bits(25)) },
      { id: 'same', image_hashes: entries('c', bits(3)) },
      { id: 'maybe', image_hashes: entries('d', bits(55)) },
    ]);
    expect(ranked.map((r) => [r.id, r.match.distance, r.match.level])).toEqual([
      ['same', 3, 'identical'],
      ['edited', 25, 'near_duplicate'],
      ['maybe', 55, 'similar'],
      ['far', 70, null],
    ]);
  });

  it('names the image of a multi-image record that matched, and the crop', () => {
    const best = closestImage(q, [...entries('img-a', bits(50), bits(48), bits(47)), ...entries('img-b', bits(90), bits(9), bits(80))]);
    expect(best?.image).toBe('img-b');
    expect(best?.match.distance).toBe(9);
    expect(best?.match.indexCrop).toBe(0.9);
  });

  it('reads hashes returned as signed bytes, as Elasticsearch 9 returns bit vectors', () => {
    const signed = Array.from(Buffer.from(bits(12), 'hex'), (b) => (b > 127 ? b - 256 : b));
    expect(rankCandidates(q, [{ id: 'x', image_hashes: [{ sha256: 's', crop: 1, hash: signed }] }])[0]?.match.distance).toBe(12);
  });

  it('uses the best query variant (orientation/crop) and breaks ties by id', () => {
    const q2 = query([bits(100), bits(40)]);
    const ranked = rankCandidates(q2, [
      { id: 'b', image_hashes: entries('1', bits(44)) },
      { id: 'a', image_hashes: entries('2', bits(36)) },
    ]);
    expect(ranked.map((r) => [r.id, r.match.distance])).toEqual([
      ['a', 4],
      ['b', 4],
    ]);
  });

  it('drops candidates without comparable hashes and repeated ids', () => {
    const ranked = rankCandidates(q, [{ id: 'none' }, { id: 'empty', image_hashes: [] }, { id: 'ok', image_hashes: entries('s', bits(1)) }, { id: 'ok', image_hashes: entries('s', bits(200)) }]);
    expect(ranked.map((r) => [r.id, r.match.distance])).toEqual([['ok', 1]]);
  });

  it('never gives a level to a plain (textureless) query', () => {
    const ranked = rankCandidates(query([bits(0)], 0.01), [{ id: 'x', image_hashes: entries('s', bits(0)) }]);
    expect(ranked[0]?.match).toMatchObject({ distance: 0, level: null });
  });
});

describe('figures shown to the client', () => {
  it('similarity is 1 - distance / 256', () => {
    expect(similarityOf(0)).toBe(1);
    expect(similarityOf(64)).toBe(0.75);
    expect(similarityOf(40)).toBe(0.844);
    expect(similarityOf(256)).toBe(0);
  });

  it('thresholds are the calibrated ones, in bits of 256', () => {
    expect(THRESHOLDS).toEqual({ identical: 12, near_duplicate: 40, similar: 60, bits: 256 });
  });

  it('explains an empty result', () => {
    expect(noHitNote({ plain: true, closest: 0, candidates: 3, filtered: false })).toMatch(/too plain/);
    expect(noHitNote({ plain: false, closest: null, candidates: 0, filtered: true })).toMatch(/No record with a comparable image .* filters allow/);
    const far = noHitNote({ plain: false, closest: 97, candidates: 12, filtered: false });
    expect(far).toMatch(/closest is 97 bits of 256 away/);
    expect(far).toMatch(/at most 60/);
  });
});

describe('parameters and errors', () => {
  it('turns every /v1/search filter into one knn filter and names the active ones', () => {
    const p = ImageSearchParams.parse({ country: 'Syria', kind: 'inventory', emergency: 'true', height: '24 cm', k: '5', lang: 'fr' });
    const f = imageFilter(p, { domain: fixtureDomain });
    expect(f.lang).toBe('fr');
    expect(f.names).toEqual(expect.arrayContaining(['country', 'emergency', 'height', 'kind']));
    const clauses = (f.filter as { bool: { filter: unknown[] } }).bool.filter;
    expect(clauses).toEqual(expect.arrayContaining([{ terms: { countries: ['SY'] } }, { terms: { kind: ['inventory'] } }, { term: { emergency: true } }]));
    expect(imageFilter(ImageSearchParams.parse({}), { domain: fixtureDomain }).filter).toBeUndefined();
  });

  it('rejects a filter the way /v1/search does, naming it', () => {
    try {
      imageFilter(ImageSearchParams.parse({ country: 'Atlantis' }), { domain: fixtureDomain });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).fields).toEqual([{ name: 'country', reason: expect.stringMatching(/not a known country/) }]);
    }
  });

  it('accepts k from 1 to 50 and rejects search-only parameters', () => {
    expect(ImageSearchParams.safeParse({ k: '50' }).success).toBe(true);
    expect(ImageSearchParams.safeParse({ k: '51' }).success).toBe(false);
    expect(ImageSearchParams.safeParse({ k: '0' }).success).toBe(false);
    expect(ImageSearchParams.safeParse({ q: 'bronze' }).success).toBe(false);
    expect(ImageSearchParams.safeParse({ size: '10' }).success).toBe(false);
  });

  it('maps image errors to 400 IMAGE_INVALID naming image, and too many bytes to 413', () => {
    const bad = imageProblem(new ImageError('IMAGE_DECODE_FAILED', 'Image could not be decoded (descriptors): premature end'));
    expect(bad).toBeInstanceOf(AppError);
    expect(bad).toMatchObject({ status: 400, code: 'IMAGE_INVALID', fields: [{ name: 'image', reason: 'Image could not be decoded (descriptors): premature end' }] });
    expect(imageProblem(new ImageError('IMAGE_TOO_LARGE_BYTES', 'too big'))).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const other = new Error('boom');
    expect(imageProblem(other)).toBe(other);
  });
});
