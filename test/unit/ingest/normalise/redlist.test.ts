import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CanonicalRecord } from '../../../../src/schemas/record.js';
import { defaultParsers } from '../../../../ingest/normalise/parsers.js';
import { normaliseRedList, type RedListResult } from '../../../../ingest/normalise/redlist.js';

const dir = 'ingest/sample/redlists/lists';
const raw = (id: string): unknown => JSON.parse(readFileSync(`${dir}/${id}.json`, 'utf8'));
const ctx = (file: string) => ({ sourceName: 'redlists', file, imagesDir: '/data/redlists/images', parsers: defaultParsers });

function load(id: string): Extract<RedListResult, { ok: true }> {
  const r = normaliseRedList(raw(id), ctx(`${id}.json`));
  if (!r.ok) throw new Error(r.error);
  return r;
}
const record = (r: Extract<RedListResult, { ok: true }>, id: string) => {
  const found = r.records.find((x) => x.record.id === id);
  if (!found) throw new Error(`no record ${id}`);
  return found.record;
};
const codes = (rec: CanonicalRecord) => rec.warnings.map((w) => w.code);

describe('Red List normalisation on the sample lists', () => {
  const all = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => load(f.replace(/\.json$/, '')));

  it('gives one valid canonical record per illustration, 519 in all, with unique ids', () => {
    const records = all.flatMap((r) => r.records.map((x) => x.record));
    expect(records).toHaveLength(519);
    expect(new Set(records.map((r) => r.id)).size).toBe(519);
    for (const rec of records) expect(CanonicalRecord.safeParse(rec).success, rec.id).toBe(true);
    for (const r of all) expect(r.list.illustrationCount).toBe(r.records.length);
  });

  it('derives stable category keys from the English headings, parent first', () => {
    const syria = load('syria-2013');
    const again = load('syria-2013');
    expect(syria.records.map((x) => x.record.category.map((c) => c.key))).toEqual(again.records.map((x) => x.record.category.map((c) => c.key)));
    const tablet = syria.records.find((x) => x.record.category.some((c) => c.key === 'syria-2013/writing/tablets-and-inscriptions'));
    expect(tablet?.record.category.map((c) => c.key)).toEqual(['syria-2013/writing', 'syria-2013/writing/tablets-and-inscriptions']);
    expect(tablet?.record.category[0]?.label.en).toBe('Writing');
    expect(Object.keys(tablet?.record.category[0]?.label ?? {}).length).toBeGreaterThan(1);
  });

  it('keeps categories apart when a heading repeats across sections', () => {
    const cambodia = load('cambodia-2009');
    const keys = cambodia.list.sections.flatMap((s) => s.categories.map((c) => c.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('cambodia-2009/angkorian-period~ceramics');
    const plain = load('syria-2013').list.sections.flatMap((s) => s.categories.map((c) => c.key));
    expect(plain.every((k) => !k.includes('~'))).toBe(true);
  });

  it("names the section in the label of a heading repeated across sections, in the list and on its records", () => {
    const cambodia = load('cambodia-2009');
    const labels = cambodia.list.sections.flatMap((s) => s.categories.map((c) => c.label.en));
    expect(new Set(labels).size).toBe(labels.length);
    const ceramics = cambodia.list.sections.flatMap((s) => s.categories).find((c) => c.key === 'cambodia-2009/angkorian-period~ceramics');
    expect(ceramics?.label).toEqual({ en: 'Angkorian period (Ceramics)', fr: 'Période angkorienne (Céramique)' });
    const rec = record(cambodia, ceramics?.illustrations[0] ?? '');
    expect(rec.category[0]).toEqual({ key: ceramics?.key, label: ceramics?.label });
    const syria = load('syria-2013').list.sections[0]?.categories[0];
    expect(syria?.label.en).not.toMatch(/\(/);
  });

  it('never lets a duplicated illustration number overwrite: china-2010 19 and 19b, egypt-2011 32 and 32b', () => {
    const china = load('china-2010');
    expect(china.records).toHaveLength(36);
    expect(codes(record(china, 'china-2010:19'))).not.toContain('DUPLICATE_ILLUSTRATION_NUMBER');
    const second = record(china, 'china-2010:19b');
    expect(codes(second)).toContain('DUPLICATE_ILLUSTRATION_NUMBER');
    expect(second.source.illustration).toBe(19);
    expect(record(china, 'china-2010:19').title.en).not.toBe(second.title.en);
    expect(codes(record(load('egypt-2011'), 'egypt-2011:32b'))).toContain('DUPLICATE_ILLUSTRATION_NUMBER');
    expect(china.list.warnings.map((w) => w.code)).toContain('DUPLICATE_ILLUSTRATION_NUMBER');
  });

  it('keeps an illustration without caption, with its category, list and emergency', () => {
    const iraq = record(load('iraq-2003'), 'iraq-2003:30');
    expect(codes(iraq)).toContain('CAPTION_MISSING');
    expect(iraq.category.map((c) => c.label.en)).toContain('Coins');
    expect(iraq.list).toMatchObject({ id: 'iraq-2003', emergency: true });
    expect(iraq.emergency).toEqual({ active: true, zone: ['IQ'] });
    const haiti = record(load('haiti-2010'), 'haiti-2010:24');
    expect(codes(haiti)).toContain('CAPTION_EMPTY');
    expect(haiti.source.lang).toBe('fr');
  });

  it('applies the emergency section override of west-africa-2016 to its section only', () => {
    const wa = load('west-africa-2016');
    expect(wa.list.emergency).toBe(false);
    expect(wa.list.zone).toEqual(['ML']);
    const [mali, others] = wa.list.sections;
    expect(mali?.emergency).toBe(true);
    expect(others?.emergency).toBe(false);
    for (const id of mali?.categories.flatMap((c) => c.illustrations) ?? []) expect(record(wa, id).emergency).toEqual({ active: true, zone: ['ML'] });
    for (const id of others?.categories.flatMap((c) => c.illustrations) ?? []) expect(record(wa, id).emergency).toEqual({ active: false, zone: [] });
    expect(others?.coverage.countries).toContain('NG');
    expect(others?.coverage.countries).not.toContain('ML');
  });

  it("gives each record its section's coverage countries, beside the countries its caption names", () => {
    const wa = load('west-africa-2016');
    const [mali, others] = wa.list.sections;
    const inOthers = record(wa, others?.categories.flatMap((c) => c.illustrations)[0] ?? '');
    expect(inOthers.list?.coverage).toEqual(others?.coverage.countries);
    expect(inOthers.list?.coverage).toContain('BJ');
    const inMali = record(wa, mali?.categories.flatMap((c) => c.illustrations)[0] ?? '');
    expect(inMali.list?.coverage).toEqual(['ML']);
  });

  it('reads the caption parts: object type, materials, date, measurements, holder', () => {
    const egypt = load('egypt-2011');
    const jar = egypt.records.map((x) => x.record).find((r) => r.source.text?.includes('H: 9 7/16 in. (24 cm)'));
    expect(jar?.measurements.dimensions).toContainEqual(expect.objectContaining({ dimension: 'height', mm: 240 }));
    expect(jar?.holder).toEqual({ institution: 'Walters Art Museum', inventoryNumber: '41.88' });
    expect(jar?.date).toMatchObject({ earliest: -670, latest: -640, approximate: true });
    expect(jar?.materials.map((m) => m.key)).toContain('limestone');
    expect(jar?.title.en).toBe('Canopic jar');
  });

  it('resolves image names against the images folder beside the lists', () => {
    const syria = load('syria-2013');
    const withImage = syria.records.find((x) => x.images.length);
    expect(withImage?.images[0]?.path).toBe(`/data/redlists/images/${withImage?.images[0]?.source}`);
  });

  it('flags fallbacks: category dates for a caption without a date, coverage countries for a caption without a country', () => {
    const iraq = record(load('iraq-2003'), 'iraq-2003:30');
    const fallback = iraq.warnings.find((w) => w.code === 'DATE_FROM_CATEGORY');
    expect(fallback?.source).toBe('4th c. BC – 19th c. AD');
    expect(iraq.date).toMatchObject({ earliest: -400, latest: 1900 });
    expect(iraq.warnings.find((w) => w.code === 'COUNTRY_FROM_LIST')?.source).toBe('Iraq');
  });

  it('normalises the list: coverage codes with the names as printed, contacts and legislation with codes', () => {
    const wa = load('west-africa-2016').list;
    expect(wa.coverage.countries).toEqual(['BJ', 'BF', 'CI', 'GW', 'ML', 'NE', 'NG', 'SN', 'TG']);
    expect(wa.coverage.verbatim[0]).toBe('Bénin');
    expect(wa.contacts.find((c) => c.city === 'Abuja')?.countryCode).toBe('NG');
    expect(wa.legislation.some((l) => l.countryCode === 'ML' && l.convention === 'UNESCO 1970')).toBe(true);
    expect(wa.sections[0]?.heading?.en).toBe('Mali – Emergency section');
  });

  it('refuses a file that is not a Red List, naming the bad keys', () => {
    const r = normaliseRedList({ id: 'Bad Id', title: { fr: 'x' }, sections: 'none' }, ctx('bad.json'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/id: .*title: .*sections/s);
  });
});
