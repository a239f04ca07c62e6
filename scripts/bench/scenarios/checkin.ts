/**
 * Check-ins at scale (ARCHITECTURE.md, "Budgets" and "Check-ins"): `size` members, each with about
 * three check-ins already stored (one at a past activity, with 签退 and 学时, and two base visits on
 * past days), written straight into the store; the past activities hold 200 check-ins each. Then
 * through the real checkin function: `scan` of an activity in progress (its rotating 签到 code, then
 * its 签退 code, by members who have not checked in there, with a location inside the fence), an
 * organiser's 反扫 of members' personal codes, and a base's printed code; `history` of random
 * members; `roster` of a past activity with 200 check-ins, 200 sign-ups, walk-ins and no-shows.
 * `scan` must stay within its DB-request budget whatever the size.
 */
import { seededRng, type Rng } from '../../../core/quiz';
import { AUDIENCE_ALL } from '../../../core/activity/rules';
import type { CheckDirection, LocationReading } from '../../../types/contracts/checkin';
import { memberDoc, seedActivity, seedStore } from '../../../emulator/seed';
import { seedBases } from '../../../emulator/seed/bases';
import {
  activityCheckinId,
  baseCheckinId,
  checkinDoc,
  signUpId,
  type ActivityDoc,
  type CheckinDoc,
  type MemberDoc,
  type SignUpDoc,
} from '../../../server/documents';
import { createBenchEnv, insertSliced, type BenchEnv } from '../env';
import type { BenchOptions, Sample, Scenario, ScenarioRun } from '../types';
import { dayOf } from '../shanghaiDays';

const BRANCHES = 100;
const CHECKINS_PER_PAST_ACTIVITY = 200;
/** Of the roster activity's check-ins, this many held a seat; the rest walked in. */
const ROSTER_SEATED = 180;
/** Signed up to the roster activity and never came. */
const ROSTER_NO_SHOWS = 20;
const ORGANISER = 'demo-admin';
const LIVE_ACTIVITY = 'bench-ci-live';
/** Written in slices so a 100k batch never sits in memory twice. */
const INSERT_SLICE = 10_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Ask for a new code this long before the one held stops being accepted. */
const CODE_MARGIN_MS = 3_000;

const branchOf = (index: number) => `bench-branch-${index % BRANCHES}`;
const openidOf = (index: number) => `bench-ci-${index}`;
const memberIdOf = (index: number) => `m-${openidOf(index)}`;
const nameOf = (index: number) => `党员${index}`;
const pastActivityOf = (memberIndex: number) => `bench-ci-past-${Math.floor(memberIndex / CHECKINS_PER_PAST_ACTIVITY)}`;
const ROSTER_ACTIVITY = pastActivityOf(0);

const liveBase = seedBases[0]!;
/** Where a member stands to scan: at the fence's centre, as a phone reports it. */
const atLiveBase: LocationReading = { latitude: liveBase.latitude, longitude: liveBase.longitude, accuracy: 20 };

function activity(now: Date, fields: Partial<ActivityDoc> & Pick<ActivityDoc, '_id' | 'startAt' | 'endAt'>): ActivityDoc {
  return {
    ...seedActivity(now),
    title: `基准签到活动 ${fields._id}`,
    capacity: null,
    studyHours: 2,
    signUpDeadline: new Date(fields.startAt.getTime() - DAY_MS),
    ...fields,
  };
}

function checkin(
  index: number,
  fields: Pick<CheckinDoc, '_id' | 'kind' | 'activityId' | 'baseId' | 'placeName' | 'method' | 'checkedInAt'> & Partial<CheckinDoc>,
): CheckinDoc {
  const person = { _id: memberIdOf(index), branchId: branchOf(index), name: nameOf(index) };
  return checkinDoc(person, fields.checkedInAt, { day: dayOf(fields.checkedInAt), countsFor: 'visit', ...fields });
}

/** Member i checked in at past activity ⌊i / 200⌋ and visited two bases on two past days. */
function storedCheckins(index: number, pastStart: (activityId: string) => Date, now: Date): CheckinDoc[] {
  const activityId = pastActivityOf(index);
  const checkedInAt = new Date(pastStart(activityId).getTime() - 10 * MINUTE_MS + (index % 20) * MINUTE_MS);
  const visits = [1 + (index % 60), 61 + (index % 60)].map((daysAgo, visit) => {
    const base = seedBases[(index + visit) % seedBases.length]!;
    const at = new Date(now.getTime() - daysAgo * DAY_MS);
    return checkin(index, {
      _id: baseCheckinId(base.id, dayOf(at), memberIdOf(index)),
      kind: 'base',
      activityId: null,
      baseId: base.id,
      placeName: base.name,
      method: 'base',
      checkedInAt: at,
      latitude: base.latitude,
      longitude: base.longitude,
      distanceM: 120,
    });
  });
  const atActivity = checkin(index, {
    _id: activityCheckinId(activityId, memberIdOf(index)),
    kind: 'activity',
    activityId,
    baseId: null,
    placeName: `基准签到活动 ${activityId}`,
    method: 'code',
    checkedInAt,
    checkedOutAt: new Date(checkedInAt.getTime() + 2 * HOUR_MS),
    presentMinutes: 110,
    studyHours: 1.5,
  });
  return [atActivity, ...visits];
}

function buildDataSet(env: BenchEnv, size: number, now: Date): void {
  seedStore(env.store, now);
  const pastActivities = Math.ceil(size / CHECKINS_PER_PAST_ACTIVITY);
  const pastStart = (activityId: string) => {
    const ordinal = Number(activityId.slice(activityId.lastIndexOf('-') + 1));
    return new Date(now.getTime() - (2 + (ordinal % 300)) * DAY_MS);
  };
  insertSliced(env, 'activities', pastActivities, (ordinal) => {
    const _id = `bench-ci-past-${ordinal}`;
    const startAt = pastStart(_id);
    return activity(now, { _id, startAt, endAt: new Date(startAt.getTime() + 2 * HOUR_MS), signedUpCount: 0 });
  });
  env.store.insertMany('activities', [
    {
      ...activity(now, {
        _id: LIVE_ACTIVITY,
        audience: [AUDIENCE_ALL],
        place: liveBase.name,
        baseId: liveBase.id,
        startAt: new Date(now.getTime() - 30 * MINUTE_MS),
        endAt: new Date(now.getTime() + 3 * HOUR_MS),
        checkinFence: { latitude: liveBase.latitude, longitude: liveBase.longitude, radiusM: liveBase.radiusM, source: 'base' },
      }),
    },
  ]);

  const member = (index: number): MemberDoc => memberDoc({ openid: openidOf(index), name: nameOf(index), branchId: branchOf(index) }, now);
  insertSliced(env, 'members', size, (index) => ({ ...member(index) }));
  for (let from = 0; from < size; from += INSERT_SLICE) {
    const batch: CheckinDoc[] = [];
    for (let index = from; index < Math.min(size, from + INSERT_SLICE); index += 1) batch.push(...storedCheckins(index, pastStart, now));
    env.store.insertMany('checkins', batch as unknown as Record<string, unknown>[]);
  }

  // The roster activity's seats: most of those who came, and some who did not; the others walked in.
  const seated = [
    ...Array.from({ length: Math.min(size, ROSTER_SEATED) }, (_, index) => index),
    ...Array.from(
      { length: Math.max(0, Math.min(ROSTER_NO_SHOWS, size - CHECKINS_PER_PAST_ACTIVITY)) },
      (_, k) => CHECKINS_PER_PAST_ACTIVITY + k,
    ),
  ];
  env.store.insertMany(
    'sign_ups',
    seated.map((index): Record<string, unknown> => {
      const signUp: SignUpDoc = {
        _id: signUpId(ROSTER_ACTIVITY, memberIdOf(index)),
        activityId: ROSTER_ACTIVITY,
        memberId: memberIdOf(index),
        branchId: branchOf(index),
        name: nameOf(index),
        status: 'signed',
        signedUpAt: new Date(pastStart(ROSTER_ACTIVITY).getTime() - 3 * DAY_MS + index),
        updatedAt: now,
        leaveReason: null,
        addedBy: null,
        subscribeCredits: 0,
      };
      return { ...signUp };
    }),
  );
}

/** Distinct member indices in a seeded random order. */
function distinctMembers(count: number, size: number, rng: Rng): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, size)) picked.add(Math.floor(rng() * size));
  return [...picked];
}

/** The organiser's screen: a code for the live activity, asked for again shortly before it stops being accepted. */
function organiserScreen(env: BenchEnv): (direction: CheckDirection) => Promise<string> {
  const held = new Map<CheckDirection, { code: string; validUntil: number }>();
  return async (direction) => {
    const current = held.get(direction);
    if (current !== undefined && Date.now() < current.validUntil - CODE_MARGIN_MS) return current.code;
    const { data } = await env.call(ORGANISER, 'checkin', 'issueCode', { for: 'activity', activityId: LIVE_ACTIVITY, direction });
    held.set(direction, { code: data.code, validUntil: Date.parse(data.validUntil) });
    return data.code;
  };
}

function expectOutcome(what: string, actual: string, expected: string): void {
  if (actual !== expected) throw new Error(`checkin.scan ${what}: expected ${expected}, got ${actual}`);
}

async function run(size: number, options: BenchOptions): Promise<ScenarioRun> {
  const rng = seededRng(`bench-checkin-${size}`);
  const env = createBenchEnv();
  const setupStarted = performance.now();
  buildDataSet(env, size, new Date());
  const setupMs = performance.now() - setupStarted;
  options.log(`  checkin @ ${size}: data set built in ${(setupMs / 1000).toFixed(1)} s (${env.store.count('checkins')} check-ins)`);

  const codeFor = organiserScreen(env);
  // Half scan the organiser's code, half show their personal code to the organiser (反扫).
  const drawn = distinctMembers(2 * options.samples, size, rng);
  const scanners = drawn.slice(0, options.samples);
  const shownToOrganiser = drawn.slice(options.samples);
  const checkedIn: Sample[] = [];
  for (const index of scanners) {
    const code = await codeFor('in');
    const call = await env.call(openidOf(index), 'checkin', 'scan', { via: 'code', code, location: atLiveBase });
    expectOutcome(`签到 #${index}`, call.data.outcome, 'checkedIn');
    checkedIn.push(call);
  }
  const checkedOut: Sample[] = [];
  for (const index of scanners) {
    const code = await codeFor('out');
    const call = await env.call(openidOf(index), 'checkin', 'scan', { via: 'code', code, location: atLiveBase });
    expectOutcome(`签退 #${index}`, call.data.outcome, 'checkedOut');
    checkedOut.push(call);
  }
  const personal: Sample[] = [];
  for (const index of shownToOrganiser) {
    const { data } = await env.call(openidOf(index), 'checkin', 'issueCode', { for: 'member' });
    const call = await env.call(ORGANISER, 'checkin', 'scan', {
      via: 'personal',
      activityId: LIVE_ACTIVITY,
      code: data.code,
      direction: 'in',
    });
    expectOutcome(`反扫 #${index}`, call.data.outcome, 'checkedIn');
    personal.push(call);
  }
  const visited: Sample[] = [];
  for (const index of distinctMembers(options.samples, size, rng)) {
    const call = await env.call(openidOf(index), 'checkin', 'scan', { via: 'base', baseId: liveBase.id, location: atLiveBase });
    expectOutcome(`基地打卡 #${index}`, call.data.outcome, 'checkedIn');
    visited.push(call);
  }
  options.log(`  checkin @ ${size}: scan done`);

  const histories: Sample[] = [];
  for (let sample = 0; sample < options.samples; sample += 1) {
    const index = Math.floor(rng() * size);
    const call = await env.call(openidOf(index), 'checkin', 'history', { pageSize: 20 });
    if (call.data.summary.checkins < 3) throw new Error(`checkin.history: ${openidOf(index)} should see their stored check-ins`);
    histories.push(call);
  }
  const rosters: Sample[] = [];
  const rosterCheckins = Math.min(size, CHECKINS_PER_PAST_ACTIVITY);
  for (let sample = 0; sample < options.samples; sample += 1) {
    const call = await env.call(ORGANISER, 'checkin', 'roster', { activityId: ROSTER_ACTIVITY });
    if (call.data.counts.checkedIn !== rosterCheckins) {
      throw new Error(`checkin.roster: expected ${rosterCheckins} check-ins, got ${call.data.counts.checkedIn}`);
    }
    rosters.push(call);
  }
  options.log(`  checkin @ ${size}: history and roster done`);
  env.store.close();

  return {
    size,
    setupMs,
    cases: [
      { action: 'checkin.scan', label: 'rotating code 签到, located', real: checkedIn },
      { action: 'checkin.scan', label: 'rotating code 签退, 学时', real: checkedOut },
      { action: 'checkin.scan', label: '反扫 签到 (personal code)', real: personal },
      { action: 'checkin.scan', label: 'base visit, located', real: visited },
      { action: 'checkin.history', label: 'first page, ≈3 stored', real: histories },
      { action: 'checkin.roster', label: `past activity, ${rosterCheckins} check-ins`, real: rosters },
    ],
  };
}

export const checkinScenario: Scenario = { name: 'checkin', run };
