/**
 * Loads the demo data (ARCHITECTURE.md, "Demo data") into a store. Dates are relative to `now` so the contest is
 * always open and the activity always upcoming, whenever the seed is loaded.
 */
import { AUDIENCE_ALL } from '../../core/activity/rules';
import type { ActivityDoc, ContestDoc, ContestDrawRule, QuestionDoc } from '../../server/documents';
import { shanghaiTimeOn } from '../../core/time';
import { normaliseStem } from '../../types/question';
import type { DocumentStore } from '../engine/store';
import { freeze } from '../engine/ejson';
import { seedBases } from './bases';
import { seedBrandProgrammeDoc } from './brand';
import { seedCheckins } from './checkins';
import { seedClosedContest, seedContestHistory, seedPracticeHistory } from './history';
import { seedBranchActivities } from './branchActivities';
import { seedPeople } from './people';
import { seedProgrammeDoc, seedSelfReports } from './programme';
import { seedQuestions } from './questions';
import { seedStories } from './stories';

export { DEMO_IDENTITIES, DEMO_NAMES, memberDoc } from './people';
export { SEED_CLOSED_CONTEST_ID } from './history';
export { seedBrandProgrammeId } from './brand';
export { CONFIRMED_SELF_REPORT_ID, PENDING_SELF_REPORT_ID, seedProgrammeId } from './programme';
export { OCTOBER_THEME_DAY_ID, SEPTEMBER_LESSON_ID, TODAY_LESSON_ID } from './branchActivities';
export { PENDING_STORY_ID, RETURNED_STORY_ID, STORY_CONTEST_ID, THEORY_CAMPAIGN_ID } from './stories';

export const SEED_CONTEST_ID = 'contest-yongzhou-2026';
export const SEED_ACTIVITY_ID = 'activity-chenshuxiang-visit';

const DAY_MS = 24 * 60 * 60 * 1000;

/** 20 questions across the whole history, a little more on the founding and the Long March. */
const SEED_CONTEST_RULES: ContestDrawRule[] = [
  { category: '建党', count: 3 },
  { category: '土地革命', count: 2 },
  { category: '长征', count: 3 },
  { category: '抗日战争', count: 2 },
  { category: '解放战争', count: 2 },
  { category: '新中国', count: 2 },
  { category: '改革开放', count: 2 },
  { category: '新时代', count: 2 },
  { category: '本地红色资源', count: 2 },
];

export function seedActivity(now: Date): ActivityDoc {
  return {
    _id: SEED_ACTIVITY_ID,
    kind: 'visit',
    title: '走进道县陈树湘党性教育基地',
    description: '重温“断肠明志”的绝对忠诚，现场扫码签到，参观后提交一篇心得体会。',
    coverFileId: null,
    branchId: null,
    audience: [AUDIENCE_ALL],
    place: '道县陈树湘党性教育基地',
    baseId: null,
    online: false,
    startAt: shanghaiTimeOn(now, 5, 9),
    endAt: shanghaiTimeOn(now, 5, 16, 30),
    signUpOpensAt: null,
    signUpDeadline: shanghaiTimeOn(now, 4, 18),
    capacity: 40,
    waitlist: true,
    countsFor: 'visit',
    studyHours: 4,
    status: 'published',
    cancelReason: null,
    signedUpCount: 0,
    waitlistCount: 0,
    leaveCount: 0,
    cancelledCount: 0,
    createdBy: 'm-demo-admin',
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  };
}

export function seedContest(now: Date): ContestDoc {
  return {
    _id: SEED_CONTEST_ID,
    title: '永州红色记忆 · 党史知识竞赛',
    description: '20 道题，限时 10 分钟，最多作答 3 次，以最好成绩计入排行榜。',
    status: 'published',
    startAt: new Date(now.getTime() - DAY_MS),
    endAt: new Date(now.getTime() + 30 * DAY_MS),
    questionCount: SEED_CONTEST_RULES.reduce((sum, rule) => sum + rule.count, 0),
    rules: SEED_CONTEST_RULES,
    pointsPerQuestion: 5,
    timeLimitSec: 600,
    attemptsAllowed: 3,
    counts: 'best',
    showExplanations: true,
    leaderboardVisible: true,
    audienceBranchIds: null,
    createdAt: now,
  };
}

export function seedQuestionDocs(now: Date): QuestionDoc[] {
  return seedQuestions.map((question, index) => ({
    ...question,
    _id: `q-${String(index + 1).padStart(4, '0')}`,
    stemKey: normaliseStem(question.stem),
    createdAt: now,
  }));
}

/** Seed content is authored with readable `id`s; stored documents carry them as `_id`. */
function withDocId<T extends { id: string }>({ id, ...rest }: T, now: Date): Record<string, unknown> {
  return { _id: id, ...rest, createdAt: now };
}

export interface SeedSummary {
  [collection: string]: number;
}

/**
 * The seed's documents for one `now`, built once and frozen (emulator/engine/ejson.ts, freeze): the
 * store keeps frozen documents as they are, so every test environment seeded at the same instant
 * shares them instead of building and copying ≈600 documents again (≈50 ms each time).
 */
const seedsByInstant = new Map<number, Record<string, Record<string, unknown>[]>>();
const MAX_REMEMBERED_SEEDS = 16;

function seedDocuments(now: Date): Record<string, Record<string, unknown>[]> {
  const remembered = seedsByInstant.get(now.getTime());
  if (remembered) return remembered;
  const batches = freeze(buildSeedDocuments(now));
  if (seedsByInstant.size >= MAX_REMEMBERED_SEEDS) seedsByInstant.clear();
  seedsByInstant.set(now.getTime(), batches);
  return batches;
}

export function seedStore(store: DocumentStore, now: Date): SeedSummary {
  const summary: SeedSummary = {};
  for (const [collection, docs] of Object.entries(seedDocuments(now))) {
    store.insertMany(collection, docs);
    summary[collection] = docs.length;
  }
  return summary;
}

function buildSeedDocuments(now: Date): Record<string, Record<string, unknown>[]> {
  const { orgs, members, consents } = seedPeople(now);
  const questions = seedQuestionDocs(now);
  const closedContest = seedClosedContest(now, questions);
  const contestHistory = seedContestHistory(closedContest, questions, members, orgs);
  const practice = seedPracticeHistory(now, questions, members);
  const branchActivities = seedBranchActivities(now, members);
  const stories = seedStories(now, members, orgs);
  const batches: Record<string, Record<string, unknown>[]> = {
    orgs: orgs.map((doc) => ({ ...doc })),
    members: members.map((doc) => ({ ...doc })),
    consents: consents.map((doc) => ({ ...doc })),
    bases: seedBases.map((base) => withDocId(base, now)),
    questions: questions.map((doc) => ({ ...doc })),
    contests: [{ ...seedContest(now) }, { ...closedContest }],
    attempts: contestHistory.attempts.map((doc) => ({ ...doc })),
    contest_entries: contestHistory.entries.map((doc) => ({ ...doc })),
    practice_days: practice.days.map((doc) => ({ ...doc })),
    practice_members: practice.practiceMembers.map((doc) => ({ ...doc })),
    activities: [{ ...seedActivity(now) }, ...branchActivities.activities.map((doc) => ({ ...doc }))],
    sign_ups: branchActivities.signUps.map((doc) => ({ ...doc })),
    programmes: [{ ...seedProgrammeDoc(now) }],
    brand_programmes: [{ ...seedBrandProgrammeDoc(now) }],
    self_reports: seedSelfReports(now, members).map((doc) => ({ ...doc })),
    checkins: seedCheckins(now).map((doc) => ({ ...doc })),
    campaigns: stories.campaigns.map((doc) => ({ ...doc })),
    stories: stories.stories.map((doc) => ({ ...doc })),
    story_ratings: stories.ratings.map((doc) => ({ ...doc })),
    campaign_branches: stories.tallies.map((doc) => ({ ...doc })),
    campaign_authors: stories.authors.map((doc) => ({ ...doc })),
  };
  return batches;
}

/** True when nothing has been loaded yet: `npm start` seeds only an empty store. */
export function isEmptyStore(store: DocumentStore): boolean {
  return store.collectionNames().every((name) => store.count(name) === 0);
}
