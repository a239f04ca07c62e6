import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadBundle } from '../../emulator/runner';
import { startSeededGateway } from '../support/gatewayEnv';

jest.setTimeout(90_000);

const RESULTS_DIR = join(__dirname, '..', '..', 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let gateway: Awaited<ReturnType<typeof startSeededGateway>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  gateway = await startSeededGateway(loadBundle);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

describe('H5 首页端到端', () => {
  it('选择 demo-member 后首页显示种子活动与开放中的竞赛', async () => {
    await page.goto(gateway.baseUrl);
    await page.getByText('demo-member').first().click();

    const visiblePage = page.locator('.taro_page:visible');
    await visiblePage.getByText('林红').first().waitFor();
    await visiblePage.getByText('走进道县陈树湘党性教育基地').first().waitFor();
    await visiblePage.getByText('永州红色记忆 · 党史知识竞赛').first().waitFor();

    await page.screenshot({ path: join(RESULTS_DIR, 'h5-home-demo-member.png'), fullPage: true });
  });
});
