/**
 * Sign-ups and the activity counters they move (ARCHITECTURE.md, "Sign-ups"). Every write here is one
 * atomic single-document request, conditional where a race must have exactly one winner; none runs
 * in a transaction, because the activity document is hot (every sign-up of a popular activity
 * touches it) and transactions that share it would conflict.
 */
import type { SignUpStatus } from '../../types/labels';
import type { ActivityDoc, MemberDoc, SignUpDoc } from '../../server/documents';
import { fetchById, fetchList, MAX_DOCS_PER_GET, type Database } from '../../server/kernel/db';
import { isDuplicateKeyError } from '../../server/kernel/sdk-errors';
import type { PageWindow } from './activities.repository';

export type SignUpCounter = 'signedUpCount' | 'waitlistCount' | 'leaveCount' | 'cancelledCount';

/** The activity counter that counts the sign-ups in each status. */
export const COUNTER_OF: Record<SignUpStatus, SignUpCounter> = {
  signed: 'signedUpCount',
  waitlisted: 'waitlistCount',
  leave: 'leaveCount',
  cancelled: 'cancelledCount',
};

export type CounterDeltas = Partial<Record<SignUpCounter, number>>;

interface UpdateReply {
  stats: { updated: number };
}

function incrementsOf(db: Database, deltas: CounterDeltas): Record<string, unknown> {
  const _ = db.command;
  return Object.fromEntries(
    Object.entries(deltas)
      .filter(([, delta]) => delta !== 0)
      .map(([counter, delta]) => [counter, _.inc(delta)]),
  );
}

/** False when the sign-up already exists: its unique `_id` lets only the first of two taps in. */
export async function insertSignUp(db: Database, signUp: SignUpDoc): Promise<boolean> {
  try {
    await db.collection('sign_ups').add({ data: { ...signUp } });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

export function findSignUpById(db: Database, id: string): Promise<SignUpDoc | null> {
  return fetchById<SignUpDoc>(db.collection('sign_ups'), id);
}

/** Which state of a sign-up a write expects to find: its status, and for a place in line, which entry into it. */
export interface SignUpState {
  status: SignUpStatus;
  signedUpAt?: Date;
}

/**
 * Moves a sign-up out of `from` if it is still there; false when another call moved it first. The
 * one that gets true owns the counter change of that move. `addCredits` subscribe messages the
 * member just accepted ride on the same write.
 */
export async function moveSignUp(
  db: Database,
  id: string,
  from: SignUpState,
  fields: Partial<Omit<SignUpDoc, '_id' | 'activityId' | 'memberId' | 'subscribeCredits'>>,
  addCredits = 0,
): Promise<boolean> {
  const data = addCredits === 0 ? fields : { ...fields, subscribeCredits: db.command.inc(addCredits) };
  const reply = (await db
    .collection('sign_ups')
    .where({ _id: id, ...from })
    .update({ data })) as UpdateReply;
  return reply.stats.updated === 1;
}

/** One more subscribe message accepted for a place already held, whatever its status is by now. */
export async function addSubscribeCredit(db: Database, id: string): Promise<void> {
  await db
    .collection('sign_ups')
    .doc(id)
    .update({ data: { subscribeCredits: db.command.inc(1) } });
}

/** Takes back a sign-up that never held a place (no seat, no waitlist); false when another call moved it meanwhile. */
export async function removeNewSignUp(db: Database, id: string, from: SignUpState): Promise<boolean> {
  const reply = (await db
    .collection('sign_ups')
    .where({ _id: id, ...from })
    .remove()) as { stats: { removed: number } };
  return reply.stats.removed === 1;
}

/**
 * Claims one seat and moves `deltas` with it, in one conditional update of the activity.
 * A newcomer only gets a seat while nobody is waiting (`waitlistCount` ≤ 0: it can dip below zero
 * for the length of a request, see ARCHITECTURE.md "Sign-ups"), so a freed seat goes to the head
 * of the line; promotions (`forWaitlisted`) serve that line. Without a capacity every claim of a
 * published activity succeeds.
 */
export async function claimSeat(
  db: Database,
  activity: Pick<ActivityDoc, '_id' | 'capacity'>,
  deltas: CounterDeltas,
  claimant: 'newcomer' | 'waitlisted',
): Promise<boolean> {
  const _ = db.command;
  const where: Record<string, unknown> = { _id: activity._id, status: 'published' };
  if (activity.capacity !== null) {
    // The capacity read earlier must still hold: an organiser lowering it meanwhile makes this claim miss.
    where.capacity = activity.capacity;
    where.signedUpCount = _.lt(activity.capacity);
    if (claimant === 'newcomer') where.waitlistCount = _.lte(0);
  }
  const reply = (await db
    .collection('activities')
    .where(where)
    .update({ data: incrementsOf(db, { ...deltas, signedUpCount: (deltas.signedUpCount ?? 0) + 1 }) })) as UpdateReply;
  return reply.stats.updated === 1;
}

/** Moves counters whatever their values: for changes already decided by a conditional sign-up write. */
export async function moveCounters(db: Database, activityId: string, deltas: CounterDeltas): Promise<void> {
  const increments = incrementsOf(db, deltas);
  if (Object.keys(increments).length === 0) return;
  await db.collection('activities').doc(activityId).update({ data: increments });
}

/** How much of the line one read offers to a freed seat. */
const LINE_HEAD = 20;

function byArrival(a: SignUpDoc, b: SignUpDoc): number {
  return a.signedUpAt.getTime() - b.signedUpAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

/**
 * The front of the waitlist in (signedUpAt, _id) order. The index (activity_status_at) orders by
 * signedUpAt alone, so ties are ordered by `_id` here; a full page drops its last instant (peers of
 * it may lie beyond the page), and a page that is one instant throughout is replaced by a second
 * indexed read of everyone at that instant.
 */
export async function listLineHead(db: Database, activityId: string): Promise<SignUpDoc[]> {
  const page = await fetchList<SignUpDoc>(
    db.collection('sign_ups').where({ activityId, status: 'waitlisted' }).orderBy('signedUpAt', 'asc').limit(LINE_HEAD),
  );
  const last = page[LINE_HEAD - 1];
  if (last === undefined) return page.sort(byArrival);
  const settled = page.filter((signUp) => signUp.signedUpAt.getTime() < last.signedUpAt.getTime());
  if (settled.length > 0) return settled.sort(byArrival);
  const tied = await fetchList<SignUpDoc>(
    db.collection('sign_ups').where({ activityId, status: 'waitlisted', signedUpAt: last.signedUpAt }).limit(MAX_DOCS_PER_GET),
  );
  return tied.sort(byArrival);
}

export function findMemberById(db: Database, memberId: string): Promise<MemberDoc | null> {
  return fetchById<MemberDoc>(db.collection('members'), memberId);
}

/**
 * One page of an activity's sign-ups (index activity_status_at): of one status in arrival order, or
 * of every status grouped by status.
 */
export function listAttendeesPage(
  db: Database,
  activityId: string,
  status: SignUpStatus | undefined,
  page: PageWindow,
): Promise<SignUpDoc[]> {
  const query =
    status === undefined
      ? db.collection('sign_ups').where({ activityId }).orderBy('status', 'asc')
      : db.collection('sign_ups').where({ activityId, status });
  return fetchList<SignUpDoc>(query.orderBy('signedUpAt', 'asc').skip(page.offset).limit(page.limit));
}
