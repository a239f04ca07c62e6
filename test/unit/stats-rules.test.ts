import { foldProgress } from '../../core/stats/fold';
import { shanghaiMonth } from '../../core/stats/months';
import { currentProgramme, DEFAULT_EVIDENCE, DEFAULT_POINTS } from '../../core/stats/rules';
import { rankBranches, summarizeBranch } from '../../core/stats/summary';
import type { CheckinEvent, MemberEvents, ProgrammeRules, WorkEvent } from '../../core/stats/types';
import { formatShanghai } from '../../core/time';
import type { BranchSummary } from '../../types/contracts/stats';
import { PROGRAMME_ITEM_KEYS } from '../../types/labels';

const STARTS = new Date('2026-12-31T16:00:00Z');
const ENDS = new Date('2027-12-31T16:00:00Z');
const NOW = new Date('2027-06-01T02:00:00Z');
const PROGRAMME: ProgrammeRules = {
  startsAt: STARTS,
  endsAt: ENDS,
  items: PROGRAMME_ITEM_KEYS.map((key) => ({
    key,
    title: key,
    perMember: '',
    evidence: DEFAULT_EVIDENCE[key],
    storyKinds: [],
    deadline: null,
  })),
  branchQuotas: [{ key: 'lessonVideo', label: '党课视频', source: { type: 'story', kind: 'lessonVideo' }, count: 1 }],
  points: DEFAULT_POINTS,
};
const MEMBER = { _id: 'm1', branchId: 'b1', name: '张三' };
const NONE: MemberEvents = { checkins: [], works: [], reports: [], attempts: [], signUps: [], practiceDays: [] };

function checkin(id: string, at: string, fields: Partial<CheckinEvent> = {}): CheckinEvent {
  return {
    _id: id,
    kind: 'activity',
    activityId: `act-${id}`,
    countsFor: null,
    placeName: '主题党日',
    checkedInAt: new Date(at),
    studyHours: 1,
    ...fields,
  };
}

function work(id: string, at: string, fields: Partial<WorkEvent> = {}): WorkEvent {
  return {
    _id: id,
    kind: 'reflection',
    title: '心得',
    status: 'approved',
    submittedAt: new Date(at),
    approvedAt: new Date(at),
    selection: null,
    ...fields,
  };
}

describe('一名党员的进度由其事件折叠而成', () => {
  it('最早的证据计入该项，方案期外的事件不计', () => {
    const { progress } = foldProgress(
      PROGRAMME,
      MEMBER,
      {
        ...NONE,
        checkins: [
          checkin('late', '2027-05-02T02:00:00Z', { kind: 'base', placeName: '纪念馆' }),
          checkin('early', '2027-03-02T02:00:00Z', { kind: 'base', placeName: '旧居' }),
          checkin('before', '2026-12-01T02:00:00Z', { kind: 'base' }),
        ],
      },
      NOW,
    );
    expect(progress.items.visit).toMatchObject({ type: 'checkin', refId: 'early', label: '参观「旧居」' });
    expect(progress.checkins).toBe(2);
    expect(progress.studyHours).toBe(2);
  });

  it('通过审核的心得计入“撰写一篇心得”，获奖另得积分，每条积分都写明规则', () => {
    const { progress, ledger } = foldProgress(
      PROGRAMME,
      MEMBER,
      { ...NONE, works: [work('w1', '2027-04-01T02:00:00Z', { selection: { award: 'first', at: new Date('2027-05-01T02:00:00Z') } })] },
      NOW,
    );
    expect(progress.items.reflection?.refId).toBe('w1');
    expect(ledger.map((entry) => [entry.rule, entry.points])).toEqual([
      ['approvedWork', DEFAULT_POINTS.approvedWork],
      ['award', DEFAULT_POINTS.award],
      ['itemDone', DEFAULT_POINTS.itemDone],
    ]);
    expect(progress.points).toBe(DEFAULT_POINTS.approvedWork + DEFAULT_POINTS.award + DEFAULT_POINTS.itemDone);
  });

  it('方案把某规则设为 0 时不记这条积分', () => {
    const { ledger } = foldProgress(
      { ...PROGRAMME, points: { ...DEFAULT_POINTS, attendance: 0 } },
      MEMBER,
      { ...NONE, checkins: [checkin('c', '2027-03-01T02:00:00Z')] },
      NOW,
    );
    expect(ledger.map((entry) => entry.rule)).not.toContain('attendance');
  });

  it('已报名、活动结束且未签到才算缺席；已签到或活动未结束不算', () => {
    const activity = (end: string) => ({ startAt: new Date('2027-03-01T01:00:00Z'), endAt: new Date(end), status: 'finished' as const });
    const { progress } = foldProgress(
      PROGRAMME,
      MEMBER,
      {
        ...NONE,
        checkins: [checkin('c', '2027-03-01T02:00:00Z', { activityId: 'attended' })],
        signUps: [
          { activityId: 'missed', status: 'signed', activity: activity('2027-03-01T03:00:00Z') },
          { activityId: 'attended', status: 'signed', activity: activity('2027-03-01T03:00:00Z') },
          { activityId: 'later', status: 'signed', activity: activity('2027-07-01T03:00:00Z') },
          { activityId: 'left', status: 'leave', activity: activity('2027-03-01T03:00:00Z') },
        ],
      },
      NOW,
    );
    expect(progress.noShows).toBe(1);
  });

  it('待确认的自报标为待确认，确认后计入该项', () => {
    const report = { _id: 'r1', item: 'book' as const, title: '红岩', reportedAt: new Date('2027-03-01T02:00:00Z'), decidedAt: null };
    expect(foldProgress(PROGRAMME, MEMBER, { ...NONE, reports: [{ ...report, status: 'pending' }] }, NOW).progress.pendingReports).toEqual([
      'book',
    ]);
    const confirmed = foldProgress(PROGRAMME, MEMBER, { ...NONE, reports: [{ ...report, status: 'confirmed' }] }, NOW).progress;
    expect(confirmed.items.book?.type).toBe('selfReport');
    expect(confirmed.pendingReports).toEqual([]);
  });

  it('竞赛取方案期内的最好成绩（百分制），每场竞赛只记一次参与积分', () => {
    const attempt = (id: string, score: number) => ({
      _id: id,
      contestId: 'c1',
      submittedAt: new Date('2027-03-01T02:00:00Z'),
      score,
      maxScore: 50,
    });
    const { progress, ledger } = foldProgress(PROGRAMME, MEMBER, { ...NONE, attempts: [attempt('a1', 30), attempt('a2', 45)] }, NOW);
    expect(progress.quizBest).toBe(90);
    expect(ledger.filter((entry) => entry.rule === 'quizAttempt')).toHaveLength(1);
  });

  it('每日一练：方案期内交卷的每个北京日记一次积分，条目写明哪一天、指向当天的练习；期外的和同一天的第二份不计', () => {
    const practice = (id: string, day: string, at: string) => ({ _id: id, day, submittedAt: new Date(at) });
    const { progress, ledger } = foldProgress(
      PROGRAMME,
      MEMBER,
      {
        ...NONE,
        practiceDays: [
          // 北京时间 1 月 1 日 07:30 and 3 月 2 日 00:30 (still 3 月 1 日 in UTC).
          practice('m1_2027-01-01', '2027-01-01', '2026-12-31T23:30:00Z'),
          practice('m1_2027-03-02', '2027-03-02', '2027-03-01T16:30:00Z'),
          practice('m1_2027-03-02-again', '2027-03-02', '2027-03-01T17:00:00Z'),
          practice('m1_2026-12-31', '2026-12-31', '2026-12-31T15:00:00Z'),
        ],
      },
      NOW,
    );
    expect(ledger).toEqual([
      { rule: 'practiceDay', refId: 'm1_2027-01-01', points: 1, label: '每日练习 1月1日', at: new Date('2026-12-31T23:30:00Z') },
      { rule: 'practiceDay', refId: 'm1_2027-03-02', points: 1, label: '每日练习 3月2日', at: new Date('2027-03-01T16:30:00Z') },
    ]);
    expect(progress.points).toBe(2 * DEFAULT_POINTS.practiceDay);
    expect(progress.doneCount).toBe(0);
  });

  it('方案把每日一练设为 0 分时练习不记积分', () => {
    const programme = { ...PROGRAMME, points: { ...DEFAULT_POINTS, practiceDay: 0 } };
    const practiceDays = [{ _id: 'm1_2027-03-02', day: '2027-03-02', submittedAt: new Date('2027-03-02T02:00:00Z') }];
    expect(foldProgress(programme, MEMBER, { ...NONE, practiceDays }, NOW).ledger).toEqual([]);
  });
});

describe('支部汇总与排名', () => {
  /** Meets the first `done` items: 心得 only by an approved work, the others by check-ins counted for them. */
  const member = (id: string, done: number) => {
    const keys = PROGRAMME_ITEM_KEYS.slice(0, done);
    const events: MemberEvents = {
      ...NONE,
      checkins: keys
        .filter((key) => key !== 'reflection')
        .map((key, i) => checkin(`${id}-${key}`, `2027-0${(i % 5) + 1}-02T02:00:00Z`, { countsFor: key })),
      works: keys.includes('reflection') ? [work(`${id}-w`, '2027-05-10T02:00:00Z')] : [],
    };
    return foldProgress(PROGRAMME, { ...MEMBER, _id: id }, events, NOW).progress;
  };
  const held = { activities: [], approvedWorks: [] };

  it('完成率 = 已完成项 / (人数 × 项数)，按月汇总，支部指标按已通过作品计', () => {
    const { summary, months } = summarizeBranch(PROGRAMME, { _id: 'b1', name: '第一党支部' }, [member('a', 6), member('b', 3)], {
      activities: [{ kind: 'lesson', startAt: new Date('2027-02-01T02:00:00Z') }],
      approvedWorks: [{ kind: 'lessonVideo' }],
    });
    expect(summary.completionRate).toBeCloseTo(9 / 12);
    expect(summary.membersComplete).toBe(1);
    expect(summary.activitiesHeld).toBe(1);
    expect(summary.quotas).toEqual([{ key: 'lessonVideo', label: '党课视频', required: 1, done: 1 }]);
    expect(months['2027-02']).toMatchObject({ activitiesHeld: 1, checkins: 2 });
  });

  it('小支部 90% 排在大支部 60% 之前，尽管后者完成的项数更多；没有党员的支部没有名次', () => {
    const small = summarizeBranch(PROGRAMME, { _id: 's', name: '小支部' }, [member('s1', 6)], held).summary;
    const smallAt90: BranchSummary = { ...small, completionRate: 0.9 };
    const large: BranchSummary = {
      ...small,
      branchId: 'l',
      branchName: '大支部',
      members: 100,
      completionRate: 0.6,
      itemsDone: { lesson: 60, story: 60, book: 60, film: 60, visit: 60, reflection: 60 },
    };
    const empty: BranchSummary = { ...small, branchId: 'e', branchName: '空支部', members: 0, completionRate: 0 };
    const ranked = rankBranches([large, empty, smallAt90]);
    expect(ranked.map((row) => [row.branchId, row.rank])).toEqual([
      ['s', 1],
      ['l', 2],
      ['e', null],
    ]);
    const done = (summary: BranchSummary) => Object.values(summary.itemsDone).reduce((sum, n) => sum + n, 0);
    expect(done(large)).toBeGreaterThan(done(smallAt90));
  });

  it('完成率相同时看全部完成的人数占比，再看竞赛平均分', () => {
    const base = summarizeBranch(PROGRAMME, { _id: 'x', name: '甲' }, [member('x', 3)], held).summary;
    const a: BranchSummary = { ...base, branchId: 'a', branchName: '甲', membersComplete: 0, quizAverage: 95 };
    const b: BranchSummary = { ...base, branchId: 'b', branchName: '乙', membersComplete: 1, quizAverage: 10 };
    const c: BranchSummary = { ...base, branchId: 'c', branchName: '丙', membersComplete: 0, quizAverage: 80 };
    expect(rankBranches([a, b, c]).map((row) => row.branchId)).toEqual(['b', 'a', 'c']);
  });
});

describe('当前方案与月份', () => {
  const programme = (id: string, starts: string, ends: string) => ({ id, startsAt: new Date(starts), endsAt: new Date(ends) });

  it('取窗口包含现在、开始最晚的方案；都不包含时取最新的一个', () => {
    const list = [
      programme('old', '2026-01-01', '2027-01-01'),
      programme('year', '2027-01-01', '2028-01-01'),
      programme('spring', '2027-03-01', '2027-06-30'),
    ];
    expect(currentProgramme(list, new Date('2027-04-01'))?.id).toBe('spring');
    expect(currentProgramme(list, new Date('2027-08-01'))?.id).toBe('year');
    expect(currentProgramme(list, new Date('2029-01-01'))?.id).toBe('spring');
    expect(currentProgramme([], NOW)).toBeNull();
  });

  it('月份按北京时间计，与 core/time 一致（跨月、跨年的午夜前后）', () => {
    const instants = [
      '2027-01-31T15:59:59Z',
      '2027-01-31T16:00:00Z',
      '2026-12-31T16:00:00Z',
      '2027-06-15T08:00:00Z',
      '2028-02-28T20:00:00Z',
    ];
    for (const iso of instants) expect(shanghaiMonth(new Date(iso))).toBe(formatShanghai(new Date(iso), 'YYYY-MM'));
  });
});
