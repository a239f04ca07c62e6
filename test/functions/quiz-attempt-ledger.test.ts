/**
 * Deleting one's data must not buy fresh attempts: `start` counts the attempt ledger that
 * member.deleteMine leaves (server/attemptLedger.ts) for a caller with no attempts of their own.
 */
import cloud from 'wx-server-sdk';
import { SEED_CONTEST_ID } from '../../emulator/seed';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import { attemptLedgerId, attemptLedgerOpenidHash, ATTEMPT_LEDGER_COLLECTION } from '../../server/attemptLedger';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

/** As member.deleteMine leaves it, with the person joined again (member.join marks their new record). */
async function leaveLedger(openid: string, attemptsUsed: number): Promise<void> {
  await cloud
    .database()
    .collection('members')
    .where({ openid: 'demo-member' }) // the one whose attempts are counted in every case below
    .update({ data: { hasAttemptLedger: true } });
  env.store.insertMany(ATTEMPT_LEDGER_COLLECTION, [
    {
      _id: attemptLedgerId(SEED_CONTEST_ID, openid),
      contestId: SEED_CONTEST_ID,
      openidHash: attemptLedgerOpenidHash(openid),
      attemptsUsed,
      expiresAt: new Date('2026-12-23T02:00:00Z'),
    },
  ]);
}

describe('删除数据后重新加入不能多得作答次数', () => {
  it('答过一次后注销、凭邀请重新加入并获批：再开始是第 2 次，不是第 1 次', async () => {
    const first = await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    await env.ok('demo-member', 'quiz', 'submit', { attemptId: first.attemptId, answers: {} });
    await env.ok('demo-member', 'member', 'deleteMine', { confirm: '注销' });
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    await env.ok('demo-member', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
    const { member } = await env.ok('demo-member', 'member', 'join', { code, name: '林红', partyStatus: 'full' });
    await env.ok('demo-secretary', 'member', 'approveJoin', { memberId: member.id });
    clock.advance(60_000);
    expect((await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID })).attemptNo).toBe(2);
  });

  it('没有注销过的成员开始作答不读账本：首次开始 7 次数据库请求', async () => {
    // The seeded contest predates pools: the first start anywhere fixes its pool (two requests, once).
    await env.ok('demo-secretary', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    const { result, requests } = await env.call('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    expect(result.ok).toBe(true);
    expect(requests.map((request) => request.collection)).not.toContain(ATTEMPT_LEDGER_COLLECTION);
    expect(requests).toHaveLength(7);
  });

  it('账本记着已用完 3 次：重新加入的成员开始作答得到 FULL，且不写入任何作答', async () => {
    await leaveLedger('demo-member', 3);
    const before = await env.snapshot();
    const { result } = await env.call('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'FULL' } });
    expect((await env.snapshot()).attempts).toEqual(before.attempts);
  });

  it('账本记着已用 2 次：只剩第 3 次，交卷后再开始得到 FULL', async () => {
    await leaveLedger('demo-member', 2);
    const started = await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    expect(started.attemptNo).toBe(3);
    await env.ok('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers: {} });
    clock.advance(60_000);
    expect((await env.call('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID })).result).toMatchObject({
      ok: false,
      error: { code: 'FULL' },
    });
  });

  it('竞赛列表把账本里的次数算作已用，卡片不会显示“再答一次”', async () => {
    await leaveLedger('demo-member', 3);
    const { items } = await env.ok('demo-member', 'quiz', 'contests', { status: 'open' });
    expect(items.find((item) => item.id === SEED_CONTEST_ID)?.mine.attemptsUsed).toBe(3);
  });

  it('别人的账本不影响自己的次数', async () => {
    await leaveLedger('demo-secretary', 3);
    const started = await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    expect(started.attemptNo).toBe(1);
  });
});
