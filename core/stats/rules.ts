/**
 * The statistics' rules in one place (issue 14): the points each event earns unless a programme
 * says otherwise, what counts as evidence for an item, and which programme is the current one.
 * Pure: the clock comes in as `now`.
 */
import type { EvidenceType, PointsRules, ProgrammeItem } from '../../types/contracts/stats';
import type { ProgrammeItemKey, StoryKind } from '../../types/labels';

/** What a new programme earns per event; each programme stores its own copy, which it may change. */
export const DEFAULT_POINTS: PointsRules = {
  attendance: 5,
  baseVisit: 5,
  quizAttempt: 3,
  practiceDay: 1,
  approvedWork: 10,
  award: 30,
  selfReport: 3,
  itemDone: 10,
};

/** The evidence each of the 六个一 accepts when a programme is first drafted. */
export const DEFAULT_EVIDENCE: Record<ProgrammeItemKey, EvidenceType[]> = {
  lesson: ['checkin', 'story'],
  story: ['checkin', 'story'],
  book: ['checkin', 'selfReport'],
  film: ['checkin', 'selfReport'],
  visit: ['checkin'],
  reflection: ['story'],
};

/** The kinds of approved work that meet an item whose `storyKinds` is left empty. */
export const DEFAULT_STORY_KINDS: Record<ProgrammeItemKey, StoryKind[]> = {
  lesson: ['lessonVideo'],
  story: ['story'],
  book: [],
  film: [],
  visit: [],
  reflection: ['reflection'],
};

export function storyKindsFor(item: Pick<ProgrammeItem, 'key' | 'storyKinds'>): StoryKind[] {
  return item.storyKinds.length > 0 ? item.storyKinds : DEFAULT_STORY_KINDS[item.key];
}

/** Whether a check-in meets an item: it counts for the item, and any base visit counts for 参观. */
export function checkinMeets(
  itemKey: ProgrammeItemKey,
  checkin: { kind: 'activity' | 'base'; countsFor: ProgrammeItemKey | null },
): boolean {
  return checkin.countsFor === itemKey || (itemKey === 'visit' && checkin.kind === 'base');
}

export interface ProgrammeWindow {
  startsAt: Date;
  endsAt: Date;
}

export function withinWindow(programme: ProgrammeWindow, at: Date | null | undefined): at is Date {
  return at !== null && at !== undefined && at >= programme.startsAt && at < programme.endsAt;
}

export function programmeState(programme: ProgrammeWindow, now: Date): 'upcoming' | 'active' | 'ended' {
  if (now < programme.startsAt) return 'upcoming';
  return now < programme.endsAt ? 'active' : 'ended';
}

/**
 * The programme pages open on: the one running now (the latest started, if two overlap), else the
 * latest one. `programmes` are the newest few by start, which always include it.
 */
export function currentProgramme<P extends ProgrammeWindow>(programmes: readonly P[], now: Date): P | null {
  const byStartDesc = [...programmes].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return byStartDesc.find((programme) => programmeState(programme, now) === 'active') ?? byStartDesc[0] ?? null;
}
