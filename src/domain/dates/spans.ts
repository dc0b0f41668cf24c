import type { Era } from './lexicon.js';

/**
 * Year arithmetic. Signed years, BCE negative, no year 0; spans are inclusive [earliest, latest].
 *
 * - Nth century AD = (N-1)*100+1 .. N*100            (18th century = 1701..1800)
 * - Nth century BC = -(N*100) .. -(N*100-99)         (2nd century BC = -200..-101)
 * - Nth millennium AD = (N-1)*1000+1 .. N*1000; BC = -(N*1000) .. -(N*1000-999)
 * - a decade `1920s` = 1920..1929 (BC: `530s BC` = -539..-530)
 * - a fraction [a, b] of a span of L years (early = first third, mid = second third, late = last
 *   third, halves, quarters) keeps years lo+round(a*L) .. lo+round(b*L)-1
 * - Hijri (AH) years are converted approximately: AD ≈ AH × 0.970229 + 621.5643; an AH year
 *   straddles two AD years, so AH y gives floor(x)..floor(x + 0.97).
 */

export type Span = [number, number];

export function ahToAd(ah: number): number {
  return ah * 0.970229 + 621.5643;
}

function ahSpan(first: number, last: number): Span {
  return [Math.floor(ahToAd(first)), Math.floor(ahToAd(last) + 0.97)];
}

/** Span of a unit (`size` 100 = century, 1000 = millennium) counted from the era's origin. */
export function unitSpan(n: number, size: number, era: Era | undefined): Span | undefined {
  if (!Number.isInteger(n) || n < 1) return undefined;
  if (era === 'bc') return [-(n * size), -(n * size - (size - 1))];
  if (era === 'ah') return ahSpan((n - 1) * size + 1, n * size);
  return [(n - 1) * size + 1, n * size];
}

export function yearSpan(n: number, era: Era | undefined, decade = false): Span | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const last = decade ? n + 9 : n;
  if (era === 'bc') return [-last, -n];
  if (era === 'ah') return ahSpan(n, last);
  return [n, last];
}

function noZero(y: number, towards: 1 | -1): number {
  return y === 0 ? towards : y;
}

/** The part [a, b] (fractions 0..1) of a span. */
export function part(span: Span, frac: [number, number]): Span {
  const [lo, hi] = span;
  const len = hi - lo + 1;
  const start = lo + Math.round(frac[0] * len);
  const end = lo + Math.round(frac[1] * len) - 1;
  return [noZero(start, 1), noZero(Math.max(start, end), -1)];
}

/** Smallest span covering both (either may be open-ended: undefined bounds). */
export function union(
  a: { earliest?: number; latest?: number },
  b: { earliest?: number; latest?: number },
): { earliest?: number; latest?: number } {
  const lo = [a.earliest, b.earliest].filter((x): x is number => x !== undefined);
  const hi = [a.latest, b.latest].filter((x): x is number => x !== undefined);
  const out: { earliest?: number; latest?: number } = {};
  if (lo.length) out.earliest = Math.min(...lo);
  if (hi.length) out.latest = Math.max(...hi);
  return out;
}
