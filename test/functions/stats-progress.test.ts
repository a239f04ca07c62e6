/**
 * The progress actions over what the aggregator builds: a member's checklist and a branch's
 * dashboard in ≤ 3 DB requests each, who is behind, the org ranking, the points ledger, and a full
 * recompute that lands on exactly what the incremental runs built.
 */
import cloud from 'wx-server-sdk';
import { DEFAULT_EVIDENCE, DEFAULT_POINTS } from '../../core/stats/rules';
import { checkinDoc, type ProgrammeDoc } from '../../server/documents';
import { runAggregator } from '../../server/stats/aggregate';
import { PROGRAMME_ITEM_KEYS } from '../../types/labels';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { runCron, storedNumbers } from './stats-numbers.fixtures';

const NOW = new Date('2027-06-01T02:00:00Z');
const PROGRAMME_ID = 'prog-stats-test';
const clock = useServerClock(NOW);
let env: TestEnv;

function placeProgramme(target: TestEnv, fields: Partial<ProgrammeDoc> = {}): ProgrammeDoc {
  const programme: ProgrammeDoc = {
    _id: PROGRAMME_ID,
    title: '2027年六个一',
    year: 2027,
    description: '',
    startsAt: new Date('2027-03-01T00:00:00Z'),
    endsAt: new Date('2027-12-31T16:00:00Z'),
    items: PROGRAMME_ITEM_KEYS.map((key) => ({
      key,
      title: `项目${key}`,
      perMember: '',
      evidence: DEFAULT_EVIDENCE[key],
      storyKinds: [],
      deadline: null,
    })),
    branchQuotas: [],
    studyHoursTarget: 12,
    points: DEFAULT_POINTS,
    createdAt: NOW,
    updatedAt: NOW,
    ...fields,
  };
  target.store.insertMany('programmes', [programme as unknown as Record<string, unknown>]);
  return programme;
}

const DEMO_MEMBER = { _id: 'm-demo-member', branchId: 'branch-1', name: '李卫东' };

/** A base visit made at `at` and received now (a queued scan arrives later; the aggregator follows what arrives). */
function placeVisit(target: TestEnv, id: string, at: Date): void {
  target.store.insertMany('checkins', [
    checkinDoc(DEMO_MEMBER, at, {
      _id: id,
      receivedAt: clock.now(),
      kind: 'base',
      activityId: null,
      baseId: 'base-x',
      placeName: '纪念馆',
      method: 'base',
      studyHours: 1.5,
    }),
  ] as unknown as Record<string, unknown>[]);
}

function tick(): Promise<Record<string, number>> {
  return runCron(env, clock.now());
}

beforeEach(() => {
  env = createTestEnv({ now: clock.now() });
  placeProgramme(env);
});

/** Earlier in the programme than any of the seed's visits, so it is the evidence shown. */
const FIRST_VISIT_AT = new Date('2027-03-02T02:00:00Z');

describe('党员进度与支部看板', () => {
  it('打卡后聚合一次：我的六个一以最早的参观为证据，学时和积分随之增加，读取只用 3 次数据库请求', async () => {
    await tick();
    const before = await env.ok('demo-member', 'stats', 'myProgress', {});
    placeVisit(env, 'visit-1', FIRST_VISIT_AT);
    await tick();
    const { result, requests } = await env.call('demo-member', 'stats', 'myProgress', {});
    expect(requests.length).toBeLessThanOrEqual(3);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data.programme?.id).toBe(PROGRAMME_ID);
    const visit = result.data.items.find((item) => item.key === 'visit');
    expect(visit).toMatchObject({
      done: true,
      evidence: { type: 'checkin', refId: 'visit-1', label: '参观「纪念馆」', at: FIRST_VISIT_AT.toISOString() },
    });
    const visitWasDone = before.items.find((item) => item.key === 'visit')?.done ?? false;
    expect(result.data).toMatchObject({
      doneCount: before.doneCount + (visitWasDone ? 0 : 1),
      studyHours: before.studyHours + 1.5,
      studyHoursTarget: 12,
      points: before.points + DEFAULT_POINTS.baseVisit + (visitWasDone ? 0 : DEFAULT_POINTS.itemDone),
      asOf: NOW.toISOString(),
    });
  });

  it('支部看板 ≤ 3 次请求，打卡计入支部和当月；书记看不了别的支部', async () => {
    await tick();
    const before = await env.ok('demo-secretary', 'stats', 'branchDashboard', {});
    placeVisit(env, 'visit-1', FIRST_VISIT_AT);
    await tick();
    const { result, requests } = await env.call('demo-secretary', 'stats', 'branchDashboard', {});
    expect(requests.length).toBeLessThanOrEqual(3);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data.summary).toMatchObject({ branchId: 'branch-1', branchName: '第一党支部', checkins: before.summary!.checkins + 1 });
    const march = (months: typeof result.data.months) => months.find((row) => row.month === '2027-03')?.checkins ?? 0;
    expect(march(result.data.months)).toBe(march(before.months) + 1);
    expect(result.data.months.map((row) => row.month)).toEqual([...result.data.months.map((row) => row.month)].sort());
    const other = await env.call('demo-secretary', 'stats', 'branchDashboard', { branchId: 'branch-2' });
    expect(other.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('未完成名单按完成数从少到多、可按项目筛；积分明细写明规则，最新在前；组织部排名按完成率，没有党员的支部没有名次', async () => {
    placeVisit(env, 'visit-1', FIRST_VISIT_AT);
    await tick();
    const all = await env.ok('demo-secretary', 'stats', 'behindMembers', { pageSize: 50 });
    const counts = all.items.map((row) => row.doneCount);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const mine = await env.ok('demo-member', 'stats', 'myProgress', {});
    expect(all.items.find((row) => row.memberId === 'm-demo-member')?.doneCount).toBe(mine.doneCount);
    const lessons = await env.ok('demo-secretary', 'stats', 'behindMembers', { item: 'lesson', pageSize: 50 });
    expect(lessons.items.every((row) => row.missing.includes('lesson'))).toBe(true);

    const ledger = await env.ok('demo-member', 'stats', 'pointsLedger', { pageSize: 50 });
    expect(ledger.items).toContainEqual({
      rule: 'baseVisit',
      points: DEFAULT_POINTS.baseVisit,
      label: '参观「纪念馆」',
      at: FIRST_VISIT_AT.toISOString(),
    });
    const times = ledger.items.map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());

    const ranking = await env.ok('demo-admin', 'stats', 'orgRanking', {});
    const ranked = ranking.branches.filter((row) => row.rank !== null);
    expect(ranked.map((row) => row.completionRate)).toEqual([...ranked.map((row) => row.completionRate)].sort((a, b) => b - a));
    expect(ranking.branches.filter((row) => row.members === 0).every((row) => row.rank === null)).toBe(true);
    expect(ranked.length).toBeGreaterThan(0);
  });

  it('再跑一次聚合，没有新事件就什么也不写', async () => {
    placeVisit(env, 'visit-1', new Date('2027-05-20T02:00:00Z'));
    await tick();
    const before = await storedNumbers(PROGRAMME_ID);
    clock.set(new Date(NOW.getTime() + 10 * 60_000));
    const counts = await tick();
    expect(counts).toMatchObject({ progressWritten: 0 });
    expect(await storedNumbers(PROGRAMME_ID)).toEqual(before);
  });

  it('事件读过两分钟之后就不再读：安静下来的系统每分钟不再重建同样的支部', async () => {
    placeVisit(env, 'visit-1', new Date('2027-05-20T02:00:00Z'));
    expect(await tick()).toMatchObject({ branches: 5 });
    clock.advance(60_000);
    expect((await tick()).branches).toBeGreaterThan(0);
    // cron's own jobs (finishing ended activities) are events too, read in their turn.
    clock.advance(3 * 60_000);
    await tick();
    clock.advance(3 * 60_000);
    expect(await tick()).toMatchObject({ events: 0, branches: 0 });
  });

  it('一次运行用完它的时间份额后，其余支部留给下一分钟，不丢', async () => {
    await tick();
    placeVisit(env, 'visit-1', FIRST_VISIT_AT);
    const first = await runAggregator(cloud.database(), clock.now(), 0);
    expect(first).toMatchObject({ branches: 0, deferred: 1 });
    clock.advance(60_000);
    expect(await tick()).toMatchObject({ deferred: 0 });
    const progress = await env.ok('demo-member', 'stats', 'myProgress', {});
    expect(progress.items.find((item) => item.key === 'visit')?.evidence).toMatchObject({ refId: 'visit-1' });
  });

  it('全量重算由组织部发起、cron 续跑，结果与增量聚合完全一致', async () => {
    placeVisit(env, 'visit-1', new Date('2027-05-20T02:00:00Z'));
    await tick();
    const incremental = await storedNumbers(PROGRAMME_ID);
    await cloud.database().collection('programme_progress').where({ programmeId: PROGRAMME_ID }).remove();
    const started = await env.ok('demo-admin', 'stats', 'recompute', { programmeId: PROGRAMME_ID });
    expect(started).toMatchObject({ state: 'running', processed: 0 });
    await tick();
    const done = await env.ok('demo-admin', 'stats', 'recompute', { programmeId: PROGRAMME_ID });
    expect(done).toMatchObject({ state: 'done', processed: 5 });
    expect(await storedNumbers(PROGRAMME_ID)).toEqual(incremental);
  });
});
