import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexNames } from '../../src/config.js';
import { ingest } from '../../ingest/pipeline.js';
import { indexDefinition } from '../../ingest/sink/indices.js';
import { quietLogger, testConfig, testEs, uniquePrefix } from '../helpers/es.js';
import { dropIndices } from '../helpers/search-factory.js';

/**
 * An index built by an earlier version lacks the fields the mapping has gained since; an
 * incremental run adds them to it instead of having every document refused by the strict mapping.
 */
const es = testEs();
const prefix = uniquePrefix('ingest-upgrade');
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ingest-upgrade-'));
});

afterAll(async () => {
  await dropIndices(es, prefix);
  await rm(dataDir, { recursive: true, force: true });
});

describe('an incremental run into an index made from an older mapping', () => {
  it('adds the new fields to the index and indexes every record', async () => {
    const config = testConfig(prefix, { DATA_DIR: dataDir });
    const alias = indexNames(prefix).objects;
    const def = indexDefinition('objects');
    const { origin_countries: _dropped, ...older } = def.mappings.properties ?? {};
    expect(_dropped).toBeDefined();
    await es.indices.create({ index: `${alias}-v1`, settings: def.settings, mappings: { ...def.mappings, properties: older }, aliases: { [alias]: {} } });

    const report = await ingest(config, es, quietLogger(), { path: join(config.SAMPLE_DIR, 'lists', 'syria-2013.json') });
    expect(report.rejected).toBe(0);
    expect(report.indexed).toBe(report.read);
    expect(report.read).toBeGreaterThan(20);
    const mapping = await es.indices.getMapping({ index: `${alias}-v1` });
    expect(mapping[`${alias}-v1`]?.mappings.properties?.origin_countries).toEqual({ type: 'keyword' });
  });
});
