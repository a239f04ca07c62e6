import cloud from 'wx-server-sdk';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import { SEED_CONTEST_ID } from '../../emulator/seed';
import { useServerClock } from '../support/clock';
import { ANY_MEMBER, BRANCH_MANAGERS, describePermissionMatrix, ORG_ADMIN } from '../support/contractTables';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { issueBootstrapCode } from './member-bootstrap.fixtures';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;
const DEMO_MEMBER_ID = 'm-demo-member';

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

async function branchCount(branchId: string): Promise<number> {
  const reply = (await cloud.database().collection('orgs').where({ _id: branchId }).get()) as unknown as {
    data: { activeMemberCount: number }[];
  };
  return reply.data[0]!.activeMemberCount;
}

/** A pending applicant of 第一党支部 and a live invite to it, made by its secretary. */
async function branchOneApplicant(env: TestEnv) {
  const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
  await env.ok('wx-applicant', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
  const { member } = await env.ok('wx-applicant', 'member', 'join', { code, name: '周晓梅', partyStatus: 'activist' });
  return { code, memberId: member.id };
}

describePermissionMatrix(
  'member',
  [
    ['me', async () => ({}), [true, true, true, true, true]],
    ['acceptPrivacy', async () => ({ version: PRIVACY_VERSION }), [true, true, true, true, true]],
    ['exportMine', async () => ({}), [true, true, true, true, true]],
    ['deleteMine', async () => ({ confirm: '注销' }), [true, true, true, true, true]],
    [
      'join',
      async (env) => {
        await env.ok('demo-stranger', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
        return { code: (await env.ok('demo-secretary', 'member', 'createInvite', {})).code, name: '新同志', partyStatus: 'activist' };
      },
      [true, 'DUPLICATE', 'DUPLICATE', 'DUPLICATE', 'DUPLICATE'],
    ],
    [
      'inviteInfo',
      async (env) => ({ code: (await env.ok('demo-secretary', 'member', 'createInvite', {})).code }),
      [true, true, true, true, true],
    ],
    // Only an applicant has something to withdraw; the demo callers have no pending application.
    ['withdrawJoin', async () => ({}), ['NOT_FOUND', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']],
    [
      'bootstrap',
      async (env) => {
        issueBootstrapCode(env, 'K7M2Q9PXR4TW');
        await env.ok('demo-stranger', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
        return { code: 'K7M2Q9PXR4TW', orgName: '某某学院党委', branchName: '机关第一党支部', name: '新同志' };
      },
      [true, 'DUPLICATE', 'DUPLICATE', 'DUPLICATE', 'DUPLICATE'],
    ],
    ['orgTree', async () => ({}), ANY_MEMBER],
    ['leave', async () => ({ reason: '调离本单位' }), ANY_MEMBER],
    ['list', async () => ({ branchId: 'branch-1' }), BRANCH_MANAGERS],
    ['createInvite', async () => ({ branchId: 'branch-1' }), BRANCH_MANAGERS],
    ['inviteQrCode', async (env) => ({ code: (await branchOneApplicant(env)).code }), BRANCH_MANAGERS],
    ['approveJoin', async (env) => ({ memberId: (await branchOneApplicant(env)).memberId }), BRANCH_MANAGERS],
    ['rejectJoin', async (env) => ({ memberId: (await branchOneApplicant(env)).memberId }), BRANCH_MANAGERS],
    ['transfer', async () => ({ memberId: DEMO_MEMBER_ID, toBranchId: 'branch-3', reason: '工作调动' }), BRANCH_MANAGERS],
    ['setRole', async () => ({ memberId: DEMO_MEMBER_ID, role: 'member' }), ORG_ADMIN],
    ['rosterTemplate', async () => ({}), ORG_ADMIN],
    ['importRoster', async () => ({ mode: 'validate', fileBase64: 'AAAA' }), ORG_ADMIN],
    ['auditLog', async () => ({}), ORG_ADMIN],
  ],
  () => createTestEnv({ now: clock.now() }),
);

describe('member.list', () => {
  it('支部书记按姓名排序翻页看到本支部全部成员，从不停在一页', async () => {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await env.ok('demo-secretary', 'member', 'list', { pageSize: 3, ...(cursor ? { cursor } : {}) });
      names.push(...page.items.map((item) => item.name));
      expect(page.items.every((item) => item.branchId === 'branch-1')).toBe(true);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toHaveLength(await branchCount('branch-1'));
    expect([...names].sort()).toEqual(names);
  });

  it('组织部可看全部成员并按姓名前缀搜索', async () => {
    const everyone = await env.ok('demo-admin', 'member', 'list', { pageSize: 50 });
    expect(new Set(everyone.items.map((item) => item.branchId)).size).toBe(5);
    const found = await env.ok('demo-admin', 'member', 'list', { search: '林' });
    expect(found.items.map((item) => item.name)).toEqual(['林红']);
  });

  it('每次列表最多 4 次数据库请求，且都走索引', async () => {
    const { requests } = await env.call('demo-admin', 'member', 'list', { search: '王', branchId: 'branch-2' });
    expect(requests.length).toBeLessThanOrEqual(4);
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
  });

  it.each([
    [{ pageSize: 0 }, 'pageSize'],
    [{ status: 'left' }, 'status'],
    [{ search: '' }, 'search'],
    [{ search: { $regex: '.*' } }, 'search'],
    [{ branchId: '<script>' }, 'branchId'],
  ])('错误输入 %j 返回 INVALID_INPUT，字段 %s', async (input, field) => {
    const { result } = await env.call('demo-admin', 'member', 'list', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });
});

describe('member.setRole / transfer / leave', () => {
  it('组织部任命支部书记并记录审计，但不能改自己的角色', async () => {
    const updated = await env.ok('demo-admin', 'member', 'setRole', { memberId: DEMO_MEMBER_ID, role: 'secretary' });
    expect(updated.member.role).toBe('secretary');
    expect((await env.call('demo-admin', 'member', 'setRole', { memberId: 'm-demo-admin', role: 'member' })).result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('转接后成员到新支部，两个支部人数随之变化，并保留转接记录', async () => {
    const [from, to] = [await branchCount('branch-1'), await branchCount('branch-3')];
    const moved = await env.ok('demo-secretary', 'member', 'transfer', {
      memberId: DEMO_MEMBER_ID,
      toBranchId: 'branch-3',
      reason: '工作调动',
    });
    expect(moved.member).toMatchObject({ branchId: 'branch-3', branchName: '第三党支部' });
    expect([await branchCount('branch-1'), await branchCount('branch-3')]).toEqual([from - 1, to + 1]);
    const history = (await cloud.database().collection('member_transfers').where({ memberId: DEMO_MEMBER_ID }).get()) as unknown as {
      data: { fromBranchId: string; toBranchId: string; reason: string }[];
    };
    expect(history.data).toEqual([expect.objectContaining({ fromBranchId: 'branch-1', toBranchId: 'branch-3', reason: '工作调动' })]);
    // The old branch's secretary has no say over them any more.
    expect(
      (await env.call('demo-secretary', 'member', 'transfer', { memberId: DEMO_MEMBER_ID, toBranchId: 'branch-1', reason: '调回' })).result,
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it.each([
    [{ memberId: DEMO_MEMBER_ID, toBranchId: 'org-teaching', reason: '调动' }, 'NOT_FOUND'],
    [{ memberId: DEMO_MEMBER_ID, toBranchId: 'branch-1', reason: '调动' }, 'CONFLICT'],
    [{ memberId: 'm-nobody', toBranchId: 'branch-2', reason: '调动' }, 'NOT_FOUND'],
  ])('转接 %j 被拒绝为 %s 且不写入', async (input, code) => {
    const before = await env.snapshot();
    const { result } = await env.call('demo-admin', 'member', 'transfer', input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await env.snapshot()).toEqual(before);
  });

  it.each([
    ['transfer', { memberId: DEMO_MEMBER_ID, toBranchId: 'branch-2' }, 'reason'],
    ['setRole', { memberId: DEMO_MEMBER_ID, role: 'king' }, 'role'],
    ['leave', { reason: 'x'.repeat(101) }, 'reason'],
  ] as const)('%s 错误输入 %j 返回 INVALID_INPUT，字段 %s', async (action, input, field) => {
    const { result } = await env.call('demo-admin', 'member', action, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });

  describe('支部书记不能办理组织部管理员', () => {
    const ORG_ADMIN_REFUSAL = { code: 'FORBIDDEN', message: '支部书记不能办理组织部管理员的组织关系，请联系组织部' };

    it('本支部的组织部管理员：书记不能转接也不能改角色，不写入；组织部可以转接', async () => {
      await env.ok('demo-admin', 'member', 'setRole', { memberId: DEMO_MEMBER_ID, role: 'org_admin' });
      const before = await env.snapshot();
      const moved = await env.call('demo-secretary', 'member', 'transfer', {
        memberId: DEMO_MEMBER_ID,
        toBranchId: 'branch-3',
        reason: '调动',
      });
      expect(moved.result).toMatchObject({ ok: false, error: ORG_ADMIN_REFUSAL });
      const demoted = await env.call('demo-secretary', 'member', 'setRole', { memberId: DEMO_MEMBER_ID, role: 'member' });
      expect(demoted.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await env.snapshot()).toEqual(before);

      const byAdmin = await env.ok('demo-admin', 'member', 'transfer', {
        memberId: DEMO_MEMBER_ID,
        toBranchId: 'branch-3',
        reason: '调动',
      });
      expect(byAdmin.member).toMatchObject({ branchId: 'branch-3', role: 'org_admin' });
    });

    it('书记读到成员后、写入前对方被任命为组织部管理员：转接被拒绝，不写入', async () => {
      const held = env.scheduler.pauseBefore({ invocation: 'move', action: 'database.startTransaction' });
      const moving = env.call({ openid: 'demo-secretary', label: 'move' }, 'member', 'transfer', {
        memberId: DEMO_MEMBER_ID,
        toBranchId: 'branch-3',
        reason: '调动',
      });
      await held.reached;
      await env.ok('demo-admin', 'member', 'setRole', { memberId: DEMO_MEMBER_ID, role: 'org_admin' });
      const before = await env.snapshot();
      held.release();
      expect((await moving).result).toMatchObject({ ok: false, error: ORG_ADMIN_REFUSAL });
      expect(await env.snapshot()).toEqual(before);
    });
  });

  it('退出后不再计入支部人数，也不能再使用党员功能', async () => {
    const before = await branchCount('branch-1');
    await env.ok('demo-member', 'member', 'leave', { reason: '调离本单位' });
    expect(await branchCount('branch-1')).toBe(before - 1);
    expect((await env.call('demo-member', 'activity', 'list', {})).result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('member.exportMine / deleteMine', () => {
  it('导出本人的全部信息，但不含题目答案映射', async () => {
    const started = await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    await env.ok('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers: {} });
    const exported = await env.ok('demo-member', 'member', 'exportMine', {});
    expect(exported.data).toMatchObject({ member: expect.objectContaining({ name: '林红' }), consents: [expect.anything()] });
    expect((exported.data.attempts as unknown[]).length).toBe(2); // this one and the seeded closed contest's
    expect(JSON.stringify(exported)).not.toMatch(/"key"|"orders"/);
  });

  it('注销后姓名与 openid 被移除，成绩仍以匿名计入排行榜', async () => {
    const started = await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    await env.ok('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers: {} });
    const before = await branchCount('branch-1');
    await env.ok('demo-member', 'member', 'deleteMine', { confirm: '注销' });

    expect(await env.ok('demo-member', 'member', 'me', {})).toMatchObject({ member: null, privacyAccepted: false });
    expect(await branchCount('branch-1')).toBe(before - 1);
    const board = await env.ok('demo-admin', 'quiz', 'leaderboard', { contestId: SEED_CONTEST_ID });
    expect(board.items.map((row) => row.name)).toEqual(['已注销用户']);
    const stored = JSON.stringify((await env.snapshot()).members);
    expect(stored).not.toContain('林红');
    expect(stored).not.toContain('"demo-member"');
  });

  it('没有确认字样时不注销', async () => {
    const { result } = await env.call('demo-member', 'member', 'deleteMine', { confirm: 'yes' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'confirm' } });
    expect((await env.ok('demo-member', 'member', 'me', {})).member?.name).toBe('林红');
  });

  it('尚未加入的人也能导出与删除已同意的隐私记录', async () => {
    await env.ok('demo-stranger', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
    expect((await env.ok('demo-stranger', 'member', 'exportMine', {})).data).toMatchObject({ member: null, consents: [expect.anything()] });
    await env.ok('demo-stranger', 'member', 'deleteMine', { confirm: '注销' });
    expect((await env.ok('demo-stranger', 'member', 'me', {})).privacyAccepted).toBe(false);
  });
});

describe('member.auditLog', () => {
  it('组织部按时间倒序读到管理操作及操作人', async () => {
    await env.ok('demo-secretary', 'member', 'createInvite', {});
    clock.advance(1_000);
    await env.ok('demo-admin', 'member', 'setRole', { memberId: DEMO_MEMBER_ID, role: 'secretary' });
    const log = await env.ok('demo-admin', 'member', 'auditLog', { pageSize: 10 });
    expect(log.items.map((row) => [row.action, row.actorName])).toEqual([
      ['member.setRole', '陈静'],
      ['member.createInvite', '赵志刚'],
    ]);
  });
});
