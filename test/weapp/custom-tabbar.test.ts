/**
 * The weapp custom tab bar from dist/weapp in miniprogram-simulate (run `npm run build:weapp` first): the tab page on
 * screen marks its tab, and a tap switches tabs. Large-font sizes are CSS (src/custom-tab-bar/index.css).
 */
import path from 'node:path';
import type { RootComponent } from 'miniprogram-simulate';
import { renderBuiltPage, succeed, waitUntil, WEAPP_DIST, wxGlobal } from '../support/weappSimulate';

const member = {
  id: 'm-demo-member',
  name: '李红',
  branchId: 'branch-1',
  branchName: '第一党支部',
  role: 'member',
  partyStatus: 'full',
  status: 'active',
  joinedAt: '2024-07-01T02:00:00.000Z',
};

const callFunction = jest.fn(async ({ name, data }: { name: string; data: { action: string } }) => {
  const key = `${name}.${data.action}`;
  const answers: Record<string, unknown> = {
    'member.me': { ok: true, data: { privacyAccepted: true, privacyVersion: '2026-11', member } },
    'activity.list': { ok: true, data: { items: [], nextCursor: null } },
    'quiz.contests': { ok: true, data: { items: [] } },
  };
  return { result: answers[key] ?? { ok: true, data: {} }, errMsg: 'cloud.callFunction:ok', requestID: 'test' };
});
const switchTab = succeed<{ url: string }>();

type TabBarRoot = RootComponent<
  WechatMiniprogram.Component.DataOption,
  WechatMiniprogram.Component.PropertyOption,
  WechatMiniprogram.Component.MethodOption
>;

describe('自定义标签栏（微信小程序构建产物）', () => {
  let tabBar: TabBarRoot;

  /** Each tab as its label and whether it is drawn as the current one. */
  const tabs = () =>
    Array.from(tabBar.dom?.querySelectorAll<HTMLElement>('[class*="ht-tabbar__item"]') ?? []).map((node) => ({
      label: (node.textContent ?? '').trim(),
      current: /ht-tabbar__item--current/.test(node.className),
    }));

  beforeAll(() => {
    const wx = wxGlobal();
    wx.cloud = { init: jest.fn(), callFunction };
    wx.switchTab = switchTab;
    // The 首页 tab page comes into view first, as at launch; its show marks its tab.
    renderBuiltPage('pages/home/index');
    const simulate = require('miniprogram-simulate') as typeof import('miniprogram-simulate');
    // Taro fills a component's unset behaviors with {}, which WeChat ignores and j-component cannot map over.
    const globals = globalThis as unknown as { Component: (definition: Record<string, unknown>) => void };
    const register = globals.Component;
    globals.Component = (definition) =>
      register({ ...definition, behaviors: Array.isArray(definition.behaviors) ? definition.behaviors : [] });
    tabBar = simulate.render(simulate.load(path.join(WEAPP_DIST, 'custom-tab-bar/index'), { compiler: 'official', rootPath: WEAPP_DIST }));
    tabBar.attach(document.createElement('parent-wrapper'));
  });

  it('画出五个标签，正在看的首页标为当前', async () => {
    await waitUntil(() => tabs().length === 5 && tabs().some((tab) => tab.current), 'five tabs with a current one');
    expect(tabs()).toEqual([
      { label: '首页', current: true },
      { label: '活动', current: false },
      { label: '答题', current: false },
      { label: '打卡', current: false },
      { label: '我的', current: false },
    ]);
  });

  it('点「答题」切换到答题标签页并把它标为当前', async () => {
    const quizTab = Array.from(tabBar.dom?.querySelectorAll<HTMLElement>('[data-sid]') ?? []).find(
      (node) => /ht-tabbar__item\b/.test(node.className) && node.textContent?.includes('答题'),
    );
    const target = tabBar.querySelector(`#${quizTab?.getAttribute('data-sid') ?? 'missing'}`);
    if (!target) throw new Error('no 答题 tab to tap');
    target.dispatchEvent('tap');

    await waitUntil(() => switchTab.mock.calls.length > 0, 'wx.switchTab');
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/quiz/index' }));
    await waitUntil(() => tabs().find((tab) => tab.current)?.label === '答题', '答题 marked current');
  });
});
