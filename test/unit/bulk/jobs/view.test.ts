import { describe, expect, it } from 'vitest';
import { emptyCounts, type JobDoc } from '../../../../src/bulk/jobs/store.js';
import { jobView } from '../../../../src/bulk/jobs/view.js';

const job = (over: Partial<JobDoc> = {}): JobDoc => ({
  id: 'j1',
  status: 'running',
  kind: 'csv',
  k: 3,
  lang: 'en',
  mapping: {},
  bytes: 100,
  rows_total: 10,
  rows_done: 4,
  rows_processed: 4,
  processing_ms: 1000,
  counts: emptyCounts(),
  errors_sample: [],
  failures: 0,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
  ...over,
});

describe('jobView', () => {
  it('names the dataset version the rows were checked against', () => {
    const v = jobView(job({ dataset_versions: ['v1'] }));
    expect(v.dataset_version).toBe('v1');
    expect(v.dataset_versions).toEqual(['v1']);
  });
  it('lists every version when the data was reloaded during the job, the latest as dataset_version', () => {
    const v = jobView(job({ dataset_versions: ['v1', 'v2'] }));
    expect(v.dataset_version).toBe('v2');
    expect(v.dataset_versions).toEqual(['v1', 'v2']);
  });
  it('has no version before any row was checked', () => {
    const v = jobView(job({ status: 'queued', rows_done: 0 }));
    expect(v.dataset_version).toBeNull();
    expect(v.dataset_versions).toEqual([]);
  });
});
