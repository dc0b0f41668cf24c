import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('applies defaults and freezes the result', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.INDEX_PREFIX).toBe('redlist');
    expect(c.DATA_DIR).toBe('/srv/app/.data');
    expect(c.ELASTICSEARCH_URL).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('coerces typed values', () => {
    const c = loadConfig({ PORT: '8080', LOAD_SAMPLE: 'false', IMAGE_MAX_PIXELS: '1000', ELASTICSEARCH_URL: 'http://es:9200' });
    expect(c.PORT).toBe(8080);
    expect(c.LOAD_SAMPLE).toBe(false);
    expect(c.IMAGE_MAX_PIXELS).toBe(1000);
    expect(c.ELASTICSEARCH_URL).toBe('http://es:9200');
  });

  it('reports every bad key at once, by name', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', ELASTICSEARCH_URL: 'ftp://x', INDEX_PREFIX: 'Bad Prefix', LOG_LEVEL: 'loud', ELASTICSEARCH_HEAP: '4g' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).issues.map((i) => i.key).sort();
    expect(keys).toEqual(['ELASTICSEARCH_HEAP', 'ELASTICSEARCH_URL', 'INDEX_PREFIX', 'LOG_LEVEL', 'PORT']);
    expect((error as Error).message).toContain('PORT');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ ELASTICSEARCH_URL: '' }).ELASTICSEARCH_URL).toBeUndefined();
  });
});
