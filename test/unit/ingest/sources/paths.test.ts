import { describe, expect, it } from 'vitest';
import { parsePath, select } from '../../../../ingest/sources/paths.js';

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
