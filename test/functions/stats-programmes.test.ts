/**
 * The stats function's programmes, self-reports and reminders (issue 14): org admins create and
 * edit programmes, members report 读书 / 观影 with a photo, the branch secretary confirms once, and
 * secretaries remind members through the outbox at most once a day.
 */
import { PENDING_SELF_REPORT_ID, seedProgrammeId } from '../../emulator/seed';
import { seedProgrammeDoc } from '../../emulator/seed/programme';
import { programmeDraftSchema } from '../../types/contracts/stats';
import type { AuditDoc } from '../../server/audit';
import { progressId, type ProgrammeDoc, type SelfReportDoc, type StatsStateDoc, type StudyNotificationDoc } from '../../server/documents';
import { recomputeStateId } from '../../server/stats/recompute';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { runCron } from './stats-numbers.fixtures';
import { documentOf, documentsOf, PROGRAMME_DRAFT, storedPhoto } from './stats-programmes.fixtures';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
const DAY_MS = 24 * 60 * 60 * 1000;
let env: TestEnv;
let programmeId: string;

beforeEach(() => {
  env = createTestEnv({ now: clock.now() });
  programmeId = seedProgrammeId(clock.now());
});

describe('种子方案', () => {
  it('当年的“红色教育进学院”覆盖现在，六项各有证据，积分取默认值，并通过方案草稿的校验', () => {
    const doc = seedProgrammeDoc(clock.now());
    expect(doc._id).toBe('red-education-2026');
    expect(doc.startsAt.getTime()).toBeLessThanOrEqual(clock.now().getTime());
    expect(doc.endsAt.getTime()).toBeGreaterThan(clock.now().getTime());
    expect(doc.items.map((item) => item.key)).toEqual(['lesson', 'story', 'book', 'film', 'visit', 'reflection']);
    const { _id, createdAt, updatedAt, ...draft } = doc;
    expect([_id, createdAt, updatedAt]).toHaveLength(3);
    expect(
      programmeDraftSchema.safeParse({ ...draft, startsAt: doc.startsAt.toISOString(), endsAt: doc.endsAt.toISOString() }).success,
    ).toBe(true);
  });

  it('换一年加载种子，方案就是那一年的', () => {
    const doc = seedProgrammeDoc(new Date('2027-03-01T00:00:00Z'));
    expect(doc).toMatchObject({ _id: 'red-education-2027', year: 2027, title: '2027年“红色教育进学院”六个一活动' });
    expect(doc.startsAt.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('programmes / createProgramme / updateProgramme', () => {
  it('组织部新建方案：存下草稿、按现在给出状态、开始全量重算、留下审计记录', async () => {
    const { result, requests } = await env.call('demo-admin', 'stats', 'createProgramme', { programme: PROGRAMME_DRAFT });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data.programme).toMatchObject({ title: PROGRAMME_DRAFT.title, state: 'upcoming', studyHoursTarget: 12 });
    expect(result.data.programme.items[0]).toMatchObject({ key: 'book', evidence: ['selfReport'], storyKinds: [], deadline: null });
    const stored = await documentOf<ProgrammeDoc>('programmes', result.data.programme.id);
    expect(stored?.startsAt).toEqual(new Date(PROGRAMME_DRAFT.startsAt));
    const audits = await documentsOf<AuditDoc>('audit_logs', { action: 'stats.createProgramme' });
    expect(audits).toEqual([expect.objectContaining({ actorId: 'm-demo-admin', targetId: result.data.programme.id })]);
    // The caller, the insert, the branches, the campaigns and the 四红 programmes (side by side, a page each, then the empty
    // page that ends them), the recompute's state, the audit record.
    expect(requests.map((request) => request.collection).sort()).toEqual(
      [
        'members',
        'programmes',
        'orgs',
        'orgs',
        'campaigns',
        'campaigns',
        'brand_programmes',
        'brand_programmes',
        'stats_state',
        'audit_logs',
      ].sort(),
    );
    const state = await documentOf<StatsStateDoc>('stats_state', recomputeStateId(result.data.programme.id));
    expect(state).toMatchObject({ phase: 'branches', processed: 0, startedAt: clock.now(), finishedAt: null });
    expect(state?.remainingBranches?.sort()).toEqual(['branch-1', 'branch-2', 'branch-3', 'branch-4', 'branch-5']);
  });

  it('新方案的开始早于今天：下一次 cron 重算后，党员之前的打卡、投稿与积分就出现在新方案的我的六个一里', async () => {
    const seeded = seedProgrammeDoc(clock.now());
    const draft = {
      ...PROGRAMME_DRAFT,
      title: '十一月“红色教育进学院”专项',
      year: 2026,
      startsAt: seeded.startsAt.toISOString(),
      endsAt: seeded.endsAt.toISOString(),
      items: seeded.items,
    };
    const { programme } = await env.ok('demo-admin', 'stats', 'createProgramme', { programme: draft });
    const empty = await env.ok('demo-member', 'stats', 'myProgress', { programmeId: programme.id });
    expect(empty).toMatchObject({ doneCount: 0, points: 0, asOf: null });

    await runCron(env, clock.now());
    // Built from the same events with the same rules, the new programme's numbers are the seeded one's.
    const built = await env.ok('demo-member', 'stats', 'myProgress', { programmeId: programme.id });
    const seededProgress = await env.ok('demo-member', 'stats', 'myProgress', { programmeId });
    expect(built.points).toBeGreaterThan(0);
    expect(built.doneCount).toBeGreaterThan(0);
    expect(built).toMatchObject({
      doneCount: seededProgress.doneCount,
      points: seededProgress.points,
      studyHours: seededProgress.studyHours,
    });
    expect(await documentOf<StatsStateDoc>('stats_state', recomputeStateId(programme.id))).toMatchObject({ phase: 'done' });
  });

  it('党员只看到进行中的方案，组织部看到全部，按开始时间新的在前', async () => {
    await env.ok('demo-admin', 'stats', 'createProgramme', { programme: PROGRAMME_DRAFT });
    const mine = await env.ok('demo-member', 'stats', 'programmes', {});
    expect(mine.items.map((programme) => [programme.id, programme.state])).toEqual([[programmeId, 'active']]);
    const all = await env.ok('demo-admin', 'stats', 'programmes', {});
    expect(all.items.map((programme) => programme.state)).toEqual(['upcoming', 'active']);
  });

  it('修改方案会整体替换事项与积分规则', async () => {
    const draft = {
      ...PROGRAMME_DRAFT,
      title: '修订后的方案',
      items: [PROGRAMME_DRAFT.items[1]!],
      points: { ...PROGRAMME_DRAFT.points, award: 50 },
    };
    const { programme } = await env.ok('demo-admin', 'stats', 'updateProgramme', { id: programmeId, programme: draft });
    expect(programme).toMatchObject({ id: programmeId, title: '修订后的方案', state: 'upcoming' });
    const stored = await documentOf<ProgrammeDoc>('programmes', programmeId);
    expect(stored?.items.map((item) => item.key)).toEqual(['reflection']);
    expect(stored?.points.award).toBe(50);
    expect(await documentsOf<AuditDoc>('audit_logs', { action: 'stats.updateProgramme', targetId: programmeId })).toHaveLength(1);
  });

  describe('修改后的重算', () => {
    const earlier = new Date('2026-11-01T02:00:00Z');
    const seeded = () => {
      const { _id, createdAt, updatedAt, startsAt, endsAt, ...fields } = seedProgrammeDoc(clock.now());
      return { ...fields, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
    };
    const recomputeState = () => documentOf<StatsStateDoc>('stats_state', recomputeStateId(programmeId));

    beforeEach(() => {
      const finished: StatsStateDoc = {
        _id: recomputeStateId(programmeId),
        watermarks: {},
        phase: 'done',
        remainingBranches: [],
        processed: 5,
        startedAt: earlier,
        finishedAt: earlier,
        updatedAt: earlier,
      };
      env.store.insertMany('stats_state', [{ ...finished }]);
    });

    it.each([
      ['事项', { items: seeded().items.slice(1) }],
      ['支部指标', { branchQuotas: seeded().branchQuotas.map((quota) => ({ ...quota, count: quota.count + 1 })) }],
      ['起止时间', { endsAt: '2026-12-15T16:00:00.000Z' }],
      ['积分规则', { points: { ...seeded().points, award: 50 } }],
    ])('改了%s：该方案的全量重算从头开始，每个支部都要重建', async (_label, change) => {
      await env.ok('demo-admin', 'stats', 'updateProgramme', { id: programmeId, programme: { ...seeded(), ...change } });
      const state = await recomputeState();
      expect(state).toMatchObject({ phase: 'branches', processed: 0, startedAt: clock.now(), finishedAt: null });
      expect(state?.remainingBranches?.sort()).toEqual(['branch-1', 'branch-2', 'branch-3', 'branch-4', 'branch-5']);
    });

    it('只改标题、说明和学时目标：数字不受影响，不重算', async () => {
      const { result, requests } = await env.call('demo-admin', 'stats', 'updateProgramme', {
        id: programmeId,
        programme: { ...seeded(), title: '新的标题', description: '新的说明', studyHoursTarget: 20 },
      });
      expect(result.ok).toBe(true);
      expect(await recomputeState()).toMatchObject({ phase: 'done', startedAt: earlier });
      expect(requests.map((request) => request.collection)).toEqual(['members', 'programmes', 'programmes', 'audit_logs']);
    });
  });

  it.each([
    ['结束不晚于开始', { endsAt: PROGRAMME_DRAFT.startsAt }, 'programme.endsAt'],
    ['事项重复', { items: [PROGRAMME_DRAFT.items[0]!, PROGRAMME_DRAFT.items[0]!] }, 'programme.items.1.key'],
    [
      '支部指标标识重复',
      { branchQuotas: [PROGRAMME_DRAFT.branchQuotas![0]!, PROGRAMME_DRAFT.branchQuotas![0]!] },
      'programme.branchQuotas.1.key',
    ],
  ])('%s：INVALID_INPUT 指明字段，什么也不写', async (_label, change, field) => {
    const before = await documentsOf('programmes');
    const { result } = await env.call('demo-admin', 'stats', 'createProgramme', { programme: { ...PROGRAMME_DRAFT, ...change } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
    expect(await documentsOf('programmes')).toEqual(before);
  });

  it('修改不存在的方案：NOT_FOUND', async () => {
    const { result } = await env.call('demo-admin', 'stats', 'updateProgramme', { id: 'no-such', programme: PROGRAMME_DRAFT });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
  });
});

async function reportFilm(as: string, photo = storedPhoto(env, as)) {
  return env.call(as, 'stats', 'selfReport', { programmeId, item: 'film', title: '《建国大业》', note: '支部观影', photoFileId: photo });
}

describe('selfReport / reportQueue / confirmReport', () => {
  it('党员自报观影：待本支部书记确认，书记的队列里有它和照片链接', async () => {
    const { result, requests } = await reportFilm('demo-member');
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(requests).toHaveLength(3);
    const stored = await documentOf<SelfReportDoc>('self_reports', result.data.reportId);
    expect(stored).toMatchObject({ memberId: 'm-demo-member', branchId: 'branch-1', item: 'film', status: 'pending' });

    const queue = await env.ok('demo-secretary', 'stats', 'reportQueue', {});
    // The seeded book report came first: oldest first.
    expect(queue.items.map((report) => report.id)).toEqual([PENDING_SELF_REPORT_ID, result.data.reportId]);
    expect(queue.items[1]).toMatchObject({
      memberName: '林红',
      item: 'film',
      title: '《建国大业》',
      photoUrl: expect.stringContaining('self-reports/demo-member/photo.jpg'),
    });
    // The seed's photo is not in local storage: the queue shows the report without one.
    expect(queue.items[0]?.photoUrl).toBeNull();
  });

  it('外支部书记的队列里没有本支部的自报，组织部能看到所有支部的', async () => {
    expect((await env.ok('seed-member-02', 'stats', 'reportQueue', {})).items).toEqual([]);
    expect((await env.ok('demo-admin', 'stats', 'reportQueue', {})).items.map((report) => report.id)).toEqual([PENDING_SELF_REPORT_ID]);
  });

  it('同一项只能有一份待确认或已确认的自报；同时提交两次也只留一份', async () => {
    const [first, second] = await Promise.all([reportFilm('demo-member'), reportFilm('demo-member')]);
    const outcomes = [first.result.ok || first.result.error.code, second.result.ok || second.result.error.code].sort();
    expect(outcomes).toEqual(['DUPLICATE', true]);
    expect(await documentsOf('self_reports', { memberId: 'm-demo-member', item: 'film' })).toHaveLength(1);
  });

  it('不接受自报的事项、未上传的照片、不存在或已结束的方案都被拒绝，什么也不写', async () => {
    const photo = storedPhoto(env, 'demo-member');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ item: 'visit' }, 'INVALID_INPUT', 'item'],
      [{ photoFileId: 'cloud://local.hongtu-local/self-reports/demo-member/never-uploaded.jpg' }, 'INVALID_INPUT', 'photoFileId'],
      [{ programmeId: 'no-such' }, 'NOT_FOUND', 'programmeId'],
    ];
    for (const [change, code, field] of cases) {
      const input = { programmeId, item: 'film', title: '《建国大业》', photoFileId: photo, ...change };
      const { result } = await env.call('demo-member', 'stats', 'selfReport', input);
      expect({ change, result }).toMatchObject({ change, result: { ok: false, error: { code, field } } });
    }
    clock.set(new Date('2027-01-02T00:00:00Z'));
    const { result } = await env.call('demo-member', 'stats', 'selfReport', {
      programmeId,
      item: 'film',
      title: '《建国大业》',
      photoFileId: photo,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CLOSED', field: 'programmeId' } });
    clock.set(new Date('2026-11-23T02:00:00Z'));
    expect(await documentsOf('self_reports', { memberId: 'm-demo-member', item: 'film' })).toEqual([]);
  });

  it('书记确认后报告成为证据、写审计；再次处理是 CONFLICT，确认是最终的', async () => {
    const decided = await env.call('demo-secretary', 'stats', 'confirmReport', { id: PENDING_SELF_REPORT_ID, accept: true });
    expect(decided.result).toEqual({ ok: true, data: { status: 'confirmed' } });
    expect(await documentOf<SelfReportDoc>('self_reports', PENDING_SELF_REPORT_ID)).toMatchObject({
      status: 'confirmed',
      decidedAt: clock.now(),
      decidedBy: 'm-demo-secretary',
    });
    const audits = await documentsOf<AuditDoc>('audit_logs', { action: 'stats.confirmReport', targetId: PENDING_SELF_REPORT_ID });
    expect(audits).toEqual([
      expect.objectContaining({ actorId: 'm-demo-secretary', detail: expect.objectContaining({ status: 'confirmed' }) }),
    ]);

    const again = await env.call('demo-admin', 'stats', 'confirmReport', {
      id: PENDING_SELF_REPORT_ID,
      accept: false,
      reason: '照片不清楚',
    });
    expect(again.result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Confirmed holds the item: the member cannot report the book again.
    const { result } = await env.call('demo-member', 'stats', 'selfReport', {
      programmeId,
      item: 'book',
      title: '《红岩》',
      photoFileId: storedPhoto(env, 'demo-member'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
  });

  it('退回的自报让出该项，党员可以重新自报', async () => {
    await env.ok('demo-secretary', 'stats', 'confirmReport', { id: PENDING_SELF_REPORT_ID, accept: false, reason: '请补拍封面' });
    expect(await documentOf<SelfReportDoc>('self_reports', PENDING_SELF_REPORT_ID)).toMatchObject({
      status: 'declined',
      reason: '请补拍封面',
    });
    const { result } = await env.call('demo-member', 'stats', 'selfReport', {
      programmeId,
      item: 'book',
      title: '《红岩》',
      photoFileId: storedPhoto(env, 'demo-member'),
    });
    expect(result.ok).toBe(true);
  });

  it('两位审核人同时处理一份自报，只有一个决定成立', async () => {
    const [accept, decline] = await Promise.all([
      env.call('demo-secretary', 'stats', 'confirmReport', { id: PENDING_SELF_REPORT_ID, accept: true }),
      env.call('demo-admin', 'stats', 'confirmReport', { id: PENDING_SELF_REPORT_ID, accept: false }),
    ]);
    const outcomes = [accept.result, decline.result].map((result) => (result.ok ? result.data.status : result.error.code));
    expect(outcomes.filter((outcome) => outcome === 'CONFLICT')).toHaveLength(1);
    const stored = await documentOf<SelfReportDoc>('self_reports', PENDING_SELF_REPORT_ID);
    expect(outcomes).toContain(stored?.status);
    expect(await documentsOf('audit_logs', { action: 'stats.confirmReport' })).toHaveLength(1);
  });

  it('外支部书记不能确认，不存在的自报是 NOT_FOUND', async () => {
    const other = await env.call('seed-member-02', 'stats', 'confirmReport', { id: PENDING_SELF_REPORT_ID, accept: true });
    expect(other.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await documentOf<SelfReportDoc>('self_reports', PENDING_SELF_REPORT_ID)).toMatchObject({ status: 'pending' });
    const missing = await env.call('demo-secretary', 'stats', 'confirmReport', { id: 'no-such', accept: true });
    expect(missing.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
  });
});

describe('remindMembers', () => {
  it('书记提醒本支部党员：经由发件箱排队，写明未完成的事项，一天之内再提醒不再排队', async () => {
    env.store.insertMany('programme_progress', [
      {
        _id: progressId(programmeId, 'm-demo-member'),
        programmeId,
        memberId: 'm-demo-member',
        branchId: 'branch-1',
        items: { lesson: { type: 'checkin', refId: 'c1', label: '党课', at: new Date('2026-10-01T02:00:00Z') } },
      },
    ]);
    const first = await env.ok('demo-secretary', 'stats', 'remindMembers', {
      programmeId,
      memberIds: ['m-demo-member', 'm-seed-member-06'],
    });
    expect(first).toEqual({ queued: 2, alreadyReminded: 0 });
    const notices = await documentsOf<StudyNotificationDoc>('notifications', { kind: 'studyReminder' });
    const toDemo = notices.find((notice) => notice.memberId === 'm-demo-member');
    expect(toDemo).toMatchObject({
      _id: `studyReminder_${programmeId}_m-demo-member_2026-11-23`,
      openid: 'demo-member',
      state: 'pending',
      page: 'stats/progress/index',
    });
    expect(toDemo?.data.missing).toBe('5项：宣讲故事、阅读书籍、观看影视、参观景点、撰写心得'.slice(0, 19) + '…');
    expect(notices.find((notice) => notice.memberId === 'm-seed-member-06')?.data.missing).toMatch(/^6项：/);

    clock.advance(3 * 60 * 60 * 1000);
    const again = await env.ok('demo-secretary', 'stats', 'remindMembers', { programmeId, memberIds: ['m-demo-member'] });
    expect(again).toEqual({ queued: 0, alreadyReminded: 1 });
    clock.advance(DAY_MS);
    expect(await env.ok('demo-secretary', 'stats', 'remindMembers', { programmeId, memberIds: ['m-demo-member'] })).toEqual({
      queued: 1,
      alreadyReminded: 0,
    });
  });

  it('书记不能提醒外支部党员，组织部可以提醒任何支部的党员', async () => {
    const outsider = 'm-seed-member-02';
    const { result } = await env.call('demo-secretary', 'stats', 'remindMembers', { programmeId, memberIds: ['m-demo-member', outsider] });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'memberIds.1' } });
    expect(await documentsOf('notifications', { kind: 'studyReminder' })).toEqual([]);
    const other = await env.call('demo-secretary', 'stats', 'remindMembers', {
      programmeId,
      branchId: 'branch-2',
      memberIds: ['m-demo-member'],
    });
    expect(other.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'branchId' } });
    expect(await env.ok('demo-admin', 'stats', 'remindMembers', { programmeId, memberIds: [outsider] })).toEqual({
      queued: 1,
      alreadyReminded: 0,
    });
  });

  it('不存在的党员或方案：NOT_FOUND 指明字段', async () => {
    const nobody = await env.call('demo-secretary', 'stats', 'remindMembers', { programmeId, memberIds: ['m-nobody'] });
    expect(nobody.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'memberIds.0' } });
    const noProgramme = await env.call('demo-secretary', 'stats', 'remindMembers', {
      programmeId: 'no-such',
      memberIds: ['m-demo-member'],
    });
    expect(noProgramme.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'programmeId' } });
  });
});
