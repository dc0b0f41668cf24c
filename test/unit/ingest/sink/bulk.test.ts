import { describe, expect, it } from 'vitest';
import { opOfDrop } from '../../../../ingest/sink/bulk.js';

describe('opOfDrop', () => {
  it('rebuilds an index operation whose body is the same JSON as the one sent', () => {
    const sent = JSON.stringify({ id: 'walters:W.1', title: 'Bust «Æthelred» — 1/2', n: [1.5, -0, 1e21, 0.1], nested: { a: null, b: ['x'] }, emoji: '𓀀' });
    const op = opOfDrop({ index: { _id: 'walters:W.1' } }, JSON.parse(sent));
    expect(op).toEqual({ op: 'index', id: 'walters:W.1', body: sent });
  });

  it('keeps the byte-identical body for documents as the pipeline serialises them', () => {
    const doc = { id: 'syria-2013:7', search: { title: 'statuett statuette' }, record: { title: { en: 'Statuette', ar: 'تمثال' }, measurements: [{ mm: 240 }] } };
    const sent = JSON.stringify(doc);
    const op = opOfDrop({ index: { _id: doc.id } }, JSON.parse(sent));
    expect(op.op === 'index' && op.body).toBe(sent);
  });

  it('rebuilds a delete operation from its action', () => {
    expect(opOfDrop({ delete: { _id: 'walters:W.2' } }, null)).toEqual({ op: 'delete', id: 'walters:W.2' });
  });

  it('names no id when the action has none', () => {
    expect(opOfDrop({ index: {} }, {})).toEqual({ op: 'index', id: '', body: '{}' });
  });
});
