import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { albumImages, heldUploads, router } from '../../components/__test__/taroStub';
import { activeMember } from '../../components/__test__/membershipFixtures';
import { brandProgramme, DURING, nomination, serveBrand, type BrandHandler } from './brandFixtures';
import { freshEachTest, inputsOf, ok, orgAdmin, secretary } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../stats.css', () => ({}));
jest.mock('../../story/authoring.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import NominatePage from '../nominate/index';

/** 29 字 as the server counts them. */
const DESCRIPTION = '刘老师扎根山区任教二十年，坚持每周为学生讲一堂红色故事课。';

const teachers = () =>
  ok({
    items: [
      { ...activeMember, id: 'm-liu', name: '刘老师', phoneTail: null },
      { ...activeMember, id: 'm-chen', name: '陈老师', phoneTail: null },
    ],
    nextCursor: null,
    pendingCount: 0,
  });

function open(who = secretary, handlers: Record<string, BrandHandler> = {}) {
  serveBrand(callFunction, who, {
    brandProgrammes: () => ok({ items: [brandProgramme], nextCursor: null }),
    'member.list': teachers,
    nominate: (input) => ok({ nomination: nomination({ ...(input as object), id: 'n-new' }) }),
    ...handlers,
  });
  return render(<NominatePage />);
}

function typeInto(container: HTMLElement, name: string, value: string) {
  fireEvent.change(container.querySelector(`[name="${name}"]`)!, { target: { value } });
}

freshEachTest(callFunction, DURING.apply);
beforeEach(() => {
  router.params = { programmeId: 'brand-2026', brand: 'gardener' };
});

describe('四红申报表', () => {
  it('支部书记推荐红色园丁：选本支部党员、写简介（显示字数）、上传照片后提交', async () => {
    const { container } = open();
    fireEvent.click(await screen.findByRole('radio', { name: '刘老师' }));
    expect(inputsOf(callFunction, 'list')).toEqual([{ status: 'active', branchId: 'branch-1', search: undefined, pageSize: 30 }]);
    typeInto(container, 'title', '扎根山区二十年的思政教师');
    typeInto(container, 'description', DESCRIPTION);
    expect(screen.getByText('29 / 1000 字')).toBeTruthy();

    albumImages.push({ tempFilePath: 'http://tmp/classroom.jpg', size: 1024 * 1024 });
    fireEvent.click(screen.getByRole('button', { name: '添加图片（0/9）' }));
    await waitFor(() => expect(heldUploads).toHaveLength(1));
    act(() => heldUploads[0]!.finish());
    expect(await screen.findByText('已上传')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    const [sent] = inputsOf(callFunction, 'nominate');
    expect(sent).toEqual({
      programmeId: 'brand-2026',
      brand: 'gardener',
      title: '扎根山区二十年的思政教师',
      description: DESCRIPTION,
      photos: [expect.stringMatching(/^cloud:\/\/.+\/brand-nominations\/.+\.jpg$/)],
      nomineeMemberId: 'm-liu',
    });
    expect(taro.showToast).toHaveBeenLastCalledWith({ title: '已提交申报', icon: 'success' });
  });

  it('简介不足 20 字、园丁没选人时就地提示，不提交', async () => {
    const { container } = open();
    await screen.findByRole('radio', { name: '刘老师' });
    typeInto(container, 'title', '思政教师');
    typeInto(container, 'description', '二十年如一日');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    expect(await screen.findByText('简介须 20–1000 字（现为 6 字）')).toBeTruthy();
    expect(screen.getByText('请选择推荐的党员教师')).toBeTruthy();
    expect(inputsOf(callFunction, 'nominate')).toEqual([]);
  });

  it('服务器拒绝简介（内容安全）时，原因显示在简介下', async () => {
    router.params = { programmeId: 'brand-2026', brand: 'classroom' };
    const { container } = open(secretary, {
      nominate: () => ({
        ok: false,
        error: { code: 'CONTENT_REJECTED', field: 'description', message: '简介含有不适宜公开的内容，请修改' },
      }),
    });
    await screen.findByRole('button', { name: '提交申报' });
    expect(screen.queryByText('推荐的党员教师')).toBeNull();
    typeInto(container, 'title', '“周周讲”红色故事课堂');
    typeInto(container, 'description', DESCRIPTION);
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    const message = await screen.findByText('简介含有不适宜公开的内容，请修改');
    expect((message.closest('.ht-field') as HTMLElement).querySelector('[name="description"]')).toBeTruthy();
    expect(inputsOf(callFunction, 'nominate')[0]).toMatchObject({ brand: 'classroom', nomineeMemberId: null, photos: [] });
    expect(taro.navigateBack).not.toHaveBeenCalled();
  });

  it('组织部代单位申报时先选申报单位，送出所选单位', async () => {
    router.params = { programmeId: 'brand-2026', brand: 'base' };
    const { container } = open(orgAdmin, {
      'member.orgTree': () =>
        ok({
          roots: [
            { id: 'branch-1', name: '第一党支部', kind: 'branch', memberCount: 20, children: [] },
            { id: 'branch-2', name: '第二党支部', kind: 'branch', memberCount: 18, children: [] },
          ],
        }),
    });
    await screen.findByText('选择党支部');
    fireEvent.change(container.querySelector('[name="branchId"]')!, { target: { value: '1' } });
    typeInto(container, 'title', '校史馆红色文化展厅');
    typeInto(container, 'description', DESCRIPTION);
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    await waitFor(() => expect(inputsOf(callFunction, 'nominate')).toHaveLength(1));
    expect(inputsOf(callFunction, 'nominate')[0]).toMatchObject({ branchId: 'branch-2', brand: 'base' });
  });

  it('申报截止后不再显示申报表', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(DURING.review));
    open();
    expect(await screen.findByText('申报已截止')).toBeTruthy();
    expect(screen.getByText('申报已于 6月30日 24:00 截止')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交申报' })).toBeNull();
  });
});
