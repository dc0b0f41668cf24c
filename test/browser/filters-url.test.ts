import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tokens } from '../../src/domain/fold.js';
import { startWebApp, type WebApp } from '../helpers/browser-app.js';
import { afterRender, launchChromium, newPage, open, screenshot, type Browser } from '../helpers/browser-chromium.js';

/**
 * Facets and filters as links bring them: every value of a long facet can be picked, a filter the
 * API refuses can be removed or corrected, a country given by name becomes the API's key, and the
 * query's word counter counts as the API does.
 */
let web: WebApp;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  web = await startWebApp('filters-url');
  browser = await launchChromium({ locale: 'en-GB' });
  ({ page, errors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

interface FacetValue { key: string; label: string; count: number; selected?: boolean }
async function apiFacet(name: string, params: Record<string, string> = {}): Promise<FacetValue[]> {
  const res = await fetch(`${web.url}/v1/search?${new URLSearchParams({ lang: 'en', size: '0', facets: name, facet_size: '200', ...params })}`);
  const body = (await res.json()) as { facets: Record<string, FacetValue[]> };
  return body.facets[name] ?? [];
}

const countOf = (text: string) => Number(/([\d,]+)/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
const countryLabels = () => page.locator('.facet-country .option-label').allInnerTexts();

describe('long facets', () => {
  it('shows every country on "Show all N", N being the true number, and lets Benin be picked', async () => {
    const all = await apiFacet('country');
    expect(all.length).toBeGreaterThan(30);
    await open(page, web.url);
    const more = page.locator('.facet-country .link-button');
    const text = await more.innerText();
    expect(countOf(text)).toBe(all.length);
    await more.click();
    const labels = await countryLabels();
    expect(labels.length).toBe(all.length);
    for (const name of ['Benin', 'Togo', 'Guinea-Bissau', 'Senegal', 'Chad']) expect(labels).toContain(name);
    await afterRender(page, () => page.locator('.facet-country').getByRole('checkbox', { name: /^Benin \(/ }).check());
    expect(new URL(page.url()).searchParams.getAll('country')).toEqual(['BJ']);
    expect(countOf(await page.locator('#result-count').innerText())).toBe(all.find((v) => v.key === 'BJ')?.count);
  });

  it('shows every material too', async () => {
    const all = await apiFacet('material');
    await open(page, web.url);
    const more = page.locator('.facet-material .link-button');
    expect(countOf(await more.innerText())).toBe(all.length);
    await more.click();
    await expect(page.locator('.facet-material .option-label').count()).resolves.toBe(all.length);
    expect(errors).toEqual([]);
  });
});

describe('a filter the API refuses', () => {
  it('stays a chip, marked not applied, with the suggestion as a button, and no API pointer in the reason', async () => {
    await open(page, `${web.url}/?q=seal&category=iraq-2003%2Fwritng`);
    await expect(page.locator('.problem').innerText()).resolves.toContain('iraq-2003/writing');
    await expect(page.locator('.problem').innerText()).resolves.not.toContain('/v1/');
    const refused = page.locator('.chips .chip.refused');
    await expect(refused.count()).resolves.toBe(1);
    await expect(refused.innerText()).resolves.toContain('iraq-2003/writng');
    await screenshot(page, 'filter-refused');
    await afterRender(page, () => page.locator('.chips .suggest').click());
    const params = new URL(page.url()).searchParams;
    expect([params.get('q'), params.getAll('category')]).toEqual(['seal', ['iraq-2003/writing']]);
    expect(countOf(await page.locator('#result-count').innerText())).toBeGreaterThan(0);
  });

  it('is removed by its chip, keeping the query and the other filters', async () => {
    await open(page, `${web.url}/?q=seal&list=iraq-2004&country=IQ`);
    const refused = page.locator('.chips .chip.refused');
    await expect(refused.count()).resolves.toBe(1);
    await afterRender(page, () => refused.click());
    const params = new URL(page.url()).searchParams;
    expect([params.get('q'), params.getAll('list'), params.getAll('country')]).toEqual(['seal', [], ['IQ']]);
    expect(countOf(await page.locator('#result-count').innerText())).toBeGreaterThan(0);
    // The browser logs the API's 400s as failed resources; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
    errors.length = 0;
  });
});

describe('a country given by name in the URL', () => {
  for (const [given, key, name] of [['Irak', 'IQ', 'Iraq'], ['Palmyra', 'SY', 'Syria'], ['sy', 'SY', 'Syria']] as const) {
    it(`takes ${given} as the API's key ${key}, once in the facet`, async () => {
      await open(page, `${web.url}/?country=${given}`);
      expect(new URL(page.url()).searchParams.getAll('country')).toEqual([key]);
      const labels = await countryLabels();
      expect(labels.filter((l) => l === name)).toEqual([name]);
      expect(labels).not.toContain(given);
      const box = page.locator('.facet-country').getByRole('checkbox', { name: new RegExp(`^${name} \\(`) });
      await expect(box.isChecked()).resolves.toBe(true);
      await expect(page.locator('.chips').innerText()).resolves.toContain(`Country: ${name}`);
      // Unchecking removes the filter (rather than adding it a second time). Unfiltered, the
      // country may fall below the first values shown, so its box is not waited for.
      await afterRender(page, () => box.click());
      expect(new URL(page.url()).searchParams.getAll('country')).toEqual([]);
    });
  }

  it('keeps the language given in the URL', async () => {
    await open(page, `${web.url}/?country=Irak&lang=fr`);
    const params = new URL(page.url()).searchParams;
    expect([params.getAll('country'), params.get('lang')]).toEqual([['IQ'], 'fr']);
    expect(errors).toEqual([]);
  });
});

describe('the query word counter', () => {
  it('counts elisions as the API does, so a query it calls too long is refused by the API as well', async () => {
    const q = "statuette d'un orant l'objet en bronze avec patine verte yeux incisés base carrée syrie âge bronze";
    await open(page, web.url);
    await page.locator('#q').fill(q);
    const limit = await page.locator('#q-limit').innerText();
    expect(limit).toContain(`${tokens(q).length} of 16 words`);
    await expect(page.locator('#q-limit').getAttribute('class')).resolves.toContain('over');
  });
});
