/**
 * Activities as organisers write them and members list them. Every list is one indexed query
 * (config/database.json, collection activities), paged by offset.
 */
import type { ActivityStatus, ProgrammeItemKey } from '../../types/labels';
import { AUDIENCE_ALL } from '../../core/activity/rules';
import type { ActivityDoc, BaseDoc, SignUpDoc } from '../../server/documents';
import { addWithShortId, fetchById, fetchList, type Database } from '../../server/kernel/db';

/** 31^12 ids: unguessable enough to share, short enough for a 小程序码 scene (`a=<id>` in 32 characters). */
const ACTIVITY_ID_LENGTH = 12;

export interface PageWindow {
  offset: number;
  limit: number;
}

export function insertActivity(db: Database, fields: Omit<ActivityDoc, '_id'>): Promise<ActivityDoc> {
  return addWithShortId(db.collection('activities'), ACTIVITY_ID_LENGTH, fields);
}

export function findActivity(db: Database, id: string): Promise<ActivityDoc | null> {
  return fetchById<ActivityDoc>(db.collection('activities'), id);
}

/** A red-education base from the directory (emulator/seed/bases.ts); only its name is used here. */
export function findBase(db: Database, id: string): Promise<BaseDoc | null> {
  return fetchById<BaseDoc>(db.collection('bases'), id);
}

/** Which of `ids` are 党支部 (one read by `_id`). */
export async function findBranchIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  const found = await fetchList<{ _id: string }>(
    db
      .collection('orgs')
      .where({ _id: db.command.in(unique), kind: 'branch' })
      .field({ _id: true })
      .limit(unique.length),
  );
  return new Set(found.map((org) => org._id));
}

export type ActivityDraftFields = Pick<
  ActivityDoc,
  | 'kind'
  | 'title'
  | 'description'
  | 'coverFileId'
  | 'audience'
  | 'place'
  | 'baseId'
  | 'online'
  | 'startAt'
  | 'endAt'
  | 'signUpOpensAt'
  | 'signUpDeadline'
  | 'capacity'
  | 'waitlist'
  | 'countsFor'
  | 'studyHours'
>;

/**
 * The `updatedAt` a change stamps: the server time, but always later than the last change, so two
 * changes within one millisecond still differ (the stamp guards concurrent edits and versions notices).
 */
export function changeStamp(previous: Date, now: Date): Date {
  return new Date(Math.max(now.getTime(), previous.getTime() + 1));
}

/**
 * Replaces the organiser's fields, never the counters sign-ups move meanwhile. Applies only if nobody
 * changed the activity since it was read (`updatedAt`), it is still open to changes, the new
 * capacity still holds everyone signed up and nobody waits on a waitlist being switched off, at the
 * moment of the write. Returns the new `updatedAt`, or null when any of that failed.
 */
export async function replaceDraft(
  db: Database,
  read: Pick<ActivityDoc, '_id' | 'updatedAt'>,
  fields: ActivityDraftFields,
  now: Date,
): Promise<Date | null> {
  const _ = db.command;
  const updatedAt = changeStamp(read.updatedAt, now);
  const reply = (await db
    .collection('activities')
    .where({
      _id: read._id,
      updatedAt: read.updatedAt,
      status: _.in(['draft', 'published']),
      ...(fields.capacity === null ? {} : { signedUpCount: _.lte(fields.capacity) }),
      ...(fields.waitlist ? {} : { waitlistCount: 0 }),
    })
    .update({ data: { ...fields, audience: _.set(fields.audience), updatedAt } })) as { stats: { updated: number } };
  return reply.stats.updated === 1 ? updatedAt : null;
}

/** Moves an activity on in its lifecycle if it is still in one of `from`; false when it was not. */
export async function moveActivity(
  db: Database,
  id: string,
  from: readonly ActivityStatus[],
  fields: Pick<ActivityDoc, 'status' | 'updatedAt'> & Partial<Pick<ActivityDoc, 'publishedAt' | 'cancelReason'>>,
): Promise<boolean> {
  const reply = (await db
    .collection('activities')
    .where({ _id: id, status: db.command.in([...from]) })
    .update({ data: fields })) as { stats: { updated: number } };
  return reply.stats.updated === 1;
}

/** Narrows a list to activities whose attendance counts for one 六个一 item (index status_counts_audience_start). */
export type ItemFilter = { countsFor?: ProgrammeItemKey };

const byItem = ({ countsFor }: ItemFilter) => (countsFor === undefined ? {} : { countsFor });

/** Published activities the branch can see that have not started yet, soonest first (index status_audience_start). */
export function listUpcoming(db: Database, branchId: string, now: Date, page: PageWindow, filter: ItemFilter = {}): Promise<ActivityDoc[]> {
  const _ = db.command;
  return fetchList<ActivityDoc>(
    db
      .collection('activities')
      .where({ status: 'published', ...byItem(filter), audience: _.in([AUDIENCE_ALL, branchId]), startAt: _.gte(now) })
      .orderBy('startAt', 'asc')
      .skip(page.offset)
      .limit(page.limit),
  );
}

/** Activities the branch could see that have started, latest first (index status_audience_start). */
export function listPast(db: Database, branchId: string, now: Date, page: PageWindow, filter: ItemFilter = {}): Promise<ActivityDoc[]> {
  const _ = db.command;
  return fetchList<ActivityDoc>(
    db
      .collection('activities')
      .where({ status: _.in(['published', 'finished']), ...byItem(filter), audience: _.in([AUDIENCE_ALL, branchId]), startAt: _.lt(now) })
      .orderBy('startAt', 'desc')
      .skip(page.offset)
      .limit(page.limit),
  );
}

/** Everything a branch organises, drafts and cancelled ones included, latest first (index branch_start). */
export function listOrganisedBy(db: Database, branchId: string, page: PageWindow): Promise<ActivityDoc[]> {
  return fetchList<ActivityDoc>(
    db.collection('activities').where({ branchId }).orderBy('startAt', 'desc').skip(page.offset).limit(page.limit),
  );
}

/** Every activity, latest first (index start): what an org admin manages. */
export function listAll(db: Database, page: PageWindow): Promise<ActivityDoc[]> {
  return fetchList<ActivityDoc>(db.collection('activities').orderBy('startAt', 'desc').skip(page.offset).limit(page.limit));
}

/** A member's sign-ups in every status, latest first (index member_at). */
export function listSignUpsOf(db: Database, memberId: string, page: PageWindow): Promise<SignUpDoc[]> {
  return fetchList<SignUpDoc>(
    db.collection('sign_ups').where({ memberId }).orderBy('signedUpAt', 'desc').skip(page.offset).limit(page.limit),
  );
}

/** A page's worth of activities in one read by `_id`. */
export function findActivities(db: Database, ids: readonly string[]): Promise<ActivityDoc[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return fetchList<ActivityDoc>(
    db
      .collection('activities')
      .where({ _id: db.command.in([...ids]) })
      .limit(ids.length),
  );
}

/** Notes where the activity's 小程序码 is kept; no other field moves, so it cannot clash with sign-ups or edits. */
export async function saveActivityWxacode(db: Database, id: string, fileID: string): Promise<void> {
  await db
    .collection('activities')
    .doc(id)
    .update({ data: { wxacodeFileId: fileID } });
}
