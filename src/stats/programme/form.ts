/**
 * The programme editor's form and its conversion to and from the contract's draft: dates are picked
 * as Shanghai calendar days, numbers typed as text, and only the checked items go into the draft.
 */
import { DEFAULT_EVIDENCE, DEFAULT_POINTS } from '../../../core/stats/rules';
import type { BranchQuota, EvidenceType, PointRule, PointsRules, ProgrammeDraftInput, ProgrammeView } from '../../../types/contracts/stats';
import {
  ACTIVITY_KINDS,
  PROGRAMME_ITEM_KEYS,
  PROGRAMME_ITEM_LABELS,
  STORY_KINDS,
  type ActivityKind,
  type ProgrammeItemKey,
  type StoryKind,
} from '../../../types/labels';
import { shanghaiDate, shanghaiPickerValues, shanghaiToIsoUtc } from '../../utils/format';
import type { FormErrors } from '../../components/useFormFields';

export interface ItemForm {
  enabled: boolean;
  title: string;
  perMember: string;
  evidence: EvidenceType[];
  storyKinds: StoryKind[];
  /** YYYY-MM-DD, or '' for none. */
  deadline: string;
}

export interface QuotaForm {
  key: string;
  label: string;
  source: { type: 'story'; kind: StoryKind } | { type: 'activity'; kind: ActivityKind };
  count: string;
}

export interface ProgrammeForm {
  title: string;
  year: string;
  description: string;
  startDate: string;
  endDate: string;
  items: Record<ProgrammeItemKey, ItemForm>;
  quotas: QuotaForm[];
  studyHoursTarget: string;
  points: Record<PointRule, string>;
}

/** Field → message; items and quotas are named `items.book.title`, `quotas.0.count`, as the server names them by index. */
export type { FormErrors };

const POINT_RULES = Object.keys(DEFAULT_POINTS) as PointRule[];

function pointsForm(points: PointsRules): Record<PointRule, string> {
  return Object.fromEntries(POINT_RULES.map((rule) => [rule, String(points[rule])])) as Record<PointRule, string>;
}

/** A new programme: the calendar year of `nowMs`, the 六个一 with their default evidence and the default points. */
export function initialForm(nowMs: number): ProgrammeForm {
  const year = shanghaiDate(nowMs).slice(0, 4);
  const items = {} as Record<ProgrammeItemKey, ItemForm>;
  for (const key of PROGRAMME_ITEM_KEYS) {
    items[key] = {
      enabled: true,
      title: PROGRAMME_ITEM_LABELS[key],
      perMember: '',
      evidence: [...DEFAULT_EVIDENCE[key]],
      storyKinds: [],
      deadline: '',
    };
  }
  return {
    title: `${year}年“红色教育进学院”六个一活动`,
    year,
    description: '',
    startDate: `${year}-01-01`,
    endDate: `${year}-12-31`,
    items,
    quotas: [],
    studyHoursTarget: '',
    points: pointsForm(DEFAULT_POINTS),
  };
}

/** The day an instant falls on in Shanghai; an end instant at midnight belongs to the day before. */
function pickerDay(iso: string, isEnd = false): string {
  return shanghaiPickerValues(isEnd ? new Date(new Date(iso).getTime() - 1).toISOString() : iso).date;
}

export function formFromProgramme(programme: ProgrammeView, nowMs: number): ProgrammeForm {
  const blank = initialForm(nowMs);
  const items = { ...blank.items };
  for (const key of PROGRAMME_ITEM_KEYS) items[key] = { ...items[key], enabled: false };
  for (const item of programme.items) {
    items[item.key] = {
      enabled: true,
      title: item.title,
      perMember: item.perMember,
      evidence: [...item.evidence],
      storyKinds: [...item.storyKinds],
      deadline: item.deadline ? pickerDay(item.deadline, true) : '',
    };
  }
  return {
    title: programme.title,
    year: String(programme.year),
    description: programme.description,
    startDate: pickerDay(programme.startsAt),
    endDate: pickerDay(programme.endsAt, true),
    items,
    quotas: programme.branchQuotas.map((quota) => ({
      key: quota.key,
      label: quota.label,
      source: quota.source,
      count: String(quota.count),
    })),
    studyHoursTarget: programme.studyHoursTarget === null ? '' : String(programme.studyHoursTarget),
    points: pointsForm(programme.points),
  };
}

/** The first instant after a Shanghai calendar day: a window or deadline runs to the end of the day picked. */
function endOfDay(date: string): string | null {
  const start = shanghaiToIsoUtc(date, '00:00');
  return start ? new Date(new Date(start).getTime() + 86_400_000).toISOString() : null;
}

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** A quota key the contract accepts (a letter, then letters and digits), unique within the programme. */
export function quotaKey(source: QuotaForm['source'], taken: readonly string[]): string {
  const base = `${source.type}${source.kind.replace(/[^a-zA-Z0-9]/g, '')}`;
  let key = base;
  for (let n = 2; taken.includes(key); n += 1) key = `${base}${n}`;
  return key;
}

export const DEFAULT_QUOTA_SOURCE: QuotaForm['source'] = { type: 'story', kind: STORY_KINDS[0] };
export const QUOTA_ACTIVITY_KINDS = ACTIVITY_KINDS;

/** The draft to send, or what to fix first; the server checks the same again and names what it refuses. */
export function buildProgramme(form: ProgrammeForm): { draft: ProgrammeDraftInput } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (form.title.trim().length < 2) errors.title = '请填写方案名称';
  const year = wholeNumber(form.year);
  if (year === null || year < 2020 || year > 2100) errors.year = '请填写年份，如 2026';
  const startsAt = shanghaiToIsoUtc(form.startDate, '00:00');
  const endsAt = endOfDay(form.endDate);
  if (!startsAt) errors.startsAt = '请选择开始日期';
  if (!endsAt) errors.endsAt = '请选择结束日期';
  else if (startsAt && endsAt <= startsAt) errors.endsAt = '结束日期不能早于开始日期';

  const enabled = PROGRAMME_ITEM_KEYS.filter((key) => form.items[key].enabled);
  if (enabled.length === 0) errors.items = '至少选择一项';
  for (const key of enabled) {
    const item = form.items[key];
    if (item.title.trim().length < 2) errors[`items.${key}.title`] = '请填写项目名称';
    if (item.evidence.length === 0) errors[`items.${key}.evidence`] = '至少选择一种完成方式';
  }

  const quotas: BranchQuota[] = [];
  form.quotas.forEach((quota, index) => {
    const count = wholeNumber(quota.count);
    if (quota.label.trim().length < 2) errors[`quotas.${index}.label`] = '请填写任务名称';
    if (count === null || count < 1 || count > 100) errors[`quotas.${index}.count`] = '请填写 1–100 的数量';
    else quotas.push({ key: quota.key, label: quota.label.trim(), source: quota.source, count });
  });

  let studyHoursTarget: number | null = null;
  if (form.studyHoursTarget.trim() !== '') {
    studyHoursTarget = Number(form.studyHoursTarget.trim());
    if (!Number.isFinite(studyHoursTarget) || studyHoursTarget < 0 || studyHoursTarget > 500)
      errors.studyHoursTarget = '请填写 0–500 的学时';
  }

  const points = {} as PointsRules;
  for (const rule of POINT_RULES) {
    const value = wholeNumber(form.points[rule]);
    const max = rule === 'award' ? 500 : 100;
    if (value === null || value > max) errors[`points.${rule}`] = `请填写 0–${max} 的整数`;
    else points[rule] = value;
  }

  if (Object.keys(errors).length > 0 || year === null || !startsAt || !endsAt) return { errors };
  return {
    draft: {
      title: form.title.trim(),
      year,
      description: form.description.trim(),
      startsAt,
      endsAt,
      items: enabled.map((key) => {
        const item = form.items[key];
        return {
          key,
          title: item.title.trim(),
          perMember: item.perMember.trim(),
          evidence: item.evidence,
          storyKinds: item.evidence.includes('story') ? item.storyKinds : [],
          deadline: item.deadline ? endOfDay(item.deadline) : null,
        };
      }),
      branchQuotas: quotas,
      studyHoursTarget,
      points,
    },
  };
}

/**
 * Where a server refusal goes: `programme.items.2.title` names the third item sent, which the form
 * knows by key; `programme.points.award` and `programme.title` map straight.
 */
export function errorField(field: string, sentItems: readonly ProgrammeItemKey[]): string {
  const path = field.replace(/^programme\./, '').split('.');
  if (path[0] === 'items' && path[1] !== undefined && /^\d+$/.test(path[1])) {
    const key = sentItems[Number(path[1])];
    return key ? ['items', key, ...path.slice(2)].join('.') : 'items';
  }
  if (path[0] === 'branchQuotas') return ['quotas', ...path.slice(1, 3)].join('.');
  return path.slice(0, 3).join('.');
}
