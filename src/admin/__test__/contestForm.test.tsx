import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { resetTaroStub, router } from '../../components/__test__/taroStub';
import { savedContest } from './contestFixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../admin.css', () => ({}));
jest.mock('../contest/contest.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import AdminContestPage from '../contest/index';

function field(container: HTMLElement, name: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const element = container.querySelector(`[name="${name}"]`);
  if (!element) throw new Error(`no control named ${name}`);
  return element as HTMLInputElement;
}

function set(container: HTMLElement, name: string, value: string) {
  fireEvent.change(field(container, name), { target: { value } });
}

/** Fills a valid form: 长征 10 题 + 不限分类的难题 5 题, Shanghai 07:30 on 1 Dec to 18:30 on 8 Dec. */
function fillForm(container: HTMLElement) {
  set(container, 'title', '学党史 知党恩 知识竞赛');
  set(container, 'description', '全体党员参加');
  set(container, 'startDate', '2026-12-01');
  set(container, 'startTime', '07:30');
  set(container, 'endDate', '2026-12-08');
  set(container, 'endTime', '18:30');
  set(container, 'rules.0.category', '3');
  set(container, 'rules.0.count', '10');
  fireEvent.click(screen.getByRole('button', { name: '＋ 添加规则' }));
  set(container, 'rules.1.difficulty', '3');
  set(container, 'rules.1.count', '5');
  set(container, 'timeLimitMinutes', '15');
  set(container, 'attemptsAllowed', '2');
}

function submit() {
  fireEvent.click(screen.getByRole('button', { name: '发布竞赛' }));
}

function calledActions(): string[] {
  return callFunction.mock.calls.map(([, action]) => action as string);
}

describe('新建竞赛表单', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
  });

  it('把北京时间的开始和结束换算成 ISO UTC 连同抽题规则一起提交，成功后提示并返回上一页', async () => {
    callFunction.mockResolvedValue({ ok: true, data: { contestId: 'contest-9', questionCount: 15 } });
    const { container } = render(<AdminContestPage />);
    fillForm(container);
    expect(screen.getByText('共 15 题，满分 75 分')).toBeTruthy();
    submit();

    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalledTimes(1));
    expect(callFunction).toHaveBeenCalledTimes(1);
    expect(callFunction).toHaveBeenCalledWith(
      'quiz',
      'createContest',
      {
        title: '学党史 知党恩 知识竞赛',
        description: '全体党员参加',
        // 07:30 in Shanghai is 23:30 UTC the day before.
        startAt: '2026-11-30T23:30:00.000Z',
        endAt: '2026-12-08T10:30:00.000Z',
        rules: [
          { category: '长征', count: 10 },
          { difficulty: 3, count: 5 },
        ],
        pointsPerQuestion: 5,
        timeLimitSec: 900,
        attemptsAllowed: 2,
        counts: 'best',
        showExplanations: true,
        leaderboardVisible: true,
        // Two attempts: answers wait until the contest closes.
        review: 'afterClose',
        pace: 'whole',
        maxSwitches: null,
        draft: false,
      },
      { silentError: true },
    );
    // Publishing is confirmed in a dialog that stays until read (a toast vanishes with the page on H5).
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '竞赛已发布', showCancel: false }));
    expect(taro.showModal.mock.calls[0]?.[0].content).toBe(
      '「学党史 知党恩 知识竞赛」已发布，共 15 题。全体党员现在就能在“答题”页看到它（未开始），12月1日 周二 07:30 起可以作答。',
    );
  });

  it('保存草稿不发布：draft 为真，提示“草稿已保存”，不弹发布确认', async () => {
    callFunction.mockResolvedValue({ ok: true, data: { contestId: 'contest-9', questionCount: 15 } });
    const { container } = render(<AdminContestPage />);
    fillForm(container);
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalledTimes(1));
    expect(callFunction.mock.calls[0]?.[2]).toMatchObject({ draft: true });
    expect(taro.showToast).toHaveBeenCalledWith({ title: '草稿已保存', icon: 'success' });
    expect(taro.showModal).not.toHaveBeenCalled();
  });

  it('逐题限时填每题秒数而不是总时限；允许切屏次数和答案公布方式一并提交', async () => {
    callFunction.mockResolvedValue({ ok: true, data: { contestId: 'contest-9', questionCount: 15 } });
    const { container } = render(<AdminContestPage />);
    fillForm(container);
    fireEvent.click(screen.getByRole('radio', { name: '逐题限时' }));
    expect(container.querySelector('[name="timeLimitMinutes"]')).toBeNull();
    set(container, 'secondsPerQuestion', '25');
    set(container, 'maxSwitches', '2');
    submit();

    await waitFor(() => expect(callFunction).toHaveBeenCalledTimes(1));
    const input = callFunction.mock.calls[0]?.[2] as Record<string, unknown>;
    expect(input).toMatchObject({ pace: 'perQuestion', secondsPerQuestion: 25, maxSwitches: 2, review: 'afterClose', draft: false });
    expect(input).not.toHaveProperty('timeLimitSec');
  });

  it('可答多次时答案改为竞赛结束后公布；再选“每次交卷后可看解析”会在手机上标错，不调用服务器', () => {
    const { container } = render(<AdminContestPage />);
    fillForm(container);
    expect(screen.getByRole('radio', { name: '竞赛结束后公布' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('radio', { name: '每次交卷后可看解析' }));
    submit();
    expect(screen.getByText('允许多次作答时，答案只能在竞赛结束后公布')).toBeTruthy();
    expect(callFunction).not.toHaveBeenCalled();
  });

  it('编辑草稿：表单带出原设置，发布时先保存再发布，并弹出发布确认', async () => {
    router.params = { contestId: 'contest-7' };
    callFunction.mockImplementation(async (_name: string, action: string) => {
      if (action === 'adminContests') return { ok: true, data: { items: [savedContest()] } };
      if (action === 'updateContest') return { ok: true, data: { contestId: 'contest-7', questionCount: 10 } };
      return { ok: true, data: { contestId: 'contest-7', status: 'upcoming' } };
    });
    const { container } = render(<AdminContestPage />);
    await screen.findByRole('button', { name: '发布竞赛' });
    expect((field(container, 'title') as HTMLInputElement).value).toBe('学党史 知党恩 知识竞赛');
    expect((field(container, 'startTime') as HTMLInputElement).value).toBe('07:30');
    expect((field(container, 'timeLimitMinutes') as HTMLInputElement).value).toBe('15');
    expect((field(container, 'maxSwitches') as HTMLInputElement).value).toBe('3');
    expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '编辑竞赛' });

    set(container, 'title', '学党史 知党恩 竞赛（第二期）');
    submit();
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalledTimes(1));
    expect(calledActions()).toEqual(['adminContests', 'updateContest', 'publishContest']);
    expect(callFunction.mock.calls[1]?.[2]).toMatchObject({ contestId: 'contest-7', title: '学党史 知党恩 竞赛（第二期）', draft: true });
    expect(callFunction.mock.calls[2]?.[2]).toEqual({ contestId: 'contest-7' });
    expect(taro.showModal.mock.calls[0]?.[0]).toMatchObject({ title: '竞赛已发布' });
  });

  it('编辑已发布未开始的竞赛只有“保存修改”，保存后仍是发布状态', async () => {
    router.params = { contestId: 'contest-7' };
    callFunction.mockImplementation(async (_name: string, action: string) => {
      if (action === 'adminContests') return { ok: true, data: { items: [savedContest({ status: 'upcoming' })] } };
      return { ok: true, data: { contestId: 'contest-7', questionCount: 10 } };
    });
    render(<AdminContestPage />);
    fireEvent.click(await screen.findByRole('button', { name: '保存修改' }));
    expect(screen.queryByRole('button', { name: '保存草稿' })).toBeNull();
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalledTimes(1));
    expect(calledActions()).toEqual(['adminContests', 'updateContest']);
    expect(callFunction.mock.calls[1]?.[2]).toMatchObject({ draft: false });
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已保存修改', icon: 'success' });
  });

  it('已开始的竞赛不能编辑，说明原因', async () => {
    router.params = { contestId: 'contest-7' };
    callFunction.mockResolvedValue({ ok: true, data: { items: [savedContest({ status: 'open' })] } });
    render(<AdminContestPage />);
    expect(await screen.findByText('竞赛已开始或已结束，不能再修改')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '发布竞赛' })).toBeNull();
  });

  it('服务器按字段退回的错误显示在对应的抽题规则旁，修改该规则后错误消失，不离开页面', async () => {
    callFunction.mockResolvedValue({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'rules.1', message: '题库题量不足：第 2 条规则需要 5 题，题库只有 3 题' },
    });
    const { container } = render(<AdminContestPage />);
    fillForm(container);
    submit();

    const error = await screen.findByText('题库题量不足：第 2 条规则需要 5 题，题库只有 3 题');
    const rule = error.closest('.admin-rule');
    expect(rule?.className).toContain('admin-rule--error');
    expect(rule?.textContent).toContain('规则 2');
    expect(taro.navigateBack).not.toHaveBeenCalled();

    set(container, 'rules.1.count', '3');
    expect(screen.queryByText('题库题量不足：第 2 条规则需要 5 题，题库只有 3 题')).toBeNull();
  });

  it('服务器的 endAt 校验错误去掉通用前缀后显示在结束时间旁', async () => {
    callFunction.mockResolvedValue({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'endAt', message: '填写的内容有误，请检查后再试：endAt 结束时间须晚于开始时间' },
    });
    const { container } = render(<AdminContestPage />);
    fillForm(container);
    submit();

    const error = await screen.findByText('结束时间须晚于开始时间');
    expect(error.closest('.ht-field')?.textContent).toContain('结束');
    expect(error.closest('.ht-field')?.className).toContain('ht-field--error');
  });

  it('结束早于开始或标题太短时在手机上就标出字段，不调用服务器', () => {
    const { container } = render(<AdminContestPage />);
    fillForm(container);
    set(container, 'title', '竞赛');
    set(container, 'endDate', '2026-11-30');
    submit();

    expect(screen.getByText('标题需 4–40 个字')).toBeTruthy();
    expect(screen.getByText('结束时间须晚于开始时间')).toBeTruthy();
    expect(callFunction).not.toHaveBeenCalled();
  });
});
