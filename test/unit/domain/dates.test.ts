import { describe, expect, it } from 'vitest';
import { ahToAd, parseDate, parseDateQuery } from '../../../src/domain/dates.js';

function range(text: string, regions?: string[]): [number | undefined, number | undefined] {
  const d = parseDate(text, regions ? { regions } : {});
  return [d.earliest, d.latest];
}

describe('parseDate: spot checks', () => {
  it.each([
    ['IIe s. av. J.-C.', -200, -101],
    ['AH 1120 / AD 1708', 1708, 1708],
    ['siglo XVIII', 1701, 1800],
    ['3rd millennium BC', -3000, -2001],
  ])('%s → %i..%i', (text, lo, hi) => {
    expect(range(text)).toEqual([lo, hi]);
  });
});

describe('parseDate: centuries, millennia and eras', () => {
  it.each([
    ['11th–15th c.', 1001, 1500],
    ['1st–3rd c. AD', 1, 300],
    ['2nd–3rd century', 101, 300],
    ['6th–3rd century BC', -600, -201],
    ['1st millennium BC – AD 1551', -1000, 1551],
    ['3rd millennium BC – 19th century AD', -3000, 1900],
    ['4th millennium BC – 7th c. AD', -4000, 700],
    ['10th millennium BC – 7th century AD', -10000, 700],
    ['1st c. BC – 3rd c. AD', -100, 300],
    ['3rd – 2nd millennium BC', -3000, -1001],
    ['6th – 1st millennium BC', -6000, -1],
    ['Ve s. av. J.-C. – IIe s. apr. J.-C.', -500, 200],
    ['XIIe–XVe siècle apr. J.-C.', 1101, 1500],
    ['IIe millénaire apr. J.-C.', 1001, 2000],
    ['Ier millénaire av. J.-C. – XVIe siècle', -1000, 1600],
    ['IIIe–IIe millénaire av. J.-C.', -3000, -1001],
    ['3e–11e s.', 201, 1100],
    ['XIVe–XVe s.', 1301, 1500],
    ['siglos XIII–XV', 1201, 1500],
    ['siglos I–IX d.C.', 1, 900],
    ['s. XV–XVI', 1401, 1600],
    ['s. XVIII', 1701, 1800],
    ['séc. XVII', 1601, 1700],
    ['XVIII ст.', 1701, 1800],
    ['III тисячоліття до н. е.', -3000, -2001],
    ['17. Jh.', 1601, 1700],
    ['5th millennium BC', -5000, -4001],
    ['1st century BC', -100, -1],
    ['7th century – 1551', 601, 1551],
    ['ca. 3000 a.C. – siglo XVI d.C.', -3000, 1600],
    ['1844 – principios del siglo XX', 1844, 1933],
    ['eighteenth century', 1701, 1800],
    ['second millennium BC', -2000, -1001],
    ['segundo milenio a.C.', -2000, -1001],
    ['deuxième millénaire av. J.-C.', -2000, -1001],
    ['dix-huitième siècle', 1701, 1800],
    ['القرن 18', 1701, 1800],
    ['18 ст.', 1701, 1800],
  ])('%s → %i..%i', (text, lo, hi) => {
    expect(range(text)).toEqual([lo, hi]);
  });
});

describe('parseDate: early, mid, late and parts', () => {
  it.each([
    ['late 3rd – early 2nd millennium BC', -2333, -1668],
    ['early 2nd millennium BC', -2000, -1668],
    ['mid 4th millennium BC', -3667, -3334],
    ['late 12th–early 13th c.', 1168, 1233],
    ['12th–early 13th c.', 1101, 1233],
    ['late 4th–mid 3rd c. BC', -333, -234],
    ['first half of 12th c.', 1101, 1150],
    ['2nd half 17th century', 1651, 1700],
    ['1re moitié du XIXe s.', 1801, 1850],
    ['2e moitié du XXe s.', 1951, 2000],
    ['4th quarter 19th century', 1876, 1900],
    ['last quarter 15th century', 1476, 1500],
    ['1st third 14th century', 1301, 1333],
    ['début du XXe siècle', 1901, 1933],
    ['fin du XIXe siècle', 1868, 1900],
    ['principios del siglo XX', 1901, 1933],
    ['mediados del siglo XVIII', 1734, 1767],
    ['finales del siglo XIX', 1868, 1900],
    ['early-mid 19th century', 1801, 1867],
    ['mid-15th century', 1434, 1467],
    ['late 13th or early 14th century', 1268, 1333],
    ['early 1830s', 1830, 1832],
  ])('%s → %i..%i', (text, lo, hi) => {
    expect(range(text)).toEqual([lo, hi]);
  });
});

describe('parseDate: years, decades and approximations', () => {
  it.each([
    ['1708', 1708, 1708, false],
    ['1527–1580', 1527, 1580, false],
    ['1920s', 1920, 1929, false],
    ['années 1950', 1950, 1959, false],
    ['1960s–1980s', 1960, 1989, false],
    ['ca. 670–640 BC', -670, -640, true],
    ['ca. 6000 – 300 BC', -6000, -300, true],
    ['ca. 900 BC – AD 200', -900, 200, true],
    ['ca. AD 200 – 1521', 200, 1521, true],
    ['50 BC–AD 50', -50, 50, false],
    ['332-30 BC', -332, -30, false],
    ['ca. 2290 BCE', -2290, -2290, true],
    ['ca. 1380 B.C.', -1380, -1380, true],
    ['600–900 d.C.', 600, 900, false],
    ['300 a.C.–300 d.C.', -300, 300, false],
    ['1200–900 a. C.', -1200, -900, false],
    ['ca. 500 av. J.-C. – 200 apr. J.-C.', -500, 200, true],
    ['vers 1500', 1500, 1500, true],
    ['hacia 1750', 1750, 1750, true],
    ['um 1500', 1500, 1500, true],
    ['c. 1830', 1830, 1830, true],
    ['c.1830', 1830, 1830, true],
    ['c1830', 1830, 1830, true],
    ['circa 1450', 1450, 1450, true],
    ['1400 v. Chr.', -1400, -1400, false],
    ['300 n. Chr.', 300, 300, false],
    ['250–850 d.C. (?)', 250, 850, true],
    ['AD 1035–36', 1035, 1036, false],
    ['1203-1200/1199 BC', -1203, -1199, false],
    ['ca. 1280s', 1280, 1289, true],
    ['(5200–332 ق.م.)', -5200, -332, false],
    ['(332 ق.م. – 395 م)', -332, 395, false],
    ['500 до н. е.', -500, -500, false],
  ])('%s → %i..%i approximate=%s', (text, lo, hi, approx) => {
    const d = parseDate(text);
    expect([d.earliest, d.latest]).toEqual([lo, hi]);
    expect(d.approximate === true).toBe(approx);
  });

  it('never invents year 0', () => {
    expect(range('1st century BC – 1st century AD')).toEqual([-100, 100]);
    for (const t of ['1st century BC', '1st century', 'late 1st century BC', 'early 1st century']) {
      const [lo, hi] = range(t);
      expect(lo).not.toBe(0);
      expect(hi).not.toBe(0);
    }
  });
});

describe('parseDate: Hijri and other calendars', () => {
  it.each([
    ['AH 1120 / AD 1708', 1708, 1708],
    ['922 AH/AD 1516', 1516, 1516],
    ['899 AH / AD 1493–1494', 1493, 1494],
    ['AH 77–132 / AD 696–750', 696, 750],
    ['AH 427 / AD 1035–36', 1035, 1036],
    ['Rajab 621 AH / AD 1224', 1224, 1224],
    ['late 9th c. AH / 15th c. AD', 1468, 1500],
    ['4th quarter 8th c. AH / 14th c. AD', 1376, 1400],
    ['XIIIe siècle de l’Hégire / XIXe siècle', 1801, 1900],
    ['11th century AH/AD 17th century', 1601, 1700],
    ['7192 AM/AD 1684', 1684, 1684],
  ])('%s → %i..%i (AD side)', (text, lo, hi) => {
    expect(range(text)).toEqual([lo, hi]);
  });

  it('converts a Hijri-only year approximately', () => {
    const d = parseDate('AH 1120');
    expect(d.approximate).toBe(true);
    expect(d.earliest).toBe(Math.floor(ahToAd(1120)));
    expect(d.earliest).toBe(1708);
    expect(d.latest).toBe(1709);
  });
});

describe('parseDate: open ranges and parentheses', () => {
  it.each([
    ['to ca. AD 200', undefined, 200],
    ['before 1369', undefined, 1369],
    ['after 1816', 1816, undefined],
    ['à partir de 900 av. J.-C. env.', -900, undefined],
    ['XIVe siècle et après', 1301, undefined],
    ['9th – 15th c. (802–1431)', 802, 1431],
    ['mid 15th century (before 1463)', 1434, 1463],
    ['Neolithic – Qing dynasty (to 1911)', -10000, 1911],
    ['1866-1867 (AH 1283)', 1866, 1867],
  ])('%s → %s..%s', (text, lo, hi) => {
    expect(range(text)).toEqual([lo, hi]);
  });
});

describe('parseDate: period names', () => {
  it('explicit numbers win over a period, which is still recorded', () => {
    const d = parseDate('Late Bronze Age (1550–1200 BC)');
    expect([d.earliest, d.latest]).toEqual([-1550, -1200]);
    expect(d.periods.map((p) => p.key)).toEqual(['late-bronze-age']);
    expect(d.periods[0]?.label.en).toBe('Late Bronze Age');
  });

  it('a period alone gives its span', () => {
    expect(range('Ottoman period')).toEqual([1299, 1922]);
    expect(range('Angkorian period')).toEqual([802, 1431]);
    expect(range('Fatimid')).toEqual([909, 1171]);
    expect(range('Ptolemaic')).toEqual([-332, -30]);
    expect(range('Nasca')).toEqual([-100, 800]);
    expect(range('Safavid')).toEqual([1501, 1736]);
    expect(range('Islamic period')).toEqual([622, 1900]);
    expect(range('Old Kingdom – Late Period')).toEqual([-2686, -332]);
  });

  it('numbers in another comma part win too', () => {
    const d = parseDate('Middle Kingdom, early 12th Dynasty, ca. 2000–1950 BC');
    expect([d.earliest, d.latest, d.approximate]).toEqual([-2000, -1950, true]);
    expect(d.periods.map((p) => p.key)).toEqual(['eg-middle-kingdom', 'eg-dynasty-12']);
  });

  it('regions choose the regional reading', () => {
    expect(range('Islamic period', ['EG'])).toEqual([640, 1805]);
    expect(range('Colonial period', ['DO'])).toEqual([1492, 1844]);
    expect(range('Roman period', ['SY'])).toEqual([-64, 395]);
  });

  it('does not read Roman numerals or small numbers without a date word as dates', () => {
    expect(parseDate('Lagash II').periods.map((p) => p.key)).toEqual(['lagash-ii']);
    expect(range('Lagash II')).toEqual([-2200, -2100]);
    expect(range('8 escudos')).toEqual([undefined, undefined]);
    expect(range('Coran (volume 1 de 2)')).toEqual([undefined, undefined]);
  });
});

describe('parseDate: unparsed text', () => {
  it.each(['fecha incierta (?)', 'date uncertain (?)', 'Herat', 'bronze'])('%s → DATE_UNPARSED', (text) => {
    const d = parseDate(text);
    expect(d.earliest).toBeUndefined();
    expect(d.latest).toBeUndefined();
    expect(d.warnings).toEqual([{ code: 'DATE_UNPARSED', message: expect.stringContaining(text), source: text }]);
  });

  it('reports undated text as such', () => {
    for (const t of ['n.d.', 'sin fecha', 'undated', 'sans date']) expect(parseDate(t).warnings[0]?.code).toBe('DATE_UNDATED');
  });

  it('never throws', () => {
    for (const t of ['', '–', '(', ')))', '/ / /', 'AH', 'ca.', '0', '-5 BC', undefined as unknown as string]) {
      expect(() => parseDate(t)).not.toThrow();
    }
  });

  it('parseDateQuery reads what a user types', () => {
    expect([parseDateQuery('2nd millennium BC').earliest, parseDateQuery('2nd millennium BC').latest]).toEqual([-2000, -1001]);
    expect(parseDateQuery('Fatimid').periods[0]?.key).toBe('fatimid');
    expect(parseDateQuery('1500-1600').latest).toBe(1600);
  });
});
