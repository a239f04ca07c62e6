import { SEED_CLOSED_CONTEST_ID, SEED_CONTEST_ID } from '../../emulator/seed';
import { createTestEnv } from '../support/localEnv';

const now = new Date();
const env = createTestEnv({ now });
const DAY = 24 * 60 * 60 * 1000;

beforeAll(() => {
  const contest = (id: string, startOffset: number, endOffset: number) => ({
    _id: id,
    title: id,
    description: '',
    status: 'published',
    startAt: new Date(now.getTime() + startOffset * DAY),
    endAt: new Date(now.getTime() + endOffset * DAY),
    questionCount: 10,
    timeLimitSec: 300,
    attemptsAllowed: 1,
    leaderboardVisible: true,
    createdAt: now,
  });
  env.store.insertMany('contests', [contest('next-month', 30, 40), contest('last-month', -40, -30)]);
});

describe('quiz.contests', () => {
  it('进行中的竞赛只列出正在开放的那场', async () => {
    const { items } = await env.ok('demo-member', 'quiz', 'contests', { status: 'open' });
    expect(items.map((item) => item.id)).toEqual([SEED_CONTEST_ID]);
    expect(items[0]).toMatchObject({ status: 'open', questionCount: 20, timeLimitSec: 600, attemptsAllowed: 3 });
  });

  it('不指定状态时列出开放中和即将开始的，已结束的单独查询', async () => {
    const current = await env.ok('demo-member', 'quiz', 'contests', {});
    expect(current.items.map((item) => [item.id, item.status])).toEqual([
      [SEED_CONTEST_ID, 'open'],
      ['next-month', 'upcoming'],
    ]);
    const closed = await env.ok('demo-member', 'quiz', 'contests', { status: 'closed' });
    expect(closed.items.map((item) => item.id)).toEqual(['last-month', SEED_CLOSED_CONTEST_ID]);
  });

  it('返回的竞赛信息里没有题目与答案', async () => {
    const { result } = await env.call('demo-member', 'quiz', 'contests', {});
    expect(JSON.stringify(result)).not.toMatch(/answer|explanation|questions/);
  });

  it.each([[{ status: 'running' }], [{ status: 1 }], [{ status: 'open', includeAnswers: true }]])(
    '错误输入 %j 返回 INVALID_INPUT',
    async (input) => {
      const { result } = await env.call('demo-member', 'quiz', 'contests', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    },
  );

  it('未加入的用户看不到竞赛列表', async () => {
    const { result } = await env.call('demo-stranger', 'quiz', 'contests', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
