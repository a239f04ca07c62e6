/**
 * The "红色教育进学院" programme for 2026 with its 六个一 items, as data (ARCHITECTURE.md, "Demo data").
 *
 * The programme documents give a date only for the theory articles on local red resources
 * (≤ 3000 字, due 6月26日), which are a separate call, not one of the six items; it is kept in
 * `theoryArticle`. The six items have `deadline: null` (the documents only say "each year").
 */

import { DEFAULT_EVIDENCE, DEFAULT_POINTS } from '../../core/stats/rules';
import { formatShanghai } from '../../core/time';
import type { BranchQuota } from '../../types/contracts/stats';
import type { ProgrammeItemKey } from '../../types/labels';
import { selfReportSlot, type MemberDoc, type ProgrammeDoc, type SelfReportDoc } from '../../server/documents';

/** What the branch has to hand in to show an item was done. */
export type ProgrammeEvidence = 'video' | 'record' | 'text';

/** Who a quota is counted over: once for the branch, or once per member of the branch. */
export type ProgrammeQuotaScope = 'branch' | 'everyMember';

export interface ProgrammeBranchQuota {
  scope: ProgrammeQuotaScope;
  /** At least this many per branch (scope 'branch') or per member (scope 'everyMember'). */
  count: number;
  evidence: ProgrammeEvidence;
  /** Chinese, for the user. */
  description: string;
  /** Video items only. */
  maxMinutes?: number;
  recommendedMinutes?: number;
  format?: 'mp4';
}

export interface ProgrammeItem {
  key: ProgrammeItemKey;
  title: string;
  /** What one member must do (Chinese). */
  perMember: string;
  branchQuota: ProgrammeBranchQuota;
  /** ISO date (YYYY-MM-DD) when the documents give one; null otherwise. */
  deadline: string | null;
  /** Suggestions from the documents (stories, books, bases …), Chinese. */
  suggestions: string[];
}

export interface ProgrammeTheoryArticle {
  title: string;
  maxChars: number;
  deadline: string;
  submitTo: string;
  description: string;
}

export interface ProgrammeSeed {
  id: string;
  title: string;
  year: number;
  description: string;
  principles: string[];
  items: ProgrammeItem[];
  theoryArticle: ProgrammeTheoryArticle;
}

export const seedProgramme: ProgrammeSeed = {
  id: 'red-education-2026',
  title: '2026年“红色教育进学院”六个一活动',
  year: 2026,
  description:
    '将红色教育纳入党委理论学习中心组和各党支部学习计划，每个党支部全年开展“六个一”活动：上好一堂党课、宣讲一个故事、阅读一本书籍、观看一部影视、参观一处景点、撰写一篇心得。活动情况以文字、图片、视频形式报送组织部、宣传部，纳入党支部年度考核。',
  principles: ['全面', '节俭', '务实', '高效'],
  items: [
    {
      key: 'lesson',
      title: '上好一堂红色教育党课',
      perMember: '参加本支部书记讲授的红色教育党课并完成学习打卡。',
      branchQuota: {
        scope: 'branch',
        count: 1,
        evidence: 'video',
        description:
          '支部书记至少讲授一堂红色教育党课并撰写教案；支部至少报送一个党课视频，时长宜在20分钟以内、最长不超过30分钟，仅限MP4格式，报送组织部，优秀作品推荐参加市级年终评选。',
        maxMinutes: 30,
        recommendedMinutes: 20,
        format: 'mp4',
      },
      deadline: null,
      suggestions: ['专题式、案例式、体验式、研讨式等教学方法'],
    },
    {
      key: 'story',
      title: '宣讲一个红色教育故事',
      perMember: '参加支部红色故事宣讲活动，学习并能讲述一个永州本地红色故事。',
      branchQuota: {
        scope: 'branch',
        count: 1,
        evidence: 'record',
        description: '每个党支部至少组织一次红色故事宣讲活动，留存文字、图片或视频记录。',
      },
      deadline: null,
      suggestions: [
        '红三十四师在永州的故事',
        '红六军团“半截象牙筷”',
        '红六军团“一块木板”',
        '红六军团“一担箩筐”',
        '“红军泉”的故事',
        '陈树湘的绝对忠诚',
        '陶铸的松树风格',
        '李达的求真精神',
        '军民“双拥”故事',
      ],
    },
    {
      key: 'book',
      title: '阅读一本红色教育书籍',
      perMember: '阅读至少一本红色教育书籍并记录读书笔记。',
      branchQuota: {
        scope: 'everyMember',
        count: 1,
        evidence: 'text',
        description: '组织党员阅读红色教育读本或其他红色经典，每名党员至少读完一本。',
      },
      deadline: null,
      suggestions: ['市级红色教育读本', '其他红色经典书籍'],
    },
    {
      key: 'film',
      title: '观看一部红色教育影视',
      perMember: '参加支部组织的红色影视观影活动。',
      branchQuota: {
        scope: 'branch',
        count: 1,
        evidence: 'record',
        description: '每个党支部至少组织一次红色影视集中观看活动，留存图片或文字记录。',
      },
      deadline: null,
      suggestions: [],
    },
    {
      key: 'visit',
      title: '参观一处红色教育景点',
      perMember: '参加支部组织的红色教育基地参观学习并完成现场打卡。',
      branchQuota: {
        scope: 'branch',
        count: 1,
        evidence: 'record',
        description: '每个党支部至少组织一次到推荐红色教育基地或教学点的参观学习，留存图片或文字记录。',
      },
      deadline: null,
      suggestions: [
        '道县陈树湘党性教育基地',
        '零陵红六军团指挥部旧址',
        '蓝山中国工农红军新村渡口',
        '蓝山云冰山哨所',
        '双牌红军泉',
        '新田小源会议旧址',
        '冷水滩李达故居',
        '祁阳陶铸故居',
        '江华故居',
        '潘市红军学校',
        '红六军团在龙凼',
        '乐天宇事迹陈列馆',
      ],
    },
    {
      key: 'reflection',
      title: '撰写一篇红色教育心得',
      perMember: '撰写至少一篇红色教育心得体会并提交。',
      branchQuota: {
        scope: 'everyMember',
        count: 1,
        evidence: 'text',
        description: '每名党员至少撰写一篇红色教育心得，支部汇总报送。鼓励创作游记、故事、诗歌、散文、书画、摄影、视频、歌舞等作品。',
      },
      deadline: null,
      suggestions: ['游记', '故事', '诗歌', '散文', '书法', '绘画', '摄影', '视频', '歌曲', '舞蹈'],
    },
  ],
  theoryArticle: {
    title: '永州本地红色资源理论文章征集',
    maxChars: 3000,
    deadline: '2026-06-26',
    submitTo: '组织部',
    description: '围绕永州本地红色资源撰写理论文章，题目自拟，不超过3000字，6月26日前报送组织部，优秀文章推荐参加市级评选。',
  },
};

/**
 * The branch-level halves of the items, as quotas the dashboard counts: the lesson video, and one
 * 宣讲, 观影 and 参观 held by the branch. The per-member halves (a book, a reflection each) are the
 * member items themselves.
 */
const SEED_BRANCH_QUOTAS: BranchQuota[] = [
  { key: 'lessonVideo', label: '党课视频', source: { type: 'story', kind: 'lessonVideo' }, count: 1 },
  { key: 'storyTalk', label: '红色故事宣讲活动', source: { type: 'activity', kind: 'story_talk' }, count: 1 },
  { key: 'filmShow', label: '集中观影活动', source: { type: 'activity', kind: 'film' }, count: 1 },
  { key: 'baseVisit', label: '基地参观学习', source: { type: 'activity', kind: 'visit' }, count: 1 },
];

/**
 * 学时 each member should reach: the documents set none, so the demo asks for four half-day visits'
 * worth to show the target line.
 */
const SEED_STUDY_HOURS_TARGET = 16;

/** The year of `now` in Asia/Shanghai: the seeded programme always runs. */
function shanghaiYear(now: Date): number {
  return Number(formatShanghai(now, 'YYYY'));
}

export function seedProgrammeId(now: Date): string {
  return `red-education-${shanghaiYear(now)}`;
}

/**
 * The programme documents' items as the stored programme of the year of `now` (1 January to
 * 1 January in Asia/Shanghai), with the default evidence and points (core/stats/rules.ts).
 */
export function seedProgrammeDoc(now: Date): ProgrammeDoc {
  const year = shanghaiYear(now);
  return {
    _id: seedProgrammeId(now),
    title: seedProgramme.title.replace(String(seedProgramme.year), String(year)),
    year,
    description: seedProgramme.description,
    startsAt: new Date(`${year}-01-01T00:00:00+08:00`),
    endsAt: new Date(`${year + 1}-01-01T00:00:00+08:00`),
    items: seedProgramme.items.map((item) => ({
      key: item.key,
      title: item.title,
      perMember: item.perMember,
      evidence: DEFAULT_EVIDENCE[item.key],
      storyKinds: [],
      deadline: item.deadline,
    })),
    branchQuotas: SEED_BRANCH_QUOTAS,
    studyHoursTarget: SEED_STUDY_HOURS_TARGET,
    points: { ...DEFAULT_POINTS },
    createdAt: now,
    updatedAt: now,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const PENDING_SELF_REPORT_ID = 'report-demo-member-book';
export const CONFIRMED_SELF_REPORT_ID = 'report-seed-member-06-film';

/**
 * Two 自报 in 第一党支部: demo-member's book waiting in demo-secretary's queue, and a film another
 * member reported that the secretary confirmed. Their photos are not in the local storage (the seed
 * writes documents only), so the queue shows them without a picture.
 */
export function seedSelfReports(now: Date, members: readonly MemberDoc[]): SelfReportDoc[] {
  const programmeId = seedProgrammeId(now);
  const nameOf = (memberId: string) => members.find((member) => member._id === memberId)?.name ?? '';
  const pending: SelfReportDoc = {
    _id: PENDING_SELF_REPORT_ID,
    programmeId,
    memberId: 'm-demo-member',
    branchId: 'branch-1',
    memberName: nameOf('m-demo-member'),
    item: 'book',
    title: '《红星照耀中国》',
    note: '读完全书，摘抄了长征途中的几段记述。',
    photoFileId: 'cloud://local.hongtu-local/self-reports/demo-member/book.jpg',
    status: 'pending',
    slot: selfReportSlot(programmeId, 'm-demo-member', 'book'),
    reportedAt: new Date(now.getTime() - 2 * DAY_MS),
    decidedAt: null,
    decidedBy: null,
    reason: '',
  };
  const confirmedAt = new Date(now.getTime() - 10 * DAY_MS);
  const confirmed: SelfReportDoc = {
    ...pending,
    _id: CONFIRMED_SELF_REPORT_ID,
    memberId: 'm-seed-member-06',
    memberName: nameOf('m-seed-member-06'),
    item: 'film',
    title: '《建国大业》',
    note: '支部集中观影后补看了一遍。',
    photoFileId: 'cloud://local.hongtu-local/self-reports/seed-member-06/film.jpg',
    status: 'confirmed',
    slot: selfReportSlot(programmeId, 'm-seed-member-06', 'film'),
    reportedAt: new Date(confirmedAt.getTime() - DAY_MS),
    decidedAt: confirmedAt,
    decidedBy: 'm-demo-secretary',
  };
  return [pending, confirmed];
}
