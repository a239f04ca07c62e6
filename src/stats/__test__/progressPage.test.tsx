import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { subscribeReplies } from '../../components/__test__/taroStub';
import { activeMember } from '../../components/__test__/membershipFixtures';
import { AS_OF, freshEachTest, ok, progress, serve } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../stats.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import MyProgressPage from '../progress/index';

function item(title: string): HTMLElement {
  return screen.getByRole('group', { name: title });
}

function buttonsIn(title: string): string[] {
  return within(item(title))
    .queryAllByRole('button')
    .map((button) => button.textContent ?? '');
}

// Eight minutes after the aggregator's run, the same Beijing day.
freshEachTest(callFunction, new Date(AS_OF).getTime() + 8 * 60_000);

describe('我的六个一', () => {
  it('已完成的项目写明算数的依据和日期，不再给去做的入口；页面说明数据更新的时间', async () => {
    serve(callFunction, activeMember, { myProgress: () => ok(progress()) });
    render(<MyProgressPage />);

    expect(await screen.findByText('已完成 1/6')).toBeTruthy();
    expect(within(item('参观一处景点')).getByText('参观「道县陈树湘党性教育基地」 · 6月3日')).toBeTruthy();
    expect(within(item('参观一处景点')).getByText('已完成')).toBeTruthy();
    expect(buttonsIn('参观一处景点')).toEqual([]);
    expect(screen.getByText('数据更新于 14:03')).toBeTruthy();
  });

  it('未完成的项目按方案允许的方式给出入口：报名（只看计入该项的活动）、写心得、上传党课视频、自报；自报待确认的只显示“待书记确认”', async () => {
    serve(callFunction, activeMember, { myProgress: () => ok(progress()) });
    render(<MyProgressPage />);
    await screen.findByText('已完成 1/6');

    expect(buttonsIn('上好一堂党课')).toEqual(['报名党课活动', '上传党课视频']);
    expect(buttonsIn('撰写一篇心得')).toEqual(['写心得']);
    expect(buttonsIn('观看一部影视')).toEqual(['报名观影活动', '自报']);
    expect(within(item('阅读一本书籍')).getByText('待书记确认')).toBeTruthy();
    expect(buttonsIn('阅读一本书籍')).toEqual([]);

    fireEvent.click(within(item('撰写一篇心得')).getByRole('button', { name: '写心得' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/story/edit/index?kind=reflection' });
    fireEvent.click(within(item('观看一部影视')).getByRole('button', { name: '自报' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/report/index?programmeId=prog-2026&item=film' });
    // 报名 opens the activity list narrowed to what counts for the item, not the whole list.
    fireEvent.click(within(item('上好一堂党课')).getByRole('button', { name: '报名党课活动' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/activity/list/index?countsFor=lesson' });
    fireEvent.click(within(item('观看一部影视')).getByRole('button', { name: '报名观影活动' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/activity/list/index?countsFor=film' });
    expect(taro.switchTab).not.toHaveBeenCalled();
  });

  it('学时按目标画成进度条，积分打开积分明细', async () => {
    serve(callFunction, activeMember, { myProgress: () => ok(progress()) });
    render(<MyProgressPage />);
    await screen.findByText('已完成 1/6');

    expect(within(screen.getByRole('group', { name: '学时 33%' })).getByText('6.5 / 20 学时 · 33%')).toBeTruthy();
    fireEvent.click(screen.getByText('15 分'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/ledger/index?programmeId=prog-2026' });
  });

  it('小程序里点“接收完成提醒”向微信申请一条学习提醒的订阅', async () => {
    const platform = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    process.env.TARO_APP_STUDY_REMINDER_TEMPLATE_ID = 'tmpl-study';
    subscribeReplies.set('tmpl-study', 'accept');
    try {
      serve(callFunction, activeMember, { myProgress: () => ok(progress()) });
      render(<MyProgressPage />);
      fireEvent.click(await screen.findByText('接收完成提醒'));
      expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-study'] });
      await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '已开启，书记提醒时会通过服务通知告诉你', icon: 'none' }));
    } finally {
      // Assigning undefined to process.env would store the string "undefined".
      if (platform === undefined) delete process.env.TARO_ENV;
      else process.env.TARO_ENV = platform;
      delete process.env.TARO_APP_STUDY_REMINDER_TEMPLATE_ID;
    }
  });

  it('还没有方案时说明原因，不显示清单', async () => {
    serve(callFunction, activeMember, { myProgress: () => ok(progress({ programme: null, items: [], doneCount: 0 })) });
    render(<MyProgressPage />);
    expect(await screen.findByText('暂无学习活动方案')).toBeTruthy();
    expect(screen.queryByText('我的六个一')).toBeNull();
  });

  it('加载失败时显示错误和重试，重试成功后显示清单', async () => {
    let reply: unknown = { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } };
    serve(callFunction, activeMember, { myProgress: () => reply });
    render(<MyProgressPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    reply = ok(progress());
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('已完成 1/6')).toBeTruthy();
  });
});
