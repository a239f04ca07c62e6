import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { recordingOffscreenCanvas } from '../../../test/support/fakeCanvas';
import taro, {
  modalReplies,
  resetTaroStub,
  router,
  share,
  shareTimeline,
  storage,
  subscribeReplies,
} from '../../components/__test__/taroStub';
import { detail, meAnswer, member, shareCard } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../activity.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import ActivityDetailPage from '../detail/index';

const TEMPLATE_ID = 'tmpl-activity-reminder';
const CARD_PATH = 'wxfile://tmp/activity-card.png';
const { createOffscreenCanvas, painted } = recordingOffscreenCanvas();
const imageApis = {
  createOffscreenCanvas,
  canvasToTempFilePath: jest.fn(async () => ({ tempFilePath: CARD_PATH, errMsg: 'canvasToTempFilePath:ok' })),
};
Object.assign(taro, imageApis);

const POSTER_URL = 'https://tmp.example/activity-codes/act-1.png?sign=1';
const POSTER_FILE = 'wxfile://tmp/poster.png';
const posterApis = {
  previewImage: jest.fn(async (_options: Record<string, unknown>) => ({ errMsg: 'previewImage:ok' })),
  downloadFile: jest.fn(async (_options: { url: string }) => ({ statusCode: 200, tempFilePath: POSTER_FILE, errMsg: 'downloadFile:ok' })),
  saveImageToPhotosAlbum: jest.fn(async (_options: { filePath: string }) => ({ errMsg: 'saveImageToPhotosAlbum:ok' })),
  openSetting: jest.fn(async () => ({ authSetting: {}, errMsg: 'openSetting:ok' })),
};
Object.assign(taro, posterApis);

type Handler = (input: Record<string, unknown>) => unknown;
function respond(handlers: Record<string, Handler>) {
  callFunction.mockImplementation(async (name: string, action: string, input: Record<string, unknown>) => {
    const handler = handlers[`${name}.${action}`];
    if (!handler) throw new Error(`unexpected ${name}.${action}`);
    return handler(input);
  });
}

function calls(action: string) {
  return callFunction.mock.calls.filter(([, called]) => called === action).map(([, , input]) => input as Record<string, unknown>);
}

/** A member looking at act-1, with `detail` answered by `current` (replaced as the test goes). */
function memberSees(current: () => unknown, extra: Record<string, Handler> = {}) {
  respond({
    'member.me': () => meAnswer(member),
    'activity.shareCard': () => ({ ok: true, data: shareCard() }),
    'activity.detail': () => current(),
    ...extra,
  });
}

const originalEnv = { ...process.env };

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  painted.length = 0;
  router.params = { id: 'act-1' };
  process.env = { ...originalEnv, TARO_ENV: 'weapp', TARO_APP_ACTIVITY_REMINDER_TEMPLATE_ID: TEMPLATE_ID };
});

afterAll(() => {
  process.env = originalEnv;
});

describe('活动详情页：党员报名', () => {
  it('显示活动的时间、地点、截止、名额、“六个一”和学时', async () => {
    memberSees(() => ({ ok: true, data: { activity: detail({ signedUpCount: 1, seatsLeft: 2 }), mine: null } }));
    render(<ActivityDetailPage />);

    expect(await screen.findByText('重温入党誓词主题党日')).toBeTruthy();
    expect(screen.getByText('11月30日 周一 14:30–16:30')).toBeTruthy();
    expect(screen.getByText('党员活动室')).toBeTruthy();
    expect(screen.getByText('11月29日 周日 18:00')).toBeTruthy();
    expect(screen.getByText('剩余 2 个名额')).toBeTruthy();
    expect(screen.getByText('已报名 1 人 · 共 3 个名额')).toBeTruthy();
    expect(screen.getByText('上好一堂党课')).toBeTruthy();
    expect(screen.getByText('2 学时')).toBeTruthy();
    expect(calls('detail')).toEqual([{ id: 'act-1' }]);
  });

  it('一键报名：先请求订阅提醒，同意后带 acceptReminder 报名，页面显示已报名和减少后的名额', async () => {
    subscribeReplies.set(TEMPLATE_ID, 'accept');
    memberSees(() => ({ ok: true, data: { activity: detail(), mine: null } }), {
      'activity.signUp': () => ({
        ok: true,
        data: {
          status: 'signed',
          activity: detail({
            signedUpCount: 1,
            seatsLeft: 2,
            can: { signUp: false, cancelSignUp: true, requestLeave: true, manage: false },
          }),
        },
      }),
    });
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '报名' }));

    expect(await screen.findByText('你已报名')).toBeTruthy();
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [TEMPLATE_ID] });
    expect(calls('signUp')).toEqual([{ id: 'act-1', acceptReminder: true }]);
    expect(screen.getByText('剩余 2 个名额')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '报名' })).toBeNull();
    expect(screen.getByRole('button', { name: '取消报名' })).toBeTruthy();
    expect(taro.showToast).toHaveBeenCalledWith({ title: '报名成功', icon: 'success' });
    // The share card is fetched again so the seats it shows stay true.
    await waitFor(() => expect(calls('shareCard')).toHaveLength(2));
  });

  it('拒绝订阅提醒也照常报名，acceptReminder 为 false', async () => {
    memberSees(() => ({ ok: true, data: { activity: detail(), mine: null } }), {
      'activity.signUp': () => ({ ok: true, data: { status: 'signed', activity: detail({ signedUpCount: 1, seatsLeft: 2 }) } }),
    });
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '报名' }));

    expect(await screen.findByText('你已报名')).toBeTruthy();
    expect(calls('signUp')).toEqual([{ id: 'act-1', acceptReminder: false }]);
  });

  it('H5 或未配置提醒模板时不弹订阅框，直接报名', async () => {
    process.env.TARO_APP_ACTIVITY_REMINDER_TEMPLATE_ID = '';
    memberSees(() => ({ ok: true, data: { activity: detail(), mine: null } }), {
      'activity.signUp': () => ({ ok: true, data: { status: 'signed', activity: detail({ signedUpCount: 1, seatsLeft: 2 }) } }),
    });
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '报名' }));

    expect(await screen.findByText('你已报名')).toBeTruthy();
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(calls('signUp')).toEqual([{ id: 'act-1', acceptReminder: false }]);
  });

  it('名额已满且可候补时按钮为“加入候补”，报名后显示候补中', async () => {
    memberSees(() => ({ ok: true, data: { activity: detail({ signedUpCount: 3, seatsLeft: 0 }), mine: null } }), {
      'activity.signUp': () => ({
        ok: true,
        data: {
          status: 'waitlisted',
          activity: detail({
            signedUpCount: 3,
            seatsLeft: 0,
            waitlistCount: 1,
            can: { signUp: false, cancelSignUp: true, requestLeave: false, manage: false },
          }),
        },
      }),
    });
    render(<ActivityDetailPage />);
    expect(await screen.findByText('名额已满·可候补')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '加入候补' }));

    expect(await screen.findByText('你在候补名单中')).toBeTruthy();
    expect(screen.getByText('已报名 3 人 · 候补 1 人 · 共 3 个名额')).toBeTruthy();
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已加入候补', icon: 'success' });
  });

  it('报名被拒（如名额刚满）时重新加载详情，显示服务器此刻的状态', async () => {
    let answer = detail();
    memberSees(() => ({ ok: true, data: { activity: answer, mine: null } }), {
      'activity.signUp': () => {
        answer = detail({
          signedUpCount: 3,
          seatsLeft: 0,
          waitlist: false,
          can: { signUp: false, cancelSignUp: false, requestLeave: false, manage: false },
          signUpClosedReason: '名额已满',
        });
        return { ok: false, error: { code: 'FULL', message: '名额已满' } };
      },
    });
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '报名' }));

    await waitFor(() => expect(calls('detail')).toHaveLength(2));
    expect((await screen.findByRole('status')).textContent).toBe('名额已满');
    expect(screen.queryByRole('button', { name: '报名' })).toBeNull();
  });

  it('不能报名时显示服务器给出的原因，没有报名按钮', async () => {
    memberSees(() => ({
      ok: true,
      data: {
        activity: detail({
          can: { signUp: false, cancelSignUp: false, requestLeave: false, manage: false },
          signUpClosedReason: '报名已截止',
        }),
        mine: null,
      },
    }));
    render(<ActivityDetailPage />);

    expect(await screen.findByText('报名已截止')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '报名' })).toBeNull();
  });

  it('取消报名需要确认：取消对话框时不发请求，确认后调用 cancelSignUp 并显示已取消', async () => {
    const signedCan = { signUp: false, cancelSignUp: true, requestLeave: true, manage: false };
    memberSees(() => ({ ok: true, data: { activity: detail({ signedUpCount: 1, seatsLeft: 2, can: signedCan }), mine: 'signed' } }), {
      'activity.cancelSignUp': () => ({
        ok: true,
        data: { status: 'cancelled', activity: detail({ can: { signUp: true, cancelSignUp: false, requestLeave: false, manage: false } }) },
      }),
    });
    render(<ActivityDetailPage />);
    expect(await screen.findByText('你已报名')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '取消报名' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(calls('cancelSignUp')).toHaveLength(0);
    expect(screen.getByText('你已报名')).toBeTruthy();

    modalReplies.push(true);
    fireEvent.click(screen.getByRole('button', { name: '取消报名' }));
    expect(await screen.findByText('你已取消报名')).toBeTruthy();
    expect(calls('cancelSignUp')).toEqual([{ id: 'act-1' }]);
    expect(screen.getByRole('button', { name: '重新报名' })).toBeTruthy();
  });

  it('请假要写原因：空着提交会提示且不发请求，写明原因后调用 requestLeave 并显示已请假', async () => {
    const afterDeadline = { signUp: false, cancelSignUp: false, requestLeave: true, manage: false };
    memberSees(() => ({ ok: true, data: { activity: detail({ signedUpCount: 1, seatsLeft: 2, can: afterDeadline }), mine: 'signed' } }), {
      'activity.requestLeave': () => ({
        ok: true,
        data: { status: 'leave', activity: detail({ can: { signUp: false, cancelSignUp: false, requestLeave: false, manage: false } }) },
      }),
    });
    const { container } = render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '请假' }));

    fireEvent.click(screen.getByRole('button', { name: '提交请假' }));
    expect(screen.getByRole('alert').textContent).toBe('请写明请假原因');
    expect(calls('requestLeave')).toHaveLength(0);

    fireEvent.change(container.querySelector('[name="leaveReason"]') as HTMLElement, { target: { value: '出差在外' } });
    fireEvent.click(screen.getByRole('button', { name: '提交请假' }));
    expect(await screen.findByText('你已请假')).toBeTruthy();
    expect(calls('requestLeave')).toEqual([{ id: 'act-1', reason: '出差在外' }]);
  });

  it('请假原因被服务器退回时显示在原因框下', async () => {
    memberSees(
      () => ({
        ok: true,
        data: { activity: detail({ can: { signUp: false, cancelSignUp: false, requestLeave: true, manage: false } }), mine: 'signed' },
      }),
      {
        'activity.requestLeave': () => ({
          ok: false,
          error: { code: 'INVALID_INPUT', message: '填写的内容有误，请检查后再试：reason 请写明原因', field: 'reason' },
        }),
      },
    );
    const { container } = render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '请假' }));
    fireEvent.change(container.querySelector('[name="leaveReason"]') as HTMLElement, { target: { value: '有事' } });
    fireEvent.click(screen.getByRole('button', { name: '提交请假' }));

    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('请写明原因'));
  });

  it('组织者看到编辑活动和报名名单的入口', async () => {
    memberSees(() => ({
      ok: true,
      data: { activity: detail({ can: { signUp: true, cancelSignUp: false, requestLeave: false, manage: true } }), mine: null },
    }));
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('报名名单'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/activity/attendees/index?id=act-1' });
    fireEvent.click(screen.getByText('编辑活动'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/activity/edit/index?id=act-1' });
  });
});

describe('活动详情页：分享', () => {
  it('转发到群带上离屏画布画出的 5:4 卡片（标题、时间、地点、剩余名额），转发朋友圈带上活动 id', async () => {
    memberSees(() => ({ ok: true, data: { activity: detail(), mine: null } }));
    render(<ActivityDetailPage />);

    const preview = await screen.findByRole('img', { name: '分享卡片预览' });
    expect(preview.getAttribute('src')).toBe(CARD_PATH);
    expect(screen.getByRole('button', { name: '分享到群' }).getAttribute('data-open-type')).toBe('share');
    expect(imageApis.createOffscreenCanvas).toHaveBeenCalledWith({ type: '2d', width: 1000, height: 800 });
    expect(painted).toEqual(
      // The recording canvas measures digits as wide as Chinese characters, so the time line is cut short here.
      expect.arrayContaining([
        '主题党日',
        '重温入党誓词主题党日',
        expect.stringMatching(/^时间 {2}11月30日 周一 14:3/),
        '地点  党员活动室',
        '剩余 3 个名额',
      ]),
    );
    expect(share.handler?.()).toEqual({
      title: '主题党日｜重温入党誓词主题党日',
      path: '/activity/detail/index?id=act-1',
      imageUrl: CARD_PATH,
    });
    expect(shareTimeline.handler?.()).toEqual({ title: '主题党日｜重温入党誓词主题党日', query: 'id=act-1', imageUrl: CARD_PATH });
  });

  it('名额已满的卡片写“名额已满·可候补”', async () => {
    respond({
      'member.me': () => meAnswer(member),
      'activity.shareCard': () => ({ ok: true, data: shareCard({ seatsLeft: 0, full: true }) }),
      'activity.detail': () => ({ ok: true, data: { activity: detail({ seatsLeft: 0, signedUpCount: 3 }), mine: null } }),
    });
    render(<ActivityDetailPage />);
    await screen.findByRole('img', { name: '分享卡片预览' });
    expect(painted).toContain('名额已满·可候补');
  });
});

describe('活动详情页：活动海报', () => {
  const organiserCan = { signUp: true, cancelSignUp: false, requestLeave: false, manage: true };

  function organiserSees(
    posterCode: Handler = () => ({ ok: true, data: { fileID: 'cloud://env/activity-codes/act-1', url: POSTER_URL } }),
    extra: Record<string, Handler> = {},
  ) {
    memberSees(() => ({ ok: true, data: { activity: detail({ can: organiserCan }), mine: null } }), {
      'activity.posterCode': posterCode,
      ...extra,
    });
  }

  async function openPoster() {
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('活动海报', { selector: '.ht-cell__title' }));
    return screen.findByRole('img', { name: '活动小程序码' });
  }

  it('组织者打开活动海报看到活动的小程序码，点开可放大', async () => {
    organiserSees();
    const code = await openPoster();

    expect(code.getAttribute('src')).toBe(POSTER_URL);
    expect(calls('posterCode')).toEqual([{ id: 'act-1' }]);
    fireEvent.click(code);
    expect(posterApis.previewImage).toHaveBeenCalledWith({ urls: [POSTER_URL], current: POSTER_URL });
  });

  it('保存到相册：先下载小程序码，再存入相册', async () => {
    organiserSees();
    await openPoster();
    fireEvent.click(screen.getByRole('button', { name: '保存到相册' }));

    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '已保存到相册', icon: 'success' }));
    expect(posterApis.downloadFile).toHaveBeenCalledWith({ url: POSTER_URL });
    expect(posterApis.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: POSTER_FILE });
  });

  it('相册权限被拒时说明原因，同意后打开设置页', async () => {
    posterApis.saveImageToPhotosAlbum.mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    modalReplies.push(true);
    organiserSees();
    await openPoster();
    fireEvent.click(screen.getByRole('button', { name: '保存到相册' }));

    await waitFor(() => expect(posterApis.openSetting).toHaveBeenCalledTimes(1));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要相册权限', confirmText: '去设置' }));
    expect(taro.showToast).not.toHaveBeenCalledWith({ title: '已保存到相册', icon: 'success' });
  });

  it('相册权限被拒、说明后选择暂不时不打开设置页', async () => {
    posterApis.saveImageToPhotosAlbum.mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    organiserSees();
    await openPoster();
    fireEvent.click(screen.getByRole('button', { name: '保存到相册' }));

    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(posterApis.openSetting).not.toHaveBeenCalled();
  });

  it('小程序码生成失败时显示重试，点后再请求一次', async () => {
    let attempts = 0;
    organiserSees(() => {
      attempts += 1;
      return attempts === 1
        ? { ok: false, error: { code: 'INTERNAL', message: '小程序码生成失败' } }
        : { ok: true, data: { fileID: 'cloud://env/activity-codes/act-1', url: POSTER_URL } };
    });
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('活动海报', { selector: '.ht-cell__title' }));
    fireEvent.click(await screen.findByText('小程序码生成失败，点此重试'));

    expect(await screen.findByRole('img', { name: '活动小程序码' })).toBeTruthy();
    expect(calls('posterCode')).toHaveLength(2);
  });

  it('H5 没有“保存到相册”，长按图片保存', async () => {
    process.env.TARO_ENV = 'h5';
    // No share card, so jsdom is not asked to draw one on an H5 canvas.
    organiserSees(undefined, { 'activity.shareCard': () => ({ ok: false, error: { code: 'NOT_FOUND', message: '活动不存在' } }) });
    await openPoster();
    expect(screen.queryByRole('button', { name: '保存到相册' })).toBeNull();
  });

  it('普通党员看不到活动海报，也不请求小程序码', async () => {
    memberSees(() => ({ ok: true, data: { activity: detail(), mine: null } }));
    render(<ActivityDetailPage />);
    await screen.findByRole('button', { name: '报名' });
    expect(screen.queryByText('活动海报')).toBeNull();
    expect(calls('posterCode')).toHaveLength(0);
  });
});

describe('活动详情页：尚未加入党支部的人', () => {
  beforeEach(() => {
    respond({
      'member.me': () => meAnswer(null),
      'activity.shareCard': () => ({ ok: true, data: shareCard() }),
    });
  });

  it('看到活动概要和加入党支部的指引，不请求详情；记下加入后回到这个活动', async () => {
    render(<ActivityDetailPage />);

    expect(await screen.findByText('加入党支部后即可报名')).toBeTruthy();
    expect(screen.getByText('重温入党誓词主题党日')).toBeTruthy();
    expect(screen.getByText('剩余 3 个名额')).toBeTruthy();
    expect(calls('detail')).toHaveLength(0);
    expect(storage.get('hongtu.afterJoin')).toEqual({ url: '/activity/detail/index?id=act-1', title: '重温入党誓词主题党日' });
  });

  it('填写邀请码后进入加入页；邀请码格式不对时提示', async () => {
    const { container } = render(<ActivityDetailPage />);
    await screen.findByText('加入党支部后即可报名');
    const input = container.querySelector('[name="inviteCode"]') as HTMLElement;

    fireEvent.change(input, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: '用邀请码加入党支部' }));
    expect(screen.getByRole('alert').textContent).toBe('邀请码是 8 位字母和数字');
    expect(taro.navigateTo).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: 'k7m3pq2x' } });
    fireEvent.click(screen.getByRole('button', { name: '用邀请码加入党支部' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/join/index?code=K7M3PQ2X' });
  });

  it('读不到活动卡片时（服务器只给党员看）仍显示加入指引，并记下回到这个活动', async () => {
    respond({
      'member.me': () => meAnswer(null),
      'activity.shareCard': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先加入党支部' } }),
    });
    render(<ActivityDetailPage />);

    expect(await screen.findByText('加入党支部后即可报名')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
    expect(storage.get('hongtu.afterJoin')).toEqual({ url: '/activity/detail/index?id=act-1', title: '支部活动' });
  });

  it('申请待审核的人看到审核中的说明', async () => {
    respond({
      'member.me': () => meAnswer({ ...member, status: 'pending' }),
      'activity.shareCard': () => ({ ok: true, data: shareCard() }),
    });
    render(<ActivityDetailPage />);
    expect(await screen.findByText('加入党支部申请待审核')).toBeTruthy();
  });

  it('加入后作为党员回到活动时，忘掉“加入后回到这里”', async () => {
    storage.set('hongtu.afterJoin', { url: '/activity/detail/index?id=act-1', title: '重温入党誓词主题党日' });
    memberSees(() => ({ ok: true, data: { activity: detail(), mine: null } }));
    render(<ActivityDetailPage />);
    await screen.findByRole('button', { name: '报名' });
    expect(storage.has('hongtu.afterJoin')).toBe(false);
  });
});
