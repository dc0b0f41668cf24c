import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWebApp, type WebApp } from '../helpers/browser-app.js';
import { afterRender, launchChromium, newPage, open, pdfPageCount, SCREENSHOT_DIR, screenshot, type Browser } from '../helpers/browser-chromium.js';

/**
 * The page as a new user meets it, on the real API over the ingested sample Red Lists: search,
 * narrow by a facet, keep the state in the URL, open an object with its Red List context, print it.
 */
let web: WebApp;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  web = await startWebApp('search');
  browser = await launchChromium({ locale: 'en-GB' });
  ({ page, errors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const hitTitles = () => page.locator('.hits .hit-title').allInnerTexts();
const countText = () => page.locator('#result-count').innerText();
const countOf = (text: string) => Number(/([\d,]+)/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
const countryBox = (name: string) => page.locator('.facet-country').getByRole('checkbox', { name: new RegExp(`^${name} \\(`) });

describe('search and facets', () => {
  it('finds cylinder seals, narrows to Iraq with the country facet, and keeps the other countries counted', async () => {
    await open(page, web.url);
    await expect(page.locator('h1').innerText()).resolves.toBe('Search the Red Lists');
    await page.locator('#q').fill('cylinder seal');
    await afterRender(page, () => page.locator('.search-box button[type=submit]').click());
    expect(new URL(page.url()).searchParams.get('q')).toBe('cylinder seal');
    const all = countOf(await countText());
    expect(all).toBeGreaterThan(3);
    const titles = await hitTitles();
    expect(titles.slice(0, 3).every((t) => /seal/i.test(t))).toBe(true);
    await expect(countryBox('Syria').count()).resolves.toBe(1);
    await expect(page.locator('.disclaimers li').count()).resolves.toBe(3);

    await afterRender(page, () => countryBox('Iraq').check());
    expect(new URL(page.url()).searchParams.getAll('country')).toEqual(['IQ']);
    const iraq = countOf(await countText());
    expect(iraq).toBeGreaterThan(0);
    expect(iraq).toBeLessThan(all);
    const places = await page.locator('.hits .hit-places').allInnerTexts();
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((p) => p.includes('Iraq'))).toBe(true);
    await expect(countryBox('Iraq').isChecked()).resolves.toBe(true);
    // Disjunctive: Syria is still offered, with its own count.
    await expect(countryBox('Syria').count()).resolves.toBe(1);
    await expect(page.locator('.chips').innerText()).resolves.toContain('Country: Iraq');
    await expect(page.locator('.hit-matched').first().innerText()).resolves.toMatch(/^Matched: /);
    await screenshot(page, 'search-cylinder-seal-iraq');
    expect(errors).toEqual([]);
  });

  it('walks back and forward through the searches and restores one on reload', async () => {
    await afterRender(page, () => page.goBack());
    expect(new URL(page.url()).searchParams.has('country')).toBe(false);
    await expect(countryBox('Iraq').isChecked()).resolves.toBe(false);
    await afterRender(page, () => page.goForward());
    await expect(countryBox('Iraq').isChecked()).resolves.toBe(true);
    const shared = page.url();
    await open(page, shared);
    await expect(countryBox('Iraq').isChecked()).resolves.toBe(true);
    await expect(page.locator('#q').inputValue()).resolves.toBe('cylinder seal');
  });

  it('is operable from the keyboard: skip link, facet with Space, focus kept on the control', async () => {
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await countryBox('Iraq').focus();
    await afterRender(page, () => page.keyboard.press('Space'));
    expect(new URL(page.url()).searchParams.has('country')).toBe(false);
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey)).resolves.toBe('facet:country:IQ');
    await afterRender(page, () => page.keyboard.press('Space'));
    expect(new URL(page.url()).searchParams.getAll('country')).toEqual(['IQ']);
    const toggle = page.locator('.tree-toggle').first();
    await toggle.focus();
    const expanded = await toggle.getAttribute('aria-expanded');
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe(expanded === 'true' ? 'false' : 'true');
  });

  it('filters by a date range typed with eras, and says what is wrong with a bad year', async () => {
    await page.locator('#f-date_from').fill('abc');
    await page.locator('.filters button[type=submit]').click();
    // The API's own reason, by the field, once it has answered.
    await page.locator('#f-date_from-err').waitFor({ state: 'visible' });
    await expect(page.locator('#f-date_from-err').innerText()).resolves.toMatch(/year/i);
    await expect(page.locator('#f-date_from').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(new URL(page.url()).searchParams.has('date_from')).toBe(false);
    // The browser logs the API's 400 as a failed resource; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
    errors.length = 0;

    await page.locator('#f-date_from').fill('3000 BC');
    await page.locator('#f-date_to').fill('-2000');
    await afterRender(page, () => page.locator('.filters button[type=submit]').click());
    const params = new URL(page.url()).searchParams;
    expect([params.get('date_from'), params.get('date_to')]).toEqual(['-3000', '-2000']);
    await expect(page.locator('#f-date_to').inputValue()).resolves.toBe('2000 BC');
    expect(countOf(await countText())).toBeGreaterThan(0);
    await screenshot(page, 'search-date-range');
    await afterRender(page, () => page.locator('.chips .link-button').click());
    expect(new URL(page.url()).search).toBe('?q=cylinder+seal');
  });

  it('filters by a measurement with its unit and tolerance, as the API expects them', async () => {
    await page.locator('#f-height').fill('1,5');
    await page.locator('#f-unit').selectOption('in');
    await page.locator('#f-tolerance').selectOption('30');
    const request = page.waitForRequest((r) => r.url().includes('/v1/search?'));
    await afterRender(page, () => page.locator('.filters button[type=submit]').click());
    const api = new URL((await request).url()).searchParams;
    expect([api.get('height'), api.get('tolerance')]).toEqual(['1.5in', '0.3']);
    const params = new URL(page.url()).searchParams;
    expect([params.get('height'), params.get('unit'), params.get('tolerance')]).toEqual(['1.5', 'in', '30']);
    expect(countOf(await countText())).toBeGreaterThan(0);
    await expect(page.locator('.chips').innerText()).resolves.toContain('Height 1.5 in');
    await afterRender(page, () => page.locator('.chips .link-button').click());
  });
});

describe('browsing', () => {
  it('pages through every record by number, and shows the long category facet on request', async () => {
    await open(page, web.url);
    const total = countOf(await countText());
    expect(total).toBeGreaterThan(400);
    const hrefs = () => page.locator('.hits .hit-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const first = await hrefs();
    expect(first.length).toBe(20);
    const pager = page.locator('nav.pager');
    await expect(pager.locator('a[aria-current=page]').innerText()).resolves.toBe('1');
    await expect(pager.getByRole('link', { name: `Page ${Math.ceil(total / 20)}`, exact: true }).count()).resolves.toBe(1);
    await afterRender(page, () => pager.getByRole('link', { name: 'Page 2', exact: true }).click());
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    const second = await hrefs();
    expect(second.filter((h) => first.includes(h))).toEqual([]);

    const topCategories = page.locator('.facet-category .tree > li');
    await expect(topCategories.count()).resolves.toBe(8);
    const more = page.locator('.facet-category > div > .link-button');
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
    await more.click();
    expect(await topCategories.count()).toBeGreaterThan(8);
    await expect(page.locator('.facet-category > div > .link-button').getAttribute('aria-expanded')).resolves.toBe('true');
    await screenshot(page, 'browse-page-2');
  });
});

describe('category facet', () => {
  it('names the Red List of every top-level category while they come from several lists, and of none within one list', async () => {
    await open(page, web.url);
    const tops = page.locator('.facet-category .tree > li > .tree-row .option-label');
    const labels = await tops.allInnerTexts();
    expect(labels.length).toBe(8);
    await expect(tops.locator('.hint-inline').count()).resolves.toBe(labels.length);
    // A heading no other list uses is named with its list like the shared ones ("Ceramics").
    expect(labels.find((l) => l.startsWith('Archaeology'))).toMatch(/^Archaeology · .*Ukraine/);
    expect(labels.filter((l) => l.startsWith('Ceramics · ')).length).toBeGreaterThan(1);
    await open(page, `${web.url}/?list=ukraine-2022`);
    await expect(page.locator('.facet-category .tree > li').count()).resolves.toBeGreaterThan(1);
    await expect(page.locator('.facet-category .hint-inline').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('object page', () => {
  it('shows the record, its category, the Red List context and the disclaimers, and goes back to the results', async () => {
    await open(page, `${web.url}/?q=cylinder+seal&country=IQ`);
    const first = page.locator('.hits .hit-title a').first();
    const title = await first.innerText();
    await afterRender(page, () => first.click());
    const url = new URL(page.url());
    expect(url.searchParams.get('object')).toMatch(/^iraq-20\d\d:\d+/);
    await expect(page.locator('h1').innerText()).resolves.toBe(title);
    const fields = await page.locator('.object-fields .defs dt').allInnerTexts();
    expect(fields).toEqual(expect.arrayContaining(['Object type', 'Category', 'Materials', 'Date', 'Countries']));
    await expect(page.locator('.disclaimers li').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('not stolen objects'),
      expect.stringContaining('not a proof'),
      expect.stringContaining('no certificates'),
    ]);
    const list = page.locator('section[aria-labelledby=list-h]');
    await expect(list.innerText()).resolves.toMatch(/Emergency Red List of Iraqi/);
    await expect(list.locator('.badge-emergency').count()).resolves.toBe(1);
    await expect(list.innerText()).resolves.toMatch(/Covers\s+Iraq/);
    await expect(page.locator('#category-h').innerText()).resolves.toMatch(/^What the category/);
    for (const id of ['suspicious-h', 'law-h', 'contacts-h']) await expect(page.locator(`#${id}`).count(), id).resolves.toBe(1);
    await screenshot(page, 'object');
    await afterRender(page, () => page.getByRole('link', { name: 'Back to results' }).click());
    expect(new URL(page.url()).search).toBe('?q=cylinder+seal&country=IQ');
    await afterRender(page, () => page.goBack());
    expect(new URL(page.url()).searchParams.has('object')).toBe(true);
  });

  it('prints on at most two A4 pages with the dataset version and the date', async () => {
    await page.emulateMedia({ media: 'print' });
    const meta = page.locator('.print-meta');
    await expect(meta.isVisible()).resolves.toBe(true);
    const version = await page.evaluate(() => document.documentElement.dataset.datasetVersion);
    expect(version).toBeTruthy();
    const text = await meta.innerText();
    expect(text).toContain(String(version));
    expect(text).toContain(String(new Date().getUTCFullYear()));
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await screenshot(page, 'object-print-media');
    // Back to no emulation: page.pdf() then prints with the print stylesheet, as a browser does.
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(join(SCREENSHOT_DIR, 'object-print.pdf'), pdf);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    expect(errors).toEqual([]);
  });
});
