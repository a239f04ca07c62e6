/**
 * Enumerations and their Chinese labels, free of zod so the mini-program can show them without
 * bundling the schema library (about 90 KB of the main package). The schemas build on these.
 */
export const ROLES = ['member', 'secretary', 'org_admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  secretary: '支部书记',
  org_admin: '组织部',
};

export const PARTY_STATUSES = ['full', 'probationary', 'activist'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];
export const PARTY_STATUS_LABELS: Record<PartyStatus, string> = {
  full: '正式党员',
  probationary: '预备党员',
  activist: '入党积极分子',
};

export const ORG_KINDS = ['committee', 'general_branch', 'branch'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
};

export const ACTIVITY_KINDS = ['lesson', 'theme_day', 'story_talk', 'reading', 'film', 'visit', 'seminar', 'volunteer'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  lesson: '党课',
  theme_day: '主题党日',
  story_talk: '红色故事宣讲',
  reading: '读书',
  film: '观影',
  visit: '参观红色教育基地',
  seminar: '研讨',
  volunteer: '志愿服务',
};

/** Draft → published → finished, or cancelled (with a reason) from draft or published. */
export const ACTIVITY_STATUSES = ['draft', 'published', 'finished', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  draft: '草稿',
  published: '已发布',
  finished: '已结束',
  cancelled: '已取消',
};

/**
 * A member's place in one activity. Cancelling and 请假 are statuses, never deletes, so the history
 * stays; a no-show is not stored but derived (signed, the activity over, no check-in, no leave).
 */
export const SIGN_UP_STATUSES = ['signed', 'waitlisted', 'leave', 'cancelled'] as const;
export type SignUpStatus = (typeof SIGN_UP_STATUSES)[number];
export const SIGN_UP_STATUS_LABELS: Record<SignUpStatus, string> = {
  signed: '已报名',
  waitlisted: '候补中',
  leave: '已请假',
  cancelled: '已取消',
};

/** The programme's 六个一 items a member completes; an activity may count for one of them. */
export const PROGRAMME_ITEM_KEYS = ['lesson', 'story', 'book', 'film', 'visit', 'reflection'] as const;
export type ProgrammeItemKey = (typeof PROGRAMME_ITEM_KEYS)[number];
export const PROGRAMME_ITEM_LABELS: Record<ProgrammeItemKey, string> = {
  lesson: '上好一堂党课',
  story: '宣讲一个故事',
  book: '阅读一本书籍',
  film: '观看一部影视',
  visit: '参观一处景点',
  reflection: '撰写一篇心得',
};

/** 全国 / 省级 / 市级 (爱国主义教育基地 / 党性教育基地 designations); a base may have none known. */
export const BASE_LEVELS = ['national', 'provincial', 'city'] as const;
export type BaseLevel = (typeof BASE_LEVELS)[number];
export const BASE_LEVEL_LABELS: Record<BaseLevel, string> = { national: '全国', provincial: '省级', city: '市级' };

/** Invite codes: short and unambiguous (no 0/O, 1/I/L) so they survive being read aloud or typed from a poster. */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 8;
export const INVITE_CODE_PATTERN = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`);
/** The one-time code `npm run deploy` prints for the first org admin: the same alphabet, longer, since it makes an admin. */
export const BOOTSTRAP_CODE_LENGTH = 12;
export const BOOTSTRAP_CODE_PATTERN = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${BOOTSTRAP_CODE_LENGTH}}$`);

/** How a check-in was made: the way a roster and a member's history name it. */
export const CHECKIN_METHODS = ['code', 'base', 'personal', 'backfill'] as const;
export type CheckinMethod = (typeof CHECKIN_METHODS)[number];
export const CHECKIN_METHOD_LABELS: Record<CheckinMethod, string> = {
  code: '扫签到码',
  base: '基地打卡',
  personal: '出示个人码',
  backfill: '补录',
};

/** Suspicious-attempt flags for organisers. They inform; they never change a score. */
export const ATTEMPT_FLAGS = ['tooFast', 'sameAnswers'] as const;
export type AttemptFlag = (typeof ATTEMPT_FLAGS)[number];
export const ATTEMPT_FLAG_LABELS: Record<AttemptFlag, string> = {
  tooFast: '答题快于读题',
  sameAnswers: '与他人答案完全相同',
};

/** 投稿 kinds (issue 13); each one's limits are in core/story/rules.ts. */
export const STORY_KINDS = ['story', 'reflection', 'article', 'lessonVideo', 'artwork'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];
export const STORY_KIND_LABELS: Record<StoryKind, string> = {
  story: '红色故事',
  reflection: '心得体会',
  article: '理论文章',
  lessonVideo: '党课视频',
  artwork: '文艺作品',
};

/**
 * Where a work is in its chain: draft → (submit) → checking (images at WeChat's media check) →
 * pending (the branch secretary's review) → approved, or returned with a comment, or rejected by
 * content security. Recommendation and selection are marks on an approved work, not statuses.
 */
export const STORY_STATUSES = ['draft', 'checking', 'rejected', 'pending', 'returned', 'approved'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];
export const STORY_STATUS_LABELS: Record<StoryStatus, string> = {
  draft: '草稿',
  checking: '安全检测中',
  rejected: '未通过安全检测',
  pending: '待支部审核',
  returned: '已退回修改',
  approved: '已发布',
};

/** The org's awards in 择优上报, best first. */
export const STORY_AWARDS = ['first', 'second', 'third', 'excellent'] as const;
export type StoryAward = (typeof STORY_AWARDS)[number];
export const STORY_AWARD_LABELS: Record<StoryAward, string> = {
  first: '一等奖',
  second: '二等奖',
  third: '三等奖',
  excellent: '优秀奖',
};

/** 四红 brands a unit (党支部) recommends in a brand programme (ARCHITECTURE.md, "Statistics"). */
export const BRAND_KEYS = ['gardener', 'bookhouse', 'classroom', 'base'] as const;
export type BrandKey = (typeof BRAND_KEYS)[number];
export const BRAND_LABELS: Record<BrandKey, string> = {
  gardener: '红色园丁',
  bookhouse: '红色书屋',
  classroom: '红色课堂',
  base: '红色基地',
};

/**
 * A brand programme's stages, each closing at its deadline: 申报 → 互查 → 评议 → 验收, then closed.
 * Which one holds at an instant is core/brand/stage.ts.
 */
export const BRAND_STAGES = ['apply', 'review', 'rating', 'acceptance', 'closed'] as const;
export type BrandStage = (typeof BRAND_STAGES)[number];
export const BRAND_STAGE_LABELS: Record<BrandStage, string> = {
  apply: '申报',
  review: '互查',
  rating: '评议',
  acceptance: '验收',
  closed: '已结束',
};

/** submitted → reviewed (互查 done) → accepted or failed (验收) → selected (评选, from accepted only). */
export const BRAND_NOMINATION_STATUSES = ['submitted', 'reviewed', 'accepted', 'failed', 'selected'] as const;
export type BrandNominationStatus = (typeof BRAND_NOMINATION_STATUSES)[number];
export const BRAND_NOMINATION_STATUS_LABELS: Record<BrandNominationStatus, string> = {
  submitted: '已申报',
  reviewed: '已互查',
  accepted: '验收通过',
  failed: '验收未通过',
  selected: '已评选',
};

/** A nomination's field limits, shared by the contract and the pages without bringing zod into the app. */
export const BRAND_TITLE_MIN = 2;
export const BRAND_TITLE_MAX = 40;
/** 字数 as core/story/wordCount.ts counts them. */
export const BRAND_DESCRIPTION_MIN_WORDS = 20;
export const BRAND_DESCRIPTION_MAX_WORDS = 1000;
export const BRAND_PHOTOS_MAX = 9;
export const BRAND_REVIEW_COMMENT_MAX = 500;
export const BRAND_ACCEPTANCE_NOTE_MAX = 200;
export const BRAND_COMMENDATION_MAX = 100;
