import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { meAnswer, orgAdmin, secretary } from '../../activity/__test__/fixtures';
import { reachBottom, resetTaroStub } from '../../components/__test__/taroStub';
import { auditActionLabel, auditDetailLines } from '../audit/labels';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../admin.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import AuditLogPage from '../audit/index';

function entry(id: string, action: string, detail: Record<string, unknown>, actorName = '李书记') {
  return { id, at: '2026-11-30T06:40:00.000Z', actorId: 'm-secretary', actorName, action, targetId: 'target', detail };
}

const FIRST_PAGE = [
  entry('a1', 'checkin.backfill', {
    activityId: 'act-1',
    title: '重温入党誓词主题党日',
    memberId: 'm-wang',
    name: '王五',
    reason: '手机没电，现场确认到会',
  }),
  entry('a2', 'activity.publish', { title: '重温入党誓词主题党日' }),
  entry('a3', 'member.setRole', { role: 'secretary' }, '组织部'),
];
const SECOND_PAGE = [entry('a4', 'member.deleteMine', {}, '')];

function auditCalls() {
  return callFunction.mock.calls.filter(([, action]) => action === 'auditLog').map(([, , input]) => input as Record<string, unknown>);
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('操作记录', () => {
  beforeEach(() => {
    callFunction.mockImplementation(async (_name: string, action: string, input: { cursor?: string }) => {
      if (action === 'me') return meAnswer(orgAdmin);
      return input.cursor
        ? { ok: true, data: { items: SECOND_PAGE, nextCursor: null } }
        : { ok: true, data: { items: FIRST_PAGE, nextCursor: '20' } };
    });
  });

  it('组织部看到最新的操作在前，动作用中文写出，签到补录带着原因，另有操作人和时间', async () => {
    render(<AuditLogPage />);
    const backfill = await screen.findByLabelText('签到补录');
    expect(within(backfill).getByText('「重温入党誓词主题党日」')).toBeTruthy();
    expect(within(backfill).getByText('补录签到：王五')).toBeTruthy();
    expect(within(backfill).getByText('原因：手机没电，现场确认到会')).toBeTruthy();
    expect(within(backfill).getByText('李书记 · 11月30日 周一 14:40')).toBeTruthy();
    expect(within(screen.getByLabelText('发布活动')).getByText('「重温入党誓词主题党日」')).toBeTruthy();
    expect(within(screen.getByLabelText('调整角色')).getByText('改为支部书记')).toBeTruthy();
    expect(auditCalls()[0]).toEqual({ pageSize: 20, cursor: undefined });
  });

  it('滚到底部加载下一页，没有更多时说明；已注销的操作人不留姓名', async () => {
    render(<AuditLogPage />);
    await screen.findByLabelText('签到补录');
    act(() => reachBottom.handler?.());
    const deleted = await screen.findByLabelText('注销并删除个人信息');
    expect(within(deleted).getByText('已注销用户 · 11月30日 周一 14:40')).toBeTruthy();
    expect(auditCalls()[1]).toEqual({ pageSize: 20, cursor: '20' });
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('加载失败时显示原因，重试后显示记录', async () => {
    callFunction.mockImplementationOnce(async () => meAnswer(orgAdmin));
    callFunction.mockImplementationOnce(async () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' },
    }));
    render(<AuditLogPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByLabelText('签到补录')).toBeTruthy();
  });
});

it('支部书记打开时说明只有组织部可以查看，不去读记录', async () => {
  callFunction.mockImplementation(async () => meAnswer(secretary));
  render(<AuditLogPage />);
  expect(await screen.findByText('仅组织部可以查看操作记录')).toBeTruthy();
  expect(auditCalls()).toHaveLength(0);
});

describe('操作记录的文字', () => {
  it('不认识的动作照原样显示，细节里只写原因', () => {
    expect(auditActionLabel('future.action')).toBe('future.action');
    expect(auditDetailLines('future.action', { reason: '试点', other: 1 })).toEqual(['原因：试点']);
  });

  it('投稿的审核、推荐和择优上报写出作品、结论和奖项', () => {
    expect(auditActionLabel('story.review')).toBe('审核投稿');
    expect(auditDetailLines('story.review', { title: '红军泉边的思考', decision: 'return', reason: '请补充具体感受' })).toEqual([
      '「红军泉边的思考」',
      '退回修改',
      '原因：请补充具体感受',
    ]);
    expect(auditDetailLines('story.select', { title: '红军泉边的思考', award: 'first' })).toEqual(['「红军泉边的思考」', '评为一等奖']);
    expect(auditDetailLines('story.select', { title: '半截象牙筷', award: null })).toEqual(['「半截象牙筷」', '择优上报，不设奖']);
    expect(auditDetailLines('story.select', { title: '半截象牙筷', award: 'gold' })).toEqual(['「半截象牙筷」']);
  });

  it('细节缺项或类型不对时不写那一行', () => {
    expect(auditDetailLines('member.importRoster', { rows: 12, created: 10, updated: 2 })).toEqual(['共 12 行', '新增 10 人，更新 2 人']);
    expect(auditDetailLines('member.importRoster', { rows: '12' })).toEqual([]);
    expect(auditDetailLines('member.setRole', { role: 'king' })).toEqual([]);
    expect(auditDetailLines('checkin.backfill', { reason: '  ' })).toEqual([]);
  });
});
