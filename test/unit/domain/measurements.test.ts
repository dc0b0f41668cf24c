import { describe, expect, it } from 'vitest';
import {
  looksLikeMeasurement, parseLength, parseMeasurements, parseWeight, toGrams, toMillimetres,
} from '../../../src/domain/measurements.js';

/** `height:240 width:134` — compact view of the dimensions found. */
function dims(text: string, lang?: string): string {
  return parseMeasurements(text, lang ? { lang } : {})
    .dimensions.map((d) => `${d.dimension}:${d.mm}`)
    .join(' ');
}

describe('parseMeasurements: spot checks', () => {
  it('prefers metric over imperial: H: 9 7/16 in. (24 cm) → height 240 mm', () => {
    const m = parseMeasurements('H: 9 7/16 in. (24 cm)');
    expect(m.dimensions).toEqual([{ dimension: 'height', mm: 240, source: 'H: 9 7/16 in. (24 cm)' }]);
    expect(m.warnings).toEqual([]);
  });
  it('Ø 2.1 cm → diameter 21 mm', () => expect(dims('Ø 2.1 cm')).toBe('diameter:21'));
  it('L. 1,25 m → length 1250 mm (decimal comma)', () => expect(dims('L. 1,25 m')).toBe('length:1250'));
  it('diam. 18 mm; 3.9 g → diameter 18, weight 3.9 g', () => {
    const m = parseMeasurements('diam. 18 mm; 3.9 g');
    expect(m.dimensions.map((d) => [d.dimension, d.mm])).toEqual([['diameter', 18]]);
    expect(m.weightG).toBe(3.9);
  });
});

describe('parseMeasurements: notations', () => {
  it.each([
    ['H. 24 cm', 'height:240'],
    ['24 x 13.4 cm', 'height:240 width:134'],
    ['24 × 13.4 × 5 cm', 'height:240 width:134 depth:50'],
    ['H: 15 3/16 x W: 10 1/16 in. (38.5 x 25.5 cm)', 'height:385 width:255'],
    ['hauteur : 30 cm', 'height:300'],
    ['haut. 30 cm', 'height:300'],
    ['larg. 12 cm', 'width:120'],
    ['long. 45 cm', 'length:450'],
    ['alto 25 cm', 'height:250'],
    ['alto total 41,2 cm', 'height:412'],
    ['alt. 10,2 cm, diám. 11,2 cm', 'height:102 diameter:112'],
    ['ancho 6,35 cm', 'width:63.5'],
    ['largo 29,5 cm', 'length:295'],
    ['altura 40 cm', 'height:400'],
    ['comprimento 12 cm', 'length:120'],
    ['Höhe 18 cm', 'height:180'],
    ['Breite 7 cm', 'width:70'],
    ['folio 23.5 x 14.5 cm', 'height:235 width:145'],
    ['diámetro 3 cm', 'diameter:30'],
    ['D. 4 cm', 'depth:40'],
    ['Diam. 32.5 cm', 'diameter:325'],
    ['Th. 0.5 cm', 'thickness:5'],
    ['W. 7 cm', 'width:70'],
    ['H. 1,10 m', 'height:1100'],
    ['1.20 x 0.95 m', 'height:1200 width:950'],
    ['9 1/2 in.', 'height:241.3'],
    ['9½ in.', 'height:241.3'],
    ['12 inches', 'height:304.8'],
    ['10"', 'height:254'],
    ['Diam: 4 in. (10.2 cm)', 'diameter:102'],
    ['16 x 13,3 cm (alto x diám.)', 'height:160 diameter:133'],
    ['6.7 x 26 cm (h. x diam.)', 'height:67 diameter:260'],
    ['9 3/4 in. (24.8 cm) (l.)', 'length:248'],
    ['H: 3 3/4 x Diam: 5 1/2 in. (9.5 x 14 cm)', 'height:95 diameter:140'],
    ['H. 17.3 cm (19.8 cm with tang)', 'height:173'],
    ['H. 31 cm (handle raised), Ø 21.1 cm', 'height:310 diameter:211'],
    ['body 16 x 4.5 cm, head Ø 6.9 cm', 'height:160 width:45 diameter:69'],
    ['H. with base 52.4 cm', 'height:524'],
    ['open: 19.1 x 20.8 x 8 cm', 'height:191 width:208 depth:80'],
    ['Ø 6.5–7.5 cm', 'diameter:65 diameter:75'],
    ['L. 2 à 4 cm', 'length:20 length:40'],
    ['24 cm long', 'length:240'],
    ['30 cm de haut', 'height:300'],
    ['висота 24 см', 'height:240'],
    ['24 × 13 см', 'height:240 width:130'],
    ['діаметр 18 мм', 'diameter:18'],
    ['الارتفاع ٢٤ سم', 'height:240'],
    ['قطر 2.5 سم', 'diameter:25'],
    ['12 x 4 x .02 cm', 'height:120 width:40 depth:0.2'],
    ['2 3/4 x 3 13/16 x 1/8 in. (7.1 x 9.7 x 0.3 cm)', 'height:71 width:97 depth:3'],
    ['9 9/16 x 8 1/4 (24.3 x 21 x 1.5 cm)', 'height:243 width:210 depth:15'],
  ])('%s → %s', (text, expected) => {
    expect(dims(text)).toBe(expected);
  });

  it('reads a lower-case French `l.` as largeur (width)', () => {
    expect(dims('l. 20 cm', 'fr')).toBe('width:200');
    expect(dims('l. 20 cm', 'en')).toBe('length:200');
  });

  it('reads weights in g, gr, kg and after a semicolon', () => {
    expect(parseMeasurements('H. 19 cm; 2350 g').weightG).toBe(2350);
    expect(parseMeasurements('6,2 cm ; 48 g').weightG).toBe(48);
    expect(parseMeasurements('Ø 37 mm; 27,1 gr').weightG).toBe(27.1);
    expect(parseMeasurements('1,2 kg').weightG).toBe(1200);
    expect(parseMeasurements('Ø 2 cm, 7.9 g').dimensions.map((d) => d.mm)).toEqual([20]);
  });

  it('keeps the object, not the frame: later `;` segments give no dimensions', () => {
    expect(dims('H: 9 1/2 x W: 7 in. (24 x 17.8 cm); Framed H: 12 x W: 10 x D: 2 in. (30 x 25 x 5 cm)')).toBe('height:240 width:178');
  });

  it('reports a number without a unit and gives no dimension', () => {
    for (const text of ['H. 55', '62 x 70']) {
      const m = parseMeasurements(text);
      expect(m.dimensions).toEqual([]);
      expect(m.warnings).toEqual([{ code: 'MEASUREMENT_NO_UNIT', message: expect.stringContaining(text), source: text }]);
    }
  });

  it('ignores dates and lone numbers, and never throws', () => {
    for (const text of ['4th–5th c. AD', '1st–3rd c. AD', '2136–2121 BC', '1780', 'Ur III', '', '   ', 'x x x']) {
      const m = parseMeasurements(text);
      expect(m.dimensions).toEqual([]);
      expect(m.warnings).toEqual([]);
    }
    expect(parseMeasurements(undefined as unknown as string).dimensions).toEqual([]);
  });
});

describe('looksLikeMeasurement', () => {
  it('tells measurement parts from others, with or without units', () => {
    expect(looksLikeMeasurement('H. 55')).toBe(true);
    expect(looksLikeMeasurement('62 x 70')).toBe(true);
    expect(looksLikeMeasurement('alto 22,07 cm')).toBe(true);
    expect(looksLikeMeasurement('12th–15th c. AD')).toBe(false);
    expect(looksLikeMeasurement('1000–1500 d.C.')).toBe(false);
    expect(looksLikeMeasurement('W.641')).toBe(true);
    expect(looksLikeMeasurement('bronze')).toBe(false);
  });
});

describe('units and query helpers', () => {
  it('converts units', () => {
    expect(toMillimetres(24, 'cm')).toBe(240);
    expect(toMillimetres(1, 'in.')).toBe(25.4);
    expect(toMillimetres(1.25, 'm')).toBe(1250);
    expect(toMillimetres(3, 'см')).toBe(30);
    expect(toMillimetres(3, 'g')).toBeUndefined();
    expect(toMillimetres(3, 'furlong')).toBeUndefined();
    expect(toGrams(1.5, 'kg')).toBe(1500);
    expect(toGrams(3, 'cm')).toBeUndefined();
  });

  it('parseLength reads one typed length, with a default unit', () => {
    expect(parseLength('24 cm')).toBe(240);
    expect(parseLength('9 1/2 in')).toBe(241.3);
    expect(parseLength('240mm')).toBe(240);
    expect(parseLength('1,25 m')).toBe(1250);
    expect(parseLength('24')).toBe(240);
    expect(parseLength('24', 'mm')).toBe(24);
    expect(parseLength('3.9 g')).toBeUndefined();
    expect(parseLength('24 x 13 cm')).toBeUndefined();
    expect(parseLength('tall')).toBeUndefined();
  });

  it('reads unit names as written in every language of the table, words and accents included', () => {
    expect(parseLength('9 1/2 дюйм')).toBe(241.3);
    expect(parseLength('9 1/2 дюймів')).toBe(241.3);
    expect(parseLength('24 сантиметри')).toBe(240);
    expect(parseLength('24 milímetros')).toBe(24);
    expect(parseLength('9 1/2 polegadas')).toBe(241.3);
    expect(parseWeight('2 кілограми')).toBe(2000);
  });

  it('parseWeight reads one typed weight', () => {
    expect(parseWeight('3.9 g')).toBe(3.9);
    expect(parseWeight('1,2 kg')).toBe(1200);
    expect(parseWeight('12')).toBe(12);
    expect(parseWeight('12 cm')).toBeUndefined();
  });
});
