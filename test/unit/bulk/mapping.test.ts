import { describe, expect, it } from 'vitest';
import { bindHeader, bindObject, parseMapping, parsePath, readPath } from '../../../src/bulk/mapping.js';

describe('parseMapping', () => {
  it('accepts JSON text or an object, and names each bad target', () => {
    expect(parseMapping('{"Titre":"title","N° inv.":"ref"}')).toEqual({ mapping: { Titre: 'title', 'N° inv.': 'ref' }, problems: [] });
    expect(parseMapping(undefined).mapping).toEqual({});
    const bad = parseMapping('{"A":"title","B":"colour","C":3}');
    expect(bad.mapping).toEqual({ A: 'title' });
    expect(bad.problems.map((p) => p.name)).toEqual(['mapping.B', 'mapping.C']);
    expect(parseMapping('{nope').problems).toEqual([{ name: 'mapping', reason: 'is not valid JSON' }]);
    expect(parseMapping('["title"]').problems[0]?.name).toBe('mapping');
  });
});

describe('bindHeader', () => {
  it('binds mapped columns (any case) and our own names, ignoring the rest', () => {
    const b = bindHeader(['Ref', 'Objet', 'MATERIAL', 'Notes'], { objet: 'object_type' });
    expect([...b]).toEqual([
      [0, { source: 'Ref', target: 'ref' }],
      [1, { source: 'Objet', target: 'object_type' }],
      [2, { source: 'MATERIAL', target: 'material' }],
    ]);
  });
});

describe('paths', () => {
  const obj = { Title: 'Zeus', Geographies: [{ GeographyTerm: 'Etruria' }, { GeographyTerm: 'Italia' }], 'a.b': 'literal' };
  it('reads dotted paths with indices, a literal key first', () => {
    expect(parsePath('Geographies[1].GeographyTerm')).toEqual(['Geographies', 1, 'GeographyTerm']);
    expect(parsePath('Geographies.0.GeographyTerm')).toEqual(['Geographies', 0, 'GeographyTerm']);
    expect(readPath(obj, 'Geographies[1].GeographyTerm')).toBe('Italia');
    expect(readPath(obj, 'Geographies.0.GeographyTerm')).toBe('Etruria');
    expect(readPath(obj, 'Geographies[5].GeographyTerm')).toBeUndefined();
    expect(readPath(obj, 'Title.x')).toBeUndefined();
    expect(readPath(obj, 'a.b')).toBe('literal');
  });
  it('binds mapped paths and top-level keys named like our inputs', () => {
    const bound = bindObject({ ...obj, material: 'bronze' }, { Title: 'title', 'Geographies[0].GeographyTerm': 'country' });
    expect(bound.map((b) => [b.binding.target, b.value])).toEqual([
      ['title', 'Zeus'],
      ['country', 'Etruria'],
      ['material', 'bronze'],
    ]);
  });
});
