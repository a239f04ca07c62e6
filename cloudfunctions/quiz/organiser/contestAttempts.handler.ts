import type { ContestAttemptRow } from '../../../types/contracts/quiz';
import type { PageInput } from '../../../types/common';
import { entryId, type AttemptDoc } from '../../../server/documents';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { listEntriesByIds } from '../repository';
import { findAnyContest } from './adminContests.handler';
import { attemptFlags } from './flags';
import { findSharedSignatures, listContestAttemptsPage } from './organiser.repository';

/**
 * A contest's attempts for its organisers, newest first, with 切屏 counts and suspicious-attempt
 * flags (which never change a score). DB requests: caller, contest, page + shared answer sequences
 * (in parallel), names = 5.
 */
export async function contestAttempts(input: PageInput & { contestId: string }, ctx: MemberContext) {
  const contest = await findAnyContest(ctx, input.contestId);
  const offset = decodeOffsetCursor(input.cursor);
  const [rows, shared] = await Promise.all([
    listContestAttemptsPage(ctx.db, contest._id, offset, input.pageSize + 1),
    findSharedSignatures(ctx.db, contest._id),
  ]);
  const page = toPage(rows, input.pageSize, offset);
  const entries = new Map(
    (
      await listEntriesByIds(
        ctx.db,
        [...new Set(page.items.map((attempt) => attempt.memberId))].map((memberId) => entryId(contest._id, memberId)),
      )
    ).map((entry) => [entry.memberId, entry]),
  );
  return {
    items: page.items.map((attempt) => toRow(attempt, entries.get(attempt.memberId), shared)),
    nextCursor: page.nextCursor,
  };
}

function toRow(
  attempt: AttemptDoc,
  names: { name: string; branchName: string } | undefined,
  shared: ReadonlySet<string>,
): ContestAttemptRow {
  return {
    attemptId: attempt._id,
    memberName: names?.name ?? '',
    branchName: names?.branchName ?? '',
    attemptNo: attempt.attemptNo,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    score: attempt.score ?? null,
    maxScore: attempt.maxScore ?? attempt.key.reduce((sum, item) => sum + item.points, 0),
    correctCount: attempt.correctCount ?? null,
    durationMs: attempt.durationMs ?? null,
    onTime: attempt.onTime ?? null,
    switchCount: attempt.switchCount ?? 0,
    autoSubmitted: attempt.autoSubmitted === true,
    flags: attemptFlags(attempt.flags ?? [], [attempt.answerSignature], shared),
  };
}
