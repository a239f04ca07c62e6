/**
 * member.bootstrap (issue 15): the first person with the code `npm run deploy` printed becomes the
 * org admin of a new, empty environment, with the 党委 and their branch; the code is then spent, a
 * wrong code counts toward a lockout, and two people racing with the code leave one admin.
 */
import cloud from 'wx-server-sdk';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import type { Result } from '../../types/result';
import { SETTINGS_COLLECTION, type BootstrapDoc } from '../../server/bootstrap';
import type { MemberDoc, OrgDoc } from '../../server/documents';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { issueBootstrapCode } from './member-bootstrap.fixtures';

const NOW = new Date('2026-11-29T02:00:00Z');
const CODE = 'K7M2Q9PXR4TW';
const clock = useServerClock(NOW);
let env: TestEnv;

const issueCode = (env: TestEnv) => issueBootstrapCode(env, CODE, NOW);

async function consented(openid: string): Promise<string> {
  await env.ok(openid, 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
  return openid;
}

const input = (code = CODE) => ({ code, orgName: '某某学院党委', branchName: '机关第一党支部', name: '陈静' });

async function all<T>(collection: string): Promise<T[]> {
  return ((await cloud.database().collection(collection).get()) as unknown as { data: T[] }).data;
}

beforeEach(() => {
  clock.set(NOW);
  env = createTestEnv({ seed: false, now: NOW });
});

describe('首位管理员用引导码初始化组织', () => {
  it('输入正确的引导码：成为组织部管理员，党委和所在支部一起建好，引导码作废，留下操作记录', async () => {
    issueCode(env);
    const { member } = await env.ok(await consented('wx-first'), 'member', 'bootstrap', input('k7m2-q9px-r4tw'));
    expect(member).toMatchObject({ name: '陈静', role: 'org_admin', status: 'active', branchName: '机关第一党支部' });
    const orgs = await all<OrgDoc>('orgs');
    const committee = orgs.find((org) => org.kind === 'committee');
    expect(committee).toMatchObject({ name: '某某学院党委', parentId: null });
    expect(orgs.find((org) => org.kind === 'branch')).toMatchObject({ parentId: committee?._id, activeMemberCount: 1 });
    const [stored] = await all<BootstrapDoc>(SETTINGS_COLLECTION);
    expect(stored).toMatchObject({ spentAt: NOW, spentBy: member.id });
    expect(await all('audit_logs')).toEqual([expect.objectContaining({ action: 'bootstrap', actorId: member.id })]);
    const me = await env.ok('wx-first', 'member', 'me', {});
    expect(me.member?.role).toBe('org_admin');
  });

  it('引导码用过之后，任何人再用都被拒绝', async () => {
    issueCode(env);
    await env.ok(await consented('wx-first'), 'member', 'bootstrap', input());
    const { result } = await env.call(await consented('wx-second'), 'member', 'bootstrap', input());
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('引导码已作废') } });
    expect(await all<MemberDoc>('members')).toHaveLength(1);
  });

  it.each([
    ['自由交错', undefined],
    ['种子调度下请求逐个随机放行', 15],
  ] as const)('%s：两个人同时用同一个引导码，只有一位管理员，另一位得到 CONFLICT，只建了一套组织', async (_mode, seed) => {
    issueCode(env);
    const callers = await Promise.all(['wx-a', 'wx-b'].map(consented));
    env.scheduler.useSeed(seed);
    const results = (await Promise.all(callers.map((openid) => env.call(openid, 'member', 'bootstrap', input())))).map(
      (call) => call.result as Result<unknown>,
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error.code)).toEqual(['CONFLICT']);
    expect(await all<MemberDoc>('members')).toEqual([expect.objectContaining({ role: 'org_admin' })]);
    expect(await all<OrgDoc>('orgs')).toHaveLength(2);
  });

  it('引导码不对：INVALID_INPUT 指明 code，什么也不建；连错 5 次后即使输对也被锁定', async () => {
    issueCode(env);
    const openid = await consented('wx-guess');
    const wrong = await env.call(openid, 'member', 'bootstrap', input('AAAAAAAAAAAA'));
    expect(wrong.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'code' } });
    expect(await all('orgs')).toEqual([]);
    for (let attempt = 0; attempt < 4; attempt++) await env.call(openid, 'member', 'bootstrap', input('BBBBBBBBBBBB'));
    const locked = await env.call(openid, 'member', 'bootstrap', input());
    expect(locked.result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await all('members')).toEqual([]);
  });

  it('没有发放过引导码的环境：NOT_FOUND，说明引导码在部署时发放', async () => {
    const { result } = await env.call(await consented('wx-first'), 'member', 'bootstrap', input());
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'code', message: expect.stringContaining('部署') } });
  });

  it('还没同意隐私保护指引：FORBIDDEN，不收集姓名', async () => {
    issueCode(env);
    const { result } = await env.call('wx-first', 'member', 'bootstrap', input());
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await all('members')).toEqual([]);
  });
});
