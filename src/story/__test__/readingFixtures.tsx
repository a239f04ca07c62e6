/**
 * Works, campaigns and the components the reading pages need beyond the shared stand-ins (Video),
 * for the feed, detail, review and campaign page tests.
 */
import type { CampaignView, StoryCard, StoryView } from '../../../types/contracts/story';
import type { MemberView } from '../../../types/contracts/member';
import { meReply } from '../../components/__test__/membershipFixtures';

export * from '../../components/__test__/formComponents';

/** A plain <video> carrying the source, so a test can see which file plays. */
export function Video({ className, src }: { className?: string; src: string }) {
  return <video className={className} src={src} aria-label='视频' />;
}

export const author: MemberView = {
  id: 'm-author',
  name: '王建国',
  branchId: 'branch-1',
  branchName: '第一党支部',
  role: 'member',
  partyStatus: 'full',
  status: 'active',
  joinedAt: '2019-07-01T02:00:00.000Z',
};
export const reader: MemberView = { ...author, id: 'm-reader', name: '陈静' };
export const secretary: MemberView = { ...author, id: 'm-secretary', name: '林红', role: 'secretary' };
export const orgAdmin: MemberView = {
  ...author,
  id: 'm-admin',
  name: '赵志刚',
  role: 'org_admin',
  branchId: 'branch-org',
  branchName: '组织部',
};

export const meAs = (member: MemberView) => meReply(true, member);

export function card(overrides: Partial<StoryCard> = {}): StoryCard {
  return {
    id: 'story-1',
    kind: 'story',
    status: 'approved',
    title: '半条被子的温暖',
    excerpt: '1934年11月，三名女红军借宿沙洲村徐解秀老人家中……',
    coverUrl: null,
    videoSeconds: null,
    authorName: '王建国',
    branchName: '第一党支部',
    campaignTitle: null,
    updatedAt: '2026-11-20T02:00:00.000Z',
    approvedAt: '2026-11-21T02:00:00.000Z',
    recommended: false,
    selected: false,
    award: null,
    rating: { count: 0, average: null },
    ...overrides,
  };
}

const NOBODY_CAN = { edit: false, submit: false, withdraw: false, review: false, recommend: false, select: false, rate: false };

export function story(overrides: Partial<StoryView> = {}): StoryView {
  return {
    ...card(),
    body: '1934年11月，三名女红军借宿沙洲村徐解秀老人家中。\n\n临走时，她们把仅有的一条被子剪下一半留给老人。\n老人说：什么是共产党？共产党就是自己有一条被子，也要剪下半条给老百姓的人。',
    words: 86,
    campaignId: null,
    authorId: author.id,
    branchId: 'branch-1',
    images: [],
    video: null,
    activity: null,
    base: null,
    version: 3,
    createdAt: '2026-11-19T02:00:00.000Z',
    submittedAt: '2026-11-20T02:00:00.000Z',
    review: null,
    rejection: null,
    recommendation: null,
    selection: null,
    myRating: null,
    can: NOBODY_CAN,
    ...overrides,
  };
}

export function can(allowed: Partial<StoryView['can']>): StoryView['can'] {
  return { ...NOBODY_CAN, ...allowed };
}

/** 理论文章征集, open until 6月26日 24:00 Beijing time, one lesson video per branch, one first prize. */
export function campaign(overrides: Partial<CampaignView> = {}): CampaignView {
  return {
    id: 'camp-1',
    title: '理论文章征集',
    description: '围绕本地红色资源，自拟题目。',
    kinds: ['article', 'lessonVideo'],
    opensAt: '2026-06-01T00:00:00.000Z',
    closesAt: '2026-06-26T16:00:00.000Z',
    ratingClosesAt: '2026-07-10T16:00:00.000Z',
    branchQuotas: [{ kind: 'lessonVideo', count: 1 }],
    awards: { first: 1, second: 2, third: 3, excellent: 10 },
    ratingWeight: 30,
    state: 'open',
    awarded: { first: 0, second: 0, third: 0, excellent: 0 },
    myBranch: [{ kind: 'lessonVideo', required: 1, approved: 0 }],
    ...overrides,
  };
}

export const page = <T,>(items: T[], nextCursor: string | null = null) => ({ ok: true, data: { items, nextCursor } });

type Handler = (input: Record<string, unknown>) => unknown;

/** Answers `callFunction(name, action, input)` from `handlers` keyed `name.action`; anything else fails the test. */
export function answerCalls(callFunction: jest.Mock, handlers: Record<string, Handler>): void {
  callFunction.mockImplementation(async (name: string, action: string, input: Record<string, unknown>) => {
    const handler = handlers[`${name}.${action}`];
    if (!handler) throw new Error(`unexpected ${name}.${action}`);
    return handler(input);
  });
}

/** The inputs of every call of `action`, in order. */
export function inputsOf(callFunction: jest.Mock, action: string): Array<Record<string, unknown>> {
  return callFunction.mock.calls.filter(([, called]) => called === action).map(([, , input]) => input as Record<string, unknown>);
}
