/**
 * Splits a JSON document whose top level is an array into the text of its elements, chunk by
 * chunk, so a large file is never held in memory at once. Only strings, escapes and nesting are
 * tracked; each element's text is handed to `JSON.parse` by the caller.
 */
export class JsonArraySplitter {
  private state: 'start' | 'between' | 'element' | 'end' = 'start';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private buf: string[] = [];
  /** Index (0-based) of the next element. */
  index = 0;

  /** Feeds a chunk; returns the complete elements found in it. Throws on a non-array document. */
  push(chunk: string): string[] {
    const out: string[] = [];
    let start = -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.state === 'element') {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === 92) this.escaped = true; // backslash
          else if (c === 34) this.inString = false;
          continue;
        }
        if (c === 34) this.inString = true;
        else if (c === 123 || c === 91) this.depth++; // { [
        else if (c === 125 || c === 93) {
          if (this.depth === 0) {
            // `]` closing the array right after a scalar element
            this.emit(out, chunk, start, i);
            start = -1;
            this.state = 'end';
            continue;
          }
          this.depth--;
        } else if (c === 44 && this.depth === 0) {
          this.emit(out, chunk, start, i);
          start = -1;
          this.state = 'between';
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (this.state === 'start') {
        if (c !== 91) throw new Error('a JSON source must be an array of objects (it does not start with "[")');
        this.state = 'between';
      } else if (this.state === 'between') {
        if (c === 93) this.state = 'end';
        else if (c === 44) continue;
        else {
          this.state = 'element';
          start = i;
          this.buf = [];
          i--; // re-read this character as part of the element
        }
      } else {
        throw new Error('unexpected content after the closing "]" of the JSON array');
      }
    }
    if (this.state === 'element' && start >= 0) this.buf.push(chunk.slice(start));
    else if (this.state === 'element') this.buf.push(chunk);
    return out;
  }

  /** Call at the end of input; throws when the array was not closed. */
  end(): void {
    if (this.state === 'start') throw new Error('the JSON source is empty');
    if (this.state !== 'end') throw new Error('the JSON array is not closed (truncated file?)');
  }

  private emit(out: string[], chunk: string, start: number, end: number): void {
    this.buf.push(start >= 0 ? chunk.slice(start, end) : chunk.slice(0, end));
    const text = this.buf.join('').trim();
    this.buf = [];
    this.index++;
    out.push(text);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}
