import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaption, type ParsedCaption } from '../../../../ingest/normalise/caption.js';
import { parseDate } from '../../../../src/domain/dates.js';
import { findPeriods } from '../../../../src/domain/periods.js';

/**
 * Every caption of the 17 sample Red Lists through `parseCaption`. Whether a caption "contains" a
 * measurement or a date is decided here by simple patterns, independently of the parsers.
 */

interface Illustration {
  n: number;
  caption?: string;
  lang?: string;
}
interface Category {
  dates?: string;
  illustrations?: Illustration[];
  subcategories?: Category[];
}
interface List {
  id: string;
  sections: { categories: Category[] }[];
}
interface Row {
  list: string;
  n: number;
  caption: string | undefined;
  lang: string;
}

const DIR = new URL('../../../../ingest/sample/redlists/lists/', import.meta.url);

function rows(): Row[] {
  const out: Row[] = [];
  const walk = (list: string, cats: Category[]): void => {
    for (const c of cats) {
      for (const ill of c.illustrations ?? []) out.push({ list, n: ill.n, caption: ill.caption, lang: ill.lang ?? 'en' });
      walk(list, c.subcategories ?? []);
    }
  };
  for (const f of readdirSync(DIR).filter((n) => n.endsWith('.json')).sort()) {
    const list = JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as List;
    for (const s of list.sections) walk(list.id, s.categories);
  }
  return out;
}

const ROWS = rows();

function categoryDates(): string[] {
  const out: string[] = [];
  const walk = (cats: Category[]): void => {
    for (const c of cats) {
      if (c.dates) out.push(c.dates);
      walk(c.subcategories ?? []);
    }
  };
  for (const f of readdirSync(DIR).filter((n) => n.endsWith('.json'))) {
    for (const s of (JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as List).sections) walk(s.categories);
  }
  return out;
}
const PARSED = new Map<Row, ParsedCaption>(ROWS.map((r) => [r, parseCaption(r.caption, r.lang)]));

/** The caption without its `© holder, inventory number` tail. */
function body(caption: string): string {
  return caption.replace(/,?\s*©.*$/u, '');
}

const UNIT = /\d\s*(?:mm|cm|m|in\.|in|inches|g|kg)(?![\p{L}])/u;
const MARKER = /(?:^|[\s,(])(?:H\.|H:|Ø|diam\.|Diam\.|alto|hauteur|L\.)\s*\d/u;

function hasMeasurement(caption: string): boolean {
  const b = body(caption);
  return UNIT.test(b) || MARKER.test(b);
}

const DATE_WORDS = /\b(?:centur(?:y|ies)|c\.|millenni(?:um|a)|siglos?|s\.|si[eè]cles?|mill[eé]naire|BC|BCE|AD|AH|a\.\s?C\.|d\.\s?C\.|J\.-C\.)(?![\p{L}])/u;

function hasDate(caption: string): boolean {
  // Drop measurement-looking parts before looking for years, so `148.9 x 64.7 cm` is no year.
  const parts = body(caption).split(/,\s/u).filter((p) => !UNIT.test(p) && !MARKER.test(p));
  const text = parts.join(', ');
  return DATE_WORDS.test(text) || /(?<![\d.,])\d{3,4}(?![\d.,])/u.test(text) || /\d{3,4}s\b/u.test(text) || findPeriods(text).length > 0;
}

const KNOWN_MEASUREMENT_DEFECTS = ['cambodia-2009#17', 'syria-2013#17'];
const KNOWN_DATE_DEFECTS = ['peru-2007#25', 'iraq-2015#26'];
const id = (r: Row): string => `${r.list}#${r.n}`;

describe('category dates of the sample lists', () => {
  it('gives every category `dates` string a range, bounded by its printed ends', () => {
    const all = categoryDates();
    expect(all.length).toBeGreaterThan(100);
    for (const text of all) {
      const d = parseDate(text);
      expect(d.earliest !== undefined || d.latest !== undefined, text).toBe(true);
      if (d.earliest !== undefined && d.latest !== undefined) expect(d.earliest, text).toBeLessThanOrEqual(d.latest);
      expect(d.warnings, text).toEqual([]);
    }
  });
});

describe('all captions of the sample lists', () => {
  it('has the 17 lists and their captions', () => {
    expect(new Set(ROWS.map((r) => r.list)).size).toBe(17);
    expect(ROWS.length).toBeGreaterThan(500);
  });

  it('reads a dimension or a weight from at least 95% of the captions that print a measurement', () => {
    const withMeasurement = ROWS.filter((r) => r.caption && hasMeasurement(r.caption));
    const failed = withMeasurement.filter((r) => {
      const m = PARSED.get(r)?.measurements;
      return !m || (m.dimensions.length === 0 && m.weightG === undefined);
    });
    const rate = 1 - failed.length / withMeasurement.length;
    console.log(
      `captions with a measurement: ${withMeasurement.length}; parsed: ${withMeasurement.length - failed.length} (${(rate * 100).toFixed(1)}%); ` +
        `not parsed: ${failed.map(id).join(', ') || 'none'}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.95);
    for (const r of failed) expect(KNOWN_MEASUREMENT_DEFECTS).toContain(id(r));
  });

  it('reads a date range from at least 95% of the captions that print a date', () => {
    const withDate = ROWS.filter((r) => r.caption && hasDate(r.caption));
    const failed = withDate.filter((r) => {
      const d = PARSED.get(r)?.date;
      return !d || (d.earliest === undefined && d.latest === undefined);
    });
    const fromPrinted = withDate.filter((r) => !PARSED.get(r)?.warnings.some((w) => w.code === 'DATE_FROM_PERIOD'));
    const rate = 1 - failed.length / withDate.length;
    console.log(
      `captions with a date: ${withDate.length}; with a range: ${withDate.length - failed.length} (${(rate * 100).toFixed(1)}%), ` +
        `${fromPrinted.length - failed.length} of them from the printed date; no range: ${failed.map(id).join(', ') || 'none'}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.95);
    for (const r of failed) expect(KNOWN_DATE_DEFECTS).toContain(id(r));
  });

  it('reports each known caption defect with a warning', () => {
    const warningsOf = (key: string): string[] => {
      const r = ROWS.find((x) => id(x) === key);
      return r ? (PARSED.get(r)?.warnings.map((w) => w.code) ?? []) : [];
    };
    for (const key of KNOWN_MEASUREMENT_DEFECTS) expect(warningsOf(key), key).toContain('MEASUREMENT_NO_UNIT');
    for (const key of KNOWN_DATE_DEFECTS) expect(warningsOf(key), key).toContain('DATE_UNPARSED');
    expect(warningsOf('iraq-2003#30')).toEqual(['CAPTION_MISSING']);
    expect(warningsOf('haiti-2010#24')).toEqual(['CAPTION_EMPTY']);
    expect(warningsOf('colombia-2010#32')).toEqual(['CAPTION_EMPTY']);
  });

  it('gives every non-empty caption an object name and finds the holder of every © caption', () => {
    for (const r of ROWS) {
      if (!r.caption) continue;
      const p = PARSED.get(r)?.parts;
      expect(p?.objectName, id(r)).toBeTruthy();
      if (r.caption.includes('©')) {
        expect(p?.holder, id(r)).toBe('Walters Art Museum');
        expect(p?.inventoryNumber, id(r)).toMatch(/^[\w.]+$/u);
      }
    }
  });
});
