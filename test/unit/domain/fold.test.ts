import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fold, foldGeneral, searchText, stem, tokenSpans, tokenSpansGeneral, tokens } from '../../../src/domain/fold.js';

/** Every string in a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('ASCII shortcut', () => {
  // The shipped sample data (17 Red Lists, the Walters inventory) plus hand-made edge cases.
  const dir = 'ingest/sample/redlists/lists';
  const texts = readdirSync(dir).flatMap((f) => strings(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
  const walters = gunzipSync(readFileSync('ingest/sample/walters/walters_objects_2015.jsonl.gz')).toString('utf8').split('\n', 3000);
  for (const line of walters) if (line) texts.push(...strings(JSON.parse(line)));
  texts.push("  Qur`an  d'Ivoire\tL'ÉTÉ  ", 'horse\'s  l\'\'a  \'quoted\'', 'A-B_C.D/E 1,25\r\nm', '``', "'", '', ' \f\v ', 'x\u0000y\u007fz');
  const ascii = texts.filter((t) => /^[\x00-\x7f]*$/.test(t));

  it('covers thousands of real ASCII strings', () => {
    expect(ascii.length).toBeGreaterThan(5000);
  });

  it('fold gives what the full pipeline gives', () => {
    expect(ascii.filter((t) => fold(t) !== foldGeneral(t))).toEqual([]);
  });

  it('tokenSpans gives what the full pipeline gives', () => {
    const same = (t: string) => JSON.stringify(tokenSpans(t)) === JSON.stringify(tokenSpansGeneral(t));
    expect(ascii.filter((t) => !same(t))).toEqual([]);
  });

  it('tokens gives the texts of the full pipeline\'s spans', () => {
    const same = (t: string) => tokens(t).join(' ') === tokenSpansGeneral(t).map((s) => s.text).join(' ');
    expect(ascii.filter((t) => !same(t))).toEqual([]);
  });

  it('tokens gives the texts of tokenSpans on every sample string, whatever its script', () => {
    const nonAscii = texts.filter((t) => !/^[\x00-\x7f]*$/.test(t));
    expect(nonAscii.length).toBeGreaterThan(500);
    expect(texts.filter((t) => tokens(t).join(' ') !== tokenSpans(t).map((s) => s.text).join(' '))).toEqual([]);
  });

  it('non-ASCII text still takes the full pipeline', () => {
    expect(fold('Côte d’Ivoire')).toBe('cote d\'ivoire');
    expect(tokens('Côte d’Ivoire')).toEqual(['cote', 'd', 'ivoire']);
  });
});

describe('fold', () => {
  it('lowercases and strips Latin diacritics', () => {
    expect(fold('Épée, PERÚ, Çatalhöyük, São Tomé, Mária')).toBe('epee, peru, catalhoyuk, sao tome, maria');
    expect(fold('Ñandú')).toBe('nandu');
  });

  it('maps letters that have no decomposition', () => {
    expect(fold('Straße Æther Œuvre Øre Łódź Đakovo Þór Ðan İstanbul ı')).toBe(
      'strasse aether oeuvre ore lodz dakovo thor dan istanbul i',
    );
  });

  it('strips Arabic tashkeel and tatweel and unifies alef, ta marbuta, alef maqsura, hamza seats', () => {
    expect(fold('مَخْطُوطَةٌ')).toBe(fold('مخطوطة'));
    expect(fold('مخطوطة')).toBe('مخطوطه');
    expect(fold('أيقونة')).toBe('ايقونه');
    expect(fold('إسلامي')).toBe('اسلامي');
    expect(fold('آثار')).toBe('اثار');
    expect(fold('ٱلعراق')).toBe('العراق');
    expect(fold('مستشفى')).toBe('مستشفي');
    expect(fold('مؤسسة')).toBe('موسسه');
    expect(fold('رئيس')).toBe('رييس');
    expect(fold('عـــربي')).toBe('عربي');
  });

  it('turns Arabic-Indic and Persian digits into ASCII digits', () => {
    expect(fold('١٢٣٤ ۵۶۷')).toBe('1234 567');
  });

  it('keeps Ukrainian letters, folding ї to і, й to и, ґ to г and Russian ё to е', () => {
    expect(fold('Україна')).toBe('украіна');
    expect(fold('ҐАНОК')).toBe('ганок');
    expect(fold('Київ')).toBe('киів');
    expect(fold('ёлка')).toBe('елка');
    expect(fold('Єгипет')).toBe('єгипет');
  });

  it('unifies apostrophes and quotes and collapses whitespace', () => {
    expect(fold('Côte d’Ivoire')).toBe(fold("Côte d'Ivoire"));
    expect(fold('Al-‘Iraq')).toBe("al-'iraq");
    expect(fold('  «Collier»   de\tpierre \n')).toBe('"collier" de pierre');
  });

  it('is idempotent', () => {
    const samples = [
      'Tablette cunéiforme, argile, Mésopotamie', 'مَخْطُوطَةٌ إسلامية ١٢٣', 'Ікона, Київ, ґанок',
      'Straße Æther', 'Côte d’Ivoire «x»', 'ﬁgure ½ Ⅻ', 'Türkiye İzmir', 'Şanlıurfa', 'ŒUVRE ǅ',
    ];
    for (const s of samples) expect(fold(fold(s))).toBe(fold(s));
  });
});

describe('tokens', () => {
  it('splits on punctuation and keeps numbers', () => {
    expect(tokens('Tablet, clay, 6.5 x 6 cm, © Walters Art Museum, 48.1722')).toEqual([
      'tablet', 'clay', '6', '5', 'x', '6', 'cm', 'walters', 'art', 'museum', '48', '1722',
    ]);
  });

  it('separates French and Italian elisions but joins other apostrophes', () => {
    expect(tokens('Côte d’Ivoire')).toEqual(['cote', 'd', 'ivoire']);
    expect(tokens("l'île dell'arte")).toEqual(['l', 'ile', 'dell', 'arte']);
    expect(tokens('Qur’an, Ityop\'iya, Sana\', horse\'s')).toEqual(['quran', 'ityopiya', 'sana', 'horses']);
    expect(tokens('Al-‘Iraq')).toEqual(['al', 'iraq']);
  });

  it('reads any script', () => {
    expect(tokens('مخطوطة، ورق')).toEqual(['مخطوطه', 'ورق']);
    expect(tokens('Ікона (XVI ст.)')).toEqual(['ікона', 'xvi', 'ст']);
  });

  it('gives offsets into the source text', () => {
    const text = 'Syria (Suriyah), 1581';
    const spans = tokenSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Syria', 'Suriyah', '1581']);
  });
});

describe('stem', () => {
  const same = (a: string, b: string): void => expect(stem(fold(a))).toBe(stem(fold(b)));

  it('meets singular and plural in Latin-script languages', () => {
    same('statuettes', 'statuette');
    same('Tablettes', 'tablette');
    same('ivories', 'ivory');
    same('figures', 'figure');
    same('collares', 'collar');
    same('watches', 'watch');
    same('glasses', 'glass');
    same('bijoux', 'bijou');
    same('sceaux', 'sceau');
    same('métaux', 'métal');
    same('Italie', 'Italy');
  });

  it('leaves words ending in -ss, -us, -is and short words alone', () => {
    expect(stem('glass')).toBe('glass');
    expect(stem('papyrus')).toBe('papyrus');
    expect(stem('lapis')).toBe('lapis');
    expect(stem('jars')).toBe('jars');
    expect(stem('1581')).toBe('1581');
  });

  it('strips one Ukrainian case or number ending', () => {
    same('ікони', 'ікона');
    same('рукописів', 'рукопис');
    same('рукописами', 'рукопис');
    same('України', 'Україна');
    expect(stem(fold('меч'))).toBe('меч');
  });

  it('strips the Arabic article and feminine endings', () => {
    same('المخطوطات', 'مخطوطة');
    same('مخطوط', 'مخطوطة');
    same('الأيقونات', 'أيقونة');
    expect(stem(fold('ورق'))).toBe('ورق');
  });

  it('keeps words whose last letter no rule removes, in any script', () => {
    for (const w of ['bowl', 'collar', 'jar', 'amphora1', 'ікона1', 'مخطوطة1', 'bronze9']) expect(stem(w)).toBe(w);
    expect(stem('figure')).toBe('figur');
    expect(stem('boxes')).toBe('boxe');
    expect(stem('amulets')).toBe('amulet');
  });

  it('leaves other scripts unchanged', () => {
    expect(stem('陶瓷')).toBe('陶瓷');
  });
});

describe('searchText', () => {
  it('gives index and query the same form', () => {
    expect(searchText('STATUETTES en Bronze, Syrie')).toBe(searchText('statuette en bronze syrie'));
    expect(searchText('Côte d’Ivoire')).toBe('cote d ivoir');
  });
});
