/** Works (投稿) in the database. Every change goes through a version check, so two writers never overwrite each other. */
import type { StoryStatus } from '../../types/labels';
import type { MemberDoc, StoryDoc, StoryNotificationDoc } from '../../server/documents';
import { addWithShortId, fetchById, fetchList, fetchOne, wholeObjectWrites, type Database } from '../../server/kernel/db';
import type { Logger } from '../../server/kernel/log';
import { inTransaction } from '../../server/kernel/transaction';

export const STORIES = 'stories';
/** Like activities' ids: a share path and a 小程序码 scene `s=<id>` stay short. */
const STORY_ID_LENGTH = 12;

export function findStory(db: Database, id: string): Promise<StoryDoc | null> {
  return fetchById<StoryDoc>(db.collection(STORIES), id);
}

export function insertStory(db: Database, fields: Omit<StoryDoc, '_id'>): Promise<StoryDoc> {
  return addWithShortId(db.collection(STORIES), STORY_ID_LENGTH, fields);
}

/**
 * Applies `changes` only if the work is still at `version`, and bumps the version; false when
 * someone else wrote first (the caller answers CONFLICT).
 */
export async function updateStoryAtVersion(db: Database, id: string, version: number, changes: Record<string, unknown>): Promise<boolean> {
  const reply = (await db
    .collection(STORIES)
    .where({ _id: id, version })
    .update({ data: { ...wholeObjectWrites(changes, db.command), version: version + 1 } })) as { stats: { updated: number } };
  return reply.stats.updated > 0;
}

/**
 * A page of the author's works, newest change first (index author_updated, or author_status_updated
 * with a status). An author has tens of works, so offset paging costs nothing worth a keyset.
 */
export function listAuthorStories(
  db: Database,
  authorId: string,
  statuses: readonly StoryStatus[] | undefined,
  offset: number,
  limit: number,
): Promise<StoryDoc[]> {
  return fetchList<StoryDoc>(
    db
      .collection(STORIES)
      .where(statuses === undefined ? { authorId } : { authorId, status: db.command.in([...statuses]) })
      .orderBy('updatedAt', 'desc')
      .skip(offset)
      .limit(limit),
  );
}

/** The work an image check belongs to, by the trace id WeChat gave it (index media_trace). */
export function findStoryByMediaTrace(db: Database, traceId: string): Promise<StoryDoc | null> {
  return fetchOne<StoryDoc>(db.collection(STORIES).where({ 'mediaChecks.traceId': traceId }));
}

export interface MediaCheckSettlement {
  changes: Partial<StoryDoc>;
  /** The author's notice, when the author is to be told. */
  notice: ((author: MemberDoc) => StoryNotificationDoc) | null;
}

/**
 * Settles one image check of a work in `checking`, in a transaction with the author's notice: a
 * verdict racing another for the same work is retried against it, so the last one in sees every
 * verdict. `decide` gets the work as it stands (null when it is gone) and returns the change, the
 * notice to queue, or null when there is nothing to do (not checking any more, a repeated push).
 */
export function settleMediaCheck(
  db: Database,
  id: string,
  decide: (work: StoryDoc | null) => MediaCheckSettlement | null,
  log: Logger,
): Promise<boolean> {
  return inTransaction(
    db,
    async (session) => {
      const work = await session.get<StoryDoc>(STORIES, id);
      const decision = decide(work);
      if (work === null || decision === null) return false;
      await session.update(STORIES, id, { ...decision.changes, version: work.version + 1 });
      if (decision.notice !== null) {
        const author = await session.get<MemberDoc>('members', work.authorId);
        // An author who has left since has nobody to tell.
        if (author && author.status === 'active') await session.add('notifications', { ...decision.notice(author) });
      }
      return true;
    },
    { log },
  );
}
