import { Memo } from '../../src/memo.js';
import type { Parsers } from './parser-types.js';

/**
 * The parsers with their answers remembered: inventories repeat the same texts across thousands of
 * rows (15,252 Walters records hold 3,119 distinct date texts and 4,038 distinct media), and the
 * parsers are pure functions of their arguments. Answers are deep-frozen, so a caller that tried
 * to change a shared answer would fail loudly instead of corrupting other records; callers copy
 * what they change. Each parser's memory is bounded (`src/memo.ts`). The caption parser is
 * not memoised: captions rarely repeat and its answer becomes part of the record.
 */

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** One string per argument list: the text alone for one argument (the common case). */
function keyOf(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  let key = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    key += `${i ? '\u0000' : '\u0001'}${Array.isArray(a) ? a.join(',') : String(a ?? '')}`;
  }
  return key;
}

function remember<A extends unknown[], R>(fn: (...args: A) => R, max: number): (...args: A) => R {
  const memo = new Memo<R>(max);
  return (...args: A): R => memo.get(keyOf(args), () => deepFreeze(fn(...args)));
}

export function memoiseParsers(p: Parsers, max = 20_000): Parsers {
  return {
    caption: p.caption,
    measurements: remember(p.measurements, max),
    date: remember(p.date, max),
    periods: remember(p.periods, max),
    countries: remember(p.countries, max),
    isCountry: remember(p.isCountry, max),
    regions: remember(p.regions, max),
    materials: remember(p.materials, max),
    objectTypes: remember(p.objectTypes, max),
  };
}
