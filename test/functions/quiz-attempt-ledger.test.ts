/**
 * Deleting one's data must not buy fresh attempts: `start` counts the attempt ledger that
 * member.deleteMine leaves (server/attemptLedger.ts) for a caller with no attempts of their own.
 */
import { SEED_CONTEST_ID } from '../../emulator/seed';
import { attemptLedgerId, attemptLedgerOpenidHash, ATTEMPT_LEDGER_COLLECTION } from '../../server/attemptLedger';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

function leaveLedger(openid: string, attemptsUsed: number): void {
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
  it('账本记着已用完 3 次：重新加入的成员开始作答得到 FULL，且不写入任何作答', async () => {
    leaveLedger('demo-member', 3);
    const before = await env.snapshot();
    const { result } = await env.call('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'FULL' } });
    expect((await env.snapshot()).attempts).toEqual(before.attempts);
  });

  it('账本记着已用 2 次：只剩第 3 次，交卷后再开始得到 FULL', async () => {
    leaveLedger('demo-member', 2);
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
    leaveLedger('demo-member', 3);
    const { items } = await env.ok('demo-member', 'quiz', 'contests', { status: 'open' });
    expect(items.find((item) => item.id === SEED_CONTEST_ID)?.mine.attemptsUsed).toBe(3);
  });

  it('别人的账本不影响自己的次数', async () => {
    leaveLedger('demo-secretary', 3);
    const started = await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    expect(started.attemptNo).toBe(1);
  });
});
