import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../logger.js';

const run = promisify(execFile);

const DIST = JSON.parse(
  readFileSync(new URL('./distribution.json', import.meta.url), 'utf8'),
) as { groupId: string; artifactId: string; sha512: Record<string, string> };

/**
 * The minimal Elasticsearch distribution from Maven Central, fetched with Maven into the cache
 * folder once. Maven Central publishes no checksum files for this artifact, so the SHA-512 of each
 * supported version is pinned in distribution.json and checked after every download; a verified
 * download is marked and never fetched again.
 */
export async function ensureDistribution(cacheDir: string, version: string, log: Logger): Promise<string> {
  const root = join(cacheDir, 'elasticsearch');
  const home = join(root, `elasticsearch-${version}`);
  if (existsSync(join(home, 'bin', 'elasticsearch'))) return home;

  const zip = await fetchZip(root, version, log);
  const staging = join(root, `.unpack-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log.info({ zip }, 'unpacking Elasticsearch');
  await run('unzip', ['-q', zip, '-d', staging]).catch((err: Error) => {
    throw new Error(`could not unpack ${zip} (is 'unzip' installed? apt-get install unzip): ${err.message}`);
  });
  rmSync(home, { recursive: true, force: true });
  renameSync(join(staging, `elasticsearch-${version}`), home);
  rmSync(staging, { recursive: true, force: true });
  return home;
}

async function fetchZip(root: string, version: string, log: Logger): Promise<string> {
  const repo = join(root, 'm2');
  const zip = join(repo, ...DIST.groupId.split('.'), DIST.artifactId, version, `${DIST.artifactId}-${version}.zip`);
  const marker = `${zip}.verified`;
  if (existsSync(zip) && existsSync(marker)) return zip;

  if (!existsSync(zip)) {
    log.info({ version }, 'downloading Elasticsearch from Maven Central (once)');
    const artifact = `${DIST.groupId}:${DIST.artifactId}:${version}:zip`;
    try {
      await run(
        'mvn',
        ['-q', '-B', `-Dmaven.repo.local=${repo}`, 'dependency:get', `-Dartifact=${artifact}`, '-Dtransitive=false'],
        { maxBuffer: 16 * 1024 * 1024 },
      );
    } catch (err) {
      const e = err as Error & { stdout?: string; code?: string };
      if (e.code === 'ENOENT') throw new Error("Maven ('mvn') is needed to fetch Elasticsearch: apt-get install maven");
      throw new Error(`Maven could not fetch ${artifact}: ${(e.stdout ?? e.message).slice(-800)}`);
    }
  }
  const actual = await sha512(zip);
  const pinned = DIST.sha512[version];
  if (pinned && actual !== pinned) {
    rmSync(zip, { force: true });
    throw new Error(`checksum mismatch for Elasticsearch ${version}: expected ${pinned}, got ${actual}; the download was removed`);
  }
  if (!pinned) log.warn({ version, sha512: actual }, 'no pinned checksum for this version: the download is used unverified');
  writeFileSync(marker, actual + '\n');
  return zip;
}

function sha512(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha512');
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}
