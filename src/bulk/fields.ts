/**
 * The input columns a bulk row can carry, the limits that apply to one row, and the row shapes
 * passed between the parsing, query and output stages.
 */

/** Search inputs of one row, in the order they are reported. `ref` is the caller's own identifier. */
export const INPUT_FIELDS = [
  'q',
  'title',
  'object_type',
  'material',
  'country',
  'date',
  'height',
  'width',
  'diameter',
  /** Free text with several labelled measurements (`H: 15 x W: 10 in.`): fills height, width, diameter. */
  'dimensions',
  'inscriptions',
] as const;
export type InputField = (typeof INPUT_FIELDS)[number];
export const TARGET_FIELDS = ['ref', ...INPUT_FIELDS] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export const isTargetField = (s: string): s is TargetField => (TARGET_FIELDS as readonly string[]).includes(s);

/** A cell of a used column longer than this makes the row an error naming that column. */
export const MAX_CELL_CHARS = 2000;
/** A physical line longer than this is not buffered: the row is an error. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** A CSV record (possibly spanning lines through a quoted cell) larger than this is malformed. */
export const MAX_RECORD_CHARS = 1024 * 1024;
/** A quoted cell still open after this many lines is taken as an unbalanced quote. */
export const MAX_RECORD_LINES = 100;
/** `k`: hits returned per row. */
export const K_DEFAULT = 3;
export const K_MAX = 10;

export type BulkInput = Partial<Record<InputField, string>>;

export interface RowError {
  /** The column (our name, or the file's own when it is not mapped) or `row` / `line` for structural faults. */
  field: string;
  reason: string;
}

/** One input row after decoding, parsing and mapping. `row` counts data rows from 1. */
export interface InputRow {
  row: number;
  ref: string | null;
  fields: BulkInput;
  error?: RowError;
}

export type InputKind = 'csv' | 'ndjson';
