/**
 * What the story tests share: works and campaigns written straight into the store (to reach any step
 * of the chain at once, or to give the author a work of their own), seeded people as authors, photos
 * and videos put in cloud storage as the phone uploads them, drafts as the edit page sends them, and
 * the stored documents to assert on — including the check every chain test can end with: the
 * per-branch tallies equal what the works say (server/campaignTally.ts).
 */
import cloud from 'wx-server-sdk';
import { memberDoc, seedPeople } from '../../emulator/seed/people';
import type { StoryDraftInput } from '../../types/contracts/story';
import { campaignTallies } from '../../server/campaignTally';
import {
  campaignBranchId,
  storyDoc,
  type CampaignBranchDoc,
  type CampaignDoc,
  type MemberDoc,
  type NotificationDoc,
  type StoryDoc,
} from '../../server/documents';
import { fetchAllPages } from '../../server/kernel/db';
import type { TestEnv } from '../support/localEnv';

export const MEMBER = 'demo-member';
export const MEMBER_ID = 'm-demo-member';
export const SECRETARY = 'demo-secretary';
export const ADMIN = 'demo-admin';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function after(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

const people = seedPeople(new Date(0));

export interface Author {
  _id: string;
  name: string;
  branchId: string;
  branchName: string;
}

/** A seeded person by openid (emulator/seed/people.ts): who they are in the store, their branch's name too. */
export function seededAuthor(openid: string): Author {
  const { members, orgs } = people;
  const member = members.find((candidate) => candidate.openid === openid);
  if (!member) throw new Error(`no seeded member ${openid}`);
  return {
    _id: member._id,
    name: member.name,
    branchId: member.branchId,
    branchName: orgs.find((org) => org._id === member.branchId)?.name ?? '',
  };
}

/** Text of `count` 字: Chinese characters and punctuation, each one 字. */
export function text(count: number): string {
  const sentence = '永州红色故事代代相传，';
  return Array.from({ length: count }, (_, index) => sentence[index % sentence.length]).join('');
}

export type PlacedStory = Pick<StoryDoc, '_id'> & Partial<StoryDoc> & { author?: string | Author };

/** A work created at `createdAt` by demo-member (第一党支部) unless `author` names another seeded person (by openid) or anyone else. */
function insertStory(env: TestEnv, createdAt: Date, { author = MEMBER, ...fields }: PlacedStory & Pick<StoryDoc, 'kind'>): StoryDoc {
  const doc = storyDoc(typeof author === 'string' ? seededAuthor(author) : author, createdAt, fields);
  env.store.insertMany('stories', [{ ...doc }]);
  return doc;
}

/** Puts a work into the store: a 红色故事 awaiting review since an hour before `now` unless the fields say otherwise. */
export function placeStory(env: TestEnv, now: Date, fields: PlacedStory): StoryDoc {
  return insertStory(env, after(now, -2 * HOUR), {
    kind: 'story',
    status: 'pending',
    title: '红军泉边的故事',
    body: '相传红军在这里驻扎时，和村民一起把山脚的泉眼修好了，泉水一直流到今天，村里的老人常说吃水不忘挖井人，这就是红军泉的来历。',
    version: 1,
    submittedAt: after(now, -HOUR),
    ...fields,
  });
}

/** The author's own work as the edit page starts it: a 心得 draft of 120 字 created at `now` unless the fields say otherwise. */
export function placeDraft(env: TestEnv, now: Date, fields: PlacedStory): StoryDoc {
  return insertStory(env, now, { kind: 'reflection', title: '参观陈树湘纪念馆有感', body: text(120), ...fields });
}

/** An approved work, as review leaves it `ago` before `now`. */
export function placeApproved(env: TestEnv, now: Date, fields: PlacedStory, ago = HOUR): StoryDoc {
  const approvedAt = after(now, -ago);
  return placeStory(env, now, { status: 'approved', approvedAt, submittedAt: after(approvedAt, -HOUR), version: 2, ...fields });
}

/**
 * A campaign open from a day before `now` to a month after, rating open a fortnight longer, with
 * every award available once and none given, 30 % rating weight.
 */
export function placeCampaign(env: TestEnv, now: Date, fields: Pick<CampaignDoc, '_id'> & Partial<CampaignDoc>): CampaignDoc {
  const doc: CampaignDoc = {
    title: '讲好红色故事大赛',
    description: '',
    kinds: ['story', 'reflection', 'article', 'lessonVideo', 'artwork'],
    opensAt: after(now, -DAY),
    closesAt: after(now, 30 * DAY),
    ratingClosesAt: after(now, 45 * DAY),
    branchQuotas: [],
    awards: { first: 1, second: 1, third: 1, excellent: 1 },
    awarded: { first: 0, second: 0, third: 0, excellent: 0 },
    ratingWeight: 30,
    createdBy: 'm-demo-admin',
    createdAt: after(now, -2 * DAY),
    updatedAt: after(now, -2 * DAY),
    ...fields,
  };
  env.store.insertMany('campaigns', [{ ...doc }]);
  return doc;
}

/** The authoring tests' campaign, taking 心得 among the other kinds. */
export const CAMPAIGN_ID = 'campaign-authoring';

export function placeReflectionCampaign(env: TestEnv, now: Date, fields: Partial<CampaignDoc> = {}): CampaignDoc {
  return placeCampaign(env, now, { _id: CAMPAIGN_ID, title: '红色教育心得征集', ...fields });
}

/** `count` active members of `branchId` with openids `<prefix>-<i>`. */
export function placeMembers(env: TestEnv, now: Date, count: number, prefix: string, branchId: string): MemberDoc[] {
  const members = Array.from({ length: count }, (_, i) =>
    memberDoc({ openid: `${prefix}-${i}`, name: `党员${prefix}${i}`, branchId }, now),
  );
  env.store.insertMany(
    'members',
    members.map((member) => ({ ...member })),
  );
  return members;
}

/** The stored documents of `collection` that match `where`. */
export async function stored<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  return fetchAllPages<T>(cloud.database().collection(collection).where(where), 20_000);
}

export async function storedStory(id: string): Promise<StoryDoc> {
  const [story] = await stored<StoryDoc>('stories', { _id: id });
  if (!story) throw new Error(`no story ${id}`);
  return story;
}

export async function storedCampaign(id: string): Promise<CampaignDoc> {
  const [campaign] = await stored<CampaignDoc>('campaigns', { _id: id });
  if (!campaign) throw new Error(`no campaign ${id}`);
  return campaign;
}

export async function storedTally(campaignId: string, branchId: string): Promise<CampaignBranchDoc | undefined> {
  const [tally] = await stored<CampaignBranchDoc>('campaign_branches', { _id: campaignBranchId(campaignId, branchId) });
  return tally;
}

export function storedNotices(storyId: string): Promise<NotificationDoc[]> {
  return stored<NotificationDoc>('notifications', { storyId });
}

/** Documents a call wrote, over all its DB requests. */
export function writes(requests: { written: number }[]): number {
  return requests.reduce((sum, request) => sum + request.written, 0);
}

/** Each campaign's stored tallies equal what its works say: approved by kind, authors, selected, ratings. */
export async function expectTalliesMatchWorks(campaignId: string): Promise<void> {
  const works = await stored<StoryDoc>('stories', { campaignId });
  const expected = campaignTallies(works, new Date(0)).tallies.map(({ updatedAt: _, ...tally }) => tally);
  const actual = (await stored<CampaignBranchDoc>('campaign_branches', { campaignId })).map(({ updatedAt: _, ...tally }) => tally);
  const byId = (a: { _id: string }, b: { _id: string }) => a._id.localeCompare(b._id);
  expect(actual.sort(byId)).toEqual(expected.sort(byId));
}

/** What the edit page sends for a 心得 of `words` 字. */
export function reflection(overrides: Partial<StoryDraftInput> = {}, words = 120): StoryDraftInput {
  return { kind: 'reflection', title: '参观陈树湘纪念馆有感', body: text(words), ...overrides };
}

/** WeChat's image check reads this marker in the local stand-in as a risky image (config/contentSecurity.json). */
const RISKY_MARKER = 'HONGTU-RISKY';

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
