import type { ParsedInput } from '../../../types/contracts';
import { queuedScanRefusal } from '../../../core/checkin/rules';
import { slotStartMs } from '../../../core/checkin/token';
import { shanghaiDay } from '../../../core/time';
import { baseCheckinId } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { loadOrganisedActivity } from '../access';
import { findActivity, findMember } from '../activities.repository';
import { findBase } from '../bases.repository';
import { toCheckinView } from '../checkinView';
import { readCode } from '../codes';
import { baseFence, locate } from '../fence';
import { insertOnce, newCheckin, recordAtActivity } from '../recording';

type ScanInput = ParsedInput<'checkin', 'scan'>;
type Outcome = { outcome: 'checkedIn' | 'checkedOut'; checkin: ReturnType<typeof toCheckinView> };

/**
 * A check-in by one of the three ways in (ARCHITECTURE.md, "Check-ins"). DB requests on every path
 * that succeeds, the kernel's read of the caller included: a code or a base 签到 = 3 (caller,
 * activity or base, insert); a 签退 = 4 (caller, activity, check-in, conditional update); a 反扫
 * 签到 = 4 (caller, activity, the member, insert), its 签退 = 4 (the member is on the check-in).
 */
export async function scan(input: ScanInput, ctx: MemberContext): Promise<Outcome> {
  if (input.via === 'code') return scanActivityCode(input, ctx);
  if (input.via === 'base') return scanBase(input, ctx);
  return scanPersonalCode(input, ctx);
}

/** A member scans the activity's rotating code: 签到 or 签退 as the code says, located when the activity is. */
async function scanActivityCode(input: Extract<ScanInput, { via: 'code' }>, ctx: MemberContext): Promise<Outcome> {
  const { db, member, now } = ctx;
  const queued = input.queued !== undefined;
  const code = await readCode(ctx, input.code, ['in', 'out'], {
    queued,
    wrongKind: '这是党员的个人码，请扫描活动的签到码',
  });
  const activity = await findActivity(db, code.subject);
  if (!activity) fail('NOT_FOUND', { field: 'code', message: '活动不存在' });
  const { outcome, checkin } = await recordAtActivity(
    db,
    {
      activity,
      person: member,
      direction: code.purpose === 'out' ? 'out' : 'in',
      // Offline, the code's own slot proves when it was on screen; the phone's clock is not trusted.
      at: queued ? new Date(slotStartMs(code.slot)) : now,
      offline: queued,
      located: { reading: input.location },
      method: 'code',
      recordedBy: null,
    },
    now,
  );
  return { outcome, checkin: toCheckinView(checkin) };
}

/** An organiser scans a member's personal code for an activity they organise (反扫). */
async function scanPersonalCode(input: Extract<ScanInput, { via: 'personal' }>, ctx: MemberContext): Promise<Outcome> {
  const { db, member: organiser, now } = ctx;
  const code = await readCode(ctx, input.code, ['member'], { queued: false, wrongKind: '这是活动的签到码，请扫描党员出示的个人码' });
  // A 签退 finds the member on their check-in, so only a 签到 reads the member (alongside the activity).
  const [activity, person] = await Promise.all([
    loadOrganisedActivity(db, organiser, input.activityId),
    input.direction === 'in' ? findMember(db, code.subject) : null,
  ]);
  if (input.direction === 'in' && (!person || person.status !== 'active')) {
    fail('NOT_FOUND', { field: 'code', message: '没有这位在册党员' });
  }
  const { outcome, checkin } = await recordAtActivity(
    db,
    {
      activity,
      // For a 签退 the stored check-in carries the member; the refusals before it name them generically.
      person: person ?? { _id: code.subject, branchId: '', name: '该党员' },
      direction: input.direction,
      at: now,
      offline: false,
      located: null,
      method: 'personal',
      recordedBy: organiser,
    },
    now,
  );
  return { outcome, checkin: toCheckinView(checkin) };
}

/** A member's open visit at a base's printed code: located against the base, once per base per day. */
async function scanBase(input: Extract<ScanInput, { via: 'base' }>, ctx: MemberContext): Promise<Outcome> {
  const { db, member, now } = ctx;
  let at = now;
  if (input.queued !== undefined) {
    at = new Date(input.queued.scannedAt);
    const refusal = queuedScanRefusal(at, now);
    if (refusal !== null) fail(at > now ? 'INVALID_INPUT' : 'EXPIRED', { field: 'queued.scannedAt', message: refusal });
  }
  const base = await findBase(db, input.baseId);
  if (!base) fail('NOT_FOUND', { field: 'baseId', message: '基地不存在' });
  const fence = baseFence(base);
  const distanceM = locate(fence, input.location);
  const checkin = newCheckin(member, at, now, {
    _id: baseCheckinId(base._id, shanghaiDay(at), member._id),
    kind: 'base',
    activityId: null,
    baseId: base._id,
    placeName: base.name,
    method: 'base',
    countsFor: 'visit',
    latitude: base.latitude,
    longitude: base.longitude,
    offline: input.queued !== undefined,
    location: input.location,
    distanceM,
    photoFileId: input.photoFileId ?? null,
  });
  const stored = await insertOnce(db, checkin, now, (when) => `你今天已于 ${when} 在此打卡`);
  return { outcome: 'checkedIn', checkin: toCheckinView(stored) };
}
