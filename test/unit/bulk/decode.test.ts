import { describe, expect, it } from 'vitest';
import { decodeLines } from '../../../src/bulk/decode.js';
import { chunks, collect, splits } from './helpers.js';

const texts = async (bytes: Buffer, ...cuts: number[]) => (await collect(decodeLines(chunks(bytes, ...cuts)))).map((l) => l.text);

describe('decodeLines', () => {
  it('strips a UTF-8 BOM and CRLF, wherever the chunks are cut', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ref,title\r\n1,Statuette en bronze, Égypte\r\n2,ікона\n')]);
    for (const cut of splits(bytes)) {
      expect(await texts(bytes, cut)).toEqual(['ref,title', '1,Statuette en bronze, Égypte', '2,ікона']);
    }
  });

  it('reads a line that is not UTF-8 as Windows-1252, leaving the UTF-8 lines alone', async () => {
    const bytes = Buffer.concat([
      Buffer.from('a,été\n'),
      Buffer.from([0x62, 0x2c, 0xe9, 0x74, 0xe9, 0x20, 0x80, 0x0a]), // "b,été €" in Windows-1252
      Buffer.from('c,ñ'),
    ]);
    const lines = await collect(decodeLines(chunks(bytes, 7)));
    expect(lines.map((l) => l.text)).toEqual(['a,été', 'b,été €', 'c,ñ']);
    expect(lines.map((l) => l.latin1 ?? false)).toEqual([false, true, false]);
    expect(lines.map((l) => l.n)).toEqual([1, 2, 3]);
  });

  it('decodes UTF-16 LE and BE with a BOM', async () => {
    const text = 'ref,title\r\n1,Tablette cunéiforme\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const beBom = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    for (const cut of [1, 2, 3, 7, 20]) {
      expect(await texts(le, cut)).toEqual(['ref,title', '1,Tablette cunéiforme']);
      expect(await texts(beBom, cut)).toEqual(['ref,title', '1,Tablette cunéiforme']);
    }
  });

  it('does not buffer an over-long line: it is flagged and the next lines are read', async () => {
    const bytes = Buffer.from(`a\n${'x'.repeat(5000)}\nb\n`);
    const lines = await collect(decodeLines(chunks(bytes, 100, 2000), 1000));
    expect(lines.map((l) => [l.text, l.tooLong ?? false])).toEqual([
      ['a', false],
      ['', true],
      ['b', false],
    ]);
  });

  it('yields a last line without a line end, and nothing for empty input', async () => {
    expect(await texts(Buffer.from('a\nb'))).toEqual(['a', 'b']);
    expect(await texts(Buffer.from(''))).toEqual([]);
    expect(await texts(Buffer.from('x'))).toEqual(['x']);
  });
});
