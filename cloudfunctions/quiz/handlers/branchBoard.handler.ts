import type { BranchRow } from '../../../types/contracts/quiz';
import { branchStanding, compareBranches } from '../../../core/quiz';
import type { BranchBoardDoc } from '../../../server/documents';
import type { MemberContext } from '../../../server/kernel/router';
import { listBranches } from '../../../server/orgs.repository';
import { aggregateBranchTotals, findBranchBoard, saveBranchBoard } from '../repository';
import { findBoardContest } from '../visibleBoard';

/** The branch board may lag live submissions by this much; in exchange a read costs one document. */
const BRANCH_BOARD_TTL_MS = 60_000;

/**
 * Branches rank by participation rate, then the participants' average — never raw totals, so a big
 * branch cannot win by size. Served from a cached board refreshed at most once a minute, so a read
 * is caller + contest + board = 3 DB requests; the minute's first read also recomputes.
 */
export async function branchBoard(input: { contestId: string }, ctx: MemberContext) {
  const contest = await findBoardContest(ctx, input.contestId);
  const cached = await findBranchBoard(ctx.db, contest._id);
  const fresh = cached && ctx.now.getTime() - cached.computedAt.getTime() < BRANCH_BOARD_TTL_MS;
  const board = fresh ? cached : await recomputeBranchBoard(ctx, contest._id);
  const ranked = board.rows.filter((row) => row.participantCount > 0);
  const items: BranchRow[] = [
    ...ranked.map((row, index) => ({ ...row, rank: index + 1 })),
    ...board.rows.filter((row) => row.participantCount === 0).map((row) => ({ ...row, rank: null })),
  ].map((row) => ({ ...row, isMine: row.branchId === ctx.member.branchId }));
  const participantCount = ranked.reduce((sum, row) => sum + row.participantCount, 0);
  return { items, participantCount, computedAt: board.computedAt.toISOString() };
}

async function recomputeBranchBoard(ctx: MemberContext, contestId: string): Promise<BranchBoardDoc> {
  const [totals, branches] = await Promise.all([aggregateBranchTotals(ctx.db, contestId), listBranches(ctx.db)]);
  const totalsByBranch = new Map(totals.map((row) => [row._id, row]));
  const rows = branches
    .map((branch) => {
      const branchTotals = totalsByBranch.get(branch._id);
      const participantCount = branchTotals?.participants ?? 0;
      return {
        branchId: branch._id,
        branchName: branch.name,
        memberCount: branch.activeMemberCount,
        participantCount,
        ...branchStanding({ memberCount: branch.activeMemberCount, participantCount, scoreSum: branchTotals?.scoreSum ?? 0 }),
      };
    })
    .sort(compareBranches);
  const board: BranchBoardDoc = { _id: contestId, computedAt: ctx.now, rows };
  await saveBranchBoard(ctx.db, board);
  return board;
}
