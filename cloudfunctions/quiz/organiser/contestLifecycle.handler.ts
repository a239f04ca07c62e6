/**
 * The organiser's loop around a contest: edit or withdraw it before it opens, publish a draft,
 * close it early, duplicate it. Each change is one write conditional on the state it was read in,
 * so a contest that opened meanwhile is never edited, and each is audited.
 */
import type { UpdateContestInput } from '../../../types/contracts/quiz';
import { adminStatusAt } from '../../../core/quiz';
import { recordAudit } from '../../../server/audit';
import type { ContestDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { contestFields } from '../contestSettings';
import { insertContest } from '../repository';
import { findAnyContest } from './adminContests.handler';
import { closeContestNow, cutOpenAttempts, updateContestIf, updateUnopenedContest } from './organiser.repository';

const MAX_TITLE = 40;
const COPY_SUFFIX = '（副本）';

async function audit(ctx: MemberContext, action: string, contest: Pick<ContestDoc, '_id' | 'title'>): Promise<void> {
  await recordAudit(
    ctx.db,
    { at: ctx.now, actorId: ctx.member._id, action: `quiz.${action}`, targetId: contest._id, detail: { title: contest.title } },
    ctx.log,
  );
}

/** Edits and withdrawals are for a contest that has not opened: a draft, or published with its start still ahead. */
function assertNotOpened(ctx: MemberContext, contest: ContestDoc): void {
  const status = adminStatusAt(contest, ctx.now);
  if (status !== 'draft' && status !== 'upcoming') fail('CLOSED', { message: '竞赛已开始，不能再修改或撤回' });
}

/** Replaces every setting and draws a new pool. DB requests: caller, contest, branches (if named), sample, write, audit. */
export async function updateContest({ contestId, ...settings }: UpdateContestInput, ctx: MemberContext) {
  const contest = await findAnyContest(ctx, contestId);
  assertNotOpened(ctx, contest);
  const fields = await contestFields(settings, ctx);
  if (!(await updateUnopenedContest(ctx.db, contestId, contest.status, ctx.now, fields)))
    fail('CONFLICT', { message: '竞赛状态已变化，请刷新' });
  await audit(ctx, 'updateContest', { _id: contestId, title: fields.title });
  return { contestId, questionCount: fields.questionCount };
}

export async function publishContest({ contestId }: { contestId: string }, ctx: MemberContext) {
  const contest = await findAnyContest(ctx, contestId);
  if (contest.status !== 'draft') fail('CONFLICT', { message: '竞赛已发布' });
  if (contest.endAt <= ctx.now) fail('CLOSED', { message: '结束时间已过，请先修改时间' });
  if (!(await updateContestIf(ctx.db, contestId, { status: 'draft' }, { status: 'published', updatedAt: ctx.now })))
    fail('CONFLICT', { message: '竞赛状态已变化，请刷新' });
  await audit(ctx, 'publishContest', contest);
  return { contestId, status: adminStatusAt({ ...contest, status: 'published' }, ctx.now) };
}

/** 撤回: back to draft, gone from members' lists, its pool no longer reserved. */
export async function withdrawContest({ contestId }: { contestId: string }, ctx: MemberContext) {
  const contest = await findAnyContest(ctx, contestId);
  if (contest.status === 'draft') fail('CONFLICT', { message: '竞赛尚未发布' });
  assertNotOpened(ctx, contest);
  if (!(await updateUnopenedContest(ctx.db, contestId, contest.status, ctx.now, { status: 'draft', updatedAt: ctx.now })))
    fail('CONFLICT', { message: '竞赛状态已变化，请刷新' });
  await audit(ctx, 'withdrawContest', contest);
  return { contestId, status: 'draft' as const };
}

/** 提前结束: ends now; running attempts get the same deadline, so a submit after it counts as late. */
export async function closeContest({ contestId }: { contestId: string }, ctx: MemberContext) {
  const { db, now } = ctx;
  const contest = await findAnyContest(ctx, contestId);
  if (adminStatusAt(contest, now) !== 'open') fail('CLOSED', { message: '只有进行中的竞赛可以提前结束' });
  if (!(await closeContestNow(db, contestId, now))) fail('CONFLICT', { message: '竞赛状态已变化，请刷新' });
  await cutOpenAttempts(db, contestId, now);
  await audit(ctx, 'closeContest', contest);
  return { contestId, endAt: now.toISOString() };
}

/** A draft copy with the same settings and pool, to edit (which draws a new pool) and publish. */
export async function duplicateContest({ contestId }: { contestId: string }, ctx: MemberContext) {
  const { _id: _original, closedEarly: _closedEarly, ...contest } = await findAnyContest(ctx, contestId);
  const title = `${contest.title.slice(0, MAX_TITLE - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
  const copyId = await insertContest(ctx.db, { ...contest, title, status: 'draft', createdAt: ctx.now, updatedAt: ctx.now });
  await audit(ctx, 'duplicateContest', { _id: copyId, title });
  return { contestId: copyId, questionCount: contest.questionCount };
}
