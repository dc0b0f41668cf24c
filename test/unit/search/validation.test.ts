import { describe, expect, it } from 'vitest';
import { SearchParams } from '../../../src/schemas/search.js';
import { fieldsOf } from '../../../src/search/validation.js';

const reasons = (body: Record<string, unknown>) => fieldsOf(SearchParams.safeParse(body).error?.issues as never);

describe('fieldsOf: reasons a person can read, naming each parameter', () => {
  it('says which type was expected and which was given', () => {
    expect(reasons({ q: 5 })).toEqual([{ name: 'q', reason: 'must be a string, not a number' }]);
    expect(reasons({ emergency: [] })).toEqual([{ name: 'emergency', reason: expect.stringMatching(/true or false|must be/) }]);
  });

  it('states bounds without the library wording, years included', () => {
    expect(reasons({ size: 500 })).toEqual([{ name: 'size', reason: 'must be at most 100' }]);
    expect(reasons({ date_from: 5000 })).toEqual([{ name: 'date_from', reason: 'must be at most 3000' }]);
    expect(reasons({ date_to: 2.5 })).toEqual([{ name: 'date_to', reason: 'must be a whole year' }]);
    for (const f of reasons({ date_from: 1e20 })) expect(f.reason).not.toMatch(/Too big|9007199254740991/);
  });

  it('names each unknown parameter', () => {
    expect(reasons({ colour: 'red' })).toEqual([{ name: 'colour', reason: 'is not a known parameter' }]);
  });
});
