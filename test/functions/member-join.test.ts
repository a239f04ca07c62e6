import cloud from 'wx-server-sdk';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

/** seed-member-02 is the generated secretary of 第二党支部. */
const OTHER_SECRETARY = 'seed-member-02';

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

async function invite(openid = 'demo-secretary', input: Record<string, unknown> = {}) {
  return env.ok(openid, 'member', 'createInvite', input);
}

async function applicant(openid: string, code: string, name = '新同志') {
  await env.ok(openid, 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
  return env.ok(openid, 'member', 'join', { code, name, partyStatus: 'probationary' });
}

async function branchCount(branchId: string): Promise<number> {
  const reply = (await cloud.database().collection('orgs').where({ _id: branchId }).get()) as unknown as {
    data: { activeMemberCount: number }[];
  };
  return reply.data[0]!.activeMemberCount;
}

describe('member.createInvite', () => {
  it('支部书记为本支部生成邀请：短码、小程序路径、有效期与名额', async () => {
    const created = await invite('demo-secretary', { maxUses: 30, expiresInHours: 48 });
    expect(created).toMatchObject({ branchId: 'branch-1', branchName: '第一党支部', maxUses: 30, uses: 0 });
    expect(created.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(created.path).toBe(`pages/join/index?code=${created.code}`);
    expect(created.expiresAt).toBe('2026-11-25T02:00:00.000Z');
  });

  it.each([
    ['党员', 'demo-member', {}, 'FORBIDDEN'],
    ['未加入的用户', 'demo-stranger', {}, 'UNAUTHENTICATED'],
    ['其他支部书记为第一党支部', OTHER_SECRETARY, { branchId: 'branch-1' }, 'FORBIDDEN'],
  ])('%s不能生成邀请', async (_who, openid, input, code) => {
    const { result } = await env.call(openid, 'member', 'createInvite', input);
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('组织部可以为任一支部生成邀请，党总支不行', async () => {
    expect((await invite('demo-admin', { branchId: 'branch-3' })).branchName).toBe('第三党支部');
    const { result } = await env.call('demo-admin', 'member', 'createInvite', { branchId: 'org-teaching' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'branchId' } });
  });

  it.each([
    [{ maxUses: 0 }, 'maxUses'],
    [{ expiresInHours: 10_000 }, 'expiresInHours'],
    [{ branchId: { $ne: '' } }, 'branchId'],
    [{ role: 'org_admin' }, 'role'],
  ])('错误输入 %j 返回 INVALID_INPUT，字段 %s，且不写入', async (input, field) => {
    const before = await env.snapshot();
    const { result } = await env.call('demo-secretary', 'member', 'createInvite', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
    expect(await env.snapshot()).toEqual(before);
  });
});

describe('member.join', () => {
  it('持邀请加入后处于待审核状态，me 能看到', async () => {
    const { code } = await invite();
    const joined = await applicant('wx-new-1', code, '周晓梅');
    expect(joined.member).toMatchObject({ name: '周晓梅', branchId: 'branch-1', status: 'pending', role: 'member' });
    expect((await env.ok('wx-new-1', 'member', 'me', {})).member?.status).toBe('pending');
  });

  it('未同意隐私指引不能提交任何个人信息', async () => {
    const { code } = await invite();
    const before = await env.snapshot();
    const { result } = await env.call('wx-new-2', 'member', 'join', { code, name: '周晓梅', partyStatus: 'full' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.snapshot()).toEqual(before);
  });

  it('邀请码不存在或已过期时拒绝', async () => {
    await env.ok('demo-stranger', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
    expect(
      (await env.call('demo-stranger', 'member', 'join', { code: 'ZZZZZZZZ', name: '张三', partyStatus: 'full' })).result,
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'code' },
    });
    const short = await invite('demo-secretary', { expiresInHours: 1 });
    clock.advance(3_600_001);
    expect(
      (await env.call('demo-stranger', 'member', 'join', { code: short.code, name: '张三', partyStatus: 'full' })).result,
    ).toMatchObject({
      ok: false,
      error: { code: 'EXPIRED' },
    });
  });

  it('名额用尽的邀请拒绝下一位，同时加入也不会超额', async () => {
    const { code } = await invite('demo-secretary', { maxUses: 2 });
    const openids = ['wx-a', 'wx-b', 'wx-c', 'wx-d'];
    for (const openid of openids) await env.ok(openid, 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
    const results = await Promise.all(
      openids.map((openid) => env.call(openid, 'member', 'join', { code, name: '李新', partyStatus: 'activist' })),
    );
    expect(results.filter(({ result }) => result.ok)).toHaveLength(2);
    expect(results.filter(({ result }) => !result.ok).map(({ result }) => !result.ok && result.error.code)).toEqual(['FULL', 'FULL']);
  });

  it('已加入或已申请的人不能再次加入，也不占用名额', async () => {
    const { code } = await invite('demo-secretary', { maxUses: 1 });
    const { result } = await env.call('demo-member', 'member', 'join', { code, name: '林红', partyStatus: 'full' });
    expect(result).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
    expect((await applicant('wx-new-3', code)).member.status).toBe('pending');
  });

  it.each([
    [{ code: 'abc', name: '张三', partyStatus: 'full' }, 'code'],
    [{ code: 'ZZZZZZZZ', name: '<script>alert(1)</script>', partyStatus: 'full' }, 'name'],
    [{ code: 'ZZZZZZZZ', name: '张', partyStatus: 'full' }, 'name'],
    [{ code: 'ZZZZZZZZ', name: '张三', partyStatus: 'boss' }, 'partyStatus'],
    [{ code: 'ZZZZZZZZ', name: '张三', partyStatus: 'full', phoneTail: '12a4' }, 'phoneTail'],
    [{ code: 'ZZZZZZZZ', name: '张三', partyStatus: 'full', role: 'org_admin' }, 'role'],
    [{ code: { $gt: '' }, name: '张三', partyStatus: 'full' }, 'code'],
  ])('错误输入 %j 返回 INVALID_INPUT，字段 %s', async (input, field) => {
    const { result } = await env.call('demo-stranger', 'member', 'join', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });
});

describe('member.approveJoin / rejectJoin', () => {
  it('本支部书记批准后成为正式成员，支部人数加一，并留有审计记录', async () => {
    const { code } = await invite();
    const { member } = await applicant('wx-new-4', code);
    const before = await branchCount('branch-1');
    const approved = await env.ok('demo-secretary', 'member', 'approveJoin', { memberId: member.id });
    expect(approved.member.status).toBe('active');
    expect(await branchCount('branch-1')).toBe(before + 1);
    expect((await env.ok('wx-new-4', 'member', 'orgTree', {})).roots).toHaveLength(1);
    const audit = (await cloud.database().collection('audit_logs').where({ targetId: member.id }).get()) as unknown as {
      data: { action: string }[];
    };
    expect(audit.data.map((row) => row.action)).toEqual(['member.approveJoin']);
  });

  it('两位管理者同时批准同一申请只计一次', async () => {
    const { code } = await invite();
    const { member } = await applicant('wx-new-5', code);
    const before = await branchCount('branch-1');
    const [a, b] = await Promise.all([
      env.call('demo-secretary', 'member', 'approveJoin', { memberId: member.id }),
      env.call('demo-admin', 'member', 'approveJoin', { memberId: member.id }),
    ]);
    expect([a.result.ok, b.result.ok]).toEqual([true, true]);
    expect(await branchCount('branch-1')).toBe(before + 1);
  });

  it('已拒绝的申请不能再被批准；被拒绝的人可以凭新邀请重新申请', async () => {
    const { code } = await invite();
    const { member } = await applicant('wx-new-6', code);
    await env.ok('demo-secretary', 'member', 'rejectJoin', { memberId: member.id, reason: '不是本支部党员' });
    expect((await env.call('demo-secretary', 'member', 'approveJoin', { memberId: member.id })).result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const again = await env.ok('wx-new-6', 'member', 'join', { code, name: '新同志', partyStatus: 'full' });
    expect(again.member).toMatchObject({ id: member.id, status: 'pending' });
  });

  it.each([
    ['党员', 'demo-member', 'FORBIDDEN'],
    ['其他支部书记', OTHER_SECRETARY, 'FORBIDDEN'],
    ['未加入的用户', 'demo-stranger', 'UNAUTHENTICATED'],
  ])('%s不能审批第一党支部的申请', async (_who, openid, errorCode) => {
    const { code } = await invite();
    const { member } = await applicant('wx-new-7', code);
    for (const action of ['approveJoin', 'rejectJoin'] as const) {
      const { result } = await env.call(openid, 'member', action, { memberId: member.id });
      expect(result).toMatchObject({ ok: false, error: { code: errorCode } });
    }
    expect((await env.ok('wx-new-7', 'member', 'me', {})).member?.status).toBe('pending');
  });

  it.each([
    ['approveJoin', {}, 'memberId'],
    ['approveJoin', { memberId: 'm-1', extra: 1 }, 'extra'],
    ['rejectJoin', { memberId: 'm-1', reason: 'x'.repeat(101) }, 'reason'],
  ] as const)('%s 错误输入 %j 返回 INVALID_INPUT', async (action, input, field) => {
    const { result } = await env.call('demo-secretary', 'member', action, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });

  it('审批不存在的成员返回 NOT_FOUND', async () => {
    const { result } = await env.call('demo-admin', 'member', 'approveJoin', { memberId: 'm-nobody' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
