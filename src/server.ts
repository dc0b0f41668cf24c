import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';

/**
 * The thin shell: listen, and on SIGINT/SIGTERM stop accepting, finish in-flight requests within
 * the grace period, then run `onClose` (e.g. stop the Elasticsearch node we started).
 */
export async function serve(app: FastifyInstance, config: Config, onClose: () => Promise<void> = async () => {}): Promise<string> {
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('graceful shutdown timed out');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_S * 1000 + 35_000);
    timer.unref();
    app
      .close()
      .then(onClose)
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  // `on`, not `once`: Ctrl-C reaches this process twice (from the terminal's process group and
  // relayed by the tsx/npm wrappers); a second signal must not kill it mid-shutdown.
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  return address;
}
