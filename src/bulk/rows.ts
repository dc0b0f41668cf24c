import { invalidParams } from '../errors.js';
import { csvRecords } from './csv.js';
import { decodeLines, type Line } from './decode.js';
import { INPUT_FIELDS, MAX_CELL_CHARS, type BulkInput, type InputKind, type InputRow } from './fields.js';
import { BulkLimitError, countBytes, type BulkLimits } from './limits.js';
import { bindHeader, bindObject, hasSearchInput, type Binding, type Mapping } from './mapping.js';

/**
 * Bytes of a CSV or NDJSON upload → input rows, streamed: decoding, parsing, mapping, per-cell
 * limits and the row/byte limits of the request. Structural faults become rows with `error`; the
 * only thrown errors are the request-level ones (limits, a CSV without a usable header).
 */

const TEXT_INPUTS = ['q', 'title', 'object_type', 'material', 'inscriptions'] as const;
const NOTHING = `nothing to search: give at least one of ${TEXT_INPUTS.join(', ')}`;

interface Cell {
  binding: Binding;
  value: unknown;
}

const join = (a: string | undefined, b: string) => (a ? `${a} ; ${b}` : b);

/** Builds one row from its bound cells: joins, trims, checks lengths and that something is searchable. */
export function assembleRow(row: number, cells: Cell[]): InputRow {
  const texts = cells.map((c) => ({ ...c, text: cellText(c.value) }));
  const ref = refOf(cells);
  const fields: BulkInput = {};
  for (const { binding, text } of texts) {
    if (text === undefined) {
      return { row, ref, fields: {}, error: { field: binding.source, reason: 'expected text or a number, got an object' } };
    }
    if (text.length > MAX_CELL_CHARS) {
      const target = binding.source === binding.target ? '' : ` (mapped to ${binding.target})`;
      return {
        row,
        ref: binding.target === 'ref' ? null : ref,
        fields: {},
        error: { field: binding.source, reason: `cell of ${text.length} characters${target}; at most ${MAX_CELL_CHARS}` },
      };
    }
    if (text === '' || binding.target === 'ref') continue;
    fields[binding.target] = join(fields[binding.target], text);
  }
  if (!TEXT_INPUTS.some((f) => fields[f])) return { row, ref, fields, error: { field: 'row', reason: NOTHING } };
  return { row, ref, fields };
}

/** The row's reference (joined when several columns fill it); null when absent or over-long. */
function refOf(cells: Cell[]): string | null {
  let ref: string | undefined;
  for (const c of cells) {
    if (c.binding.target !== 'ref') continue;
    const t = cellText(c.value);
    if (t) ref = join(ref, t);
  }
  return ref && ref.length <= MAX_CELL_CHARS ? ref : null;
}

function cellText(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(cellText);
    if (parts.some((p) => p === undefined)) return undefined;
    return (parts as string[]).filter(Boolean).join(' ; ');
  }
  return undefined;
}

export interface ReadOptions {
  kind: InputKind;
  mapping: Mapping;
  limits: BulkLimits;
}

/** Rows of an upload, in order. Throws `BulkLimitError` past a limit. */
export async function* readRows(source: AsyncIterable<Uint8Array | string>, opts: ReadOptions): AsyncGenerator<InputRow> {
  const lines = decodeLines(countBytes(source, opts.limits));
  const rows = opts.kind === 'csv' ? csvRows(lines, opts.mapping) : ndjsonRows(lines, opts.mapping);
  for await (const r of rows) {
    if (r.row > opts.limits.maxRows) throw new BulkLimitError('BULK_MAX_ROWS', opts.limits.maxRows, opts.limits.scope);
    yield r;
  }
}

async function* csvRows(lines: AsyncIterable<Line>, mapping: Mapping): AsyncGenerator<InputRow> {
  let header: string[] | undefined;
  let bound: Map<number, Binding> = new Map();
  let row = 0;
  for await (const rec of csvRecords(lines)) {
    if (!header) {
      if (!rec.cells) throw invalidParams([{ name: 'body', reason: `the header line is malformed: ${rec.error}` }], 'BULK_INVALID_INPUT');
      header = rec.cells.map((c) => c.trim());
      bound = bindHeader(header, mapping);
      if (!hasSearchInput(bound.values())) {
        throw invalidParams(
          [{ name: 'body', reason: `no column is a search input (header: ${header.slice(0, 20).join(', ')}); name columns ${INPUT_FIELDS.join(', ')} or give a mapping` }],
          'BULK_INVALID_INPUT',
        );
      }
      continue;
    }
    row++;
    if (!rec.cells) {
      const ref = refOf([...bound].map(([i, binding]) => ({ binding, value: rec.rough?.[i] })));
      yield { row, ref, fields: {}, error: { field: 'row', reason: `malformed CSV at line ${rec.line}: ${rec.error}` } };
      continue;
    }
    const cells = [...bound].map(([i, binding]) => ({ binding, value: rec.cells![i] }));
    if (rec.cells.length !== header.length) {
      const ref = refOf(cells);
      yield {
        row,
        ref,
        fields: {},
        error: { field: 'row', reason: `line ${rec.line} has ${rec.cells.length} cells, the header has ${header.length}` },
      };
      continue;
    }
    yield assembleRow(row, cells);
  }
  if (!header) throw invalidParams([{ name: 'body', reason: 'the CSV is empty: a header line is required' }], 'BULK_INVALID_INPUT');
}

async function* ndjsonRows(lines: AsyncIterable<Line>, mapping: Mapping): AsyncGenerator<InputRow> {
  let row = 0;
  for await (const line of lines) {
    if (line.tooLong) {
      yield { row: ++row, ref: null, fields: {}, error: { field: 'line', reason: `line ${line.n} is longer than the limit` } };
      continue;
    }
    if (line.text.trim() === '') continue;
    row++;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (err) {
      yield { row, ref: null, fields: {}, error: { field: 'line', reason: `line ${line.n} is not JSON: ${(err as Error).message}` } };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { row, ref: null, fields: {}, error: { field: 'line', reason: `line ${line.n} is not a JSON object` } };
      continue;
    }
    yield assembleRow(row, bindObject(value as Record<string, unknown>, mapping));
  }
}
