import type { AdminContest, ContestPace, CreateContestInput, ReviewPolicy } from '../../../types/contracts/quiz';
import { shanghaiDate, shanghaiPickerValues, shanghaiToIsoUtc } from '../../utils/format';
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
  pace: ContestPace;
  secondsPerQuestion: string;
  review: ReviewPolicy;
  /** Empty: switches are only counted. */
  maxSwitches: string;
  /** Kept as they are when editing: the form has no audience picker yet. */
  audienceBranchIds: string[] | null;
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
    pace: 'whole',
    secondsPerQuestion: '20',
    review: 'afterEachAttempt',
    maxSwitches: '',
    audienceBranchIds: null,
  };
}

/** A saved contest back in the form, to edit before it opens or to publish a draft. */
export function draftFromContest(contest: AdminContest): ContestDraft {
  const start = shanghaiPickerValues(contest.startAt);
  const end = shanghaiPickerValues(contest.endAt);
  return {
    title: contest.title,
    description: contest.description,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    rules: contest.rules.map((rule) => ({
      ...newRule(String(rule.count)),
      category: rule.category ? CATEGORIES.indexOf(rule.category) + 1 : 0,
      difficulty: rule.difficulty ?? 0,
    })),
    pointsPerQuestion: String(contest.pointsPerQuestion),
    timeLimitMinutes: String(Math.max(1, Math.round(contest.timeLimitSec / 60))),
    attemptsAllowed: String(contest.attemptsAllowed),
    counts: contest.counts,
    showExplanations: contest.showExplanations,
    leaderboardVisible: contest.leaderboardVisible,
    pace: contest.pace,
    secondsPerQuestion: String(contest.secondsPerQuestion ?? 20),
    review: contest.review,
    maxSwitches: contest.maxSwitches === null ? '' : String(contest.maxSwitches),
    audienceBranchIds: contest.audienceBranchIds,
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
export function buildInput(
  draft: ContestDraft,
  options: { asDraft: boolean },
): { input: CreateContestInput; errors: null } | { input: null; errors: FieldErrors } {
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
  const perQuestion = draft.pace === 'perQuestion';
  const minutes = wholeNumber(draft.timeLimitMinutes);
  if (!perQuestion && (minutes === null || minutes < 1 || minutes > 120)) errors.timeLimitSec = '答题时限需为 1–120 分钟';
  const seconds = wholeNumber(draft.secondsPerQuestion);
  if (perQuestion && (seconds === null || seconds < 10 || seconds > 300)) errors.secondsPerQuestion = '每题限时需为 10–300 秒';
  const attempts = wholeNumber(draft.attemptsAllowed);
  if (attempts === null || attempts < 1 || attempts > 10) errors.attemptsAllowed = '可答次数需为 1–10 次';
  // Several attempts with answers shown after each would let a member learn them and try again.
  if (draft.review === 'afterEachAttempt' && attempts !== null && attempts > 1) errors.review = '允许多次作答时，答案只能在竞赛结束后公布';
  const switchesText = draft.maxSwitches.trim();
  const maxSwitches = switchesText === '' ? null : wholeNumber(switchesText);
  if (switchesText !== '' && (maxSwitches === null || maxSwitches > 20)) errors.maxSwitches = '允许切屏次数需为 0–20 的整数，留空则只记录';

  if (Object.keys(errors).length > 0 || !startAt || !endAt) return { input: null, errors };
  return {
    input: {
      title,
      description,
      startAt,
      endAt,
      rules,
      pointsPerQuestion: points ?? 5,
      ...(perQuestion ? { secondsPerQuestion: seconds ?? 20 } : { timeLimitSec: (minutes ?? 10) * 60 }),
      attemptsAllowed: attempts ?? 1,
      counts: draft.counts,
      showExplanations: draft.showExplanations,
      leaderboardVisible: draft.leaderboardVisible,
      ...(draft.audienceBranchIds ? { audienceBranchIds: draft.audienceBranchIds } : {}),
      review: draft.review,
      pace: draft.pace,
      maxSwitches,
      draft: options.asDraft,
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
  'pace',
  'secondsPerQuestion',
  'review',
  'maxSwitches',
];

/** `rules.2.count` → `rules.2`; a top-level field stays itself; unknown fields → `_form`. */
export function errorSlot(field: string): string {
  const rule = /^rules\.(\d+)(\.|$)/.exec(field);
  if (rule) return `rules.${rule[1]}`;
  const top = field.split('.')[0] ?? field;
  return KNOWN_FIELDS.includes(top) ? top : '_form';
}
