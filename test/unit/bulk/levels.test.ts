import { describe, expect, it } from 'vitest';
import { bestLevel, levelOf, POSSIBLE_MIN_SCORE, reasonsOf, STRONG_MIN_SCORE } from '../../../src/bulk/levels.js';

const high = STRONG_MIN_SCORE + 1;

describe('levelOf', () => {
  it('is strong with the object type and two of material / country / date, nothing contradicted', () => {
    expect(levelOf(high, ['object_type', 'material', 'country'], ['object_type', 'material', 'country'])).toBe('strong');
    expect(levelOf(high, ['q', 'q.object_type', 'q.material', 'q.place'], ['q'])).toBe('strong');
  });
  it('is not strong when the given country or date does not match, or the score is low', () => {
    expect(levelOf(high, ['object_type', 'material', 'date'], ['object_type', 'material', 'date', 'country'])).toBe('possible');
    expect(levelOf(high, ['object_type', 'material', 'country'], ['object_type', 'material', 'country', 'date'])).toBe('possible');
    expect(levelOf(STRONG_MIN_SCORE - 1, ['object_type', 'material', 'country'], ['object_type', 'material', 'country'])).toBe('possible');
  });
  it('is possible with the object type alone, or two other signals', () => {
    expect(levelOf(POSSIBLE_MIN_SCORE, ['object_type'], ['object_type', 'material'])).toBe('possible');
    expect(levelOf(POSSIBLE_MIN_SCORE, ['title', 'country'], ['title', 'country'])).toBe('possible');
    expect(levelOf(POSSIBLE_MIN_SCORE, ['material', 'height'], ['material', 'height'])).toBe('possible');
  });
  it('is none for a single non-type signal or a faint score', () => {
    expect(levelOf(high, ['title'], ['title', 'country'])).toBe('none');
    expect(levelOf(POSSIBLE_MIN_SCORE - 0.1, ['object_type'], ['object_type'])).toBe('none');
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
