import { describe, expect, it } from 'vitest';
import { defaultParsers } from '../../../../ingest/normalise/parsers.js';
import { mapRow, resolveImage } from '../../../../ingest/sources/mapped.js';
import { compileProfile, loadProfile } from '../../../../ingest/sources/profile.js';
import { readTabular } from '../../../../ingest/sources/tabular.js';

const ctx = { file: 'walters_objects_2015.jsonl.gz', dir: '/data/walters', parsers: defaultParsers };

async function firstRows(n: number): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const r of readTabular('ingest/sample/walters/walters_objects_2015.jsonl.gz')) {
    if (r.ok) out.push(r.row);
    if (out.length >= n) break;
  }
  return out;
}

describe('mapping a Walters row through the shipped profile', async () => {
  const profile = await loadProfile('ingest/profiles/walters.json');
  const rows = await firstRows(40);

  it('builds the canonical record: id, holder, title, type, materials, measurements, date, places', () => {
    const r = mapRow(rows[0] as Record<string, unknown>, profile, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rec = r.value.record;
    expect(rec).toMatchObject({
      id: 'walters:W.569.4A',
      kind: 'inventory',
      holder: { institution: 'Walters Art Museum', inventoryNumber: 'W.569.4A' },
      title: { en: "Leaf from Qur'an" },
      date: { earliest: 1601, latest: 1700, source: '11th century AH/AD 17th century' },
      places: { countries: ['IR'] },
      source: { name: 'walters', file: 'walters_objects_2015.jsonl.gz', lang: 'en' },
      maker: 'Iranian',
    });
    expect(rec.measurements.dimensions.map((d) => [d.dimension, d.mm])).toEqual([
      ['height', 385],
      ['width', 255],
    ]);
    expect(rec.materials.map((m) => m.key)).toEqual(expect.arrayContaining(['ink', 'paper']));
    expect(rec.materialText).toBe('ink and pigments on thick cream-colored, gold-flecked paper');
    expect(rec.date.periods.map((p) => p.key)).toContain('safavid');
    expect(rec.description.en).toMatch(/^Keywords: Koran; Prayer/);
  });

  it('prefers the numeric years, and reads the date text when they are 0/0 (unknown)', () => {
    const row = { ...(rows[1] as Record<string, unknown>) };
    const numeric = mapRow(row, profile, ctx);
    expect(numeric.ok && numeric.value.record.date).toMatchObject({ earliest: -425, latest: -401 });
    const unknown = mapRow({ ...row, DateBeginYear: 0, DateEndYear: 0, DateText: 'ca. 1275-1300' }, profile, ctx);
    expect(unknown.ok && unknown.value.record.date).toMatchObject({ earliest: 1275, latest: 1300, approximate: true });
  });

  it('takes countries from origin places only, with the nation of a TGN hierarchy', () => {
    const row = {
      ObjectNumber: 'T.1',
      Geographies: [
        { GeoType: 'Place Depicted', GeographyTerm: 'Roma', GeoHierarchy: 'The Thesaurus of Geographic Names\\World\\continents\\Europe\\nations\\Italia\\' },
        { GeoType: 'Place of Origin', GeographyTerm: 'Tokyo', GeoHierarchy: 'The Thesaurus of Geographic Names\\World\\continents\\Asia\\nations\\Nihon\\' },
      ],
    };
    const r = mapRow(row, profile, ctx);
    expect(r.ok && r.value.record.places).toMatchObject({ countries: ['JP'], sites: ['Tokyo'] });
  });

  it('keeps what no vocabulary knows as warnings with the source text', () => {
    const r = mapRow({ ObjectNumber: 'T.2', ObjectName: 'thingamajig', Medium: 'unobtainium', Period: 'Zorgon era' }, profile, ctx);
    if (!r.ok) throw new Error(r.error);
    const w = r.value.record.warnings.map((x) => `${x.code}:${x.source}`);
    expect(w).toEqual(expect.arrayContaining(['OBJECT_TYPE_UNKNOWN:thingamajig', 'MATERIAL_UNKNOWN:unobtainium', 'PERIOD_UNKNOWN:Zorgon era']));
    expect(r.value.record.materialText).toBe('unobtainium');
  });

  it('refuses a row without an id', () => {
    expect(mapRow({ Title: 'x' }, profile, ctx)).toEqual({ ok: false, error: 'no id: "ObjectNumber" is empty or missing' });
  });

  it('maps every one of the first rows to a record', () => {
    for (const row of rows) expect(mapRow(row, profile, ctx).ok).toBe(true);
  });
});

describe('images named by a tabular source', () => {
  it('are resolved against the source file folder; URLs are kept but not fetched', () => {
    expect(resolveImage('img/a.jpg', '/data/inv')).toEqual({ source: 'img/a.jpg', path: '/data/inv/img/a.jpg' });
    expect(resolveImage('/abs/b.png', '/data/inv')).toEqual({ source: '/abs/b.png', path: '/abs/b.png' });
    expect(resolveImage('http://example.org/c.jpg', '/data/inv')).toEqual({ source: 'http://example.org/c.jpg', path: undefined });
  });

  it('feed the images list through split', () => {
    const p = compileProfile({ source: 'inv', id: 'id', fields: [{ to: 'images', from: 'pics', transform: 'split:;' }] });
    const r = mapRow({ id: '1', pics: 'a.jpg; b/c.png' }, p, { ...ctx, dir: '/x' });
    expect(r.ok && r.value.images).toEqual([
      { source: 'a.jpg', path: '/x/a.jpg' },
      { source: 'b/c.png', path: '/x/b/c.png' },
    ]);
  });
});
