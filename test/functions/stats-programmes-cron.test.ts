/**
 * `cron`'s clean-ups (attempt ledgers of ended contests, spent rate-limit guards, 台账 files a day
 * old), each bounded per run, and the study reminders it sends with their own template.
 */
import cloud from 'wx-server-sdk';
import { timerEvent } from '../../emulator/runner';
import { seedProgrammeId } from '../../emulator/seed';
import type { AttemptLedgerDoc } from '../../server/attemptLedger';
import type { StudyNotificationDoc } from '../../server/documents';
import type { TimerReport } from '../../types/contracts/cron';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import type { Result } from '../../types/result';
import { MAX_LEDGERS_PER_RUN } from '../../cloudfunctions/cron/jobs/cleanAttemptLedgers.job';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { documentOf, documentsOf } from './stats-programmes.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

async function tick(): Promise<TimerReport> {
  const { result } = (await env.runner.invoke('cron', timerEvent(clock.now()), { openid: undefined })) as { result: Result<TimerReport> };
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

function countsOf(report: TimerReport, job: string): Record<string, number> {
  const entry = report.jobs.find((candidate) => candidate.job === job);
  if (!entry?.ok) throw new Error(`${job}: ${JSON.stringify(entry)}`);
  return entry.counts;
}

function ledger(id: string, expiresAt: Date): AttemptLedgerDoc {
  return { _id: id, contestId: 'contest-old', openidHash: `hash-${id}`, attemptsUsed: 2, expiresAt };
}

describe('cleanAttemptLedgers', () => {
  it('比赛结束后的作答台账被删除，未结束的留下；每次最多删 1000 条，余下的下次再删', async () => {
    const expired = Array.from({ length: MAX_LEDGERS_PER_RUN + 5 }, (_, index) =>
      ledger(`old-${index}`, new Date(START.getTime() - MINUTE_MS)),
    );
    env.store.insertMany(
      'contest_attempt_ledgers',
      [...expired, ledger('open', new Date(START.getTime() + DAY_MS))].map((doc) => ({ ...doc })),
    );
    expect(countsOf(await tick(), 'cleanAttemptLedgers')).toEqual({ removed: MAX_LEDGERS_PER_RUN });
    expect(countsOf(await tick(), 'cleanAttemptLedgers')).toEqual({ removed: 5 });
    expect((await documentsOf<AttemptLedgerDoc>('contest_attempt_ledgers')).map((doc) => doc._id)).toEqual(['open']);
  });
});

describe('cleanRateLimits', () => {
  const WRONG_CODE = 'ZZZZZZZZ';

  it('猜错邀请码留下的计数在窗口和锁定都过去后才删除', async () => {
    await env.ok('wx-guesser', 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
    const { result } = await env.call('wx-guesser', 'member', 'join', { code: WRONG_CODE, name: '新同志', partyStatus: 'full' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const guard = await documentOf<{ expiresAt: Date }>('rate_limits', 'invite_wx-guesser');
    // The invite-code limit: a 10-minute window, a 30-minute lock.
    expect(guard?.expiresAt).toEqual(new Date(START.getTime() + 40 * MINUTE_MS));

    clock.set(new Date(START.getTime() + 40 * MINUTE_MS));
    expect(countsOf(await tick(), 'cleanRateLimits')).toEqual({ removed: 0 });
    clock.advance(1);
    expect(countsOf(await tick(), 'cleanRateLimits')).toEqual({ removed: 1 });
    expect(await documentOf('rate_limits', 'invite_wx-guesser')).toBeUndefined();
  });
});

describe('cleanExportFiles', () => {
  it('台账文件保留一天，之后文件和导出任务都被删除', async () => {
    const programmeId = seedProgrammeId(clock.now());
    const { fileId } = await env.ok('demo-admin', 'stats', 'exportLedger', { programmeId, jobId: 'job-clean-0001' });
    clock.advance(DAY_MS - MINUTE_MS);
    expect(countsOf(await tick(), 'cleanExportFiles')).toEqual({ files: 0 });
    expect(env.files.get(fileId)).toBeDefined();
    clock.advance(2 * MINUTE_MS);
    expect(countsOf(await tick(), 'cleanExportFiles')).toEqual({ files: 1 });
    expect(env.files.get(fileId)).toBeUndefined();
    expect(await env.ok('demo-admin', 'stats', 'exportStatus', { jobId: 'job-clean-0001' })).toEqual({
      state: 'unknown',
      done: 0,
      total: 0,
    });
  });
});

describe('学习提醒的发送', () => {
  afterEach(() => {
    delete process.env.STUDY_REMINDER_TEMPLATE_ID;
  });

  it('cron 用学习提醒模板发出书记的提醒：学习项目、待完成事项、截止时间、温馨提示', async () => {
    process.env.STUDY_REMINDER_TEMPLATE_ID = 'tmpl-study';
    const sends = jest.spyOn(cloud.openapi.subscribeMessage, 'send');
    const programmeId = seedProgrammeId(clock.now());
    await env.ok('demo-secretary', 'stats', 'remindMembers', { programmeId, memberIds: ['m-demo-member'] });
    expect(countsOf(await tick(), 'sendNotices')).toMatchObject({ sent: 1 });
    const [notice] = await documentsOf<StudyNotificationDoc>('notifications', { kind: 'studyReminder' });
    expect(notice).toMatchObject({
      state: 'sent',
      payload: { touser: 'demo-member', templateId: 'tmpl-study', page: 'stats/progress/index' },
    });
    expect(Object.keys(notice!.payload!.data).sort()).toEqual(['thing1', 'thing2', 'thing4', 'time3']);
    expect(notice!.payload!.data.time3).toEqual({ value: '2027-01-01 00:00' });
    expect(sends).toHaveBeenCalledTimes(1);
    sends.mockRestore();
  });

  it('模板未配置时提醒留在发件箱，其他模板的通知照常发送', async () => {
    const programmeId = seedProgrammeId(clock.now());
    await env.ok('demo-secretary', 'stats', 'remindMembers', { programmeId, memberIds: ['m-demo-member'] });
    await tick();
    expect(await documentsOf<StudyNotificationDoc>('notifications', { kind: 'studyReminder' })).toEqual([
      expect.objectContaining({ state: 'pending' }),
    ]);
  });
});
