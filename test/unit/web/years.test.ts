import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/web/js/i18n.js';
import { formatRange, formatYear, parseYear } from '../../../src/web/js/years.js';

describe('parseYear', () => {
  it.each([
    ['-1000', -1000],
    ['1000 BC', -1000],
    ['1000 bce', -1000],
    ['1000 B.C.', -1000],
    ['BC 1000', -1000],
    ['1000BC', -1000],
    ['1000 av. J.-C.', -1000],
    ['1000 avant J.-C.', -1000],
    ['1000 a. C.', -1000],
    ['1000 a.C.', -1000],
    ['1000 antes de Cristo', -1000],
    ['1000 ق.م', -1000],
    ['١٠٠٠ ق.م', -1000],
    ['−1000', -1000],
    ['1 BC', -1],
    ['1500', 1500],
    ['+1500', 1500],
    ['AD 500', 500],
    ['500 CE', 500],
    ['500 apr. J.-C.', 500],
    ['500 d. C.', 500],
    ['1000 v. Chr.', -1000],
    ['1000 v.u.Z.', -1000],
    ['500 n. Chr.', 500],
    ['1000 a.C.', -1000],
    ['500 d.C.', 500],
    ['500 depois de Cristo', 500],
    ['1000 до н. е.', -1000],
    ['1000 до н.е.', -1000],
    ['1000 до нашої ери', -1000],
    ['500 н. е.', 500],
    ['  1865  ', 1865],
  ])('%s -> %i', (text, year) => {
    expect(parseYear(text)).toEqual({ ok: true, year });
  });

  it('treats an empty field as no year', () => {
    expect(parseYear('')).toEqual({ ok: true, year: null });
    expect(parseYear('   ')).toEqual({ ok: true, year: null });
    expect(parseYear(undefined)).toEqual({ ok: true, year: null });
  });

  it.each(['abc', '1000 years', '-1000 BC', '10 20', 'AD -5', '1e3', '123456'])('rejects %s', (text) => {
    expect(parseYear(text)).toEqual({ ok: false, reason: 'format' });
  });

  it('rejects year 0, which does not exist', () => {
    expect(parseYear('0')).toEqual({ ok: false, reason: 'zero' });
    expect(parseYear('0 BC')).toEqual({ ok: false, reason: 'zero' });
  });
});

describe('formatYear and formatRange', () => {
  it('writes BCE years with the language era and round-trips through parseYear', () => {
    for (const lang of LANGUAGES) {
      const text = formatYear(-1865, lang);
      expect(text).toContain('1865');
      // Every interface language writes its own era, not the English fallback.
      if (lang !== 'en') expect(text, lang).not.toBe(formatYear(-1865, 'en'));
      expect(parseYear(text)).toEqual({ ok: true, year: -1865 });
      expect(parseYear(formatYear(300, lang, true))).toEqual({ ok: true, year: 300 });
    }
    expect(formatYear(-1865, 'en')).toBe('1865 BC');
    expect(formatYear(-1865, 'uk')).toBe('1865 до н. е.');
    expect(formatYear(300, 'de', true)).toBe('300 n. Chr.');
    expect(formatYear(-1865, 'pt')).toBe('1865 a.C.');
    expect(formatYear(1500, 'en')).toBe('1500');
    expect(formatYear(null)).toBe('');
  });

  it('shows eras on both ends when a range touches BCE, and one year when both ends agree', () => {
    expect(formatRange(-1865, -1833, 'en')).toBe('1865 BC – 1833 BC');
    expect(formatRange(-100, 200, 'en')).toBe('100 BC – AD 200');
    expect(formatRange(1700, 1799, 'en')).toBe('1700 – 1799');
    expect(formatRange(1708, 1708, 'en')).toBe('1708');
    expect(formatRange(undefined, 1500, 'en')).toBe('… – 1500');
    expect(formatRange(undefined, undefined, 'en')).toBe('');
  });
});
