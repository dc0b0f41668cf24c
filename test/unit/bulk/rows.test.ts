import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS } from '../../../src/bulk/fields.js';
import { BulkLimitError } from '../../../src/bulk/limits.js';
import { readRows } from '../../../src/bulk/rows.js';
import { AppError } from '../../../src/errors.js';
import { chunks, collect } from './helpers.js';

const limits = { maxRows: 1000, maxBytes: 1_000_000 };
const csv = (text: string | Buffer, mapping = {}, l = limits) =>
  collect(readRows(chunks(Buffer.isBuffer(text) ? text : Buffer.from(text), 3), { kind: 'csv', mapping, limits: l }));
const ndjson = (text: string, mapping = {}, l = limits) => collect(readRows(chunks(Buffer.from(text), 5), { kind: 'ndjson', mapping, limits: l }));

describe('readRows (CSV)', () => {
  it('maps columns, joins nothing, trims cells and numbers data rows from 1', async () => {
    const rows = await csv('N° inv.;Objet;Matière;Notes\nA-1; statuette ;bronze;x\nA-2;vase;;y\n', { 'N° inv.': 'ref', Objet: 'object_type', Matière: 'material' });
    expect(rows).toEqual([
      { row: 1, ref: 'A-1', fields: { object_type: 'statuette', material: 'bronze' } },
      { row: 2, ref: 'A-2', fields: { object_type: 'vase' } },
    ]);
  });

  it('gives per-row errors for wrong cell counts, malformed quotes, over-long cells and empty rows', async () => {
    const long = 'x'.repeat(50_000);
    const latin1 = Buffer.from([0x35, 0x2c, 0x74, 0xea, 0x74, 0x65, 0x2c, 0x0a]); // "5,tête," in Latin-1
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`ref,title,material\n1,vase,clay\n2,too,many,cells\n3,"broken,clay\n4,${long},stone\n`),
      latin1,
      Buffer.from('6,,\n7,ok,\n'),
    ]);
    const rows = await csv(body);
    expect(rows.map((r) => [r.row, r.ref, r.error?.field ?? r.fields])).toEqual([
      [1, '1', { title: 'vase', material: 'clay' }],
      [2, '2', 'row'],
      [3, '3', 'row'],
      [4, '4', 'title'],
      [5, '5', { title: 'tête' }],
      [6, '6', 'row'],
      [7, '7', { title: 'ok' }],
    ]);
    expect(rows[1]!.error!.reason).toMatch(/4 cells, the header has 3/);
    expect(rows[3]!.error!.reason).toContain(`50000 characters; at most ${MAX_CELL_CHARS}`);
    expect(rows[5]!.error!.reason).toMatch(/nothing to search/);
  });

  it('rejects a header with no search input, and an empty body', async () => {
    await expect(csv('a,b\n1,2\n')).rejects.toBeInstanceOf(AppError);
    await expect(csv('')).rejects.toMatchObject({ code: 'BULK_INVALID_INPUT' });
  });

  it('throws the row and byte limits', async () => {
    const text = `title\n${Array.from({ length: 20 }, (_, i) => `vase ${i}`).join('\n')}\n`;
    expect((await csv(text, {}, { maxRows: 20, maxBytes: 10_000 })).length).toBe(20);
    await expect(csv(text, {}, { maxRows: 19, maxBytes: 10_000 })).rejects.toMatchObject({ limit: 'BULK_MAX_ROWS' });
    await expect(csv(text, {}, { maxRows: 100, maxBytes: 50 })).rejects.toBeInstanceOf(BulkLimitError);
  });
});

describe('readRows (NDJSON)', () => {
  it('reads objects with nested paths, and reports lines that are not objects', async () => {
    const text = [
      JSON.stringify({ ObjectNumber: '54.975', Title: 'Zeus', Geographies: [{ GeographyTerm: 'Etruria' }], ObjectName: 'statuettes', Medium: 'bronze' }),
      '{"Title": broken',
      '[1,2]',
      '',
      JSON.stringify({ ObjectNumber: 7, Title: ['Leaf', 'Qur\'an'], Medium: { x: 1 } }),
      JSON.stringify({ q: 'tablette cunéiforme', height: 6.5 }),
    ].join('\n');
    const rows = await ndjson(text, { ObjectNumber: 'ref', Title: 'title', ObjectName: 'object_type', Medium: 'material', 'Geographies[0].GeographyTerm': 'country' });
    expect(rows.map((r) => [r.row, r.ref, r.error?.field ?? r.fields])).toEqual([
      [1, '54.975', { title: 'Zeus', object_type: 'statuettes', material: 'bronze', country: 'Etruria' }],
      [2, null, 'line'],
      [3, null, 'line'],
      [4, '7', 'Medium'],
      [5, null, { q: 'tablette cunéiforme', height: '6.5' }],
    ]);
  });
});
