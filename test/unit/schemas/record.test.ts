import { describe, expect, it } from 'vitest';
import { CanonicalRecord } from '../../../src/schemas/record.js';
import { emptyRecord } from '../../../ingest/normalise/record-base.js';

const source = { name: 'museum', file: 'inventory.csv' };

describe('CanonicalRecord id', () => {
  it('accepts ids up to the 512 bytes an index id holds, counted in UTF-8', () => {
    expect(CanonicalRecord.safeParse(emptyRecord(`museum:${'x'.repeat(505)}`, 'inventory', source)).success).toBe(true);
    expect(CanonicalRecord.safeParse(emptyRecord(`museum:${'é'.repeat(252)}`, 'inventory', source)).success).toBe(true);
  });

  it('refuses a longer id with a reason naming the limit (the record is reported, not lost)', () => {
    for (const id of [`museum:${'x'.repeat(506)}`, `museum:${'é'.repeat(253)}`]) {
      const r = CanonicalRecord.safeParse(emptyRecord(id, 'inventory', source));
      expect(r.success).toBe(false);
      expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['id'], message: expect.stringMatching(/512 bytes/) })]);
    }
  });
});
