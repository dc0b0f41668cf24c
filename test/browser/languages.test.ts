import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWebApp, type WebApp } from '../helpers/browser-app.js';
import { afterRender, launchChromium, newPage, open, SCREENSHOT_DIR, screenshot } from '../helpers/browser-chromium.js';

/**
 * Ukrainian, German and Portuguese interfaces: the page's own strings in the language, the API
 * asked for labels in it (each facet label checked against the API's own answer), years and
 * dates written the language's way, and a language switch that keeps the search.
 */
let web: WebApp;

beforeAll(async () => {
  web = await startWebApp('languages');
});

afterAll(async () => {
  await web?.close();
});

interface FacetValue {
  key: string;
  label: string;
  count: number;
}

/** The API's own answer for a search. */
async function apiSearch(q: string, lang: string): Promise<{ total: number; facets: Record<string, FacetValue[]> }> {
  const res = await fetch(`${web.url}/v1/search?${new URLSearchParams({ q, lang, size: '1' })}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; facets: Record<string, FacetValue[]> };
}

/** The `lang` of every API call for record text (search, objects, lists, bulk jobs) from now on. */
function apiLanguages(page: Page): Set<string> {
  const langs = new Set<string>();
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (/^\/v1\/(search|objects|lists|bulk-jobs)/.test(u.pathname)) langs.add(u.searchParams.get('lang') ?? '');
  });
  return langs;
}

const facetLabels = (page: Page, facet: string) => page.locator(`.facet-${facet} .option-label`).allInnerTexts();
const countText = (page: Page) => page.locator('#result-count').innerText();
/** The Ukrainian form of a word for a whole count (1, 21: one; 2–4, 22: few; 0, 5–20, 25: many). */
const ukPlural = (n: number, forms: { one: string; few: string; many: string }) => ({ ...forms, other: forms.many } as Record<string, string>)[new Intl.PluralRules('uk').select(n)];
const digits = (text: string) => Number(/\d[\d\s.,\u00a0\u202f]*/.exec(text)?.[0].replace(/\D/g, '') ?? NaN);

/** The first few values of the API's facet are shown with the API's labels for that language. */
async function expectApiLabels(page: Page, api: Record<string, FacetValue[]>, facet: string): Promise<string[]> {
  const wanted = (api[facet] ?? []).slice(0, 3).map((v) => v.label);
  expect(wanted.length, facet).toBeGreaterThan(0);
  await expect(facetLabels(page, facet)).resolves.toEqual(expect.arrayContaining(wanted));
  return wanted;
}

describe('Ukrainian', () => {
  it('is chosen from the browser language, shows Ukrainian strings and asks the API for Ukrainian labels', async () => {
    const browser = await launchChromium({ locale: 'uk-UA' });
    try {
      const { page, errors } = await newPage(browser);
      const langs = apiLanguages(page);
      await open(page, `${web.url}/?q=${encodeURIComponent('ікона')}`);
      await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.title])).resolves
        .toEqual(['uk', 'ltr', 'Пошук у Червоних списках']);
      await expect(page.locator('#lang-select').inputValue()).resolves.toBe('uk');
      await expect(page.locator('h1').innerText()).resolves.toBe('Пошук у Червоних списках');
      await expect(page.locator('.site-nav').innerText()).resolves.toContain('Пошук за фото');
      await expect(page.locator('.disclaimers li').allInnerTexts()).resolves.toEqual([
        expect.stringContaining('а не викрадені предмети'),
        expect.stringContaining('а не доказ того'),
        expect.stringContaining('не видає жодних сертифікатів'),
      ]);

      const uk = await apiSearch('ікона', 'uk');
      const en = await apiSearch('ікона', 'en');
      expect(uk.total).toBeGreaterThan(1);
      // 2–4 take "результати", 5–20 "результатів" (Ukrainian plural rules, not "other").
      const form = ukPlural(uk.total, { one: 'результат', few: 'результати', many: 'результатів' });
      await expect(countText(page)).resolves.toBe(`${uk.total} ${form} за запитом «ікона»`);
      await expect(facetLabels(page, 'country')).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/^Україна/)]));
      await expectApiLabels(page, uk.facets, 'country');
      await expectApiLabels(page, uk.facets, 'list');
      const materials = await expectApiLabels(page, uk.facets, 'material');
      // The labels are the API's Ukrainian ones, not its English ones.
      expect(materials).not.toEqual(en.facets.material?.slice(0, 3).map((v) => v.label));
      expect(materials.every((l) => /[\u0400-\u04ff]/.test(l))).toBe(true);
      await screenshot(page, 'ukrainian-search');

      await afterRender(page, () => page.locator('.hits .hit-title a').first().click());
      await expect(page.locator('.object-fields .defs dt').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['Тип предмета', 'Категорія']));
      await expect(page.locator('section[aria-labelledby=list-h] h2').innerText()).resolves.toBe('Червоний список');
      const today = new Intl.DateTimeFormat('uk', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
      await expect(page.locator('.print-meta').textContent()).resolves.toContain(`Надруковано ${today}`);
      await screenshot(page, 'ukrainian-object');

      // The home page: every record counted with the Ukrainian plural, categories with their list.
      await open(page, web.url);
      const all = (await apiSearch('', 'uk')).total;
      const allForm = ukPlural(all, { one: 'запис у Червоних списках', few: 'записи Червоних списків', many: 'записів Червоних списків' });
      await expect(countText(page)).resolves.toMatch(new RegExp(`^(Усі )?${all} ${allForm}$`));
      await screenshot(page, 'ukrainian-home', false);
      await page.locator('.facet-category').screenshot({ path: join(SCREENSHOT_DIR, 'ukrainian-home-categories.png') });
      expect([...langs]).toEqual(['uk']);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('writes and reads years with Ukrainian eras in the date filter', async () => {
    const browser = await launchChromium({ locale: 'uk-UA' });
    try {
      const { page, errors } = await newPage(browser);
      await open(page, `${web.url}/?q=${encodeURIComponent('печатка')}&date_from=-3000`);
      await expect(page.locator('.chips').innerText()).resolves.toContain('Від 3000 до н. е.');
      await expect(page.locator('#f-date_from').inputValue()).resolves.toBe('3000 до н. е.');
      await page.locator('#f-date_to').fill('2000 до н.е.');
      await afterRender(page, () => page.locator('.filters button[type=submit]').click());
      const params = new URL(page.url()).searchParams;
      expect([params.get('date_from'), params.get('date_to')]).toEqual(['-3000', '-2000']);
      await expect(page.locator('.chips').innerText()).resolves.toContain('До 2000 до н. е.');
      expect(digits(await countText(page))).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('German and Portuguese', () => {
  it.each([
    { lang: 'de', q: 'Rollsiegel', heading: 'In den Roten Listen suchen', count: /^\d+ Ergebnisse für „Rollsiegel“$/, disclaimer: 'kein Beweis dafür' },
    { lang: 'pt', q: 'selo cilíndrico', heading: 'Pesquisar nas Listas Vermelhas', count: /^\d+ resultados para “selo cilíndrico”$/, disclaimer: 'não uma prova de que' },
  ])('$lang: shows its strings and the API labels in $lang for “$q”', async ({ lang, q, heading, count, disclaimer }) => {
    const browser = await launchChromium({ locale: 'en-GB' });
    try {
      const { page, errors } = await newPage(browser);
      const langs = apiLanguages(page);
      await open(page, `${web.url}/?lang=${lang}&q=${encodeURIComponent(q)}`);
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(lang);
      await expect(page.locator('h1').innerText()).resolves.toBe(heading);
      await expect(countText(page)).resolves.toMatch(count);
      await expect(page.locator('.disclaimers li').nth(1).innerText()).resolves.toContain(disclaimer);
      const api = await apiSearch(q, lang);
      const en = await apiSearch(q, 'en');
      expect(digits(await countText(page))).toBe(api.total);
      await expectApiLabels(page, api.facets, 'country');
      const materials = await expectApiLabels(page, api.facets, 'material');
      expect(materials).not.toEqual(en.facets.material?.slice(0, 3).map((v) => v.label));
      await expectApiLabels(page, api.facets, 'period');
      await screenshot(page, `${lang}-search`);
      expect([...langs]).toEqual([lang]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('pt: says "Nenhum resultado" for nothing found, not "0 resultado"', async () => {
    const browser = await launchChromium({ locale: 'pt-BR' });
    try {
      const { page } = await newPage(browser);
      await open(page, `${web.url}/?q=qqxzvwk`);
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('pt');
      await expect(countText(page)).resolves.toBe('Nenhum resultado para “qqxzvwk”');
    } finally {
      await browser.close();
    }
  });
});

describe('switching language', () => {
  it('keeps the query, the facet filter and the count, and relabels the facets from the API', async () => {
    const browser = await launchChromium({ locale: 'en-GB' });
    try {
      const { page, errors } = await newPage(browser);
      await open(page, `${web.url}/?q=cylinder+seal&country=IQ`);
      const search = new URL(page.url()).search;
      const total = digits(await countText(page));
      expect(total).toBeGreaterThan(0);
      const iraq = page.locator('input[data-focus-key="facet:country:IQ"]');
      for (const [lang, heading] of [['uk', 'Пошук у Червоних списках'], ['de', 'In den Roten Listen suchen'], ['pt', 'Pesquisar nas Listas Vermelhas']] as const) {
        const asked = page.waitForRequest((r) => r.url().includes('/v1/search?') && new URL(r.url()).searchParams.get('lang') === lang);
        await afterRender(page, () => page.locator('#lang-select').selectOption(lang));
        await asked;
        await expect(page.locator('h1').innerText(), lang).resolves.toBe(heading);
        expect(new URL(page.url()).search, lang).toBe(search);
        await expect(page.locator('#q').inputValue(), lang).resolves.toBe('cylinder seal');
        await expect(iraq.isChecked(), lang).resolves.toBe(true);
        expect(digits(await countText(page)), lang).toBe(total);
        const api = await apiSearch('cylinder seal', lang);
        const iraqLabel = api.facets.country?.find((v) => v.key === 'IQ')?.label;
        expect(iraqLabel, lang).toBeTruthy();
        await expect(page.locator(`label[for="${await iraq.getAttribute('id')}"]`).innerText(), lang).resolves.toMatch(new RegExp(`^${iraqLabel} \\(`));
        await expect(page.locator('.chips').innerText(), lang).resolves.toContain(iraqLabel!);
      }
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
