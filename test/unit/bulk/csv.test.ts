import { describe, expect, it } from 'vitest';
import { csvRecords, detectDelimiter, parseRecord } from '../../../src/bulk/csv.js';
import type { Line } from '../../../src/bulk/decode.js';
import { MAX_RECORD_LINES } from '../../../src/bulk/fields.js';
import { collect } from './helpers.js';

async function* linesOf(text: string): AsyncGenerator<Line> {
  let n = 0;
  for (const t of text.split('\n')) yield { n: ++n, text: t };
}
const records = (text: string) => collect(csvRecords(linesOf(text)));

describe('parseRecord', () => {
  it('reads quoted cells with delimiters, doubled quotes and spaces around quotes', () => {
    expect(parseRecord('1,"a, b","say ""hi""" , x', ',')).toEqual({ kind: 'ok', cells: ['1', 'a, b', 'say "hi"', ' x'] });
    expect(parseRecord('a;;"c"', ';')).toEqual({ kind: 'ok', cells: ['a', '', 'c'] });
    expect(parseRecord('a,', ',')).toEqual({ kind: 'ok', cells: ['a', ''] });
  });
  it('keeps a quote inside an unquoted cell as text', () => {
    expect(parseRecord('1,12" tall,x', ',')).toEqual({ kind: 'ok', cells: ['1', '12" tall', 'x'] });
  });
  it('says when a quoted cell is still open, and when a closing quote is followed by text', () => {
    expect(parseRecord('1,"abc', ',').kind).toBe('open');
    expect(parseRecord('1,"ab"c,d', ',').kind).toBe('bad');
  });
});

describe('detectDelimiter', () => {
  it('picks the most frequent candidate outside quotes', () => {
    expect(detectDelimiter('ref;title;material')).toBe(';');
    expect(detectDelimiter('ref\ttitle\t"a;b;c"')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d,e')).toBe(',');
    expect(detectDelimiter('ref')).toBe(',');
  });
});

describe('csvRecords', () => {
  it('joins a quoted cell spanning lines and skips blank lines', async () => {
    const recs = await records('ref,title\n\n1,"two\nlines"\n2,x\n');
    expect(recs).toEqual([
      { line: 1, cells: ['ref', 'title'] },
      { line: 3, cells: ['1', 'two\nlines'] },
      { line: 5, cells: ['2', 'x'] },
    ]);
  });

  it('reports an unbalanced quote at its line and resumes at the next line', async () => {
    const recs = await records('ref,title\n1,"abc\n2,ok\n3,"x"y\n4,fine\n5,"never closed\n6,last');
    expect(recs.map((r) => [r.line, r.cells ?? r.error?.split(':')[0]])).toEqual([
      [1, ['ref', 'title']],
      [2, 'unexpected character after the closing quote of cell 2'],
      [3, ['2', 'ok']],
      [4, 'unexpected character after the closing quote of cell 2'],
      [5, ['4', 'fine']],
      [6, 'unbalanced quote'],
      [7, ['6', 'last']],
    ]);
    expect(recs[1]!.rough).toEqual(['1', 'abc']);
  });

  it('gives up on a quoted cell open for too many lines', async () => {
    const body = Array.from({ length: MAX_RECORD_LINES + 5 }, (_, i) => `${i + 2},plain`).join('\n');
    const recs = await records(`ref,title\n1,"open\n${body}`);
    expect(recs[1]!.error).toMatch(/unbalanced quote/);
    expect(recs.filter((r) => r.cells).length).toBe(1 + MAX_RECORD_LINES + 5);
  });

  it('reports an over-long line as an error record', async () => {
    async function* lines(): AsyncGenerator<Line> {
      yield { n: 1, text: 'ref,title' };
      yield { n: 2, text: '', tooLong: true };
      yield { n: 3, text: '3,x' };
    }
    const recs = await collect(csvRecords(lines()));
    expect(recs.map((r) => r.cells ?? r.error)).toEqual([['ref', 'title'], expect.stringMatching(/longer than/), ['3', 'x']]);
  });
});
