/**
 * A member's progress in a programme, built from scratch from their events every time (never moved
 * by increments elsewhere), so an incremental rebuild and a full recompute cannot disagree.
 * Events outside the programme's window do not count; the first evidence in time meets an item.
 */
import { PROGRAMME_ITEM_LABELS, STORY_AWARD_LABELS, STORY_KIND_LABELS, type ProgrammeItemKey } from '../../types/labels';
import type { PointRule, ProgrammeItem } from '../../types/contracts/stats';
import { addToMonth } from './months';
import { checkinMeets, storyKindsFor, withinWindow } from './rules';
import type { ItemEvidence, LedgerEntry, MemberEvents, MemberProgress, MonthCounts, ProgrammeRules, CheckinEvent } from './types';

export interface FoldedMember {
  progress: MemberProgress;
  ledger: LedgerEntry[];
}

const byTimeThenId =
  <T extends { _id: string }>(at: (event: T) => Date) =>
  (a: T, b: T) =>
    at(a).getTime() - at(b).getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** Half-hours add up exactly, but sums of decimals drift in binary: one decimal is what people read. */
const roundTenth = (value: number) => Math.round(value * 10) / 10;

function checkinLabel(checkin: CheckinEvent): string {
  return checkin.kind === 'base' ? `参观「${checkin.placeName}」` : `参加「${checkin.placeName}」`;
}

/** 2026-11-29 → 11月29日: the day as the member saw it on the practice page. */
function practiceDayLabel(day: string): string {
  const [, month, date] = day.split('-');
  return `${Number(month)}月${Number(date)}日`;
}

function isEarlier(candidate: ItemEvidence, current: ItemEvidence | undefined): boolean {
  if (current === undefined) return true;
  const diff = candidate.at.getTime() - current.at.getTime();
  return diff < 0 || (diff === 0 && candidate.refId < current.refId);
}

export function foldProgress(
  programme: ProgrammeRules,
  member: { _id: string; branchId: string; name: string },
  events: MemberEvents,
  now: Date,
): FoldedMember {
  const months: Record<string, MonthCounts> = {};
  const ledger: LedgerEntry[] = [];
  const items: Partial<Record<ProgrammeItemKey, ItemEvidence>> = {};
  const earn = (rule: PointRule, refId: string, label: string, at: Date) => {
    const points = programme.points[rule];
    if (points > 0) ledger.push({ rule, refId, points, label, at });
  };
  const offer = (type: ItemEvidence['type'], accepts: (item: ProgrammeItem) => boolean, evidence: Omit<ItemEvidence, 'type'>) => {
    for (const item of programme.items) {
      if (!item.evidence.includes(type) || !accepts(item)) continue;
      const candidate = { type, ...evidence };
      if (isEarlier(candidate, items[item.key])) items[item.key] = candidate;
    }
  };

  const checkins = events.checkins
    .filter((checkin) => withinWindow(programme, checkin.checkedInAt))
    .sort(byTimeThenId((c) => c.checkedInAt));
  let studyHours = 0;
  for (const checkin of checkins) {
    const hours = checkin.studyHours ?? 0;
    studyHours += hours;
    addToMonth(months, checkin.checkedInAt, { checkins: 1, studyHours: hours });
    const label = checkinLabel(checkin);
    earn(checkin.kind === 'base' ? 'baseVisit' : 'attendance', checkin._id, label, checkin.checkedInAt);
    offer('checkin', (item) => checkinMeets(item.key, checkin), { refId: checkin._id, label, at: checkin.checkedInAt });
  }

  let submissions = 0;
  let approvedWorks = 0;
  let awards = 0;
  for (const work of events.works) {
    if (work.status !== 'draft' && withinWindow(programme, work.submittedAt)) {
      submissions += 1;
      addToMonth(months, work.submittedAt, { submissions: 1 });
    }
    if (work.status !== 'approved' || !withinWindow(programme, work.approvedAt)) continue;
    approvedWorks += 1;
    addToMonth(months, work.approvedAt, { approvedWorks: 1 });
    earn('approvedWork', work._id, `投稿「${work.title}」通过审核`, work.approvedAt);
    const label = `${STORY_KIND_LABELS[work.kind]}「${work.title}」`;
    offer('story', (item) => storyKindsFor(item).includes(work.kind), { refId: work._id, label, at: work.approvedAt });
    const award = work.selection?.award;
    if (award) {
      awards += 1;
      earn('award', work._id, `「${work.title}」获${STORY_AWARD_LABELS[award]}`, work.selection!.at);
    }
  }

  const pendingReports = new Set<ProgrammeItemKey>();
  for (const report of events.reports) {
    if (!withinWindow(programme, report.reportedAt)) continue;
    if (report.status === 'pending') pendingReports.add(report.item);
    if (report.status !== 'confirmed') continue;
    earn('selfReport', report._id, `自报「${report.title}」已确认`, report.decidedAt ?? report.reportedAt);
    offer('selfReport', (item) => item.key === report.item, { refId: report._id, label: `自报「${report.title}」`, at: report.reportedAt });
  }

  const bestByContest = new Map<string, { best: number; firstAt: Date }>();
  for (const attempt of events.attempts) {
    if (!withinWindow(programme, attempt.submittedAt)) continue;
    const percent = attempt.maxScore > 0 ? (attempt.score / attempt.maxScore) * 100 : 0;
    const seen = bestByContest.get(attempt.contestId);
    bestByContest.set(attempt.contestId, {
      best: Math.max(seen?.best ?? 0, percent),
      firstAt: seen && seen.firstAt < attempt.submittedAt ? seen.firstAt : attempt.submittedAt,
    });
  }
  let quizBest: number | null = null;
  for (const [contestId, { best, firstAt }] of bestByContest) {
    quizBest = Math.max(quizBest ?? 0, best);
    earn('quizAttempt', contestId, '参加知识竞赛', firstAt);
  }

  // 每日一练 earns once per Asia/Shanghai day handed in within the window: a day has one document, and
  // days are compared by their key too, so a stray second one for a day cannot earn twice.
  const practisedDays = new Set<string>();
  const practiceDays = events.practiceDays
    .filter((practice) => withinWindow(programme, practice.submittedAt))
    .sort(byTimeThenId((practice) => practice.submittedAt));
  for (const practice of practiceDays) {
    if (practisedDays.has(practice.day)) continue;
    practisedDays.add(practice.day);
    earn('practiceDay', practice._id, `每日练习 ${practiceDayLabel(practice.day)}`, practice.submittedAt);
  }

  const attended = new Set(events.checkins.map((checkin) => checkin.activityId));
  const noShows = events.signUps.filter(
    ({ activityId, status, activity }) =>
      status === 'signed' &&
      activity.status !== 'cancelled' &&
      activity.endAt <= now &&
      withinWindow(programme, activity.startAt) &&
      !attended.has(activityId),
  ).length;

  for (const item of programme.items) {
    const evidence = items[item.key];
    if (!evidence) continue;
    addToMonth(months, evidence.at, { itemsDone: 1 });
    earn('itemDone', item.key, `完成「${item.title || PROGRAMME_ITEM_LABELS[item.key]}」`, evidence.at);
  }
  for (const month of Object.values(months)) month.studyHours = roundTenth(month.studyHours);

  return {
    progress: {
      memberId: member._id,
      branchId: member.branchId,
      name: member.name,
      items,
      doneCount: Object.keys(items).length,
      pendingReports: [...pendingReports].filter((key) => items[key] === undefined).sort(),
      studyHours: roundTenth(studyHours),
      points: ledger.reduce((sum, entry) => sum + entry.points, 0),
      checkins: checkins.length,
      submissions,
      approvedWorks,
      awards,
      noShows,
      quizAttempted: bestByContest.size > 0,
      quizBest: quizBest === null ? null : roundTenth(quizBest),
      months,
    },
    ledger,
  };
}
