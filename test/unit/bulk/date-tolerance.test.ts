import { describe, expect, it } from 'vitest';
import { dateWindow, marginAt } from '../../../src/bulk/date-tolerance.js';
import { readDate } from '../../../src/bulk/signals.js';
import { realDomain } from '../../../src/search/domain-real.js';

/** Does a row's date cell agree with a record dated `record` (the query's intersects test)? */
function agrees(cell: string, record: { from: number; to: number }): boolean {
  const span = readDate(cell, realDomain);
  if (!span) throw new Error(`unreadable: ${cell}`);
  const w = dateWindow(span);
  return w.from <= record.to && record.from <= w.to;
}

/** The Gudea foundation cone of the Iraq Red List (`iraq-2003:4`): 2136–2121 BC. */
const GUDEA = { from: -2136, to: -2121 };

describe('date tolerance', () => {
  it('grows with the age of the date, from a floor, and doubles for approximate dates', () => {
    expect(marginAt(-2100, false)).toBe(205);
    expect(marginAt(-2100, true)).toBe(410);
    expect(marginAt(1750, false)).toBe(13);
    expect(marginAt(1750, true)).toBe(25);
    expect(marginAt(1950, false)).toBe(10);
    expect(marginAt(2020, true)).toBe(25);
  });

  it('widens each end of the span by the margin of its own age', () => {
    expect(dateWindow({ from: -2200, to: -2101 })).toEqual({ from: -2410, to: -1896 });
    expect(dateWindow({ from: 1701, to: 1800 })).toEqual({ from: 1686, to: 1810 });
    expect(dateWindow({ from: 1750, to: 1750 })).toEqual({ from: 1737, to: 1763 });
    expect(dateWindow({ from: 1750, to: 1750, approximate: true })).toEqual({ from: 1725, to: 1775 });
  });

  it('reads a single year on a round century as approximate', () => {
    expect(dateWindow({ from: -2100, to: -2100 })).toEqual({ from: -2510, to: -1690 });
    expect(dateWindow({ from: 1800, to: 1800 })).toEqual({ from: 1775, to: 1825 });
    // A range is not a century written as a year.
    expect(dateWindow({ from: -2100, to: -2000 })).toEqual({ from: -2305, to: -1800 });
  });

  it('keeps what the date parser says is approximate', () => {
    for (const cell of ['ca. 2100 BC', 'circa 2100 BC', 'about 2100 BC', 'vers 1750', '1750 (?)']) {
      expect(readDate(cell, realDomain)?.approximate, cell).toBe(true);
    }
    expect(readDate('2136 BC', realDomain)?.approximate).toBeUndefined();
  });

  it('lets the dates a registrar would write for the Gudea cone agree with it', () => {
    for (const cell of ['2100 BC', 'ca. 2100 BC', '22nd century BC', 'late 3rd millennium BC', 'ca. 2000 BC', '2150 BC']) {
      expect(agrees(cell, GUDEA), cell).toBe(true);
    }
  });

  it('still finds a clearly different date contradicting', () => {
    for (const cell of ['18th century AD', '1750', '1st millennium BC', 'ca. 1500 BC', '2600 BC', '3000 BC']) {
      expect(agrees(cell, GUDEA), cell).toBe(false);
    }
  });
});
