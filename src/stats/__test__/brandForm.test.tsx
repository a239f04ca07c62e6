import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { router } from '../../components/__test__/taroStub';
import { brandProgramme, serveBrand } from './brandFixtures';
import { freshEachTest, inputsOf, ok, orgAdmin, secretary } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../stats.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import BrandProgrammeEditPage from '../brand/index';

// 2026-03-10 in Beijing.
freshEachTest(callFunction, '2026-03-10T02:00:00.000Z');

function typeInto(container: HTMLElement, name: string, value: string) {
  fireEvent.change(container.querySelector(`[name="${name}"]`)!, { target: { value } });
}

describe('四红方案表单', () => {
  it('新建方案送出四个品牌的推荐数和名额，各阶段截止为所选日期的北京时间 24:00', async () => {
    serveBrand(callFunction, orgAdmin, { saveBrandProgramme: () => ok({ programme: brandProgramme, created: true }) });
    const { container } = render(<BrandProgrammeEditPage />);
    await screen.findByRole('button', { name: '创建方案' });
    typeInto(container, 'title', '2026年“四红”党建品牌创建');
    fireEvent.click(screen.getByRole('switch', { name: '红色书屋' }));
    typeInto(container, 'brands.classroom.perUnit', '3');
    typeInto(container, 'applyEndsAt', '2026-06-30');
    typeInto(container, 'reviewEndsAt', '2026-07-15');
    typeInto(container, 'ratingEndsAt', '2026-07-31');
    typeInto(container, 'acceptanceEndsAt', '2026-08-31');
    fireEvent.click(screen.getByRole('button', { name: '创建方案' }));

    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    expect(inputsOf(callFunction, 'saveBrandProgramme')).toEqual([
      {
        programme: {
          title: '2026年“四红”党建品牌创建',
          year: 2026,
          description: '',
          brands: [
            { key: 'gardener', perUnit: 1, selectTotal: 10 },
            { key: 'classroom', perUnit: 3, selectTotal: 50 },
            { key: 'base', perUnit: 1, selectTotal: 10 },
          ],
          applyEndsAt: '2026-06-30T16:00:00.000Z',
          reviewEndsAt: '2026-07-15T16:00:00.000Z',
          ratingEndsAt: '2026-07-31T16:00:00.000Z',
          acceptanceEndsAt: '2026-08-31T16:00:00.000Z',
        },
      },
    ]);
  });

  it('服务器拒绝某个品牌的名额时，原因显示在那个品牌的名额下，表单保留', async () => {
    serveBrand(callFunction, orgAdmin, {
      saveBrandProgramme: () => ({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          field: 'programme.brands.2.selectTotal',
          message: '填写的内容有误，请检查后再试：programme.brands.2.selectTotal 名额过多',
        },
      }),
    });
    render(<BrandProgrammeEditPage />);
    fireEvent.click(await screen.findByRole('button', { name: '创建方案' }));

    const field = (await screen.findByText('名额过多')).closest('.ht-field') as HTMLElement;
    // The third brand sent is 红色课堂: the message sits under its 评选名额.
    expect(field.querySelector('[name="brands.classroom.selectTotal"]')).toBeTruthy();
    expect(taro.navigateBack).not.toHaveBeenCalled();
  });

  it('截止日期没有依次推后时就地提示，不保存', async () => {
    serveBrand(callFunction, orgAdmin, {});
    const { container } = render(<BrandProgrammeEditPage />);
    await screen.findByRole('button', { name: '创建方案' });
    typeInto(container, 'reviewEndsAt', '2026-01-01');
    fireEvent.click(screen.getByRole('button', { name: '创建方案' }));
    expect(await screen.findByText('须晚于上一阶段的截止日期')).toBeTruthy();
    expect(inputsOf(callFunction, 'saveBrandProgramme')).toEqual([]);
  });

  it('编辑已有方案：读出原来的品牌和日期，保存时带上方案 id', async () => {
    router.params = { id: 'brand-2026' };
    serveBrand(callFunction, orgAdmin, {
      brandProgrammes: () => ok({ items: [brandProgramme], nextCursor: null }),
      saveBrandProgramme: () => ok({ programme: brandProgramme, created: false }),
    });
    const { container } = render(<BrandProgrammeEditPage />);
    fireEvent.click(await screen.findByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(inputsOf(callFunction, 'saveBrandProgramme')).toHaveLength(1));
    const { id, programme } = inputsOf(callFunction, 'saveBrandProgramme')[0] as { id: string; programme: Record<string, unknown> };
    expect(id).toBe('brand-2026');
    expect(programme).toMatchObject({
      applyEndsAt: brandProgramme.applyEndsAt,
      acceptanceEndsAt: brandProgramme.acceptanceEndsAt,
      brands: brandProgramme.brands,
    });
    expect((container.querySelector('[name="applyEndsAt"]') as HTMLInputElement).value).toBe('2026-06-30');
  });

  it('支部书记打不开方案表单', async () => {
    serveBrand(callFunction, secretary, {});
    render(<BrandProgrammeEditPage />);
    expect(await screen.findByText('仅组织部可以使用')).toBeTruthy();
  });
});
