import { describe, expect, it } from 'vitest';
import { CanonicalRecord } from '../../../../src/schemas/record.js';
import { buildDocument, documentJson } from '../../../../ingest/normalise/document.js';
import { documentDeps } from '../../../../ingest/normalise/parsers.js';
import { imageDocFields } from '../../../../ingest/normalise/img-fields.js';
import { recordHash, recordJsonAndHash } from '../../../../ingest/normalise/stable-json.js';

function sample(): CanonicalRecord {
  return {
    id: 'syria-2013:7',
    kind: 'redlist',
    list: { id: 'syria-2013', number: 13, title: { en: 'Emergency Red List of Syrian Cultural Objects at Risk' }, year: 2013, emergency: true },
    category: [
      { key: 'syria-2013/figural-sculpture', label: { en: 'Figural sculpture', fr: 'Sculpture figurative' } },
      { key: 'syria-2013/figural-sculpture/statuettes-and-figurines', label: { en: 'Statuettes and figurines', fr: 'Statuettes et figurines' } },
    ],
    objectType: [{ key: 'figure', label: { en: 'Figure', fr: 'Figurine' }, source: 'Worshipper' }],
    title: { en: 'Worshipper holding bowls', fr: 'Orant' },
    description: { en: 'Small figures cast in bronze.' },
    materials: [{ key: 'bronze', label: { en: 'Bronze', ar: 'برونز' }, source: 'bronze' }],
    materialText: 'bronze',
    measurements: { dimensions: [{ dimension: 'height', mm: 122 }, { dimension: 'height', mm: 999 }, { dimension: 'diameter', mm: 40 }], weightG: 3.9 },
    date: { earliest: -1200, latest: 150, periods: [{ key: 'sy-roman', label: { en: 'Roman period' } }], source: '2nd millennium BC' },
    places: { countries: ['SY'], regions: ['levant'], sites: ['Hauran'], cultures: ['Aramaean'], source: 'Hauran' },
    emergency: { active: true, zone: ['SY'] },
    inscriptions: 'Aramaic inscription',
    maker: 'Unknown workshop',
    holder: { institution: 'Walters Art Museum', inventoryNumber: '54.1072' },
    images: [{ sha256: 'a'.repeat(64), width: 10, height: 20, format: 'jpeg', source: 'x.jpg' }],
    source: { name: 'redlists', file: 'syria-2013.json', list: 'syria-2013', illustration: 7, lang: 'en' },
    warnings: [
      { field: 'date.periods', code: 'PERIOD_UNKNOWN', message: 'm', source: 'Middle Bronze IIB' },
      { field: 'images', code: 'IMAGE_MISSING', message: 'm', source: 'x.jpg' },
      { field: 'images', code: 'IMAGE_MISSING', message: 'm', source: 'y.jpg' },
    ],
  };
}

describe('buildDocument', () => {
  const rec = sample();
  const doc = buildDocument(rec, documentDeps) as unknown as Record<string, unknown> & { search: Record<string, string> };

  it('copies the keyword fields of the mapping contract', () => {
    expect(doc).toMatchObject({
      id: 'syria-2013:7',
      kind: 'redlist',
      list_id: 'syria-2013',
      list_year: 2013,
      emergency: true,
      emergency_zone: ['SY'],
      category_keys: ['syria-2013/figural-sculpture', 'syria-2013/figural-sculpture/statuettes-and-figurines'],
      category_leaf: 'syria-2013/figural-sculpture/statuettes-and-figurines',
      category_depth: 2,
      object_type_keys: ['figure'],
      material_keys: ['bronze'],
      countries: ['SY'],
      regions: ['levant'],
      sites: ['Hauran'],
      cultures: ['Aramaean'],
      period_keys: ['sy-roman'],
      holder_institution: 'Walters Art Museum',
      inventory_number: '54.1072',
      has_image: true,
      image_sha256: ['a'.repeat(64)],
      source_name: 'redlists',
      source_file: 'syria-2013.json',
      warning_codes: ['PERIOD_UNKNOWN', 'IMAGE_MISSING'],
      sort_title: 'Worshipper holding bowls',
    });
    expect(doc.record).toBe(rec);
  });

  it("adds the list's coverage countries to the countries the caption names (filter, facet, bulk signal)", () => {
    const covered = { ...sample(), list: { ...sample().list!, coverage: ['LB', 'SY', 'IQ'] } };
    expect(buildDocument(covered, documentDeps).countries).toEqual(['SY', 'LB', 'IQ']);
    const inventory = { ...sample(), kind: 'inventory' as const, list: undefined };
    expect(buildDocument(inventory, documentDeps).countries).toEqual(['SY']);
  });

  it('turns the year range into a range, bounds and every overlapped period bucket', () => {
    expect(doc).toMatchObject({ date_range: { gte: -1200, lte: 150 }, date_earliest: -1200, date_latest: 150 });
    expect(doc.period_buckets).toEqual(['m-2', 'm-1', 'c1', 'c2']);
  });

  it('keeps the first value of each dimension in mm, and the weight', () => {
    expect(doc).toMatchObject({ height_mm: 122, diameter_mm: 40, weight_g: 3.9 });
    expect(doc).not.toHaveProperty('width_mm');
  });

  it('fills search fields with folded text of every language, plus differing stems', () => {
    const s = doc.search;
    expect(s.title).toContain('worshipper holding bowls');
    expect(s.title).toContain('orant');
    expect(s.title?.split(' ')).toContain('bowl');
    expect(s.category).toContain('sculpture figurative');
    expect(s.material).toContain('برونز');
    expect(s.place?.split(' ')).toEqual(expect.arrayContaining(['syria', 'hauran', 'aramaean']));
    expect(s.place?.split(' ')).toContain('syrie');
    expect(s.period).toContain('roman period');
    expect(s.period).toContain('middle bronze iib');
    expect(s.holder).toContain('walters art museum 54');
    expect(s.inscriptions).toContain('aramaic inscription');
    expect(s.description).toContain('unknown workshop');
  });

  it('hashes the validated record: the same whatever order its object keys were built in', () => {
    expect(doc.content_hash).toBe(recordHash(rec));
    // Object keys reversed at every depth; language maps keep the order the normaliser wrote.
    const isLangMap = (v: object) => Object.keys(v).every((k) => /^[a-z]{2}$/.test(k));
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : v && typeof v === 'object'
          ? Object.fromEntries((isLangMap(v) ? Object.entries(v) : Object.entries(v).reverse()).map(([k, x]) => [k, reverse(x)]))
          : v;
    const reordered = reverse(rec) as CanonicalRecord;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(rec));
    expect(buildDocument(CanonicalRecord.parse(reordered), documentDeps).content_hash).toBe(buildDocument(CanonicalRecord.parse(rec), documentDeps).content_hash);
  });

  it('omits what the record does not have', () => {
    const bare: CanonicalRecord = { ...sample(), list: undefined, category: [], date: { periods: [] }, holder: undefined, images: [], warnings: [] };
    const d = buildDocument(bare, documentDeps);
    for (const k of ['list_id', 'category_leaf', 'date_range', 'holder_institution']) expect(d).not.toHaveProperty(k);
    expect(d).toMatchObject({ has_image: false, image_sha256: [], period_buckets: [], warning_codes: [] });
  });

  it('adds image fields from the descriptors: img.phash of the first image', () => {
    const fields = imageDocFields([
      { sha256: 'b'.repeat(64), descriptors: { version: 1, phash: '0123456789abcdef', crops: [], hashes: [], trim: { x: 0, y: 0, w: 1, h: 1 }, quality: 0.5 } },
    ] as never);
    expect(fields.img).toEqual({ phash: '0123456789abcdef' });
    expect(buildDocument(rec, documentDeps, fields).img).toEqual({ phash: '0123456789abcdef' });
  });

  it('serialises to the JSON of buildDocument byte for byte, reusing the record JSON its hash was taken of', () => {
    const fields = { img: { phash: '0123456789abcdef' } };
    const { json, hash } = recordJsonAndHash(rec);
    expect(json).toBe(JSON.stringify(rec));
    expect(hash).toBe(recordHash(rec));
    const text = documentJson(rec, documentDeps, fields, hash, json);
    expect(text).toBe(JSON.stringify(buildDocument(rec, documentDeps, fields, hash)));
    expect(JSON.parse(text).record).toEqual(rec);
    const bare: CanonicalRecord = { ...sample(), list: undefined, holder: undefined, images: [], warnings: [] };
    const b = recordJsonAndHash(bare);
    expect(documentJson(bare, documentDeps, {}, b.hash, b.json)).toBe(JSON.stringify(buildDocument(bare, documentDeps)));
  });

  it('keeps the order of buildDocument when image fields name a member it sets itself', () => {
    const odd = { record: 'x', search: 'y' };
    const { json, hash } = recordJsonAndHash(rec);
    expect(documentJson(rec, documentDeps, odd, hash, json)).toBe(JSON.stringify(buildDocument(rec, documentDeps, odd, hash)));
  });
});
