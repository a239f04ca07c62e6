import cloud from 'wx-server-sdk';
import { MAX_SCENE_LENGTH, parseScene } from '../../core/scene';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;
/** seed-member-02 is the generated secretary of 第二党支部. */
const OTHER_SECRETARY = 'seed-member-02';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

afterEach(() => {
  jest.restoreAllMocks();
  delete process.env.WXACODE_ENV_VERSION;
});

async function inviteCode(input: Record<string, unknown> = {}): Promise<string> {
  return (await env.ok('demo-secretary', 'member', 'createInvite', input)).code;
}

async function storedInvite(code: string): Promise<{ wxacodeFileId?: string }> {
  return ((await cloud.database().collection('invites').doc(code).get()) as unknown as { data: { wxacodeFileId?: string } }).data;
}

function spyOnWxacode() {
  return jest.spyOn(cloud.openapi.wxacode as { getUnlimited: (params: unknown) => Promise<unknown> }, 'getUnlimited');
}

describe('member.inviteQrCode', () => {
  it('支部书记拿到邀请的小程序码：扫码打开加入页，scene 带邀请码且不超过 32 字', async () => {
    const code = await inviteCode();
    const wxacode = spyOnWxacode();
    const qr = await env.ok('demo-secretary', 'member', 'inviteQrCode', { code });

    expect(wxacode).toHaveBeenCalledTimes(1);
    const params = wxacode.mock.calls[0]![0] as { page: string; scene: string; checkPath: boolean; envVersion: string };
    expect(params).toMatchObject({ page: 'pages/join/index', checkPath: false, envVersion: 'release' });
    expect(params.scene.length).toBeLessThanOrEqual(MAX_SCENE_LENGTH);
    expect(parseScene(encodeURIComponent(params.scene))).toEqual({ c: code });

    expect(qr).toMatchObject({ code, fileID: expect.stringMatching(new RegExp(`/invites/${code}\\.png$`)) });
    const linkExpiry = clock.now().getTime() / 1000 + 2 * 3600;
    expect(qr.url).toMatch(new RegExp(`^/cloud-files/invites/${code}\\.png\\?t=${linkExpiry}&sign=[\\w-]+$`));
    expect(env.files.get(qr.fileID)!.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect((await storedInvite(code)).wxacodeFileId).toBe(qr.fileID);
  });

  it('同一邀请再次查看时复用已存的码：不再调用接口，只读身份和邀请两次数据库', async () => {
    const code = await inviteCode();
    const first = await env.call('demo-secretary', 'member', 'inviteQrCode', { code });
    expect(first.requests.map(({ action, collection }) => `${action} ${collection}`)).toEqual([
      'database.getDocument members',
      'database.getDocument invites',
      'database.modifyDocument invites',
    ]);
    const wxacode = spyOnWxacode();
    const again = await env.call('demo-secretary', 'member', 'inviteQrCode', { code });
    expect(wxacode).not.toHaveBeenCalled();
    expect(again.requests.map(({ collection }) => collection)).toEqual(['members', 'invites']);
    expect(again.result).toEqual(first.result);
  });

  it('体验版部署用 WXACODE_ENV_VERSION=trial 生成打开体验版的码', async () => {
    process.env.WXACODE_ENV_VERSION = 'trial';
    const wxacode = spyOnWxacode();
    await env.ok('demo-secretary', 'member', 'inviteQrCode', { code: await inviteCode() });
    expect(wxacode.mock.calls[0]![0]).toMatchObject({ envVersion: 'trial' });
  });

  it('权限：陌生人、党员、外支部书记不行；本支部书记和组织部可以', async () => {
    const code = await inviteCode();
    const expected: [string, string | true][] = [
      ['demo-stranger', 'UNAUTHENTICATED'],
      ['demo-member', 'FORBIDDEN'],
      [OTHER_SECRETARY, 'FORBIDDEN'],
      ['demo-secretary', true],
      ['demo-admin', true],
    ];
    for (const [openid, outcome] of expected) {
      const { result } = await env.call(openid, 'member', 'inviteQrCode', { code });
      expect({ openid, outcome: result.ok || result.error.code }).toEqual({ openid, outcome });
    }
  });

  it('过期的邀请返回 EXPIRED，名额用完返回 FULL，不存在返回 NOT_FOUND，都不生成码', async () => {
    const wxacode = spyOnWxacode();
    const expiring = await inviteCode({ expiresInHours: 1 });
    const single = await inviteCode({ maxUses: 1 });
    await env.ok('wx-new-1', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
    await env.ok('wx-new-1', 'member', 'join', { code: single, name: '周晓梅', partyStatus: 'activist' });
    expect((await env.call('demo-secretary', 'member', 'inviteQrCode', { code: single })).result).toMatchObject({
      ok: false,
      error: { code: 'FULL', field: 'code' },
    });
    clock.advance(3_600_000);
    expect((await env.call('demo-secretary', 'member', 'inviteQrCode', { code: expiring })).result).toMatchObject({
      ok: false,
      error: { code: 'EXPIRED', field: 'code' },
    });
    expect((await env.call('demo-secretary', 'member', 'inviteQrCode', { code: 'ABCDEFGH' })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'code' },
    });
    expect(wxacode).not.toHaveBeenCalled();
  });

  it('接口限频（45009）时返回 RATE_LIMITED，邀请上不记文件，下次可重试', async () => {
    const code = await inviteCode();
    spyOnWxacode().mockRejectedValueOnce(Object.assign(new Error('openapi.wxacode.getUnlimited:fail'), { errCode: 45009 }));
    const before = await env.snapshot();
    const { result } = await env.call('demo-secretary', 'member', 'inviteQrCode', { code });
    expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await env.snapshot()).toEqual(before);
    expect((await env.call('demo-secretary', 'member', 'inviteQrCode', { code })).result.ok).toBe(true);
  });

  it('其他接口错误返回 INTERNAL，不带堆栈，也不写入', async () => {
    const code = await inviteCode();
    spyOnWxacode().mockRejectedValueOnce(Object.assign(new Error('openapi.wxacode.getUnlimited:fail system error'), { errCode: -1 }));
    const before = await env.snapshot();
    const { result } = await env.call('demo-secretary', 'member', 'inviteQrCode', { code });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toMatch(/system error|at /);
    expect(await env.snapshot()).toEqual(before);
  });

  it.each([
    [{}, 'code'],
    [{ code: '' }, 'code'],
    [{ code: 'ABC' }, 'code'],
    [{ code: 'ABCDEFGHJ' }, 'code'],
    [{ code: 12345678 }, 'code'],
    [{ code: { $gt: '' } }, 'code'],
    [{ code: '<script>' }, 'code'],
    [{ code: 'ABCDEFGH', scene: 'c=../../x' }, 'scene'],
  ])('错误输入 %j 返回 INVALID_INPUT，字段 %s，且不写入', async (input, field) => {
    const before = await env.snapshot();
    const { result } = await env.call('demo-secretary', 'member', 'inviteQrCode', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
    expect(await env.snapshot()).toEqual(before);
  });
});
