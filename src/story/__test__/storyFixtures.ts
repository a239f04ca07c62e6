/**
 * Works and campaigns as the story function returns them, for every story page test: a published
 * work and its card for the reading pages, the author's own 心得 draft for 写投稿 and 我的投稿, and
 * the inputs a test's mocked function was called with. Times are UTC; 06:03Z is 14:03 in Beijing.
 */
import type { CampaignView, StoryCard, StoryView } from '../../../types/contracts/story';

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

export function can(allowed: Partial<StoryView['can']>): StoryView['can'] {
  return { ...NOBODY_CAN, ...allowed };
}

export function story(overrides: Partial<StoryView> = {}): StoryView {
  return {
    ...card(),
    body: '1934年11月，三名女红军借宿沙洲村徐解秀老人家中。\n\n临走时，她们把仅有的一条被子剪下一半留给老人。\n老人说：什么是共产党？共产党就是自己有一条被子，也要剪下半条给老百姓的人。',
    words: 86,
    campaignId: null,
    // readingFixtures' author, so a reading test signed in as them reads their own work.
    authorId: 'm-author',
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

/** A card of the author's own list: a 心得 draft last saved 6月20日 14:03 unless told otherwise. */
export function draftCard(overrides: Partial<StoryCard> = {}): StoryCard {
  return card({ kind: 'reflection', status: 'draft', updatedAt: '2026-06-20T06:03:00.000Z', approvedAt: null, ...overrides });
}

/** The work as 写投稿 opens it: the author's empty 心得 draft, which they may edit and submit. */
export function draft(overrides: Partial<StoryView> = {}): StoryView {
  return story({
    ...draftCard({ title: '', excerpt: '' }),
    body: '',
    words: 0,
    submittedAt: null,
    can: can({ edit: true, submit: true }),
    ...overrides,
  });
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

/** `count` 字 as a reader counts them, with CJK, punctuation, an emoji family and a Latin word in it. */
export function textOfWords(count: number): string {
  if (count < 3) return '党'.repeat(count);
  return `${'党'.repeat(count - 3)}，👨‍👩‍👧 word`;
}

/** A page of a list action's reply. */
export const page = <T>(items: T[], nextCursor: string | null = null) => ({ ok: true, data: { items, nextCursor } });

/** The inputs of every call of `action`, in order. */
export function inputsOf(callFunction: jest.Mock, action: string): Array<Record<string, unknown>> {
  return callFunction.mock.calls.filter(([, called]) => called === action).map(([, , input]) => input as Record<string, unknown>);
}
