import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { router } from '../../components/__test__/taroStub';
import { freshEachTest, inputsOf, ok, orgAdmin, programme, serve } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../stats.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import ProgrammeEditPage from '../programme/index';

// 2026-03-10 in Beijing.
freshEachTest(callFunction, '2026-03-10T02:00:00.000Z');

describe('学习活动方案', () => {
  it('新建方案默认是本年度的六个一、默认完成方式和积分；开始与结束按北京时间的整天换算', async () => {
    serve(callFunction, orgAdmin, { createProgramme: () => ok({ programme }) });
    render(<ProgrammeEditPage />);
    fireEvent.click(await screen.findByRole('button', { name: '创建方案' }));

    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    const { programme: draft } = inputsOf(callFunction, 'createProgramme')[0] as { programme: Record<string, unknown> };
    expect(draft).toMatchObject({
      title: '2026年“红色教育进学院”六个一活动',
      year: 2026,
      startsAt: '2025-12-31T16:00:00.000Z',
      endsAt: '2026-12-31T16:00:00.000Z',
      studyHoursTarget: null,
      branchQuotas: [],
      points: { attendance: 5, award: 30, itemDone: 10 },
    });
    expect((draft.items as Array<{ key: string; evidence: string[] }>).map((item) => [item.key, item.evidence])).toEqual([
      ['lesson', ['checkin', 'story']],
      ['story', ['checkin', 'story']],
      ['book', ['checkin', 'selfReport']],
      ['film', ['checkin', 'selfReport']],
      ['visit', ['checkin']],
      ['reflection', ['story']],
    ]);
  });

  it('编辑已有方案：去掉一项、改学时目标后保存，只送出勾选的项目', async () => {
    router.params = { id: 'prog-2026' };
    serve(callFunction, orgAdmin, {
      programmes: () => ok({ items: [programme], nextCursor: null }),
      updateProgramme: () => ok({ programme }),
    });
    const { container } = render(<ProgrammeEditPage />);
    fireEvent.click(await screen.findByRole('switch', { name: '撰写一篇心得' }));
    fireEvent.change(container.querySelector('[name="studyHoursTarget"]')!, { target: { value: '24' } });
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));

    await waitFor(() => expect(inputsOf(callFunction, 'updateProgramme')).toHaveLength(1));
    const { id, programme: draft } = inputsOf(callFunction, 'updateProgramme')[0] as { id: string; programme: Record<string, unknown> };
    expect(id).toBe('prog-2026');
    expect((draft.items as Array<{ key: string }>).map((item) => item.key)).toEqual(['lesson', 'story', 'book', 'film', 'visit']);
    expect(draft).toMatchObject({
      studyHoursTarget: 24,
      startsAt: programme.startsAt,
      endsAt: programme.endsAt,
      branchQuotas: programme.branchQuotas,
    });
  });

  it('一项都不选、积分填错时就地提示，不保存', async () => {
    serve(callFunction, orgAdmin, {});
    const { container } = render(<ProgrammeEditPage />);
    for (const title of ['上好一堂党课', '宣讲一个故事', '阅读一本书籍', '观看一部影视', '参观一处景点', '撰写一篇心得']) {
      fireEvent.click(await screen.findByRole('switch', { name: title }));
    }
    fireEvent.change(container.querySelector('[name="points.award"]')!, { target: { value: '600' } });
    fireEvent.click(screen.getByRole('button', { name: '创建方案' }));

    expect(await screen.findByText('至少选择一项')).toBeTruthy();
    expect(screen.getByText('请填写 0–500 的整数')).toBeTruthy();
    expect(inputsOf(callFunction, 'createProgramme')).toEqual([]);
  });
});
