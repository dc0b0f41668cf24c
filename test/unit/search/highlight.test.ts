import { describe, expect, it } from 'vitest';
import { stem } from '../../../src/domain/fold.js';
import { analyseText } from '../../../src/search/analyse.js';
import { highlight, matcherOf, withinEdits } from '../../../src/search/highlight.js';
import { fixtureDomain } from './fixture-domain.js';

const m = (q: string) => matcherOf(analyseText(q, fixtureDomain)!, stem);

describe('highlight', () => {
  it('marks words as printed (accents, case) when they fold or stem to a query word', () => {
    expect(highlight('Tablettes cunéiformes en argile', m('tablette cuneiforme'))).toBe('<em>Tablettes</em> <em>cunéiformes</em> en argile');
  });

  it('marks misspelt matches within the typo allowance and vocabulary equivalents', () => {
    expect(highlight('Cuneiform tablet', m('cuneform'))).toBe('<em>Cuneiform</em> tablet');
    expect(highlight('Manuscript on paper', m('manuscrito'))).toBe('<em>Manuscript</em> on paper');
  });

  it('marks a word whose stem is within the allowance of the query word\'s stem, as the index matches it', () => {
    // masque → masqu, mosques → mosqu: one edit apart on the stems the index holds, two on the words.
    expect(highlight('Lamp for the mosques of Cairo', m('masque'))).toBe('Lamp for the <em>mosques</em> of Cairo');
    expect(highlight('Lamp for the mosques of Cairo', m('mask'))).toBeUndefined();
  });

  it('escapes HTML and cuts long text to a window around the first match', () => {
    expect(highlight('<b>bronze</b> & gold', m('bronze'))).toBe('&lt;b&gt;<em>bronze</em>&lt;/b&gt; &amp; gold');
    const long = `${'word '.repeat(100)}bronze ${'more '.repeat(100)}`;
    const out = highlight(long, m('bronze'), 100) ?? '';
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('<em>bronze</em>');
    expect(out.length).toBeLessThan(140);
  });

  it('remembers whole texts and snippets of the same text apart, and repeats its answers', () => {
    const matcher = m('bronze');
    const long = `${'word '.repeat(100)}bronze ${'more '.repeat(100)}`;
    const snippet = highlight(long, matcher, 100);
    const whole = highlight(long, matcher);
    expect(snippet?.length).toBeLessThan(140);
    expect(whole?.length).toBeGreaterThan(1000);
    expect(highlight(long, matcher, 100)).toBe(snippet);
    expect(highlight(long, matcher)).toBe(whole);
    expect(highlight('Clay jar', matcher)).toBeUndefined();
    expect(highlight('Clay jar', matcher)).toBeUndefined();
  });

  it('returns nothing when nothing matches', () => {
    expect(highlight('Clay jar', m('bronze'))).toBeUndefined();
  });

  it('counts edits like Elasticsearch (transpositions are one edit)', () => {
    expect(withinEdits('tablet', 'talbet', 1)).toBe(true);
    expect(withinEdits('tablet', 'table', 1)).toBe(true);
    expect(withinEdits('tablet', 'cable', 1)).toBe(false);
  });
});
