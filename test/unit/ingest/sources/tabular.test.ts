import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { formatOf, readNdjson, readTabular, type SourceRow } from '../../../../ingest/sources/tabular.js';

const dir = 'test/fixtures/ingest/tabular';

async function all(file: string, opts = {}): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const r of readTabular(`${dir}/${file}`, opts)) out.push(r);
  return out;
}

describe('formatOf', () => {
  it('reads the extension, ignoring .gz and case', () => {
    expect(formatOf('a.CSV')).toBe('csv');
    expect(formatOf('a.jsonl.gz')).toBe('ndjson');
    expect(formatOf('a.ndjson')).toBe('ndjson');
    expect(formatOf('a.json.gz')).toBe('json');
    expect(formatOf('a.tsv')).toBe('csv');
    expect(formatOf('a.xml')).toBeUndefined();
  });
});

describe('readTabular', () => {
  it('reads CSV with a header row, quoted commas and doubled quotes', async () => {
    const rows = await all('objects.csv');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({ ok: true, at: 'line 2', row: { inv: 'A-1', title: 'Bowl, with "lotus" rim', medium: 'bronze', dimensions: 'H. 12 cm', place: 'Syria' } });
    expect(rows[2]).toMatchObject({ ok: true, row: { dimensions: 'H: 9 7/16 in. (24 cm)', place: '' } });
  });

  it('reads gzipped CSV the same as plain CSV', async () => {
    expect(await all('objects.csv.gz')).toEqual(await all('objects.csv'));
  });

  it('reports a CSV row with the wrong number of columns and keeps going', async () => {
    const rows = await all('ragged.csv');
    expect(rows.filter((r) => r.ok).map((r) => (r.ok ? r.row.inv : ''))).toEqual(['B-1', 'B-3']);
    const bad = rows.find((r) => !r.ok);
    expect(bad).toMatchObject({ ok: false, at: 'line 3' });
    expect(bad && !bad.ok ? bad.error : '').toMatch(/CSV/);
  });

  it('reads NDJSON line by line, skipping blank lines and reporting bad lines by number', async () => {
    const rows = await all('objects.ndjson');
    expect(rows.map((r) => [r.at, r.ok])).toEqual([
      ['line 1', true],
      ['line 3', true],
      ['line 4', false],
      ['line 5', false],
      ['line 6', true],
    ]);
    expect(rows[3]).toMatchObject({ ok: false, error: 'not a JSON object' });
    expect(rows[4]).toMatchObject({ ok: true, row: { title: 'Figure é' } });
  });

  it('reads a large gzipped NDJSON file as decoding it whole would: lines and characters across chunks', async () => {
    const { readFileSync } = await import('node:fs');
    const { gunzipSync } = await import('node:zlib');
    const file = 'ingest/sample/walters/walters_objects_2015.jsonl.gz';
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    expect(lines.some((l) => /[^\x00-\x7f]/.test(l))).toBe(true);
    const expected = lines.flatMap((l, i) => (l.trim() ? [`line ${i + 1} ${JSON.stringify(JSON.parse(l))}`] : []));
    const got: string[] = [];
    for await (const r of readTabular(file)) got.push(r.ok ? `${r.at} ${JSON.stringify(r.row)}` : r.error);
    expect(got.length).toBe(expected.length);
    expect(got.every((g, i) => g === expected[i])).toBe(true);
  });

  it('joins lines cut anywhere by the stream: inside a character, over several chunks, at the very end', async () => {
    const long = 'é'.repeat(5000);
    const text = `{"a":"Côte d’Ivoire"}\r\n\n{"b":"${long}"}\n  \n{"c":1}`;
    const bytes = Buffer.from(text, 'utf8');
    const expected = [
      { at: 'line 1', row: { a: 'Côte d’Ivoire' } },
      { at: 'line 3', row: { b: long } },
      { at: 'line 5', row: { c: 1 } },
    ];
    for (const size of [1, 2, 3, 7, 1000, bytes.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const rows: unknown[] = [];
      for await (const r of readNdjson(Readable.from(chunks))) rows.push(r.ok ? { at: r.at, row: r.row } : r);
      expect(rows, `chunks of ${size} bytes`).toEqual(expected);
    }
  });

  it('reads gzipped NDJSON transparently', async () => {
    expect(await all('objects.ndjson.gz')).toEqual(await all('objects.ndjson'));
  });

  it('streams the elements of a JSON array, with strings holding brackets, quotes and escapes', async () => {
    const rows = await all('objects.json');
    expect(rows.map((r) => (r.ok ? r.row.title : r.error))).toEqual(['Bowl [with] {braces}', 'Quote " and \\ backslash', 'Ünïcödé ✓']);
    expect(rows[1]).toMatchObject({ at: 'element 2', row: { n: [1, [2, 3]] } });
  });

  it('counts the bytes read for progress', async () => {
    let n = 0;
    await all('objects.ndjson.gz', { onBytes: (b: number) => (n += b) });
    const { statSync } = await import('node:fs');
    expect(n).toBe(statSync(`${dir}/objects.ndjson.gz`).size);
  });

  it('refuses a file whose format it cannot tell', async () => {
    await expect(all('../../images/README.md')).rejects.toThrow(/cannot tell the format/);
  });
});
