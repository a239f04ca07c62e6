import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Attendee } from '../../../types/contracts/activity';
import type { SignUpStatus } from '../../../types/labels';
import { resetTaroStub, router } from '../../components/__test__/taroStub';
import { meAnswer, member, secretary } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
jest.mock('../activity.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import ActivityAttendeesPage from '../attendees/index';

const COUNTS = { signed: 2, waitlisted: 1, leave: 1, cancelled: 0 };

function attendee(name: string, status: SignUpStatus, overrides: Partial<Attendee> = {}): Attendee {
  return {
    memberId: `m-${name}`,
    name,
    branchId: 'branch-1',
    status,
    signedUpAt: '2026-11-25T02:00:00.000Z',
    leaveReason: null,
    addedByOrganiser: false,
    ...overrides,
  };
}

const PEOPLE: Record<SignUpStatus, Attendee[]> = {
  signed: [attendee('张三', 'signed'), attendee('李四', 'signed', { addedByOrganiser: true })],
  waitlisted: [attendee('王五', 'waitlisted')],
  leave: [attendee('赵六', 'leave', { leaveReason: '出差在外' })],
  cancelled: [],
};

function listCalls() {
  return callFunction.mock.calls.filter(([, action]) => action === 'attendees').map(([, , input]) => input as Record<string, unknown>);
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  router.params = { id: 'act-1' };
});

describe('报名名单页', () => {
  beforeEach(() => {
    callFunction.mockImplementation(async (_name: string, action: string, input: { status: SignUpStatus }) => {
      if (action === 'me') return meAnswer(secretary);
      return { ok: true, data: { items: PEOPLE[input.status], nextCursor: null, counts: COUNTS } };
    });
  });

  it('按状态分段并显示各段人数，先列出已报名的同志，书记添加的标明', async () => {
    render(<ActivityAttendeesPage />);
    expect(await screen.findByText('张三')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '已报名 2' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '候补中 1' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '已请假 1' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '已取消 0' })).toBeTruthy();
    expect(within(screen.getByLabelText('李四')).getByText('书记添加')).toBeTruthy();
    expect(listCalls()[0]).toEqual({ id: 'act-1', status: 'signed', pageSize: 20, cursor: undefined });
  });

  it('切到“已请假”按该状态加载，并显示请假原因', async () => {
    render(<ActivityAttendeesPage />);
    await screen.findByText('张三');
    fireEvent.click(screen.getByRole('tab', { name: '已请假 1' }));
    expect(await screen.findByText('请假原因：出差在外')).toBeTruthy();
    expect(screen.queryByText('张三')).toBeNull();
    expect(listCalls()[1]).toMatchObject({ status: 'leave' });
  });

  it('某状态没有人时显示空状态', async () => {
    render(<ActivityAttendeesPage />);
    await screen.findByText('张三');
    fireEvent.click(screen.getByRole('tab', { name: '已取消 0' }));
    expect(await screen.findByText('没有人取消报名')).toBeTruthy();
  });
});

it('普通党员看不到报名名单', async () => {
  callFunction.mockImplementation(async () => meAnswer(member));
  render(<ActivityAttendeesPage />);
  expect(await screen.findByText('仅支部书记和组织部可以使用')).toBeTruthy();
  expect(listCalls()).toHaveLength(0);
});
