/**
 * Boards show only what they should: leaderboard, branchBoard and myRank follow the contest's
 * audience and leaderboard visibility as `contests` and `start` do, and a branch board ranks only
 * branches that took part.
 */
import { useServerClock } from '../support/clock';
import { OTHER_SECRETARY } from '../support/contractTables';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { insertContest } from '../support/quiz';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

const BOARDS = ['leaderboard', 'branchBoard', 'myRank'] as const;

async function outcomes(openid: string, contestId: string): Promise<(true | string)[]> {
  const outcomes: (true | string)[] = [];
  for (const action of BOARDS) {
    const { result } = await env.call(openid, 'quiz', action, { contestId });
    outcomes.push(result.ok || result.error.code);
  }
  return outcomes;
}

async function takeBlank(openid: string, contestId: string): Promise<void> {
  const { attemptId } = await env.ok(openid, 'quiz', 'start', { contestId });
  await env.ok(openid, 'quiz', 'submit', { attemptId, answers: {} });
}

describe('榜单的可见范围', () => {
  it('只面向第二党支部的竞赛：第一党支部的党员三个榜单都被拒绝，第二党支部的成员和组织部可以看', async () => {
    insertContest(env, clock.now(), { _id: 'branch-2-only', audienceBranchIds: ['branch-2'] });
    expect((await env.call('demo-member', 'quiz', 'start', { contestId: 'branch-2-only' })).result).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await outcomes('demo-member', 'branch-2-only')).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await outcomes(OTHER_SECRETARY, 'branch-2-only')).toEqual([true, true, true]);
    expect(await outcomes('demo-admin', 'branch-2-only')).toEqual([true, true, true]);
  });

  it('不公开排行榜的竞赛：党员看不到排行榜、支部榜和自己的名次，组织部可以看', async () => {
    insertContest(env, clock.now(), { _id: 'hidden-board', leaderboardVisible: false });
    await takeBlank('demo-member', 'hidden-board');
    expect(await outcomes('demo-member', 'hidden-board')).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await outcomes('demo-admin', 'hidden-board')).toEqual([true, true, true]);
  });

  it('不存在的竞赛和未发布的草稿在每个榜单和开始作答时都是 NOT_FOUND', async () => {
    insertContest(env, clock.now(), { _id: 'a-draft', status: 'draft' });
    for (const contestId of ['no-such-contest', 'a-draft']) {
      for (const openid of ['demo-member', 'demo-admin']) {
        expect(await outcomes(openid, contestId)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
        expect((await env.call(openid, 'quiz', 'start', { contestId })).result).toMatchObject({ error: { code: 'NOT_FOUND' } });
      }
    }
  });

  it('我的名次读 4 次数据库请求，且都走索引', async () => {
    insertContest(env, clock.now(), { _id: 'open-contest' });
    await takeBlank('demo-member', 'open-contest');
    const { result, requests } = await env.call('demo-member', 'quiz', 'myRank', { contestId: 'open-contest' });
    expect(result).toMatchObject({ ok: true, data: { rank: 1, score: 0 } });
    expect(requests.length).toBeLessThanOrEqual(4);
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
  });
});

describe('支部榜只给参赛的支部排名', () => {
  it('还没有人参赛时说明参赛人数为 0，所有支部都没有名次', async () => {
    insertContest(env, clock.now(), { _id: 'nobody-yet' });
    const board = await env.ok('demo-member', 'quiz', 'branchBoard', { contestId: 'nobody-yet' });
    expect(board.participantCount).toBe(0);
    expect(board.items).toHaveLength(5);
    expect(board.items.map((row) => row.rank)).toEqual([null, null, null, null, null]);
  });

  it('只有第一党支部有人参赛：它排第 1，其余支部列在后面且没有名次', async () => {
    insertContest(env, clock.now(), { _id: 'one-branch' });
    await takeBlank('demo-member', 'one-branch');
    const board = await env.ok('demo-member', 'quiz', 'branchBoard', { contestId: 'one-branch' });
    expect(board.participantCount).toBe(1);
    expect(board.items[0]).toMatchObject({ branchId: 'branch-1', rank: 1, participantCount: 1, isMine: true });
    expect(board.items.slice(1).map((row) => [row.rank, row.participantCount])).toEqual([
      [null, 0],
      [null, 0],
      [null, 0],
      [null, 0],
    ]);
  });
});
