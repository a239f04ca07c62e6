import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import taro, { router } from '../../components/__test__/taroStub';
import { activeMember } from '../../components/__test__/membershipFixtures';
import { brandProgramme, DURING, nomination, serveBrand, unitRow, type BrandHandler } from './brandFixtures';
import { freshEachTest, inputsOf, ok, orgAdmin, secretary } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../stats.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import BrandProgrammePage from '../brandProgramme/index';

const programmes = () => ok({ items: [brandProgramme], nextCursor: null });
const board =
  (units = [unitRow()]) =>
  () =>
    ok({
      programme: brandProgramme,
      brands: brandProgramme.brands.map((brand) => ({ key: brand.key, selected: 0, selectTotal: brand.selectTotal })),
      units,
    });

function at(stage: keyof typeof DURING) {
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse(DURING[stage]));
}

function open(who: MemberView, handlers: Record<string, BrandHandler>) {
  serveBrand(callFunction, who, { brandProgrammes: programmes, ...handlers });
  return render(<BrandProgrammePage />);
}

/** The card of the nomination titled `title`. */
function card(title: string): Promise<HTMLElement> {
  return screen.findByRole('group', { name: title });
}

freshEachTest(callFunction);
beforeEach(() => {
  router.params = { id: 'brand-2026' };
});

describe('四红方案：阶段与各角色', () => {
  it('读取方案时显示骨架，失败时显示原因，重试后显示阶段时间线并高亮当前阶段', async () => {
    at('review');
    let reply: unknown = { ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后重试' } };
    let answer: (value: unknown) => void = () => undefined;
    serveBrand(callFunction, activeMember, {
      brandProgrammes: () => new Promise((resolve) => (answer = resolve)),
    });
    render(<BrandProgrammePage />);
    await waitFor(() => expect(inputsOf(callFunction, 'brandProgrammes')).toHaveLength(1));
    expect(screen.getByLabelText('加载中')).toBeTruthy();
    await act(async () => answer(reply));
    expect(await screen.findByText('服务繁忙，请稍后重试')).toBeTruthy();

    reply = programmes();
    serveBrand(callFunction, activeMember, { brandProgrammes: () => reply });
    fireEvent.click(screen.getByText('重试'));
    const steps = await screen.findByRole('list', { name: '阶段' });
    const current = within(steps).getByRole('listitem', { name: /进行中/ });
    expect(current.getAttribute('aria-label')).toBe('互查（进行中） 7月15日 24:00 截止');
    expect(within(steps).getByRole('listitem', { name: /^申报（已结束）/ })).toBeTruthy();
    expect(screen.getByText('评议尚未开始')).toBeTruthy();
  });

  it('申报阶段的支部书记看到本支部各品牌的申报进度，点申报打开该品牌的申报表', async () => {
    at('apply');
    open(secretary, {
      brandBoard: board(),
      nominations: () =>
        ok({
          items: [nomination({ branchId: 'branch-1', branchName: '第一党支部', can: { edit: true, review: false, rate: false } })],
          nextCursor: null,
        }),
    });

    const classroom = await screen.findByRole('group', { name: '红色课堂' });
    expect(within(classroom).getByText('红色课堂 1/2')).toBeTruthy();
    expect(within(classroom).getByText('还差 1 个')).toBeTruthy();
    expect(within(await screen.findByRole('group', { name: '红色园丁' })).getByText('红色园丁 1/1')).toBeTruthy();
    fireEvent.click(within(classroom).getByRole('button', { name: '申报' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/nominate/index?programmeId=brand-2026&brand=classroom' });

    fireEvent.click(within(await card('“周周讲”红色故事课堂')).getByRole('button', { name: '修改申报' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/nominate/index?programmeId=brand-2026&id=n-1' });
    expect(inputsOf(callFunction, 'nominations')[0]).not.toHaveProperty('assignedToMe');
  });

  it('互查阶段的支部书记给分配到本支部的申报打分并写评语', async () => {
    at('review');
    const assigned = nomination({
      reviewer: { branchId: 'branch-1', branchName: '第一党支部' },
      can: { edit: false, review: true, rate: false },
    });
    open(secretary, {
      brandBoard: board(),
      nominations: (input) => ok({ items: input.assignedToMe ? [assigned] : [], nextCursor: null }),
      peerReview: (input) =>
        ok({
          nomination: {
            ...assigned,
            status: 'reviewed',
            peerReview: {
              score: input.score,
              comment: input.comment,
              reviewerBranchId: 'branch-1',
              reviewerBranchName: '第一党支部',
              at: DURING.review,
            },
            can: { ...assigned.can, review: false },
          },
        }),
    });

    const reviewCard = await card('“周周讲”红色故事课堂');
    fireEvent.change(reviewCard.querySelector('[name="score-n-1"]')!, { target: { value: '88' } });
    fireEvent.change(reviewCard.querySelector('[name="comment-n-1"]')!, { target: { value: '课程体系完整，学生参与度高' } });
    fireEvent.click(within(reviewCard).getByRole('button', { name: '提交互查' }));

    expect(await screen.findByText('互查 88 分（第一党支部）：课程体系完整，学生参与度高')).toBeTruthy();
    expect(inputsOf(callFunction, 'peerReview')).toEqual([{ nominationId: 'n-1', score: 88, comment: '课程体系完整，学生参与度高' }]);
    expect(screen.queryByRole('button', { name: '提交互查' })).toBeNull();
  });

  it('评议阶段党员给其他单位的申报评一次星，按钮变为已评；本支部的申报不能评并说明原因', async () => {
    at('rating');
    const other = nomination({ can: { edit: false, review: false, rate: true } });
    const own = nomination({ id: 'n-2', title: '红色书屋“星火角”', brand: 'bookhouse', branchId: 'branch-1', branchName: '第一党支部' });
    open(activeMember, {
      nominations: () => ok({ items: [other, own], nextCursor: null }),
      rateNomination: (input) => ok({ rating: { count: 1, sum: input.score, average: input.score }, myRating: input.score }),
    });

    const otherCard = await card('“周周讲”红色故事课堂');
    fireEvent.click(within(otherCard).getByRole('radio', { name: '4 星' }));
    fireEvent.click(within(otherCard).getByRole('button', { name: '提交 4 星评分' }));
    const done = await within(otherCard).findByRole('button', { name: '已评' });
    expect(done.hasAttribute('disabled')).toBe(true);
    fireEvent.click(done);
    expect(inputsOf(callFunction, 'rateNomination')).toEqual([{ nominationId: 'n-1', score: 4 }]);
    expect(within(otherCard).getByText('评议：★ 4.0 · 1 人')).toBeTruthy();

    const ownCard = await card('红色书屋“星火角”');
    expect(within(ownCard).getByText('不能评议本支部的申报')).toBeTruthy();
    expect(within(ownCard).getByRole('button', { name: '不可评分' }).hasAttribute('disabled')).toBe(true);
  });

  it('评议被拒绝时按钮不变为已评，仍可再评', async () => {
    at('rating');
    open(activeMember, {
      nominations: () => ok({ items: [nomination({ can: { edit: false, review: false, rate: true } })], nextCursor: null }),
      rateNomination: () => ({ ok: false, error: { code: 'CLOSED', message: '评议已于 7月31日 24:00 结束' } }),
    });
    const ratingCard = await card('“周周讲”红色故事课堂');
    fireEvent.click(within(ratingCard).getByRole('radio', { name: '5 星' }));
    fireEvent.click(within(ratingCard).getByRole('button', { name: '提交 5 星评分' }));
    await waitFor(() => expect(inputsOf(callFunction, 'rateNomination')).toHaveLength(1));
    expect(within(ratingCard).queryByRole('button', { name: '已评' })).toBeNull();
  });

  it('组织部择优时显示各品牌名额；名额被占满（FULL）时显示名额已满', async () => {
    at('acceptance');
    const programme = { ...brandProgramme, selected: { gardener: 0, bookhouse: 0, classroom: 0, base: 8 } };
    const accepted = nomination({ brand: 'base', title: '校史馆红色文化展厅', status: 'accepted' });
    serveBrand(callFunction, orgAdmin, {
      brandProgrammes: () => ok({ items: [programme], nextCursor: null }),
      brandBoard: board(),
      nominations: () => ok({ items: [accepted], nextCursor: null }),
      selectNomination: () => ({ ok: false, error: { code: 'FULL', field: 'selected', message: '红色基地评选名额已用完（共 10 个）' } }),
    });
    render(<BrandProgrammePage />);

    const quotas = await screen.findByRole('list', { name: '评选名额' });
    expect(within(quotas).getByText('红色基地 8/10')).toBeTruthy();
    expect(within(quotas).queryByText('名额已满')).toBeNull();

    const baseCard = await card('校史馆红色文化展厅');
    fireEvent.change(baseCard.querySelector('[name="commendation-n-1"]')!, { target: { value: '市级示范红色基地' } });
    fireEvent.click(within(baseCard).getByRole('button', { name: '择优评选' }));

    expect(await within(baseCard).findByText('名额已满')).toBeTruthy();
    expect(within(quotas).getByText('名额已满')).toBeTruthy();
    expect(inputsOf(callFunction, 'selectNomination')).toEqual([{ nominationId: 'n-1', selected: true, commendation: '市级示范红色基地' }]);
    expect(taro.showToast).toHaveBeenLastCalledWith({ title: '红色基地评选名额已用完（共 10 个）', icon: 'none' });
    expect(within(baseCard).queryByRole('button', { name: '择优评选' })).toBeNull();
  });

  it('组织部验收：不通过须写原因，写明后送出', async () => {
    at('acceptance');
    const reviewed = nomination({ status: 'reviewed' });
    open(orgAdmin, {
      brandBoard: board(),
      nominations: () => ok({ items: [reviewed], nextCursor: null }),
      acceptNomination: (input) =>
        ok({
          nomination: {
            ...reviewed,
            status: 'failed',
            acceptance: { passed: false, note: input.note, byId: 'm-admin', at: DURING.acceptance },
          },
        }),
    });
    const acceptCard = await card('“周周讲”红色故事课堂');
    fireEvent.click(within(acceptCard).getByRole('button', { name: '不通过' }));
    expect(await within(acceptCard).findByText('未通过时请写明原因')).toBeTruthy();
    expect(inputsOf(callFunction, 'acceptNomination')).toEqual([]);

    fireEvent.change(acceptCard.querySelector('[name="note-n-1"]')!, { target: { value: '课时记录不全' } });
    fireEvent.click(within(acceptCard).getByRole('button', { name: '不通过' }));
    expect(await within(acceptCard).findByText('验收未通过：课时记录不全')).toBeTruthy();
    expect(inputsOf(callFunction, 'acceptNomination')).toEqual([{ nominationId: 'n-1', passed: false, note: '课时记录不全' }]);
  });

  it('组织部在互查阶段分配互查，看板按排名列出各单位', async () => {
    at('review');
    open(orgAdmin, {
      brandBoard: board([
        unitRow({ branchId: 'branch-2', branchName: '第二党支部', rank: 1, quotaShare: 1, quotasMet: 4 }),
        unitRow(),
        unitRow({ branchId: 'branch-3', branchName: '第三党支部', rank: null, quotaShare: 0, quotasMet: 0, nominated: 0 }),
      ]),
      nominations: () => ok({ items: [], nextCursor: null }),
      assignPeerReviews: () => ok({ nominations: 6, assigned: 6, unchanged: 0 }),
    });

    fireEvent.click(await screen.findByRole('button', { name: '分配互查' }));
    await waitFor(() => expect(taro.showToast).toHaveBeenLastCalledWith({ title: '已分配 6 项，共 6 项', icon: 'success' }));
    expect(inputsOf(callFunction, 'assignPeerReviews')).toEqual([{ programmeId: 'brand-2026' }]);

    const rows = await screen.findAllByRole('group', { name: /党支部 / });
    expect(rows.map((row) => row.getAttribute('aria-label'))).toEqual(['1. 第二党支部 100%', '2. 第一党支部 50%', '— 第三党支部 0%']);
  });
});
