import { describe, expect, it } from 'vitest';
import { memoiseParsers } from '../../../../ingest/normalise/memo.js';
import type { Parsers } from '../../../../ingest/normalise/parser-types.js';
import { defaultParsers, runParsers } from '../../../../ingest/normalise/parsers.js';

/** Parsers that count their calls and answer from their arguments. */
function counting(): { parsers: Parsers; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const parsers: Parsers = {
    ...defaultParsers,
    date: (text, lang, regions) => {
      count('date');
      return { value: { earliest: text.length, periods: [{ key: `${lang}|${(regions ?? []).join('+')}`, label: { en: text } }], source: text }, warnings: [] };
    },
    materials: (text, lang) => {
      count('materials');
      return [{ key: `${text}/${lang ?? ''}`, label: { en: text } }];
    },
  };
  return { parsers, calls };
}

describe('memoiseParsers', () => {
  it('parses a text once and answers repeats from memory', () => {
    const { parsers, calls } = counting();
    const p = memoiseParsers(parsers);
    const a = p.date('ca. 1500', 'en');
    const b = p.date('ca. 1500', 'en');
    expect(b).toBe(a);
    expect(calls.date).toBe(1);
  });

  it('keeps answers apart when any argument differs (language, regions)', () => {
    const { parsers, calls } = counting();
    const p = memoiseParsers(parsers);
    expect(p.date('x', 'en').value.periods[0]?.key).toBe('en|');
    expect(p.date('x', 'fr').value.periods[0]?.key).toBe('fr|');
    expect(p.date('x', 'fr', ['SY', 'IQ']).value.periods[0]?.key).toBe('fr|SY+IQ');
    expect(p.materials('or', 'fr')[0]?.key).toBe('or/fr');
    expect(p.materials('or')[0]?.key).toBe('or/');
    expect(calls).toEqual({ date: 3, materials: 2 });
  });

  it('freezes shared answers deeply, so no caller can change them for other records', () => {
    const p = memoiseParsers(counting().parsers);
    const r = p.date('1500', 'en');
    expect(() => r.value.periods.push({ key: 'k', label: { en: 'k' } })).toThrow(TypeError);
    expect(() => {
      (r.value.periods[0] as { key: string }).key = 'changed';
    }).toThrow(TypeError);
    expect(p.date('1500', 'en').value.periods).toHaveLength(1);
  });

  it('stays bounded: a full memory is dropped and refilled', () => {
    const { parsers, calls } = counting();
    const p = memoiseParsers(parsers, 2);
    p.date('a', 'en');
    p.date('b', 'en');
    p.date('c', 'en'); // memory full: dropped, then holds c
    p.date('a', 'en');
    expect(calls.date).toBe(4);
  });

  it('gives an ingest run memoised domain parsers with the unmemoised answers, fresh for each run', () => {
    const text = 'H: 9 7/16 in. (24 cm)';
    const run = runParsers().parsers;
    expect(run.measurements(text)).toBe(run.measurements(text));
    expect(run.measurements(text)).toEqual(defaultParsers.measurements(text));
    expect(run.measurements(text).value.dimensions).toEqual([{ dimension: 'height', mm: 240, source: expect.any(String) as string }]);
    expect(runParsers().parsers.measurements(text)).not.toBe(run.measurements(text));
  });
});
