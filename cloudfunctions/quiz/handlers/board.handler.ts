import type { BoardRow, BranchRow } from '../../../types/contracts/quiz';
import { branchStanding, compareBranches } from '../../../core/quiz';
import type { ContestDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { listBranches } from '../../../server/orgs';
import {
  aggregateBranchTotals,
  countAhead,
  entryId,
  findBranchBoard,
  findContest,
  findEntry,
  listBoardPage,
  saveBranchBoard,
  type BranchBoardDoc,
} from '../repository';

/** Keyset cursor `<rank of the next row>~<last sort key>`: each page is one indexed range read, at any depth. */
const CURSOR = /^(\d{1,7})~([0-9-]{1,40})$/;
/** The branch board may lag live submissions by this much; in exchange a read costs one document. */
export const BRANCH_BOARD_TTL_MS = 60_000;

function decodeBoardCursor(cursor: string | undefined): { nextRank: number; afterKey: string | null } {
  if (cursor === undefined) return { nextRank: 1, afterKey: null };
  const match = CURSOR.exec(cursor);
  if (!match?.[1] || !match[2]) fail('INVALID_INPUT', { field: 'cursor' });
  return { nextRank: Number(match[1]), afterKey: match[2] };
}

async function findVisibleContest(ctx: MemberContext, contestId: string): Promise<ContestDoc> {
  const contest = await findContest(ctx.db, contestId);
  if (!contest || contest.status !== 'published') fail('NOT_FOUND');
  if (!contest.leaderboardVisible && ctx.member.role !== 'org_admin') fail('FORBIDDEN', { message: '本场竞赛不公开排行榜' });
  return contest;
}

/** DB requests: caller, contest, one page = 3, however many took part. */
export async function leaderboard(input: { contestId: string; cursor?: string; pageSize: number }, ctx: MemberContext) {
  const { nextRank, afterKey } = decodeBoardCursor(input.cursor);
  const contest = await findVisibleContest(ctx, input.contestId);
  const rows = await listBoardPage(ctx.db, contest._id, afterKey, input.pageSize + 1);
  const page = rows.slice(0, input.pageSize);
  const items: BoardRow[] = page.map((entry, index) => ({
    rank: nextRank + index,
    name: entry.name,
    branchName: entry.branchName,
    score: entry.score ?? 0,
    durationMs: entry.durationMs ?? 0,
    isMe: entry.memberId === ctx.member._id,
  }));
  const last = page[page.length - 1];
  const nextCursor = rows.length > input.pageSize && last ? `${nextRank + page.length}~${last.sortKey}` : null;
  return { items, nextCursor };
}

/**
 * Branches rank by participation rate, then the participants' average — never raw totals, so a big
 * branch cannot win by size. Served from a cached board refreshed at most once a minute, so a read
 * is caller + contest + board = 3 DB requests; the minute's first read also recomputes.
 */
export async function branchBoard(input: { contestId: string }, ctx: MemberContext) {
  const contest = await findVisibleContest(ctx, input.contestId);
  const cached = await findBranchBoard(ctx.db, contest._id);
  const fresh = cached && ctx.now.getTime() - cached.computedAt.getTime() < BRANCH_BOARD_TTL_MS;
  const board = fresh ? cached : await recomputeBranchBoard(ctx, contest._id);
  const items: BranchRow[] = board.rows.map((row, index) => ({
    rank: index + 1,
    ...row,
    isMine: row.branchId === ctx.member.branchId,
  }));
  return { items, computedAt: board.computedAt.toISOString() };
}

export async function recomputeBranchBoard(ctx: MemberContext, contestId: string): Promise<BranchBoardDoc> {
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

/** DB requests: caller, my entry, one indexed count = 3. */
export async function myRank(input: { contestId: string }, ctx: MemberContext) {
  const entry = await findEntry(ctx.db, entryId(input.contestId, ctx.member._id));
  if (!entry || entry.score === null) return { rank: null, score: null, durationMs: null };
  return {
    rank: 1 + (await countAhead(ctx.db, input.contestId, entry.sortKey)),
    score: entry.score,
    durationMs: entry.durationMs,
  };
}
