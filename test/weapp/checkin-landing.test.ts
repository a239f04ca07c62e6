/**
 * Renders the built 签到落地页 (its own subpackage) in miniprogram-simulate, opened the ways WeChat opens it:
 * a base's printed 小程序码 (`scene=b%3D<id>`) and WeChat's scanner on an activity's rotating code (`q=<link>`).
 * Each case opens the page afresh, as a new scan would. Run `npm run build:weapp` first.
 */
import { renderBuiltPage, succeed, waitUntil, wxGlobal, type RenderedPage } from '../support/weappSimulate';

const BASE_ID = 'daoxian-chenshuxiang';
const BASE = {
  id: BASE_ID,
  name: '道县陈树湘党性教育基地',
  level: 'provincial',
  county: '道县',
  address: '湖南省永州市道县',
  theme: '绝对忠诚',
  approximate: true,
  latitude: 25.527,
  longitude: 111.6,
  radiusM: 3000,
  intro: '讲述陈树湘“断肠明志”的故事。',
  photoFileIds: [],
  photoUrls: [],
};
const CODE = 'act1ABCDEFGH2345678JKMNPQRS';
const LINK = `https://hongtu.example/c?k=${CODE}`;
/** Where the phone stands, as wx.getLocation reports it in GCJ-02. */
const HERE = { latitude: 25.5281, longitude: 111.6012, accuracy: 25 };

function checkinView(fields: Record<string, unknown>) {
  return {
    id: 'ck-1',
    kind: 'activity',
    activityId: 'act1',
    baseId: null,
    placeName: '十一月主题党日',
    memberId: 'm-demo-member',
    name: '林红',
    method: 'code',
    // 2026-11-23 14:03 in Shanghai.
    checkedInAt: '2026-11-23T06:03:00.000Z',
    checkedOutAt: null,
    presentMinutes: null,
    studyHours: null,
    offline: false,
    distanceM: null,
    latitude: null,
    longitude: null,
    countsFor: null,
    photoFileId: null,
    recordedByName: null,
    reason: null,
    ...fields,
  };
}

const MANUAL_ENTRY_HINT = '可粘贴组织者发来的签到码或签到链接。';

const refusal = (code: string, message: string) => ({ ok: false, error: { code, message } });

interface CallFunctionParam {
  name: string;
  data: { action: string; input: Record<string, unknown> };
}

/**
 * Opens the landing page as a fresh launch with `query`: the built app and page are required anew
 * (Taro registers each page once per module load), with the wx APIs the page uses stubbed.
 */
function openLanding(query: Record<string, string>, answers: Record<string, () => unknown>) {
  jest.resetModules();
  const callFunction = jest.fn(async ({ name, data }: CallFunctionParam) => {
    const answer = answers[`${name}.${data.action}`];
    if (!answer) throw new Error(`unexpected call ${name}.${data.action}`);
    return { result: answer(), errMsg: 'cloud.callFunction:ok', requestID: 'test' };
  });
  const getLocation = jest.fn((options: { type: string; success?: (res: unknown) => void; fail?: (res: unknown) => void }) => {
    options.success?.({ ...HERE, errMsg: 'getLocation:ok' });
  });
  const showModal = succeed({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
  const storage = new Map<string, unknown>();
  const wx = wxGlobal();
  // The chunks the previous launch pushed would otherwise register their components outside a load.
  delete wx.webpackJsonp;
  wx.cloud = { init: jest.fn(), callFunction };
  wx.getLocation = getLocation;
  wx.showModal = showModal;
  wx.showToast = succeed();
  wx.setStorageSync = (key: string, value: unknown) => storage.set(key, JSON.parse(JSON.stringify(value)));
  wx.getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '');
  wx.removeStorageSync = (key: string) => storage.delete(key);
  wx.getStorageInfoSync = () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 });
  const page: RenderedPage = renderBuiltPage('checkin/landing/index', query);
  const scans = () => callFunction.mock.calls.filter(([call]) => call.data.action === 'scan').map(([call]) => call.data.input);
  return { page, callFunction, getLocation, showModal, scans };
}

describe('签到落地页（微信小程序构建产物，分包 checkin）', () => {
  it('扫基地的小程序码（scene=b%3D<id>）打开：显示基地名称，等党员点「到此打卡」才取位置；不给位置就不打卡，允许后重试即带位置打卡成功', async () => {
    const visit = checkinView({ kind: 'base', activityId: null, baseId: BASE_ID, placeName: BASE.name, method: 'base', distanceM: 160 });
    const { page, getLocation, showModal, scans } = openLanding(
      { scene: encodeURIComponent(`b=${BASE_ID}`) },
      {
        'checkin.baseDetail': () => ({ ok: true, data: { base: BASE } }),
        'checkin.scan': () => ({ ok: true, data: { outcome: 'checkedIn', checkin: visit } }),
      },
    );
    await waitUntil(() => page.text().includes(BASE.name) && page.text().includes('到此打卡'), 'the base and its check-in button');
    expect(page.text()).toContain('基地打卡');
    expect(page.text()).toContain(BASE.address);
    expect(getLocation).not.toHaveBeenCalled();

    getLocation.mockImplementationOnce((options) => options.fail?.({ errMsg: 'getLocation:fail auth deny' }));
    page.tap('ht-button', '到此打卡');
    await waitUntil(() => page.text().includes('需要位置才能打卡'), 'the location refusal');
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要位置才能打卡', confirmText: '去设置' }));
    expect(scans()).toEqual([]);

    page.tap('ht-button', '重试');
    await waitUntil(() => page.text().includes('签到成功'), 'the check-in at the base');
    expect(getLocation).toHaveBeenLastCalledWith(expect.objectContaining({ type: 'gcj02' }));
    expect(scans()).toEqual([{ via: 'base', baseId: BASE_ID, location: HERE }]);
    expect(page.text()).toContain('11月23日 周一 14:03');
    expect(page.text()).toContain('距签到点 160 米');
  });

  it('微信扫一扫打开签到链接（q=<编码后的链接>）：立即带位置发送签到码，大字显示签到成功和活动名称', async () => {
    const { page, scans } = openLanding(
      { q: encodeURIComponent(LINK) },
      { 'checkin.scan': () => ({ ok: true, data: { outcome: 'checkedIn', checkin: checkinView({ distanceM: 35 }) } }) },
    );
    await waitUntil(() => page.text().includes('签到成功'), 'the check-in');
    expect(scans()).toEqual([{ via: 'code', code: CODE, location: HERE }]);
    expect(page.text()).toContain('十一月主题党日');
    expect(page.text()).toContain('距签到点 35 米');
    expect(page.text()).toContain('查看我的足迹');
  });

  it('签到码过期被拒：说出原因和下一步，可以重试或改为输入签到码', async () => {
    const { page } = openLanding(
      { q: encodeURIComponent(LINK) },
      { 'checkin.scan': () => refusal('EXPIRED', '签到码已过期，请扫描屏幕上最新的签到码') },
    );
    await waitUntil(() => page.text().includes('未能签到'), 'the refusal');
    const text = page.text();
    expect(text).toContain('签到码已过期，请扫描屏幕上最新的签到码');
    expect(text).toContain('签到码每 10 秒更换一次，请重新扫描屏幕上的签到码。');
    expect(text).toContain('重试');
    expect(text).not.toContain('签到成功');
    expect(text).not.toContain(MANUAL_ENTRY_HINT);

    page.tap('ht-button', '输入签到码');
    await waitUntil(() => page.text().includes(MANUAL_ENTRY_HINT), 'the code entry');
  });

  it('已经签过到（DUPLICATE）：显示「已签到」和第一次签到的时间，不当作失败', async () => {
    const { page, scans } = openLanding(
      { q: encodeURIComponent(LINK) },
      { 'checkin.scan': () => refusal('DUPLICATE', '你已于 14:03 签到') },
    );
    await waitUntil(() => page.text().includes('你已于 14:03 签到'), 'the duplicate answer');
    const text = page.text();
    expect(text).toContain('已签到');
    expect(text).toContain('无需重复扫码。');
    expect(text).not.toContain('未能签到');
    expect(scans()).toHaveLength(1);
  });
});
