/** A programme, a member's progress and a branch's numbers as the stats function answers them, and a fake server for the pages. */
import type { MemberView } from '../../../types/contracts/member';
import type { BranchSummary, MyProgress, ProgrammeView } from '../../../types/contracts/stats';
import { activeMember, meReply } from '../../components/__test__/membershipFixtures';
import { resetTaroStub } from '../../components/__test__/taroStub';

export const secretary: MemberView = { ...activeMember, id: 'm-secretary', name: '李书记', role: 'secretary' };
export const orgAdmin: MemberView = { ...activeMember, id: 'm-admin', name: '组织部张部长', role: 'org_admin' };

export const programme: ProgrammeView = {
  id: 'prog-2026',
  title: '2026年“红色教育进学院”六个一活动',
  year: 2026,
  description: '',
  startsAt: '2025-12-31T16:00:00.000Z',
  endsAt: '2026-12-31T16:00:00.000Z',
  state: 'active',
  items: [
    { key: 'lesson', title: '上好一堂党课', perMember: '', evidence: ['checkin', 'story'], storyKinds: [], deadline: null },
    { key: 'story', title: '宣讲一个故事', perMember: '', evidence: ['checkin', 'story'], storyKinds: [], deadline: null },
    {
      key: 'book',
      title: '阅读一本书籍',
      perMember: '读一本红色书籍',
      evidence: ['checkin', 'selfReport'],
      storyKinds: [],
      deadline: null,
    },
    { key: 'film', title: '观看一部影视', perMember: '', evidence: ['checkin', 'selfReport'], storyKinds: [], deadline: null },
    { key: 'visit', title: '参观一处景点', perMember: '', evidence: ['checkin'], storyKinds: [], deadline: null },
    { key: 'reflection', title: '撰写一篇心得', perMember: '', evidence: ['story'], storyKinds: [], deadline: null },
  ],
  branchQuotas: [{ key: 'storylessonVideo', label: '报送党课视频', source: { type: 'story', kind: 'lessonVideo' }, count: 1 }],
  studyHoursTarget: 20,
  points: { attendance: 5, baseVisit: 5, quizAttempt: 3, practiceDay: 1, approvedWork: 10, award: 30, selfReport: 3, itemDone: 10 },
};

/** 14:03 Beijing time on 2026-06-20. */
export const AS_OF = '2026-06-20T06:03:00.000Z';

export function progress(overrides: Partial<MyProgress> = {}): MyProgress {
  const undone = (key: ProgrammeView['items'][number]['key'], title: string) => ({
    key,
    title,
    perMember: '',
    done: false,
    evidence: null,
    pendingReport: false,
  });
  return {
    programme,
    items: [
      { ...undone('lesson', '上好一堂党课') },
      { ...undone('story', '宣讲一个故事') },
      { ...undone('book', '阅读一本书籍'), pendingReport: true },
      { ...undone('film', '观看一部影视') },
      {
        ...undone('visit', '参观一处景点'),
        done: true,
        evidence: { type: 'checkin', refId: 'b_1', label: '参观「道县陈树湘党性教育基地」', at: '2026-06-03T02:00:00.000Z' },
      },
      { ...undone('reflection', '撰写一篇心得') },
    ],
    doneCount: 1,
    studyHours: 6.5,
    studyHoursTarget: 20,
    points: 15,
    asOf: AS_OF,
    ...overrides,
  };
}

export function summary(overrides: Partial<BranchSummary> = {}): BranchSummary {
  return {
    branchId: 'branch-1',
    branchName: '第一党支部',
    members: 20,
    itemsDone: { lesson: 18, story: 10, book: 5, film: 0, visit: 20, reflection: 3 },
    completionRate: 56 / 120,
    membersComplete: 2,
    studyHours: 130,
    points: 900,
    checkins: 60,
    submissions: 12,
    approvedWorks: 9,
    awards: 1,
    activitiesHeld: 4,
    noShows: 3,
    quizParticipants: 15,
    quizAverage: 86.4,
    quotas: [{ key: 'storylessonVideo', label: '报送党课视频', required: 1, done: 0 }],
    ...overrides,
  };
}

export type Handler = (input: Record<string, unknown>) => unknown;

/** The cloud as the pages see it: member.me and orgTree for `who`, each stats action by its handler; anything else fails the test. */
export function serve(callFunction: jest.Mock, who: MemberView, handlers: Record<string, Handler>): void {
  callFunction.mockImplementation(async (name: string, action: string, input: Record<string, unknown>) => {
    if (name === 'member' && action === 'me') return meReply(true, who);
    if (name === 'member' && action === 'orgTree') {
      const branch = (id: string, branchName: string) => ({ id, name: branchName, kind: 'branch', memberCount: 20, children: [] });
      return {
        ok: true,
        data: {
          roots: [
            {
              ...branch('committee', '机关党委'),
              kind: 'committee',
              children: [branch('branch-1', '第一党支部'), branch('branch-2', '第二党支部')],
            },
          ],
        },
      };
    }
    const handler = handlers[action];
    if (name !== 'stats' || !handler) throw new Error(`unexpected ${name}.${action}`);
    return handler(input);
  });
}

export function ok<T>(data: T) {
  return { ok: true as const, data };
}

export function inputsOf(callFunction: jest.Mock, action: string): Array<Record<string, unknown>> {
  return callFunction.mock.calls.filter(([, called]) => called === action).map(([, , input]) => input as Record<string, unknown>);
}

/**
 * Every test from a fresh Taro stub and cloud mock; given `now` (an instant, or its ISO text) Date.now
 * answers it. Spies are restored after each test.
 */
export function freshEachTest(callFunction: jest.Mock, now?: number | string): void {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    if (now !== undefined) jest.spyOn(Date, 'now').mockReturnValue(typeof now === 'number' ? now : Date.parse(now));
  });
  afterEach(() => jest.restoreAllMocks());
}
