/**
 * What the story tests share: works and campaigns written straight into the store (before the
 * authoring actions exist, and to reach any step of the chain at once), seeded people as authors,
 * and the stored documents to assert on — including the check every chain test can end with: the
 * per-branch tallies equal what the works say (server/campaignTally.ts).
 */
import cloud from 'wx-server-sdk';
import { memberDoc, seedPeople } from '../../emulator/seed/people';
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

export type PlacedStory = Pick<StoryDoc, '_id'> & Partial<StoryDoc> & { author?: string | Author };

/**
 * Puts a work into the store: by demo-member (第一党支部) unless `author` names another seeded
 * person (by openid) or anyone else, a 红色故事 awaiting review since an hour before `now` unless
 * the fields say otherwise.
 */
export function placeStory(env: TestEnv, now: Date, { author = 'demo-member', ...fields }: PlacedStory): StoryDoc {
  const doc = storyDoc(typeof author === 'string' ? seededAuthor(author) : author, after(now, -2 * HOUR), {
    kind: 'story',
    status: 'pending',
    title: '红军泉边的故事',
    body: '相传红军在这里驻扎时，和村民一起把山脚的泉眼修好了，泉水一直流到今天，村里的老人常说吃水不忘挖井人，这就是红军泉的来历。',
    version: 1,
    submittedAt: after(now, -HOUR),
    ...fields,
  });
  env.store.insertMany('stories', [{ ...doc }]);
  return doc;
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

async function stored<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
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

/** Each campaign's stored tallies equal what its works say: approved by kind, authors, selected, ratings. */
export async function expectTalliesMatchWorks(campaignId: string): Promise<void> {
  const works = await stored<StoryDoc>('stories', { campaignId });
  const expected = campaignTallies(works, new Date(0)).tallies.map(({ updatedAt: _, ...tally }) => tally);
  const actual = (await stored<CampaignBranchDoc>('campaign_branches', { campaignId })).map(({ updatedAt: _, ...tally }) => tally);
  const byId = (a: { _id: string }, b: { _id: string }) => a._id.localeCompare(b._id);
  expect(actual.sort(byId)).toEqual(expected.sort(byId));
}
