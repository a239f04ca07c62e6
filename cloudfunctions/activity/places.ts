/**
 * A member's place in an activity: taking one (signed or on the waitlist), giving it up (cancel or
 * 请假), and the promotion a freed seat triggers. ARCHITECTURE.md, "Sign-ups" gives the algorithm
 * and why it needs no transaction; in short:
 *
 * - Every status change of a sign-up is a conditional write that only one caller can win, and its
 *   winner pays that change's counter delta on the activity (−1 old status, +1 new) exactly once.
 *   So after any interleaving the counters equal the sign-up records.
 * - A newcomer enters as 'waitlisted' before it is counted anywhere (the line must see it before
 *   its count moves, or a freed seat could find nobody to promote). A seat is claimed with one
 *   conditional update of the activity that also pays the entry's own delta; only then does the
 *   sign-up become 'signed'. A seat is never counted for a sign-up that is not 'signed' for longer
 *   than that request, and a 'signed' sign-up always has its seat counted, so `signedUpCount`
 *   never falls below the signed records and the capacity holds.
 * - Whoever moved an entry while its seat was being claimed (a promotion, the member's own cancel
 *   on another device) paid for it as a counted waitlist place; the claimer gives the seat back
 *   and makes the waitlist count good.
 */
import { SIGN_UP_STATUS_LABELS, type SignUpStatus } from '../../types/labels';
import type { Attendee } from '../../types/contracts/activity';
import { signUpId, type ActivityDoc, type MemberDoc, type SignUpDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';
import type { MemberContext, RequestContext } from '../../server/kernel/router';
import { activityNotice } from '../../server/notices';
import { queueNotices } from '../../server/outbox.repository';
import {
  addSubscribeCredit,
  claimSeat,
  COUNTER_OF,
  findMemberById,
  findSignUpById,
  insertSignUp,
  listLineHead,
  moveCounters,
  moveSignUp,
  removeNewSignUp,
  type CounterDeltas,
} from './signUps.repository';

/** Rounds of read-then-write on one sign-up before a caller racing itself is told to try again. */
const WRITE_ROUNDS = 3;
/** Reads of the front of the line a freed seat is offered to before it is left for the recount. */
const PROMOTION_ROUNDS = 3;
/** Kept short: a subscribe message's `thing` value holds 20 characters. */
const PROMOTED_NOTE = '候补成功，已为你保留名额';

const BUSY = { message: '操作太频繁，请稍后再试' };

export interface PlaceOutcome {
  status: SignUpStatus;
  /** What this call moved on the activity's counters, to show the activity as it left it. */
  deltas: CounterDeltas;
}

function delta(status: SignUpStatus | null, by: number): CounterDeltas {
  return status === null ? {} : { [COUNTER_OF[status]]: by };
}

function combine(...parts: CounterDeltas[]): CounterDeltas {
  const total: CounterDeltas = {};
  for (const part of parts) {
    for (const [counter, by] of Object.entries(part) as [keyof CounterDeltas, number][]) total[counter] = (total[counter] ?? 0) + by;
  }
  return total;
}

function negated(deltas: CounterDeltas): CounterDeltas {
  return Object.fromEntries(Object.entries(deltas).map(([counter, by]) => [counter, -by]));
}

/** The activity as this call left it: the read document with the call's own counter moves. */
export function withDeltas(activity: ActivityDoc, deltas: CounterDeltas): ActivityDoc {
  const moved = { ...activity };
  for (const [counter, by] of Object.entries(deltas) as [keyof CounterDeltas, number][]) moved[counter] = Math.max(0, moved[counter] + by);
  return moved;
}

type Entry = { held: 'signed' | 'waitlisted' } | { enteredFrom: 'cancelled' | 'leave' | null };

/**
 * Step 1: the sign-up, by its deterministic `_id`. A first sign-up is inserted (the unique `_id`
 * stops a double tap); one that was cancelled or on leave moves back into line with a new arrival
 * time. A place already held is answered as it stands (idempotent). Every call that accepted a
 * subscribe message adds one credit (a repeat tap that accepts again included): WeChat lets one
 * message through per acceptance, and credits left from an earlier place carry over.
 */
async function enterLine(ctx: MemberContext, activity: ActivityDoc, acceptedReminder: boolean): Promise<Entry> {
  const { db, member, now } = ctx;
  const id = signUpId(activity._id, member._id);
  const credits = acceptedReminder ? 1 : 0;
  const entry: SignUpDoc = {
    _id: id,
    activityId: activity._id,
    memberId: member._id,
    branchId: member.branchId,
    name: member.name,
    status: 'waitlisted',
    signedUpAt: now,
    updatedAt: now,
    leaveReason: null,
    addedBy: null,
    subscribeCredits: credits,
  };
  if (await insertSignUp(db, entry)) return { enteredFrom: null };
  for (let round = 0; round < WRITE_ROUNDS; round += 1) {
    const existing = await findSignUpById(db, id);
    if (!existing) {
      // A concurrent sign-up that found no seat took its entry back: start afresh.
      if (await insertSignUp(db, entry)) return { enteredFrom: null };
      continue;
    }
    if (existing.status === 'signed' || existing.status === 'waitlisted') {
      if (acceptedReminder) await addSubscribeCredit(db, id);
      return { held: existing.status };
    }
    const { _id, subscribeCredits, ...again } = entry;
    if (await moveSignUp(db, id, { status: existing.status }, again, subscribeCredits)) return { enteredFrom: existing.status };
  }
  fail('CONFLICT', BUSY);
}

async function statusNow(ctx: RequestContext, id: string): Promise<SignUpStatus> {
  const signUp = await findSignUpById(ctx.db, id);
  if (!signUp) fail('CONFLICT', BUSY);
  return signUp.status;
}

/**
 * Signs the caller up: a seat if one is free and nobody is waiting, else the waitlist, else FULL.
 * Five DB requests on a first sign-up, with the kernel's read of the caller: the activity, the
 * insert, the seat claim, then the sign-up becoming 'signed' or the waitlist count moving.
 *
 * A crash between steps leaves: after the insert, a 'waitlisted' entry not yet counted (one short
 * on the waitlist count); after a successful claim, a seat counted for an entry still 'waitlisted'
 * (one seat too many taken). Retrying the sign-up answers with the entry as it stands. The recount
 * (with `cron`, a later issue) sets every counter from the sign-up records, which frees that seat.
 *
 * An entry that a promotion moved to 'signed' while this call was still finding no seat is
 * answered as 'waitlisted': the record and counters are right, and the member hears of the seat
 * from the promotion's notice and the detail page.
 */
export async function takePlace(ctx: MemberContext, activity: ActivityDoc, acceptedReminder: boolean): Promise<PlaceOutcome> {
  const { db, member, now } = ctx;
  const id = signUpId(activity._id, member._id);
  const entry = await enterLine(ctx, activity, acceptedReminder);
  if ('held' in entry) return { status: entry.held, deltas: {} };
  const inLine = { status: 'waitlisted' as const, signedUpAt: now };
  // The line place this entry left (a cancelled or 请假 record) is paid for by whichever write counts it anew.
  const left = delta(entry.enteredFrom, -1);
  const asWaitlisted = combine(left, { waitlistCount: 1 });

  if (await claimSeat(db, activity, left, 'newcomer')) {
    if (await moveSignUp(db, id, inLine, { status: 'signed', updatedAt: now }))
      return { status: 'signed', deltas: combine(left, { signedUpCount: 1 }) };
    await moveCounters(db, activity._id, { signedUpCount: -1, waitlistCount: 1 });
    await promoteNext(ctx, activity);
    return { status: await statusNow(ctx, id), deltas: asWaitlisted };
  }
  if (activity.waitlist) {
    await moveCounters(db, activity._id, asWaitlisted);
    return { status: 'waitlisted', deltas: asWaitlisted };
  }
  const undone =
    entry.enteredFrom === null
      ? await removeNewSignUp(db, id, inLine)
      : await moveSignUp(db, id, inLine, { status: entry.enteredFrom, updatedAt: now });
  if (!undone) {
    // Moved meanwhile by someone who counted it on the waitlist: this call still owes that count.
    await moveCounters(db, activity._id, asWaitlisted);
    return { status: await statusNow(ctx, id), deltas: asWaitlisted };
  }
  if (activity.capacity === null) fail('CLOSED', { message: '活动已不再接受报名' });
  fail('FULL', { message: '名额已满' });
}

/**
 * Moves the caller's signed or waitlisted sign-up to `to` (cancelled or leave): the conditional move
 * decides, and only its winner moves the counters, so two concurrent cancels count once. A freed
 * seat goes to the head of the line. A crash after the move leaves the counters one off (a seat
 * still taken) until the recount.
 */
export async function givePlaceUp(
  ctx: MemberContext,
  activity: ActivityDoc,
  held: SignUpStatus | null,
  to: 'cancelled' | 'leave',
  fields: Partial<Pick<SignUpDoc, 'leaveReason'>>,
): Promise<PlaceOutcome> {
  const { db, member, now } = ctx;
  const id = signUpId(activity._id, member._id);
  let current = held;
  for (let round = 0; round < WRITE_ROUNDS; round += 1) {
    if (current === null) fail('CONFLICT', { message: '你尚未报名此活动' });
    if (current === to) return { status: to, deltas: {} };
    if (current !== 'signed' && current !== 'waitlisted') {
      fail('CONFLICT', { message: `你的报名状态为「${SIGN_UP_STATUS_LABELS[current]}」，无需再操作` });
    }
    if (await moveSignUp(db, id, { status: current }, { status: to, updatedAt: now, ...fields })) {
      const deltas = combine(delta(current, -1), delta(to, 1));
      await moveCounters(db, activity._id, deltas);
      if (current === 'signed') await promoteNext(ctx, activity);
      return { status: to, deltas };
    }
    current = (await findSignUpById(db, id))?.status ?? null;
  }
  fail('CONFLICT', BUSY);
}

/**
 * Offers a freed seat to the waitlist in (signedUpAt, _id) order: claim it for the line (which
 * leaves the waitlist count), then move the first waitlisted entry that is still there to 'signed'
 * and queue one 'promoted' notice. Promotions running side by side read the same front of the line
 * and settle it entry by entry, each keeping its claimed seat until one move wins. A claim that
 * fails means the seat is gone already (another promotion took it): nothing to offer. If the line
 * runs dry under the claim, the seat goes back.
 */
async function promoteNext(ctx: RequestContext, activity: ActivityDoc): Promise<void> {
  const { db, now } = ctx;
  if (activity.capacity === null) return;
  let claimed = false;
  for (let round = 0; round < PROMOTION_ROUNDS; round += 1) {
    const line = await listLineHead(db, activity._id);
    if (line.length === 0) break;
    if (!claimed) {
      if (!(await claimSeat(db, activity, { waitlistCount: -1 }, 'waitlisted'))) return;
      claimed = true;
    }
    for (const head of line) {
      if (await moveSignUp(db, head._id, { status: 'waitlisted', signedUpAt: head.signedUpAt }, { status: 'signed', updatedAt: now })) {
        await notifyPromoted(ctx, activity, head);
        return;
      }
    }
  }
  if (claimed) await moveCounters(db, activity._id, { signedUpCount: -1, waitlistCount: 1 });
}

/** One notice per entry into the line: promoted twice in one entry is still one message. */
async function notifyPromoted(ctx: RequestContext, activity: ActivityDoc, signUp: SignUpDoc): Promise<void> {
  const member = await findMemberById(ctx.db, signUp.memberId);
  if (!member) return;
  const recipient = { memberId: member._id, openid: member.openid };
  await queueNotices(ctx.db, [
    activityNotice('promoted', activity, recipient, PROMOTED_NOTE, ctx.now, String(signUp.signedUpAt.getTime())),
  ]);
}

/**
 * An organiser puts `target` in as signed, over the capacity if need be. The seat is counted before
 * the sign-up changes, so a 'signed' record never lacks its seat and a free seat is used before the
 * capacity is exceeded; the sign-up write (insert, or a conditional move from its status) decides,
 * and a lost write gives the count back. `changed` is false when the member was signed already.
 */
export async function addOverCapacity(
  ctx: MemberContext,
  activity: ActivityDoc,
  target: MemberDoc,
): Promise<{ signUp: SignUpDoc; from: SignUpStatus | null; changed: boolean }> {
  const { db, member: organiser, now } = ctx;
  const id = signUpId(activity._id, target._id);
  const placed = { status: 'signed' as const, updatedAt: now, leaveReason: null, addedBy: organiser._id };
  for (let round = 0; round < WRITE_ROUNDS; round += 1) {
    const existing = await findSignUpById(db, id);
    if (existing?.status === 'signed') return { signUp: existing, from: 'signed', changed: false };
    const from = existing?.status ?? null;
    const deltas = combine(delta(from, -1), { signedUpCount: 1 });
    await moveCounters(db, activity._id, deltas);
    const signUp: SignUpDoc = existing
      ? { ...existing, ...placed }
      : {
          _id: id,
          activityId: activity._id,
          memberId: target._id,
          branchId: target.branchId,
          name: target.name,
          signedUpAt: now,
          subscribeCredits: 0,
          ...placed,
        };
    const won = existing ? await moveSignUp(db, id, { status: existing.status }, placed) : await insertSignUp(db, signUp);
    if (won) return { signUp, from, changed: true };
    await moveCounters(db, activity._id, negated(deltas));
  }
  fail('CONFLICT', BUSY);
}

export function toAttendee(signUp: SignUpDoc): Attendee {
  return {
    memberId: signUp.memberId,
    name: signUp.name,
    branchId: signUp.branchId,
    status: signUp.status,
    signedUpAt: signUp.signedUpAt.toISOString(),
    leaveReason: signUp.leaveReason,
    addedByOrganiser: signUp.addedBy !== null,
  };
}
