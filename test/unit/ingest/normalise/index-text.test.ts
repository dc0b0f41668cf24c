import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stem, tokens } from '../../../../src/domain/fold.js';
import { createIndexText, indexText } from '../../../../ingest/normalise/index-text.js';

/** The reference definition: every folded token in order, then once each stem that differs from its token. */
function reference(parts: string[]): string | undefined {
  const toks = parts.flatMap((p) => tokens(p));
  if (!toks.length) return undefined;
  const extra = new Set<string>();
  for (const t of toks) {
    const s = stem(t);
    if (s && s !== t) extra.add(s);
  }
  return [...toks, ...extra].join(' ');
}

function captions(): string[] {
  const out: string[] = [];
  const walk = (cats: { illustrations?: { caption?: string }[]; subcategories?: unknown[] }[]) => {
    for (const c of cats) {
      for (const i of c.illustrations ?? []) if (i.caption) out.push(i.caption);
      walk((c.subcategories ?? []) as typeof cats);
    }
  };
  for (const id of ['syria-2013', 'egypt-2011', 'ukraine-2022', 'peru-2007', 'africa-2000']) {
    const list = JSON.parse(readFileSync(`ingest/sample/redlists/lists/${id}.json`, 'utf8')) as { sections: { categories: Parameters<typeof walk>[0] }[] };
    for (const s of list.sections) walk(s.categories);
  }
  return out;
}

describe('indexText', () => {
  it('equals folded tokens followed by the differing stems, on real captions in several scripts', () => {
    const texts = captions();
    expect(texts.length).toBeGreaterThan(100);
    for (const t of texts) expect(indexText([t])).toBe(reference([t]));
    expect(indexText(texts.slice(0, 5))).toBe(reference(texts.slice(0, 5)));
  });

  it('handles apostrophes, elisions, Arabic and Cyrillic like tokens()', () => {
    const t = ["Côte d’Ivoire, Qur'an leaf", 'جرة فخارية', 'Ікона святого Миколая', '\u00a0tabs\tand\nnewlines '];
    expect(indexText(t)).toBe(reference(t));
  });

  it('gives nothing for empty or punctuation-only text', () => {
    expect(indexText([undefined, '', ' — , ; '])).toBeUndefined();
  });

  it('gives the same answer when the caller says the parts repeat, remembered or not', () => {
    const it = createIndexText();
    const calls: (string | undefined)[][] = [
      ['Figurines Figurine statuettes', undefined, 'bronzes', ''],
      ['Figurines Figurine statuettes', 'bronzes'],
      ['a\u0000b', 'figures'],
      ['a', 'b\u0000figures'],
      ['Ікони ікона', 'المخطوطات مخطوطة', 'Côte d’Ivoire ivories'],
      [undefined, ''],
      ['x'.repeat(3000), 'vases'],
    ];
    for (let round = 0; round < 2; round++) {
      for (const c of calls) {
        const expected = reference(c.filter((p): p is string => !!p));
        expect(it(c, true)).toBe(expected);
        expect(it(c)).toBe(expected);
      }
    }
  });

  it('lists each differing stem once, across parts and within one part', () => {
    const parts = ['figures figures vases', 'figures jars', 'statuettes'];
    expect(createIndexText()(parts)).toBe(reference(parts));
    expect(createIndexText()(parts)?.split(' ').filter((w) => w === 'figur')).toHaveLength(1);
  });
});
