/**
 * One step of a work's review chain (审核, 推荐, 择优上报) in one transaction: the work, its
 * campaign's award counts when they move, the author's notice and the audit record commit together
 * or not at all, against the work as it stands when the step commits (ARCHITECTURE.md,
 * "Transactions", "Audit").
 */
import type { StoryAward } from '../../types/labels';
import type { StoryStep } from '../../core/story/notice';
import type { AuditDoc } from '../../server/audit';
import { storyRatingId, type CampaignDoc, type MemberDoc, type StoryDoc, type StoryRatingDoc } from '../../server/documents';
import { wholeObjectWrites, type Database } from '../../server/kernel/db';
import { fail } from '../../server/kernel/failure';
import type { Logger } from '../../server/kernel/log';
import { inTransaction } from '../../server/kernel/transaction';
import { storyNotice } from '../../server/notices';
import { NOT_VISIBLE } from './authoring';
import { CAMPAIGNS } from './campaigns.repository';
import { RATINGS } from './ratings.repository';
import { STORIES } from './stories.repository';

/** What a step decides from. */
export interface ChainRead {
  story: StoryDoc;
  campaign: CampaignDoc | null;
  /** The caller's own rating of the work, for the answer's view. */
  myRating: number | null;
}

export interface ChainChange {
  story: Partial<Omit<StoryDoc, '_id' | 'version' | 'updatedAt'>>;
  /** The campaign's award counts after the step, when they move. */
  awarded?: Record<StoryAward, number>;
  /** What the author is told, or null. */
  notify: StoryStep | null;
  /** The step as 操作记录 lists it (member.auditLog): `story.<action>` and what is worth a line. */
  audit: { action: string; detail: Record<string, unknown> };
}

/** The work and its campaign after the step (or as they stood, when `decide` changed nothing). */
export type ChainResult = ChainRead & { changed: boolean };

/**
 * Reads the work (NOT_FOUND without one), its campaign and the caller's rating, lets `decide` refuse
 * (it throws) or name the change (null: nothing to do), then writes the work with its version
 * bumped, the campaign's award counts, the author's notice and the audit record.
 */
export function stepInChain(
  db: Database,
  input: { storyId: string; callerId: string; now: Date },
  decide: (read: ChainRead) => ChainChange | null,
  log: Logger,
): Promise<ChainResult> {
  const { storyId, callerId, now } = input;
  return inTransaction(
    db,
    async (session) => {
      const story = await session.get<StoryDoc>(STORIES, storyId);
      if (!story) fail('NOT_FOUND', NOT_VISIBLE);
      const campaign = story.campaignId ? await session.get<CampaignDoc>(CAMPAIGNS, story.campaignId) : null;
      const rating = await session.get<StoryRatingDoc>(RATINGS, storyRatingId(storyId, callerId));
      const read: ChainRead = { story, campaign, myRating: rating?.score ?? null };
      const change = decide(read);
      if (change === null) return { ...read, changed: false };

      const changed: StoryDoc = { ...story, ...change.story, version: story.version + 1, updatedAt: now };
      await session.update(
        STORIES,
        storyId,
        wholeObjectWrites({ ...change.story, version: changed.version, updatedAt: now }, session.command),
      );
      let campaignAfter = campaign;
      if (change.awarded && campaign) {
        await session.update(CAMPAIGNS, campaign._id, { awarded: change.awarded, updatedAt: now });
        campaignAfter = { ...campaign, awarded: change.awarded, updatedAt: now };
      }
      if (change.notify) {
        const author = await session.get<MemberDoc>('members', story.authorId);
        // An author who has left since has nobody to tell.
        if (author && author.status === 'active') {
          const notice = storyNotice(changed, change.notify, { memberId: author._id, openid: author.openid }, now);
          await session.add('notifications', { ...notice });
        }
      }
      const audit: Omit<AuditDoc, '_id'> = { at: now, actorId: callerId, targetId: storyId, ...change.audit };
      await session.add('audit_logs', { ...audit });
      return { story: changed, campaign: campaignAfter, myRating: read.myRating, changed: true };
    },
    { log },
  );
}
