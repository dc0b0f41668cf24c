import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  COUNTRY_CODES, COUNTRY_LANGS, countryFromTgn, countryLabel, countryNames, findCountries, findRegions,
  gazetteerConflicts, resolveCountry, resolveCountryQuery, resolveRegion,
} from '../../../src/domain/countries.js';
import { regionConflicts, REGIONS } from '../../../src/domain/regions.js';

const LISTS = 'ingest/sample/redlists/lists';
const WALTERS = 'ingest/sample/walters/walters_objects_2015.jsonl.gz';

interface Category { illustrations?: { caption?: string }[]; subcategories?: Category[] }
interface List {
  coverage: string[];
  legislation?: { country?: string }[];
  contacts?: { country?: string }[];
  sections?: { coverage?: string[]; categories: Category[] }[];
}
const lists = readdirSync(LISTS).map((f) => JSON.parse(readFileSync(`${LISTS}/${f}`, 'utf8')) as List);
const captions: string[] = [];
const walk = (cats: Category[] | undefined): void => {
  for (const c of cats ?? []) {
    for (const i of c.illustrations ?? []) if (i.caption?.trim()) captions.push(i.caption);
    walk(c.subcategories);
  }
};
for (const l of lists) for (const s of l.sections ?? []) walk(s.categories);
const captionWith = (needle: string): string => {
  const found = captions.find((c) => c.includes(needle));
  if (!found) throw new Error(`no sample caption contains ${needle}`);
  return found;
};

describe('resolveCountry', () => {
  const cases: [string, string][] = [
    ['Misr', 'EG'], ['Égypte', 'EG'], ['مصر', 'EG'], ['Єгипет', 'EG'], ['Syrie', 'SY'], ['Suriyah', 'SY'],
    ['Siria', 'SY'], ['سوريا', 'SY'], ['Сирія', 'SY'], ['Irak', 'IQ'], ['Al-Iraq', 'IQ'], ['Al-‘Iraq', 'IQ'],
    ['العراق', 'IQ'], ['Perú', 'PE'], ['Pérou', 'PE'], ['Україна', 'UA'], ['Ukrayina', 'UA'], ['Ucrânia', 'UA'],
    ['Îran', 'IR'], ['إيران', 'IR'], ['Italia', 'IT'], ['Mexique', 'MX'], ['México', 'MX'], ['Mexiko', 'MX'],
    ['Kampuchea', 'KH'], ['Cambodge', 'KH'], ['Zhongguo', 'CN'], ['Zhonghua', 'CN'], ['Chine', 'CN'],
    ['Hellas', 'GR'], ['Ellas', 'GR'], ['Ellás', 'GR'], ['Türkiye', 'TR'], ['Turquie', 'TR'], ['Deutschland', 'DE'],
    ['Nederland', 'NL'], ['Holland', 'NL'], ["Côte d'Ivoire", 'CI'], ['Côte d’Ivoire', 'CI'], ['Ivory Coast', 'CI'],
    ['Elfenbeinküste', 'CI'], ['Afghanestan', 'AF'], ['Afeganistão', 'AF'], ['Haïti', 'HT'], ['Saint-Domingue', 'HT'],
    ['República Dominicana', 'DO'], ['Guinée-Bissau', 'GW'], ['Sénégal', 'SN'], ['Bénin', 'BJ'], ['Tchad', 'TD'],
    ['Cameroun', 'CM'], ['Libye', 'LY'], ['ليبيا', 'LY'], ['Nihon', 'JP'], ['Bharat', 'IN'], ['Prathet Thai', 'TH'],
    ["Ityop'iya", 'ET'], ['Burma', 'MM'], ['Ceylon', 'LK'],
    ['Brasil', 'BR'], ['Panamá', 'PA'], ['United Kingdom', 'GB'], ['England', 'GB'], ['Syrian', 'SY'],
    ['égyptien', 'EG'], ['peruano', 'PE'], ['Іран', 'IR'], ['України', 'UA'],
  ];
  it.each(cases)('%s → %s', (name, code) => {
    expect(resolveCountry(name)).toBe(code);
  });

  it('does not resolve cities, regions or unknown words', () => {
    expect(resolveCountry('Baghdad')).toBeUndefined();
    expect(resolveCountry('Mesopotamia')).toBeUndefined();
    expect(resolveCountry('Atlantis')).toBeUndefined();
    expect(resolveCountry('')).toBeUndefined();
  });

  it('resolves homographs only as a whole input', () => {
    expect(resolveCountry('قطر')).toBe('QA');
    expect(findCountries('قطر 12 سم')).toEqual([]);
  });
});

describe('resolveCountryQuery', () => {
  it('accepts ISO codes in any case and names in any language', () => {
    expect(resolveCountryQuery('sy')).toBe('SY');
    expect(resolveCountryQuery(' IQ ')).toBe('IQ');
    expect(resolveCountryQuery('Syrie')).toBe('SY');
    expect(resolveCountryQuery('UK')).toBe('GB');
    expect(resolveCountryQuery('سوريا')).toBe('SY');
  });
  it('rejects what is not a country', () => {
    expect(resolveCountryQuery('zz')).toBeUndefined();
    expect(resolveCountryQuery('Narnia')).toBeUndefined();
  });
});

describe('findCountries', () => {
  it('finds the country in real captions', () => {
    expect(findCountries(captionWith('Syria (Suriyah)'))).toContain('SY');
    expect(findCountries(captionWith('Misr mint'))).toEqual(['EG']);
    expect(findCountries(captionWith('Tête, laiton, Ife'))).toEqual(['NG']);
    expect(findCountries(captionWith('Mirror with sphinxes'))).toEqual(['IQ']);
    expect(findCountries(captionWith('Srebrenik'))).toEqual(['UA']);
  });

  it('does not take a river, a pigment or a kingdom for a country', () => {
    expect(findCountries(captionWith('delta intérieur du Niger, Mali'))).toEqual(['ML']);
    expect(findCountries(captionWith('Kingdom of Benin (Nigeria)'))).toEqual(['NG']);
    expect(findCountries(captionWith('Foundation tablet of Warad-Sin, Egyptian blue'))).not.toContain('EG');
    expect(findCountries('ink and India ink on bone china')).toEqual([]);
  });

  it('is word-boundary safe and prefers the longest name', () => {
    expect(findCountries('Nigerian bronze')).toEqual(['NG']);
    expect(findCountries('Guinea-Bissau and Papua New Guinea')).toEqual(['GW', 'PG']);
    expect(findCountries('Omanisation')).toEqual([]);
    expect(findCountries('Iranian and Iraqi pottery')).toEqual(['IR', 'IQ']);
  });

  it('reads TGN hierarchies', () => {
    const h = 'The Thesaurus of Geographic Names\\World\\continents\\Asia\\nations\\Suriyah\\governorates\\Halab\\inhabited places\\';
    expect(findCountries(h)).toEqual(['SY']);
    expect(countryFromTgn(h, 'Halab')).toBe('SY');
    expect(countryFromTgn('The Thesaurus of Geographic Names\\World\\continents\\Africa\\nations\\', 'Misr')).toBe('EG');
    expect(countryFromTgn('The Thesaurus of Geographic Names\\World\\continents\\North and Central America\\nations\\United States\\states\\Georgia\\', 'Savannah')).toBe('US');
    expect(countryFromTgn('The Thesaurus of Geographic Names\\World\\continents\\Asia\\regions (general)\\', 'Mesopotamia')).toBeUndefined();
  });
});

describe('gazetteer data', () => {
  it('has unique, well-formed codes for all ISO countries', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect(COUNTRY_CODES.length).toBeGreaterThanOrEqual(249);
    for (const c of COUNTRY_CODES) expect(c).toMatch(/^[A-Z]{2}$/);
  });
  it('labels every country in every language and gives no name to two countries', () => {
    for (const code of COUNTRY_CODES) for (const lang of COUNTRY_LANGS) expect(countryLabel(code, lang)).toBeTruthy();
    expect(gazetteerConflicts()).toEqual([]);
    expect(regionConflicts()).toEqual([]);
  });
  it('labels by language with English fallback', () => {
    expect(countryLabel('SY', 'ar')).toBe('سوريا');
    expect(countryLabel('sy', 'fr')).toBe('Syrie');
    expect(countryLabel('SY', 'zh')).toBe('Syria');
    expect(countryLabel('ZZ', 'en')).toBeUndefined();
    expect(countryNames('EG')).toEqual(expect.arrayContaining(['Egypt', 'Misr', 'مصر', 'Єгипет', 'Egyptian']));
    expect(countryNames('IQ')).not.toContain('Baghdad');
  });
  it('resolves every country named in the sample lists (coverage, sections, legislation, contacts)', () => {
    const names = lists.flatMap((l) => [
      ...l.coverage,
      ...(l.sections ?? []).flatMap((s) => s.coverage ?? []),
      ...(l.legislation ?? []).map((x) => x.country),
      ...(l.contacts ?? []).map((x) => x.country),
    ]).filter((x): x is string => Boolean(x));
    const unresolved = names.filter((n) => !resolveCountry(n) && !resolveRegion(n));
    expect(unresolved).toEqual([]);
  });
});

describe('regions', () => {
  const countriesOf = (text: string): readonly string[] => findRegions(text)[0]?.countries ?? [];
  it('maps historical regions to modern countries, apart from countries', () => {
    expect(countriesOf('Mesopotamia')).toEqual(expect.arrayContaining(['IQ', 'SY']));
    expect(countriesOf('Persia')[0]).toBe('IR');
    expect(countriesOf('Anatolia')).toEqual(['TR']);
    expect(countriesOf('Levant')).toEqual(['SY', 'LB', 'IL', 'JO', 'PS']);
    expect(countriesOf('Nubia')).toEqual(['EG', 'SD']);
    expect(countriesOf('Gandhara')).toEqual(expect.arrayContaining(['AF', 'PK']));
    expect(countriesOf('Bactria')[0]).toBe('AF');
    expect(countriesOf('Khmer')[0]).toBe('KH');
    expect(findRegions('Tablet, clay, Mésopotamie').map((r) => r.key)).toEqual(['mesopotamia']);
    expect(resolveRegion('América Latina')?.key).toBe('latin-america');
  });
  it('notes every region', () => {
    for (const r of REGIONS) expect(r.note.length).toBeGreaterThan(3);
  });
});

describe('Walters geographies', () => {
  it('resolves at least 90% of records with a Geographies entry to a country', () => {
    const lines = gunzipSync(readFileSync(WALTERS)).toString('utf8').split('\n').filter(Boolean);
    let withGeo = 0;
    let resolved = 0;
    const misses = new Map<string, number>();
    for (const line of lines) {
      const rec = JSON.parse(line) as { Geographies?: { GeographyTerm?: string; GeoHierarchy?: string }[] };
      const geos = rec.Geographies ?? [];
      if (geos.length === 0) continue;
      withGeo += 1;
      const codes = geos.map((g) => countryFromTgn(g.GeoHierarchy ?? '', g.GeographyTerm)).filter(Boolean);
      if (codes.length > 0) resolved += 1;
      else for (const g of geos) misses.set(g.GeographyTerm ?? '', (misses.get(g.GeographyTerm ?? '') ?? 0) + 1);
    }
    const top = [...misses].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([t, n]) => `${t} (${n})`);
    console.log(`Walters: ${resolved}/${withGeo} records with geographies resolve to a country (${((100 * resolved) / withGeo).toFixed(1)}%); top unresolved: ${top.join(', ')}`);
    expect(resolved / withGeo).toBeGreaterThanOrEqual(0.9);
  });
});
