/**
 * Works, campaigns and a mocked story function for the 写投稿 and 我的投稿 page tests. Times are
 * UTC; 06:03Z is 14:03 in Beijing.
 */
import type { CampaignView, StoryCard, StoryView } from '../../../types/contracts/story';

export function storyView(patch: Partial<StoryView> = {}): StoryView {
  return {
    id: 'story-1',
    kind: 'reflection',
    status: 'draft',
    title: '',
    excerpt: '',
    coverUrl: null,
    videoSeconds: null,
    authorName: '王小明',
    branchName: '第一党支部',
    campaignTitle: null,
    updatedAt: '2026-06-20T06:03:00.000Z',
    approvedAt: null,
    recommended: false,
    selected: false,
    award: null,
    rating: { count: 0, average: null },
    body: '',
    words: 0,
    campaignId: null,
    authorId: 'member-1',
    branchId: 'branch-1',
    images: [],
    video: null,
    activity: null,
    base: null,
    version: 3,
    createdAt: '2026-06-19T02:00:00.000Z',
    submittedAt: null,
    review: null,
    rejection: null,
    recommendation: null,
    selection: null,
    myRating: null,
    can: { edit: true, submit: true, withdraw: false, review: false, recommend: false, select: false, rate: false },
    ...patch,
  };
}

export function storyCard(patch: Partial<StoryCard> = {}): StoryCard {
  return {
    id: 'story-1',
    kind: 'reflection',
    status: 'draft',
    title: '参观陈树湘纪念馆有感',
    excerpt: '走进纪念馆……',
    coverUrl: null,
    videoSeconds: null,
    authorName: '王小明',
    branchName: '第一党支部',
    campaignTitle: null,
    updatedAt: '2026-06-20T06:03:00.000Z',
    approvedAt: null,
    recommended: false,
    selected: false,
    award: null,
    rating: { count: 0, average: null },
    ...patch,
  };
}

export function campaign(patch: Partial<CampaignView> = {}): CampaignView {
  return {
    id: 'campaign-1',
    title: '理论文章征集',
    description: '',
    kinds: ['article', 'reflection'],
    opensAt: '2026-06-01T00:00:00.000Z',
    closesAt: '2026-06-26T16:00:00.000Z',
    ratingClosesAt: null,
    branchQuotas: [],
    awards: { first: 1, second: 2, third: 3, excellent: 10 },
    ratingWeight: 30,
    state: 'open',
    awarded: { first: 0, second: 0, third: 0, excellent: 0 },
    myBranch: [],
    ...patch,
  };
}

/** `count` 字 as a reader counts them, with CJK, punctuation, an emoji family and a Latin word in it. */
export function textOfWords(count: number): string {
  if (count < 3) return '党'.repeat(count);
  return `${'党'.repeat(count - 3)}，👨‍👩‍👧 word`;
}
