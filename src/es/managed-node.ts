import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../logger.js';
import { createEs, waitForHealthy, type EsHealth } from './client.js';
import { ensureDistribution } from './distribution.js';
import { findJdk } from './jdk.js';

/**
 * A local single-node Elasticsearch from the minimal distribution, run from the cache folder.
 * State (pid, url, logs) lives in `<cache>/elasticsearch/node.json`, so a second start reuses a
 * healthy node, restarts a dead one and never starts two on one data folder.
 */

export const ES_USER = 'redlist-es';

export interface NodeSettings {
  cacheDir: string;
  version: string;
  port: number;
  heap: string;
  esJavaHome?: string | undefined;
  javaHome?: string | undefined;
}

export interface NodeState {
  pid: number;
  url: string;
  version: string;
  logs: string;
  dataDir: string;
  startedAt: string;
}

export const nodePaths = (cacheDir: string) => {
  const root = join(cacheDir, 'elasticsearch');
  return {
    root,
    state: join(root, 'node.json'),
    lock: join(root, 'node.lock'),
    data: join(root, 'data'),
    logs: join(root, 'logs'),
    tmp: join(root, 'tmp'),
    stdout: join(root, 'logs', 'stdout.log'),
  };
};

export function readState(cacheDir: string): NodeState | undefined {
  const { state } = nodePaths(cacheDir);
  if (!existsSync(state)) return undefined;
  try {
    return JSON.parse(readFileSync(state, 'utf8')) as NodeState;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Healthy node recorded in the state file, or undefined (a dead one's state is cleared). */
export async function runningNode(cacheDir: string): Promise<{ state: NodeState; health: EsHealth } | undefined> {
  const state = readState(cacheDir);
  if (!state) return undefined;
  if (!isAlive(state.pid)) {
    rmSync(nodePaths(cacheDir).state, { force: true });
    return undefined;
  }
  try {
    const health = await waitForHealthy(createEs({ url: state.url, maxRetries: 0 }), 90_000);
    return { state, health };
  } catch {
    return undefined;
  }
}

/** Starts the node (detached, in its own process group) unless a healthy one is recorded. */
export async function startNode(s: NodeSettings, log: Logger): Promise<{ state: NodeState; health: EsHealth; started: boolean }> {
  const paths = nodePaths(s.cacheDir);
  mkdirSync(paths.root, { recursive: true });
  const lockFd = acquireLock(paths.lock);
  try {
    const existing = await runningNode(s.cacheDir);
    if (existing) return { ...existing, started: false };
    const stale = readState(s.cacheDir);
    if (stale && isAlive(stale.pid)) {
      log.warn({ pid: stale.pid }, 'recorded Elasticsearch process is alive but unhealthy: stopping it');
      await stopPid(stale.pid);
    }

    const jdk = findJdk({ esJavaHome: s.esJavaHome, javaHome: s.javaHome });
    const home = await ensureDistribution(s.cacheDir, s.version, log);
    for (const d of [paths.data, paths.logs, paths.tmp]) mkdirSync(d, { recursive: true });
    writeFileSync(join(home, 'config', 'elasticsearch.yml'), nodeYaml(s.port, paths));
    const ids = process.getuid?.() === 0 ? ensureUser([home, paths.data, paths.logs, paths.tmp]) : undefined;

    const out = openSync(paths.stdout, 'a');
    const child = spawn(join(home, 'bin', 'elasticsearch'), [], {
      cwd: home,
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        PATH: '/usr/local/bin:/usr/bin:/bin',
        ES_JAVA_HOME: jdk.home,
        ES_TMPDIR: paths.tmp,
        ES_JAVA_OPTS: `-Xms${s.heap} -Xmx${s.heap}`,
      },
      ...(ids ?? {}),
    });
    closeSync(out);
    child.unref();
    if (!child.pid) throw new Error('could not spawn Elasticsearch');
    const state: NodeState = {
      pid: child.pid,
      url: `http://127.0.0.1:${s.port}`,
      version: s.version,
      logs: paths.logs,
      dataDir: paths.data,
      startedAt: new Date().toISOString(),
    };
    writeFileSync(paths.state, JSON.stringify(state, null, 2));
    log.info({ pid: child.pid, jdk: jdk.home, url: state.url, logs: paths.logs }, 'starting Elasticsearch');
    try {
      const health = await waitForHealthy(createEs({ url: state.url, maxRetries: 0 }), 180_000);
      return { state, health, started: true };
    } catch (err) {
      await stopPid(child.pid);
      rmSync(paths.state, { force: true });
      const tail = existsSync(paths.stdout) ? readFileSync(paths.stdout, 'utf8').slice(-2000) : '';
      throw new Error(`${(err as Error).message}\nlast output (${paths.stdout}):\n${tail}`);
    }
  } finally {
    closeSync(lockFd);
    rmSync(paths.lock, { force: true });
  }
}

/** Stops the recorded node, if any; returns its state. */
export async function stopNode(cacheDir: string): Promise<NodeState | undefined> {
  const state = readState(cacheDir);
  if (!state) return undefined;
  if (isAlive(state.pid)) await stopPid(state.pid);
  rmSync(nodePaths(cacheDir).state, { force: true });
  return state;
}

/** SIGTERM to the node's process group, SIGKILL after 30 s. */
export async function stopPid(pid: number): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(pid)) signal('SIGKILL');
}

function nodeYaml(port: number, paths: ReturnType<typeof nodePaths>): string {
  return [
    'cluster.name: redlist-local',
    'node.name: redlist-local-1',
    'discovery.type: single-node',
    'xpack.security.enabled: false',
    'network.host: 127.0.0.1',
    `http.port: ${port}`,
    'transport.port: 9350-9399',
    `path.data: ${paths.data}`,
    `path.logs: ${paths.logs}`,
    // A shared dev disk can be fuller than ES's default watermarks; never block writes for it.
    'cluster.routing.allocation.disk.threshold_enabled: false',
    'action.destructive_requires_name: false',
    '',
  ].join('\n');
}

/** Exclusive lock so two concurrent starts never race on one data folder. */
function acquireLock(file: string): number {
  for (let i = 0; i < 2; i++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      return fd;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && isAlive(holder) && holder !== process.pid) {
        throw new Error(`another process (pid ${holder}) is starting Elasticsearch in ${dirname(file)}`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${file}`);
}

/**
 * Elasticsearch refuses to run as root: create an unprivileged system user and give it the node's
 * folders. Every parent folder must be traversable by that user.
 */
function ensureUser(dirs: string[]): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, ES_USER], { encoding: 'utf8' }).trim());
  try {
    id('-u');
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', ES_USER]);
  }
  const ids = { uid: id('-u'), gid: id('-g') };
  for (const d of dirs) {
    execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, d]);
    for (let p = dirname(d); p !== '/'; p = dirname(p)) {
      if ((statSync(p).mode & 0o001) === 0) {
        throw new Error(`${p} is not traversable by the '${ES_USER}' user; run: chmod o+x ${p}`);
      }
    }
  }
  return ids;
}
