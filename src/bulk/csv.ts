import type { Line } from './decode.js';
import { MAX_LINE_BYTES, MAX_RECORD_CHARS, MAX_RECORD_LINES } from './fields.js';

/**
 * A CSV reader that keeps going after broken rows (RFC 4180 quoting; `,` `;` tab or `|` delimiter
 * detected from the header line).
 *
 * Why not csv-parse: after an unclosed quote it reads the whole rest of the file as one cell and
 * every later row is lost. Here a quoted cell may span lines, but when it is still open after
 * `MAX_RECORD_LINES` lines or `MAX_RECORD_CHARS` characters, at the end of the input, or when a
 * closing quote is followed by something other than a delimiter, the record is reported as
 * malformed at its first line and reading resumes at the line after it. A quote inside an unquoted
 * cell (`12" tall`) is kept as text. Blank lines are skipped.
 */

export interface CsvRecord {
  /** Physical line where the record starts. */
  line: number;
  cells?: string[];
  error?: string;
  /** For a malformed record: its first line split on the delimiter, to recover the row's `ref`. */
  rough?: string[];
}

type Parsed = { kind: 'ok'; cells: string[] } | { kind: 'open' } | { kind: 'bad'; reason: string };

/** Parses one record from complete lines (joined by `\n`). */
export function parseRecord(text: string, delim: string): Parsed {
  if (!text.includes('"')) return { kind: 'ok', cells: text.split(delim) };
  const cells: string[] = [];
  const n = text.length;
  const blank = (j: number) => (text[j] === ' ' || text[j] === '\t') && text[j] !== delim;
  let i = 0;
  for (;;) {
    let k = i;
    while (k < n && blank(k)) k++;
    if (text[k] !== '"') {
      const d = text.indexOf(delim, i);
      if (d === -1) {
        cells.push(text.slice(i));
        return { kind: 'ok', cells };
      }
      cells.push(text.slice(i, d));
      i = d + 1;
      continue;
    }
    let value = '';
    let j = k + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q === -1) return { kind: 'open' };
      value += text.slice(j, q);
      j = q + 1;
      if (text[j] !== '"') break;
      value += '"';
      j++;
    }
    while (j < n && blank(j)) j++;
    cells.push(value);
    if (j === n) return { kind: 'ok', cells };
    if (text[j] !== delim) {
      return { kind: 'bad', reason: `unexpected character after the closing quote of cell ${cells.length}` };
    }
    i = j + 1;
  }
}

const CANDIDATES = [',', ';', '\t', '|'];

/** The delimiter used in a header line: the candidate that occurs most often outside quotes. */
export function detectDelimiter(header: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && CANDIDATES.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let max = 0;
  for (const c of CANDIDATES) {
    const n = counts.get(c) ?? 0;
    if (n > max) {
      best = c;
      max = n;
    }
  }
  return best;
}

/** Records of a CSV input, header included (first record), errors in place of malformed ones. */
export async function* csvRecords(lines: AsyncIterable<Line>): AsyncGenerator<CsvRecord> {
  const source = lines[Symbol.asyncIterator]();
  const pushback: Line[] = [];
  const next = async (): Promise<Line | undefined> => {
    const back = pushback.shift();
    if (back) return back;
    const r = await source.next();
    return r.done ? undefined : r.value;
  };
  let delim: string | undefined;
  let buf: Line[] = [];
  let chars = 0;
  const malformed = (reason: string): CsvRecord => {
    const first = buf[0]!;
    pushback.unshift(...buf.slice(1));
    buf = [];
    chars = 0;
    const rough = first.text.split(delim ?? ',').map((c) => c.trim().replace(/^"|"$/g, ''));
    return { line: first.n, error: reason, rough };
  };
  try {
    for (;;) {
      const line = await next();
      if (!line) {
        if (!buf.length) return;
        yield malformed('unbalanced quote: a quoted cell is never closed');
        continue;
      }
      if (line.tooLong) {
        if (buf.length) {
          pushback.unshift(line);
          yield malformed('unbalanced quote: a quoted cell runs into an over-long line');
        } else yield { line: line.n, error: `line longer than ${MAX_LINE_BYTES} bytes` };
        continue;
      }
      if (!buf.length && line.text.trim() === '') continue;
      delim ??= detectDelimiter(line.text);
      buf.push(line);
      chars += line.text.length + 1;
      const parsed = parseRecord(buf.length === 1 ? line.text : buf.map((l) => l.text).join('\n'), delim);
      if (parsed.kind === 'ok') {
        const first = buf[0]!;
        buf = [];
        chars = 0;
        yield { line: first.n, cells: parsed.cells };
      } else if (parsed.kind === 'bad') {
        yield malformed(parsed.reason);
      } else if (buf.length >= MAX_RECORD_LINES || chars > MAX_RECORD_CHARS) {
        yield malformed(`unbalanced quote: a quoted cell is still open after ${buf.length} lines`);
      }
    }
  } finally {
    await source.return?.();
  }
}
