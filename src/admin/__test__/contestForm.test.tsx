import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { resetTaroStub } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../admin.css', () => ({}));
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
        pace: 'whole',
        maxSwitches: null,
        draft: false,
      },
      { silentError: true },
    );
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ icon: 'success' }));
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
