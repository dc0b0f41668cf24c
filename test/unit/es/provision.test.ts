import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { findJdk, jdkMajor } from '../../../src/es/jdk.js';
import { provision, type ProvisionDeps, type Provisioned } from '../../../src/es/provision.js';
import { createLogger } from '../../../src/logger.js';

const log = createLogger('silent');
const fake = (source: Provisioned['source']): Provisioned => ({ url: `http://${source}`, source, version: '9.4.3', started: false, release: async () => {} });

function deps(docker: boolean, calls: string[]): ProvisionDeps {
  return {
    dockerAvailable: async () => docker,
    checkUrl: async (url) => {
      calls.push(`url:${url}`);
      return '9.4.3';
    },
    viaDocker: async (_c, purpose) => {
      calls.push(`docker:${purpose}`);
      return fake('docker');
    },
    viaManaged: async () => {
      calls.push('managed');
      return fake('managed');
    },
  };
}

describe('provision chooses in order: URL, Docker, managed node', () => {
  it('uses ELASTICSEARCH_URL when set, even with Docker', async () => {
    const calls: string[] = [];
    const p = await provision(loadConfig({ ELASTICSEARCH_URL: 'http://es.example:9200' }), 'test', log, deps(true, calls));
    expect(p.source).toBe('url');
    expect(calls).toEqual(['url:http://es.example:9200']);
  });

  it('uses Docker when an engine answers', async () => {
    const calls: string[] = [];
    expect((await provision(loadConfig({}), 'start', log, deps(true, calls))).source).toBe('docker');
    expect(calls).toEqual(['docker:start']);
  });

  it('falls back to the managed node without Docker, or when Docker is disabled', async () => {
    const calls: string[] = [];
    expect((await provision(loadConfig({}), 'test', log, deps(false, calls))).source).toBe('managed');
    expect((await provision(loadConfig({ ELASTICSEARCH_NO_DOCKER: 'true' }), 'test', log, deps(true, calls))).source).toBe('managed');
    expect(calls).toEqual(['managed', 'managed']);
  });
});

function fakeJdk(root: string, name: string, version: string): string {
  const home = join(root, name);
  mkdirSync(join(home, 'bin'), { recursive: true });
  writeFileSync(join(home, 'bin', 'java'), '');
  writeFileSync(join(home, 'release'), `IMPLEMENTOR="x"\nJAVA_VERSION="${version}"\n`);
  return home;
}

describe('findJdk', () => {
  it('prefers ES_JAVA_HOME, then JAVA_HOME, then the newest JDK >= 21 under the JVM folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'jvm-'));
    const j17 = fakeJdk(root, 'java-17', '17.0.15');
    const j21 = fakeJdk(root, 'java-21', '21.0.2');
    fakeJdk(root, 'temurin-25', '25.0.3');
    expect(jdkMajor(j17)).toBe(17);
    expect(findJdk({ esJavaHome: j21 }, root).home).toBe(j21);
    expect(findJdk({ javaHome: j17 }, root).major).toBe(25);
    expect(findJdk({}, root).major).toBe(25);
  });

  it('says exactly what to install when no JDK fits', () => {
    const root = mkdtempSync(join(tmpdir(), 'jvm-'));
    fakeJdk(root, 'java-17', '17.0.15');
    expect(() => findJdk({}, root)).toThrow(/No JDK >= 21 .*apt-get install openjdk-21-jdk-headless/);
  });
});
