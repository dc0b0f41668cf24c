import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexNames } from '../../src/config.js';
import type { CanonicalRecord } from '../../src/schemas/record.js';
import type { IngestReport } from '../../ingest/report.js';
import { testEs, uniquePrefix } from '../helpers/es.js';
import { dropIndices, ingestConfig, run, tempDir, WALTERS, WALTERS_PROFILE } from '../fixtures/ingest/helpers.js';

/** The Walters inventory (15,252 museum records) through the shipped mapping profile. */

const es = testEs();
const prefix = uniquePrefix('ingest-walters');
const config = ingestConfig(prefix);
const names = indexNames(prefix);
const ORIGIN = new Set(['Place of Origin', 'Place of Discovery', 'Place of Binding', 'Source of Materials', '(Not Assigned)']);

interface Row {
  ObjectNumber: string;
  Title?: string;
  Geographies?: { GeoType: string }[] | null;
}

const rows: string[] = [];
let report: IngestReport;

beforeAll(async () => {
  const lines = createInterface({ input: createReadStream(WALTERS).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) rows.push(line);
  report = await run(config, es, { path: WALTERS, profile: WALTERS_PROFILE });
}, 600_000);

afterAll(async () => {
  await dropIndices(es, prefix);
  await es.close();
});

describe('ingest of the Walters inventory', () => {
  it('imports all 15,252 records as kind inventory with the walters: prefix', async () => {
    expect(rows).toHaveLength(15_252);
    expect(report).toMatchObject({ read: 15_252, indexed: 15_252, rejected: 0 });
    expect((await es.count({ index: names.objects })).count).toBe(15_252);
    const doc = await es.get<{ record: CanonicalRecord; kind: string }>({ index: names.objects, id: 'walters:W.569.4A' });
    expect(doc._source?.kind).toBe('inventory');
    expect(doc._source?.record).toMatchObject({
      holder: { institution: 'Walters Art Museum', inventoryNumber: 'W.569.4A' },
      title: { en: "Leaf from Qur'an" },
      date: { earliest: 1601, latest: 1700 },
      places: { countries: ['IR'] },
    });
    expect(doc._source?.record.measurements.dimensions.find((d) => d.dimension === 'height')?.mm).toBe(385);
  });

  it('sets country codes for at least 90% of the records that have a place of origin', async () => {
    const withPlace = rows.map((l) => JSON.parse(l) as Row).filter((r) => (r.Geographies ?? []).some((g) => ORIGIN.has(g.GeoType)));
    const ids = new Set(withPlace.map((r) => `walters:${r.ObjectNumber}`));
    let coded = 0;
    let after: unknown[] | undefined;
    for (;;) {
      const res = await es.search({ index: names.objects, size: 5000, _source: false, docvalue_fields: ['id'], query: { exists: { field: 'countries' } }, sort: [{ id: 'asc' }], ...(after ? { search_after: after as never } : {}) });
      for (const h of res.hits.hits) if (ids.has(String((h.fields as { id: string[] }).id[0]))) coded++;
      if (res.hits.hits.length < 5000) break;
      after = res.hits.hits.at(-1)?.sort as unknown[];
    }
    const share = coded / withPlace.length;
    console.log(`Walters records with a place: ${withPlace.length}, with a country code: ${coded} (${(share * 100).toFixed(1)}%)`);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps what it cannot read as warnings, counted in the report', () => {
    expect(report.warnings).toBeGreaterThan(0);
    expect(Object.values(report.warningCodes).reduce((a, b) => a + b, 0)).toBe(report.warnings);
    expect(report.records.filter((r) => r.outcome === 'indexed').every((r) => r.reasons.length > 0)).toBe(true);
  });

  it('re-indexes exactly the edited row and deletes the removed one, in a copy of the source', async () => {
    const dir = tempDir('walters');
    const file = join(dir, 'walters_objects_2015.jsonl');
    const slice = rows.slice(0, 300);
    const p2 = uniquePrefix('ingest-walters-copy');
    const c2 = ingestConfig(p2);
    try {
      await writeFile(file, slice.join('\n') + '\n');
      const base = await run(c2, es, { path: file, profile: WALTERS_PROFILE });
      expect(base).toMatchObject({ read: 300, indexed: 300 });
      const same = await run(c2, es, { path: file, profile: WALTERS_PROFILE });
      expect(same).toMatchObject({ indexed: 0, unchanged: 300, deleted: 0 });
      const edited = JSON.parse(slice[10] as string) as Row;
      edited.Title = `${edited.Title ?? ''} (re-catalogued)`;
      const removed = JSON.parse(slice[20] as string) as Row;
      const changed = slice.map((l, i) => (i === 10 ? JSON.stringify(edited) : l)).filter((_, i) => i !== 20);
      await writeFile(file, changed.join('\n') + '\n');
      const again = await run(c2, es, { path: file, profile: WALTERS_PROFILE });
      expect(again).toMatchObject({ read: 299, indexed: 1, unchanged: 298, deleted: 1, rejected: 0 });
      const doc = await es.get<{ record: CanonicalRecord }>({ index: indexNames(p2).objects, id: `walters:${edited.ObjectNumber}` });
      expect(doc._source?.record.title.en).toContain('(re-catalogued)');
      expect(await es.exists({ index: indexNames(p2).objects, id: `walters:${removed.ObjectNumber}` })).toBe(false);
    } finally {
      await dropIndices(es, p2);
    }
  });
});
