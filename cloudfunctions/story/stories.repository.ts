/** Works (投稿) in the database. Every change goes through a version check, so two writers never overwrite each other. */
import type { StoryDoc } from '../../server/documents';
import { addWithShortId, fetchById, type Database } from '../../server/kernel/db';

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
 * Applies `changes` (plain fields or update commands) only if the work is still at `version`, and
 * bumps the version; false when someone else wrote first (the caller answers CONFLICT).
 */
export async function updateStoryAtVersion(db: Database, id: string, version: number, changes: Record<string, unknown>): Promise<boolean> {
  const reply = (await db
    .collection(STORIES)
    .where({ _id: id, version })
    .update({ data: { ...changes, version: version + 1 } })) as { stats: { updated: number } };
  return reply.stats.updated > 0;
}
