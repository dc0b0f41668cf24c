import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * One pino root for the process. JSON lines always (pretty printing is left to the reader's tools);
 * secrets redacted wherever they appear in a logged object.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'redlist-search' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'apiKey',
        'password',
        '*.apiKey',
        '*.password',
        'ELASTICSEARCH_API_KEY',
      ],
      censor: '[redacted]',
    },
  };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return destination ? pino(loggerOptions(level), destination as pino.DestinationStream) : pino(loggerOptions(level));
}

export type { Logger };
