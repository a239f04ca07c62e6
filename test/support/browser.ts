import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { qrCodePng } from '../../emulator/qrPng';
import { loadBundle } from '../../emulator/runner';
import type { TimerReport } from '../../types/contracts/cron';
import { startSeededGateway } from './gatewayEnv';

export const RESULTS_DIR = join(__dirname, '..', '..', 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Without the background-networking flags Chromium keeps dialling out, and this machine refuses it. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface H5Harness {
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** Waits for what the platform pushes after a call (an image check's verdict), which the gateway delivers on its own. */
  settlePushes(): Promise<number>;
  /** One run of `cron`'s timer trigger, where a minute would pass: the statistics move only then. */
  runCron(): Promise<TimerReport>;
  close(): Promise<void>;
}

export interface H5HarnessOptions {
  /** CSS pixels of the phone; the default is a common large phone. */
  viewport?: { width: number; height: number };
}

/** A seeded gateway serving the bundled functions and the H5 build, and a phone-sized page in Debian's Chromium. */
export async function startH5Harness({ viewport = { width: 390, height: 844 } }: H5HarnessOptions = {}): Promise<H5Harness> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const gateway = await startSeededGateway(loadBundle);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport, deviceScaleFactor: 2, locale: 'zh-CN' });
  return {
    baseUrl: gateway.baseUrl,
    browser,
    page,
    settlePushes: () => gateway.settlePushes(),
    runCron: () => gateway.runCron(),
    close: async () => {
      await browser.close();
      await gateway.close();
    },
  };
}

/**
 * One harness per test file: started before its tests, closed after. Read `harness`/`page` inside
 * tests (they exist once beforeAll has run). Every test fails if the page logged a console error.
 */
export function useH5Harness(options: H5HarnessOptions = {}): { readonly harness: H5Harness; readonly page: Page } {
  jest.setTimeout(120_000);
  let started: H5Harness | undefined;
  beforeAll(async () => {
    started = await startH5Harness(options);
  });
  afterAll(() => started?.close());
  const harness = {
    get harness() {
      if (!started) throw new Error('the H5 harness starts in beforeAll; use it inside a test');
      return started;
    },
    get page() {
      return this.harness.page;
    },
  };
  failOnConsoleErrors(harness);
  return harness;
}

/**
 * Fails each test of the file in which the page logged a console error or threw an uncaught error
 * (React's warnings about the DOM, a failed request, a crashed handler): a member would not see
 * them, but they are bugs.
 */
function failOnConsoleErrors(h5: { readonly page: Page }): void {
  const errors: string[] = [];
  beforeAll(() => {
    h5.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()} (${message.location().url})`);
    });
    h5.page.on('pageerror', (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));
  });
  afterEach(() => {
    const seen = errors.splice(0);
    if (seen.length > 0) throw new Error(`the page logged ${seen.length} error(s):\n${seen.join('\n')}`);
  });
}

/** The page on top: Taro H5 keeps earlier pages in the DOM, hidden. */
export function visiblePage(page: Page) {
  return page.locator('.taro_page:visible');
}

/** Taro H5 slides a new page in; a screenshot taken mid-slide shows it cut off, so wait until it has settled. */
export async function waitForPageToSettle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
        (node) => node.offsetParent !== null || getComputedStyle(node).display !== 'none',
      );
      const top = shown[shown.length - 1];
      return top !== undefined && Math.abs(top.getBoundingClientRect().left) < 1;
    },
    undefined,
    { timeout: 5_000 },
  );
}

/** Switches the demo identity (the local picker keeps it in localStorage) and opens `hashPath` as that person. */
export async function openAs(harness: H5Harness, openid: string, hashPath: string): Promise<void> {
  const { page, baseUrl } = harness;
  await page.goto(`${baseUrl}/`);
  await page.evaluate((id) => localStorage.setItem('hongtu.openid', id), openid);
  await page.goto(`${baseUrl}/#${hashPath}`);
  await page.reload();
}

/** A weui button on the page on top, by its whole label. */
export function visibleButton(page: Page, label: string) {
  return visiblePage(page)
    .locator('.ht-button')
    .filter({ hasText: new RegExp(`^${label}$`) });
}

/** A full-page screenshot into test-results/, once the page has finished sliding in. */
export async function settledScreenshot(page: Page, name: string): Promise<void> {
  await waitForPageToSettle(page);
  await page.screenshot({ path: join(RESULTS_DIR, name), fullPage: true });
}

/** Calls a function through the gateway as `openid`, as the H5 app does: for setting up what a test then drives in the page. */
export async function callAs<T>(harness: H5Harness, openid: string, name: string, action: string, input: unknown): Promise<T> {
  const response = await fetch(`${harness.baseUrl}/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': openid },
    body: JSON.stringify({ action, input }),
  });
  const answer = (await response.json()) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!answer.ok) throw new Error(`${name}.${action} as ${openid}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/** A real PNG on disk, as a phone's photo would be picked from the album (the picture: a QR code of `caption`). */
export function photoFile(caption: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hongtu-e2e-')), 'photo.png');
  writeFileSync(path, qrCodePng(caption, 240));
  return path;
}

/** An <img> as the browser drew it: decoded, not a broken image. */
export async function expectImageShown(image: Locator): Promise<void> {
  await image.scrollIntoViewIfNeeded();
  await image.evaluate(
    (element: HTMLImageElement) =>
      new Promise<void>((resolve, reject) => {
        const check = () => (element.naturalWidth > 0 ? resolve() : reject(new Error(`photo did not load: ${element.src}`)));
        if (element.complete && element.src) check();
        else element.addEventListener('load', check, { once: true });
        element.addEventListener('error', () => reject(new Error(`photo did not load: ${element.src}`)), { once: true });
      }),
  );
}
