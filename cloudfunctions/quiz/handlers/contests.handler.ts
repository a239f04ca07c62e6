import type { ContestSummary } from '../../../types/contracts/quiz';
import { contestStatusAt, isInAudience, submissionTiming, type ContestStatus } from '../../../core/quiz';
import { entryId, type AttemptDoc, type ContestDoc, type ContestEntryDoc } from '../../../server/documents';
import type { MemberContext } from '../../../server/kernel/router';
import { contestRulesView } from '../contestRules';
import { attemptLedgerId } from '../../../server/attemptLedger';
import { listAttemptLedgers, listContestsEndedBy, listContestsEndingAfter, listEntriesByIds, listMemberAttempts } from '../repository';

/**
 * DB requests: caller, contests, my attempts, my board entries = 4, however many contests are listed;
 * one more, my attempt ledgers, for a member who joined again after deleting their data.
 */
export async function contests(input: { status?: ContestStatus }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const docs = (input.status === 'closed' ? await listContestsEndedBy(db, now) : await listContestsEndingAfter(db, now)).filter(
    (doc) => isInAudience(doc, member.branchId) && (input.status === undefined || contestStatusAt(doc, now) === input.status),
  );
  if (docs.length === 0) return { items: [] };
  const ids = docs.map((doc) => doc._id);
  const [attempts, entries, ledgers] = await Promise.all([
    listMemberAttempts(db, member._id, ids),
    listEntriesByIds(
      db,
      ids.map((id) => entryId(id, member._id)),
    ),
    member.hasAttemptLedger
      ? listAttemptLedgers(
          db,
          ids.map((id) => attemptLedgerId(id, ctx.openid)),
        )
      : [],
  ]);
  const entryByContest = new Map(entries.map((entry) => [entry.contestId, entry]));
  const usedBefore = new Map(ledgers.map((ledger) => [ledger.contestId, ledger.attemptsUsed]));
  return {
    items: docs.map((doc) =>
      toContestSummary(
        doc,
        now,
        attempts.filter((attempt) => attempt.contestId === doc._id),
        entryByContest.get(doc._id),
        usedBefore.get(doc._id) ?? 0,
      ),
    ),
  };
}

/** `usedBefore`: attempts under a member record the caller deleted (the attempt ledger), which a new record's attempt numbers continue. */
function toContestSummary(
  doc: ContestDoc,
  now: Date,
  attempts: AttemptDoc[],
  entry: ContestEntryDoc | undefined,
  usedBefore: number,
): ContestSummary {
  const running = attempts.find(
    (attempt) =>
      attempt.status === 'open' &&
      submissionTiming({ startedAt: attempt.startedAt, deadline: attempt.deadline, receivedAt: now, graceMs: attempt.graceMs }).onTime,
  );
  return {
    id: doc._id,
    title: doc.title,
    startAt: doc.startAt.toISOString(),
    endAt: doc.endAt.toISOString(),
    status: contestStatusAt(doc, now),
    questionCount: doc.questionCount,
    timeLimitSec: doc.timeLimitSec,
    attemptsAllowed: doc.attemptsAllowed,
    leaderboardVisible: doc.leaderboardVisible,
    ...contestRulesView(doc),
    mine: {
      attemptsUsed: attempts.reduce((max, attempt) => Math.max(max, attempt.attemptNo), usedBefore),
      openAttemptId: running?._id ?? null,
      bestScore: entry?.score ?? null,
    },
  };
}
