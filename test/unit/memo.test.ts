import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/memo.js';

describe('Memo', () => {
  it('computes a key once, remembers undefined too, and stays bounded', () => {
    const m = new Memo<number | undefined>(10);
    let calls = 0;
    const f = (v: number | undefined) => () => (calls++, v);
    expect(m.get('a', f(1))).toBe(1);
    expect(m.get('a', f(2))).toBe(1);
    expect(m.get('u', f(undefined))).toBeUndefined();
    expect(m.get('u', f(3))).toBeUndefined();
    expect(calls).toBe(2);
    for (let i = 0; i < 100; i++) m.get(`k${i}`, f(i));
    expect(m.size).toBeLessThanOrEqual(10);
    expect(m.get('k99', f(-1))).toBe(99);
  });
});
