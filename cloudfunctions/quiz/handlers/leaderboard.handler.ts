import type { BoardRow } from '../../../types/contracts/quiz';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { listBoardPage } from '../repository';
import { findBoardContest } from '../visibleBoard';

/** Keyset cursor `<rank of the next row>~<last sort key>`: each page is one indexed range read, at any depth. */
const CURSOR = /^(\d{1,7})~([0-9-]{1,40})$/;

function decodeBoardCursor(cursor: string | undefined): { nextRank: number; afterKey: string | null } {
  if (cursor === undefined) return { nextRank: 1, afterKey: null };
  const match = CURSOR.exec(cursor);
  if (!match?.[1] || !match[2]) fail('INVALID_INPUT', { field: 'cursor' });
  return { nextRank: Number(match[1]), afterKey: match[2] };
}

/** DB requests: caller, contest, one page = 3, however many took part. */
export async function leaderboard(input: { contestId: string; cursor?: string; pageSize: number }, ctx: MemberContext) {
  const { nextRank, afterKey } = decodeBoardCursor(input.cursor);
  const contest = await findBoardContest(ctx, input.contestId);
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
