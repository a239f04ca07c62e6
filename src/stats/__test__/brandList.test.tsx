import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro from '../../components/__test__/taroStub';
import { activeMember } from '../../components/__test__/membershipFixtures';
import { brandProgramme, DURING, serveBrand } from './brandFixtures';
import { freshEachTest, ok, orgAdmin } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../stats.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import BrandProgrammesPage from '../brands/index';

/** Two programmes: this year's in 互查 and last year's, long over. */
const lastYear = {
  ...brandProgramme,
  id: 'brand-2025',
  title: '2025年“四红”党建品牌创建',
  year: 2025,
  applyEndsAt: '2025-06-30T16:00:00.000Z',
  reviewEndsAt: '2025-07-15T16:00:00.000Z',
  ratingEndsAt: '2025-07-31T16:00:00.000Z',
  acceptanceEndsAt: '2025-08-31T16:00:00.000Z',
};

freshEachTest(callFunction, DURING.review);

describe('四红品牌列表', () => {
  it('每个方案显示当前阶段和北京时间的下一个截止，点开进入方案', async () => {
    serveBrand(callFunction, activeMember, { brandProgrammes: () => ok({ items: [brandProgramme, lastYear], nextCursor: null }) });
    render(<BrandProgrammesPage />);

    const current = await screen.findByText('2026年“四红”党建品牌创建');
    const currentCell = current.closest('.ht-cell') as HTMLElement;
    expect(within(currentCell).getByText('互查中')).toBeTruthy();
    expect(within(currentCell).getByText(/互查 7月15日截止/)).toBeTruthy();
    const pastCell = screen.getByText('2025年“四红”党建品牌创建').closest('.ht-cell') as HTMLElement;
    expect(within(pastCell).getByText('已结束')).toBeTruthy();
    expect(within(pastCell).getByText(/已于 8月31日 24:00 结束/)).toBeTruthy();

    fireEvent.click(current);
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/brandProgramme/index?id=brand-2026' });
    expect(screen.queryByText('新建四红方案')).toBeNull();
  });

  it('组织部看到新建四红方案，打开空白表单', async () => {
    serveBrand(callFunction, orgAdmin, { brandProgrammes: () => ok({ items: [], nextCursor: null }) });
    render(<BrandProgrammesPage />);
    expect(await screen.findByText('还没有四红方案')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '新建四红方案' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/brand/index' });
  });

  it('加载失败时显示服务器的原因，重试后列出方案', async () => {
    let fail = true;
    serveBrand(callFunction, activeMember, {
      brandProgrammes: () =>
        fail
          ? { ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后重试' } }
          : ok({ items: [brandProgramme], nextCursor: null }),
    });
    render(<BrandProgrammesPage />);
    expect(await screen.findByText('服务繁忙，请稍后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('互查中')).toBeTruthy();
  });
});
