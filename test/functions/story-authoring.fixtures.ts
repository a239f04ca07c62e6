/**
 * What the authoring tests share: works and campaigns written straight into the store (in the shapes
 * server/documents.ts defines), photos and videos put in cloud storage as the phone uploads them, and
 * drafts as the edit page sends them.
 */
import cloud from 'wx-server-sdk';
import type { StoryDraftInput } from '../../types/contracts/story';
import { storyDoc, type CampaignDoc, type StoryDoc } from '../../server/documents';
import { fetchById } from '../../server/kernel/db';
import type { TestEnv } from '../support/localEnv';

export const MEMBER = 'demo-member';
export const MEMBER_ID = 'm-demo-member';
export const SECRETARY = 'demo-secretary';
export const ADMIN = 'demo-admin';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A campaign taking 心得, red stories and theory articles, open for a week either side of `now`. */
export const CAMPAIGN_ID = 'campaign-authoring';

export function after(now: Date, ms: number): Date {
  return new Date(now.getTime() + ms);
}

/** Text of `count` 字: Chinese characters and punctuation, each one 字. */
export function text(count: number): string {
  const sentence = '永州红色故事代代相传，';
  return Array.from({ length: count }, (_, index) => sentence[index % sentence.length]).join('');
}

export function campaignDoc(now: Date, overrides: Partial<CampaignDoc> = {}): CampaignDoc {
  return {
    _id: CAMPAIGN_ID,
    title: '红色教育心得征集',
    description: '',
    kinds: ['reflection', 'story', 'article'],
    opensAt: after(now, -7 * DAY),
    closesAt: after(now, 7 * DAY),
    ratingClosesAt: after(now, 14 * DAY),
    branchQuotas: [],
    awards: { first: 1, second: 2, third: 3, excellent: 5 },
    awarded: { first: 0, second: 0, third: 0, excellent: 0 },
    ratingWeight: 30,
    createdBy: 'm-demo-admin',
    createdAt: after(now, -8 * DAY),
    updatedAt: after(now, -8 * DAY),
    ...overrides,
  };
}

export function placeCampaign(env: TestEnv, now: Date, overrides: Partial<CampaignDoc> = {}): CampaignDoc {
  const doc = campaignDoc(now, overrides);
  env.store.insertMany('campaigns', [{ ...doc }]);
  return doc;
}

/** A work of demo-member (第一党支部) written straight into the store: a 心得 draft of 120 字 unless told otherwise. */
export function placeStory(env: TestEnv, now: Date, overrides: Partial<StoryDoc> & Pick<StoryDoc, '_id'>): StoryDoc {
  const doc = storyDoc({ _id: MEMBER_ID, name: '林红', branchId: 'branch-1', branchName: '第一党支部' }, now, {
    kind: 'reflection',
    title: '参观陈树湘纪念馆有感',
    body: text(120),
    ...overrides,
  });
  env.store.insertMany('stories', [{ ...doc }]);
  return doc;
}

export async function storedStory(id: string): Promise<StoryDoc | null> {
  return fetchById<StoryDoc>(cloud.database().collection('stories'), id);
}

/** What the edit page sends for a 心得 of `words` 字. */
export function reflection(overrides: Partial<StoryDraftInput> = {}, words = 120): StoryDraftInput {
  return { kind: 'reflection', title: '参观陈树湘纪念馆有感', body: text(words), ...overrides };
}

/** WeChat's image check reads this marker in the local stand-in as a risky image (config/contentSecurity.json). */
export const RISKY_MARKER = 'HONGTU-RISKY';

/** A photo as the phone uploads it (a JPEG's first bytes are enough for the checks here), marked risky or not. */
export function uploadPhoto(env: TestEnv, name: string, risky = false, owner = MEMBER): string {
  const jpeg = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from(risky ? `photo ${RISKY_MARKER}` : 'photo of the memorial'),
  ]);
  return env.files.put(`stories/${owner}/${name}.jpg`, jpeg, { side: 'client', openid: owner });
}

export function uploadVideo(env: TestEnv, name: string, content: Buffer, owner = MEMBER): string {
  return env.files.put(`stories/${owner}/${name}.mp4`, content, { side: 'client', openid: owner });
}
