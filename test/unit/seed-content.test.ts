import { QUESTION_CATEGORIES, QUESTION_TYPES, questionDraftSchema } from '../../types/question';
import { seedQuestions } from '../../emulator/seed/questions';
import { seedBases } from '../../emulator/seed/bases';
import { seedCheckins } from '../../emulator/seed/checkins';
import { checkInWindow, MAX_QUEUED_SCAN_AGE_MS } from '../../core/checkin/rules';
import { distanceM } from '../../core/geo';
import { shanghaiDay } from '../../core/time';
import { activityCheckinId, baseCheckinId, entryId, practiceDayId, type MemberDoc } from '../../server/documents';
import { rankSortKey, scoreAttempt, standingAfter, standingOn, toDisplayed, type PracticeRecord } from '../../core/quiz';
import { PRACTICE_QUESTION_COUNT } from '../../types/contracts/practice';
import { seedQuestionDocs } from '../../emulator/seed';
import { DEMO_NAMES, seedPeople } from '../../emulator/seed/people';
import { seedClosedContest, seedContestHistory, seedPracticeHistory } from '../../emulator/seed/history';
import { seedBranchActivities, TODAY_LESSON_ID } from '../../emulator/seed/branchActivities';
import { seedProgramme } from '../../emulator/seed/programme';
import { PROGRAMME_ITEM_KEYS } from '../../types/labels';

/** Drops whitespace, punctuation and symbols so near-identical stems compare equal. */
function normaliseStem(stem: string): string {
  return stem
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

function share(count: number): number {
  return count / seedQuestions.length;
}

describe('seed question bank', () => {
  it('parses every question with questionDraftSchema', () => {
    const failures = seedQuestions.flatMap((q, i) => {
      const parsed = questionDraftSchema.safeParse(q);
      return parsed.success ? [] : [`#${i} ${q.stem}: ${parsed.error.message}`];
    });
    expect(failures).toEqual([]);
  });

  it('holds at least 110 questions', () => {
    expect(seedQuestions.length).toBeGreaterThanOrEqual(110);
  });

  it('has at least 5 questions in every category', () => {
    for (const category of QUESTION_CATEGORIES) {
      const count = seedQuestions.filter((q) => q.category === category).length;
      expect({ category, enough: count >= 5 }).toEqual({ category, enough: true });
    }
  });

  it('has no two stems alike after normalising whitespace and punctuation', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const q of seedQuestions) {
      const key = normaliseStem(q.stem);
      const earlier = seen.get(key);
      if (earlier !== undefined) duplicates.push(`${earlier} ≈ ${q.stem}`);
      seen.set(key, q.stem);
    }
    expect(duplicates).toEqual([]);
  });

  it('mixes types roughly 60% single, 25% multiple, 15% judge', () => {
    const counts = Object.fromEntries(QUESTION_TYPES.map((t) => [t, seedQuestions.filter((q) => q.type === t).length])) as Record<
      (typeof QUESTION_TYPES)[number],
      number
    >;
    expect(share(counts.single)).toBeGreaterThanOrEqual(0.5);
    expect(share(counts.single)).toBeLessThanOrEqual(0.7);
    expect(share(counts.multiple)).toBeGreaterThanOrEqual(0.18);
    expect(share(counts.multiple)).toBeLessThanOrEqual(0.32);
    expect(share(counts.judge)).toBeGreaterThanOrEqual(0.1);
    expect(share(counts.judge)).toBeLessThanOrEqual(0.2);
  });

  it('mixes difficulties', () => {
    for (const difficulty of [1, 2, 3] as const) {
      expect(seedQuestions.filter((q) => q.difficulty === difficulty).length).toBeGreaterThanOrEqual(10);
    }
  });

  it('varies the correct option of single-choice questions', () => {
    const positions = new Map<number, number>();
    for (const q of seedQuestions.filter((x) => x.type === 'single')) {
      const index = q.answer[0] ?? -1;
      positions.set(index, (positions.get(index) ?? 0) + 1);
    }
    const singles = seedQuestions.filter((q) => q.type === 'single').length;
    expect(positions.size).toBeGreaterThanOrEqual(3);
    for (const count of positions.values()) {
      expect(count / singles).toBeLessThan(0.5);
    }
  });

  it('has judge questions that are true and judge questions that are false', () => {
    const judges = seedQuestions.filter((q) => q.type === 'judge');
    expect(judges.some((q) => q.answer[0] === 0)).toBe(true);
    expect(judges.some((q) => q.answer[0] === 1)).toBe(true);
  });

  it('gives every question an explanation and a cited source', () => {
    for (const q of seedQuestions) {
      expect(q.explanation.trim().length).toBeGreaterThanOrEqual(10);
      expect(q.source).toMatch(/《.+》|报告/);
    }
  });
});

describe('seed red bases', () => {
  const requiredNames = [
    '道县陈树湘党性教育基地',
    '零陵红六军团指挥部旧址',
    '蓝山中国工农红军新村渡口',
    '蓝山云冰山哨所',
    '双牌红军泉',
    '新田小源会议旧址',
    '冷水滩李达故居',
    '祁阳陶铸故居',
    '江华故居',
    '潘市红军学校',
    '红六军团在龙凼',
    '乐天宇事迹陈列馆',
  ];

  it('uses unique slug ids', () => {
    const ids = seedBases.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9_-]+$/);
  });

  it('names all 12 bases from the programme documents', () => {
    const names = seedBases.map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(requiredNames));
    expect(new Set(names).size).toBe(names.length);
  });

  it('places every base inside Yongzhou and marks it approximate', () => {
    for (const b of seedBases) {
      expect(b.latitude).toBeGreaterThanOrEqual(24.5);
      expect(b.latitude).toBeLessThanOrEqual(26.8);
      expect(b.longitude).toBeGreaterThanOrEqual(110.9);
      expect(b.longitude).toBeLessThanOrEqual(112.6);
      expect(b.approximate).toBe(true);
      expect(b.radiusM).toBeGreaterThan(0);
      expect(b.intro.length).toBeGreaterThan(0);
      expect(b.theme.length).toBeGreaterThan(0);
    }
  });

  it('gives the themes the programme documents name', () => {
    const theme = (name: string) => seedBases.find((b) => b.name === name)?.theme;
    expect(theme('道县陈树湘党性教育基地')).toBe('绝对忠诚');
    expect(theme('冷水滩李达故居')).toBe('求真精神');
    expect(theme('祁阳陶铸故居')).toBe('松树风格');
  });
});

describe('seed programme', () => {
  it('has exactly the six 六个一 items', () => {
    const keys = seedProgramme.items.map((i) => i.key);
    expect([...keys].sort()).toEqual([...PROGRAMME_ITEM_KEYS].sort());
    expect(keys).toHaveLength(6);
  });

  it('is the 2026 red-education programme', () => {
    expect(seedProgramme.id).toBe('red-education-2026');
    expect(seedProgramme.year).toBe(2026);
  });

  it('asks for one lesson video per branch, mp4, at most 30 minutes', () => {
    const lesson = seedProgramme.items.find((i) => i.key === 'lesson');
    expect(lesson?.branchQuota).toMatchObject({ scope: 'branch', count: 1, evidence: 'video', format: 'mp4' });
    expect(lesson?.branchQuota.maxMinutes).toBeLessThanOrEqual(30);
    expect(lesson?.branchQuota.recommendedMinutes).toBeLessThanOrEqual(lesson?.branchQuota.maxMinutes ?? 0);
  });

  it('asks every member for one reflection', () => {
    const reflection = seedProgramme.items.find((i) => i.key === 'reflection');
    expect(reflection?.branchQuota).toMatchObject({ scope: 'everyMember', count: 1 });
  });

  it('carries the theory-article limit and deadline the documents give', () => {
    expect(seedProgramme.theoryArticle).toMatchObject({ maxChars: 3000, deadline: '2026-06-26' });
  });
});

describe("seed check-ins (demo-member's footprint)", () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const checkins = seedCheckins(now);
  const DAY_MS = 24 * 60 * 60 * 1000;

  it('gives demo-member a few check-ins spread over the past months, each under the _id its rule gives', () => {
    expect(checkins.length).toBeGreaterThanOrEqual(3);
    expect(new Set(checkins.map((checkin) => checkin.day)).size).toBe(checkins.length);
    for (const checkin of checkins) {
      expect(checkin.memberId).toBe('m-demo-member');
      expect(checkin.checkedInAt.getTime()).toBeLessThan(now.getTime() - DAY_MS);
      expect(checkin.checkedInAt.getTime()).toBeGreaterThan(now.getTime() - 120 * DAY_MS);
      expect(checkin.day).toBe(shanghaiDay(checkin.checkedInAt));
      expect(checkin._id).toBe(
        checkin.kind === 'activity'
          ? activityCheckinId(checkin.activityId!, checkin.memberId)
          : baseCheckinId(checkin.baseId!, checkin.day, checkin.memberId),
      );
    }
  });

  it('visits seeded bases from inside their check-in radius', () => {
    const visits = checkins.filter((checkin) => checkin.kind === 'base');
    expect(visits.length).toBeGreaterThanOrEqual(2);
    for (const visit of visits) {
      const base = seedBases.find((candidate) => candidate.id === visit.baseId);
      expect(base).toBeDefined();
      expect(visit).toMatchObject({ placeName: base!.name, method: 'base', latitude: base!.latitude, longitude: base!.longitude });
      expect(visit.distanceM).toBe(Math.round(distanceM(base!, visit.location!)));
      expect(visit.distanceM).toBeLessThanOrEqual(base!.radiusM);
    }
  });

  it('has one 签到 with 签退 and 学时, one 补录 with its reason and organiser, one sent from the offline queue within 24 h', () => {
    const checkedOut = checkins.filter((checkin) => checkin.checkedOutAt !== null);
    expect(checkedOut).toHaveLength(1);
    expect(checkedOut[0]!.checkedOutAt!.getTime()).toBeGreaterThan(checkedOut[0]!.checkedInAt.getTime());
    expect(checkedOut[0]).toMatchObject({ presentMinutes: 120, studyHours: 2 });

    const backfilled = checkins.filter((checkin) => checkin.method === 'backfill');
    expect(backfilled).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/.{4,}/), recordedBy: { memberId: 'm-demo-secretary', name: '赵志刚' } }),
    ]);

    const queued = checkins.filter((checkin) => checkin.offline);
    expect(queued).toHaveLength(1);
    const delay = queued[0]!.receivedAt.getTime() - queued[0]!.checkedInAt.getTime();
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(MAX_QUEUED_SCAN_AGE_MS);
    for (const checkin of checkins.filter((other) => !other.offline)) expect(checkin.receivedAt).toEqual(checkin.checkedInAt);
  });
});

describe('seed people', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const { members } = seedPeople(now);
  const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
  const byOpenid = (openid: string) => members.find((member) => member.openid === openid)!;

  it('gives the demo identities plain full names that read naturally before 同志', () => {
    expect([byOpenid('demo-member').name, byOpenid('demo-secretary').name, byOpenid('demo-admin').name]).toEqual([
      DEMO_NAMES.member,
      DEMO_NAMES.secretary,
      DEMO_NAMES.admin,
    ]);
    for (const { name } of members) {
      expect(name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(name).not.toMatch(/书记|组织|部长|主任|小|老/);
    }
    expect(new Set(members.map((member) => member.name)).size).toBe(members.length);
  });

  it('spreads join dates over the years: veterans from 2008, most since 2015, probationary members and activists within the last year', () => {
    const year = (member: MemberDoc) => member.joinedAt.getUTCFullYear();
    const full = members.filter((member) => member.partyStatus === 'full');
    expect(full.some((member) => year(member) === 2008)).toBe(true);
    expect(full.filter((member) => year(member) >= 2015).length / full.length).toBeGreaterThan(0.7);
    expect(new Set(full.map(year)).size).toBeGreaterThanOrEqual(8);
    for (const member of full) expect(now.getTime() - member.joinedAt.getTime()).toBeGreaterThan(YEAR_MS);
    const recent = members.filter((member) => member.partyStatus !== 'full');
    expect(recent.map((member) => member.partyStatus)).toEqual(expect.arrayContaining(['probationary', 'activist']));
    for (const member of recent) {
      expect(member.joinedAt.getTime()).toBeLessThan(now.getTime());
      expect(now.getTime() - member.joinedAt.getTime()).toBeLessThan(YEAR_MS);
    }
  });

  it('makes each record no earlier than the join and no later than now', () => {
    for (const member of members) {
      expect(member.createdAt.getTime()).toBeGreaterThanOrEqual(member.joinedAt.getTime());
      expect(member.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(member.updatedAt).toEqual(member.createdAt);
    }
    expect(new Set(members.map((member) => member.createdAt.getTime())).size).toBeGreaterThan(10);
  });
});

describe('seed history', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const { members, orgs } = seedPeople(now);
  const questions = seedQuestionDocs(now);
  const contest = seedClosedContest(now, questions);
  const { attempts, entries } = seedContestHistory(contest, questions, members, orgs);

  it('has a closed contest that most members and both demo members took part in, in every branch', () => {
    expect(contest.endAt.getTime()).toBeLessThan(now.getTime());
    expect(contest.pool).toHaveLength(contest.questionCount);
    expect(entries.length / members.length).toBeGreaterThan(0.5);
    expect(entries.map((entry) => entry.memberId)).toEqual(expect.arrayContaining(['m-demo-member', 'm-demo-secretary']));
    const branches = orgs.filter((org) => org.kind === 'branch').map((org) => org._id);
    expect(new Set(entries.map((entry) => entry.branchId))).toEqual(new Set(branches));
    expect(new Set(entries.map((entry) => entry.score)).size).toBeGreaterThanOrEqual(4);
  });

  it('stores each attempt as submit would: scored from its own key, order and choices, on the board under its rank key', () => {
    for (const attempt of attempts) {
      const displayed = Object.fromEntries(
        Object.entries(attempt.chosen!).map(([id, chosen]) => [id, toDisplayed(attempt.orders[id]!, chosen)]),
      );
      const scored = scoreAttempt({ questions: attempt.key, orders: attempt.orders, answers: displayed });
      expect({ score: attempt.score, correctCount: attempt.correctCount }).toEqual({
        score: scored.score,
        correctCount: scored.correctCount,
      });
      expect(attempt.submittedAt!.getTime()).toBeGreaterThanOrEqual(contest.startAt.getTime());
      expect(attempt.submittedAt!.getTime()).toBeLessThanOrEqual(Math.min(attempt.deadline.getTime(), contest.endAt.getTime()));
      const entry = entries.find((candidate) => candidate._id === entryId(contest._id, attempt.memberId));
      expect(entry).toMatchObject({
        attemptId: attempt._id,
        score: attempt.score,
        sortKey: rankSortKey({ score: attempt.score!, durationMs: attempt.durationMs!, submittedAt: attempt.submittedAt! }),
      });
    }
  });

  it('gives about half the generated members a 每日一练 run whose standing is what counting its days one by one gives', () => {
    const { days, practiceMembers } = seedPracticeHistory(now, questions, members);
    expect(practiceMembers.length).toBeGreaterThanOrEqual(10);
    for (const record of practiceMembers) {
      expect(record.memberId).toMatch(/^m-seed-member-/);
      const own = days.filter((day) => day.memberId === record.memberId).sort((a, b) => (a.day < b.day ? -1 : 1));
      let standing: PracticeRecord | null = null;
      for (const day of own) {
        expect(day._id).toBe(practiceDayId(day.memberId, day.day));
        expect(new Set(day.items.map((item) => item.id)).size).toBe(PRACTICE_QUESTION_COUNT);
        const { pointsEarned, ...after } = standingAfter(standing, day.day, day.correctCount!);
        expect(day.pointsEarned).toBe(pointsEarned);
        standing = { ...after, lastDay: day.day };
      }
      expect(record).toMatchObject(standing!);
      expect(record.lastDay < shanghaiDay(now)).toBe(true);
    }
    const today = shanghaiDay(now);
    expect(practiceMembers.some((record) => standingOn(record, today).streak > 1)).toBe(true);
  });

  it("gives every activity check-in of demo-member's footprint a seeded activity they signed up for, under the title it shows", () => {
    const { activities, signUps } = seedBranchActivities(now, members);
    for (const checkin of seedCheckins(now).filter((candidate) => candidate.kind === 'activity')) {
      const activity = activities.find((candidate) => candidate._id === checkin.activityId);
      expect(activity).toMatchObject({ title: checkin.placeName, status: 'finished' });
      expect(checkin.checkedInAt.getTime()).toBeGreaterThan(checkInWindow(activity!).opensAt.getTime());
      expect(signUps).toContainEqual(expect.objectContaining({ activityId: activity!._id, memberId: checkin.memberId, status: 'signed' }));
    }
    for (const activity of activities) {
      expect(activity.signedUpCount).toBe(signUps.filter((signUp) => signUp.activityId === activity._id).length);
    }
  });

  it('has an activity under way, so 现场签到 can be tried as soon as the demo starts', () => {
    const { activities } = seedBranchActivities(now, members);
    const open = activities.filter((activity) => {
      const window = checkInWindow(activity);
      return activity.status === 'published' && window.opensAt <= now && now < window.closesAt;
    });
    expect(open.map((activity) => activity._id)).toEqual([TODAY_LESSON_ID]);
    expect(open[0]!.endAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(2 * 60 * 60 * 1000);
  });
});
