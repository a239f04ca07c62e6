import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Attendee } from '../../../types/contracts/activity';
import type { SignUpStatus } from '../../../types/labels';
import taro, { resetTaroStub, router } from '../../components/__test__/taroStub';
import { meAnswer, member, secretary } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../activity.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import ActivityAttendeesPage from '../attendees/index';

const EXPORT_URL = 'https://tmp.example/attendees.xlsx?sign=1';
const DOWNLOADED = 'wxfile://tmp/attendees.xlsx';
const fileApis = {
  downloadFile: jest.fn(async (_options: { url: string }) => ({ statusCode: 200, tempFilePath: DOWNLOADED, errMsg: 'downloadFile:ok' })),
  openDocument: jest.fn(async (_options: Record<string, unknown>) => ({ errMsg: 'openDocument:ok' })),
};
Object.assign(taro, fileApis);

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

function calls(action: string) {
  return callFunction.mock.calls.filter(([, called]) => called === action).map(([, , input]) => input as Record<string, unknown>);
}

function listCalls() {
  return calls('attendees');
}

const originalEnv = { ...process.env };

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  router.params = { id: 'act-1' };
  process.env = { ...originalEnv, TARO_ENV: 'weapp' };
});

afterAll(() => {
  process.env = originalEnv;
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

describe('报名名单页：导出 Excel', () => {
  beforeEach(() => {
    callFunction.mockImplementation(async (_name: string, action: string, input: { status: SignUpStatus }) => {
      if (action === 'me') return meAnswer(secretary);
      if (action === 'exportAttendees') {
        return { ok: true, data: { fileID: 'cloud://env/exports/x.xlsx', url: EXPORT_URL, rows: 4, notSignedUp: 12, truncated: false } };
      }
      return { ok: true, data: { items: PEOPLE[input.status], nextCursor: null, counts: COUNTS } };
    });
  });

  it('小程序里导出后下载表格并用带菜单的文档预览打开，显示导出了多少人', async () => {
    render(<ActivityAttendeesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '导出 Excel' }));

    expect((await screen.findByRole('status')).textContent).toBe('已导出 4 条报名、12 位未报名的党员。');
    expect(calls('exportAttendees')).toEqual([{ id: 'act-1' }]);
    expect(fileApis.downloadFile).toHaveBeenCalledWith({ url: EXPORT_URL });
    expect(fileApis.openDocument).toHaveBeenCalledWith({ filePath: DOWNLOADED, fileType: 'xlsx', showMenu: true });
    expect(screen.getByRole('button', { name: '导出 Excel' })).toBeTruthy();
  });

  it('生成表格期间按钮显示进度且不能重复点', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const pending = new Promise((resolve) => {
      answer = resolve;
    });
    const listed = callFunction.getMockImplementation();
    callFunction.mockImplementation(async (name: string, action: string, input: unknown) =>
      action === 'exportAttendees' ? pending : listed?.(name, action, input),
    );
    render(<ActivityAttendeesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '导出 Excel' }));

    const busy = screen.getByRole<HTMLButtonElement>('button', { name: '正在生成表格…' });
    expect(busy.disabled).toBe(true);
    answer({ ok: true, data: { fileID: 'f', url: EXPORT_URL, rows: 1, notSignedUp: 0, truncated: true } });
    expect((await screen.findByRole('status')).textContent).toBe('已导出 1 条报名、0 位未报名的党员。人数过多，表格只列出了前面的部分。');
  });

  it('H5 跟随表格链接让浏览器下载', async () => {
    process.env.TARO_ENV = 'h5';
    const followed: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      followed.push(this.href);
    });
    render(<ActivityAttendeesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '导出 Excel' }));

    await waitFor(() => expect(followed).toEqual([EXPORT_URL]));
    expect(fileApis.downloadFile).not.toHaveBeenCalled();
    click.mockRestore();
  });

  it('表格下载失败时提示重试', async () => {
    fileApis.downloadFile.mockResolvedValueOnce({ statusCode: 404, tempFilePath: '', errMsg: 'downloadFile:ok' });
    render(<ActivityAttendeesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '导出 Excel' }));

    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '表格已生成，但打开失败，请重试', icon: 'none' }));
    expect(fileApis.openDocument).not.toHaveBeenCalled();
  });
});

describe('报名名单页：添加参加人', () => {
  const CANDIDATES = [
    {
      id: 'm-zhou',
      name: '周七',
      branchId: 'branch-1',
      branchName: '第一党支部',
      role: 'member',
      partyStatus: 'full',
      joinedAt: '2025-01-01T00:00:00.000Z',
      phoneTail: null,
    },
    {
      id: 'm-wu',
      name: '吴八',
      branchId: 'branch-1',
      branchName: '第一党支部',
      role: 'member',
      partyStatus: 'full',
      joinedAt: '2025-01-01T00:00:00.000Z',
      phoneTail: null,
    },
  ];
  let added: Attendee[];
  let addAnswer: (input: Record<string, unknown>) => unknown;

  beforeEach(() => {
    added = [];
    addAnswer = (input) => {
      const person = attendee('周七', 'signed', { memberId: String(input.memberId), addedByOrganiser: true });
      added.push(person);
      return { ok: true, data: { attendee: person } };
    };
    callFunction.mockImplementation(async (_name: string, action: string, input: Record<string, unknown>) => {
      if (action === 'me') return meAnswer(secretary);
      if (action === 'list') {
        const items = input.search ? CANDIDATES.filter((candidate) => candidate.name.startsWith(String(input.search))) : CANDIDATES;
        return { ok: true, data: { items, nextCursor: null, pendingCount: 0 } };
      }
      if (action === 'addAttendee') return addAnswer(input);
      const status = input.status as SignUpStatus;
      const people = status === 'signed' ? [...PEOPLE.signed, ...added] : PEOPLE[status];
      return { ok: true, data: { items: people, nextCursor: null, counts: { ...COUNTS, signed: COUNTS.signed + added.length } } };
    });
  });

  async function openAddPanel(container: HTMLElement) {
    fireEvent.click(await screen.findByRole('button', { name: '添加参加人' }));
    const dialog = screen.getByRole('dialog', { name: '添加参加人' });
    await within(dialog).findByRole('radio', { name: '周七' });
    return {
      dialog,
      reason: container.querySelector('[name="addReason"]') as HTMLElement,
      search: container.querySelector('[name="search"]') as HTMLElement,
    };
  }

  it('从支部党员中选人并写明原因后添加，请求带上 memberId 和原因，名单和人数随之刷新', async () => {
    const { container } = render(<ActivityAttendeesPage />);
    await screen.findByText('张三');
    const { dialog, reason } = await openAddPanel(container);
    expect(calls('list')[0]).toEqual({ status: 'active', pageSize: 20 });

    fireEvent.click(within(dialog).getByRole('radio', { name: '周七' }));
    fireEvent.change(reason, { target: { value: '现场参加，未及时报名' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '添加 周七' }));

    expect(await screen.findByRole('tab', { name: '已报名 3' })).toBeTruthy();
    expect(calls('addAttendee')).toEqual([{ id: 'act-1', memberId: 'm-zhou', reason: '现场参加，未及时报名' }]);
    expect(within(screen.getByLabelText('周七')).getByText('书记添加')).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: '添加参加人' })).toBeNull();
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已添加 周七', icon: 'success' });
  });

  it('按姓名开头查找党员', async () => {
    const { container } = render(<ActivityAttendeesPage />);
    const { dialog, search } = await openAddPanel(container);
    fireEvent.change(search, { target: { value: '吴' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '查找' }));

    await waitFor(() => expect(within(dialog).queryByRole('radio', { name: '周七' })).toBeNull());
    expect(within(dialog).getByRole('radio', { name: '吴八' })).toBeTruthy();
    expect(calls('list')[1]).toEqual({ status: 'active', pageSize: 20, search: '吴' });
  });

  it('没选人或没写原因时提示且不发请求', async () => {
    const { container } = render(<ActivityAttendeesPage />);
    const { dialog, reason } = await openAddPanel(container);

    fireEvent.change(reason, { target: { value: '现场参加' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '添加' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('请选择要添加的党员');

    fireEvent.click(within(dialog).getByRole('radio', { name: '吴八' }));
    fireEvent.change(reason, { target: { value: ' ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '添加 吴八' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('请写明添加原因');
    expect(calls('addAttendee')).toHaveLength(0);
  });

  it('服务器拒绝时（如不在活动范围内）在面板里显示原因，名单不变', async () => {
    addAnswer = () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: '这位党员所在的支部不在本活动的参加范围内', field: 'memberId' },
    });
    const { container } = render(<ActivityAttendeesPage />);
    await screen.findByText('张三');
    const { dialog, reason } = await openAddPanel(container);
    fireEvent.click(within(dialog).getByRole('radio', { name: '吴八' }));
    fireEvent.change(reason, { target: { value: '现场参加' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '添加 吴八' }));

    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('这位党员所在的支部不在本活动的参加范围内'));
    expect(listCalls()).toHaveLength(1);
    expect(screen.getByRole('tab', { name: '已报名 2' })).toBeTruthy();
  });

  it('原因被服务器退回时只显示原因本身', async () => {
    addAnswer = () => ({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '填写的内容有误，请检查后再试：reason 请写明原因', field: 'reason' },
    });
    const { container } = render(<ActivityAttendeesPage />);
    const { dialog, reason } = await openAddPanel(container);
    fireEvent.click(within(dialog).getByRole('radio', { name: '周七' }));
    fireEvent.change(reason, { target: { value: '补录' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '添加 周七' }));

    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('请写明原因'));
  });
});

it('普通党员看不到报名名单，也没有导出和添加', async () => {
  callFunction.mockImplementation(async () => meAnswer(member));
  render(<ActivityAttendeesPage />);
  expect(await screen.findByText('仅支部书记和组织部可以使用')).toBeTruthy();
  expect(listCalls()).toHaveLength(0);
  expect(screen.queryByRole('button', { name: '导出 Excel' })).toBeNull();
  expect(screen.queryByRole('button', { name: '添加参加人' })).toBeNull();
});
