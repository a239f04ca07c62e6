/**
 * The 四红 actions' rows of the stats function's contract tables (test/support/contractTables.ts),
 * run by stats-contract.test.ts: who may call each (the exact outcome per kind of caller: 陌生人 /
 * 党员 and 本支部书记 of 第一党支部 / 第二党支部书记 / 组织部 of 机关第一党支部) and how each refuses
 * malformed input (INVALID_INPUT naming the field, nothing written).
 */
import { seedBrandProgrammeId } from '../../emulator/seed';
import type { BrandStage } from '../../types/labels';
import {
  ANY_MEMBER,
  BRANCH_MANAGERS,
  INJECTION,
  ORG_ADMIN,
  SCRIPT,
  type BadInputCase,
  type Outcome,
  type PermissionCase,
} from '../support/contractTables';
import type { TestEnv } from '../support/localEnv';
import {
  brandDraft,
  DESCRIPTION,
  nominationDoc,
  OTHER_BRANCH,
  OWN_BRANCH,
  peerReviewOf,
  programmeDoc,
  putBrandData,
} from './brand.fixtures';

const PROGRAMME_ID = 'brand-contract';
const NOMINATION_ID = 'nomination-contract';

/**
 * A programme in `stage` with one nomination of 第二党支部, assigned to 第一党支部 for 互查 (and, from
 * 验收 on, accepted).
 */
function staged(stage: BrandStage): (env: TestEnv) => void {
  return (env) => {
    const now = new Date();
    const accepted = stage === 'acceptance' || stage === 'closed';
    putBrandData(env, programmeDoc(PROGRAMME_ID, now, stage), [
      nominationDoc(NOMINATION_ID, PROGRAMME_ID, OTHER_BRANCH, 'classroom', now, {
        reviewerBranchId: OWN_BRANCH,
        reviewerBranchName: '第一党支部',
        ...(stage === 'review' || stage === 'apply' ? {} : { status: 'reviewed', peerReview: peerReviewOf(80, OWN_BRANCH, now) }),
        ...(accepted ? { status: 'accepted', acceptance: { passed: true, note: '', byId: 'm-demo-admin', at: now } } : {}),
      }),
    ]);
  };
}

/** Either secretary sees their own unit's; a member sees nothing before 评议. */
const NOMINATIONS_BEFORE_RATING: Outcome[] = ['UNAUTHENTICATED', 'CLOSED', true, true, true];
/** Only the assigned unit's secretary reviews; the nominating unit's may not. */
const ASSIGNED_SECRETARY: Outcome[] = ['UNAUTHENTICATED', 'FORBIDDEN', true, 'FORBIDDEN', 'FORBIDDEN'];
/** Anyone but the nominating unit's members. */
const NOT_OWN_UNIT: Outcome[] = ['UNAUTHENTICATED', true, true, 'FORBIDDEN', true];
/** Each secretary sees their unit's row, the org every unit. */
const ANY_MANAGER: Outcome[] = ['UNAUTHENTICATED', 'FORBIDDEN', true, true, true];

export const BRAND_PERMISSION_CASES: PermissionCase[] = [
  ['brandProgrammes', async () => ({}), ANY_MEMBER],
  ['saveBrandProgramme', async () => ({ programme: brandDraft(new Date()) }), ORG_ADMIN],
  // For 第一党支部, in the seeded programme's 申报: 第二党支部's secretary may not name another unit.
  [
    'nominate',
    async () => ({
      programmeId: seedBrandProgrammeId(new Date()),
      branchId: OWN_BRANCH,
      brand: 'bookhouse',
      title: '红色书屋',
      description: DESCRIPTION,
    }),
    BRANCH_MANAGERS,
  ],
  [
    'nominations',
    async (env) => {
      staged('apply')(env);
      return { programmeId: PROGRAMME_ID };
    },
    NOMINATIONS_BEFORE_RATING,
  ],
  [
    'assignPeerReviews',
    async (env) => {
      staged('review')(env);
      return { programmeId: PROGRAMME_ID };
    },
    ORG_ADMIN,
  ],
  [
    'peerReview',
    async (env) => {
      staged('review')(env);
      return { nominationId: NOMINATION_ID, score: 90, comment: '材料翔实' };
    },
    ASSIGNED_SECRETARY,
  ],
  [
    'rateNomination',
    async (env) => {
      staged('rating')(env);
      return { nominationId: NOMINATION_ID, score: 4 };
    },
    NOT_OWN_UNIT,
  ],
  [
    'acceptNomination',
    async (env) => {
      staged('acceptance')(env);
      return { nominationId: NOMINATION_ID, passed: false, note: '现场未见展陈' };
    },
    ORG_ADMIN,
  ],
  [
    'selectNomination',
    async (env) => {
      staged('acceptance')(env);
      return { nominationId: NOMINATION_ID, selected: true, commendation: null };
    },
    ORG_ADMIN,
  ],
  ['brandBoard', async () => ({ programmeId: seedBrandProgrammeId(new Date()) }), ANY_MANAGER],
];

const NOW = new Date('2026-11-23T02:00:00Z');
const DRAFT = brandDraft(NOW);
const SEEDED = seedBrandProgrammeId(NOW);
const NOMINATION = { programmeId: SEEDED, brand: 'bookhouse', title: '红色书屋', description: DESCRIPTION };
const LONG = (n: number) => '红'.repeat(n);

export const BRAND_BAD_INPUT: Record<string, { caller: string; cases: BadInputCase[] }> = {
  brandProgrammes: {
    caller: 'demo-member',
    cases: [
      ['每页为 0', { pageSize: 0 }, 'pageSize'],
      ['游标注入', { cursor: INJECTION }, 'cursor'],
      ['游标不是数字', { cursor: SCRIPT }, 'cursor'],
    ],
  },
  saveBrandProgramme: {
    caller: 'demo-admin',
    cases: [
      ['缺少方案', {}, 'programme'],
      ['名称过短', { programme: { ...DRAFT, title: '红' } }, 'programme.title'],
      ['没有品牌', { programme: { ...DRAFT, brands: [] } }, 'programme.brands'],
      ['未知品牌', { programme: { ...DRAFT, brands: [{ key: 'flag', perUnit: 1, selectTotal: 1 }] } }, 'programme.brands.0.key'],
      ['品牌重复', { programme: { ...DRAFT, brands: [DRAFT.brands[0], DRAFT.brands[0]] } }, 'programme.brands.1.key'],
      ['每单位名额为负', { programme: { ...DRAFT, brands: [{ key: 'base', perUnit: -1, selectTotal: 1 }] } }, 'programme.brands.0.perUnit'],
      [
        '评选名额是小数',
        { programme: { ...DRAFT, brands: [{ key: 'base', perUnit: 1, selectTotal: 1.5 }] } },
        'programme.brands.0.selectTotal',
      ],
      ['申报截止不是日期', { programme: { ...DRAFT, applyEndsAt: '下周' } }, 'programme.applyEndsAt'],
      ['互查截止早于申报截止', { programme: { ...DRAFT, reviewEndsAt: DRAFT.applyEndsAt } }, 'programme.reviewEndsAt'],
      ['验收截止等于评议截止', { programme: { ...DRAFT, acceptanceEndsAt: DRAFT.ratingEndsAt } }, 'programme.acceptanceEndsAt'],
      ['自带已评选数', { programme: { ...DRAFT, selected: { base: 0 } } }, 'programme.selected'],
      ['id 注入', { id: INJECTION, programme: DRAFT }, 'id'],
    ],
  },
  nominate: {
    caller: 'demo-secretary',
    cases: [
      ['缺少方案', { ...NOMINATION, programmeId: undefined }, 'programmeId'],
      ['未知品牌', { ...NOMINATION, brand: 'flag' }, 'brand'],
      ['标题过短', { ...NOMINATION, title: '红' }, 'title'],
      ['标题过长', { ...NOMINATION, title: LONG(41) }, 'title'],
      ['简介不足 20 字', { ...NOMINATION, description: '红色书屋每周开放' }, 'description'],
      ['简介超过 1000 字', { ...NOMINATION, description: LONG(1001) }, 'description'],
      ['照片超过 9 张', { ...NOMINATION, photos: Array.from({ length: 10 }, (_, i) => `cloud://env/p${i}.jpg`) }, 'photos'],
      ['照片不是云文件', { ...NOMINATION, photos: ['https://example.com/a.jpg'] }, 'photos.0'],
      ['园丁未选党员', { ...NOMINATION, brand: 'gardener' }, 'nomineeMemberId'],
      ['园丁是外支部党员', { ...NOMINATION, brand: 'gardener', nomineeMemberId: 'm-seed-member-02' }, 'nomineeMemberId'],
      ['书屋却推荐了党员', { ...NOMINATION, nomineeMemberId: 'm-demo-member' }, 'nomineeMemberId'],
      ['自带状态', { ...NOMINATION, status: 'selected' }, 'status'],
    ],
  },
  nominations: {
    caller: 'demo-secretary',
    cases: [
      ['缺少方案', {}, 'programmeId'],
      ['未知状态', { programmeId: SEEDED, status: 'won' }, 'status'],
      ['未知品牌', { programmeId: SEEDED, brand: 'flag' }, 'brand'],
      ['待我互查不是布尔', { programmeId: SEEDED, assignedToMe: 'yes' }, 'assignedToMe'],
      ['单位注入', { programmeId: SEEDED, branchId: INJECTION }, 'branchId'],
    ],
  },
  assignPeerReviews: {
    caller: 'demo-admin',
    cases: [
      ['缺少方案', {}, 'programmeId'],
      ['方案注入', { programmeId: INJECTION }, 'programmeId'],
    ],
  },
  peerReview: {
    caller: 'demo-secretary',
    cases: [
      ['缺少申报', { score: 80, comment: '好' }, 'nominationId'],
      ['分数超过 100', { nominationId: 'n1', score: 101, comment: '好' }, 'score'],
      ['分数为负', { nominationId: 'n1', score: -1, comment: '好' }, 'score'],
      ['分数是小数', { nominationId: 'n1', score: 80.5, comment: '好' }, 'score'],
      ['意见为空', { nominationId: 'n1', score: 80, comment: '   ' }, 'comment'],
      ['意见超过 500 字', { nominationId: 'n1', score: 80, comment: LONG(501) }, 'comment'],
    ],
  },
  rateNomination: {
    caller: 'demo-member',
    cases: [
      ['评分为 0', { nominationId: 'n1', score: 0 }, 'score'],
      ['评分为 6', { nominationId: 'n1', score: 6 }, 'score'],
      ['评分是小数', { nominationId: 'n1', score: 4.5 }, 'score'],
      ['申报注入', { nominationId: INJECTION, score: 4 }, 'nominationId'],
    ],
  },
  acceptNomination: {
    caller: 'demo-admin',
    cases: [
      ['缺少结论', { nominationId: 'n1' }, 'passed'],
      ['未通过却没写原因', { nominationId: 'n1', passed: false }, 'note'],
      ['原因超过 200 字', { nominationId: 'n1', passed: false, note: LONG(201) }, 'note'],
    ],
  },
  selectNomination: {
    caller: 'demo-admin',
    cases: [
      ['缺少选择', { nominationId: 'n1' }, 'selected'],
      ['评语超过 100 字', { nominationId: 'n1', selected: true, commendation: LONG(101) }, 'commendation'],
      ['申报注入', { nominationId: INJECTION, selected: true }, 'nominationId'],
    ],
  },
  brandBoard: {
    caller: 'demo-secretary',
    cases: [
      ['缺少方案', {}, 'programmeId'],
      ['多余的键', { programmeId: SEEDED, branchId: OWN_BRANCH }, 'branchId'],
    ],
  },
};
