import cloud from 'wx-server-sdk';
import { SEED_CONTEST_ID } from '../../emulator/seed';
import { seedPeople } from '../../emulator/seed/people';
import { useServerClock } from '../support/clock';
import { createTestEnv } from '../support/localEnv';
import { perfectAnswers } from '../support/quiz';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
const env = createTestEnv({ now: clock.now() });
const members = seedPeople(clock.now()).members;
const openidsOf = (branchId: string) => members.filter((member) => member.branchId === branchId).map((member) => member.openid);

async function take(openid: string, perfect: boolean): Promise<void> {
  const started = await env.ok(openid, 'quiz', 'start', { contestId: SEED_CONTEST_ID });
  const answers = perfect ? await perfectAnswers(started.attemptId) : {};
  await env.ok(openid, 'quiz', 'submit', { attemptId: started.attemptId, answers });
}

beforeAll(async () => {
  // 第二党支部: everyone takes part and scores nothing; 第一党支部: two members, full marks.
  for (const openid of openidsOf('branch-2')) await take(openid, false);
  for (const openid of openidsOf('branch-1').slice(0, 2)) await take(openid, true);
});

describe('quiz.branchBoard', () => {
  it('按参与率排名：全员参与的小支部排在少数人高分的支部之前', async () => {
    const board = await env.ok('demo-member', 'quiz', 'branchBoard', { contestId: SEED_CONTEST_ID });
    const [first, second] = board.items;
    expect(first).toMatchObject({ rank: 1, branchId: 'branch-2', participationRate: 1, averageScore: 0 });
    expect(second).toMatchObject({ rank: 2, branchId: 'branch-1', participantCount: 2, averageScore: 100 });
    expect(second?.participationRate).toBeCloseTo(2 / openidsOf('branch-1').length);
    expect(board.items.find((row) => row.branchId === 'branch-1')?.isMine).toBe(true);
  });

  it('没有人参与的支部也列出，参与率为 0，没有名次', async () => {
    const board = await env.ok('demo-member', 'quiz', 'branchBoard', { contestId: SEED_CONTEST_ID });
    expect(board.items).toHaveLength(5);
    expect(board.items.slice(2).every((row) => row.participantCount === 0 && row.participationRate === 0 && row.rank === null)).toBe(true);
  });

  it('一分钟内读缓存（3 次数据库请求），过期后重新统计并纳入新交卷', async () => {
    await take(openidsOf('branch-3')[0]!, true);
    const cached = await env.call('demo-member', 'quiz', 'branchBoard', { contestId: SEED_CONTEST_ID });
    expect(cached.requests.length).toBeLessThanOrEqual(3);
    expect(cached.requests.filter((request) => !request.indexed)).toEqual([]);
    expect(cached.result.ok && cached.result.data.items.find((row) => row.branchId === 'branch-3')?.participantCount).toBe(0);

    clock.advance(60_000);
    const refreshed = await env.ok('demo-member', 'quiz', 'branchBoard', { contestId: SEED_CONTEST_ID });
    expect(refreshed.items.find((row) => row.branchId === 'branch-3')?.participantCount).toBe(1);
    expect(refreshed.computedAt).toBe(clock.now().toISOString());
  });

  it('不公开排行榜的竞赛只有组织部能看支部榜', async () => {
    await cloud
      .database()
      .collection('contests')
      .doc(SEED_CONTEST_ID)
      .update({ data: { leaderboardVisible: false } });
    expect((await env.call('demo-member', 'quiz', 'branchBoard', { contestId: SEED_CONTEST_ID })).result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await env.call('demo-member', 'quiz', 'leaderboard', { contestId: SEED_CONTEST_ID })).result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await env.call('demo-admin', 'quiz', 'branchBoard', { contestId: SEED_CONTEST_ID })).result.ok).toBe(true);
    await cloud
      .database()
      .collection('contests')
      .doc(SEED_CONTEST_ID)
      .update({ data: { leaderboardVisible: true } });
  });

  it.each([[{}], [{ contestId: { $gt: '' } }], [{ contestId: SEED_CONTEST_ID, branchId: 'branch-1' }]])(
    '错误输入 %j 返回 INVALID_INPUT',
    async (input) => {
      const { result } = await env.call('demo-member', 'quiz', 'branchBoard', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    },
  );

  it('未加入的用户看不到支部榜，不存在的竞赛返回 NOT_FOUND', async () => {
    expect((await env.call('demo-stranger', 'quiz', 'branchBoard', { contestId: SEED_CONTEST_ID })).result).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await env.call('demo-member', 'quiz', 'branchBoard', { contestId: 'nope' })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
