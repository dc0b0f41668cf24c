import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { Es } from '../../src/es/client.js';
import { ingest } from '../../ingest/pipeline.js';
import { quietLogger, testConfig, testEs, uniquePrefix } from './es.js';
import { dropIndices } from './search-factory.js';

/**
 * The real product for browser tests: the sample Red Lists ingested through the ingest pipeline
 * into uniquely prefixed indices of the provided Elasticsearch, then `buildApp` listening on
 * 127.0.0.1 at a free port. The sample comes without images, so a few fixture photographs stand
 * in for some illustrations' pictures (the pipeline looks for them in `images/` beside `lists/`):
 * that gives the results thumbnails and the photo search something to find.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/images');

/** Illustration image name (as the sample lists give it) -> fixture photograph standing in for it. */
export const STAND_IN_IMAGES: Record<string, string> = {
  'iraq-2003-10.jpg': 'pdq_threatexchange/bridge-mods/aaa-orig.jpg',
  'iraq-2003-11.jpg': 'image_match_monalisa/MonaLisa_Wikipedia.jpg',
  'iraq-2003-13.jpg': 'pdq_threatexchange/reg-test-input/labelme-subset/q0122.jpg',
  'iraq-2015-10.jpg': 'image_match_monalisa/Caravaggio_Wikipedia.jpg',
  'iraq-2015-13.jpg': 'pdq_threatexchange/reg-test-input/labelme-subset/q0291.jpg',
  'syria-2013-28.jpg': 'sharp_exif_orientation/Landscape_1.jpg',
};

/** The record whose stand-in picture the photo test looks for, and a rotated copy to look with. */
export const PHOTO_TARGET = { id: 'iraq-2003:10', query: join(FIXTURES, 'pdq_threatexchange/reg-test-input/dih/bridge-2-rotate-90.jpg') };

export interface WebApp {
  url: string;
  app: FastifyInstance;
  es: Es;
  config: Config;
  close(): Promise<void>;
}

export async function startWebApp(name: string): Promise<WebApp> {
  const es = testEs();
  const prefix = uniquePrefix(`web-${name}`);
  const work = mkdtempSync(join(tmpdir(), `redlist-web-${name}-`));
  const source = join(work, 'redlists');
  cpSync(join(ROOT, 'ingest/sample/redlists/lists'), join(source, 'lists'), { recursive: true });
  mkdirSync(join(source, 'images'));
  for (const [target, fixture] of Object.entries(STAND_IN_IMAGES)) copyFileSync(join(FIXTURES, fixture), join(source, 'images', target));

  const config = testConfig(prefix, { DATA_DIR: join(work, 'data') });
  const log = quietLogger();
  await ingest(config, es, log, { path: join(source, 'lists'), full: true });
  const app = await buildApp(config, { es, logger: log, search: { versionTtlMs: 0 }, bulk: { pollMs: 100 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    es,
    config,
    close: async () => {
      await app.close();
      await dropIndices(es, prefix);
      await es.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
