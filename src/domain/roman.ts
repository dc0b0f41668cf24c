/**
 * Roman numerals as printed in French, Spanish, Portuguese and Ukrainian dates
 * (`XVIIIe siècle`, `siglo XVI`, `séc. XVII`, `XVII ст.`). Case-insensitive; only canonical
 * subtractive forms up to 3999 are accepted (`IIII`, `IC` and `VX` are rejected).
 */

const VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
const CANONICAL = /^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** The value of a Roman numeral, or undefined when `text` is not a canonical numeral. */
export function romanToInt(text: string): number | undefined {
  const s = text.toLowerCase();
  if (s.length === 0 || !CANONICAL.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = VALUES[s[i] ?? ''] ?? 0;
    const next = VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const ROMAN_NUMERALS: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** Upper-case Roman numeral for 1..3999 (used for French and Spanish century labels). */
export function intToRoman(n: number): string {
  let rest = Math.trunc(n);
  if (rest < 1 || rest > 3999) return String(n);
  let out = '';
  for (const [v, s] of ROMAN_NUMERALS) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}
