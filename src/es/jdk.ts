import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Elasticsearch 9 runs on a JDK >= 21; the minimal distribution bundles none. */
export const MIN_JDK = 21;

export interface Jdk {
  home: string;
  major: number;
}

/** Major version from a JDK's `release` file (JAVA_VERSION="25.0.3"), or undefined. */
export function jdkMajor(home: string): number | undefined {
  const release = join(home, 'release');
  if (!existsSync(release) || !existsSync(join(home, 'bin', 'java'))) return undefined;
  const m = /^JAVA_VERSION="(\d+)(?:\.(\d+))?/m.exec(readFileSync(release, 'utf8'));
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 ? Number(m[2]) : first;
}

/**
 * Finds a JDK >= 21: ES_JAVA_HOME, then JAVA_HOME, then the newest under /usr/lib/jvm. Throws an
 * error that says what to install when none fits.
 */
export function findJdk(candidates: { esJavaHome?: string | undefined; javaHome?: string | undefined }, jvmDir = '/usr/lib/jvm'): Jdk {
  const tried: string[] = [];
  const explicit = [candidates.esJavaHome, candidates.javaHome].filter((h): h is string => !!h);
  for (const home of explicit) {
    const major = jdkMajor(home);
    tried.push(`${home} (${major ?? 'not a JDK'})`);
    if (major !== undefined && major >= MIN_JDK) return { home, major };
  }
  const found: Jdk[] = [];
  if (existsSync(jvmDir)) {
    for (const name of readdirSync(jvmDir)) {
      const home = join(jvmDir, name);
      const major = jdkMajor(home);
      if (major === undefined) continue;
      tried.push(`${home} (${major})`);
      if (major >= MIN_JDK) found.push({ home, major });
    }
  }
  found.sort((a, b) => b.major - a.major);
  if (found[0]) return found[0];
  throw new Error(
    `No JDK >= ${MIN_JDK} found for Elasticsearch (tried: ${tried.join(', ') || 'nothing under ' + jvmDir}). ` +
      `Install one, e.g. 'apt-get install openjdk-21-jdk-headless' (or a Temurin 21+ JDK), ` +
      `or point ES_JAVA_HOME at it, or set ELASTICSEARCH_URL to use an existing cluster.`,
  );
}
