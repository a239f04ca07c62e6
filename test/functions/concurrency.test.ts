/**
 * Concurrency on the interleaving runner: concurrent invocations really interleave at their DB
 * requests (so a naive check-then-write overbooks, as it would in production), races can be
 * replayed by seed or forced step by step, and the project's real code paths hold under 200
 * parallel calls.
 */
import cloud from 'wx-server-sdk';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import type { FunctionMain } from '../../emulator/runner';
import { FunctionRunner } from '../../emulator/runner';
import { memberDoc, SEED_CONTEST_ID } from '../../emulator/seed';
import { fetchList } from '../../server/kernel/db';
import type { MemberDoc, OrgDoc } from '../../server/documents';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { perfectAnswers } from '../support/quiz';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

const PARALLEL = 200;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const HAN = '明华国建文志海秀春丽立新思远振宇雅琴晓燕';
/** Distinct valid person names (汉字 only): 李 + two characters from HAN. */
const personName = (i: number) => `李${HAN[i % HAN.length]}${HAN[Math.floor(i / HAN.length) % HAN.length]}`;

function countByOutcome(results: { ok: boolean; error?: { code: string } }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.ok ? 'ok' : (r.error?.code ?? '?');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function all<T>(collection: string, where: Record<string, unknown> = {}): Promise<T[]> {
  return fetchList<T>(cloud.database().collection(collection).where(where).limit(1000));
}

async function headCount(branchId: string): Promise<number> {
  const [org] = await all<OrgDoc>('orgs', { _id: branchId });
  return org!.activeMemberCount;
}

/** Pending applications to 第一党支部, written as join leaves them. */
function pendingApplications(count: number): string[] {
  const docs = range(count).map((i) =>
    memberDoc(
      {
        _id: `m-pending-${i}`,
        openid: `wx-pending-${i}`,
        name: personName(i),
        branchId: 'branch-1',
        partyStatus: 'activist',
        status: 'pending',
      },
      clock.now(),
    ),
  );
  env.store.insertMany(
    'members',
    docs.map((doc) => ({ ...doc })),
  );
  return docs.map((d) => d._id);
}

/** A sign-up written the way nobody should: count the seats taken, then insert if one is left. */
const CAPACITY = 10;
const naiveSignUp: FunctionMain = async () => {
  const db = cloud.database();
  const { total } = (await db.collection('audit_logs').where({ action: 'naive.signUp' }).count()) as { total: number };
  if (total >= CAPACITY) return { ok: false, error: { code: 'FULL', message: '名额已满' } };
  await db.collection('audit_logs').add({ data: { action: 'naive.signUp', openid: cloud.getWXContext().OPENID } });
  return { ok: true, data: null };
};

function naiveRunner(): FunctionRunner {
  return new FunctionRunner(env.store, () => naiveSignUp);
}

describe('运行器让并发调用真正交错', () => {
  it('朴素的“先数再插”在 200 个并发调用下超卖', async () => {
    const runner = naiveRunner();
    const results = await Promise.all(range(PARALLEL).map((i) => runner.invoke('activity', {}, { openid: `wx-${i}` })));
    const taken = await all('audit_logs', { action: 'naive.signUp' });
    expect(results.filter((r) => r.result.ok)).toHaveLength(taken.length);
    expect(taken.length).toBeGreaterThan(CAPACITY);
  });

  it('同一个种子重放出同样的交错（同样的超卖数），不同种子交错不同', async () => {
    const overbookedWith = async (seed: number) => {
      env = createTestEnv({ now: clock.now() });
      env.scheduler.useSeed(seed);
      const runner = naiveRunner();
      const results = await Promise.all(range(40).map((i) => runner.invoke('activity', {}, { openid: `wx-${i}`, label: `c${i}` })));
      return results.map((r) => (r.result.ok ? 1 : 0)).join('');
    };
    const first = await overbookedWith(7);
    expect(await overbookedWith(7)).toBe(first);
    const others = await Promise.all([11, 12, 13].map(overbookedWith));
    expect(others.some((pattern) => pattern !== first)).toBe(true);
  });

  it('强制交错：A 数完后停在插入之前，B 跑完，A 再插入 —— 竞态按需复现', async () => {
    env.store.insertMany(
      'audit_logs',
      range(CAPACITY - 1).map((i) => ({ action: 'naive.signUp', openid: `early-${i}` })),
    );
    const runner = naiveRunner();
    const pause = env.scheduler.pauseBefore({ invocation: 'A', action: 'database.insertDocument' });
    const a = runner.invoke('activity', {}, { openid: 'wx-a', label: 'A' });
    await pause.reached;
    const b = await runner.invoke('activity', {}, { openid: 'wx-b', label: 'B' });
    pause.release();
    expect([b.result.ok, (await a).result.ok]).toEqual([true, true]);
    expect(await all('audit_logs', { action: 'naive.signUp' })).toHaveLength(CAPACITY + 1);
  });

  it('每个并发调用读到的是自己的调用者（getWXContext 按调用隔离）', async () => {
    const roleOf: Record<string, string | null> = {
      'demo-member': 'member',
      'demo-secretary': 'secretary',
      'demo-admin': 'org_admin',
      'demo-stranger': null,
    };
    const callers = range(60).map((i) => Object.keys(roleOf)[i % 4]!);
    const results = await Promise.all(callers.map((openid) => env.ok(openid, 'member', 'me', {})));
    expect(results.map((me) => me.member?.role ?? null)).toEqual(callers.map((openid) => roleOf[openid]));
  });
});

describe('真实代码路径在 200 个并发调用下守住规则', () => {
  /** Strangers who have accepted the privacy guide, ready to join. */
  async function applicants(count: number): Promise<string[]> {
    const openids = range(count).map((i) => `wx-applicant-${i}`);
    env.store.insertMany(
      'consents',
      openids.map((openid) => ({ _id: `${PRIVACY_VERSION}_${openid}`, openid, version: PRIVACY_VERSION, acceptedAt: clock.now() })),
    );
    return openids;
  }

  it('50 人名额的邀请被 200 人同时使用：恰好 50 人加入，其余 FULL，名额归零', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', { maxUses: 50 });
    const openids = await applicants(PARALLEL);
    const results = await Promise.all(
      openids.map((openid, i) => env.call(openid, 'member', 'join', { code, name: personName(i), partyStatus: 'activist' })),
    );
    expect(countByOutcome(results.map((r) => r.result))).toEqual({ ok: 50, FULL: 150 });
    expect(await all('members', { status: 'pending' })).toHaveLength(50);
    expect(await all('invites', { _id: code })).toEqual([expect.objectContaining({ remaining: 0 })]);
  });

  it('同一成员并发开始作答 200 次（连点、两台设备）：只建一次作答，每次都拿到同一份卷子', async () => {
    const results = await Promise.all(range(PARALLEL).map(() => env.call('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID })));
    expect(countByOutcome(results.map((r) => r.result))).toEqual({ ok: PARALLEL });
    const papers = new Set(results.map((r) => (r.result.ok ? JSON.stringify([r.result.data.attemptId, r.result.data.questions]) : '')));
    expect(papers.size).toBe(1);
    expect(await all('attempts', { contestId: SEED_CONTEST_ID })).toHaveLength(1);
  });

  it('同一次作答并发交卷 200 次：成绩只计一次，每次拿到同一结果', async () => {
    const { attemptId } = await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    const answers = await perfectAnswers(attemptId);
    const results = await Promise.all(range(PARALLEL).map(() => env.ok('demo-member', 'quiz', 'submit', { attemptId, answers })));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await all('contest_entries', { contestId: SEED_CONTEST_ID, memberId: 'm-demo-member' })).toHaveLength(1);
    expect(await all('attempts', { contestId: SEED_CONTEST_ID, memberId: 'm-demo-member' })).toEqual([
      expect.objectContaining({ _id: attemptId, status: 'submitted' }),
    ]);
  });

  it.each([
    ['自由交错', undefined],
    ['种子调度下请求逐个随机放行', 2026],
  ])('支部书记同时审批同一支部的 200 份申请（%s）：全部成功，在册人数恰好 +200，审计 200 条', async (_mode, seed) => {
    env.scheduler.useSeed(seed);
    const ids = pendingApplications(PARALLEL);
    const before = await headCount('branch-1');
    const results = await Promise.all(ids.map((memberId) => env.call('demo-secretary', 'member', 'approveJoin', { memberId })));
    expect(countByOutcome(results.map((r) => r.result))).toEqual({ ok: PARALLEL });
    expect(await headCount('branch-1')).toBe(before + PARALLEL);
    expect(await all('audit_logs', { action: 'member.approveJoin' })).toHaveLength(PARALLEL);
  });

  it('同一份申请被两位管理者同时批准和驳回：先写者生效，另一位重试后得到 CONFLICT，人数只动一次', async () => {
    const [memberId] = pendingApplications(1);
    const before = await headCount('branch-1');
    const approvalHeld = env.scheduler.pauseBefore({ invocation: 'approve', action: 'database.commitTransaction' });
    const rejectionHeld = env.scheduler.pauseBefore({ invocation: 'reject', action: 'database.modifyDocument', collection: 'members' });
    const approving = env.call({ openid: 'demo-secretary', label: 'approve' }, 'member', 'approveJoin', { memberId: memberId! });
    await approvalHeld.reached;
    // Both have read the application as pending; the approval has written it but not committed.
    const rejecting = env.call({ openid: 'demo-admin', label: 'reject' }, 'member', 'rejectJoin', { memberId: memberId! });
    await rejectionHeld.reached;
    approvalHeld.release();
    expect((await approving).result.ok).toBe(true);
    rejectionHeld.release();
    expect((await rejecting).result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该申请已被处理' } });
    expect(await headCount('branch-1')).toBe(before + 1);
    expect(await all('members', { _id: memberId })).toEqual([expect.objectContaining({ status: 'active' })]);
  });

  it('花名册上的 200 人同时加入同一支部（种子调度下真正交错）：人人当即转为正式成员，支部人数与在册成员一致', async () => {
    env.scheduler.useSeed(8);
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', { maxUses: 500 });
    env.store.insertMany(
      'roster_entries',
      range(PARALLEL).map((i) => ({
        _id: `roster-${i}`,
        branchId: 'branch-1',
        name: personName(i),
        partyStatus: 'full',
        phoneTail: null,
        importId: 'import-test',
        importedAt: clock.now(),
        matchedMemberId: null,
      })),
    );
    const before = await headCount('branch-1');
    const openids = await applicants(PARALLEL);
    const results = await Promise.all(
      openids.map((openid, i) => env.call(openid, 'member', 'join', { code, name: personName(i), partyStatus: 'activist' })),
    );
    expect(countByOutcome(results.map((r) => r.result))).toEqual({ ok: PARALLEL });
    expect(results.every((r) => r.result.ok && r.result.data.member.status === 'active')).toBe(true);
    const active = await all<MemberDoc>('members', { branchId: 'branch-1', status: 'active' });
    expect(active.length).toBe(before + PARALLEL);
    expect(await headCount('branch-1')).toBe(active.length);
  });
});

describe('故障注入：冲突、繁忙与超时', () => {
  function onePending(): string {
    const [memberId] = pendingApplications(1);
    return memberId!;
  }

  it.each(['conflict', 'busy'] as const)('提交事务时遇到一次 %s：内核重试后成功，只生效一次', async (kind) => {
    const memberId = onePending();
    const before = await headCount('branch-1');
    env.faults.inject({ action: 'database.commitTransaction' }, kind);
    const { result } = await env.call('demo-secretary', 'member', 'approveJoin', { memberId });
    expect(result.ok).toBe(true);
    expect(await headCount('branch-1')).toBe(before + 1);
    expect(await all('audit_logs', { action: 'member.approveJoin' })).toHaveLength(1);
  });

  it('事务内的写操作遇到冲突（SDK 不会自己重试这种）：内核同样重试后成功', async () => {
    const memberId = onePending();
    env.faults.inject({ action: 'database.modifyDocument', collection: 'orgs' }, 'conflict', 2);
    const { result } = await env.call('demo-secretary', 'member', 'approveJoin', { memberId });
    expect(result.ok).toBe(true);
  });

  it('冲突一直持续：重试次数用完后返回 CONFLICT 和中文提示，什么也没写', async () => {
    const memberId = onePending();
    const before = await env.snapshot();
    env.faults.inject({ action: 'database.commitTransaction' }, 'conflict', 100);
    const { result } = await env.call('demo-secretary', 'member', 'approveJoin', { memberId });
    expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: '同时操作的人较多，请稍后再试' } });
    expect(await env.snapshot()).toEqual(before);
  });

  it('事务中途的请求超时（服务器已执行、回复丢失）：整笔回滚并返回 INTERNAL，不盲目重试；再点一次成功，只生效一次', async () => {
    const memberId = onePending();
    const before = await headCount('branch-1');
    env.faults.inject({ action: 'database.insertDocument', collection: 'audit_logs' }, 'readTimeout');
    const first = await env.call('demo-secretary', 'member', 'approveJoin', { memberId });
    expect(first.result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await all('members', { _id: memberId })).toEqual([expect.objectContaining({ status: 'pending' })]);
    const again = await env.call('demo-secretary', 'member', 'approveJoin', { memberId });
    expect(again.result.ok).toBe(true);
    expect(await headCount('branch-1')).toBe(before + 1);
    expect(await all('audit_logs', { action: 'member.approveJoin' })).toHaveLength(1);
  });

  it('事务读到的成员刚被删除：返回 NOT_FOUND，而不是 INTERNAL', async () => {
    const memberId = onePending();
    const pause = env.scheduler.pauseBefore({ invocation: 'approve', action: 'database.startTransaction' });
    const approving = env.call({ openid: 'demo-secretary', label: 'approve' }, 'member', 'approveJoin', { memberId });
    await pause.reached;
    await cloud.database().collection('members').doc(memberId).remove();
    pause.release();
    expect((await approving).result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('只有审计记录写失败时，已完成的修改照常报告成功', async () => {
    env.faults.inject({ action: 'database.insertDocument', collection: 'audit_logs' }, 'connectTimeout');
    const { result } = await env.call('demo-secretary', 'member', 'createInvite', {});
    expect(result.ok).toBe(true);
    expect(await all('invites', { _id: result.ok ? result.data.code : '' })).toHaveLength(1);
    expect(await all('audit_logs', { action: 'member.createInvite' })).toHaveLength(0);
  });
});
