import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexNames } from '../../src/config.js';
import type { CanonicalRecord } from '../../src/schemas/record.js';
import { prepareIndices } from '../../src/bootstrap.js';
import { datasetVersion } from '../../ingest/sink/meta.js';
import { defaultParsers } from '../../ingest/normalise/parsers.js';
import type { IngestReport } from '../../ingest/report.js';
import { quietLogger, testEs, uniquePrefix } from '../helpers/es.js';
import { allDocs, dropIndices, ingestConfig, run, SAMPLE_LISTS, tempDir } from '../fixtures/ingest/helpers.js';

/** The 17 sample Red Lists through the whole pipeline into a real Elasticsearch. */

const es = testEs();
const prefix = uniquePrefix('ingest-redlists');
const config = ingestConfig(prefix);
const names = indexNames(prefix);
let first: IngestReport;
let records: CanonicalRecord[];

// Test-side notion of "the caption prints a measurement / a date", independent of our parsers.
const MEASUREMENT = /(\d\s*(cm|mm|m|in\.?|kg|g)\b)|((^|[\s(,;])(H|L|W|D|Ø|h|l|diam|Diam|hauteur|alto|largo|ancho|diám)\s*[.:]?\s*\d)|(\d\s*x\s*\d)/;
const DATE =
  /(\d{1,4}\s*(BC|BCE|AD|CE|av\.|apr\.|a\.\s?C|d\.\s?C))|\b(BC|AD|BCE|CE)\s*\d|centur|millenni|siècle|siglo|séc\.|millénaire|milenio|\bc\.|\bs\.|period|période|período|periodo|dynast|époque|época|\bera\b|\bAge\b|AH\s*\d|\b1[0-9]{3}\b|\b[0-9]{3}\b\s*[–-]|\bca\.\s*\d|\b\d{3,4}s\b|n[ée]olithi|cl[aá]sico|classic/i;

let imageNames = 0;

beforeAll(async () => {
  // Illustrations that name an image file, counted straight from the transcriptions.
  for (const f of await readdir(join(SAMPLE_LISTS, 'lists'))) imageNames += (await readFile(join(SAMPLE_LISTS, 'lists', f), 'utf8')).match(/"image":/g)?.length ?? 0;
  first = await run(config, es, { path: SAMPLE_LISTS });
  records = (await allDocs<{ record: CanonicalRecord }>(es, names.objects)).map((d) => d.record);
}, 300_000);

afterAll(async () => {
  await dropIndices(es, prefix);
  await es.close();
});

const rec = (id: string): CanonicalRecord => {
  const r = records.find((x) => x.id === id);
  if (!r) throw new Error(`record ${id} not indexed`);
  return r;
};
const reasonsOf = (report: IngestReport, id: string): string => report.records.find((r) => r.id === id)?.reasons.join(' | ') ?? '';

describe('ingest of the 17 sample Red Lists', () => {
  it('indexes every illustration, 519 including the duplicated numbers, and the 17 lists', async () => {
    expect(first).toMatchObject({ read: 519, indexed: 519, rejected: 0, deleted: 0 });
    expect(records).toHaveLength(519);
    expect(records.map((r) => r.id)).toEqual(expect.arrayContaining(['china-2010:19', 'china-2010:19b', 'egypt-2011:32', 'egypt-2011:32b']));
    expect(first.lists).toMatchObject({ read: 17, indexed: 17 });
    const lists = await allDocs<{ id: string; emergency: boolean; zone_countries: string[] }>(es, names.lists);
    expect(lists).toHaveLength(17);
    expect(lists.find((l) => l.id === 'west-africa-2016')).toMatchObject({ emergency: true, zone_countries: ['ML'] });
    expect(await datasetVersion(es, names.objects)).toBe(first.datasetVersion);
  });

  it('reports every defect of KNOWN_ISSUES.md with its reason', () => {
    const expectations: [string, RegExp][] = [
      ['iraq-2003:30', /CAPTION_MISSING/],
      ['afghanistan-2006:18', /IMAGE_MISSING.*afg2006_p14_hadda\.tif/],
      ['peru-2007:25', /DATE_UNPARSED.*fecha incierta/],
      ['cambodia-2009:17', /MEASUREMENT_NO_UNIT.*H\. 55/],
      ['haiti-2010:24', /CAPTION_EMPTY/],
      ['china-2010:19b', /DUPLICATE_ILLUSTRATION_NUMBER/],
      ['colombia-2010:32', /CAPTION_EMPTY/],
      ['egypt-2011:32b', /DUPLICATE_ILLUSTRATION_NUMBER/],
      ['syria-2013:17', /MEASUREMENT_NO_UNIT.*62 x 70/],
      ['iraq-2015:26', /DATE_UNPARSED.*date uncertain/],
      ['libya-2015:9', /IMAGE_MISSING.*lybia-2015-09\.jpg/],
    ];
    for (const [id, reason] of expectations) {
      expect(reasonsOf(first, id), id).toMatch(reason);
      expect(rec(id).warnings.length, id).toBeGreaterThan(0);
    }
    // The sample has no image files: every named image is reported missing, no record is lost.
    const named = records.filter((r) => r.warnings.some((w) => w.code === 'IMAGE_MISSING')).length;
    expect(named).toBe(imageNames);
    expect(first.images).toEqual({ processed: 0, reused: 0, failed: 0, missing: imageNames });
  });

  it('has measurements in mm for at least 95% of the captions that print one', () => {
    const withMeasurement = records.filter((r) => r.source.text && MEASUREMENT.test(r.source.text));
    const inMm = withMeasurement.filter((r) => r.measurements.dimensions.length > 0 || r.measurements.weightG !== undefined);
    const share = inMm.length / withMeasurement.length;
    console.log(`captions with a measurement: ${withMeasurement.length}, in mm: ${inMm.length} (${(share * 100).toFixed(1)}%)`);
    expect(withMeasurement.length).toBeGreaterThan(450);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it('has earliest/latest from the caption itself for at least 95% of the captions that print a date', () => {
    const withDate = records.filter((r) => r.source.text && DATE.test(r.source.text));
    const fromCategory = (r: CanonicalRecord) => r.warnings.some((w) => w.code === 'DATE_FROM_CATEGORY' || w.code === 'DATE_FROM_SECTION');
    const ranged = withDate.filter((r) => r.date.earliest !== undefined && r.date.latest !== undefined && !fromCategory(r));
    const share = ranged.length / withDate.length;
    console.log(`captions with a date: ${withDate.length}, with earliest/latest: ${ranged.length} (${(share * 100).toFixed(1)}%)`);
    expect(withDate.length).toBeGreaterThan(450);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it('holds the spot checks: H: 9 7/16 in. (24 cm) → 240 mm, IIe s. av. J.-C. → -200..-101', () => {
    const jar = records.find((r) => r.source.text?.includes('H: 9 7/16 in. (24 cm)'));
    expect(jar?.measurements.dimensions.find((d) => d.dimension === 'height')?.mm).toBe(240);
    const sokoto = records.find((r) => r.source.text?.includes('IIe s. av. J.-C. – IIIe s. apr. J.-C.'));
    expect(sokoto?.date.earliest).toBe(-200);
    expect(sokoto?.date.latest).toBe(300);
    expect(defaultParsers.date('IIe s. av. J.-C.', 'fr').value).toMatchObject({ earliest: -200, latest: -101 });
  });

  it('indexes the derived fields the search reads (emergency section, buckets, holder)', async () => {
    const res = await es.search({ index: names.objects, size: 0, query: { bool: { filter: [{ term: { list_id: 'west-africa-2016' } }, { term: { emergency: true } }] } } });
    const maliSection = records.filter((r) => r.list?.id === 'west-africa-2016' && r.emergency.active);
    expect((res.hits.total as { value: number }).value).toBe(maliSection.length);
    expect(maliSection.length).toBeGreaterThan(0);
    const byInv = await es.search({ index: names.objects, query: { term: { inventory_number: '41.88' } } });
    expect(byInv.hits.hits[0]?._id).toBe(records.find((r) => r.holder?.inventoryNumber === '41.88')?.id);
    const buckets = await es.search({ index: names.objects, size: 0, query: { term: { period_buckets: 'm-1' } } });
    expect((buckets.hits.total as { value: number }).value).toBeGreaterThan(50);
  });

  it('changes nothing when the same ingest runs again', async () => {
    const again = await run(config, es, { path: SAMPLE_LISTS });
    expect(again).toMatchObject({ read: 519, indexed: 0, unchanged: 519, deleted: 0, rejected: 0 });
    expect(again.lists).toMatchObject({ indexed: 0, unchanged: 17, deleted: 0 });
    expect(again.datasetVersion).toBeUndefined();
    expect(await datasetVersion(es, names.objects)).toBe(first.datasetVersion);
  });

  it('re-indexes exactly the edited illustration and deletes the removed one, in a copy of the source', async () => {
    const copy = tempDir('lists');
    await cp(SAMPLE_LISTS, copy, { recursive: true });
    const file = join(copy, 'lists', 'syria-2013.json');
    const list = JSON.parse(await readFile(file, 'utf8')) as { sections: { categories: { illustrations?: { n: number; caption?: string }[] }[] }[] };
    const cats = list.sections[0]?.categories ?? [];
    const edited = cats.flatMap((c) => c.illustrations ?? []).find((i) => i.caption);
    if (!edited) throw new Error('no illustration to edit');
    edited.caption = `${edited.caption}, said to come from Aleppo`;
    let removed: number | undefined;
    for (const c of cats) {
      const ills = c.illustrations ?? [];
      const idx = ills.findIndex((i) => i.n !== edited.n);
      if (idx >= 0 && ills.length > 1) {
        removed = ills[idx]?.n;
        ills.splice(idx, 1);
        break;
      }
    }
    await writeFile(file, JSON.stringify(list, null, 2));
    const report = await run(config, es, { path: copy });
    expect(report).toMatchObject({ indexed: 1, deleted: 1, unchanged: 517, rejected: 0 });
    const after = await es.get<{ record: CanonicalRecord }>({ index: names.objects, id: `syria-2013:${edited.n}` });
    expect(after._source?.record.source.text).toContain('Aleppo');
    expect(await es.exists({ index: names.objects, id: `syria-2013:${removed}` })).toBe(false);
    expect(report.lists).toMatchObject({ indexed: 1, unchanged: 16 });
    expect(report.datasetVersion).toBeDefined();
    expect(report.datasetVersion).not.toBe(first.datasetVersion);
    // Back to the original: one re-indexed, one re-created.
    const back = await run(config, es, { path: SAMPLE_LISTS });
    expect(back).toMatchObject({ indexed: 2, deleted: 0 });
    expect(back.datasetVersion).toBe(first.datasetVersion);
  });

  it('creates the aliases on start and loads the sample only into an empty index', async () => {
    const p2 = uniquePrefix('ingest-boot');
    const c2 = ingestConfig(p2, { LOAD_SAMPLE: 'true', SAMPLE_DIR: SAMPLE_LISTS });
    try {
      await prepareIndices(c2, es, quietLogger());
      const n2 = indexNames(p2);
      expect((await es.count({ index: n2.objects })).count).toBe(519);
      expect((await es.count({ index: n2.lists })).count).toBe(17);
      const version = await datasetVersion(es, n2.objects);
      await prepareIndices(c2, es, quietLogger());
      expect((await es.count({ index: n2.objects })).count).toBe(519);
      expect(await datasetVersion(es, n2.objects)).toBe(version);
    } finally {
      await dropIndices(es, p2);
    }
  });
});
