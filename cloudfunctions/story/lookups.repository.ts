/**
 * What a work may be about, read by `_id` when the author names it: the activity (with the author's
 * place in it, when that decides whether they may see it) and the red base.
 */
import type { SignUpStatus } from '../../types/labels';
import { signUpId, type ActivityDoc, type BaseDoc, type SignUpDoc } from '../../server/documents';
import { fetchById, type Database } from '../../server/kernel/db';

export type ActivityFacts = Pick<ActivityDoc, '_id' | 'title' | 'branchId' | 'audience' | 'status'>;

export function findActivityFacts(db: Database, id: string): Promise<ActivityFacts | null> {
  return fetchById<ActivityFacts>(db.collection('activities'), id);
}

export async function findSignUpStatus(db: Database, activityId: string, memberId: string): Promise<SignUpStatus | null> {
  return (await fetchById<SignUpDoc>(db.collection('sign_ups'), signUpId(activityId, memberId)))?.status ?? null;
}

export function findBase(db: Database, id: string): Promise<Pick<BaseDoc, '_id' | 'name'> | null> {
  return fetchById<Pick<BaseDoc, '_id' | 'name'>>(db.collection('bases'), id);
}
