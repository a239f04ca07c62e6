import type { CreateContestInput } from '../../../types/contracts/quiz';
import { shanghaiDate, shanghaiToIsoUtc } from '../../utils/format';
import { CATEGORIES } from '../categories';

const MAX_QUESTIONS = 100;

export interface RuleDraft {
  key: number;
  /** 0 = 不限分类, otherwise CATEGORIES[category - 1]. */
  category: number;
  /** 0 = 不限难度. */
  difficulty: 0 | 1 | 2 | 3;
  count: string;
}

export interface ContestDraft {
  title: string;
  description: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  rules: RuleDraft[];
  pointsPerQuestion: string;
  timeLimitMinutes: string;
  attemptsAllowed: string;
  counts: 'best' | 'latest';
  showExplanations: boolean;
  leaderboardVisible: boolean;
}

/** Field name (as the server names it: `title`, `endAt`, `rules.0`) → message. */
export type FieldErrors = Record<string, string>;

let ruleKey = 0;
export function newRule(count = '10'): RuleDraft {
  ruleKey += 1;
  return { key: ruleKey, category: 0, difficulty: 0, count };
}

/** Tomorrow 09:00 to a week later 18:00, ten questions from the whole bank, ten minutes. */
export function initialDraft(nowMs: number): ContestDraft {
  return {
    title: '',
    description: '',
    startDate: shanghaiDate(nowMs, 1),
    startTime: '09:00',
    endDate: shanghaiDate(nowMs, 8),
    endTime: '18:00',
    rules: [newRule()],
    pointsPerQuestion: '5',
    timeLimitMinutes: '10',
    attemptsAllowed: '1',
    counts: 'best',
    showExplanations: true,
    leaderboardVisible: true,
  };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export function totalQuestions(draft: ContestDraft): number {
  return draft.rules.reduce((sum, rule) => sum + (wholeNumber(rule.count) ?? 0), 0);
}

/**
 * Checks what the phone can check and builds the server input. The server re-validates everything
 * (and whether the bank can serve each rule); its field errors use the same names.
 */
export function buildInput(draft: ContestDraft): { input: CreateContestInput; errors: null } | { input: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = draft.title.trim();
  if (title.length < 4 || title.length > 40) errors.title = '标题需 4–40 个字';
  const description = draft.description.trim();
  if (description.length > 500) errors.description = '说明最多 500 字';

  const startAt = shanghaiToIsoUtc(draft.startDate, draft.startTime);
  const endAt = shanghaiToIsoUtc(draft.endDate, draft.endTime);
  if (!startAt) errors.startAt = '请选择开始日期和时间';
  if (!endAt) errors.endAt = '请选择结束日期和时间';
  else if (startAt && Date.parse(endAt) <= Date.parse(startAt)) errors.endAt = '结束时间须晚于开始时间';

  if (draft.rules.length === 0) errors.rules = '至少需要一条抽题规则';
  const rules = draft.rules.map((rule, index) => {
    const count = wholeNumber(rule.count);
    if (count === null || count < 1 || count > MAX_QUESTIONS) errors[`rules.${index}`] = `题数需为 1–${MAX_QUESTIONS} 的整数`;
    const category = rule.category > 0 ? CATEGORIES[rule.category - 1] : undefined;
    return {
      ...(category ? { category } : {}),
      ...(rule.difficulty > 0 ? { difficulty: rule.difficulty as 1 | 2 | 3 } : {}),
      count: count ?? 0,
    };
  });
  if (!errors.rules && totalQuestions(draft) > MAX_QUESTIONS) errors.rules = `每场最多 ${MAX_QUESTIONS} 题`;

  const points = wholeNumber(draft.pointsPerQuestion);
  if (points === null || points < 1 || points > 100) errors.pointsPerQuestion = '每题分值需为 1–100 的整数';
  const minutes = wholeNumber(draft.timeLimitMinutes);
  if (minutes === null || minutes < 1 || minutes > 120) errors.timeLimitSec = '答题时限需为 1–120 分钟';
  const attempts = wholeNumber(draft.attemptsAllowed);
  if (attempts === null || attempts < 1 || attempts > 10) errors.attemptsAllowed = '可答次数需为 1–10 次';

  if (Object.keys(errors).length > 0 || !startAt || !endAt) return { input: null, errors };
  return {
    input: {
      title,
      description,
      startAt,
      endAt,
      rules,
      pointsPerQuestion: points ?? 5,
      timeLimitSec: (minutes ?? 10) * 60,
      attemptsAllowed: attempts ?? 1,
      counts: draft.counts,
      showExplanations: draft.showExplanations,
      leaderboardVisible: draft.leaderboardVisible,
      pace: 'whole',
      maxSwitches: null,
      draft: false,
    },
    errors: null,
  };
}

/** Form areas that show errors; anything else is shown above the submit button. */
const KNOWN_FIELDS = [
  'title',
  'description',
  'startAt',
  'endAt',
  'rules',
  'pointsPerQuestion',
  'timeLimitSec',
  'attemptsAllowed',
  'counts',
];

/** `rules.2.count` → `rules.2`; a top-level field stays itself; unknown fields → `_form`. */
export function errorSlot(field: string): string {
  const rule = /^rules\.(\d+)(\.|$)/.exec(field);
  if (rule) return `rules.${rule[1]}`;
  const top = field.split('.')[0] ?? field;
  return KNOWN_FIELDS.includes(top) ? top : '_form';
}
