import { randomUUID } from 'node:crypto';
import type { StartOutput } from '../../../types/contracts/quiz';
import {
  attemptDeadline,
  contestStatusAt,
  InsufficientQuestionsError,
  isInAudience,
  minReadMs,
  paceOf,
  questionOptionOrder,
  seededRng,
  submissionTiming,
} from '../../../core/quiz';
import { attemptLedgerId } from '../../../server/attemptLedger';
import { entryId, PENDING_SORT_KEY, type AttemptDoc, type ContestDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { isDuplicateKeyError } from '../../../server/kernel/sdk-errors';
import { findOrgName } from '../../../server/orgs.repository';
import { drawAttemptQuestions } from '../contestPool';
import { firstQuestionWindow } from '../pace';
import {
  closeOpenAttempt,
  createPendingEntry,
  findAttemptLedger,
  findContest,
  findLatestAttempt,
  insertAttempt,
  listQuestionsByIds,
  type DrawnQuestion,
} from '../repository';

/** A submit that left the phone just before the deadline still counts if it lands within this. */
export const SUBMIT_GRACE_MS = 10_000;
/** Starting again right after a submit is refused for this long (a tap storm or a script). */
export const START_COOLDOWN_MS = 5_000;

/**
 * Starts (or resumes) the caller's attempt. DB requests: caller, contest, latest attempt, the
 * questions, insert, and on a first attempt the pending board entry and branch name = 7 (one more,
 * the attempt ledger, for a member who joined again after deleting their data); a contest stored
 * before pools adds two at its very first start. Resuming = 4.
 */
export async function start(input: { contestId: string }, ctx: MemberContext): Promise<StartOutput> {
  const { db, member, now } = ctx;
  const contest = await findContest(db, input.contestId);
  if (!contest || contest.status !== 'published') fail('NOT_FOUND');
  if (!isInAudience(contest, member.branchId)) fail('FORBIDDEN', { message: '本场竞赛不面向你所在的支部' });
  const status = contestStatusAt(contest, now);
  if (status !== 'open') fail('CLOSED', { message: status === 'upcoming' ? '竞赛尚未开始' : '竞赛已结束' });

  const latest = await findLatestAttempt(db, contest._id, member._id);
  if (latest?.status === 'open') {
    const stillRunning = submissionTiming({
      startedAt: latest.startedAt,
      deadline: latest.deadline,
      receivedAt: now,
      graceMs: latest.graceMs,
    }).onTime;
    // One open attempt per member: reopening the page resumes it with the same questions and order.
    if (stillRunning) return resumeAttempt(ctx, contest, latest);
    await closeOpenAttempt(db, latest._id, expiredFields(latest, now));
  }
  // Attempts used under a member record the caller deleted still count (server/attemptLedger.ts).
  const usedBefore = latest
    ? latest.attemptNo
    : member.hasAttemptLedger
      ? ((await findAttemptLedger(db, attemptLedgerId(contest._id, ctx.openid)))?.attemptsUsed ?? 0)
      : 0;
  const attemptNo = usedBefore + 1;
  if (attemptNo > contest.attemptsAllowed) fail('FULL', { message: '作答次数已用完' });
  if (latest?.receivedAt && now.getTime() - latest.receivedAt.getTime() < START_COOLDOWN_MS) fail('RATE_LIMITED');

  const rng = seededRng(randomUUID());
  let drawn: DrawnQuestion[];
  try {
    drawn = await drawAttemptQuestions(db, contest, rng);
  } catch (error) {
    if (error instanceof InsufficientQuestionsError) {
      ctx.log.error('contest_bank_too_small', { contestId: contest._id, ruleIndex: error.ruleIndex });
      fail('CLOSED', { message: '题库题量不足，请联系组织部' });
    }
    throw error;
  }
  const attempt = newAttempt(ctx, contest, attemptNo, drawn, rng);
  let attemptId: string;
  try {
    attemptId = await insertAttempt(db, attempt);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // Two starts at the same moment (a double tap, two devices): the one that won holds the
    // member's open attempt, and this start resumes it like any later start would.
    const winner = await findLatestAttempt(db, contest._id, member._id);
    if (winner?.status !== 'open') fail('CONFLICT', { message: '已在另一台设备上开始作答，请刷新' });
    return resumeAttempt(ctx, contest, winner);
  }
  if (!latest) {
    await createPendingEntry(db, {
      _id: entryId(contest._id, member._id),
      contestId: contest._id,
      memberId: member._id,
      branchId: member.branchId,
      name: member.name,
      branchName: await findOrgName(db, member.branchId),
      sortKey: PENDING_SORT_KEY,
      score: null,
      durationMs: null,
      submittedAt: null,
      attemptId: null,
    });
  }
  return toStartOutput(contest, { ...attempt, _id: attemptId }, drawn, now, false);
}

function newAttempt(ctx: MemberContext, contest: ContestDoc, attemptNo: number, drawn: DrawnQuestion[], rng: () => number) {
  const { member, now } = ctx;
  const pace = paceOf(contest);
  const secondsPerQuestion = contest.secondsPerQuestion ?? 0;
  // 逐题限时: every question may use its whole window and grace, so the attempt's own deadline only stops an abandoned one.
  const timeLimitSec = pace === 'perQuestion' ? drawn.length * (secondsPerQuestion + SUBMIT_GRACE_MS / 1000) : contest.timeLimitSec;
  const deadline = attemptDeadline(now, timeLimitSec, contest.endAt);
  const attempt: Omit<AttemptDoc, '_id'> = {
    contestId: contest._id,
    memberId: member._id,
    branchId: member.branchId,
    attemptNo,
    status: 'open',
    startedAt: now,
    deadline,
    graceMs: SUBMIT_GRACE_MS,
    key: drawn.map((q) => ({
      id: q._id,
      type: q.type,
      answer: q.answer,
      optionCount: q.options.length,
      points: contest.pointsPerQuestion,
      minReadMs: minReadMs(q.stem, q.options),
    })),
    orders: Object.fromEntries(drawn.map((q) => [q._id, questionOptionOrder(q.type, q.options.length, rng)])),
    counts: contest.counts,
    showExplanations: contest.showExplanations,
    pace,
    switchCount: 0,
    maxSwitches: contest.maxSwitches ?? null,
    ...(pace === 'perQuestion' ? { secondsPerQuestion, ...firstQuestionWindow(now, secondsPerQuestion, deadline) } : {}),
  };
  return attempt;
}

async function resumeAttempt(ctx: MemberContext, contest: ContestDoc, attempt: AttemptDoc): Promise<StartOutput> {
  const questions = await listQuestionsByIds(
    ctx.db,
    attempt.key.map((item) => item.id),
  );
  const byId = new Map(questions.map((question) => [question._id, question]));
  const inOrder = attempt.key.flatMap((item) => byId.get(item.id) ?? []);
  return toStartOutput(contest, attempt, inOrder, ctx.now, true);
}

/**
 * An attempt abandoned past its deadline scores as of the deadline: nothing was submitted, so nothing
 * counts. It is received now, when it is closed, so the statistics' aggregator still finds it.
 */
export function expiredFields(attempt: AttemptDoc, now: Date): Partial<AttemptDoc> {
  return {
    status: 'submitted',
    receivedAt: now,
    submittedAt: attempt.deadline,
    onTime: false,
    durationMs: attempt.deadline.getTime() - attempt.startedAt.getTime(),
    score: 0,
    maxScore: attempt.key.reduce((sum, item) => sum + item.points, 0),
    correctCount: 0,
    chosen: {},
  };
}

function toStartOutput(
  contest: ContestDoc,
  attempt: AttemptDoc,
  questions: readonly DrawnQuestion[],
  now: Date,
  resumed: boolean,
): StartOutput {
  const perQuestion = attempt.pace === 'perQuestion';
  const currentIndex = (attempt.released ?? 1) - 1;
  const shown = perQuestion ? questions.filter((question) => question._id === attempt.key[currentIndex]?.id) : questions;
  return {
    attemptId: attempt._id,
    contestId: contest._id,
    title: contest.title,
    attemptNo: attempt.attemptNo,
    attemptsAllowed: contest.attemptsAllowed,
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline.toISOString(),
    serverNow: now.toISOString(),
    resumed,
    pace: attempt.pace ?? 'whole',
    questionCount: attempt.key.length,
    current: perQuestion && attempt.questionDeadline ? { index: currentIndex, deadline: attempt.questionDeadline.toISOString() } : null,
    switchCount: attempt.switchCount ?? 0,
    maxSwitches: contest.maxSwitches ?? null,
    questions: shown.map((question) => attemptQuestion(attempt, question, contest.pointsPerQuestion)),
  };
}

/** A question as the phone sees it: options in this attempt's order, no answer. */
export function attemptQuestion(attempt: AttemptDoc, question: DrawnQuestion, defaultPoints: number) {
  const order = attempt.orders[question._id] ?? question.options.map((_, index) => index);
  return {
    id: question._id,
    type: question.type,
    stem: question.stem,
    options: order.map((original) => question.options[original] ?? ''),
    points: attempt.key.find((item) => item.id === question._id)?.points ?? defaultPoints,
  };
}
