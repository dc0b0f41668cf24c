import { describe, expect, it } from 'vitest';
import { asText } from '../../../../ingest/sources/list-ops.js';
import { parsePath, select, selectTexts } from '../../../../ingest/sources/paths.js';

const row = {
  Title: 'Zeus',
  'Dimensions.Height': '12 cm',
  Dimensions: { Height: 'not this' },
  Geographies: [
    { GeoType: 'Place of Origin', GeographyTerm: 'Etruria' },
    { GeoType: 'Place Depicted', GeographyTerm: 'Roma' },
    { GeoType: 'Place of Discovery', GeographyTerm: '  ' },
  ],
  Creators: [{ Name: 'A' }, { Name: null }, { Name: ['B', 'C'] }],
  Empty: null,
};

describe('field paths', () => {
  it('selects plain keys, nested keys and every element of arrays', () => {
    expect(select(row, 'Title')).toEqual(['Zeus']);
    expect(select(row, 'Geographies[*].GeographyTerm')).toEqual(['Etruria', 'Roma']);
    expect(select(row, 'Creators.Name')).toEqual(['A', 'B', 'C']);
  });

  it('picks by index and by a field value', () => {
    expect(select(row, 'Geographies[1].GeographyTerm')).toEqual(['Roma']);
    expect(select(row, 'Geographies[5].GeographyTerm')).toEqual([]);
    expect(select(row, 'Geographies[GeoType=Place of Origin|Place of Discovery].GeographyTerm')).toEqual(['Etruria']);
  });

  it('prefers a key equal to the whole path (CSV headers with dots)', () => {
    expect(select(row, 'Dimensions.Height')).toEqual(['12 cm']);
  });

  it('drops null, missing and blank values', () => {
    expect(select(row, 'Empty')).toEqual([]);
    expect(select(row, 'Missing.Deeper')).toEqual([]);
  });

  it('rejects malformed paths with the reason', () => {
    expect(() => parsePath('a[')).toThrow(/unbalanced/);
    expect(() => parsePath('a[x]')).toThrow(/bad pick/);
    expect(() => parsePath('')).toThrow(/empty/);
    expect(() => parsePath('a..b')).toThrow(/bad step/);
  });
});

describe('selectTexts', () => {
  const mixed: Record<string, unknown> = {
    ...row,
    Count: 3,
    Flag: false,
    Nested: [['  a  b ', null, [7, { x: 1 }]], '', 'c\td'],
    Obj: { x: 1 },
    'A.B': ' dotted ',
    A: { B: 'not this', C: [{ D: 'e' }, null, 'f'] },
  };
  const paths = ['Title', 'Count', 'Flag', 'Nested', 'Obj', 'Empty', 'Missing', 'toString', 'A.B', 'A.C', 'A.C.D', 'A.C[*].D', 'A.C[1]', 'Creators.Name', 'Creators[Name=A].Name', 'Dimensions.Height', 'Geographies[GeoType=Place of Origin|Place of Discovery].GeographyTerm'];

  it('gives the texts of select, as asText writes them, for every kind of path and value', () => {
    for (const path of paths) {
      const out: string[] = ['kept'];
      selectTexts(mixed, path, parsePath(path), out);
      const expected = select(mixed, path).map(asText).filter((v): v is string => !!v);
      expect(out, path).toEqual(['kept', ...expected]);
    }
    const out: string[] = [];
    selectTexts(mixed, 'Nested', parsePath('Nested'), out);
    expect(out).toEqual(['a b', '7', 'c d']);
  });
});
