/**
 * The quiz function's contract tables: who may call each action (the exact outcome per caller)
 * and how each refuses malformed input.
 */
import { SEED_CONTEST_ID } from '../../emulator/seed';
import { useServerClock } from '../support/clock';
import {
  ANY_MEMBER,
  describeBadInputTable,
  describePermissionMatrix,
  INJECTION,
  NO_INPUT,
  ORG_ADMIN,
  OWNER_ONLY,
  SCRIPT,
} from '../support/contractTables';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
const TODAY = '2026-11-23';
const CONTEST = { contestId: SEED_CONTEST_ID };
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

/** demo-member's attempt at the seed contest, submitted blank when `submitted`. */
async function membersAttempt(env: TestEnv, submitted: boolean): Promise<string> {
  const { attemptId } = await env.ok('demo-member', 'quiz', 'start', CONTEST);
  if (submitted) await env.ok('demo-member', 'quiz', 'submit', { attemptId, answers: {} });
  return attemptId;
}

/** A question in demo-member's 错题本: today's set handed in blank puts all five there. */
async function membersMistake(env: TestEnv): Promise<string> {
  await env.ok('demo-member', 'quiz', 'practice', {});
  const { result } = await env.ok('demo-member', 'quiz', 'practiceSubmit', { day: TODAY, answers: {} });
  return result.review[0]!.questionId;
}

/** A contest demo-admin saved for tomorrow, as a draft or published. */
async function adminsContest(env: TestEnv, draft: boolean): Promise<string> {
  return (await env.ok('demo-admin', 'quiz', 'createContest', { ...NEW_CONTEST, draft })).contestId;
}

/** demo-member's open attempt at a new 逐题限时 contest, and its released question. */
async function membersPerQuestionAttempt(env: TestEnv): Promise<{ attemptId: string; questionId: string }> {
  const { contestId } = await env.ok('demo-admin', 'quiz', 'createContest', {
    ...NEW_CONTEST,
    startAt: '2026-11-23T01:00:00.000Z',
    pace: 'perQuestion',
    secondsPerQuestion: 30,
  });
  const started = await env.ok('demo-member', 'quiz', 'start', { contestId });
  return { attemptId: started.attemptId, questionId: started.questions[0]!.id };
}

const NEW_CONTEST = {
  title: '矩阵测试竞赛',
  startAt: '2026-11-24T00:00:00.000Z',
  endAt: '2026-11-30T00:00:00.000Z',
  rules: [{ count: 1 }],
  timeLimitSec: 600,
};

describePermissionMatrix(
  'quiz',
  [
    ['contests', async () => ({}), ANY_MEMBER],
    ['start', async () => CONTEST, ANY_MEMBER],
    ['submit', async (env) => ({ attemptId: await membersAttempt(env, false), answers: {} }), OWNER_ONLY],
    ['result', async (env) => ({ attemptId: await membersAttempt(env, true) }), OWNER_ONLY],
    ['answerQuestion', async (env) => ({ ...(await membersPerQuestionAttempt(env)), chosen: [0] }), OWNER_ONLY],
    ['reportSwitch', async (env) => ({ attemptId: await membersAttempt(env, false) }), OWNER_ONLY],
    ['leaderboard', async () => CONTEST, ANY_MEMBER],
    ['myRank', async () => CONTEST, ANY_MEMBER],
    ['branchBoard', async () => CONTEST, ANY_MEMBER],
    ['practice', async () => ({}), ANY_MEMBER],
    [
      'practiceSubmit',
      async (env) => {
        await env.ok('demo-member', 'quiz', 'practice', {});
        return { day: TODAY, answers: {} };
      },
      OWNER_ONLY,
    ],
    ['mistakes', async () => ({}), ANY_MEMBER],
    ['retryMistake', async (env) => ({ questionId: await membersMistake(env), answer: [0] }), OWNER_ONLY],
    ['createContest', async () => NEW_CONTEST, ORG_ADMIN],
    ['bankTemplate', async () => ({}), ORG_ADMIN],
    ['importBank', async () => ({ mode: 'validate', fileBase64: 'AAAA' }), ORG_ADMIN],
    ['questions', async () => ({}), ORG_ADMIN],
    ['adminContests', async () => ({}), ORG_ADMIN],
    ['updateContest', async (env) => ({ ...NEW_CONTEST, contestId: await adminsContest(env, false) }), ORG_ADMIN],
    ['publishContest', async (env) => ({ contestId: await adminsContest(env, true) }), ORG_ADMIN],
    ['withdrawContest', async (env) => ({ contestId: await adminsContest(env, false) }), ORG_ADMIN],
    ['closeContest', async () => CONTEST, ORG_ADMIN],
    ['duplicateContest', async () => CONTEST, ORG_ADMIN],
    ['contestAttempts', async () => CONTEST, ORG_ADMIN],
    ['exportResults', async () => CONTEST, ORG_ADMIN],
    ['questionStats', async () => CONTEST, ORG_ADMIN],
  ],
  () => createTestEnv({ now: clock.now() }),
);

const LONG_ID = 'a'.repeat(65);
/** The cases of an action whose one input is a contest or attempt id. */
function idCases(field: string, rest: Record<string, unknown> = {}): [string, unknown, string][] {
  return [
    ['缺少', rest, field],
    ['为空', { ...rest, [field]: '' }, field],
    ['过长', { ...rest, [field]: LONG_ID }, field],
    ['类型错误', { ...rest, [field]: 42 }, field],
    ['注入', { ...rest, [field]: INJECTION }, field],
    ['脚本', { ...rest, [field]: SCRIPT }, field],
  ];
}

describeBadInputTable(
  'quiz',
  {
    contests: {
      caller: 'demo-member',
      cases: [
        ['未知状态', { status: 'all' }, 'status'],
        ['类型错误', { status: 1 }, 'status'],
        ['注入', { status: INJECTION }, 'status'],
        ['多余字段', { branchId: 'branch-1' }, 'branchId'],
      ],
    },
    start: { caller: 'demo-member', cases: idCases('contestId') },
    submit: {
      caller: 'demo-member',
      cases: [
        ...idCases('attemptId', { answers: {} }),
        ['缺少答案', { attemptId: 'a-1' }, 'answers'],
        ['答案类型错误', { attemptId: 'a-1', answers: { 'q-1': 'A' } }, 'answers.q-1'],
        ['分数', { attemptId: 'a-1', answers: {}, score: 100 }, 'score'],
      ],
    },
    result: { caller: 'demo-member', cases: idCases('attemptId') },
    reportSwitch: {
      caller: 'demo-member',
      cases: [
        ...idCases('attemptId'),
        ['答案类型错误', { attemptId: 'a-1', answers: { 'q-1': 'A' } }, 'answers.q-1'],
        ['自报次数', { attemptId: 'a-1', switchCount: 0 }, 'switchCount'],
      ],
    },
    answerQuestion: {
      caller: 'demo-member',
      cases: [
        ...idCases('attemptId', { questionId: 'q-1', chosen: [0] }),
        ['缺少题目', { attemptId: 'a-1', chosen: [0] }, 'questionId'],
        ['题目注入', { attemptId: 'a-1', questionId: INJECTION, chosen: [0] }, 'questionId'],
        ['缺少选择', { attemptId: 'a-1', questionId: 'q-1' }, 'chosen'],
        ['选项越界', { attemptId: 'a-1', questionId: 'q-1', chosen: [10] }, 'chosen.0'],
        ['选择类型错误', { attemptId: 'a-1', questionId: 'q-1', chosen: 'A' }, 'chosen'],
        ['截止时间', { attemptId: 'a-1', questionId: 'q-1', chosen: [0], deadline: '2030-01-01T00:00:00.000Z' }, 'deadline'],
      ],
    },
    leaderboard: {
      caller: 'demo-member',
      cases: [
        ...idCases('contestId'),
        ['过长游标', { ...CONTEST, cursor: 'c'.repeat(81) }, 'cursor'],
        ['每页过多', { ...CONTEST, pageSize: 51 }, 'pageSize'],
      ],
    },
    myRank: { caller: 'demo-member', cases: idCases('contestId') },
    branchBoard: { caller: 'demo-member', cases: idCases('contestId') },
    practice: { caller: 'demo-member', cases: [...NO_INPUT, ['指定日期', { day: '2026-11-22' }, 'day']] },
    practiceSubmit: {
      caller: 'demo-member',
      cases: [
        ['缺少日期', { answers: {} }, 'day'],
        ['日期格式', { day: '2026/11/23', answers: {} }, 'day'],
        ['缺少答案', { day: TODAY }, 'answers'],
        ['答案类型错误', { day: TODAY, answers: { 'q-1': 'A' } }, 'answers.q-1'],
        ['注入', { day: INJECTION, answers: {} }, 'day'],
        ['积分', { day: TODAY, answers: {}, points: 99 }, 'points'],
      ],
    },
    mistakes: {
      caller: 'demo-member',
      cases: [
        ['每页为 0', { pageSize: 0 }, 'pageSize'],
        ['游标格式', { cursor: 'abc' }, 'cursor'],
        ['注入', { cursor: INJECTION }, 'cursor'],
        ['脚本', { cursor: SCRIPT }, 'cursor'],
      ],
    },
    retryMistake: {
      caller: 'demo-member',
      cases: [
        ...idCases('questionId', { answer: [0] }),
        ['缺少答案', { questionId: 'q-1' }, 'answer'],
        ['空答案', { questionId: 'q-1', answer: [] }, 'answer'],
        ['选项越界', { questionId: 'q-1', answer: [10] }, 'answer.0'],
      ],
    },
    createContest: {
      caller: 'demo-admin',
      cases: [
        ['缺少标题', { ...NEW_CONTEST, title: undefined }, 'title'],
        ['过长标题', { ...NEW_CONTEST, title: '题'.repeat(41) }, 'title'],
        ['无规则', { ...NEW_CONTEST, rules: [] }, 'rules'],
        ['时间颠倒', { ...NEW_CONTEST, endAt: '2026-11-20T00:00:00.000Z' }, 'endAt'],
        ['注入', { ...NEW_CONTEST, audienceBranchIds: [INJECTION] }, 'audienceBranchIds.0'],
        ['脚本', { ...NEW_CONTEST, audienceBranchIds: [SCRIPT] }, 'audienceBranchIds.0'],
        ['多次作答却交卷后公布答案', { ...NEW_CONTEST, attemptsAllowed: 2, review: 'afterEachAttempt' }, 'review'],
        ['逐题限时缺每题秒数', { ...NEW_CONTEST, pace: 'perQuestion' }, 'secondsPerQuestion'],
        ['整卷缺时限', { ...NEW_CONTEST, timeLimitSec: undefined }, 'timeLimitSec'],
        ['切屏次数过多', { ...NEW_CONTEST, maxSwitches: 21 }, 'maxSwitches'],
        ['未知节奏', { ...NEW_CONTEST, pace: 'fast' }, 'pace'],
      ],
    },
    bankTemplate: { caller: 'demo-admin', cases: [...NO_INPUT, ['模式', { mode: 'template' }, 'mode']] },
    importBank: {
      caller: 'demo-admin',
      cases: [
        ['缺少模式', { fileBase64: 'AAAA' }, 'mode'],
        ['模板模式', { mode: 'template' }, 'mode'],
        ['缺少文件', { mode: 'import' }, 'fileBase64'],
        ['空文件', { mode: 'import', fileBase64: '' }, 'fileBase64'],
        ['不是 base64', { mode: 'import', fileBase64: SCRIPT }, 'fileBase64'],
        ['注入', { mode: 'import', fileBase64: INJECTION }, 'fileBase64'],
      ],
    },
    adminContests: {
      caller: 'demo-admin',
      cases: [
        ['未知状态', { status: 'archived' }, 'status'],
        ['注入', { status: INJECTION }, 'status'],
        ['多余字段', { branchId: 'branch-1' }, 'branchId'],
      ],
    },
    updateContest: {
      caller: 'demo-admin',
      cases: [
        ...idCases('contestId', NEW_CONTEST),
        ['缺少标题', { ...NEW_CONTEST, contestId: 'c-1', title: undefined }, 'title'],
        ['时间颠倒', { ...NEW_CONTEST, contestId: 'c-1', endAt: '2026-11-20T00:00:00.000Z' }, 'endAt'],
        ['多次作答却交卷后公布答案', { ...NEW_CONTEST, contestId: 'c-1', attemptsAllowed: 3, review: 'afterEachAttempt' }, 'review'],
        ['改草稿状态', { ...NEW_CONTEST, contestId: 'c-1', draft: true }, 'draft'],
      ],
    },
    publishContest: { caller: 'demo-admin', cases: idCases('contestId') },
    withdrawContest: { caller: 'demo-admin', cases: idCases('contestId') },
    closeContest: {
      caller: 'demo-admin',
      cases: [...idCases('contestId'), ['指定结束时间', { ...CONTEST, endAt: '2026-11-23T00:00:00.000Z' }, 'endAt']],
    },
    duplicateContest: { caller: 'demo-admin', cases: [...idCases('contestId'), ['指定标题', { ...CONTEST, title: SCRIPT }, 'title']] },
    contestAttempts: {
      caller: 'demo-admin',
      cases: [
        ...idCases('contestId'),
        ['每页过多', { ...CONTEST, pageSize: 51 }, 'pageSize'],
        ['过长游标', { ...CONTEST, cursor: 'c'.repeat(201) }, 'cursor'],
        ['游标格式', { ...CONTEST, cursor: 'abc' }, 'cursor'],
      ],
    },
    exportResults: { caller: 'demo-admin', cases: idCases('contestId') },
    questionStats: { caller: 'demo-admin', cases: idCases('contestId') },
    questions: {
      caller: 'demo-admin',
      cases: [
        ['未知分类', { category: '宋朝' }, 'category'],
        ['每页过多', { pageSize: 51 }, 'pageSize'],
        ['过长游标', { cursor: 'c'.repeat(201) }, 'cursor'],
        ['注入', { category: INJECTION }, 'category'],
      ],
    },
  },
  () => env,
);
