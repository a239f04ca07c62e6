/**
 * The activity function's contract tables: who may call each action (the exact outcome per caller)
 * and how each refuses malformed input.
 */
import { SEED_ACTIVITY_ID } from '../../emulator/seed';
import { useServerClock } from '../support/clock';
import {
  ANY_MEMBER,
  BRANCH_MANAGERS,
  describeBadInputTable,
  describePermissionMatrix,
  INJECTION,
  SCRIPT,
  type Outcome,
} from '../support/contractTables';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { activityDoc, draftInput } from './activity-manage.fixtures';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

/** 第一党支部's secretary and org admins organise its activities; another branch's secretary cannot see them. */
const ORGANISER_OF_BRANCH_1: Outcome[] = ['UNAUTHENTICATED', 'FORBIDDEN', true, 'NOT_FOUND', true];
/** Members of 第一党支部 see its activities; org admins see everything. */
const SEES_BRANCH_1: Outcome[] = ['UNAUTHENTICATED', true, true, 'NOT_FOUND', true];

/** A 第一党支部 activity (published unless said otherwise) written straight into the store. */
function branchActivity(target: TestEnv, status: 'draft' | 'published' = 'published'): string {
  target.store.insertMany('activities', [{ ...activityDoc(clock.now(), { _id: 'ACT-B1', status }) }]);
  return 'ACT-B1';
}

/** Every caller who can holds a place in the seed activity (open to all branches). */
async function placesInSeedActivity(target: TestEnv): Promise<string> {
  for (const openid of ['demo-member', 'demo-secretary', 'seed-member-02', 'demo-admin']) {
    await target.ok(openid, 'activity', 'signUp', { id: SEED_ACTIVITY_ID });
  }
  return SEED_ACTIVITY_ID;
}

describePermissionMatrix(
  'activity',
  [
    ['create', async () => ({ ...draftInput(clock.now()) }), BRANCH_MANAGERS],
    ['update', async (e) => ({ id: branchActivity(e), draft: draftInput(clock.now()) }), ORGANISER_OF_BRANCH_1],
    ['publish', async (e) => ({ id: branchActivity(e, 'draft') }), ORGANISER_OF_BRANCH_1],
    ['cancel', async (e) => ({ id: branchActivity(e), reason: '天气原因' }), ORGANISER_OF_BRANCH_1],
    // Filtered to one 六个一 item, as 我的六个一's 去完成 opens it: the same callers as the plain list.
    ['list', async () => ({ countsFor: 'lesson' }), ANY_MEMBER],
    ['detail', async (e) => ({ id: branchActivity(e) }), SEES_BRANCH_1],
    // A published activity's card is public: it is what a forwarded group-chat card shows anyway.
    ['shareCard', async (e) => ({ id: branchActivity(e) }), [true, true, true, true, true]],
    // An org admin sees every activity but joins only those addressed to their branch.
    ['signUp', async (e) => ({ id: branchActivity(e) }), ['UNAUTHENTICATED', true, true, 'NOT_FOUND', 'FORBIDDEN']],
    ['cancelSignUp', async (e) => ({ id: await placesInSeedActivity(e) }), ANY_MEMBER],
    ['requestLeave', async (e) => ({ id: await placesInSeedActivity(e), reason: '临时出差' }), ANY_MEMBER],
    [
      'addAttendee',
      async (e) => ({ id: branchActivity(e), memberId: 'm-seed-member-01', reason: '支委会决定参加' }),
      ORGANISER_OF_BRANCH_1,
    ],
    ['attendees', async (e) => ({ id: branchActivity(e) }), ORGANISER_OF_BRANCH_1],
    ['exportAttendees', async (e) => ({ id: branchActivity(e) }), ORGANISER_OF_BRANCH_1],
    ['posterCode', async (e) => ({ id: branchActivity(e) }), SEES_BRANCH_1],
  ],
  () => createTestEnv({ now: clock.now() }),
);

const ID = 'ACT-B1';
const REASON = '临时出差';

describeBadInputTable(
  'activity',
  {
    create: {
      caller: 'demo-secretary',
      cases: [
        ['未知类型', { ...draftInput(clock.now()), kind: 'party' }, 'kind'],
        ['标题过短', { ...draftInput(clock.now()), title: 'x' }, 'title'],
        ['时间格式', { ...draftInput(clock.now()), startAt: '明天' }, 'startAt'],
        ['结束不晚于开始', { ...draftInput(clock.now()), endAt: draftInput(clock.now()).startAt }, 'endAt'],
        ['注入', { ...draftInput(clock.now()), audienceBranchIds: [INJECTION] }, 'audienceBranchIds.0'],
        ['外部封面', { ...draftInput(clock.now()), coverFileId: 'https://evil.example/x.png' }, 'coverFileId'],
        ['脚本键', { ...draftInput(clock.now()), [SCRIPT]: 1 }, SCRIPT],
      ],
    },
    update: {
      caller: 'demo-secretary',
      cases: [
        ['缺少草稿', { id: ID }, 'draft'],
        ['注入', { id: INJECTION, draft: draftInput(clock.now()) }, 'id'],
        ['名额过大', { id: ID, draft: { ...draftInput(clock.now()), capacity: 5001 } }, 'draft.capacity'],
        [
          '报名开始不早于截止',
          { id: ID, draft: draftInput(clock.now(), { signUpOpensAt: draftInput(clock.now()).signUpDeadline }) },
          'draft.signUpOpensAt',
        ],
        ['原因过短', { id: ID, draft: draftInput(clock.now()), reason: '改' }, 'reason'],
        ['多余字段', { id: ID, draft: draftInput(clock.now()), status: 'published' }, 'status'],
      ],
    },
    publish: {
      caller: 'demo-secretary',
      cases: [
        ['缺少', {}, 'id'],
        ['为空', { id: '' }, 'id'],
        ['过长', { id: 'a'.repeat(65) }, 'id'],
        ['注入', { id: INJECTION }, 'id'],
        ['多余字段', { id: ID, publishedAt: '2026-11-23T02:00:00Z' }, 'publishedAt'],
      ],
    },
    cancel: {
      caller: 'demo-secretary',
      cases: [
        ['缺少原因', { id: ID }, 'reason'],
        ['原因只有空白', { id: ID, reason: ' 无 ' }, 'reason'],
        ['原因过长', { id: ID, reason: '因'.repeat(201) }, 'reason'],
        ['原因类型错误', { id: ID, reason: 7 }, 'reason'],
        ['脚本', { id: SCRIPT, reason: REASON }, 'id'],
      ],
    },
    list: {
      caller: 'demo-member',
      cases: [
        ['未知范围', { scope: 'all' }, 'scope'],
        ['每页为 0', { pageSize: 0 }, 'pageSize'],
        ['类型错误', { pageSize: '20' }, 'pageSize'],
        ['过长游标', { cursor: 'c'.repeat(201) }, 'cursor'],
        ['注入', { cursor: INJECTION }, 'cursor'],
        ['脚本键', { [SCRIPT]: 1 }, SCRIPT],
        ['未知项目', { countsFor: 'poem' }, 'countsFor'],
        ['项目注入', { countsFor: INJECTION }, 'countsFor'],
        ['“我的”不按项目筛', { scope: 'mine', countsFor: 'lesson' }, 'countsFor'],
      ],
    },
    detail: {
      caller: 'demo-member',
      cases: [
        ['路径', { id: 'a/b' }, 'id'],
        ['类型错误', { id: 42 }, 'id'],
        ['注入', { id: INJECTION }, 'id'],
        ['多余字段', { id: ID, memberId: 'm-demo-secretary' }, 'memberId'],
      ],
    },
    shareCard: {
      caller: 'demo-member',
      cases: [
        ['缺少', {}, 'id'],
        ['汉字', { id: '活动' }, 'id'],
        ['注入', { id: INJECTION }, 'id'],
        ['多余字段', { id: ID, path: '/pages/evil' }, 'path'],
      ],
    },
    signUp: {
      caller: 'demo-member',
      cases: [
        ['为空', { id: '' }, 'id'],
        ['过长', { id: 'a'.repeat(65) }, 'id'],
        ['注入', { id: INJECTION }, 'id'],
        ['提醒类型错误', { id: ID, acceptReminder: 'yes' }, 'acceptReminder'],
        ['替别人报名', { id: ID, memberId: 'm-demo-secretary' }, 'memberId'],
      ],
    },
    cancelSignUp: {
      caller: 'demo-member',
      cases: [
        ['缺少', {}, 'id'],
        ['路径', { id: '../x' }, 'id'],
        ['多余原因', { id: ID, reason: REASON }, 'reason'],
        ['脚本键', { id: ID, [SCRIPT]: 1 }, SCRIPT],
      ],
    },
    requestLeave: {
      caller: 'demo-member',
      cases: [
        ['缺少原因', { id: ID }, 'reason'],
        ['原因过短', { id: ID, reason: ' 好 ' }, 'reason'],
        ['原因过长', { id: ID, reason: '因'.repeat(201) }, 'reason'],
        ['注入', { id: ID, reason: INJECTION }, 'reason'],
        ['多余状态', { id: ID, reason: REASON, status: 'signed' }, 'status'],
      ],
    },
    addAttendee: {
      caller: 'demo-secretary',
      cases: [
        ['缺少成员', { id: ID, reason: REASON }, 'memberId'],
        ['成员格式', { id: ID, memberId: 'm demo', reason: REASON }, 'memberId'],
        ['缺少原因', { id: ID, memberId: 'm-demo-member' }, 'reason'],
        ['原因过短', { id: ID, memberId: 'm-demo-member', reason: 'x' }, 'reason'],
        ['多余字段', { id: ID, memberId: 'm-demo-member', reason: REASON, overCapacity: true }, 'overCapacity'],
      ],
    },
    attendees: {
      caller: 'demo-secretary',
      cases: [
        ['缺少', {}, 'id'],
        ['未知状态', { id: ID, status: 'noshow' }, 'status'],
        ['每页过大', { id: ID, pageSize: 51 }, 'pageSize'],
        ['过长游标', { id: ID, cursor: 'c'.repeat(201) }, 'cursor'],
        ['注入', { id: ID, cursor: INJECTION }, 'cursor'],
      ],
    },
    exportAttendees: {
      caller: 'demo-secretary',
      cases: [
        ['缺少', {}, 'id'],
        ['注入', { id: INJECTION }, 'id'],
        ['多余支部', { id: ID, branchId: 'branch-2' }, 'branchId'],
        ['多余路径', { id: ID, cloudPath: '../../x.xlsx' }, 'cloudPath'],
      ],
    },
    posterCode: {
      caller: 'demo-member',
      cases: [
        ['缺少', {}, 'id'],
        ['路径', { id: 'a/b' }, 'id'],
        ['过长', { id: 'a'.repeat(65) }, 'id'],
        ['多余 scene', { id: ID, scene: 'c=../../x' }, 'scene'],
        ['多余页面', { id: ID, page: 'pages/evil/index' }, 'page'],
      ],
    },
  },
  () => env,
);
