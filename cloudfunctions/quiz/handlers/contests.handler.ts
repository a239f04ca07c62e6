import type { ContestSummary } from '../../../types/contracts/quiz';
import type { ContestDoc } from '../../../server/documents';
import type { MemberContext } from '../../../server/kernel/router';
import { listContestsEndedBy, listContestsEndingAfter } from '../repository';

type ContestStatus = ContestSummary['status'];

export async function contests(input: { status?: ContestStatus }, ctx: MemberContext) {
  const docs =
    input.status === 'closed'
      ? await listContestsEndedBy(ctx.db, ctx.now)
      : await listContestsEndingAfter(ctx.db, ctx.now);
  const items = docs
    .map((doc) => toContestSummary(doc, ctx.now))
    .filter((contest) => input.status === undefined || contest.status === input.status);
  return { items };
}

export function contestStatusAt(contest: Pick<ContestDoc, 'startAt' | 'endAt'>, now: Date): ContestStatus {
  if (now < contest.startAt) return 'upcoming';
  return now < contest.endAt ? 'open' : 'closed';
}

function toContestSummary(doc: ContestDoc, now: Date): ContestSummary {
  return {
    id: doc._id,
    title: doc.title,
    startAt: doc.startAt.toISOString(),
    endAt: doc.endAt.toISOString(),
    status: contestStatusAt(doc, now),
    questionCount: doc.questionCount,
    timeLimitSec: doc.timeLimitSec,
    attemptsAllowed: doc.attemptsAllowed,
  };
}
