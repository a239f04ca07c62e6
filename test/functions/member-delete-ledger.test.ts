/**
 * member.deleteMine leaves the attempt ledger (server/attemptLedger.ts): for each contest still open
 * in which the person used attempts, how many, under a hash of their openid, until the contest ends.
 */
import { createHash } from 'node:crypto';
import cloud from 'wx-server-sdk';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import { SEED_CONTEST_ID, seedContest } from '../../emulator/seed';
import type { AttemptDoc, ContestDoc } from '../../server/documents';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const NOW = new Date('2026-11-23T02:00:00Z');
const DAY = 24 * 3_600_000;
const clock = useServerClock(NOW);
let env: TestEnv;

const CLOSED_CONTEST_ID = 'contest-closed';
const UNTOUCHED_CONTEST_ID = 'contest-untouched';

beforeEach(async () => {
  clock.set(NOW);
  env = createTestEnv({ now: clock.now() });
  const contest = seedContest(NOW);
  await addContest({ ...contest, _id: CLOSED_CONTEST_ID, startAt: new Date(NOW.getTime() - 10 * DAY), endAt: new Date(NOW.getTime() - 1) });
  await addContest({ ...contest, _id: UNTOUCHED_CONTEST_ID });
});

async function addContest(contest: ContestDoc) {
  await cloud.database().collection('contests').add({ data: contest });
}

/** An attempt as quiz.start leaves it; only whose and in which contest matter to the ledger. */
async function addAttempt(contestId: string, memberId: string, attemptNo: number) {
  const attempt: Omit<AttemptDoc, '_id'> = {
    contestId,
    memberId,
    branchId: 'branch-1',
    attemptNo,
    status: 'submitted',
    startedAt: NOW,
    deadline: new Date(NOW.getTime() + 600_000),
    graceMs: 0,
    key: [],
    orders: {},
    counts: 'best',
    showExplanations: true,
  };
  await cloud.database().collection('attempts').add({ data: attempt });
}

async function ledgers(): Promise<Record<string, unknown>[]> {
  const reply = (await cloud.database().collection('contest_attempt_ledgers').get()) as unknown as { data: Record<string, unknown>[] };
  return reply.data;
}

/** The shared decision, computed here independently of server/attemptLedger.ts. */
const openidHash = (openid: string) => createHash('sha256').update(`hongtu.attempts.v1|${openid}`).digest('hex');

async function memberIdOf(openid: string): Promise<string> {
  const me = await env.ok(openid, 'member', 'me', {});
  return me.member!.id;
}

describe('注销时的答题次数台账', () => {
  it('只为仍在进行、且本人答过的竞赛留下台账：微信标识的散列、已用次数、到竞赛结束为止', async () => {
    const memberId = await memberIdOf('demo-member');
    await addAttempt(SEED_CONTEST_ID, memberId, 1);
    await addAttempt(SEED_CONTEST_ID, memberId, 2);
    await addAttempt(CLOSED_CONTEST_ID, memberId, 1);
    await addAttempt(UNTOUCHED_CONTEST_ID, 'm-demo-secretary', 1);

    const { result, requests } = await env.call('demo-member', 'member', 'deleteMine', { confirm: '注销' });
    expect(result.ok).toBe(true);
    // Finding what to keep costs two indexed reads: the open contests, then the member's attempts in them.
    expect(requests.filter(({ collection }) => collection === 'contests' || collection === 'attempts')).toHaveLength(2);
    expect(requests.filter((request) => !request.indexed)).toEqual([]);

    expect(await ledgers()).toEqual([
      {
        _id: `${SEED_CONTEST_ID}_${openidHash('demo-member')}`,
        contestId: SEED_CONTEST_ID,
        openidHash: openidHash('demo-member'),
        attemptsUsed: 2,
        expiresAt: seedContest(NOW).endAt,
      },
    ]);
    expect(JSON.stringify(await ledgers())).not.toContain('demo-member');
  });

  it('没有答过进行中竞赛的人注销不留台账', async () => {
    await addAttempt(CLOSED_CONTEST_ID, await memberIdOf('demo-member'), 1);
    await env.ok('demo-member', 'member', 'deleteMine', { confirm: '注销' });
    expect(await ledgers()).toEqual([]);
  });

  it('注销、重新加入、再答再注销：台账累加两次档案的次数', async () => {
    await addAttempt(SEED_CONTEST_ID, await memberIdOf('demo-member'), 1);
    await env.ok('demo-member', 'member', 'deleteMine', { confirm: '注销' });

    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    await env.ok('demo-member', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
    await env.ok('demo-member', 'member', 'join', { code, name: '林红', partyStatus: 'full' });
    await addAttempt(SEED_CONTEST_ID, await memberIdOf('demo-member'), 2);
    await env.ok('demo-member', 'member', 'deleteMine', { confirm: '注销' });

    expect(await ledgers()).toEqual([expect.objectContaining({ contestId: SEED_CONTEST_ID, attemptsUsed: 2 })]);
  });

  it('注销的事务没有提交时台账也没有写入；重试只记一次', async () => {
    await addAttempt(SEED_CONTEST_ID, await memberIdOf('demo-member'), 1);
    env.faults.inject({ action: 'database.commitTransaction' }, 'connectTimeout');
    expect((await env.call('demo-member', 'member', 'deleteMine', { confirm: '注销' })).result.ok).toBe(false);
    expect(await ledgers()).toEqual([]);
    expect((await env.ok('demo-member', 'member', 'me', {})).member?.name).toBe('林红');

    await env.ok('demo-member', 'member', 'deleteMine', { confirm: '注销' });
    expect(await ledgers()).toEqual([expect.objectContaining({ attemptsUsed: 1 })]);
  });
});
