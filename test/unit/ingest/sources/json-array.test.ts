import { describe, expect, it } from 'vitest';
import { JsonArraySplitter } from '../../../../ingest/sources/json-array.js';

const doc = ' [ {"a": "x,]}", "b": [1, {"c": "\\"]"}]}, 2 ,"s\\\\", null, {"é": "✓"} ] \n';

function split(chunks: string[]): string[] {
  const s = new JsonArraySplitter();
  const out = chunks.flatMap((c) => s.push(c));
  s.end();
  return out;
}

describe('JsonArraySplitter', () => {
  it('yields each top-level element once, whatever the chunk boundaries', () => {
    const expected = [{ a: 'x,]}', b: [1, { c: '"]' }] }, 2, 's\\', null, { é: '✓' }];
    expect(split([doc]).map((e) => JSON.parse(e))).toEqual(expected);
    for (let i = 1; i < doc.length; i++) {
      expect(split([doc.slice(0, i), doc.slice(i)]).map((e) => JSON.parse(e))).toEqual(expected);
    }
    expect(split([...doc]).map((e) => JSON.parse(e))).toEqual(expected);
  });

  it('accepts an empty array', () => {
    expect(split(['[ ]'])).toEqual([]);
  });

  it('refuses a document that is not an array', () => {
    expect(() => split(['{"a": 1}'])).toThrow(/must be an array/);
  });

  it('refuses a truncated array', () => {
    expect(() => split(['[{"a": 1}, {"b"'])).toThrow(/not closed/);
  });

  it('refuses content after the array', () => {
    expect(() => split(['[1] [2]'])).toThrow(/after the closing/);
  });
});
