import { describe, expect, it } from 'vitest';
import { apiSearchParams, hasSearch, lastPage, pageWindow, parseState, queryWords, searchPart, toQuery, toggleFilter } from '../../../src/web/js/state.js';
import { tokens } from '../../../src/domain/fold.js';

describe('page state in the querystring', () => {
  it('round-trips a search with several facet values, dates, measurements and a page', () => {
    const qs = '?q=cylinder+seal&date_from=-2000&date_to=-1000&height=3&unit=in&tolerance=20&page=3&category=iraq-2003%2Fseals&country=IQ&country=SY';
    const state = parseState(qs);
    expect(state).toMatchObject({ view: 'search', q: 'cylinder seal', page: '3', height: '3', unit: 'in', tolerance: '20' });
    expect(state.filters).toEqual({ category: ['iraq-2003/seals'], country: ['IQ', 'SY'] });
    expect(toQuery(state)).toBe(qs);
    expect(toQuery(parseState(toQuery(state)))).toBe(qs);
  });

  it('drops invalid and empty values instead of passing them on', () => {
    const state = parseState('?q=&page=0&emergency=maybe&has_image=no&unit=furlong&tolerance=7&country=&country=IQ&country=IQ&bogus=1');
    expect(state).toEqual({ view: 'search', filters: { country: ['IQ'] } });
  });

  it('routes object, photo and bulk views; an object page keeps the search it came from', () => {
    const object = parseState('?object=iraq-2003-10&q=seal&country=IQ');
    expect(object).toMatchObject({ view: 'object', object: 'iraq-2003-10', q: 'seal' });
    expect(toQuery(object)).toBe('?object=iraq-2003-10&q=seal&country=IQ');
    expect(toQuery(searchPart(object))).toBe('?q=seal&country=IQ');
    expect(parseState('?view=photo').view).toBe('photo');
    expect(parseState('?view=bulk&job=abc')).toMatchObject({ view: 'bulk', job: 'abc' });
    expect(parseState('?view=nope').view).toBe('search');
    expect(toQuery(parseState('?view=photo&q=x'))).toBe('?view=photo');
  });

  it('toggles a facet value on and off and starts paging again', () => {
    const start = parseState('?q=seal&page=4&cursor=abc');
    const on = toggleFilter(start, 'country', 'IQ');
    expect(on.filters.country).toEqual(['IQ']);
    expect(on.page).toBeUndefined();
    expect(on.cursor).toBeUndefined();
    const off = toggleFilter(on, 'country', 'IQ');
    expect(off.filters.country).toBeUndefined();
    expect(toQuery(off)).toBe('?q=seal');
  });

  it('knows when there is something to search', () => {
    expect(hasSearch(parseState(''))).toBe(false);
    expect(hasSearch(parseState('?country=IQ'))).toBe(true);
    expect(hasSearch(parseState('?date_from=-500'))).toBe(true);
  });
});

describe('API parameters', () => {
  it('sends the language, facets as repeated parameters, measurements with their unit, tolerance as a fraction', () => {
    const p = apiSearchParams(parseState('?q=seal&country=IQ&country=SY&height=24&diameter=3&unit=mm&tolerance=20&date_from=-2000&page=2'), 'fr');
    expect(p.get('q')).toBe('seal');
    expect(p.get('lang')).toBe('fr');
    expect(p.getAll('country')).toEqual(['IQ', 'SY']);
    expect(p.get('height')).toBe('24mm');
    expect(p.get('diameter')).toBe('3mm');
    expect(p.get('tolerance')).toBe('0.2');
    expect(p.get('date_from')).toBe('-2000');
    expect(p.get('page')).toBe('2');
    expect(p.get('size')).toBe('20');
  });

  it('defaults to centimetres, omits tolerance without a measurement, and prefers the cursor to the page', () => {
    const p = apiSearchParams(parseState('?height=24&cursor=xyz&page=7'), 'en');
    expect(p.get('height')).toBe('24cm');
    expect(p.get('cursor')).toBe('xyz');
    expect(p.has('page')).toBe(false);
    expect(apiSearchParams(parseState('?q=a&tolerance=20'), 'en').has('tolerance')).toBe(false);
  });
});

describe('pager', () => {
  it('shows the first, the last and the pages around the current one, with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageWindow(20, 20)).toEqual([1, null, 18, 19, 20]);
  });

  it('stops numbering at the API page window of 10,000 hits', () => {
    expect(lastPage(0)).toBe(1);
    expect(lastPage(21)).toBe(2);
    expect(lastPage(10_000)).toBe(500);
    expect(lastPage(250_000)).toBe(500);
  });
});

describe('queryWords', () => {
  // The page's counter and the API's limit must agree: the API counts `tokens(q)`.
  const samples = [
    "statuette d'un orant l'objet en bronze avec patine verte yeux incisés base carrée syrie âge bronze",
    "Qur'an", 'Côte d’Ivoire, 1,25 m', "al-'iraq", "dell'arte nell’ambito", '9½ cm', 'مـخطوطة الكتاب',
    "Ityop'iya horse's", 'sub‑Saharan – ok', 'ﬁgure ²', "x'", "'abc'", "l''objet", "a'b'c'd", "un'altra",
    'Гер­ман', 'ікона XVIII ст.', '', '   ',
  ];
  it.each(samples)('counts %j as the API does', (q) => {
    expect(queryWords(q)).toBe(tokens(q).length);
  });
});
