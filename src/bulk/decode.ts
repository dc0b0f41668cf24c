import { isUtf8 } from 'node:buffer';
import { MAX_LINE_BYTES } from './fields.js';

/**
 * Bytes → text lines, whatever encoding the spreadsheet was saved in.
 *
 * - A UTF-8 BOM is stripped; a UTF-16 BOM (LE or BE) switches to UTF-16 for the whole input.
 * - Otherwise each line is decoded on its own: valid UTF-8 as UTF-8, anything else as
 *   Windows-1252 (a superset of Latin-1 for printable text), so one badly pasted row does not
 *   garble the others. `\n` (0x0A) is a line end in UTF-8 and in every single-byte encoding.
 * - A line longer than `MAX_LINE_BYTES` is not buffered: it is yielded as `tooLong` (text empty)
 *   and its bytes are skipped up to the next line end.
 */

export interface Line {
  /** Physical line number, from 1. */
  n: number;
  text: string;
  tooLong?: boolean;
  /** The line was not valid UTF-8 and was read as Windows-1252. */
  latin1?: boolean;
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ).
 * Node 20's TextDecoder('windows-1252') decodes those bytes as C1 controls, so they are mapped here.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeLine(bytes: Buffer): { text: string; latin1: boolean } {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  const b = end === bytes.length ? bytes : bytes.subarray(0, end);
  if (isUtf8(b)) return { text: b.toString('utf8'), latin1: false };
  return { text: decodeWindows1252(b), latin1: true };
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function sniff(head: Buffer): { encoding: Encoding; skip: number } | undefined {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (head.length >= 3) return { encoding: 'utf-8', skip: 0 };
  return undefined;
}

export async function* decodeLines(source: AsyncIterable<Uint8Array>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  let n = 0;
  let head: Buffer | undefined = Buffer.alloc(0);
  let encoding: Encoding | undefined;
  const byteLines = splitBytes(maxLineBytes);
  let utf16: Utf16Lines | undefined;

  const feed = function* (chunk: Buffer): Generator<Line> {
    if (utf16) {
      for (const l of utf16.push(chunk)) yield { n: ++n, ...l };
      return;
    }
    for (const l of byteLines.push(chunk)) yield { n: ++n, ...l };
  };

  for await (const raw of source) {
    let chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (head) {
      head = Buffer.concat([head, chunk]);
      const s = sniff(head);
      if (!s) continue;
      encoding = s.encoding;
      chunk = head.subarray(s.skip);
      head = undefined;
      if (encoding !== 'utf-8') utf16 = new Utf16Lines(encoding, maxLineBytes);
    }
    yield* feed(chunk);
  }
  if (head && head.length) {
    const s = sniff(Buffer.concat([head, Buffer.from([0x20, 0x20])]));
    yield* feed(head.subarray(s?.skip ?? 0));
  }
  const rest = utf16 ? utf16.end() : byteLines.end();
  if (rest) yield { n: ++n, ...rest };
}

type Piece = Omit<Line, 'n'>;

/** Splits bytes on 0x0A, decoding each line; bounded memory. */
function splitBytes(maxLineBytes: number) {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  return {
    *push(chunk: Buffer): Generator<Piece> {
      let start = 0;
      while (start <= chunk.length) {
        const nl = chunk.indexOf(0x0a, start);
        const end = nl === -1 ? chunk.length : nl;
        if (!skipping) {
          if (size + (end - start) > maxLineBytes) {
            skipping = true;
            parts = [];
            size = 0;
          } else if (end > start) {
            parts.push(chunk.subarray(start, end));
            size += end - start;
          }
        }
        if (nl === -1) break;
        if (skipping) yield { text: '', tooLong: true };
        else yield lineOf(parts, size);
        parts = [];
        size = 0;
        skipping = false;
        start = nl + 1;
      }
    },
    end(): Piece | undefined {
      if (skipping) return { text: '', tooLong: true };
      return size > 0 ? lineOf(parts, size) : undefined;
    },
  };
}

function lineOf(parts: Buffer[], size: number): Piece {
  const { text, latin1 } = decodeLine(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size));
  return latin1 ? { text, latin1 } : { text };
}

/** UTF-16 input: a streaming decoder, split on `\n` in text. */
class Utf16Lines {
  private decoder: TextDecoder;
  private pending = '';
  private skipping = false;
  constructor(
    encoding: 'utf-16le' | 'utf-16be',
    private maxChars: number,
  ) {
    this.decoder = new TextDecoder(encoding);
  }
  *push(chunk: Buffer): Generator<Piece> {
    yield* this.text(this.decoder.decode(chunk, { stream: true }));
  }
  private *text(t: string): Generator<Piece> {
    let start = 0;
    for (;;) {
      const nl = t.indexOf('\n', start);
      const piece = t.slice(start, nl === -1 ? undefined : nl);
      if (!this.skipping) {
        if (this.pending.length + piece.length > this.maxChars / 2) {
          this.skipping = true;
          this.pending = '';
        } else this.pending += piece;
      }
      if (nl === -1) return;
      yield this.skipping ? { text: '', tooLong: true } : { text: this.pending.replace(/\r$/, '') };
      this.pending = '';
      this.skipping = false;
      start = nl + 1;
    }
  }
  end(): Piece | undefined {
    if (!this.skipping) this.pending += this.decoder.decode();
    if (this.skipping) return { text: '', tooLong: true };
    return this.pending ? { text: this.pending.replace(/\r$/, '') } : undefined;
  }
}
