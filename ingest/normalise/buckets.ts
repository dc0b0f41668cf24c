/**
 * Period buckets for the `period` facet: every millennium BCE (`m-3` = 3000–2001 BCE) and every
 * century CE (`c18` = 1701–1800) that a signed year range overlaps. Year 0 does not exist; BCE
 * years are negative. Ranges are clamped to 10 millennia BCE … 21st century so a wild value
 * cannot produce thousands of buckets.
 */
const MIN = -10_000;
const MAX = 2100;

export function periodBuckets(earliest: number | undefined, latest: number | undefined): string[] {
  const a = earliest ?? latest;
  const b = latest ?? earliest;
  if (a === undefined || b === undefined) return [];
  const lo = Math.max(MIN, Math.min(a, b));
  const hi = Math.min(MAX, Math.max(a, b));
  if (lo > hi) return [];
  const out: string[] = [];
  if (lo <= -1) {
    const from = Math.ceil(-lo / 1000);
    const to = Math.ceil(-Math.min(hi, -1) / 1000);
    for (let m = from; m >= to; m--) out.push(`m-${m}`);
  }
  if (hi >= 1) {
    const from = Math.ceil(Math.max(lo, 1) / 100);
    const to = Math.ceil(hi / 100);
    for (let c = from; c <= to; c++) out.push(`c${c}`);
  }
  return out;
}
