/**
 * What a newcomer meets first: the invite landing checks a code before asking for anything
 * (member.inviteInfo), and an applicant can take back a pending application (member.withdrawJoin).
 */
import cloud from 'wx-server-sdk';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const START = new Date('2026-11-23T02:00:00Z');
const HOUR = 3_600_000;
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

async function apply(openid: string, code: string) {
  await env.ok(openid, 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
  return env.ok(openid, 'member', 'join', { code, name: '周晓梅', partyStatus: 'activist' });
}

async function auditActions(targetId: string): Promise<string[]> {
  const reply = (await cloud.database().collection('audit_logs').where({ targetId }).get()) as unknown as { data: { action: string }[] };
  return reply.data.map((row) => row.action);
}

describe('member.inviteInfo', () => {
  it('未同意隐私指引的陌生人也能看到邀请的支部、邀请人和有效期，且不占名额、不写入任何东西', async () => {
    const { code, expiresAt } = await env.ok('demo-secretary', 'member', 'createInvite', { maxUses: 1 });
    const secretary = (await env.ok('demo-secretary', 'member', 'me', {})).member!;
    const before = await env.snapshot();

    const { result, requests } = await env.call('wx-newcomer', 'member', 'inviteInfo', { code: code.toLowerCase() });

    expect(result).toEqual({
      ok: true,
      data: { code, branchName: secretary.branchName, invitedBy: { name: secretary.name, role: 'secretary' }, expiresAt },
    });
    expect(requests.length).toBeLessThanOrEqual(4);
    expect(await env.snapshot()).toEqual(before);
    // The one use is still there for the join.
    expect((await apply('wx-newcomer', code)).member.status).toBe('pending');
  });

  it('过期的邀请说 EXPIRED，用完的邀请说 FULL，不存在的邀请码说 NOT_FOUND', async () => {
    const { code: used } = await env.ok('demo-secretary', 'member', 'createInvite', { maxUses: 1 });
    await apply('wx-first', used);
    const { code: shortLived } = await env.ok('demo-secretary', 'member', 'createInvite', { expiresInHours: 1 });
    clock.set(new Date(START.getTime() + 2 * HOUR));

    const outcome = async (code: string) => {
      const { result } = await env.call('wx-newcomer', 'member', 'inviteInfo', { code });
      return result.ok || result.error.code;
    };
    expect(await outcome(used)).toBe('FULL');
    expect(await outcome(shortLived)).toBe('EXPIRED');
    expect(await outcome('ZZZZZZZZ')).toBe('NOT_FOUND');
  });

  it('不存在的邀请码与 join 共用限流：连猜 5 个后，连真的邀请码也查不到，也不能加入', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    await env.ok('wx-guesser', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
    for (const guess of ['ZZZZZZZ2', 'ZZZZZZZ3', 'ZZZZZZZ4', 'ZZZZZZZ5', 'ZZZZZZZ6']) {
      const { result } = await env.call('wx-guesser', 'member', 'inviteInfo', { code: guess });
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }

    const { result: info } = await env.call('wx-guesser', 'member', 'inviteInfo', { code });
    expect(info).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const { result: joined } = await env.call('wx-guesser', 'member', 'join', { code, name: '周晓梅', partyStatus: 'full' });
    expect(joined).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Someone else is not affected.
    expect((await env.ok('wx-other', 'member', 'inviteInfo', { code })).code).toBe(code);
  });
});

describe('member.withdrawJoin', () => {
  it('待审核的申请人撤回后 me 显示已撤回，书记的待审批里不再有这份申请，并留有审计记录', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    const { member } = await apply('wx-applicant', code);
    expect((await env.ok('demo-secretary', 'member', 'list', { status: 'pending' })).items.map((item) => item.id)).toContain(member.id);

    const withdrawn = await env.ok('wx-applicant', 'member', 'withdrawJoin', {});

    expect(withdrawn.member).toMatchObject({ id: member.id, status: 'withdrawn' });
    expect((await env.ok('wx-applicant', 'member', 'me', {})).member?.status).toBe('withdrawn');
    expect((await env.ok('demo-secretary', 'member', 'list', { status: 'pending' })).items.map((item) => item.id)).not.toContain(member.id);
    expect(await auditActions(member.id)).toEqual(['member.withdrawJoin']);
  });

  it('重复点撤回不报错也不重复记审计；撤回后书记再批准得到 CONFLICT；撤回的人可以凭邀请重新申请', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    const { member } = await apply('wx-applicant', code);
    await env.ok('wx-applicant', 'member', 'withdrawJoin', {});
    expect((await env.ok('wx-applicant', 'member', 'withdrawJoin', {})).member.status).toBe('withdrawn');
    expect(await auditActions(member.id)).toEqual(['member.withdrawJoin']);

    const { result } = await env.call('demo-secretary', 'member', 'approveJoin', { memberId: member.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const again = await env.ok('wx-applicant', 'member', 'join', { code, name: '周晓梅', partyStatus: 'activist' });
    expect(again.member).toMatchObject({ id: member.id, status: 'pending' });
  });

  it('在册党员不能“撤回”而离开支部，没有档案的人得到 NOT_FOUND', async () => {
    const { result: active } = await env.call('demo-member', 'member', 'withdrawJoin', {});
    expect(active).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '你已加入党支部' } });
    expect((await env.ok('demo-member', 'member', 'me', {})).member?.status).toBe('active');
    const { result: stranger } = await env.call('demo-stranger', 'member', 'withdrawJoin', {});
    expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
