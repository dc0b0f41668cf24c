import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvLine, ndjsonLine, pickFormat } from '../../../src/bulk/format.js';
import type { BulkResult } from '../../../src/bulk/result.js';

const ok: BulkResult = {
  ref: '=cmd()',
  row: 1,
  level: 'strong',
  hits: [
    {
      id: 'egypt-2011/12',
      score: 41.5,
      title: 'Statuette, bronze',
      list: { id: 'egypt-2011', title: 'Emergency Red List of Egyptian Cultural Objects at Risk', emergency: true },
      category: [{ key: 'a', label: 'Pharaonic' }, { key: 'a/b', label: 'Statuary, "bronze"' }],
      countries: ['EG'],
      level: 'strong',
      reasons: ['object_type', 'material', 'country'],
    },
  ],
  warnings: [{ field: 'date', reason: 'unreadable; ignored' }],
  dataset_version: 'c2d1303d92992f',
};
const failed: BulkResult = { ref: 'x', row: 2, error: { field: 'title', reason: 'cell of 50000 characters, at most 2000' } };

describe('CSV output', () => {
  it('has a BOM, k groups of hit columns and the dataset version last', () => {
    const h = csvHeader(2);
    expect(h.startsWith('\ufeffref,row,level,error_field,error_reason,warnings,hit1_id,')).toBe(true);
    expect(h.trim().split(',').length).toBe(6 + 2 * 9 + 1);
    expect(h.endsWith(',hit2_reasons,dataset_version\r\n')).toBe(true);
  });
  it('quotes, escapes and defuses formulas; every line has the header\'s column count', () => {
    const line = csvLine(ok, 2);
    expect(line.startsWith("'=cmd(),1,strong,,,date: unreadable; ignored,egypt-2011/12,strong,41.5,egypt-2011,")).toBe(true);
    expect(line).toContain('"Pharaonic › Statuary, ""bronze"""');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-1)).toBe('-1');
    const err = csvLine(failed, 2);
    expect(err).toContain('x,2,error,title,"cell of 50000 characters, at most 2000",');
    const count = (l: string) => l.trim().replace(/"(?:[^"]|"")*"/g, 'Q').split(',').length;
    expect(count(line)).toBe(25);
    expect(count(err)).toBe(25);
    // The data a row was checked against; none for a row that was not checked.
    expect(line.endsWith(',object_type material country,,,,,,,,,,c2d1303d92992f\r\n')).toBe(true);
    expect(err.endsWith(',\r\n')).toBe(true);
  });
});

describe('NDJSON output and format choice', () => {
  it('writes one JSON object per line', () => {
    expect(JSON.parse(ndjsonLine(failed))).toEqual(failed);
    expect(ndjsonLine(ok).endsWith(',"dataset_version":"c2d1303d92992f"}\n')).toBe(true);
  });
  it('prefers format=, then Accept: text/csv, else NDJSON', () => {
    expect(pickFormat(undefined, 'text/csv')).toBe('csv');
    expect(pickFormat('ndjson', 'text/csv')).toBe('ndjson');
    expect(pickFormat(undefined, '*/*')).toBe('ndjson');
    expect(pickFormat('csv', undefined)).toBe('csv');
  });
});
