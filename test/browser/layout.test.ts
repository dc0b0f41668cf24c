import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from '../helpers/browser-app.js';
import { afterRender, launchChromium, newPage, open, recordTransfers, screenshot } from '../helpers/browser-chromium.js';

/**
 * What the page costs and how it lays out: the first view's weight and hosts, Arabic laid out
 * right to left, a 360 px phone, and switching the interface language.
 */
let web: WebApp;

beforeAll(async () => {
  web = await startWebApp('layout');
});

afterAll(async () => {
  await web?.close();
});

describe('first view', () => {
  it('transfers well under 200 KB without images and asks no other host', async () => {
    const browser = await launchChromium();
    try {
      const { page, errors } = await newPage(browser);
      const requested: string[] = [];
      page.on('request', (req) => requested.push(req.url()));
      const rec = recordTransfers(page);
      await open(page, web.url);
      await page.waitForLoadState('networkidle');
      await rec.done();
      const counted = rec.transfers.filter((t) => t.type !== 'image');
      const bytes = counted.reduce((n, t) => n + t.bytes, 0);
      console.log(`[first view] ${counted.length} responses, ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB) without images:\n` +
        counted.map((t) => `  ${t.bytes}\t${t.type}\t${new URL(t.url).pathname}`).join('\n'));
      expect(bytes).toBeGreaterThan(5_000);
      expect(bytes).toBeLessThan(200 * 1024);
      const origin = new URL(web.url).origin;
      expect(requested.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin)).toEqual([]);
      expect(counted.every((t) => t.status < 400)).toBe(true);
      expect(errors).toEqual([]);
      await screenshot(page, 'first-view', false);

      // Landmarks, and a label for every control.
      for (const selector of ['header.site-header', 'nav.site-nav[aria-label]', 'main#main', 'footer.site-footer', 'form[role=search]', 'aside.refine[aria-labelledby]', '[aria-live=polite]']) {
        await expect(page.locator(selector).count(), selector).resolves.toBeGreaterThan(0);
      }
      const unlabelled = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button'))
          .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent?.trim())))
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(unlabelled).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('Arabic, right to left', () => {
  it('is chosen from the browser language, lays the page out mirrored, and asks the API in Arabic', async () => {
    const browser = await launchChromium({ locale: 'ar', viewport: { width: 1280, height: 900 } });
    try {
      const { page, errors } = await newPage(browser);
      const apiLangs = new Set<string>();
      page.on('request', (req) => {
        const u = new URL(req.url());
        if (/^\/v1\/(search|objects|lists)/.test(u.pathname)) apiLangs.add(u.searchParams.get('lang') ?? '');
      });
      await open(page, `${web.url}/?q=${encodeURIComponent('ختم أسطواني')}`);
      await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['ar', 'rtl']);
      await expect(page.locator('h1').innerText()).resolves.toBe('البحث في القوائم الحمراء');
      expect([...apiLangs]).toEqual(['ar']);
      const facets = await page.locator('.refine').boundingBox();
      const results = await page.locator('.results').boundingBox();
      expect(facets && results).toBeTruthy();
      // The facet column sits on the right, the results on its left.
      expect(facets!.x).toBeGreaterThan(results!.x + results!.width - 1);
      const brand = await page.locator('.brand').boundingBox();
      const lang = await page.locator('.lang-switch').boundingBox();
      expect(brand!.x).toBeGreaterThan(lang!.x);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(1280);
      await screenshot(page, 'arabic-search');
      const first = page.locator('.hits .hit-title a').first();
      if ((await first.count()) > 0) {
        await afterRender(page, () => first.click());
        await screenshot(page, 'arabic-object');
      }
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('a 360 px phone', () => {
  it('has no horizontal scroll on the search, the filters and the object page', async () => {
    const browser = await launchChromium({ viewport: { width: 360, height: 740 }, mobile: true, locale: 'fr-FR' });
    try {
      const { page, errors } = await newPage(browser);
      const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
      await open(page, `${web.url}/?q=cylinder+seal`);
      await expect(page.locator('h1').innerText()).resolves.toBe('Rechercher dans les Listes rouges');
      expect(await scrollWidth()).toBeLessThanOrEqual(360);
      await screenshot(page, 'phone-search', false);
      await expect(page.locator('.refine-body').isVisible()).resolves.toBe(false);
      await page.locator('.refine-toggle').click();
      await expect(page.locator('.refine-body').isVisible()).resolves.toBe(true);
      await afterRender(page, () => page.locator('.facet-country').getByRole('checkbox', { name: /^Irak \(/ }).check());
      await expect(page.locator('.refine-body').isVisible()).resolves.toBe(true);
      expect(await scrollWidth()).toBeLessThanOrEqual(360);
      await screenshot(page, 'phone-filters');
      await afterRender(page, () => page.locator('.hits .hit-title a').first().click());
      expect(await scrollWidth()).toBeLessThanOrEqual(360);
      await screenshot(page, 'phone-object');
      await open(page, `${web.url}/?view=photo`);
      expect(await scrollWidth()).toBeLessThanOrEqual(360);
      await open(page, `${web.url}/?view=bulk`);
      expect(await scrollWidth()).toBeLessThanOrEqual(360);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('interface language', () => {
  it('switches, is remembered across reloads, and asks the API for record text in that language', async () => {
    const browser = await launchChromium({ locale: 'en-US' });
    try {
      const { page } = await newPage(browser);
      await open(page, `${web.url}/?q=seal`);
      const search = page.waitForRequest((r) => r.url().includes('/v1/search') && r.url().includes('lang=es'));
      await afterRender(page, () => page.locator('#lang-select').selectOption('es'));
      await search;
      await expect(page.locator('h1').innerText()).resolves.toBe('Buscar en las Listas Rojas');
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');
      await open(page, `${web.url}/?q=seal`);
      await expect(page.locator('#lang-select').inputValue()).resolves.toBe('es');
      await expect(page.locator('.site-nav').innerText()).resolves.toContain('Búsqueda por foto');
      await screenshot(page, 'spanish-search');
    } finally {
      await browser.close();
    }
  });
});
