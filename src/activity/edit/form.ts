import type { ActivityDetail, ActivityDraftInput } from '../../../types/contracts/activity';
import type { MemberView } from '../../../types/contracts/member';
import type { ActivityKind, ProgrammeItemKey } from '../../../types/labels';
import { errorSlot as formErrorSlot } from '../../services/fieldError';
import { shanghaiDate, shanghaiPickerValues, shanghaiToIsoUtc } from '../../utils/format';

/*
 * Limits repeated from types/contracts/activity.ts, which the app does not import: it would bring zod
 * (~90 KB) into this subpackage. The server checks everything again and names the field it refuses.
 */
const TITLE_LENGTH = { min: 2, max: 40 };
const PLACE_LENGTH = { min: 2, max: 60 };
const MAX_DESCRIPTION = 2000;
const MAX_CAPACITY = 5000;
const MAX_STUDY_HOURS = 24;

export interface ActivityForm {
  kind: ActivityKind;
  title: string;
  description: string;
  place: string;
  online: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  deadlineDate: string;
  deadlineTime: string;
  /** Off: sign-up opens as soon as the activity is published. */
  opensLater: boolean;
  opensDate: string;
  opensTime: string;
  /** Empty means no limit. */
  capacity: string;
  waitlist: boolean;
  /** Org admins only: every branch may see and join it. */
  audienceAll: boolean;
  audienceBranchIds: string[];
  countsFor: ProgrammeItemKey | null;
  /** Empty means none credited. */
  studyHours: string;
  /** Set once the picked image is in cloud storage; null for no cover. */
  coverFileId: string | null;
  /** Set by 从红色教育基地中选择; typing a place or going online unlinks it. */
  baseId: string | null;
}

/** Field name as the server names it (`title`, `startAt`, `audienceBranchIds`) → message; `_form` for the rest. */
export type FieldErrors = Record<string, string>;

/** A week from now, 09:00–11:00 Beijing time, sign-up closing at 18:00 the day before (opening, if set, tomorrow 09:00). */
export function initialForm(nowMs: number): ActivityForm {
  return {
    kind: 'theme_day',
    title: '',
    description: '',
    place: '',
    online: false,
    startDate: shanghaiDate(nowMs, 7),
    startTime: '09:00',
    endDate: shanghaiDate(nowMs, 7),
    endTime: '11:00',
    deadlineDate: shanghaiDate(nowMs, 6),
    deadlineTime: '18:00',
    opensLater: false,
    opensDate: shanghaiDate(nowMs, 1),
    opensTime: '09:00',
    capacity: '',
    waitlist: true,
    audienceAll: false,
    audienceBranchIds: [],
    countsFor: null,
    studyHours: '',
    coverFileId: null,
    baseId: null,
  };
}

/** The form for an existing activity; `nowMs` only fills the opening-time pickers when none was set. */
export function formFromActivity(activity: ActivityDetail, nowMs: number): ActivityForm {
  const start = shanghaiPickerValues(activity.startAt);
  const end = shanghaiPickerValues(activity.endAt);
  const deadline = shanghaiPickerValues(activity.signUpDeadline);
  const opens = activity.signUpOpensAt ? shanghaiPickerValues(activity.signUpOpensAt) : { date: shanghaiDate(nowMs, 1), time: '09:00' };
  return {
    kind: activity.kind,
    title: activity.title,
    description: activity.description,
    place: activity.place,
    online: activity.online,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    opensLater: activity.signUpOpensAt !== null,
    opensDate: opens.date,
    opensTime: opens.time,
    capacity: activity.capacity === null ? '' : String(activity.capacity),
    waitlist: activity.waitlist,
    audienceAll: activity.audienceBranchIds === null,
    audienceBranchIds: activity.audienceBranchIds ?? [],
    countsFor: activity.countsFor,
    studyHours: activity.studyHours === null ? '' : String(activity.studyHours),
    coverFileId: activity.coverFileId,
    baseId: activity.baseId,
  };
}

function optionalNumber(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

function lengthError(label: string, text: string, { min, max }: { min: number; max: number }): string | undefined {
  return text.length < min || text.length > max ? `${label}需 ${min}–${max} 个字` : undefined;
}

/**
 * Checks what the phone can check and builds the draft. A secretary's activity is always for their
 * own branch; an org admin chooses every branch or some.
 */
export function buildDraft(
  form: ActivityForm,
  organiser: MemberView,
): { draft: ActivityDraftInput; errors: null } | { draft: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = form.title.trim();
  const place = form.place.trim();
  const description = form.description.trim();
  const titleError = lengthError('标题', title, TITLE_LENGTH);
  if (titleError) errors.title = titleError;
  const placeError = lengthError(form.online ? '参加方式' : '地点', place, PLACE_LENGTH);
  if (placeError) errors.place = placeError;
  if (description.length > MAX_DESCRIPTION) errors.description = `介绍最多 ${MAX_DESCRIPTION} 字`;

  const startAt = shanghaiToIsoUtc(form.startDate, form.startTime);
  const endAt = shanghaiToIsoUtc(form.endDate, form.endTime);
  const signUpDeadline = shanghaiToIsoUtc(form.deadlineDate, form.deadlineTime);
  if (!startAt) errors.startAt = '请选择开始日期和时间';
  if (!endAt) errors.endAt = '请选择结束日期和时间';
  else if (startAt && Date.parse(endAt) <= Date.parse(startAt)) errors.endAt = '结束时间须晚于开始时间';
  if (!signUpDeadline) errors.signUpDeadline = '请选择报名截止日期和时间';
  else if (startAt && Date.parse(signUpDeadline) > Date.parse(startAt)) errors.signUpDeadline = '报名截止不能晚于开始时间';
  const signUpOpensAt = form.opensLater ? shanghaiToIsoUtc(form.opensDate, form.opensTime) : null;
  if (form.opensLater && !signUpOpensAt) errors.signUpOpensAt = '请选择报名开始日期和时间';
  else if (signUpOpensAt && signUpDeadline && Date.parse(signUpOpensAt) >= Date.parse(signUpDeadline)) {
    errors.signUpOpensAt = '报名开始须早于报名截止';
  }

  const capacity = optionalNumber(form.capacity);
  if (capacity === 'invalid' || (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY))) {
    errors.capacity = `名额需为 1–${MAX_CAPACITY} 的整数，不限名额请留空`;
  }
  const studyHours = optionalNumber(form.studyHours);
  if (
    studyHours === 'invalid' ||
    (studyHours !== null && (studyHours < 0.5 || studyHours > MAX_STUDY_HOURS || (studyHours * 2) % 1 !== 0))
  ) {
    errors.studyHours = `学时以 0.5 为单位，最多 ${MAX_STUDY_HOURS}，不计学时请留空`;
  }

  const orgWide = organiser.role === 'org_admin';
  const audienceBranchIds = orgWide ? (form.audienceAll ? null : form.audienceBranchIds) : [organiser.branchId];
  if (audienceBranchIds !== null && audienceBranchIds.length === 0) errors.audienceBranchIds = '请选择参加的党支部，或选择全部支部';

  if (Object.keys(errors).length > 0 || !startAt || !endAt || !signUpDeadline || capacity === 'invalid' || studyHours === 'invalid') {
    return { draft: null, errors };
  }
  return {
    draft: {
      kind: form.kind,
      title,
      description,
      coverFileId: form.coverFileId,
      place,
      baseId: form.baseId,
      online: form.online,
      startAt,
      endAt,
      signUpOpensAt,
      signUpDeadline,
      capacity,
      waitlist: form.waitlist,
      audienceBranchIds,
      countsFor: form.countsFor,
      studyHours,
    },
    errors: null,
  };
}

const FORM_FIELDS = [
  'kind',
  'coverFileId',
  'title',
  'description',
  'place',
  'startAt',
  'endAt',
  'signUpOpensAt',
  'signUpDeadline',
  'capacity',
  'audienceBranchIds',
  'countsFor',
  'studyHours',
  'reason',
];

/** Where a server's field error shows: `draft.title` (update) and `title` (create) alike; `audienceBranchIds.2` on the audience. */
export function errorSlot(field: string): string {
  return formErrorSlot(field, FORM_FIELDS);
}
