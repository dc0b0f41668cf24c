import { describe, expect, it } from 'vitest';
import { captionParts, parseCaption, splitCaption } from '../../../../ingest/normalise/caption.js';

describe('captionParts', () => {
  it('splits at commas followed by a space, not inside decimals or brackets', () => {
    expect(captionParts('Statue, piedra, siglos I–IX d.C., alto 1,25 m')).toEqual(['Statue', 'piedra', 'siglos I–IX d.C.', 'alto 1,25 m']);
    expect(captionParts('Urna, cerámica (fase 1, tardía), 4,5 x 3 cm')).toEqual(['Urna', 'cerámica (fase 1, tardía)', '4,5 x 3 cm']);
  });
});

describe('splitCaption', () => {
  it('reads the usual order: object, material, place, date, dimensions, holder', () => {
    expect(splitCaption('Tablet, clay, cuneiform script, 2nd millennium BC, 6.5 x 6 cm, © Walters Art Museum, 48.1722', 'en')).toEqual({
      objectName: 'Tablet',
      materialText: 'clay',
      dateText: '2nd millennium BC',
      dimensionsText: '6.5 x 6 cm',
      holder: 'Walters Art Museum',
      inventoryNumber: '48.1722',
      rest: ['cuneiform script'],
    });
  });

  it('keeps a material that spans several parts together', () => {
    const s = splitCaption(
      'Manuscript with two treatises, ink and pigments on laid paper, red goatskin binding, Syria (Suriyah), Ottoman, AH 989 / AD 1581, folio 23.5 x 14.5 cm, © Walters Art Museum, W.589',
      'en',
    );
    expect(s.materialText).toBe('ink and pigments on laid paper, red goatskin binding');
    expect(s.placeText).toEqual(['Syria (Suriyah)']);
    expect(s.dateText).toBe('Ottoman, AH 989 / AD 1581');
    expect(s.dimensionsText).toBe('folio 23.5 x 14.5 cm');
    expect(s.inventoryNumber).toBe('W.589');
  });

  it('classifies by content, not position', () => {
    const s = splitCaption('Vaso cilíndrico, cerámica con engobe, maya, Clásico Tardío, 650–800 d.C., Petén, Guatemala, alto 22,07 cm, diám. 14,73 cm, © Walters Art Museum, 2009.20.177', 'es');
    expect(s.materialText).toBe('cerámica con engobe');
    expect(s.placeText).toEqual(['maya', 'Petén', 'Guatemala']);
    expect(s.dateText).toBe('Clásico Tardío, 650–800 d.C.');
    expect(s.dimensionsText).toBe('alto 22,07 cm, diám. 14,73 cm');
    expect(s.inventoryNumber).toBe('2009.20.177');
  });

  it('treats a culture or style name as a place/culture part, a dynasty as a date part', () => {
    const a = splitCaption('Antara, cerámica pintada, Nasca, fecha incierta (?), largo 21 cm', 'es');
    expect(a.placeText).toEqual(['Nasca']);
    expect(a.dateText).toBe('fecha incierta (?)');
    const b = splitCaption('Head of Buddha, sandstone, Bayon style, late 12th–early 13th c., H. 30 cm', 'en');
    expect(b.placeText).toEqual(['Bayon style']);
    const c = splitCaption('Jug, unglazed earthenware, Ghurid, 12th c., H. 22 cm', 'en');
    expect(c.dateText).toBe('Ghurid, 12th c.');
  });

  it('keeps a dimension without a unit as a dimension part', () => {
    expect(splitCaption('Linga, sandstone, Pre-Angkorian, 7th century, H. 55', 'en').dimensionsText).toBe('H. 55');
    expect(splitCaption('Corinthian capital, limestone, Roman period, 2nd–3rd c. AD, 62 x 70', 'en').dimensionsText).toBe('62 x 70');
  });

  it('finds makers and artists', () => {
    expect(splitCaption('Selection of poems by Jami, copied by Sultan Ali, ink on paper, Herat, 1493', 'en').maker).toBe('copied by Sultan Ali');
    const s = splitCaption('Maria Prymachenko (1909–1997), fantastic beast among flowers, gouache on paper, 1960s–1980s, 60 x 86 cm', 'en');
    expect(s.maker).toBe('Maria Prymachenko (1909–1997)');
    expect(s.objectName).toBe('fantastic beast among flowers');
    expect(s.materialText).toBe('gouache on paper');
    expect(s.dateText).toBe('1960s–1980s');
  });

  it('puts a description before the material into rest', () => {
    const s = splitCaption('Calligraphy, hanging scroll, ink on paper, Ming–Qing dynasty, 17th century, image 118.11 x 30.48 cm', 'en');
    expect(s.materialText).toBe('ink on paper');
    expect(s.rest).toEqual(['hanging scroll']);
  });

  it('handles French and a date with a parenthesised remark', () => {
    const s = splitCaption('Tête, terre cuite, culture Nok, plateau de Bauchi, Nigeria, Ve s. av. J.-C. – IIe s. apr. J.-C., H. 31 cm', 'fr');
    expect(s.materialText).toBe('terre cuite');
    expect(s.placeText).toEqual(['culture Nok', 'plateau de Bauchi', 'Nigeria']);
    expect(s.dateText).toBe('Ve s. av. J.-C. – IIe s. apr. J.-C.');
    expect(splitCaption('Panel, walnut, Cairo, Fatimid, 11th c. (with later carving and paint), 87.3 x 36.7 cm', 'en').dateText).toBe(
      'Fatimid, 11th c. (with later carving and paint)',
    );
  });

  it('splits Ukrainian, Arabic and German captions', () => {
    expect(splitCaption('Глечик, кераміка, Трипілля, IV тис. до н. е., висота 32 см', 'uk')).toEqual({
      objectName: 'Глечик', materialText: 'кераміка', placeText: ['Трипілля'], dateText: 'IV тис. до н. е.', dimensionsText: 'висота 32 см', rest: [],
    });
    expect(splitCaption('جرة، فخار، العصر العباسي، بغداد، القرن 9 م، الارتفاع 24 سم', 'ar')).toEqual({
      objectName: 'جرة', materialText: 'فخار', placeText: ['بغداد'], dateText: 'العصر العباسي, القرن 9 م', dimensionsText: 'الارتفاع 24 سم', rest: [],
    });
    const de = parseCaption('Krug, Keramik, Ägypten, 3. Jahrtausend v. Chr., Höhe 24 cm', 'de');
    expect([de.parts.materialText, de.parts.placeText, de.date.earliest, de.date.latest]).toEqual(['Keramik', ['Ägypten'], -3000, -2001]);
    expect(de.measurements.dimensions.map((d) => [d.dimension, d.mm])).toEqual([['height', 240]]);
  });

  it('returns an empty split for empty input and never throws', () => {
    expect(splitCaption('', 'en')).toEqual({ rest: [] });
    expect(splitCaption('   ', 'en')).toEqual({ rest: [] });
    expect(() => splitCaption(',,, ©, (', 'en')).not.toThrow();
  });
});

describe('parseCaption', () => {
  it('parses measurements and dates of the caption', () => {
    const r = parseCaption('Canopic jar, painted limestone, Late Period, late 25th–26th Dynasty, ca. 670–640 BC, H: 9 7/16 in. (24 cm), © Walters Art Museum, 41.88', 'en');
    expect(r.measurements.dimensions.map((d) => [d.dimension, d.mm])).toEqual([['height', 240]]);
    expect([r.date.earliest, r.date.latest, r.date.approximate]).toEqual([-670, -640, true]);
    expect(r.date.periods.map((p) => p.key)).toEqual(['eg-late-period', 'eg-dynasty-25', 'eg-dynasty-26']);
    expect(r.parts.holder).toBe('Walters Art Museum');
    expect(r.warnings).toEqual([]);
  });

  it('records culture periods and falls back on their span when no date is printed', () => {
    const r = parseCaption('Personnage assis à deux têtes, terre cuite, Koma, Ghana, H. 21 cm', 'fr');
    expect(r.date.periods.map((p) => p.key)).toEqual(['koma']);
    expect([r.date.earliest, r.date.latest]).toEqual([1200, 1700]);
    expect(r.warnings.map((w) => [w.field, w.code])).toEqual([['date', 'DATE_FROM_PERIOD']]);
  });

  it('reports unreadable dates and units with their source', () => {
    const a = parseCaption('Incantation bowl, earthenware with Aramaic text written in ink, date uncertain (?), Diam. 16 cm', 'en');
    expect(a.warnings).toEqual([{ field: 'date', code: 'DATE_UNPARSED', message: expect.any(String), source: 'date uncertain (?)' }]);
    expect(a.measurements.dimensions.map((d) => d.mm)).toEqual([160]);
    const b = parseCaption('Linga, sandstone, Pre-Angkorian, 7th century, H. 55', 'en');
    expect(b.warnings).toEqual([{ field: 'measurements', code: 'MEASUREMENT_NO_UNIT', message: expect.any(String), source: 'H. 55' }]);
  });

  it('uses the regions to choose regional periods', () => {
    const r = parseCaption('Textile fragment, camelid wool, Peru, Colonial period, 16th century, 10.8 x 109.22 cm', 'en', { regions: ['PE'] });
    expect(r.date.periods.map((p) => p.key)).toEqual(['pe-colonial']);
  });

  it('warns about missing and empty captions', () => {
    expect(parseCaption(undefined, 'en').warnings.map((w) => w.code)).toEqual(['CAPTION_MISSING']);
    expect(parseCaption(null, 'en').warnings.map((w) => w.code)).toEqual(['CAPTION_MISSING']);
    expect(parseCaption('', 'fr').warnings.map((w) => w.code)).toEqual(['CAPTION_EMPTY']);
    expect(parseCaption(' ', 'es').warnings.map((w) => w.code)).toEqual(['CAPTION_EMPTY']);
  });
});
