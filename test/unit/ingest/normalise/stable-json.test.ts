import { describe, expect, it } from 'vitest';
import { contentHash, DOCUMENT_FORMAT, recordHash, sha256Hex, stableStringify } from '../../../../ingest/normalise/stable-json.js';

describe('stable JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(stableStringify({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same hash whatever order keys were built in, a different one for any change', () => {
    const a = { id: 'x', list: { id: 'l', year: 2013 }, warnings: [] };
    const b = { warnings: [], list: { year: 2013, id: 'l' }, id: 'x' };
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).toMatch(/^[a-f0-9]{64}$/);
    expect(contentHash({ ...a, list: { id: 'l', year: 2014 } })).not.toBe(contentHash(a));
  });

  it('keeps array order significant', () => {
    expect(contentHash([1, 2])).not.toBe(contentHash([2, 1]));
  });
});

describe('stable JSON against JSON.stringify', () => {
  it('produces valid JSON equal in content to the input, including escapes and nulls', () => {
    const v = { z: 'quote " and \\ and é', a: [1, null, undefined, { b: true, a: 2.5 }], m: { x: undefined } };
    const text = stableStringify(v);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"m"'));
  });
});

describe('record hash', () => {
  it('is the same for a record validated from objects built in different key orders', async () => {
    const { emptyRecord } = await import('../../../../ingest/normalise/record-base.js');
    const { CanonicalRecord } = await import('../../../../src/schemas/record.js');
    const base = emptyRecord('walters:1', 'inventory', { name: 'walters', file: 'w.jsonl', lang: 'en' });
    const reordered = Object.fromEntries(Object.entries({ ...base, date: { source: 'ca. 1500', periods: [], earliest: 1490, latest: 1510 } }).reverse());
    const a = CanonicalRecord.parse({ ...base, date: { earliest: 1490, latest: 1510, periods: [], source: 'ca. 1500' } });
    const b = CanonicalRecord.parse(reordered);
    expect(recordHash(a)).toBe(recordHash(b));
    expect(recordHash(a)).toMatch(/^[a-f0-9]{64}$/);
    expect(recordHash(CanonicalRecord.parse({ ...a, date: { ...a.date, latest: 1511 } }))).not.toBe(recordHash(a));
  });

  it('carries the document format, so a change of derived fields rewrites documents whose records did not change', () => {
    const record = { id: 'walters:1', title: { en: 'Jar' } };
    expect(recordHash(record)).toBe(sha256Hex(DOCUMENT_FORMAT + JSON.stringify(record)));
    expect(recordHash(record)).not.toBe(sha256Hex(JSON.stringify(record)));
  });
});
