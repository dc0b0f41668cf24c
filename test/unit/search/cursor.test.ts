import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { decodeCursor, encodeCursor } from '../../../src/search/cursor.js';

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return [e.code, e.fields[0]?.name, e.fields[0]?.reason];
  }
  return undefined;
};

describe('cursors', () => {
  it('round-trip sort values as URL-safe text', () => {
    const c = encodeCursor([12.5, 'iraq-2015-03'], 'h1');
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, 'h1')).toEqual({ after: [12.5, 'iraq-2015-03'], relaxed: false });
    expect(decodeCursor(encodeCursor([1, 'a'], 'h1', true), 'h1').relaxed).toBe(true);
  });

  it('refuse a cursor of another query', () => {
    expect(reason(() => decodeCursor(encodeCursor([1, 'a'], 'h1'), 'h2'))).toEqual([
      'SEARCH_INVALID_CURSOR',
      'cursor',
      expect.stringMatching(/different query/),
    ]);
  });

  it('refuse anything that is not one of ours', () => {
    for (const bad of ['', '!!', 'e30', Buffer.from('{"v":1,"s":[{}],"q":"h"}').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      expect(reason(() => decodeCursor(bad, 'h'))?.[0]).toBe('SEARCH_INVALID_CURSOR');
    }
  });
});
