import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/domain/dates.js';
import { parseMeasurements } from '../../../src/domain/measurements.js';
import { findPeriods } from '../../../src/domain/periods.js';

/**
 * The first 2,000 Walters inventory records: how many `Dimensions` and `DateText` values the
 * parsers read, and whether the date ranges agree with the museum's own DateBeginYear/DateEndYear.
 */

interface WaltersRecord {
  Dimensions?: string | null;
  DateText?: string | null;
  DateBeginYear?: number | null;
  DateEndYear?: number | null;
  Period?: string | null;
  Dynasty?: string | null;
}

const FILE = new URL('../../../ingest/sample/walters/walters_objects_2015.jsonl.gz', import.meta.url);
const ALL: WaltersRecord[] = gunzipSync(readFileSync(FILE))
  .toString('utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as WaltersRecord);
const SAMPLE = ALL.slice(0, 2000);

/** Walters' own ranges follow looser conventions (`ca. 1430` = 1418..1442): allow a quarter century. */
const TOLERANCE = 25;

describe('Walters Dimensions', () => {
  it('reads at least 90% of the non-empty values into millimetres or grams', () => {
    const values = SAMPLE.map((r) => r.Dimensions ?? '').filter((d) => d.trim() !== '');
    const parsed = values.filter((d) => {
      const m = parseMeasurements(d);
      return m.dimensions.length > 0 || m.weightG !== undefined;
    });
    const rate = parsed.length / values.length;
    console.log(`Walters Dimensions: ${parsed.length}/${values.length} parsed (${(rate * 100).toFixed(1)}%)`);
    expect(values.length).toBeGreaterThan(1500);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });

  it('reads `H: 15 3/16 x W: 10 1/16 in. (38.5 x 25.5 cm)` from the metric side', () => {
    const first = SAMPLE[0]?.Dimensions ?? '';
    expect(first).toBe('H: 15 3/16 x W: 10 1/16 in. (38.5 x 25.5 cm)');
    expect(parseMeasurements(first).dimensions.map((d) => [d.dimension, d.mm])).toEqual([['height', 385], ['width', 255]]);
  });
});

describe('Walters DateText', () => {
  it('agrees with DateBeginYear/DateEndYear for at least 80% of the records that have both', () => {
    let texts = 0;
    let parsed = 0;
    let both = 0;
    let agree = 0;
    for (const r of SAMPLE) {
      const text = r.DateText ?? '';
      if (text.trim() === '') continue;
      texts += 1;
      const d = parseDate(text);
      if (d.earliest !== undefined || d.latest !== undefined) parsed += 1;
      const b = r.DateBeginYear;
      const e = r.DateEndYear;
      if (b === null || b === undefined || e === null || e === undefined || (b === 0 && e === 0)) continue;
      both += 1;
      if (d.earliest !== undefined && d.latest !== undefined && Math.abs(d.earliest - b) <= TOLERANCE && Math.abs(d.latest - e) <= TOLERANCE) {
        agree += 1;
      }
    }
    console.log(
      `Walters DateText: ${parsed}/${texts} parsed (${((parsed / texts) * 100).toFixed(1)}%); ` +
        `agreement with begin/end years (±${TOLERANCE}): ${agree}/${both} (${((agree / both) * 100).toFixed(1)}%)`,
    );
    expect(both).toBeGreaterThan(1000);
    expect(agree / both).toBeGreaterThanOrEqual(0.8);
    expect(parsed / texts).toBeGreaterThanOrEqual(0.9);
  });
});

describe('Walters Period and Dynasty values', () => {
  it.each(['Period', 'Dynasty'] as const)('the gazetteer knows the 80 most frequent %s values (at least 95%)', (field) => {
    const counts = new Map<string, number>();
    for (const r of ALL) {
      const v = r[field];
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 80).map(([v]) => v);
    const missing = top.filter((v) => findPeriods(v).length === 0);
    console.log(`Walters ${field}: ${top.length - missing.length}/${top.length} of the most frequent values known; missing: ${missing.join(', ') || 'none'}`);
    expect(top.length).toBe(80);
    expect(missing.length).toBeLessThanOrEqual(4);
  });
});
