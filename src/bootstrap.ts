import { existsSync } from 'node:fs';
import { indexNames, type Config } from './config.js';
import type { Es } from './es/client.js';
import type { Logger } from './logger.js';
import { ingest } from '../ingest/pipeline.js';
import { ensureAlias } from '../ingest/sink/indices.js';

/**
 * Start-up work shared by `npm start` and the API container: make sure the objects and lists
 * aliases exist (each over a versioned index built from `mappings/`), and, when `LOAD_SAMPLE` is on
 * and the objects index is empty, load the sample Red Lists from `SAMPLE_DIR`.
 */
export async function prepareIndices(config: Config, es: Es, log: Logger): Promise<void> {
  const names = indexNames(config.INDEX_PREFIX);
  const objects = await ensureAlias(es, names.objects, 'objects');
  const lists = await ensureAlias(es, names.lists, 'lists');
  log.debug({ objects, lists }, 'indices ready');
  if (!config.LOAD_SAMPLE) return;
  const { count } = await es.count({ index: names.objects });
  if (count > 0) return;
  const dir = config.SAMPLE_DIR;
  if (!existsSync(dir)) {
    log.warn({ dir }, 'LOAD_SAMPLE is on but the sample folder does not exist');
    return;
  }
  log.info({ dir }, 'objects index is empty: loading the sample Red Lists');
  const report = await ingest(config, es, log, { path: dir });
  log.info(
    { read: report.read, indexed: report.indexed, rejected: report.rejected, warnings: report.warnings, lists: report.lists.indexed, durationMs: report.durationMs },
    'sample Red Lists loaded',
  );
}
