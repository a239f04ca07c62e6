/**
 * The story function's contract tables: who may call each action (the exact outcome per caller)
 * and how each refuses malformed input. The authoring actions' rows come from
 * story-authoring.cases.ts; the review chain's, feed's, ratings' and campaigns' are here.
 */
import { STORY_CONTEST_ID } from '../../emulator/seed';
import { useServerClock } from '../support/clock';
import {
  ANY_MEMBER,
  BRANCH_MANAGERS,
  describeBadInputTable,
  describePermissionMatrix,
  INJECTION,
  ORG_ADMIN,
  SCRIPT,
  type Outcome,
  type PermissionCase,
} from '../support/contractTables';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { AUTHORING_BAD_INPUT, AUTHORING_PERMISSION_CASES } from './story-authoring.cases';
import { after, DAY, placeApproved, placeCampaign, placeStory } from './story.fixtures';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  env = createTestEnv({ now: clock.now() });
});

const WORK_ID = 'work-chain';
const CAMPAIGN_ID = 'camp-contract';
const LONG_ID = 'a'.repeat(65);
/** Every secretary has a queue: their own branch's. */
const ANY_REVIEWER: Outcome[] = ['UNAUTHENTICATED', 'FORBIDDEN', true, true, true];

/** demo-member's work in 第一党支部, waiting for review. */
async function pendingWork(env: TestEnv): Promise<void> {
  placeStory(env, clock.now(), { _id: WORK_ID });
}

/** An approved work of another member of 第一党支部 (so demo-member may rate it), in an open campaign. */
async function approvedWork(env: TestEnv, fields: Parameters<typeof placeApproved>[2] = { _id: WORK_ID }): Promise<void> {
  placeCampaign(env, clock.now(), { _id: CAMPAIGN_ID });
  placeApproved(env, clock.now(), { author: 'seed-member-06', campaignId: CAMPAIGN_ID, ...fields });
}

const CAMPAIGN_DRAFT = {
  title: '红色家书诵读征集',
  kinds: ['story'],
  opensAt: after(clock.now(), DAY).toISOString(),
  closesAt: after(clock.now(), 30 * DAY).toISOString(),
  awards: { first: 1, second: 2, third: 3, excellent: 5 },
};

const REVIEW_CHAIN_CASES: PermissionCase[] = [
  ['feed', async () => ({}), ANY_MEMBER],
  ['reviewQueue', async () => ({}), ANY_REVIEWER],
  [
    'review',
    async (env) => {
      await pendingWork(env);
      return { id: WORK_ID, decision: 'approve' };
    },
    BRANCH_MANAGERS,
  ],
  [
    'recommend',
    async (env) => {
      await approvedWork(env);
      return { id: WORK_ID };
    },
    BRANCH_MANAGERS,
  ],
  ['selectionQueue', async () => ({}), ORG_ADMIN],
  [
    'select',
    async (env) => {
      await approvedWork(env, { _id: WORK_ID, selectionState: 'recommended' });
      return { id: WORK_ID, award: 'first' };
    },
    ORG_ADMIN,
  ],
  [
    'rate',
    async (env) => {
      await approvedWork(env);
      return { id: WORK_ID, score: 5 };
    },
    ANY_MEMBER,
  ],
  ['campaigns', async () => ({}), ANY_MEMBER],
  ['saveCampaign', async () => ({ campaign: CAMPAIGN_DRAFT }), ORG_ADMIN],
  ['campaignRanking', async () => ({ campaignId: STORY_CONTEST_ID }), ANY_MEMBER],
];

describePermissionMatrix('story', [...AUTHORING_PERMISSION_CASES, ...REVIEW_CHAIN_CASES], () => createTestEnv({ now: clock.now() }));

describeBadInputTable(
  'story',
  {
    ...AUTHORING_BAD_INPUT,
    feed: {
      caller: 'demo-member',
      cases: [
        ['未知类型', { kind: 'poem' }, 'kind'],
        ['征集 id 注入', { campaignId: INJECTION }, 'campaignId'],
        ['支部 id 过长', { branchId: LONG_ID }, 'branchId'],
        ['基地 id 脚本', { baseId: SCRIPT }, 'baseId'],
        ['征集和支部同时筛选', { campaignId: CAMPAIGN_ID, branchId: 'branch-1' }, 'branchId'],
        ['支部和基地同时筛选', { branchId: 'branch-1', baseId: 'daoxian-chenshuxiang' }, 'baseId'],
        ['游标脚本', { cursor: SCRIPT }, 'cursor'],
        ['偏移量游标', { cursor: '20' }, 'cursor'],
        ['每页过多', { pageSize: 51 }, 'pageSize'],
        ['每页为零', { pageSize: 0 }, 'pageSize'],
        ['按状态查看', { status: 'pending' }, 'status'],
      ],
    },
    reviewQueue: {
      caller: 'demo-secretary',
      cases: [
        ['游标脚本', { cursor: SCRIPT }, 'cursor'],
        ['每页过多', { pageSize: 51 }, 'pageSize'],
        ['指定支部', { branchId: 'branch-2' }, 'branchId'],
      ],
    },
    review: {
      caller: 'demo-secretary',
      cases: [
        ['缺少 id', { decision: 'approve' }, 'id'],
        ['id 注入', { id: INJECTION, decision: 'approve' }, 'id'],
        ['缺少决定', { id: WORK_ID }, 'decision'],
        ['未知决定', { id: WORK_ID, decision: 'publish' }, 'decision'],
        ['退回不写原因', { id: WORK_ID, decision: 'return' }, 'comment'],
        ['退回原因只有空白', { id: WORK_ID, decision: 'return', comment: '   ' }, 'comment'],
        ['意见过长', { id: WORK_ID, decision: 'return', comment: '改'.repeat(201) }, 'comment'],
        ['意见不是文字', { id: WORK_ID, decision: 'approve', comment: 42 }, 'comment'],
        ['自带审核人', { id: WORK_ID, decision: 'approve', reviewerId: 'm-demo-admin' }, 'reviewerId'],
      ],
    },
    recommend: {
      caller: 'demo-secretary',
      cases: [
        ['缺少 id', {}, 'id'],
        ['id 过长', { id: LONG_ID }, 'id'],
        ['推荐语过长', { id: WORK_ID, note: '荐'.repeat(201) }, 'note'],
        ['推荐语注入', { id: WORK_ID, note: INJECTION }, 'note'],
        ['直接入选', { id: WORK_ID, selectionState: 'selected' }, 'selectionState'],
      ],
    },
    selectionQueue: {
      caller: 'demo-admin',
      cases: [
        ['征集 id 注入', { campaignId: INJECTION }, 'campaignId'],
        ['游标脚本', { cursor: SCRIPT }, 'cursor'],
        ['每页过多', { pageSize: 51 }, 'pageSize'],
        ['按支部', { branchId: 'branch-1' }, 'branchId'],
      ],
    },
    select: {
      caller: 'demo-admin',
      cases: [
        ['缺少奖项', { id: WORK_ID }, 'award'],
        ['未知奖项', { id: WORK_ID, award: 'special' }, 'award'],
        ['奖项不是文字', { id: WORK_ID, award: 1 }, 'award'],
        ['id 注入', { id: INJECTION, award: null }, 'id'],
        ['自带已颁数', { id: WORK_ID, award: 'first', awarded: { first: 0 } }, 'awarded'],
      ],
    },
    rate: {
      caller: 'demo-member',
      cases: [
        ['缺少分数', { id: WORK_ID }, 'score'],
        ['零分', { id: WORK_ID, score: 0 }, 'score'],
        ['六分', { id: WORK_ID, score: 6 }, 'score'],
        ['半分', { id: WORK_ID, score: 4.5 }, 'score'],
        ['分数是文字', { id: WORK_ID, score: '5' }, 'score'],
        ['缺少 id', { score: 5 }, 'id'],
        ['替别人评', { id: WORK_ID, score: 5, memberId: 'm-seed-member-01' }, 'memberId'],
      ],
    },
    campaigns: {
      caller: 'demo-member',
      cases: [
        ['游标脚本', { cursor: SCRIPT }, 'cursor'],
        ['每页过多', { pageSize: 51 }, 'pageSize'],
        ['看全部', { all: true }, 'all'],
      ],
    },
    saveCampaign: {
      caller: 'demo-admin',
      cases: [
        ['缺少征集', {}, 'campaign'],
        ['名称过短', { campaign: { ...CAMPAIGN_DRAFT, title: '征' } }, 'campaign.title'],
        ['没有作品类型', { campaign: { ...CAMPAIGN_DRAFT, kinds: [] } }, 'campaign.kinds'],
        ['未知作品类型', { campaign: { ...CAMPAIGN_DRAFT, kinds: ['poem'] } }, 'campaign.kinds.0'],
        ['作品类型重复', { campaign: { ...CAMPAIGN_DRAFT, kinds: ['story', 'story'] } }, 'campaign.kinds'],
        ['开始时间不是时间', { campaign: { ...CAMPAIGN_DRAFT, opensAt: '6月26日' } }, 'campaign.opensAt'],
        ['截止早于开始', { campaign: { ...CAMPAIGN_DRAFT, closesAt: CAMPAIGN_DRAFT.opensAt } }, 'campaign.closesAt'],
        ['评议截止早于征集截止', { campaign: { ...CAMPAIGN_DRAFT, ratingClosesAt: CAMPAIGN_DRAFT.opensAt } }, 'campaign.ratingClosesAt'],
        ['任务数为零', { campaign: { ...CAMPAIGN_DRAFT, branchQuotas: [{ kind: 'story', count: 0 }] } }, 'campaign.branchQuotas.0.count'],
        [
          '任务类型不在征集内',
          { campaign: { ...CAMPAIGN_DRAFT, branchQuotas: [{ kind: 'lessonVideo', count: 1 }] } },
          'campaign.branchQuotas.0.kind',
        ],
        ['奖项为负', { campaign: { ...CAMPAIGN_DRAFT, awards: { ...CAMPAIGN_DRAFT.awards, first: -1 } } }, 'campaign.awards.first'],
        ['缺少三等奖名额', { campaign: { ...CAMPAIGN_DRAFT, awards: { first: 1, second: 2, excellent: 5 } } }, 'campaign.awards.third'],
        ['权重超过 100', { campaign: { ...CAMPAIGN_DRAFT, ratingWeight: 101 } }, 'campaign.ratingWeight'],
        ['自带已颁数', { campaign: { ...CAMPAIGN_DRAFT, awarded: { first: 1, second: 0, third: 0, excellent: 0 } } }, 'campaign.awarded'],
        ['id 注入', { id: INJECTION, campaign: CAMPAIGN_DRAFT }, 'id'],
      ],
    },
    campaignRanking: {
      caller: 'demo-member',
      cases: [
        ['缺少征集', {}, 'campaignId'],
        ['征集 id 注入', { campaignId: INJECTION }, 'campaignId'],
        ['前零名', { campaignId: STORY_CONTEST_ID, top: 0 }, 'top'],
        ['前 51 名', { campaignId: STORY_CONTEST_ID, top: 51 }, 'top'],
        ['按支部', { campaignId: STORY_CONTEST_ID, branchId: 'branch-1' }, 'branchId'],
      ],
    },
  },
  () => env,
);
