import { PRIVACY_VERSION } from '../../types/contracts/member';
import { createTestEnv } from '../support/localEnv';

const env = createTestEnv();

describe('member.me', () => {
  it('已登记的党员看到自己的姓名、支部与角色', async () => {
    const me = await env.ok('demo-member', 'member', 'me', {});
    expect(me.member).toMatchObject({ name: '林红', branchName: '第一党支部', role: 'member', status: 'active' });
    expect(me.privacyVersion).toBe(PRIVACY_VERSION);
  });

  it('未加入的微信用户得到空档案而不是错误，以便进入入会引导', async () => {
    const me = await env.ok('demo-stranger', 'member', 'me', {});
    expect(me).toEqual({ privacyAccepted: false, privacyVersion: PRIVACY_VERSION, member: null });
  });

  it('没有 openid 的调用返回 UNAUTHENTICATED', async () => {
    const { result } = await env.call(undefined, 'member', 'me', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('多余的输入字段被拒绝并指明字段', async () => {
    const { result } = await env.call('demo-member', 'member', 'me', { openid: 'demo-admin' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'openid' } });
  });

  it('最多 3 次数据库请求，且都走索引', async () => {
    const { requests } = await env.call('demo-member', 'member', 'me', {});
    expect(requests.length).toBeLessThanOrEqual(3);
    expect(requests.every((request) => request.indexed)).toBe(true);
  });
});

describe('member.acceptPrivacy', () => {
  it('同意隐私指引后 me 显示已同意，重复同意保留第一次的时间', async () => {
    const first = await env.ok('demo-stranger', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
    const again = await env.ok('demo-stranger', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
    expect(again.acceptedAt).toBe(first.acceptedAt);
    expect((await env.ok('demo-stranger', 'member', 'me', {})).privacyAccepted).toBe(true);
  });

  it.each([
    ['旧版本号', { version: '2020-01' }, 'version'],
    ['缺少版本号', {}, 'version'],
    ['注入样式的值', { version: { $gt: '' } }, 'version'],
    ['脚本字符串', { version: '<script>alert(1)</script>' }, 'version'],
  ])('%s被拒绝为 INVALID_INPUT 且不写入', async (_case, input, field) => {
    const before = await env.snapshot();
    const { result } = await env.call('demo-member', 'member', 'acceptPrivacy', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
    expect(await env.snapshot()).toEqual(before);
  });
});

describe('member.orgTree', () => {
  it('党委 → 党总支 → 党支部，上级人数是下级之和', async () => {
    const { roots } = await env.ok('demo-member', 'member', 'orgTree', {});
    expect(roots).toHaveLength(1);
    const [committee] = roots;
    expect(committee).toMatchObject({ kind: 'committee', name: '红途示范学院党委' });
    const generalBranches = committee?.children ?? [];
    expect(generalBranches.map((node) => node.kind)).toEqual(['general_branch', 'general_branch']);
    const branches = generalBranches.flatMap((node) => node.children);
    expect(branches.length).toBeGreaterThanOrEqual(4);
    expect(branches.every((node) => node.kind === 'branch')).toBe(true);
    expect(committee?.memberCount).toBe(branches.reduce((sum, node) => sum + node.memberCount, 0));
  });

  it.each([
    ['党员', 'demo-member', true],
    ['支部书记', 'demo-secretary', true],
    ['组织部', 'demo-admin', true],
    ['未加入的用户', 'demo-stranger', false],
  ])('%s调用 orgTree：允许=%s', async (_who, openid, allowed) => {
    const { result } = await env.call(openid, 'member', 'orgTree', {});
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.error.code).toBe('UNAUTHENTICATED');
  });

  it('多余的输入字段被拒绝', async () => {
    const { result } = await env.call('demo-admin', 'member', 'orgTree', { depth: 99 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'depth' } });
  });
});
