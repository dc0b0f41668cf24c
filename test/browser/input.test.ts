import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS } from '../../src/schemas/search.js';
import { startWebApp, type WebApp } from '../helpers/browser-app.js';
import { afterRender, launchChromium, newPage, open, screenshot, type Browser } from '../helpers/browser-chromium.js';

/**
 * What people type and press: dates and measurements written as the API accepts them, the API's
 * own reason by the field it refuses, the query's length limit, and the keyboard path from the
 * query box to the results and back from an object.
 */
let web: WebApp;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  web = await startWebApp('input');
  browser = await launchChromium({ locale: 'en-GB' });
  ({ page, errors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

interface ApiAnswer {
  status: number;
  total?: number;
  hits?: { id: string }[];
  errors?: { name: string; reason: string }[];
}

/** The API asked directly, as a script would. */
async function api(params: Record<string, string>): Promise<ApiAnswer> {
  const res = await fetch(`${web.url}/v1/search?${new URLSearchParams({ lang: 'en', size: '20', ...params })}`);
  return { status: res.status, ...((await res.json()) as object) };
}

const apply = () => page.locator('.filters button[type=submit]').click();
const focused = () => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return { id: el?.id ?? '', key: el?.dataset.focusKey ?? '', text: el?.textContent?.trim() ?? '', cls: el?.className ?? '' };
});
const shownIds = () => page.locator('.hits .hit-title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('object')));
const shownCount = async () => Number(/([\d,]+)/.exec(await page.locator('#result-count').innerText())?.[1]?.replaceAll(',', '') ?? NaN);

describe('dates and measurements as the API takes them', () => {
  beforeEach(async () => {
    await open(page, `${web.url}/`);
    errors.length = 0;
  });

  it('finds what the API finds for a height of "9 1/2 in" from "siglo XVIII", and keeps the text as typed', async () => {
    await page.locator('#f-height').fill('9 1/2 in');
    await page.locator('#f-date_from').fill('siglo XVIII');
    const request = page.waitForRequest((r) => r.url().includes('/v1/search?') && !r.url().includes('size=0'));
    await afterRender(page, apply);
    const sent = new URL((await request).url()).searchParams;
    expect([sent.get('height'), sent.get('date_from')]).toEqual(['9 1/2 in', 'siglo XVIII']);

    const expected = await api({ height: '9 1/2 in', date_from: 'siglo XVIII' });
    expect(expected.status).toBe(200);
    expect(expected.total).toBeGreaterThan(0);
    await expect(shownCount()).resolves.toBe(expected.total);
    await expect(shownIds()).resolves.toEqual(expected.hits!.map((h) => h.id));
    await expect(page.locator('#f-height').inputValue()).resolves.toBe('9 1/2 in');
    await expect(page.locator('#f-date_from').inputValue()).resolves.toBe('siglo XVIII');
    const chips = await page.locator('.chips').innerText();
    expect(chips).toContain('Height 9 1/2 in');
    expect(chips).toContain('From siglo XVIII');
    expect(chips).not.toContain('in cm');
    await screenshot(page, 'filters-free-text');
    expect(errors).toEqual([]);
  });

  // [field, as typed, unit chosen in the dropdown, the same value for the API]
  const forms: [string, string, string, string][] = [
    ['height', '24 cm', 'cm', '24 cm'],
    ['height', '9½', 'in', '9½ in'],
    ['height', '20-30 cm', 'in', '20-30 cm'],
    ['height', '24', 'in', '24in'],
    ['date_from', '18th century', 'cm', '18th century'],
    ['date_from', 'ca. 500 BC', 'cm', 'ca. 500 BC'],
    ['date_to', '1000 BC', 'cm', '1000 BC'],
    ['date_to', '-1000', 'cm', '-1000'],
  ];
  it.each(forms)('%s "%s" (unit %s) gives the results of the API for %s', async (field, typed, unit, sent) => {
    await page.locator(`#f-${field}`).fill(typed);
    await page.locator('#f-unit').selectOption(unit);
    await afterRender(page, apply);
    const expected = await api({ [field]: sent });
    expect(expected.status).toBe(200);
    await expect(shownCount()).resolves.toBe(expected.total);
    await expect(page.locator('.field-error:visible').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows the API\'s own reason by the field it refuses, and keeps the results until it accepts', async () => {
    await afterRender(page, async () => {
      await page.locator('#q').fill('seal');
      await page.locator('#q').press('Enter');
    });
    const before = await shownIds();
    await page.locator('#f-height').fill('tall');
    await page.locator('#f-date_from').fill('1800');
    await page.locator('#f-date_to').fill('siglo XV');
    await apply();
    await page.locator('#f-height-err').waitFor({ state: 'visible' });
    const refused = await api({ q: 'seal', height: 'tall', date_from: '1800', date_to: 'siglo XV' });
    expect(refused.status).toBe(400);
    const reason = (name: string) => refused.errors!.find((e) => e.name === name)?.reason;
    await expect(page.locator('#f-height-err').innerText()).resolves.toBe(reason('height'));
    await expect(page.locator('#f-date_to-err').innerText()).resolves.toBe(reason('date_to'));
    await expect(page.locator('#f-height').getAttribute('aria-invalid')).resolves.toBe('true');
    // Focus on the first refused field in the form's order.
    await expect(focused()).resolves.toMatchObject({ id: 'f-date_to' });
    expect(new URL(page.url()).searchParams.has('height')).toBe(false);
    await expect(shownIds()).resolves.toEqual(before);
    await screenshot(page, 'filters-refused');
    expect(errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
  });

  it('lists the accepted forms in the hints', async () => {
    const dateHint = await page.locator('#f-date-hint').innerText();
    for (const form of ['1000 BC', '-1000', '18th century', 'siglo XVIII', 'ca. 500 BC']) expect(dateHint).toContain(form);
    const sizeHint = await page.locator('#f-size-hint').innerText();
    for (const form of ['24 cm', '9 1/2 in', '9½', '20-30 cm']) expect(sizeHint).toContain(form);
    const described = await page.locator('#f-height').getAttribute('aria-describedby');
    expect(described?.split(' ')).toContain('f-size-hint');
  });
});

describe('the query limit', () => {
  it('takes no more characters than the API does and says so before the search', async () => {
    await open(page, `${web.url}/`);
    const q = page.locator('#q');
    await expect(q.getAttribute('maxlength')).resolves.toBe(String(MAX_QUERY_CHARS));
    await expect(page.locator('#q-limit').innerText()).resolves.toBe(`Up to ${MAX_QUERY_CHARS} characters or ${MAX_QUERY_TERMS} words.`);
    await q.focus();
    await page.keyboard.insertText('x'.repeat(250));
    await expect(q.inputValue()).resolves.toHaveLength(MAX_QUERY_CHARS);
    await expect(page.locator('#q-limit').innerText()).resolves.toMatch(new RegExp(`^${MAX_QUERY_CHARS} of ${MAX_QUERY_CHARS} characters`));
  });

  it('counts the words past the limit, then shows the API\'s reason by the query box', async () => {
    await open(page, `${web.url}/`);
    errors.length = 0;
    const words = Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, i) => `seal${i}`).join(' ');
    await page.locator('#q').fill(words);
    await expect(page.locator('#q-limit.over').innerText()).resolves.toContain(`${MAX_QUERY_TERMS + 1} of ${MAX_QUERY_TERMS} words`);
    await afterRender(page, () => page.locator('#q').press('Enter'));
    const refused = await api({ q: words });
    expect(refused.status).toBe(400);
    await expect(page.locator('#q-err').innerText()).resolves.toBe(refused.errors![0]!.reason);
    await expect(page.locator('#q').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(focused()).resolves.toMatchObject({ id: 'q' });
    await screenshot(page, 'query-too-long');
    expect(errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
  });
});

describe('keyboard', () => {
  it('reaches the first result in one Tab after a search, and announces the count', async () => {
    await open(page, `${web.url}/`);
    await page.locator('#q').focus();
    await page.keyboard.type('cylinder seal');
    await afterRender(page, () => page.keyboard.press('Enter'));
    await expect(focused()).resolves.toMatchObject({ id: 'result-count' });
    await expect(page.locator('#announcer').innerText()).resolves.toMatch(/results? for “cylinder seal”/);
    await page.keyboard.press('Tab');
    const first = await page.locator('.hits .hit-title a').first().getAttribute('data-focus-key');
    await expect(focused()).resolves.toMatchObject({ key: first });
  });

  it('skips the filters and facets from the query box in Tab, Tab, Enter', async () => {
    await open(page, `${web.url}/?q=cylinder+seal&country=IQ&emergency=true`);
    await page.locator('#q').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ text: 'Skip to results' });
    const box = await page.locator('.skip-results').boundingBox();
    expect(box!.width).toBeGreaterThan(40);
    await screenshot(page, 'skip-to-results', false);
    await page.keyboard.press('Enter');
    const first = await page.locator('.hits .hit-title a').first().getAttribute('data-focus-key');
    await expect(focused()).resolves.toMatchObject({ key: first });
  });

  it('goes back from an object with Escape, to the result it was opened from', async () => {
    await open(page, `${web.url}/?q=cylinder+seal`);
    const second = page.locator('.hits .hit-title a').nth(1);
    const key = await second.getAttribute('data-focus-key');
    await second.focus();
    await afterRender(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).searchParams.get('object')).toBe(key!.replace(/^hit:/, ''));
    await afterRender(page, () => page.keyboard.press('Escape'));
    expect(new URL(page.url()).search).toBe('?q=cylinder+seal');
    await expect(focused()).resolves.toMatchObject({ key });
    expect(errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
  });
});
