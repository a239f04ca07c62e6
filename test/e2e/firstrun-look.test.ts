import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SEED_ACTIVITY_ID, SEED_CONTEST_ID } from '../../emulator/seed';
import { seedBases } from '../../emulator/seed/bases';
import { PENDING_STORY_ID, STORY_CONTEST_ID } from '../../emulator/seed/stories';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import { callAs, RESULTS_DIR, useH5Harness, visiblePage, waitForPageToSettle } from '../support/browser';

const VIEWPORT = { width: 375, height: 812 };
const h5 = useH5Harness({ viewport: VIEWPORT });
const SCREENSHOTS = join(RESULTS_DIR, 'firstrun');
/** WCAG 2 AA for body text; the sweep holds every text to it, large or not. */
const MIN_CONTRAST = 4.5;

/** A newcomer who has accepted the privacy guide but belongs to no branch: every tab is the 加入党支部 guide. */
const CONSENTED_STRANGER = 'wx-e2e-consented-stranger';
type Identity = 'demo-stranger' | typeof CONSENTED_STRANGER | 'demo-member' | 'demo-secretary' | 'demo-admin';
type Mode = 'normal' | 'large';

interface Stop {
  name: string;
  path: string;
}

const BASE_ID = seedBases[0]?.id ?? '';
/** A published work with an award and ratings: every mark a reader's page can show. */
const AWARDED_STORY_ID = 'seed-story-red-army-spring';

/** Sub-pages anyone can open from a shared link or a tab without typing anything. */
const SHARED_STOPS: Stop[] = [
  { name: 'activity-detail', path: `/activity/detail/index?id=${SEED_ACTIVITY_ID}` },
  { name: 'bases-list', path: '/bases/list/index' },
  { name: 'base-detail', path: `/bases/detail/index?id=${BASE_ID}` },
];

const MEMBER_STOPS: Stop[] = [
  ...SHARED_STOPS,
  { name: 'footprint', path: '/bases/footprint/index' },
  { name: 'mycode', path: '/bases/mycode/index' },
  { name: 'quiz-board', path: `/quiz/board/index?contestId=${SEED_CONTEST_ID}` },
  { name: 'practice', path: '/quiz/practice/index' },
  { name: 'story-feed', path: '/story/feed/index' },
  { name: 'story-detail', path: `/story/detail/index?id=${AWARDED_STORY_ID}` },
  { name: 'story-campaign', path: `/story/campaign/index?id=${STORY_CONTEST_ID}` },
];

const STOPS: Record<Identity, Stop[]> = {
  'demo-stranger': [...SHARED_STOPS, { name: 'join', path: '/pages/join/index' }],
  [CONSENTED_STRANGER]: [...SHARED_STOPS, { name: 'join', path: '/pages/join/index' }],
  'demo-member': MEMBER_STOPS,
  'demo-secretary': [
    ...MEMBER_STOPS,
    { name: 'branch-members', path: '/branch/members/index' },
    { name: 'branch-approvals', path: '/branch/approvals/index' },
    { name: 'branch-invite', path: '/branch/invite/index' },
    { name: 'activity-edit', path: '/activity/edit/index' },
    { name: 'activity-attendees', path: `/activity/attendees/index?id=${SEED_ACTIVITY_ID}` },
    { name: 'activity-checkin', path: `/activity/checkin/index?id=${SEED_ACTIVITY_ID}` },
    { name: 'story-review', path: '/story/review/index' },
    { name: 'story-pending', path: `/story/detail/index?id=${PENDING_STORY_ID}` },
  ],
  'demo-admin': [
    ...MEMBER_STOPS,
    { name: 'admin-bank', path: '/admin/bank/index' },
    { name: 'admin-contests', path: '/admin/contests/index' },
    { name: 'admin-contest-new', path: '/admin/contest/index' },
    { name: 'admin-results', path: `/admin/results/index?contestId=${SEED_CONTEST_ID}` },
    { name: 'admin-roster', path: '/admin/roster/index' },
    { name: 'admin-audit', path: '/admin/audit/index' },
    { name: 'admin-campaigns', path: '/admin/campaigns/index' },
    { name: 'admin-campaign-new', path: '/admin/campaign/index' },
    { name: 'story-review', path: '/story/review/index' },
  ],
};

/** What every tab page must show an identity, where that is the point of sweeping it. */
const ON_EVERY_TAB: Partial<Record<Identity, string>> = { [CONSENTED_STRANGER]: '.ht-join-guide' };

interface Finding {
  kind: 'past the right edge' | 'horizontal scroll' | 'contrast';
  detail: string;
}

/** The tab pages as the built app lists them, so the sweep follows the tab bar whatever it holds. */
async function tabStops(page: Page): Promise<Stop[]> {
  const paths = await page.evaluate(() => {
    const config = (window as unknown as { __taroAppConfig: { tabBar: { list: { pagePath: string }[] } } }).__taroAppConfig;
    return config.tabBar.list.map((item) => `/${item.pagePath.replace(/^\//, '')}`);
  });
  return paths.map((path) => ({ name: path.split('/')[2] ?? path, path }));
}

/** Counts the app's function calls in flight, so a page counts as loaded only once its data has arrived. */
function trackCalls(page: Page): () => Promise<void> {
  let inFlight = 0;
  let idle: (() => void)[] = [];
  const isCall = (url: string) => url.includes('/fn/');
  const settle = () => {
    if (inFlight > 0) return;
    idle.forEach((resolve) => resolve());
    idle = [];
  };
  page.on('request', (request) => {
    if (isCall(request.url())) inFlight += 1;
  });
  const finished = (request: { url(): string }) => {
    if (!isCall(request.url())) return;
    inFlight -= 1;
    settle();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve)));
}

async function open(page: Page, baseUrl: string, path: string, callsDone: () => Promise<void>): Promise<void> {
  await page.goto(`${baseUrl}/#${path}`);
  await page.reload();
  await waitForPageToSettle(page);
  await visiblePage(page).locator('.ht-page').first().waitFor();
  // A section first draws a skeleton, then calls; the page is loaded when no skeleton is left and no call is out.
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((node) => node.offsetParent !== null);
    const top = shown[shown.length - 1];
    return top !== undefined && top.querySelector('.ht-skeleton') === null;
  });
  await callsDone();
}

/** Runs in the page: every layout and contrast problem of the page on top, its title bar and the tab bar. */
function inspectInPage(minContrast: number): { kind: string; detail: string }[] {
  type Rgba = [number, number, number, number];
  const findings: { kind: string; detail: string }[] = [];
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((node) => node.offsetParent !== null);
  const top = pages[pages.length - 1];
  if (!top) return [{ kind: 'past the right edge', detail: 'no page shown' }];
  const roots: Element[] = [top, ...Array.from(document.querySelectorAll('taro-tabbar'))];

  const describe = (element: Element) => {
    const classes = typeof element.className === 'string' ? element.className.split(/\s+/).filter(Boolean).slice(0, 2).join('.') : '';
    const text = (element.textContent ?? '').trim().slice(0, 24);
    return `<${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}> "${text}"`;
  };

  // 1. Nothing reaches past the right edge, once what a clipping (or deliberately scrolling) ancestor inside the page cuts off is
  // taken away. The page itself scrolls vertically, so it would clip everything: it does not count.
  const width = window.innerWidth;
  for (const root of roots) {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      let right = box.right;
      for (let parent = element.parentElement; parent && parent !== root; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') right = Math.min(right, parent.getBoundingClientRect().right);
      }
      if (right > width + 0.5) findings.push({ kind: 'past the right edge', detail: `${describe(element)} ends at ${right.toFixed(1)}px` });
    }
  }

  // 2. No horizontal scroll, neither of the document nor of the page's own scroller.
  const scroller = document.scrollingElement;
  if (scroller && scroller.scrollWidth > width) findings.push({ kind: 'horizontal scroll', detail: `document ${scroller.scrollWidth}px` });
  if (top.scrollWidth > top.clientWidth)
    findings.push({ kind: 'horizontal scroll', detail: `page ${top.scrollWidth}px > ${top.clientWidth}px` });

  // 3. Every visible text against what is behind it.
  const parse = (value: string): Rgba => {
    const parts = /rgba?\(([^)]+)\)/
      .exec(value)?.[1]
      ?.split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number) ?? [0, 0, 0, 0];
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const over = (front: Rgba, back: Rgba): Rgba => {
    const alpha = front[3];
    return [0, 1, 2].map((index) => (front[index] ?? 0) * alpha + (back[index] ?? 0) * (1 - alpha)).concat(1) as Rgba;
  };
  const luminance = ([r, g, b]: Rgba) => {
    const channel = (value: number) => {
      const s = value / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  /** The backgrounds from the element up to the first opaque one, laid over each other. */
  const backgroundOf = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    return layers.reduceRight<Rgba>((behind, layer) => over(layer, behind), [255, 255, 255, 1]);
  };
  const opacityOf = (element: Element) => {
    let opacity = 1;
    for (let node: Element | null = element; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
    return opacity;
  };
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || element.getClientRects().length === 0) continue;
      const background = backgroundOf(element);
      const colour = parse(style.color);
      const seen = over([colour[0], colour[1], colour[2], colour[3] * opacityOf(element)], background);
      const [light, dark] = [luminance(seen), luminance(background)].sort((a, b) => b - a) as [number, number];
      const ratio = (light + 0.05) / (dark + 0.05);
      if (ratio < minContrast)
        findings.push({
          kind: 'contrast',
          detail: `"${text.slice(0, 24)}" ${style.color} on ${background.join(',')}: ${ratio.toFixed(2)}:1`,
        });
    }
  }
  return findings;
}

/** A screenshot of the whole page: its scroller is the page itself, so the viewport grows to its height for the shot. */
async function screenshotWholePage(page: Page, file: string): Promise<void> {
  const height = await page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((node) => node.offsetParent !== null);
    const top = shown[shown.length - 1];
    const tabBar = document.querySelector('taro-tabbar')?.getBoundingClientRect().height ?? 0;
    return Math.ceil((top?.scrollHeight ?? 0) + tabBar);
  });
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height) });
  await page.screenshot({ path: file });
  await page.setViewportSize(VIEWPORT);
}

async function sweep(identity: Identity, mode: Mode): Promise<string[]> {
  const { page, harness } = h5;
  const callsDone = trackCalls(page);
  await page.goto(`${harness.baseUrl}/`);
  await page.evaluate(
    ([openid, large]) => {
      localStorage.setItem('hongtu.openid', openid);
      // Taro's setStorageSync keeps { data } as JSON; largeFont.ts reads it back through getStorageSync.
      localStorage.setItem('hongtu.largeFont', JSON.stringify({ data: large }));
    },
    [identity, mode === 'large'] as const,
  );
  const problems: string[] = [];
  const tabs = await tabStops(page);
  for (const stop of [...tabs, ...STOPS[identity]]) {
    await open(page, harness.baseUrl, stop.path, callsDone);
    const marker = ON_EVERY_TAB[identity];
    if (marker && tabs.includes(stop))
      expect({ page: stop.name, shown: await visiblePage(page).locator(marker).count() }).toEqual({ page: stop.name, shown: 1 });
    const large = await page.evaluate(() => document.querySelector('.taro_page .ht-page--large') !== null);
    expect({ page: stop.name, large }).toEqual({ page: stop.name, large: mode === 'large' });
    const findings: Finding[] = (await page.evaluate(inspectInPage, MIN_CONTRAST)) as Finding[];
    problems.push(...findings.map((finding) => `${stop.name}: ${finding.kind}: ${finding.detail}`));
    await screenshotWholePage(page, join(SCREENSHOTS, `${identity}-${mode}-${stop.name}.png`));
  }
  return problems;
}

describe('首次使用：每个身份、两种字号下的每个页面（375×812）', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await callAs(h5.harness, CONSENTED_STRANGER, 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
  });

  const identities: Identity[] = ['demo-stranger', CONSENTED_STRANGER, 'demo-member', 'demo-secretary', 'demo-admin'];
  const modes: Mode[] = ['normal', 'large'];
  for (const identity of identities) {
    for (const mode of modes) {
      it(`${identity}（${mode === 'large' ? '大字' : '标准'}）：没有元素越过屏幕右缘、没有横向滚动、文字对比度都不低于 4.5:1，控制台无错误`, async () => {
        expect(await sweep(identity, mode)).toEqual([]);
      });
    }
  }

  it('直接打开的子页面有标题栏；返回在没有历史时回到首页，标签页只有标题', async () => {
    const { page, harness } = h5;
    const callsDone = trackCalls(page);
    await open(page, harness.baseUrl, '/bases/list/index', callsDone);
    await visiblePage(page).locator('.ht-titlebar__title').filter({ hasText: '红色教育基地' }).waitFor();
    await visiblePage(page).getByRole('button', { name: '返回' }).click();
    await visiblePage(page).locator('.ht-titlebar__title').filter({ hasText: '红途' }).waitFor();
    expect(await visiblePage(page).getByRole('button', { name: '返回' }).count()).toBe(0);
  });
});
