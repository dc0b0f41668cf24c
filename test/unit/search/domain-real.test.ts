import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/search/analyse.js';
import { realDomain, resolveCountry, splitCompound } from '../../../src/search/domain-real.js';

describe('the project domain as the search uses it', () => {
  it('splits compounds of two vocabulary terms, with or without a linking s', () => {
    expect(splitCompound('keilschrifttafel')).toEqual(['keilschrift', 'tafel']);
    expect(splitCompound('bronzestatuette')).toEqual(['bronze', 'statuette']);
    expect(splitCompound('manuscript')).toBeUndefined();
    expect(splitCompound('rollsiegel')).toBeUndefined();
  });

  it('searches a compound as its parts, each with its vocabulary equivalents', () => {
    const t = analyseText('Keilschrifttafel', realDomain);
    expect(t?.tokens).toEqual(['keilschrift', 'tafel']);
    const keys = t?.expansions.map((e) => e.key);
    expect(keys).toEqual(expect.arrayContaining(['cuneiform', 'tablet']));
  });

  it('resolves countries by code or by name in the interface languages', () => {
    expect(['sy', 'Syrie', 'سوريا', 'Сирія', 'Syrien', 'Síria'].map(resolveCountry)).toEqual(['SY', 'SY', 'SY', 'SY', 'SY', 'SY']);
    expect(resolveCountry('Narnia')).toBeUndefined();
    expect(realDomain.countryLabel('CI', 'fr')).toBe('Côte d’Ivoire');
  });

  it('labels by language however the calls alternate (labels are remembered per language and key)', () => {
    const asked: [string, string][] = [['SY', 'en'], ['SY', 'fr'], ['SY', 'en'], ['SY', 'ar'], ['IQ', 'fr'], ['SY', 'fr']];
    expect(asked.map(([code, lang]) => realDomain.countryLabel(code, lang))).toEqual(['Syria', 'Syrie', 'Syria', 'سوريا', 'Irak', 'Syrie']);
    expect(['en', 'fr', 'en'].map((lang) => realDomain.vocabLabel('clay', lang))).toEqual(['Clay', 'Argile', 'Clay']);
    expect(realDomain.vocabLabel('no-such-key', 'en')).toBeUndefined();
    expect(realDomain.vocabLabel('no-such-key', 'en')).toBeUndefined();
    const [en, none, fr, again] = [['c18', 'en'], ['not-a-bucket', 'en'], ['c18', 'fr'], ['c18', 'en']].map(([k, lang]) => realDomain.periodLabel(k!, lang!));
    expect(en).toMatch(/^18th century/);
    expect(fr).toMatch(/XVIII/);
    expect([none, again]).toEqual([undefined, en]);
  });

  it('resolves regions by key or by name in any language', () => {
    expect(realDomain.resolveRegion?.('Mésopotamie')).toBe('mesopotamia');
    expect(realDomain.resolveRegion?.('levant')).toBe('levant');
    expect(realDomain.resolveRegion?.('Narnia')).toBeUndefined();
  });

  it('labels regions in the language asked for, English otherwise, and an unknown key as itself', () => {
    expect(realDomain.regionLabel('mesopotamia', 'fr')).toBe('Mésopotamie');
    expect(realDomain.regionLabel('mesopotamia', 'xx')).toBe('Mesopotamia');
    expect(realDomain.regionLabel('inner-niger-delta', 'fr')).toBe('Delta intérieur du Niger');
    expect(realDomain.regionLabel('nowhere', 'fr')).toBe('nowhere');
  });

  it('labels period buckets in every interface language', () => {
    for (const lang of ['en', 'fr', 'es', 'pt', 'de', 'ar', 'uk']) expect(realDomain.periodLabel('m-3', lang)).toMatch(/\S/);
    expect(realDomain.periodLabel('m-3', 'de')).toBe('3. Jahrtausend v. Chr.');
    // One wording per language, with the era named as the date module names it.
    expect(realDomain.periodLabel('m-3', 'en')).toBe('3rd millennium BC');
    expect(realDomain.periodLabel('c18', 'pt')).toBe('Século XVIII d.C.');
    expect(realDomain.periodLabel('c12', 'de')).toBe('12. Jahrhundert n. Chr.');
    expect(realDomain.periodLabel('m-11plus', 'pt')).toBe('Antes do X milénio a.C.');
    expect(realDomain.periodLabel('c12', 'xx')).toBe('12th century AD');
    expect(realDomain.periodLabel('q7', 'en')).toBeUndefined();
  });

  it('reads years typed as text', () => {
    expect(realDomain.parseYear('2nd millennium BC', 'earliest')).toBe(-2000);
    expect(realDomain.parseYear('2nd millennium BC', 'latest')).toBe(-1001);
    expect(realDomain.parseYear('siglo XVIII', 'earliest')).toBe(1701);
  });
});
