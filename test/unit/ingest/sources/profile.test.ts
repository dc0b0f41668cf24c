import { describe, expect, it } from 'vitest';
import { compileProfile, loadProfile, ProfileError } from '../../../../ingest/sources/profile.js';
import { parseTransform } from '../../../../ingest/sources/transforms.js';

function issues(input: unknown): { key: string; message: string }[] {
  try {
    compileProfile(input, 'test.json');
  } catch (err) {
    if (err instanceof ProfileError) return err.issues;
    throw err;
  }
  throw new Error('profile unexpectedly valid');
}

const base = { source: 'museum', id: 'inv', fields: [{ to: 'title', from: 'title' }] };

describe('mapping profiles', () => {
  it('compiles the shipped Walters profile', async () => {
    const p = await loadProfile('ingest/profiles/walters.json');
    expect(p.source).toBe('walters');
    expect(p.kind).toBe('inventory');
    const date = p.fields.find((f) => f.to === 'date');
    expect(date?.parse).toEqual({ stage: 'parse', name: 'dateRange', args: ['DateBeginYear', 'DateEndYear'] });
    const countries = p.fields.filter((f) => f.to === 'places.countries');
    expect(countries.map((f) => f.list.map((t) => t.name))).toEqual([[], ['pathAfter']]);
  });

  it('applies defaults (kind inventory, language en, no constants)', () => {
    const p = compileProfile(base);
    expect(p).toMatchObject({ kind: 'inventory', lang: 'en', constants: {} });
  });

  it('names the key of every bad value at once', () => {
    const found = issues({
      source: 'Museum X',
      id: 'inv',
      lang: 'english',
      fields: [
        { to: 'height', from: 'h' },
        { to: 'measurements', from: 'Dims[', transform: 'measurements' },
        { to: 'measurements', from: 'Dims', transform: ['measurement'] },
        { to: 'title', from: 'T', transform: 'materials' },
        { to: 'date', from: 'D', transform: ['dateRange(Begin)'] },
        { to: 'materials', from: 'M', transform: ['materials', 'split:;'] },
      ],
    });
    const keys = found.map((i) => i.key);
    expect(keys).toEqual(['source', 'lang', 'fields[0].to', 'fields[1].from', 'fields[2].transform[0]', 'fields[3].transform', 'fields[4].transform[0]', 'fields[5].transform[0]']);
    expect(found[4]?.message).toMatch(/unknown transform "measurement"/);
    expect(found[5]?.message).toMatch(/cannot feed "title"/);
    expect(found[6]?.message).toMatch(/two source fields/);
    expect(found[7]?.message).toMatch(/must come last/);
  });

  it('rejects unknown keys and a missing id', () => {
    const found = issues({ ...base, id: undefined, colour: 'red' });
    expect(found.map((i) => i.key).sort()).toEqual(['', 'id']);
    expect(found.find((i) => i.key === '')?.message).toMatch(/colour/);
  });

  it('rejects constants for targets that are not plain text', () => {
    const found = issues({ ...base, constants: { measurements: '12 cm' } });
    expect(found.map((i) => i.key)).toEqual(['constants']);
    expect(found[0]?.message).toMatch(/"measurements"/);
  });

  it('names the file in the error message', () => {
    expect(() => compileProfile({}, 'inventories/x.json')).toThrow(/invalid mapping profile inventories\/x\.json/);
  });

  it('reports an unreadable profile file as a profile error', async () => {
    await expect(loadProfile('test/fixtures/ingest/nope.json')).rejects.toThrow(ProfileError);
  });
});

describe('transform specs', () => {
  it('parses names, arguments and pairs', () => {
    expect(parseTransform('split:;')).toEqual({ stage: 'list', name: 'split', arg: ';' });
    expect(parseTransform('join')).toEqual({ stage: 'list', name: 'join' });
    expect(parseTransform('lang:fr')).toEqual({ stage: 'parse', name: 'lang', arg: 'fr' });
    expect(parseTransform('dateRange(a, b)')).toEqual({ stage: 'parse', name: 'dateRange', args: ['a', 'b'] });
  });

  it('explains what is wrong', () => {
    expect(parseTransform('split')).toMatch(/needs an argument/);
    expect(parseTransform('first:1')).toMatch(/takes no argument/);
    expect(parseTransform('lang:french')).toMatch(/ISO 639-1/);
    expect(parseTransform('1bad')).toMatch(/is not a transform/);
  });
});
