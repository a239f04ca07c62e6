/**
 * The member function's guessable inputs, rate-limited per caller (cloudfunctions/member/guessLimits.ts):
 * invite codes that do not exist, and phone tails that miss the 花名册 entry of the name given.
 */
import cloud from 'wx-server-sdk';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { rosterXlsx } from '../support/rosterSheet';
import { tally } from '../support/outcomes';

const START = new Date('2026-11-23T02:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

const MODES = [
  ['自由交错', undefined],
  ['种子调度下请求逐个随机放行', 2026],
] as const;

/** A well-formed code that no invite has. */
const WRONG_CODE = 'ZZZZZZZZ';

interface StoredGuard {
  _id: string;
  guard: { windowStart: Date; failures: number; lockedUntil: Date | null };
}

async function storedGuard(id: string): Promise<StoredGuard | undefined> {
  const reply = (await cloud.database().collection('rate_limits').where({ _id: id }).get()) as unknown as { data: StoredGuard[] };
  return reply.data[0];
}

async function consent(openid: string) {
  await env.ok(openid, 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
}

function join(openid: string, code: string, extra: { name?: string; phoneTail?: string } = {}) {
  return env.call(openid, 'member', 'join', { code, name: extra.name ?? '新同志', partyStatus: 'full', ...extra });
}

describe('邀请码按调用者限流', () => {
  it('10 分钟内第 5 个不存在的邀请码后锁定 30 分钟：其间对的邀请码也被拒绝且不占名额，到点即可加入', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', { maxUses: 1 });
    await consent('wx-guesser');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await join('wx-guesser', WRONG_CODE)).result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'code' } });
      clock.advance(2 * MINUTE - 1);
    }
    const fifthAt = new Date(START.getTime() + 4 * (2 * MINUTE - 1));
    expect((await storedGuard('invite_wx-guesser'))?.guard).toEqual({
      windowStart: START,
      failures: 5,
      lockedUntil: new Date(fifthAt.getTime() + 30 * MINUTE),
    });

    const before = await env.snapshot();
    const locked = await join('wx-guesser', code);
    expect(locked.result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '邀请码错误次数过多，请 29 分钟后再试' } });
    expect(await env.snapshot()).toEqual(before);

    clock.set(new Date(fifthAt.getTime() + 30 * MINUTE - 1));
    expect((await join('wx-guesser', code)).result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    clock.set(new Date(fifthAt.getTime() + 30 * MINUTE));
    expect((await join('wx-guesser', code)).result).toMatchObject({ ok: true, data: { member: { status: 'pending' } } });
  });

  it('4 个错码不锁定；窗口过后重新计数', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    await consent('wx-typo');
    for (let attempt = 0; attempt < 4; attempt += 1) await join('wx-typo', WRONG_CODE);
    clock.advance(10 * MINUTE);
    expect((await join('wx-typo', WRONG_CODE)).result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await storedGuard('invite_wx-typo'))?.guard).toMatchObject({ failures: 1, lockedUntil: null });
    expect((await join('wx-typo', code)).result.ok).toBe(true);
  });

  it('一个人的错码不影响别人；过期的真邀请码不算猜错', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    const short = await env.ok('demo-secretary', 'member', 'createInvite', { expiresInHours: 1 });
    await consent('wx-guesser');
    await consent('wx-honest');
    for (let attempt = 0; attempt < 5; attempt += 1) await join('wx-guesser', WRONG_CODE);
    expect((await join('wx-guesser', code)).result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });

    clock.advance(HOUR + 1);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await join('wx-honest', short.code)).result).toMatchObject({ ok: false, error: { code: 'EXPIRED' } });
    }
    expect(await storedGuard('invite_wx-honest')).toBeUndefined();
    expect((await join('wx-honest', code)).result.ok).toBe(true);
  });

  it.each(MODES)(
    '%s：20 个错码同时提交（含第一次写入限流记录的竞争），查过的错码全部计入，随后对的邀请码也被锁 30 分钟',
    async (_mode, seed) => {
      const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
      await consent('wx-bot');
      env.scheduler.useSeed(seed);
      const wrong = await Promise.all(Array.from({ length: 20 }, () => join('wx-bot', WRONG_CODE)));
      // Calls that read the guard after five failures had landed are refused before the code is looked at.
      const { NOT_FOUND: lookedUp = 0, RATE_LIMITED: refused = 0, ...others } = tally(wrong.map((call) => call.result));
      expect([lookedUp + refused, others]).toEqual([20, {}]);
      expect((await storedGuard('invite_wx-bot'))?.guard).toMatchObject({ failures: lookedUp, windowStart: START });
      // Racing left no failure to set the lock; the count locks as long as one-by-one failures would have.
      const { result } = await join('wx-bot', code);
      expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '邀请码错误次数过多，请 30 分钟后再试' } });
    },
  );

  it('加入时限流记录与档案、邀请一起读取：多一次按 _id 的读取，未猜错时不写', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    await consent('wx-new');
    const { result, requests } = await join('wx-new', code);
    expect(result.ok).toBe(true);
    expect(requests.filter((request) => request.collection === 'rate_limits').map((request) => request.action)).toEqual([
      'database.getDocument',
    ]);
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
  });
});

describe('花名册手机后四位按调用者限流', () => {
  beforeEach(async () => {
    const roster = await rosterXlsx([['周晓梅', '第一党支部', '正式党员', '1234']]);
    await env.ok('demo-admin', 'member', 'importRoster', { mode: 'import', fileBase64: roster.toString('base64') });
  });

  /** A try at being 周晓梅: join with a tail, and 注销 again when it missed, ready for the next try. */
  async function tryTail(openid: string, code: string, phoneTail: string) {
    await consent(openid);
    const { result } = await join(openid, code, { name: '周晓梅', phoneTail });
    if (result.ok && result.data.member.status === 'pending') await env.ok(openid, 'member', 'deleteMine', { confirm: '注销' });
    return result;
  }

  it('同一人 24 小时内第 3 次后四位不符后，再申请（即使后四位正确）为 RATE_LIMITED，24 小时后可以匹配', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    for (const tail of ['0000', '0001', '0002']) {
      expect(await tryTail('wx-impostor', code, tail)).toMatchObject({ ok: true, data: { member: { status: 'pending' } } });
    }
    expect((await storedGuard('roster_wx-impostor'))?.guard).toMatchObject({
      failures: 3,
      lockedUntil: new Date(START.getTime() + 24 * HOUR),
    });

    await consent('wx-impostor');
    const before = await env.snapshot();
    const locked = await join('wx-impostor', code, { name: '周晓梅', phoneTail: '1234' });
    expect(locked.result).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '手机号后 4 位错误次数过多，请 24 小时后再试' },
    });
    expect(await env.snapshot()).toEqual(before);

    clock.advance(24 * HOUR);
    expect((await join('wx-impostor', code, { name: '周晓梅', phoneTail: '1234' })).result).toMatchObject({
      ok: true,
      data: { member: { status: 'active' } },
    });
  });

  it('不在花名册上的姓名、不填后四位、后四位正确都不计为猜错', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    await consent('wx-a');
    await consent('wx-b');
    await consent('wx-c');
    expect((await join('wx-a', code, { name: '赵六', phoneTail: '0000' })).result).toMatchObject({ ok: true });
    expect((await join('wx-b', code, { name: '周晓梅' })).result).toMatchObject({ ok: true, data: { member: { status: 'pending' } } });
    expect((await join('wx-c', code, { name: '周晓梅', phoneTail: '1234' })).result).toMatchObject({
      ok: true,
      data: { member: { status: 'active' } },
    });
    for (const openid of ['wx-a', 'wx-b', 'wx-c']) expect(await storedGuard(`roster_${openid}`)).toBeUndefined();
  });
});
