import { SEED_ACTIVITY_ID } from '../../emulator/seed';
import { createTestEnv } from '../support/localEnv';

const now = new Date();
const env = createTestEnv({ now });
const DAY = 24 * 60 * 60 * 1000;

function activity(id: string, overrides: Record<string, unknown>) {
  return {
    _id: id,
    kind: 'lesson',
    title: `支部党课 ${id}`,
    branchId: 'branch-1',
    audienceKey: 'branch-1',
    place: '党员活动室',
    description: '',
    startAt: new Date(now.getTime() + 2 * DAY),
    endAt: new Date(now.getTime() + 2 * DAY + 3600_000),
    signUpDeadline: new Date(now.getTime() + DAY),
    capacity: null,
    signedUpCount: 0,
    status: 'published',
    createdBy: 'm-demo-secretary',
    createdAt: now,
    ...overrides,
  };
}

beforeAll(() => {
  env.store.insertMany('activities', [
    ...Array.from({ length: 44 }, (_, i) => activity(`lesson-${i}`, { startAt: new Date(now.getTime() + (10 + i) * DAY) })),
    activity('other-branch', { branchId: 'branch-2', audienceKey: 'branch-2' }),
    activity('past', { startAt: new Date(now.getTime() - DAY), audienceKey: 'all' }),
    activity('draft', { status: 'draft' }),
  ]);
});

describe('activity.list', () => {
  it('党员看到即将开始的全院活动，最近的排在最前', async () => {
    const page = await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 3 });
    expect(page.items[0]).toMatchObject({ id: SEED_ACTIVITY_ID, kind: 'visit', capacity: 40, signedUpCount: 0 });
  });

  it('分页读完全部 45 条，不会停在第一页', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 20, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });

  it('看不到别的支部、已开始的和草稿活动', async () => {
    const page = await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 50 });
    const ids = page.items.map((item) => item.id);
    expect(ids).not.toEqual(expect.arrayContaining(['other-branch']));
    expect(ids).not.toContain('past');
    expect(ids).not.toContain('draft');
    const secondBranch = await env.ok('seed-member-02', 'activity', 'list', { scope: 'upcoming', pageSize: 50 });
    expect(secondBranch.items.map((item) => item.id)).toContain('other-branch');
  });

  it.each([
    [{ scope: 'upcoming', cursor: 'abc' }, 'cursor'],
    [{ scope: 'upcoming', pageSize: 500 }, 'pageSize'],
    [{ scope: 'everything' }, 'scope'],
    [{ scope: 'upcoming', branchId: 'branch-2' }, 'branchId'],
  ])('错误输入 %j 返回 INVALID_INPUT，字段 %s', async (input, field) => {
    const { result } = await env.call('demo-member', 'activity', 'list', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });

  it('未加入的用户不能浏览活动', async () => {
    const { result } = await env.call('demo-stranger', 'activity', 'list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('一次列表最多 2 次数据库请求，且都走索引', async () => {
    const { requests } = await env.call('demo-member', 'activity', 'list', { scope: 'upcoming' });
    expect(requests.length).toBeLessThanOrEqual(2);
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
  });
});
