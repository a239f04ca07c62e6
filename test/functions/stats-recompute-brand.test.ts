/**
 * The full recompute also recounts the 四红 tallies (ARCHITECTURE.md, "Statistics"): after the
 * branches and the campaigns' tallies, a phase of its own (`brandUnits`) sets every programme's unit
 * tallies (`brand_units`) and per-brand `selected` to what its nominations say, so a lost rating
 * increment or a wrong count is healed, a recompute over correct tallies writes nothing to them, a
 * slice that dies mid-phase is resumed from the programmes left, and an increment that lands after
 * the recount read a tally is never undone.
 */
import cloud from 'wx-server-sdk';
import type { DbRequestRecord } from '../../emulator/engine/store';
import { timerEvent } from '../../emulator/runner';
import { seedProgrammeId } from '../../emulator/seed';
import { countRatingOnUnit } from '../../cloudfunctions/stats/brand.repository';
import { brandUnitId, type BrandProgrammeDoc, type BrandUnitDoc, type StatsStateDoc } from '../../server/documents';
import type { Database } from '../../server/kernel/db';
import { continueRecompute, recomputeStateId, type RecomputeState } from '../../server/stats/recompute';
import { findState } from '../../server/stats/state.repository';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { nominationDoc, peerReviewOf, programmeDoc, putBrandData } from './brand.fixtures';
import { documentOf, documentsOf } from './stats-programmes.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
const MINUTE = 60_000;
const ADMIN = 'demo-admin';
/** Listed newest first: A, then B, then the seeded programme. */
const A = 'bp-recount-a';
const B = 'bp-recount-b';
let env: TestEnv;
let programmeId: string;

/** A programme in 验收 with a selected 红色课堂, an accepted 园丁, a reviewed and a submitted nomination, with ratings. */
function putProgramme(id: string, createdAfterMinutes: number): void {
  const now = clock.now();
  const createdAt = new Date(now.getTime() + createdAfterMinutes * MINUTE);
  const programme = programmeDoc(id, now, 'acceptance', {
    createdAt,
    updatedAt: createdAt,
    selected: { gardener: 0, bookhouse: 0, classroom: 1, base: 0 },
  });
  putBrandData(env, programme, [
    nominationDoc(`${id}-n1`, id, 'branch-1', 'classroom', now, {
      status: 'selected',
      peerReview: peerReviewOf(90, 'branch-2', now),
      ratingCount: 3,
      ratingSum: 13,
      acceptance: { passed: true, note: '', byId: 'm-x', at: now },
      selection: { commendation: null, byId: 'm-x', at: now },
    }),
    nominationDoc(`${id}-n2`, id, 'branch-1', 'gardener', now, {
      status: 'accepted',
      peerReview: peerReviewOf(80, 'branch-2', now),
      ratingCount: 2,
      ratingSum: 8,
      acceptance: { passed: true, note: '', byId: 'm-x', at: now },
    }),
    nominationDoc(`${id}-n3`, id, 'branch-2', 'classroom', now, {
      status: 'reviewed',
      peerReview: peerReviewOf(70, 'branch-1', now),
      ratingCount: 4,
      ratingSum: 15,
    }),
    nominationDoc(`${id}-n4`, id, 'branch-2', 'bookhouse', now),
  ]);
}

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
  programmeId = seedProgrammeId(clock.now());
  putProgramme(A, 2);
  putProgramme(B, 1);
});

const withoutStamp = ({ updatedAt: _, ...unit }: BrandUnitDoc) => unit;
const byId = (a: { _id: string }, b: { _id: string }) => a._id.localeCompare(b._id);

async function unitsOf(id: string): Promise<Omit<BrandUnitDoc, 'updatedAt'>[]> {
  return (await documentsOf<BrandUnitDoc>('brand_units', { programmeId: id })).map(withoutStamp).sort(byId);
}

async function selectedOf(id: string): Promise<BrandProgrammeDoc['selected'] | undefined> {
  return (await documentOf<BrandProgrammeDoc>('brand_programmes', id))?.selected;
}

/** A lost rating on branch-1's 红色课堂, a wrong selected count, branch-2's tally gone and a tally no nomination stands behind. */
async function corrupt(id: string): Promise<void> {
  const db = cloud.database();
  const _ = db.command;
  await db
    .collection('brand_units')
    .doc(brandUnitId(id, 'branch-1'))
    .update({ data: { 'brands.classroom.ratingCount': _.inc(-1), 'brands.classroom.ratingSum': _.inc(-5) } });
  await db
    .collection('brand_programmes')
    .doc(id)
    .update({ data: { 'selected.classroom': 2, 'selected.base': 1 } });
  const [branch2] = await documentsOf<BrandUnitDoc>('brand_units', { _id: brandUnitId(id, 'branch-2') });
  await db.collection('brand_units').doc(brandUnitId(id, 'branch-2')).remove();
  await db.collection('brand_units').add({
    data: { ...branch2!, _id: brandUnitId(id, 'branch-none'), branchId: 'branch-none', updatedAt: clock.now() },
  });
}

/** Starts the programme's recompute as the org admin does and lets `cron` run a minute apart until it is done; the runs' DB requests. */
async function recomputeThroughCron(restart = true): Promise<{ requests: DbRequestRecord[]; counts: Record<string, number>[] }> {
  if (restart) await env.ok(ADMIN, 'stats', 'recompute', { programmeId, restart: true });
  const requests: DbRequestRecord[] = [];
  const counts: Record<string, number>[] = [];
  for (let run = 0; run < 10; run += 1) {
    clock.advance(MINUTE);
    const invocation = await env.runner.invoke('cron', timerEvent(clock.now()), { openid: undefined });
    expect(invocation.result).toMatchObject({ ok: true });
    const jobs = (invocation.result as { data: { jobs: { job: string; counts?: Record<string, number> }[] } }).data.jobs;
    counts.push(jobs.find((job) => job.job === 'continueRecompute')?.counts ?? {});
    requests.push(...invocation.requests);
    const state = await documentOf<StatsStateDoc>('stats_state', recomputeStateId(programmeId));
    if (state?.phase === 'done') return { requests, counts };
  }
  throw new Error('the recompute did not finish in ten cron runs');
}

/** The database, with `intercept` given each collection asked for by name and how many times it was asked for before. */
function intercepted(
  db: Database,
  intercept: (name: string, calls: number, real: ReturnType<Database['collection']>) => unknown,
): Database {
  const calls = new Map<string, number>();
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'collection') {
        return (name: string) => {
          const count = calls.get(name) ?? 0;
          calls.set(name, count + 1);
          return intercept(name, count, target.collection(name));
        };
      }
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('全量重算顺带重数四红的单位统计', () => {
  it('评议计数丢了一次、评选数被改错、一个单位的统计被删、多出一份没有申报的统计：stats.recompute 之后经 cron 都与申报一致', async () => {
    const units = await unitsOf(A);
    expect(units.map((unit) => unit.branchId)).toEqual(['branch-1', 'branch-2']);
    await corrupt(A);
    expect(await unitsOf(A)).not.toEqual(units);

    const { counts } = await recomputeThroughCron();
    expect(await unitsOf(A)).toEqual(units);
    expect(await selectedOf(A)).toEqual({ gardener: 0, bookhouse: 0, classroom: 1, base: 0 });
    expect(await documentOf('brand_units', brandUnitId(A, 'branch-none'))).toBeUndefined();
    // The cron job reports the programmes recounted beside the branches and campaigns.
    expect(counts.reduce((sum, count) => sum + (count.brandProgrammes ?? 0), 0)).toBe(3);
  });

  it('统计本来就对：再全量重算一遍，不写 brand_units 和 brand_programmes，读取都走索引', async () => {
    await corrupt(B);
    await recomputeThroughCron();
    const units = await unitsOf(B);
    const { requests } = await recomputeThroughCron();
    expect(await unitsOf(B)).toEqual(units);
    const written = requests.filter((request) => request.written > 0).map((request) => request.collection);
    expect(written).not.toContain('brand_units');
    expect(written).not.toContain('brand_programmes');
    const recountReads = requests.filter((request) =>
      ['brand_programmes', 'brand_units', 'brand_nominations'].includes(request.collection),
    );
    expect(recountReads.length).toBeGreaterThan(0);
    expect(recountReads.every((request) => request.indexed)).toBe(true);
    expect(requests.every((request) => request.returned <= 1000)).toBe(true);
  });

  it('重数到一半被打断：状态里留下没重数的方案，下一次 cron 接着做，做过的不再做', async () => {
    await corrupt(A);
    await corrupt(B);
    await env.ok(ADMIN, 'stats', 'recompute', { programmeId, restart: true });
    const state = (await findState(cloud.database(), recomputeStateId(programmeId))) as RecomputeState;
    expect(state.remainingBrandProgrammes).toEqual([A, B, expect.any(String)]);

    // The slice dies reading B's nominations (A's were the first read), as a function past its timeout would.
    const dying = intercepted(cloud.database(), (name, calls, real) => {
      if (name === 'brand_nominations' && calls === 1) throw new Error('function timed out');
      return real;
    });
    clock.advance(MINUTE);
    await expect(continueRecompute(dying, state, clock.now(), { maxBranches: 1000, budgetMs: Number.POSITIVE_INFINITY })).rejects.toThrow(
      'function timed out',
    );
    const cut = (await findState(cloud.database(), recomputeStateId(programmeId))) as RecomputeState;
    expect(cut).toMatchObject({ phase: 'brandUnits', remainingBrandProgrammes: [B, expect.any(String)] });
    expect(await selectedOf(A)).toEqual({ gardener: 0, bookhouse: 0, classroom: 1, base: 0 });
    expect(await selectedOf(B)).toEqual({ gardener: 0, bookhouse: 0, classroom: 2, base: 1 });

    const { counts } = await recomputeThroughCron(false);
    expect(counts[0]).toEqual({ branches: 0, campaigns: 0, brandProgrammes: 2 });
    expect(await selectedOf(B)).toEqual({ gardener: 0, bookhouse: 0, classroom: 1, base: 0 });
    const countsOf = async (id: string) =>
      (await unitsOf(id)).map(({ branchId, branchName, brands }) => ({ branchId, branchName, brands }));
    expect(await countsOf(B)).toEqual(await countsOf(A));
  });

  it('重数读过单位统计之后落下的一次评议计数不会被覆盖掉：那份统计留到下次重数', async () => {
    await env.ok(ADMIN, 'stats', 'recompute', { programmeId, restart: true });
    const state = (await findState(cloud.database(), recomputeStateId(programmeId))) as RecomputeState;
    await corrupt(A);
    const lateRatingAt = new Date(clock.now().getTime() + 30_000);
    // A rating's increment lands on branch-1's tally after the recount read it, just before its write.
    const racing = intercepted(cloud.database(), (name, _calls, real) => {
      if (name !== 'brand_units') return real;
      return new Proxy(real, {
        get(target, prop) {
          if (prop !== 'where') return Reflect.get(target, prop);
          return (filter: Record<string, unknown>) => {
            const query = target.where(filter);
            if (!('updatedAt' in filter)) return query;
            return {
              update: async (change: unknown) => {
                if (filter._id === brandUnitId(A, 'branch-1')) {
                  await countRatingOnUnit(
                    cloud.database(),
                    { programmeId: A, branchId: 'branch-1' },
                    { brand: 'classroom', score: 4, now: lateRatingAt },
                  );
                }
                return query.update(change as never);
              },
              remove: () => query.remove(),
            };
          };
        },
      });
    });
    clock.advance(MINUTE);
    await continueRecompute(racing, state, clock.now(), { maxBranches: 1000, budgetMs: Number.POSITIVE_INFINITY });
    const [branch1] = await documentsOf<BrandUnitDoc>('brand_units', { _id: brandUnitId(A, 'branch-1') });
    // Still one short of the recount plus the late rating (3 + 1): left for the next recount, not overwritten.
    expect(branch1?.brands.classroom).toMatchObject({ ratingCount: 3, ratingSum: 12 });
    expect(branch1?.updatedAt).toEqual(lateRatingAt);
    // The rest of the programme is healed.
    expect(await documentOf('brand_units', brandUnitId(A, 'branch-2'))).toBeDefined();
    expect(await selectedOf(A)).toEqual({ gardener: 0, bookhouse: 0, classroom: 1, base: 0 });

    await recomputeThroughCron();
    const [healed] = await documentsOf<BrandUnitDoc>('brand_units', { _id: brandUnitId(A, 'branch-1') });
    // The nomination's own count did not move in this simulation, so the recount sets the unit to the nominations' 3.
    expect(healed?.brands.classroom).toMatchObject({ ratingCount: 3, ratingSum: 13 });
  });
});
