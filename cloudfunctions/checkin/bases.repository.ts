/** Red-education bases in the database: the directory, its edits and the printed code's file. */
import type { BaseDoc } from '../../server/documents';
import { addWithShortId, countOf, fetchById, fetchList, type Database } from '../../server/kernel/db';

export type BaseFields = Omit<BaseDoc, '_id' | 'createdAt' | 'updatedAt'>;

/**
 * The directory is read whole: nearest-first order depends on the reader's position, so no index
 * can serve it, and a city's red bases number in the tens. saveBase keeps the count under this
 * bound so one read always holds the whole directory.
 */
export const MAX_BASES = 500;

/** 31^12 ids, like activities': the printed code's scene `b=<id>` takes 14 of its 32 characters. */
const BASE_ID_LENGTH = 12;

export function listAllBases(db: Database): Promise<BaseDoc[]> {
  return fetchList<BaseDoc>(db.collection('bases').orderBy('_id', 'asc').limit(MAX_BASES));
}

export function countBases(db: Database): Promise<number> {
  return countOf(db.collection('bases'));
}

export function findBase(db: Database, id: string): Promise<BaseDoc | null> {
  return fetchById<BaseDoc>(db.collection('bases'), id);
}

export function insertBase(db: Database, fields: BaseFields, now: Date): Promise<BaseDoc> {
  return addWithShortId(db.collection('bases'), BASE_ID_LENGTH, { ...fields, createdAt: now });
}

/** Whole replacement of the editable fields; false when the base does not exist. */
export async function updateBase(db: Database, id: string, fields: BaseFields, now: Date): Promise<boolean> {
  const reply = (await db
    .collection('bases')
    .where({ _id: id })
    .update({ data: { ...fields, updatedAt: now } })) as { stats: { updated: number } };
  return reply.stats.updated > 0;
}

/** Notes where the base's printed 小程序码 is kept; saveBase replaces only the editable fields, so it stays. */
export async function saveBaseWxacode(db: Database, id: string, fileID: string): Promise<void> {
  await db
    .collection('bases')
    .doc(id)
    .update({ data: { wxacodeFileId: fileID } });
}
