import { describe, expect, it } from 'vitest';
import { bestLevel, levelOf, MIN_SCORE, reasonsOf, STRONG_SHARE } from '../../../src/bulk/levels.js';

const best = 100;
const lv = (matched: string[], given: string[], score = best) => levelOf(score, best, matched, given as never);

describe('levelOf', () => {
  it('is strong with the object type and two of material / country / date, nothing contradicted', () => {
    expect(lv(['object_type', 'material', 'country'], ['object_type', 'material', 'country'])).toBe('strong');
    expect(lv(['object_type', 'material', 'date'], ['object_type', 'material', 'date'])).toBe('strong');
    expect(lv(['q', 'q.object_type', 'q.material', 'q.place'], ['q'])).toBe('strong');
  });
  it('is not strong when the given date does not match, or the hit trails the row\'s best', () => {
    expect(lv(['object_type', 'material', 'country'], ['object_type', 'material', 'country', 'date'])).toBe('possible');
    expect(lv(['object_type', 'material', 'country'], ['object_type', 'material', 'country'], STRONG_SHARE * best - 1)).toBe('possible');
  });
  it('is possible with the object type alone, or two other signals, when the country agrees or is not given', () => {
    expect(lv(['object_type'], ['object_type', 'material'])).toBe('possible');
    expect(lv(['object_type', 'country'], ['object_type', 'country'])).toBe('possible');
    expect(lv(['title', 'material'], ['title', 'material'])).toBe('possible');
    expect(lv(['material', 'height'], ['material', 'height'])).toBe('possible');
  });
  it('for a hit from another country than the row\'s, needs type, material, date and text together', () => {
    const given = ['title', 'object_type', 'material', 'country', 'date'];
    expect(lv(['object_type', 'material', 'date'], given)).toBe('none');
    expect(lv(['object_type', 'material', 'date', 'height'], [...given, 'height'])).toBe('none');
    expect(lv(['title', 'object_type', 'material', 'date'], given)).toBe('possible');
  });
  it('is none for a single non-type signal or a faint score', () => {
    expect(lv(['title'], ['title', 'material'])).toBe('none');
    expect(lv(['object_type', 'material', 'country'], ['object_type', 'material', 'country'], MIN_SCORE - 0.1)).toBe('none');
  });
});

describe('reasonsOf and bestLevel', () => {
  it('lists the given inputs matched, in input order, then the record fields q matched', () => {
    expect(reasonsOf(['country', 'title', 'q', 'q.material', 'q.phrase'], ['q', 'title', 'country', 'date'])).toEqual(['q', 'title', 'country', 'q.material']);
  });
  it('takes the best level', () => {
    expect(bestLevel(['none', 'possible', 'none'])).toBe('possible');
    expect(bestLevel([])).toBe('none');
  });
});
