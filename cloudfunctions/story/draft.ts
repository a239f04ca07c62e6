/**
 * An author's draft as stored fields. Saving is lenient about completeness (a draft may be half
 * written: 字数, required images and the like are `submit`'s to check), but what the draft names
 * must be real: the campaign (taking this kind), the activity (one the author may see), the base,
 * and the video, whose duration and size the server reads from the file itself. References the work
 * already had are not read again.
 */
import { canViewActivity } from '../../core/activity/access';
import { videoProblem } from '../../core/story/rules';
import { countWords } from '../../core/story/wordCount';
import type { StoryDraft } from '../../types/contracts/story';
import { STORY_KIND_LABELS } from '../../types/labels';
import type { CampaignDoc, MemberDoc, StoryDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';
import type { Database } from '../../server/kernel/db';
import type { Logger } from '../../server/kernel/log';
import { probeVideo } from '../../server/mediaProbe';
import type { OwnWork } from './authoring';
import { findCampaign } from './campaigns.repository';
import { findActivityFacts, findBase, findSignUpStatus } from './lookups.repository';

export type DraftFields = Pick<
  StoryDoc,
  'kind' | 'campaignId' | 'title' | 'body' | 'words' | 'imageFileIds' | 'video' | 'activityId' | 'activityTitle' | 'baseId' | 'baseName'
>;

/** Save's refusals name the field as the input holds it. */
const FIELD = 'draft.';
export const UNREADABLE_VIDEO = '无法读取视频，请上传 MP4 文件';

async function campaignFor(db: Database, draft: StoryDraft, before: OwnWork | null): Promise<CampaignDoc | null> {
  if (draft.campaignId === null) return null;
  const campaign = before?.story.campaignId === draft.campaignId ? before.campaign : await findCampaign(db, draft.campaignId);
  const field = `${FIELD}campaignId`;
  if (!campaign) fail('NOT_FOUND', { field, message: '没有这个征集' });
  if (!campaign.kinds.includes(draft.kind)) {
    fail('INVALID_INPUT', { field, message: `「${campaign.title}」不征集${STORY_KIND_LABELS[draft.kind]}` });
  }
  return campaign;
}

/** An activity the author may see: addressed to their branch, organised by them, or one they hold a place in. */
async function activityTitleFor(
  db: Database,
  member: MemberDoc,
  activityId: string | null,
  before: StoryDoc | null,
): Promise<string | null> {
  if (activityId === null) return null;
  if (before?.activityId === activityId) return before.activityTitle;
  const activity = await findActivityFacts(db, activityId);
  // The author's place is read only when the audience alone would hide the activity from them.
  if (
    activity === null ||
    !(canViewActivity(member, activity, null) || canViewActivity(member, activity, await findSignUpStatus(db, activityId, member._id)))
  ) {
    fail('NOT_FOUND', { field: `${FIELD}activityId`, message: '没有这个活动' });
  }
  return activity.title;
}

async function baseNameFor(db: Database, baseId: string | null, before: StoryDoc | null): Promise<string | null> {
  if (baseId === null) return null;
  if (before?.baseId === baseId) return before.baseName;
  const base = await findBase(db, baseId);
  if (!base) fail('NOT_FOUND', { field: `${FIELD}baseId`, message: '没有这个红色教育基地' });
  return base.name;
}

/** A newly attached video is read once, here; the reading stays with the work, and submit checks it again. */
async function videoFor(fileId: string | null, before: StoryDoc | null, log: Logger): Promise<StoryDoc['video']> {
  if (fileId === null) return null;
  if (before?.video?.fileId === fileId) return before.video;
  const field = `${FIELD}videoFileId`;
  const probe = await probeVideo(fileId);
  if (!probe.ok) {
    log.info('video_unreadable', { fileId, ...probe });
    fail('INVALID_INPUT', { field, message: UNREADABLE_VIDEO });
  }
  const problem = videoProblem(probe);
  if (problem !== null) fail('INVALID_INPUT', { field, message: problem });
  return { fileId, seconds: probe.seconds, bytes: probe.bytes };
}

/** The draft's stored fields and its campaign, the references read side by side. */
export async function resolveDraft(
  db: Database,
  member: MemberDoc,
  draft: StoryDraft,
  before: OwnWork | null,
  log: Logger,
): Promise<{ fields: DraftFields; campaign: CampaignDoc | null }> {
  const previous = before?.story ?? null;
  const [campaign, activityTitle, baseName, video] = await Promise.all([
    campaignFor(db, draft, before),
    activityTitleFor(db, member, draft.activityId, previous),
    baseNameFor(db, draft.baseId, previous),
    videoFor(draft.videoFileId, previous, log),
  ]);
  return {
    campaign,
    fields: {
      kind: draft.kind,
      campaignId: draft.campaignId,
      title: draft.title,
      body: draft.body,
      words: countWords(draft.body),
      imageFileIds: draft.imageFileIds,
      video,
      activityId: draft.activityId,
      activityTitle,
      baseId: draft.baseId,
      baseName,
    },
  };
}
