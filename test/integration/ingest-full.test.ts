import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexNames } from '../../src/config.js';
import { aliasTargets } from '../../ingest/sink/indices.js';
import { datasetVersion } from '../../ingest/sink/meta.js';
import { defaultParsers, documentDeps } from '../../ingest/normalise/parsers.js';
import { testEs, uniquePrefix } from '../helpers/es.js';
import { dropIndices, ingestConfig, run, SAMPLE_LISTS, tempDir } from '../fixtures/ingest/helpers.js';

/** `--full`: a new index behind the alias, swapped atomically while searches keep running. */

const es = testEs();
const prefix = uniquePrefix('ingest-full');
const config = ingestConfig(prefix);
const names = indexNames(prefix);
let inventory: string;

beforeAll(async () => {
  inventory = join(tempDir('full'), 'inventory.csv');
  await writeFile(inventory, 'inv,title,material\nX-1,Bowl,bronze\nX-2,Seal,steatite\n');
  await run(config, es, { path: SAMPLE_LISTS });
  await run(config, es, { path: inventory, profile: 'test/fixtures/ingest/photos/profile.json', sourceName: 'inventory' });
}, 300_000);

afterAll(async () => {
  await dropIndices(es, prefix);
  await es.close();
});

describe('full rebuild', () => {
  it('never shows a failing or empty index to searches while the alias moves', async () => {
    const before = await aliasTargets(es, names.objects);
    expect(before).toHaveLength(1);
    let stop = false;
    const seen: number[] = [];
    const failures: string[] = [];
    const searches = (async () => {
      while (!stop) {
        try {
          const r = await es.search({ index: names.objects, size: 0, track_total_hits: true, query: { match_all: {} } });
          seen.push((r.hits.total as { value: number }).value);
        } catch (err) {
          failures.push((err as Error).message);
        }
      }
    })();
    try {
      const report = await run(config, es, { path: SAMPLE_LISTS, full: true });
      expect(report).toMatchObject({ mode: 'full', indexed: 519, carried: 2, rejected: 0 });
      const second = await run(config, es, { path: SAMPLE_LISTS, full: true });
      expect(second.indexed).toBe(519);
    } finally {
      stop = true;
      await searches;
    }
    expect(failures).toEqual([]);
    expect(seen.length).toBeGreaterThan(10);
    expect(Math.min(...seen)).toBe(521);
    const after = await aliasTargets(es, names.objects);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    const indices = Object.keys(await es.indices.get({ index: `${names.objects}-v*` }));
    expect(indices).toEqual(after);
  });

  it('keeps the other sources, the lists and the same dataset version for the same content', async () => {
    const version = await datasetVersion(es, names.objects);
    const count = async (q: Record<string, unknown>) => (await es.count({ index: names.objects, query: q })).count;
    expect(await count({ term: { source_name: 'inventory' } })).toBe(2);
    expect(await count({ term: { source_name: 'redlists' } })).toBe(519);
    expect((await es.count({ index: names.lists })).count).toBe(17);
    const full = await run(config, es, { path: SAMPLE_LISTS, full: true });
    expect(full.datasetVersion).toBe(version);
    const incremental = await run(config, es, { path: SAMPLE_LISTS });
    expect(incremental).toMatchObject({ indexed: 0, unchanged: 519 });
  });

  it('reports a record that fails validation with the reason, and indexes the others', async () => {
    const csv = join(tempDir('invalid'), 'invalid.csv');
    await writeFile(csv, 'inv,title,country\nV-1,Bowl,Syria\nV-2,Seal,Atlantis\n');
    // A gazetteer answering a name instead of an ISO code for one place: the record schema refuses it.
    const parsers = { ...defaultParsers, countries: (t: string) => (t === 'Atlantis' ? ['Atlantis'] : defaultParsers.countries(t)) };
    const report = await run(config, es, { path: csv, profile: 'test/fixtures/ingest/photos/profile.json', sourceName: 'invalid', parsers, documentDeps });
    expect(report).toMatchObject({ read: 2, indexed: 1, rejected: 1 });
    expect(report.records.find((r) => r.id === 'invalid:V-2')).toMatchObject({ outcome: 'rejected', reasons: [expect.stringMatching(/^INVALID_RECORD \(places\.countries\.0\)/)] });
    expect(await es.exists({ index: names.objects, id: 'invalid:V-2' })).toBe(false);
    // The same source, now empty: its record is deleted.
    await writeFile(csv, 'inv,title,country\n');
    expect(await run(config, es, { path: csv, profile: 'test/fixtures/ingest/photos/profile.json', sourceName: 'invalid' })).toMatchObject({ read: 0, deleted: 1 });
  });

  it('leaves the alias on the old index when a full build fails', async () => {
    const before = await aliasTargets(es, names.objects);
    await expect(run(config, es, { path: 'test/fixtures/ingest/no-such-folder', full: true })).rejects.toThrow(/cannot read/);
    expect(await aliasTargets(es, names.objects)).toEqual(before);
    expect((await es.count({ index: names.objects })).count).toBe(521);
  });
});
