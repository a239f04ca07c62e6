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

export const ACTIVITY_KINDS = ['lesson', 'theme_day', 'story_talk', 'reading', 'film', 'visit', 'seminar'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  lesson: '党课',
  theme_day: '主题党日',
  story_talk: '红色故事宣讲',
  reading: '读书',
  film: '观影',
  visit: '参观红色教育基地',
  seminar: '研讨',
};

/** Invite codes: short and unambiguous (no 0/O, 1/I/L) so they survive being read aloud or typed from a poster. */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 8;
export const INVITE_CODE_PATTERN = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`);
