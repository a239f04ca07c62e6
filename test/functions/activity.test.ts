/**
 * activity.list: the four scopes (upcoming, past, mine, managed), paged, each page one indexed query
 * (two for 'mine') besides the kernel's read of the caller; upcoming and past narrowed to one 六个一
 * item (countsFor) in that same one query.
 */
import { OCTOBER_THEME_DAY_ID, SEED_ACTIVITY_ID, SEPTEMBER_LESSON_ID, TODAY_LESSON_ID } from '../../emulator/seed';
import cloud from 'wx-server-sdk';
import type { ActivityDoc } from '../../server/documents';
import { fetchAllPages } from '../../server/kernel/db';
import { useServerClock } from '../support/clock';
import { createTestEnv } from '../support/localEnv';
import { activityDoc, after, DAY, HOUR, seededMember, signUpDoc } from './activity-manage.fixtures';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
const now = clock.now();
const env = createTestEnv({ now });

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

beforeAll(() => {
  env.store.insertMany('activities', [
    ...Array.from({ length: 44 }, (_, i) => ({ ...activityDoc(now, { _id: `lesson-${i}`, startAt: after(now, (10 + i) * DAY) }) })),
    { ...activityDoc(now, { _id: 'other-branch', branchId: 'branch-2', audience: ['branch-2'] }) },
    { ...activityDoc(now, { _id: 'two-branches', branchId: null, audience: ['branch-2', 'branch-3'], startAt: after(now, 4 * DAY) }) },
    {
      ...activityDoc(now, {
        _id: 'past-all',
        branchId: null,
        audience: ['all'],
        startAt: after(now, -DAY),
        endAt: after(now, -DAY + HOUR),
      }),
    },
    {
      ...activityDoc(now, { _id: 'past-finished', status: 'finished', startAt: after(now, -3 * DAY), endAt: after(now, -3 * DAY + HOUR) }),
    },
    { ...activityDoc(now, { _id: 'past-cancelled', status: 'cancelled', startAt: after(now, -2 * DAY) }) },
    { ...activityDoc(now, { _id: 'draft', status: 'draft', startAt: after(now, 5 * DAY) }) },
    { ...activityDoc(now, { _id: 'cancelled', status: 'cancelled', cancelReason: '天气原因', startAt: after(now, 6 * DAY) }) },
  ]);
  const me = seededMember('demo-member');
  env.store.insertMany('sign_ups', [
    { ...signUpDoc('lesson-3', me, 'signed', after(now, -3 * HOUR)) },
    { ...signUpDoc('past-finished', me, 'leave', after(now, -5 * DAY)) },
    { ...signUpDoc('cancelled', me, 'waitlisted', after(now, -HOUR)) },
    { ...signUpDoc('lesson-5', seededMember('seed-member-01'), 'signed', after(now, -HOUR)) },
  ]);
});

describe('activity.list upcoming', () => {
  it('党员看到即将开始的全院与本支部活动，最近的排在最前', async () => {
    const page = await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 3 });
    expect(ids(page)).toEqual([SEED_ACTIVITY_ID, 'lesson-0', 'lesson-1']);
    const all = await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 50 });
    const starts = all.items.map((item) => item.startAt);
    expect(starts).toEqual([...starts].sort());
    expect(all.items.find((item) => item.id === SEED_ACTIVITY_ID)).toMatchObject({
      kind: 'visit',
      capacity: 40,
      signedUpCount: 0,
      mine: null,
    });
  });

  it('分页读完全部 45 条，不会停在第一页', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 20, ...(cursor ? { cursor } : {}) });
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });

  it('看不到别的支部、已开始的、草稿和已取消的活动；选中的支部看得到面向它的活动', async () => {
    const mine = ids(await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 50 }));
    for (const hidden of ['other-branch', 'two-branches', 'past-all', 'draft', 'cancelled']) expect(mine).not.toContain(hidden);
    const secondBranch = ids(await env.ok('seed-member-02', 'activity', 'list', { scope: 'upcoming', pageSize: 50 }));
    expect(secondBranch).toEqual(expect.arrayContaining(['other-branch', 'two-branches', SEED_ACTIVITY_ID]));
    expect(secondBranch).not.toContain('lesson-0');
  });
});

describe('activity.list past', () => {
  it('已开始的已发布和已结束活动，最近的在前；已取消的不列', async () => {
    const page = await env.ok('demo-member', 'activity', 'list', { scope: 'past' });
    expect(ids(page)).toEqual([TODAY_LESSON_ID, 'past-all', 'past-finished', OCTOBER_THEME_DAY_ID, SEPTEMBER_LESSON_ID]);
    expect(page.items[2]).toMatchObject({ status: 'finished' });
  });
});

describe('activity.list mine', () => {
  it('自己的报名，最近报名的在前，带着自己的状态（含已取消活动上的候补）', async () => {
    const page = await env.ok('demo-member', 'activity', 'list', { scope: 'mine' });
    expect(page.items.map((item) => [item.id, item.mine, item.status])).toEqual([
      ['cancelled', 'waitlisted', 'cancelled'],
      ['lesson-3', 'signed', 'published'],
      [TODAY_LESSON_ID, 'signed', 'published'],
      ['past-finished', 'leave', 'finished'],
      [OCTOBER_THEME_DAY_ID, 'signed', 'finished'],
      [SEPTEMBER_LESSON_ID, 'signed', 'finished'],
    ]);
  });

  it('分页：每页之后还有下一页时给出游标', async () => {
    const first = await env.ok('demo-member', 'activity', 'list', { scope: 'mine', pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const second = await env.ok('demo-member', 'activity', 'list', { scope: 'mine', pageSize: 4, cursor: first.nextCursor ?? '' });
    expect(ids(second)).toEqual([TODAY_LESSON_ID, 'past-finished', OCTOBER_THEME_DAY_ID, SEPTEMBER_LESSON_ID]);
    expect(second.nextCursor).toBeNull();
  });

  it('没有报名的人得到空列表', async () => {
    expect(await env.ok('demo-admin', 'activity', 'list', { scope: 'mine' })).toEqual({ items: [], nextCursor: null });
  });
});

describe('activity.list managed', () => {
  it('支部书记管理本支部的全部活动，含草稿和已取消的，最晚的在前', async () => {
    const page = await env.ok('demo-secretary', 'activity', 'list', { scope: 'managed', pageSize: 50 });
    expect(ids(page)).toEqual(expect.arrayContaining(['draft', 'cancelled', 'past-finished', 'lesson-43']));
    expect(ids(page)).not.toContain('other-branch');
    expect(ids(page)).not.toContain(SEED_ACTIVITY_ID);
    const starts = page.items.map((item) => item.startAt);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('组织部管理全部活动', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await env.ok('demo-admin', 'activity', 'list', { scope: 'managed', pageSize: 50, ...(cursor ? { cursor } : {}) });
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(55);
  });

  it('党员没有可管理的活动：FORBIDDEN，指明 scope', async () => {
    const { result } = await env.call('demo-member', 'activity', 'list', { scope: 'managed' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'scope' } });
  });
});

describe('activity.list 输入与权限', () => {
  it.each([
    ['cursor', { scope: 'upcoming', cursor: 'abc' }],
    ['pageSize', { scope: 'upcoming', pageSize: 500 }],
    ['scope', { scope: 'everything' }],
    ['branchId', { scope: 'upcoming', branchId: 'branch-2' }],
  ])('错误输入返回 INVALID_INPUT，指明 %s', async (field, input) => {
    const { result } = await env.call('demo-member', 'activity', 'list', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });

  it('未加入的用户不能浏览活动', async () => {
    const { result } = await env.call('demo-stranger', 'activity', 'list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it.each([
    ['upcoming', 'demo-member', 2, ['status_audience_start']],
    ['past', 'demo-member', 2, ['status_audience_start']],
    ['mine', 'demo-member', 3, ['member_at', '_id']],
    ['managed', 'demo-secretary', 2, ['branch_start']],
    ['managed', 'demo-admin', 2, ['start']],
  ] as const)('%s（%s）：%i 次数据库请求，都走索引', async (scope, openid, budget, indexes) => {
    const { requests } = await env.call(openid, 'activity', 'list', { scope });
    expect(requests).toHaveLength(budget);
    expect(requests.every((request) => request.indexed)).toBe(true);
    expect(requests.slice(1).map((request) => request.index)).toEqual(indexes);
  });
});

describe('activity.list 按六个一项目筛选（countsFor）', () => {
  const lessonAt = (id: string, days: number, fields: Partial<ActivityDoc> = {}) => ({
    ...activityDoc(now, { _id: id, kind: 'lesson', countsFor: 'lesson', startAt: after(now, days * DAY), ...fields }),
  });
  /** What each stored activity counts for, to judge a filtered page against the unfiltered one. */
  let countsFor: Map<string, string | null>;

  beforeAll(async () => {
    env.store.insertMany('activities', [
      lessonAt('lesson-a', 1.5),
      lessonAt('lesson-b', 2.5),
      lessonAt('lesson-c', 7),
      lessonAt('lesson-done', -4, { endAt: after(now, -4 * DAY + HOUR) }),
      lessonAt('lesson-elsewhere', 2, { branchId: 'branch-2', audience: ['branch-2'] }),
      { ...activityDoc(now, { _id: 'film-soon', kind: 'film', countsFor: 'film', startAt: after(now, 2 * DAY) }) },
    ]);
    const stored = await fetchAllPages<ActivityDoc>(cloud.database().collection('activities'), 10_000);
    countsFor = new Map(stored.map((doc) => [doc._id, doc.countsFor]));
  });

  const onlyLessons = (page: { items: { id: string }[] }) => ids(page).filter((id) => countsFor.get(id) === 'lesson');

  it('只看计入“党课”的即将开始的活动：与未筛选的列表同序，只少了别的项目的活动；仍是两次数据库请求，走索引', async () => {
    const all = await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 50 });
    const { result, requests } = await env.call('demo-member', 'activity', 'list', {
      scope: 'upcoming',
      pageSize: 50,
      countsFor: 'lesson',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(ids(result.data)).toEqual(onlyLessons(all));
    expect(ids(result.data)).toEqual(expect.arrayContaining(['lesson-a', 'lesson-b', 'lesson-c']));
    expect(ids(result.data)).not.toContain('film-soon');
    expect(ids(all)).toContain('film-soon');
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject({ indexed: true, index: 'status_counts_audience_start' });
  });

  it('筛选后照样分页：一页一条读完，不重不漏', async () => {
    const whole = ids(await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 50, countsFor: 'lesson' }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const input = { scope: 'upcoming' as const, countsFor: 'lesson' as const, pageSize: 1, ...(cursor ? { cursor } : {}) };
      const page = await env.ok('demo-member', 'activity', 'list', input);
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(whole);
  });

  it('别的支部计入党课的活动不会因筛选而露出；那个支部的党员看得到', async () => {
    const mine = ids(await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 50, countsFor: 'lesson' }));
    expect(mine).not.toContain('lesson-elsewhere');
    const theirs = ids(await env.ok('seed-member-02', 'activity', 'list', { scope: 'upcoming', pageSize: 50, countsFor: 'lesson' }));
    expect(theirs).toContain('lesson-elsewhere');
    expect(theirs).not.toContain('lesson-a');
  });

  it('往期也能按项目筛选：只剩计入该项的活动，最近的在前', async () => {
    const all = await env.ok('demo-member', 'activity', 'list', { scope: 'past', pageSize: 50 });
    const lessons = await env.ok('demo-member', 'activity', 'list', { scope: 'past', pageSize: 50, countsFor: 'lesson' });
    expect(ids(lessons)).toEqual(onlyLessons(all));
    expect(ids(lessons)).toContain('lesson-done');
  });

  it.each([
    ['未知项目', { scope: 'upcoming', countsFor: 'poem' }],
    ['注入', { scope: 'upcoming', countsFor: { $ne: null } }],
    ['“我的”不按项目筛', { scope: 'mine', countsFor: 'lesson' }],
    ['“管理”不按项目筛', { scope: 'managed', countsFor: 'lesson' }],
  ])('%s：INVALID_INPUT，指明 countsFor', async (_label, input) => {
    const { result } = await env.call('demo-secretary', 'activity', 'list', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'countsFor' } });
  });

  it('未加入的用户不能按项目浏览活动', async () => {
    const { result } = await env.call('demo-stranger', 'activity', 'list', { countsFor: 'lesson' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
