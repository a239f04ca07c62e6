/**
 * Activity events and the sign-ups they are expanded over (ARCHITECTURE.md, "Notifications"). Every
 * read is one indexed query of at most a thousand documents.
 */
import type { ActivityEventDoc, MemberDoc, SignUpDoc } from '../../server/documents';
import { fetchList, MAX_DOCS_PER_GET, type Database } from '../../server/kernel/db';

/** Events not yet expanded, oldest first (index state_created). */
export function listPendingEvents(db: Database, limit: number): Promise<ActivityEventDoc[]> {
  return fetchList<ActivityEventDoc>(db.collection('activity_events').where({ state: 'pending' }).orderBy('createdAt', 'asc').limit(limit));
}

export type Holder = Pick<SignUpDoc, 'memberId' | 'signedUpAt'>;

/**
 * The next page of the sign-ups an event tells, in arrival order (index activity_status_at): in the
 * event's statuses, joined by `heldAt`, from the cursor's instant on with the first `skip` at that
 * instant left out.
 */
export function listHoldersPage(db: Database, event: ActivityEventDoc): Promise<Holder[]> {
  const _ = db.command;
  const from = event.cursor?.signedUpAt;
  return fetchList<Holder>(
    db
      .collection('sign_ups')
      .where({
        activityId: event.activityId,
        status: _.in(event.statuses),
        signedUpAt: from === undefined ? _.lte(event.heldAt) : _.gte(from).and(_.lte(event.heldAt)),
      })
      .orderBy('signedUpAt', 'asc')
      .skip(event.cursor?.skip ?? 0)
      .limit(MAX_DOCS_PER_GET)
      .field({ memberId: true, signedUpAt: true }),
  );
}

/** The openids of up to a thousand members, by `_id`; a member whose record is gone has none. */
export async function findOpenids(db: Database, memberIds: readonly string[]): Promise<Map<string, string>> {
  const members = await fetchList<Pick<MemberDoc, '_id' | 'openid'>>(
    db
      .collection('members')
      .where({ _id: db.command.in([...memberIds]) })
      .field({ _id: true, openid: true })
      .limit(memberIds.length),
  );
  return new Map(members.map((member) => [member._id, member.openid]));
}

/** Records how far an event is expanded, so a run that ends early is resumed from there. */
export async function saveEventCursor(
  db: Database,
  id: string,
  cursor: NonNullable<ActivityEventDoc['cursor']>,
  queued: number,
): Promise<void> {
  await db
    .collection('activity_events')
    .doc(id)
    .update({ data: { cursor, queued: db.command.inc(queued) } });
}

export async function markEventDone(db: Database, id: string, now: Date): Promise<void> {
  await db
    .collection('activity_events')
    .doc(id)
    .update({ data: { state: 'done', doneAt: now } });
}
