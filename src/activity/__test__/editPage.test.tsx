import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import taro, { albumImages, heldUploads, modalReplies, resetTaroStub, router } from '../../components/__test__/taroStub';
import { detail, meAnswer, member, orgAdmin, secretary } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../activity.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import ActivityEditPage from '../edit/index';

type Handler = (input: Record<string, unknown>) => unknown;
function serve(who: MemberView, handlers: Record<string, Handler> = {}) {
  callFunction.mockImplementation(async (name: string, action: string, input: Record<string, unknown>) => {
    if (name === 'member' && action === 'me') return meAnswer(who);
    if (name === 'member' && action === 'orgTree') {
      return {
        ok: true,
        data: {
          roots: [
            {
              id: 'committee',
              name: '机关党委',
              kind: 'committee',
              memberCount: 60,
              children: [
                { id: 'branch-1', name: '第一党支部', kind: 'branch', memberCount: 30, children: [] },
                { id: 'branch-2', name: '第二党支部', kind: 'branch', memberCount: 30, children: [] },
              ],
            },
          ],
        },
      };
    }
    const handler = handlers[action];
    if (name !== 'activity' || !handler) throw new Error(`unexpected ${name}.${action}`);
    return handler(input);
  });
}

function calls(action: string) {
  return callFunction.mock.calls.filter(([, called]) => called === action).map(([, , input]) => input as Record<string, unknown>);
}

function type(container: HTMLElement, name: string, value: string) {
  const element = container.querySelector(`[name="${name}"]`);
  if (!element) throw new Error(`no field named ${name}`);
  fireEvent.change(element, { target: { value } });
}

/** Title, place and a Beijing-time schedule: 12月1日 09:00–11:00, sign-up closing 11月30日 18:00. */
function fillIn(container: HTMLElement) {
  type(container, 'title', '重温入党誓词主题党日');
  type(container, 'place', '党员活动室');
  type(container, 'startDate', '2026-12-01');
  type(container, 'startTime', '09:00');
  type(container, 'endDate', '2026-12-01');
  type(container, 'endTime', '11:00');
  type(container, 'deadlineDate', '2026-11-30');
  type(container, 'deadlineTime', '18:00');
}

function fieldError(label: string): string | null {
  const field = screen.getByText(label).closest('.ht-field') as HTMLElement;
  return within(field).queryByRole('alert')?.textContent ?? null;
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('发起活动', () => {
  it('支部书记填写后保存并发布：以北京时间换算的时刻、本支部为参加范围创建，再发布并打开详情', async () => {
    serve(secretary, {
      create: () => ({ ok: true, data: { activity: detail({ id: 'new-1', status: 'draft' }) } }),
      publish: () => ({ ok: true, data: { activity: detail({ id: 'new-1' }) } }),
    });
    const { container } = render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    fillIn(container);
    type(container, 'capacity', '30');
    type(container, 'studyHours', '1.5');
    fireEvent.click(screen.getByRole('radio', { name: '党课' }));
    fireEvent.click(screen.getByRole('radio', { name: '上好一堂党课' }));
    expect(screen.getByText('第一党支部')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存并发布' }));

    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/activity/detail/index?id=new-1' }));
    expect(calls('create')).toEqual([
      {
        kind: 'lesson',
        title: '重温入党誓词主题党日',
        description: '',
        coverFileId: null,
        place: '党员活动室',
        baseId: null,
        online: false,
        startAt: '2026-12-01T01:00:00.000Z',
        endAt: '2026-12-01T03:00:00.000Z',
        signUpOpensAt: null,
        signUpDeadline: '2026-11-30T10:00:00.000Z',
        capacity: 30,
        waitlist: true,
        audienceBranchIds: ['branch-1'],
        countsFor: 'lesson',
        studyHours: 1.5,
      },
    ]);
    expect(calls('publish')).toEqual([{ id: 'new-1' }]);
  });

  it('手机上能查出的错误标在各自的栏下，不发请求', async () => {
    serve(secretary);
    const { container } = render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    fillIn(container);
    type(container, 'title', '党');
    type(container, 'deadlineDate', '2026-12-02');
    type(container, 'capacity', '0');
    type(container, 'studyHours', '1.2');
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));

    expect(fieldError('活动标题')).toBe('标题需 2–40 个字');
    expect(fieldError('报名截止')).toBe('报名截止不能晚于开始时间');
    expect(fieldError('名额（选填）')).toBe('名额需为 1–5000 的整数，不限名额请留空');
    expect(fieldError('学时（选填）')).toBe('学时以 0.5 为单位，最多 24，不计学时请留空');
    expect(fieldError('活动地点')).toBeNull();
    expect(calls('create')).toHaveLength(0);

    type(container, 'title', '重温入党誓词');
    expect(fieldError('活动标题')).toBeNull();
  });

  it('服务器退回的字段错误（INVALID_INPUT 的 field）标在对应的栏下', async () => {
    serve(secretary, {
      create: () => ({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '填写的内容有误，请检查后再试：place 含有不当内容', field: 'place' },
      }),
    });
    const { container } = render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    fillIn(container);
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));

    await waitFor(() => expect(fieldError('活动地点')).toBe('含有不当内容'));
    expect(taro.showToast).toHaveBeenCalledWith({ title: '请修改标红的内容', icon: 'none' });
  });

  it('组织部选择参加的党支部：不选全部又一个不选时提示，选中的支部作为参加范围；选全部时为 null', async () => {
    serve(orgAdmin, { create: () => ({ ok: true, data: { activity: detail({ id: 'new-2', status: 'draft' }) } }) });
    const { container } = render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    fillIn(container);
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(fieldError('参加的党支部')).toBe('请选择参加的党支部，或选择全部支部');

    fireEvent.click(await screen.findByRole('checkbox', { name: '第二党支部' }));
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(calls('create')).toHaveLength(1));
    expect(calls('create')[0]?.audienceBranchIds).toEqual(['branch-2']);
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
  });

  it('组织部打开“全部党支部”时参加范围为全部', async () => {
    serve(orgAdmin, { create: () => ({ ok: true, data: { activity: detail({ id: 'new-3', status: 'draft' }) } }) });
    const { container } = render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    fillIn(container);
    fireEvent.click(screen.getByRole('switch', { name: '全部党支部' }));
    expect(screen.queryByRole('checkbox', { name: '第二党支部' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(calls('create')).toHaveLength(1));
    expect(calls('create')[0]?.audienceBranchIds).toBeNull();
  });

  it('普通党员打不开发起活动', async () => {
    serve(member);
    render(<ActivityEditPage />);
    expect(await screen.findByText('仅支部书记和组织部可以使用')).toBeTruthy();
    expect(screen.queryByText('活动标题')).toBeNull();
  });
});

function button(name: string): HTMLButtonElement {
  return screen.getByRole<HTMLButtonElement>('button', { name });
}

/** Picks a photo in the album and waits until its upload has started (held until the test moves it on). */
async function startCoverUpload(size = 300_000) {
  albumImages.push({ tempFilePath: 'http://tmp/cover-photo.jpg', size });
  fireEvent.click(button('选择封面图片'));
  await waitFor(() => expect(heldUploads).toHaveLength(1));
  return heldUploads[0]!;
}

describe('活动封面', () => {
  it('选好照片后显示上传进度、上传中不能保存；上传完成后预览，保存时带上封面的 fileID', async () => {
    serve(secretary, { create: () => ({ ok: true, data: { activity: detail({ id: 'new-4', status: 'draft' }) } }) });
    const { container } = render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    fillIn(container);

    const upload = await startCoverUpload();
    expect(taro.chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 1, mediaType: ['image'] }));
    // ASCII only, in the covers folder, unique per upload.
    expect(upload.cloudPath).toMatch(/^activity-covers\/\d+-[0-9a-z]{1,8}\.jpg$/);
    act(() => upload.progress(40));
    expect(within(screen.getByRole('progressbar')).getByText('正在上传封面 40%')).toBeTruthy();
    expect(button('保存草稿').disabled).toBe(true);
    expect(button('选择封面图片').disabled).toBe(true);

    act(() => upload.finish());
    expect(await screen.findByAltText('封面预览')).toHaveProperty('src', 'http://tmp/cover-photo.jpg');
    expect(screen.queryByRole('progressbar')).toBeNull();
    fireEvent.click(button('保存草稿'));

    await waitFor(() => expect(calls('create')).toHaveLength(1));
    expect(calls('create')[0]?.coverFileId).toBe(`cloud://test-env.7465-test-env/${upload.cloudPath}`);
  });

  it('上传失败时提示重新选择，保存时不带封面', async () => {
    serve(secretary, { create: () => ({ ok: true, data: { activity: detail({ id: 'new-5', status: 'draft' }) } }) });
    const { container } = render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    fillIn(container);

    const upload = await startCoverUpload();
    act(() => upload.fail('cloud.uploadFile:fail network'));
    await waitFor(() => expect(fieldError('封面（选填）')).toBe('封面上传失败，请检查网络后重新选择'));
    expect(screen.queryByAltText('封面预览')).toBeNull();
    fireEvent.click(button('保存草稿'));
    await waitFor(() => expect(calls('create')).toHaveLength(1));
    expect(calls('create')[0]?.coverFileId).toBeNull();
  });

  it('超过 5 MB 的照片不上传，提示换一张', async () => {
    serve(secretary);
    render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    albumImages.push({ tempFilePath: 'http://tmp/huge.jpg', size: 6 * 1024 * 1024 });
    fireEvent.click(button('选择封面图片'));
    await waitFor(() => expect(fieldError('封面（选填）')).toBe('图片 6.0 MB，超过 5 MB，请换一张或裁剪后再选'));
    expect(taro.cloud.uploadFile).not.toHaveBeenCalled();
  });

  it('已有封面的活动显示原封面；不动封面保存时原样带回，移除后保存为 null', async () => {
    const covered = detail({
      coverFileId: 'cloud://test-env.7465-test-env/activity-covers/1-old.jpg',
      coverUrl: 'https://files.example/activity-covers/1-old.jpg',
      can: { signUp: true, cancelSignUp: false, requestLeave: false, manage: true },
    });
    router.params = { id: 'act-1' };
    serve(secretary, {
      detail: () => ({ ok: true, data: { activity: covered, mine: null } }),
      update: () => ({ ok: true, data: { activity: covered, notified: 0 } }),
    });
    render(<ActivityEditPage />);
    expect(await screen.findByAltText('封面预览')).toHaveProperty('src', 'https://files.example/activity-covers/1-old.jpg');
    fireEvent.click(button('保存修改'));
    await waitFor(() => expect(calls('update')).toHaveLength(1));

    fireEvent.click(button('移除封面'));
    expect(screen.queryByAltText('封面预览')).toBeNull();
    fireEvent.click(button('保存修改'));
    await waitFor(() => expect(calls('update')).toHaveLength(2));
    const [kept, removed] = calls('update').map((input) => (input.draft as Record<string, unknown>).coverFileId);
    expect(kept).toBe('cloud://test-env.7465-test-env/activity-covers/1-old.jpg');
    expect(removed).toBeNull();
  });

  it('服务器说封面已不在云存储时，提示标在封面栏下', async () => {
    serve(secretary, {
      create: () => ({ ok: false, error: { code: 'NOT_FOUND', message: '封面图片不存在，请重新上传', field: 'coverFileId' } }),
    });
    const { container } = render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    fillIn(container);
    const upload = await startCoverUpload();
    act(() => upload.finish());
    await screen.findByAltText('封面预览');
    fireEvent.click(button('保存草稿'));
    await waitFor(() => expect(fieldError('封面（选填）')).toBe('封面图片不存在，请重新上传'));
  });
});

describe('报名开始时间', () => {
  it('打开“定时开放报名”并选好时间，以北京时间换算后随草稿发送', async () => {
    serve(secretary, { create: () => ({ ok: true, data: { activity: detail({ id: 'new-6', status: 'draft' }) } }) });
    const { container } = render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    fillIn(container);
    expect(container.querySelector('[name="opensDate"]')).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: '定时开放报名' }));
    type(container, 'opensDate', '2026-11-20');
    type(container, 'opensTime', '08:30');
    fireEvent.click(button('保存草稿'));

    await waitFor(() => expect(calls('create')).toHaveLength(1));
    expect(calls('create')[0]?.signUpOpensAt).toBe('2026-11-20T00:30:00.000Z');
  });

  it('报名开始不早于报名截止时标在报名开始栏下、不发请求；改了时间后提示消失', async () => {
    serve(secretary);
    const { container } = render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    fillIn(container);
    fireEvent.click(screen.getByRole('switch', { name: '定时开放报名' }));
    type(container, 'opensDate', '2026-11-30');
    type(container, 'opensTime', '18:00');
    fireEvent.click(button('保存草稿'));

    expect(fieldError('报名开始')).toBe('报名开始须早于报名截止');
    expect(calls('create')).toHaveLength(0);
    type(container, 'opensTime', '08:00');
    expect(fieldError('报名开始')).toBeNull();
  });

  it('服务器退回的 signUpOpensAt 字段错误标在报名开始栏下', async () => {
    serve(secretary, {
      create: () => ({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: '填写的内容有误，请检查后再试：signUpOpensAt 报名开始须早于报名截止',
          field: 'signUpOpensAt',
        },
      }),
    });
    const { container } = render(<ActivityEditPage />);
    await screen.findByText('活动标题');
    fillIn(container);
    fireEvent.click(screen.getByRole('switch', { name: '定时开放报名' }));
    type(container, 'opensDate', '2026-11-20');
    fireEvent.click(button('保存草稿'));
    await waitFor(() => expect(fieldError('报名开始')).toBe('报名开始须早于报名截止'));
  });

  it('已设报名开始时间的活动载入时开关打开、时间为北京时间；关闭后保存为 null', async () => {
    const scheduled = detail({
      signUpOpensAt: '2026-11-20T00:30:00.000Z',
      can: { signUp: false, cancelSignUp: false, requestLeave: false, manage: true },
    });
    router.params = { id: 'act-1' };
    serve(secretary, {
      detail: () => ({ ok: true, data: { activity: scheduled, mine: null } }),
      update: () => ({ ok: true, data: { activity: scheduled, notified: 0 } }),
    });
    const { container } = render(<ActivityEditPage />);
    await screen.findByDisplayValue('重温入党誓词主题党日');
    expect((container.querySelector('[name="opensDate"]') as HTMLInputElement).value).toBe('2026-11-20');
    expect((container.querySelector('[name="opensTime"]') as HTMLInputElement).value).toBe('08:30');
    fireEvent.click(screen.getByRole('switch', { name: '定时开放报名' }));
    fireEvent.click(button('保存修改'));
    await waitFor(() => expect(calls('update')).toHaveLength(1));
    expect((calls('update')[0]?.draft as Record<string, unknown>).signUpOpensAt).toBeNull();
  });
});

describe('编辑已发布的活动', () => {
  const published = detail({ capacity: 30, can: { signUp: true, cancelSignUp: false, requestLeave: false, manage: true } });

  beforeEach(() => {
    router.params = { id: 'act-1' };
  });

  it('载入原有内容；改地点并写变更原因后保存，调用 update 并告知已通知的人数', async () => {
    serve(secretary, {
      detail: () => ({ ok: true, data: { activity: published, mine: null } }),
      update: () => ({ ok: true, data: { activity: { ...published, place: '会议室' }, notified: 12 } }),
    });
    const { container } = render(<ActivityEditPage />);
    await screen.findByDisplayValue('重温入党誓词主题党日');
    expect((container.querySelector('[name="startDate"]') as HTMLInputElement).value).toBe('2026-11-30');
    expect((container.querySelector('[name="startTime"]') as HTMLInputElement).value).toBe('14:30');
    expect((container.querySelector('[name="capacity"]') as HTMLInputElement).value).toBe('30');

    type(container, 'place', '会议室');
    type(container, 'changeNote', '场地调整');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));

    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '已保存，已通知 12 位报名的同志', icon: 'none' }));
    expect(calls('update')).toEqual([
      expect.objectContaining({ id: 'act-1', reason: '场地调整', draft: expect.objectContaining({ place: '会议室', capacity: 30 }) }),
    ]);
    expect(screen.queryByRole('button', { name: '保存并发布' })).toBeNull();
  });

  it('update 退回的 draft.* 字段错误标在对应的栏下', async () => {
    serve(secretary, {
      detail: () => ({ ok: true, data: { activity: published, mine: null } }),
      update: () => ({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '填写的内容有误，请检查后再试：draft.endAt 结束时间须晚于开始时间', field: 'draft.endAt' },
      }),
    });
    render(<ActivityEditPage />);
    fireEvent.click(await screen.findByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(fieldError('结束')).toBe('结束时间须晚于开始时间'));
  });

  it('取消活动要写原因并确认，确认后调用 cancel 并回到详情', async () => {
    serve(secretary, {
      detail: () => ({ ok: true, data: { activity: published, mine: null } }),
      cancel: () => ({ ok: true, data: { activity: { ...published, status: 'cancelled' }, notified: 5 } }),
    });
    const { container } = render(<ActivityEditPage />);
    fireEvent.click(await screen.findByRole('button', { name: '取消活动' }));
    fireEvent.click(screen.getByRole('button', { name: '确认取消活动' }));
    expect(fieldError('取消原因')).toBe('请写明取消原因，会告知已报名的同志');

    type(container, 'cancelReason', '因天气原因延期');
    fireEvent.click(screen.getByRole('button', { name: '确认取消活动' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(calls('cancel')).toHaveLength(0);

    modalReplies.push(true);
    fireEvent.click(screen.getByRole('button', { name: '确认取消活动' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/activity/detail/index?id=act-1' }));
    expect(calls('cancel')).toEqual([{ id: 'act-1', reason: '因天气原因延期' }]);
  });

  it('已取消的活动不能再修改', async () => {
    serve(secretary, { detail: () => ({ ok: true, data: { activity: { ...published, status: 'cancelled' }, mine: null } }) });
    render(<ActivityEditPage />);
    expect(await screen.findByText('活动已取消')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '保存修改' })).toBeNull();
  });
});
