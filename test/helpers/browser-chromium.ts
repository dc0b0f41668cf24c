import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core: headless, sandbox off (CI containers), no
 * background traffic, a fresh profile per context. `.ci/run` installs the package.
 */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const OUTPUT_DIR = resolve('test-output');
export const SCREENSHOT_DIR = join(OUTPUT_DIR, 'screenshots');
mkdirSync(SCREENSHOT_DIR, { recursive: true });

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface BrowserOptions {
  locale?: string;
  viewport?: { width: number; height: number };
  /** Emulate a phone (touch, mobile viewport meta honoured). */
  mobile?: boolean;
}

/** Launches Chromium with a fresh user-data dir; close() removes the dir. */
export async function launchChromium(opts: BrowserOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'redlist-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: opts.locale ?? 'en-GB',
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    isMobile: opts.mobile ?? false,
    hasTouch: opts.mobile ?? false,
    deviceScaleFactor: 1,
    acceptDownloads: true,
    timezoneId: 'UTC',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A new page whose console errors and failed requests are collected for assertions. */
export async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return { page, errors };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

export interface Transfer {
  url: string;
  status: number;
  type: string;
  bytes: number;
}

/** Records every response with its transferred size (headers + encoded body). */
export function recordTransfers(page: Page): { transfers: Transfer[]; done: () => Promise<void> } {
  const transfers: Transfer[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (res: Response) => {
    pending.push(
      (async () => {
        const sizes = await res.request().sizes().catch(() => null);
        transfers.push({
          url: res.url(),
          status: res.status(),
          type: res.request().resourceType(),
          bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0,
        });
      })(),
    );
  });
  return { transfers, done: async () => void (await Promise.all(pending)) };
}

/** Runs an action and waits until the page has rendered the view it leads to. */
export async function afterRender(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(() => Number(document.documentElement.dataset.renders ?? 0));
  await action();
  await page.waitForFunction((n) => Number(document.documentElement.dataset.renders ?? 0) > n, before);
}

/** Opens a path of the app and waits for its first view. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => Number(document.documentElement.dataset.renders ?? 0) > 0);
}

/** Number of pages of a PDF (its page objects). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
