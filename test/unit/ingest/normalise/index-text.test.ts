import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stem, tokens } from '../../../../src/domain/fold.js';
import { createIndexText, indexText } from '../../../../ingest/normalise/index-text.js';
import { CallMemo, JoinedParts } from '../../../../ingest/normalise/index-text-memo.js';

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

  it('reads an array part as its values joined by spaces (a label in every language)', () => {
    const it = createIndexText();
    const label = ['Figurines', 'Statuettes', 'Фігурки', 'تماثيل'];
    const other = ['Figurines', 'Idols'];
    for (let round = 0; round < 2; round++) {
      for (const repeats of [false, true]) {
        expect(it([label, 'bronzes', [], undefined], repeats)).toBe(reference([label.join(' '), 'bronzes']));
        expect(it([other, ['x', ''], label], repeats)).toBe(reference([other.join(' '), 'x ', label.join(' ')]));
      }
    }
  });
});

describe('index text memories', () => {
  it('join values once: the same string object for the same values, never for different ones', () => {
    const j = new JoinedParts(10);
    const a = j.join(['Bronze', 'برونز']);
    expect(a).toBe('Bronze برونز');
    expect(j.join(['Bronze', 'برونز'])).toBe(a);
    expect(j.join(['Bronze', 'Bronce'])).toBe('Bronze Bronce');
    expect(j.join(['Bronze', 'برونز', 'x'])).toBe('Bronze برونز x');
    expect(j.join(['Bronze'])).toBe('Bronze');
    expect(j.join([])).toBe('');
    for (let i = 0; i < 30; i++) expect(j.join([`v${i}`, 'w'])).toBe(`v${i} w`);
    expect(j.join(['Bronze', 'برونز'])).toBe('Bronze برونز');
  });

  it('remember answers by their sequence of parts, within a bound', () => {
    const m = new CallMemo(3);
    let computed = 0;
    const get = (parts: string[]) => m.get(parts, () => (computed++, parts.join('|') || undefined));
    expect(get(['a', 'b'])).toBe('a|b');
    expect(get(['a'])).toBe('a');
    expect(get(['a', 'b'])).toBe('a|b');
    expect(get([])).toBeUndefined();
    expect(get([])).toBeUndefined();
    expect(computed).toBe(3);
    expect(get(['b', 'a'])).toBe('b|a'); // full: answered, and the memory starts again empty
    expect(get(['c', 'd'])).toBe('c|d');
    expect(get(['a', 'b'])).toBe('a|b');
    expect(computed).toBe(6);
  });
});
