import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../ingest/report.js';
import { esUrl, testEs, uniquePrefix } from '../helpers/es.js';
import { dropIndices, tempDir } from '../fixtures/ingest/helpers.js';

/** `npm run ingest` as a user runs it: exit codes, report file, human summary. */

const es = testEs();
const prefix = uniquePrefix('ingest-cli');
const data = tempDir('cli-data');
const PROFILE = 'test/fixtures/ingest/photos/profile.json';

afterAll(async () => {
  await dropIndices(es, prefix);
  await es.close();
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'ingest/cli.ts', ...args], {
      env: { ...process.env, ELASTICSEARCH_URL: esUrl(), INDEX_PREFIX: prefix, DATA_DIR: data, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('ingest CLI', () => {
  it('exits 0 when every record was indexed, with a summary and the JSON report', async () => {
    const dir = tempDir('cli');
    const csv = join(dir, 'ok.csv');
    await writeFile(csv, 'inv,title,material,height\nC-1,Bowl,bronze,H. 12 cm\nC-2,Seal,steatite,2 x 3 cm\n');
    const reportFile = join(dir, 'report.json');
    const r = await cli([csv, '--profile', PROFILE, '--report', reportFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 read, 2 indexed, 0 unchanged, 0 rejected/);
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as IngestReport;
    expect(report).toMatchObject({ read: 2, indexed: 2, rejected: 0, deleted: 0, images: { processed: 0, failed: 0, missing: 0 } });
    expect(report.durationMs).toBeGreaterThan(0);
  });

  it('exits 2 when a record is rejected, and names it with its reason', async () => {
    const dir = tempDir('cli');
    const csv = join(dir, 'some-bad.csv');
    await writeFile(csv, 'inv,title\nD-1,Bowl\n,Nameless object\nD-3,Lamp\n');
    const r = await cli([csv, '--profile', PROFILE, '--source-name', 'cli-bad']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toMatch(/2 indexed.*1 rejected/);
    expect(r.stdout).toMatch(/rejected line 3: NORMALISE_FAILED: no id/);
    const file = /report: (.+\.json)/.exec(r.stdout)?.[1];
    expect(file?.startsWith(join(data, 'reports'))).toBe(true);
    const report = JSON.parse(await readFile(file as string, 'utf8')) as IngestReport;
    expect(report.records).toContainEqual(expect.objectContaining({ at: 'line 3', outcome: 'rejected' }));
  });

  it('sends a document Elasticsearch refuses to the dead letters, reports it and goes on', async () => {
    const dir = tempDir('cli');
    const csv = join(dir, 'refused.csv');
    // An inventory number longer than a keyword term may be (32766 bytes): valid for us, refused by Elasticsearch.
    await writeFile(csv, `inv,title
E-1,Bowl
E-2,${'Z'.repeat(40_000)}
E-3,Lamp
`);
    const profile = join(dir, 'profile.json');
    await writeFile(profile, JSON.stringify({ source: 'refused', id: 'inv', fields: [{ to: 'title', from: 'title' }, { to: 'holder.inventoryNumber', from: 'title' }] }));
    const r = await cli([csv, '--profile', profile]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toMatch(/2 indexed.*1 rejected/);
    expect(r.stdout).toMatch(/rejected refused:E-2: ES_REJECTED: 400/);
    const deadFile = /dead letters: (.+\.ndjson)/.exec(r.stdout)?.[1];
    expect(deadFile?.startsWith(join(data, 'dead-letters'))).toBe(true);
    const lines = (await readFile(deadFile as string, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { id: string; status: number; error: { type: string }; document: { id: string } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ id: 'refused:E-2', status: 400, document: { id: 'refused:E-2' } });
    expect(lines[0]?.error.type).toMatch(/exception/);
  });

  it('exits 1 when the run cannot happen (unreadable path, bad profile)', async () => {
    const missing = await cli(['test/fixtures/ingest/nothing-here.csv', '--profile', PROFILE]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read test\/fixtures\/ingest\/nothing-here\.csv/);
    const dir = tempDir('cli');
    const badProfile = join(dir, 'bad.json');
    await writeFile(badProfile, JSON.stringify({ source: 'x', id: 'inv', fields: [{ to: 'height', from: 'h' }] }));
    const bad = await cli(['test/fixtures/ingest/tabular/objects.csv', '--profile', badProfile]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/fields\[0\]\.to/);
  });
});
