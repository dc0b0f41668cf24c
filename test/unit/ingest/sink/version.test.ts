import { describe, expect, it } from 'vitest';
import { datasetVersionOf, digestsFromMeta, sourceDigest } from '../../../../ingest/sink/version.js';

describe('dataset versions', () => {
  const a = sourceDigest([['walters:1', 'h1'], ['walters:2', 'h2']]);

  it('digests a source whatever the order of its pairs', () => {
    expect(sourceDigest([['walters:2', 'h2'], ['walters:1', 'h1']])).toEqual(a);
    expect(a.count).toBe(2);
    expect(sourceDigest([['walters:1', 'h1'], ['walters:2', 'hX']]).digest).not.toBe(a.digest);
  });

  it('versions the set of sources, independent of key order, sensitive to any source', () => {
    const b = sourceDigest([['syria-2013:1', 'x']]);
    expect(datasetVersionOf({ walters: a, redlists: b })).toBe(datasetVersionOf({ redlists: b, walters: a }));
    expect(datasetVersionOf({ walters: a })).not.toBe(datasetVersionOf({ walters: a, redlists: b }));
    expect(datasetVersionOf({ walters: a, redlists: b })).not.toBe(datasetVersionOf({ walters: b, redlists: a }));
  });

  it('reads digests back from _meta, skipping malformed entries', () => {
    expect(digestsFromMeta({ sources: { walters: a, bad: { digest: 1 } } })).toEqual({ walters: a });
    expect(digestsFromMeta({ schema: 1 })).toBeUndefined();
  });
});
