/**
 * Renders the built 邀请入党组织 page (branch subpackage) in miniprogram-simulate: the secretary creates
 * an invite, sees the 小程序码, and the share handler carries the card drawn on weapp's offscreen canvas.
 */
import { recordingOffscreenCanvas } from '../support/fakeCanvas';
import { renderBuiltPage, succeed, waitUntil, wxGlobal, type RenderedPage } from '../support/weappSimulate';

const secretary = {
  id: 'm-demo-secretary',
  name: '赵志刚',
  branchId: 'branch-1',
  branchName: '第一党支部',
  role: 'secretary',
  partyStatus: 'full',
  status: 'active',
  joinedAt: '2024-07-01T02:00:00.000Z',
};
const invite = {
  code: 'K7M3PQ2X',
  branchId: 'branch-1',
  branchName: '第一党支部',
  path: 'pages/join/index?code=K7M3PQ2X',
  expiresAt: '2026-11-30T02:00:00.000Z',
  maxUses: 50,
  uses: 0,
};
const QR_URL = 'https://7465-env.tcb.qcloud.la/invites/K7M3PQ2X.png?sign=abc';
const CARD_PATH = 'wxfile://tmp/invite-card.png';

const answers: Record<string, unknown> = {
  'member.me': { ok: true, data: { privacyAccepted: true, privacyVersion: '2026-11', member: secretary } },
  'member.createInvite': { ok: true, data: invite },
  'member.inviteQrCode': { ok: true, data: { code: invite.code, fileID: 'cloud://env/invites/K7M3PQ2X.png', url: QR_URL } },
};
const callFunction = jest.fn(async ({ name, data }: { name: string; data: { action: string } }) => {
  const result = answers[`${name}.${data.action}`];
  if (!result) throw new Error(`unexpected call ${name}.${data.action}`);
  return { result, errMsg: 'cloud.callFunction:ok', requestID: 'test' };
});

const { createOffscreenCanvas, painted } = recordingOffscreenCanvas();
const canvasToTempFilePath = succeed<{ canvas: unknown }>({ tempFilePath: CARD_PATH, errMsg: 'canvasToTempFilePath:ok' });
const previewImage = succeed<{ urls: string[] }>();

describe('邀请入党组织页（微信小程序构建产物，分包 branch）', () => {
  let page: RenderedPage;

  beforeAll(() => {
    const wx = wxGlobal();
    wx.cloud = { init: jest.fn(), callFunction };
    wx.createOffscreenCanvas = createOffscreenCanvas;
    wx.canvasToTempFilePath = canvasToTempFilePath;
    wx.previewImage = previewImage;
    wx.showToast = succeed();
    page = renderBuiltPage('branch/invite/index');
  });

  const image = (className: string) => page.attributes('image', className)[0];

  it('支部书记生成邀请后看到邀请码和可长按识别的小程序码', async () => {
    await waitUntil(() => page.text().includes('生成邀请') && page.text().includes('第一党支部'), 'the invite form');
    page.tap('ht-button', '生成邀请');
    await waitUntil(() => page.text().includes(invite.code), 'the invite code');
    await waitUntil(() => image('branch-invite__qr')?.src === QR_URL, 'the 小程序码 image');
    expect(callFunction).toHaveBeenCalledWith(expect.objectContaining({ data: { action: 'inviteQrCode', input: { code: invite.code } } }));
    expect(image('branch-invite__qr')).toMatchObject({ src: QR_URL, 'show-menu-by-longpress': true });
  });

  it('分享卡片在离屏画布上画出 5:4 图片，转发时带上它', async () => {
    await waitUntil(() => image('branch-invite__card')?.src === CARD_PATH, 'the share card preview');
    expect(createOffscreenCanvas).toHaveBeenCalledWith(expect.objectContaining({ type: '2d', width: 1000, height: 800 }));
    expect(painted).toEqual(expect.arrayContaining(['邀请你加入', '第一党支部', '邀请码  K7M3 PQ2X']));
    expect(page.instance.onShareAppMessage?.({ from: 'button' })).toEqual({
      title: '邀请你加入「第一党支部」',
      path: '/pages/join/index?code=K7M3PQ2X',
      imageUrl: CARD_PATH,
    });
  });

  it('点小程序码会放大预览，便于长按保存或转发', async () => {
    page.tap('branch-invite__qr', '');
    await waitUntil(() => previewImage.mock.calls.length > 0, 'wx.previewImage');
    expect(previewImage.mock.calls[0]?.[0]).toMatchObject({ urls: [QR_URL], current: QR_URL });
  });
});
