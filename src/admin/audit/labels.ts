import { ROLE_LABELS, STORY_AWARD_LABELS, type Role, type StoryAward } from '../../../types/labels';

/*
 * 操作记录 in words: each audited action's name, and the few details of it worth a line. The detail
 * is whatever the function stored; a key missing or of another type is left out, not guessed.
 */

type Detail = Record<string, unknown>;

function text(detail: Detail, key: string): string | null {
  const value = detail[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function count(detail: Detail, key: string): number | null {
  const value = detail[key];
  return typeof value === 'number' ? value : null;
}

function quoted(detail: Detail, key: string): string | null {
  const value = text(detail, key);
  return value === null ? null : `「${value}」`;
}

function reason(detail: Detail): string | null {
  const value = text(detail, 'reason');
  return value === null ? null : `原因：${value}`;
}

function role(detail: Detail): string | null {
  const value = text(detail, 'role');
  return value !== null && value in ROLE_LABELS ? `改为${ROLE_LABELS[value as Role]}` : null;
}

/** A 择优上报: with the award given, or none. */
function award(detail: Detail): string | null {
  if (!('award' in detail)) return null;
  const value = detail['award'];
  if (value === null) return '择优上报，不设奖';
  return typeof value === 'string' && value in STORY_AWARD_LABELS ? `评为${STORY_AWARD_LABELS[value as StoryAward]}` : null;
}

interface ActionWords {
  label: string;
  lines: (detail: Detail) => Array<string | null>;
}

const ACTIONS: Record<string, ActionWords> = {
  'member.createInvite': { label: '生成加入党支部邀请码', lines: () => [] },
  'member.approveJoin': { label: '批准加入党支部', lines: (detail) => [reason(detail)] },
  'member.rejectJoin': { label: '拒绝加入党支部', lines: (detail) => [reason(detail)] },
  'member.setRole': { label: '调整角色', lines: (detail) => [role(detail)] },
  'member.transfer': { label: '组织关系转接', lines: (detail) => [reason(detail)] },
  'member.withdrawJoin': { label: '撤回加入党支部申请', lines: () => [] },
  'member.leave': { label: '退出党支部', lines: (detail) => [reason(detail)] },
  'member.deleteMine': { label: '注销并删除个人信息', lines: () => [] },
  'member.importRoster': {
    label: '导入花名册',
    lines: (detail) => {
      const rows = count(detail, 'rows');
      const created = count(detail, 'created');
      const updated = count(detail, 'updated');
      return [
        rows === null ? null : `共 ${rows} 行`,
        created === null || updated === null ? null : `新增 ${created} 人，更新 ${updated} 人`,
      ];
    },
  },
  'activity.create': { label: '新建活动', lines: (detail) => [quoted(detail, 'title')] },
  'activity.publish': { label: '发布活动', lines: (detail) => [quoted(detail, 'title')] },
  'activity.update': { label: '修改活动', lines: (detail) => [reason(detail)] },
  'activity.cancel': { label: '取消活动', lines: (detail) => [reason(detail)] },
  'activity.addAttendee': { label: '添加参加人', lines: (detail) => [reason(detail)] },
  'activity.exportAttendees': {
    label: '导出报名名单',
    lines: (detail) => {
      const rows = count(detail, 'rows');
      return [rows === null ? null : `${rows} 条报名`];
    },
  },
  'quiz.importBank': {
    label: '导入题库',
    lines: (detail) => {
      const imported = count(detail, 'imported');
      return [imported === null ? null : `${imported} 道题`];
    },
  },
  'quiz.createContest': { label: '新建竞赛', lines: (detail) => [quoted(detail, 'title')] },
  'checkin.createBase': { label: '新增红色教育基地', lines: (detail) => [quoted(detail, 'name')] },
  'checkin.updateBase': { label: '修改红色教育基地', lines: (detail) => [quoted(detail, 'name')] },
  'story.review': {
    label: '审核投稿',
    lines: (detail) => {
      const decision = text(detail, 'decision');
      return [quoted(detail, 'title'), decision === 'approve' ? '通过' : decision === 'return' ? '退回修改' : null, reason(detail)];
    },
  },
  'story.recommend': { label: '推荐投稿到组织部', lines: (detail) => [quoted(detail, 'title'), reason(detail)] },
  'story.select': { label: '择优上报', lines: (detail) => [quoted(detail, 'title'), award(detail)] },
  'story.createCampaign': { label: '新建征集活动', lines: (detail) => [quoted(detail, 'title')] },
  'story.updateCampaign': { label: '修改征集活动', lines: (detail) => [quoted(detail, 'title')] },
  'checkin.backfill': {
    label: '签到补录',
    lines: (detail) => {
      const name = text(detail, 'name');
      return [quoted(detail, 'title'), name === null ? null : `补录签到：${name}`, reason(detail)];
    },
  },
};

/** The action's name in Chinese; an action this build does not know yet shows as recorded. */
export function auditActionLabel(action: string): string {
  return ACTIONS[action]?.label ?? action;
}

/** What is worth a line under the action: a title, a reason, a count. */
export function auditDetailLines(action: string, detail: Detail): string[] {
  const lines = ACTIONS[action]?.lines(detail) ?? [reason(detail)];
  return lines.filter((line): line is string => line !== null);
}
