import { isFailed, type BulkResult } from './result.js';

/**
 * Results as NDJSON (one JSON object per line, the `BulkResult` shape) or CSV for spreadsheets:
 * one line per row with the row's verdict, then `k` groups of hit columns, then the dataset version
 * the row was checked against (empty for a row that is an error). CSV output starts with
 * a UTF-8 BOM so spreadsheet programs read accents right, and a cell that a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
 */

export type OutputFormat = 'ndjson' | 'csv';

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

export const ndjsonLine = (r: BulkResult): string => `${JSON.stringify(r)}\n`;

const HIT_COLUMNS = ['id', 'level', 'score', 'list', 'list_title', 'emergency', 'category', 'title', 'reasons'] as const;

export function csvHeader(k: number): string {
  const cols = ['ref', 'row', 'level', 'error_field', 'error_reason', 'warnings'];
  for (let i = 1; i <= k; i++) for (const c of HIT_COLUMNS) cols.push(`hit${i}_${c}`);
  cols.push('dataset_version');
  return `\ufeff${cols.join(',')}\r\n`;
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function csvLine(r: BulkResult, k: number): string {
  const cells: (string | number | boolean | null | undefined)[] = [r.ref, r.row];
  if (isFailed(r)) {
    cells.push('error', r.error.field, r.error.reason, '');
    for (let i = 0; i < k * HIT_COLUMNS.length; i++) cells.push('');
    cells.push('');
  } else {
    cells.push(r.level, '', '', (r.warnings ?? []).map((w) => `${w.field}: ${w.reason}`).join('; '));
    for (let i = 0; i < k; i++) {
      const h = r.hits[i];
      if (!h) {
        for (let j = 0; j < HIT_COLUMNS.length; j++) cells.push('');
        continue;
      }
      cells.push(
        h.id,
        h.level,
        h.score,
        h.list?.id,
        h.list?.title,
        h.list ? h.list.emergency : '',
        h.category.map((c) => c.label).join(' › '),
        h.title,
        h.reasons.join(' '),
      );
    }
    cells.push(r.dataset_version);
  }
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Serialises results in one format; `header()` is empty for NDJSON. */
export function formatter(format: OutputFormat, k: number) {
  return {
    contentType: CONTENT_TYPES[format],
    header: () => (format === 'csv' ? csvHeader(k) : ''),
    line: (r: BulkResult) => (format === 'csv' ? csvLine(r, k) : ndjsonLine(r)),
  };
}

/** `format=` wins, then the Accept header (CSV only when it asks for text/csv), else NDJSON. */
export function pickFormat(format: string | undefined, accept: string | undefined): OutputFormat {
  if (format === 'csv' || format === 'ndjson') return format;
  return accept && /\btext\/csv\b/i.test(accept) ? 'csv' : 'ndjson';
}
