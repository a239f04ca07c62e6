/**
 * What the first weeks of use left behind, so boards and pages are not empty on first open: a closed
 * contest most members took part in (its board and branch board follow from the entries), and
 * 每日一练 runs of generated members. Built in memory from the rules the functions score with, so
 * every stored figure is one the functions would have written.
 */
import { createHash } from 'node:crypto';
import {
  answerSequence,
  isCorrectChoice,
  isTooFast,
  minReadMs,
  questionOptionOrder,
  rankSortKey,
  scoreAttempt,
  PRACTICE_POINTS_PER_CORRECT,
  seededRng,
  toDisplayed,
  type Rng,
} from '../../core/quiz';
import { shanghaiDay } from '../../core/time';
import {
  entryId,
  practiceDayId,
  type AttemptDoc,
  type ContestDoc,
  type ContestEntryDoc,
  type MemberDoc,
  type OrgDoc,
  type PracticeDayDoc,
  type PracticeMemberDoc,
  type QuestionDoc,
} from '../../server/documents';
import { PRACTICE_QUESTION_COUNT } from '../../types/contracts/practice';
import { SUBMIT_GRACE_MS } from '../../cloudfunctions/quiz/handlers/start.handler';

export const SEED_CLOSED_CONTEST_ID = 'contest-party-history-round-1';

const DAY_MS = 24 * 60 * 60 * 1000;
const QUESTIONS_PER_CONTEST = 10;
/** Smaller than the bank's size over PRACTICE_QUESTION_COUNT, so one day's questions are distinct. */
const PRACTICE_STRIDE = 17;

/** How likely a member answers right: most know the history well, a few guess. */
function skillOf(rng: Rng): number {
  return 0.55 + rng() * 0.4;
}

/** A wrong choice for a question, in original option indexes: the member's honest mistake. */
function wrongChoice(question: Pick<QuestionDoc, 'type' | 'answer' | 'options'>, rng: Rng): number[] {
  if (question.type === 'judge') return [1 - (question.answer[0] ?? 0)];
  if (question.type === 'multiple') return question.answer.length > 1 ? question.answer.slice(1) : [0, 1];
  const wrong = question.options.map((_, index) => index).filter((index) => !question.answer.includes(index));
  return [wrong[Math.floor(rng() * wrong.length)] ?? 0];
}

function choose(question: QuestionDoc, skill: number, rng: Rng): number[] {
  return rng() < skill ? [...question.answer] : wrongChoice(question, rng);
}

/** Ten questions from across the bank, one category after another, so the contest reads like a real round. */
function contestQuestions(questions: QuestionDoc[]): QuestionDoc[] {
  const byCategory = new Map<string, QuestionDoc[]>();
  for (const question of questions) byCategory.set(question.category, [...(byCategory.get(question.category) ?? []), question]);
  const picked: QuestionDoc[] = [];
  for (let round = 0; picked.length < QUESTIONS_PER_CONTEST; round += 1) {
    for (const group of byCategory.values()) {
      const question = group[round * 3];
      if (question && picked.length < QUESTIONS_PER_CONTEST) picked.push(question);
    }
  }
  return picked;
}

export function seedClosedContest(now: Date, questions: QuestionDoc[]): ContestDoc {
  const picked = contestQuestions(questions);
  const startAt = new Date(now.getTime() - 45 * DAY_MS);
  return {
    _id: SEED_CLOSED_CONTEST_ID,
    title: '党史学习教育 · 第一期知识竞赛',
    description: '10 道题，限时 8 分钟，只能作答 1 次，交卷后即可查看解析。',
    status: 'published',
    startAt,
    endAt: new Date(now.getTime() - 31 * DAY_MS),
    questionCount: picked.length,
    rules: picked.map((question) => ({ category: question.category, count: 1 })),
    pointsPerQuestion: 10,
    timeLimitSec: 480,
    attemptsAllowed: 1,
    counts: 'best',
    showExplanations: true,
    leaderboardVisible: true,
    audienceBranchIds: null,
    createdAt: new Date(startAt.getTime() - 5 * DAY_MS),
    review: 'afterEachAttempt',
    pace: 'whole',
    secondsPerQuestion: null,
    maxSwitches: null,
    pool: picked.map((question) => ({ id: question._id, category: question.category, difficulty: question.difficulty })),
  };
}

/** Whether a member took part: most did, the 离退休 branch less often, the demo stranger never (not a member). */
function tookPart(member: MemberDoc, index: number): boolean {
  if (member.openid === 'demo-member' || member.openid === 'demo-secretary') return true;
  const share = member.branchId === 'branch-5' ? 0.4 : 0.8;
  return seededRng(`took-part-${member._id}`)() < share || index === 0;
}

/** One submitted attempt per participant, and the board entry it stands as. */
export function seedContestHistory(
  contest: ContestDoc,
  questions: QuestionDoc[],
  members: MemberDoc[],
  orgs: OrgDoc[],
): { attempts: AttemptDoc[]; entries: ContestEntryDoc[] } {
  const byId = new Map(questions.map((question) => [question._id, question]));
  const picked = (contest.pool ?? [])
    .map((item) => byId.get(item.id))
    .filter((question): question is QuestionDoc => question !== undefined);
  const branchNames = new Map(orgs.map((org) => [org._id, org.name]));
  const key = picked.map((question) => ({
    id: question._id,
    type: question.type,
    answer: question.answer,
    optionCount: question.options.length,
    points: contest.pointsPerQuestion,
    minReadMs: minReadMs(question.stem, question.options),
  }));
  const attempts: AttemptDoc[] = [];
  const entries: ContestEntryDoc[] = [];
  members.forEach((member, index) => {
    if (!tookPart(member, index)) return;
    const rng = seededRng(`${contest._id}-${member._id}`);
    const skill = skillOf(rng);
    const startedAt = new Date(contest.startAt.getTime() + Math.floor(rng() * 12 * DAY_MS));
    const durationMs = Math.round((150 + rng() * 300) * 1000);
    const submittedAt = new Date(startedAt.getTime() + durationMs);
    const orders = Object.fromEntries(
      picked.map((question) => [question._id, questionOptionOrder(question.type, question.options.length, rng)]),
    );
    const answers = Object.fromEntries(
      picked.map((question) => [question._id, toDisplayed(orders[question._id] ?? [], choose(question, skill, rng))]),
    );
    const scored = scoreAttempt({ questions: key, orders, answers });
    const chosen = Object.fromEntries(scored.results.map((result) => [result.questionId, result.chosen]));
    const sequence = answerSequence(chosen);
    const attemptId = `${contest._id}_${member._id}_1`;
    attempts.push({
      _id: attemptId,
      contestId: contest._id,
      memberId: member._id,
      branchId: member.branchId,
      attemptNo: 1,
      status: 'submitted',
      startedAt,
      deadline: new Date(startedAt.getTime() + contest.timeLimitSec * 1000),
      graceMs: SUBMIT_GRACE_MS,
      key,
      orders,
      counts: contest.counts,
      showExplanations: contest.showExplanations,
      pace: 'whole',
      switchCount: 0,
      maxSwitches: null,
      receivedAt: submittedAt,
      submittedAt,
      onTime: true,
      durationMs,
      score: scored.score,
      maxScore: scored.maxScore,
      correctCount: scored.correctCount,
      chosen,
      flags: isTooFast(key, new Set(Object.keys(chosen)), durationMs) ? ['tooFast'] : [],
      correctIds: scored.results.filter((result) => result.correct).map((result) => result.questionId),
      ...(sequence === null ? {} : { answerSignature: createHash('sha256').update(sequence).digest('hex') }),
    });
    entries.push({
      _id: entryId(contest._id, member._id),
      contestId: contest._id,
      memberId: member._id,
      branchId: member.branchId,
      name: member.name,
      branchName: branchNames.get(member.branchId) ?? '',
      sortKey: rankSortKey({ score: scored.score, durationMs, submittedAt }),
      score: scored.score,
      durationMs,
      submittedAt,
      attemptId,
    });
  });
  return { attempts, entries };
}

/**
 * One unbroken run of 每日一练 days for about half the generated members, ending yesterday for the
 * keen ones (the run is still alive today) and earlier for the rest. Over consecutive days the
 * standing is simply the run (the seed test folds the days with practiceSubmit's rule to check).
 * The demo identities start fresh: their first practice is what a newcomer tries.
 */
export function seedPracticeHistory(
  now: Date,
  questions: QuestionDoc[],
  members: MemberDoc[],
): { days: PracticeDayDoc[]; practiceMembers: PracticeMemberDoc[] } {
  const days: PracticeDayDoc[] = [];
  const practiceMembers: PracticeMemberDoc[] = [];
  // Time-zone formatting is the slow part of the seed, and members share most of their days.
  const dayNames = new Map<number, string>();
  const dayOf = (submittedAt: Date, daysAgo: number): string => {
    const known = dayNames.get(daysAgo);
    if (known !== undefined) return known;
    const day = shanghaiDay(submittedAt);
    dayNames.set(daysAgo, day);
    return day;
  };
  const practising = members.filter((member) => member.openid.startsWith('seed-member-') && seededRng(`practises-${member._id}`)() < 0.5);
  for (const member of practising) {
    const rng = seededRng(`practice-${member._id}`);
    const skill = skillOf(rng);
    const runLength = 2 + Math.floor(rng() * 18);
    const stoppedDaysAgo = rng() < 0.6 ? 1 : 2 + Math.floor(rng() * 10);
    let points = 0;
    const mistakes: PracticeMemberDoc['mistakes'] = {};
    let lastDay = '';
    for (let daysAgo = stoppedDaysAgo + runLength - 1; daysAgo >= stoppedDaysAgo; daysAgo -= 1) {
      const submittedAt = new Date(now.getTime() - daysAgo * DAY_MS);
      const day = dayOf(submittedAt, daysAgo);
      // Spread across the bank, never the same question twice in a day.
      const first = Math.floor(rng() * questions.length);
      const items = Array.from({ length: PRACTICE_QUESTION_COUNT }, (_, k) => questions[(first + k * PRACTICE_STRIDE) % questions.length]!);
      const orders = Object.fromEntries(
        items.map((question) => [question._id, questionOptionOrder(question.type, question.options.length, rng)]),
      );
      const chosen = Object.fromEntries(items.map((question) => [question._id, choose(question, skill, rng)]));
      const wrong = items.filter((question) => !isCorrectChoice(chosen[question._id] ?? [], question.answer));
      const correctCount = items.length - wrong.length;
      const pointsEarned = correctCount * PRACTICE_POINTS_PER_CORRECT;
      points += pointsEarned;
      lastDay = day;
      for (const question of wrong) {
        mistakes[question._id] = {
          wrongCount: (mistakes[question._id]?.wrongCount ?? 0) + 1,
          lastWrongAt: submittedAt,
          source: 'practice',
        };
      }
      days.push({
        _id: practiceDayId(member._id, day),
        memberId: member._id,
        branchId: member.branchId,
        day,
        status: 'submitted',
        createdAt: submittedAt,
        items: items.map((question) => ({
          id: question._id,
          type: question.type,
          stem: question.stem,
          options: question.options,
          answer: question.answer,
          explanation: question.explanation,
        })),
        orders,
        submittedAt,
        correctCount,
        pointsEarned,
        chosen,
      });
    }
    practiceMembers.push({
      _id: member._id,
      memberId: member._id,
      branchId: member.branchId,
      streak: runLength,
      bestStreak: runLength,
      points,
      daysDone: runLength,
      lastDay,
      mistakes,
      resolvedCount: 0,
      updatedAt: new Date(now.getTime() - stoppedDaysAgo * DAY_MS),
    });
  }
  return { days, practiceMembers };
}
