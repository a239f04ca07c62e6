import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  CHECKIN_NONCE_COUNT,
  CHECKIN_SLOT_MS,
  CODE_PURPOSES,
  type CodeFields,
  type CodePurpose,
  type Hmac,
  signCode,
  slotAt,
  slotStartMs,
  verifyCode,
} from '../../core/checkin/token';
import { isValidScene } from '../../core/scene';
import { CHECKIN_SECRET_ENV, checkinHmac, newCheckinNonce } from '../../server/checkinSecret';
import { createLocalEnvironment, LOCAL_CHECKIN_SECRET } from '../../emulator/local';
import { loadSource } from '../../emulator/runner';

const hmacWith =
  (secret: string): Hmac =>
  (message) =>
    createHmac('sha256', secret).update(message).digest();
const hmac = hmacWith('test-secret-of-the-organisers-server');
const otherHmac = hmacWith('test-secret-of-someone-else-server');

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_CHARS = `${BASE32}abcdefghijklmnopqrstuvwxyzILOU_-`;
const TAIL = 18;
const MAC = 10;
const DAY_MS = 86_400_000;
/** 2026-03-01T00:00:00Z and the next fifty years, in ms. */
const instant = fc.integer({ min: 1_772_323_200_000, max: 3_350_000_000_000 });
const subject = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const nonce = fc.integer({ min: 0, max: CHECKIN_NONCE_COUNT - 1 });
const purpose = fc.constantFrom(...CODE_PURPOSES);

/** A code issued at `issuedAt`, with the fields it carries. */
const issued = fc.record({ purpose, subject, issuedAt: instant, nonce }).map(({ purpose, subject, issuedAt, nonce }) => {
  const fields: CodeFields = { purpose, subject, slot: slotAt(issuedAt), nonce };
  return { fields, issuedAt, code: signCode(fields, hmac) };
});

const at = (ms: number) => new Date(ms);
const replaceAt = (text: string, index: number, char: string) => text.slice(0, index) + char + text.slice(index + 1);
const insertAt = (text: string, index: number, inserted: string) => text.slice(0, index) + inserted + text.slice(index);
const otherPurposes = (own: CodePurpose) => CODE_PURPOSES.filter((other) => other !== own);

describe('轮换签到码', () => {
  it('签发的码在同一时间片内验证通过，并读回用途、对象、时间片和随机数', () => {
    fc.assert(
      fc.property(issued, ({ fields, issuedAt, code }) => {
        expect(verifyCode(code, { now: at(issuedAt), hmac })).toEqual({ kind: 'ok', ...fields });
      }),
    );
  });

  it('同样的字段总是得到同样的码，随机数不同则码不同', () => {
    fc.assert(
      fc.property(issued, ({ fields, code }) => {
        expect(signCode(fields, hmac)).toBe(code);
        const otherNonce = (fields.nonce + 1) % CHECKIN_NONCE_COUNT;
        expect(signCode({ ...fields, nonce: otherNonce }, hmac)).not.toBe(code);
      }),
    );
  });

  it('系统生成的 12 位活动号的码为 30 个字符，加上场景键仍放得进小程序码 scene', () => {
    const code = signCode({ purpose: 'in', subject: 'K7M2QXRTB9PA', slot: slotAt(Date.UTC(2026, 2, 1)), nonce: 1023 }, hmac);
    expect(code).toHaveLength(30);
    expect(isValidScene(`k=${code}`)).toBe(true);
  });

  describe('用途绑定', () => {
    it('为某一用途签发的码只按这一用途验证通过，绝不会被读成签到、签退或个人码中的另一种', () => {
      fc.assert(
        fc.property(issued, ({ fields, issuedAt, code }) => {
          const result = verifyCode(code, { now: at(issuedAt), hmac });
          expect(result.kind === 'ok' && result.purpose).toBe(fields.purpose);
        }),
      );
    });

    it('码文本里没有用途：同一对象、时间片和随机数换一种用途，签名就不同，改不了标签', () => {
      fc.assert(
        fc.property(issued, ({ fields, code }) => {
          for (const other of otherPurposes(fields.purpose)) {
            const relabelled = signCode({ ...fields, purpose: other }, hmac);
            // Same visible fields, so the two codes differ only in the MAC: it is what carries the purpose.
            expect(relabelled.slice(0, -MAC)).toBe(code.slice(0, -MAC));
            expect(relabelled.slice(-MAC)).not.toBe(code.slice(-MAC));
          }
        }),
      );
    });

    it('签到码不能当签退码用：活动的 in 码验证结果是 in，而同一活动的 out 码是 out', () => {
      const now = Date.UTC(2026, 2, 1, 6);
      const fields = { subject: 'K7M2QXRTB9PA', slot: slotAt(now), nonce: 5 };
      const checkIn = verifyCode(signCode({ ...fields, purpose: 'in' }, hmac), { now: at(now), hmac });
      const checkOut = verifyCode(signCode({ ...fields, purpose: 'out' }, hmac), { now: at(now), hmac });
      expect(checkIn).toEqual({ kind: 'ok', purpose: 'in', ...fields });
      expect(checkOut).toEqual({ kind: 'ok', purpose: 'out', ...fields });
    });
  });

  describe('时间片边界', () => {
    it('本时间片的码从第一毫秒到最后一毫秒都有效', () => {
      fc.assert(
        fc.property(issued, ({ fields, code }) => {
          expect(verifyCode(code, { now: at(slotStartMs(fields.slot)), hmac }).kind).toBe('ok');
          expect(verifyCode(code, { now: at(slotStartMs(fields.slot + 1) - 1), hmac }).kind).toBe('ok');
        }),
      );
    });

    it('上一时间片的码在本片内仍然有效，直到本片最后一毫秒', () => {
      fc.assert(
        fc.property(issued, ({ fields, code }) => {
          const nextSlot = fields.slot + 1;
          expect(verifyCode(code, { now: at(slotStartMs(nextSlot)), hmac }).kind).toBe('ok');
          expect(verifyCode(code, { now: at(slotStartMs(nextSlot + 1) - 1), hmac }).kind).toBe('ok');
        }),
      );
    });

    it('两个时间片之前的码已过期，从下下片的第一毫秒起', () => {
      fc.assert(
        fc.property(issued, fc.integer({ min: 2, max: 100_000 }), ({ fields, code }, slotsLater) => {
          expect(verifyCode(code, { now: at(slotStartMs(fields.slot + 2)), hmac })).toEqual({ kind: 'expired' });
          expect(verifyCode(code, { now: at(slotStartMs(fields.slot + slotsLater)), hmac })).toEqual({ kind: 'expired' });
        }),
      );
    });

    it('尚未开始的时间片的码被拒绝，哪怕签名正确', () => {
      fc.assert(
        fc.property(issued, ({ fields, code }) => {
          expect(verifyCode(code, { now: at(slotStartMs(fields.slot) - 1), hmac })).toEqual({ kind: 'forged' });
        }),
      );
    });

    it('时间片长度可以另行指定', () => {
      const code = signCode({ purpose: 'in', subject: 'a1', slot: slotAt(60_000, 30_000), nonce: 0 }, hmac);
      expect(verifyCode(code, { now: at(119_999), hmac, slotMs: 30_000 }).kind).toBe('ok');
      expect(verifyCode(code, { now: at(120_000), hmac, slotMs: 30_000 }).kind).toBe('expired');
    });
  });

  describe('离线排队的扫码（queuedUpToMs）', () => {
    const queuedUpToMs = fc.integer({ min: 0, max: DAY_MS });

    it('码所在时间片恰好开始于 queuedUpToMs 之前仍然有效，再早一毫秒即过期', () => {
      fc.assert(
        fc.property(issued, queuedUpToMs, ({ fields, code }, upTo) => {
          const began = slotStartMs(fields.slot);
          expect(verifyCode(code, { now: at(began + upTo), hmac, queuedUpToMs: upTo })).toEqual({ kind: 'ok', ...fields });
          expect(verifyCode(code, { now: at(began + upTo + 1), hmac, queuedUpToMs: upTo })).toEqual({ kind: 'expired' });
        }),
      );
    });

    it('排队窗口内签名不对的码仍判为伪造，尚未开始的时间片也一样', () => {
      fc.assert(
        fc.property(issued, queuedUpToMs, ({ fields, code }, upTo) => {
          const now = at(slotStartMs(fields.slot) + upTo);
          expect(verifyCode(signCode(fields, otherHmac), { now, hmac, queuedUpToMs: upTo })).toEqual({ kind: 'forged' });
          const lastMac = code.charAt(code.length - 1);
          const tampered = replaceAt(code, code.length - 1, lastMac === '0' ? '1' : '0');
          expect(verifyCode(tampered, { now, hmac, queuedUpToMs: upTo })).toEqual({ kind: 'forged' });
          expect(verifyCode(code, { now: at(slotStartMs(fields.slot) - 1), hmac, queuedUpToMs: upTo })).toEqual({ kind: 'forged' });
        }),
      );
    });
  });

  describe('篡改与伪造', () => {
    it('改动码的任何一个字符（对象、时间片、随机数或签名）都判为伪造或格式错误，绝不通过', () => {
      fc.assert(
        fc.property(issued, fc.nat(), fc.constantFrom(...ID_CHARS), ({ issuedAt, code }, position, replacement) => {
          const index = position % code.length;
          fc.pre(code.charAt(index) !== replacement);
          expect(['forged', 'malformed']).toContain(verifyCode(replaceAt(code, index, replacement), { now: at(issuedAt), hmac }).kind);
        }),
      );
    });

    it('逐一改动一个码的每一位，每一处都不会通过', () => {
      const now = Date.UTC(2026, 5, 1, 8);
      const code = signCode({ purpose: 'out', subject: 'K7M2QXRTB9PA', slot: slotAt(now), nonce: 321 }, hmac);
      const accepted: string[] = [];
      for (let index = 0; index < code.length; index += 1) {
        for (const replacement of ID_CHARS) {
          if (replacement === code.charAt(index)) continue;
          const tampered = replaceAt(code, index, replacement);
          const { kind } = verifyCode(tampered, { now: at(now), hmac });
          if (kind !== 'forged' && kind !== 'malformed') accepted.push(`${tampered} → ${kind}`);
        }
      }
      expect(accepted).toEqual([]);
    });

    it('整个换掉对象判为伪造', () => {
      fc.assert(
        fc.property(issued, subject, ({ fields, issuedAt, code }, replacement) => {
          fc.pre(replacement !== fields.subject);
          expect(verifyCode(replacement + code.slice(-TAIL), { now: at(issuedAt), hmac })).toEqual({ kind: 'forged' });
        }),
      );
    });

    // The tampered field is spliced in from a genuine code for other fields, so it is well formed.
    it('把时间片换成别的时间片（例如把旧码改成当前片）判为伪造', () => {
      fc.assert(
        fc.property(
          issued,
          fc.integer({ min: -3, max: 3 }).filter((shift) => shift !== 0),
          ({ fields, code }, shift) => {
            const shiftedSlot = fields.slot + shift;
            const slotText = signCode({ ...fields, slot: shiftedSlot }, hmac).slice(-TAIL, -12);
            const tampered = code.slice(0, -TAIL) + slotText + code.slice(-12);
            // Judged within the tampered slot, so only the MAC can give it away.
            expect(verifyCode(tampered, { now: at(slotStartMs(shiftedSlot)), hmac })).toEqual({ kind: 'forged' });
          },
        ),
      );
    });

    it('换掉随机数判为伪造', () => {
      fc.assert(
        fc.property(issued, nonce, ({ fields, issuedAt, code }, otherNonce) => {
          fc.pre(otherNonce !== fields.nonce);
          const nonceText = signCode({ ...fields, nonce: otherNonce }, hmac).slice(-12, -10);
          expect(verifyCode(code.slice(0, -12) + nonceText + code.slice(-10), { now: at(issuedAt), hmac })).toEqual({ kind: 'forged' });
        }),
      );
    });

    it('签名的任何一位翻转都判为伪造', () => {
      fc.assert(
        fc.property(issued, fc.integer({ min: 0, max: MAC - 1 }), fc.integer({ min: 0, max: 4 }), ({ issuedAt, code }, charIndex, bit) => {
          const index = code.length - MAC + charIndex;
          const flipped = BASE32.charAt(BASE32.indexOf(code.charAt(index)) ^ (1 << bit));
          expect(verifyCode(replaceAt(code, index, flipped), { now: at(issuedAt), hmac })).toEqual({ kind: 'forged' });
        }),
      );
    });

    it('对象少了首字符判为伪造；码尾多一个或少一个字符则各字段错位，也不会被接受', () => {
      fc.assert(
        fc.property(issued, ({ fields, issuedAt, code }) => {
          fc.pre(fields.subject.length > 1);
          const now = at(issuedAt);
          expect(verifyCode(code.slice(1), { now, hmac })).toEqual({ kind: 'forged' });
          expect(['forged', 'malformed']).toContain(verifyCode(code.slice(0, -1), { now, hmac }).kind);
          expect(['forged', 'malformed']).toContain(verifyCode(`${code}0`, { now, hmac }).kind);
        }),
      );
    });

    it('用另一个密钥签发的码判为伪造', () => {
      fc.assert(
        fc.property(issued, ({ fields, issuedAt }) => {
          expect(verifyCode(signCode(fields, otherHmac), { now: at(issuedAt), hmac })).toEqual({ kind: 'forged' });
        }),
      );
    });
  });

  describe('格式不对的输入', () => {
    const now = at(Date.UTC(2026, 2, 1));
    const valid = signCode({ purpose: 'in', subject: 'K7M2QXRTB9PA', slot: slotAt(now.getTime()), nonce: 7 }, hmac);

    it.each([
      ['空字符串', ''],
      ['只有码尾，没有对象', valid.slice(-TAIL)],
      ['小写的码尾', valid.slice(0, -TAIL) + valid.slice(-TAIL).toLowerCase()],
      ['码尾含易混字符 I', valid.slice(0, -1) + 'I'],
      ['码尾含易混字符 L', replaceAt(valid, valid.length - TAIL, 'L')],
      ['码尾含易混字符 O', replaceAt(valid, valid.length - 12, 'O')],
      ['码尾含易混字符 U', valid.slice(0, -1) + 'U'],
      ['对象含不允许的字符', `活动${valid}`],
      ['对象超过 64 个字符', 'a'.repeat(65) + valid.slice(-TAIL)],
      ['扫到的网址', 'https://example.com/?scene=k%3DABC'],
    ])('%s 判为格式错误', (_label, code) => {
      expect(verifyCode(code, { now, hmac })).toEqual({ kind: 'malformed' });
    });

    it('不超过码尾长度的任何文本都判为格式错误', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: TAIL }), (code) => {
          expect(verifyCode(code, { now, hmac })).toEqual({ kind: 'malformed' });
        }),
      );
    });

    it('在码的任何位置插入空格、竖线、点、斜杠或冒号，判为格式错误', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: valid.length }), fc.constantFrom(' ', '|', '.', '/', ':', '\n'), (index, separator) => {
          expect(verifyCode(insertAt(valid, index, separator), { now, hmac })).toEqual({ kind: 'malformed' });
        }),
      );
    });

    it('在码尾插入连字符判为格式错误；插在对象里则对象变了，判为伪造', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: valid.length }), (index) => {
          const expected = index > valid.length - TAIL ? 'malformed' : 'forged';
          expect(verifyCode(insertAt(valid, index, '-'), { now, hmac })).toEqual({ kind: expected });
        }),
      );
    });

    it('任意文本都只会得到格式错误或伪造，不会被当作有效的码', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 100 }), (code) => {
          expect(['malformed', 'forged']).toContain(verifyCode(code, { now, hmac }).kind);
        }),
      );
    });

    it('签发时拒绝放不进码里的字段', () => {
      const fields: CodeFields = { purpose: 'member', subject: 'a1', slot: 1, nonce: 1 };
      expect(() => signCode({ ...fields, subject: 'a|1' }, hmac)).toThrow(RangeError);
      expect(() => signCode({ ...fields, subject: '' }, hmac)).toThrow(RangeError);
      expect(() => signCode({ ...fields, slot: -1 }, hmac)).toThrow(RangeError);
      expect(() => signCode({ ...fields, slot: 2 ** 30 }, hmac)).toThrow(RangeError);
      expect(() => signCode({ ...fields, slot: 1.5 }, hmac)).toThrow(RangeError);
      expect(() => signCode({ ...fields, nonce: CHECKIN_NONCE_COUNT }, hmac)).toThrow(RangeError);
      expect(() => signCode(fields, () => new Uint8Array(6))).toThrow(RangeError);
    });
  });
});

describe('服务端签到密钥', () => {
  const configured = process.env[CHECKIN_SECRET_ENV];
  afterEach(() => {
    if (configured === undefined) delete process.env[CHECKIN_SECRET_ENV];
    else process.env[CHECKIN_SECRET_ENV] = configured;
  });

  it('用环境变量中的密钥做 HMAC-SHA256，换了密钥旧码即判为伪造', () => {
    const first = `k${'1'.repeat(40)}`;
    process.env[CHECKIN_SECRET_ENV] = first;
    expect(Buffer.from(checkinHmac('message'))).toEqual(createHmac('sha256', first).update('message').digest());
    const code = signCode({ purpose: 'in', subject: 'a1', slot: 5, nonce: 9 }, checkinHmac);
    expect(verifyCode(code, { now: at(5 * CHECKIN_SLOT_MS), hmac: checkinHmac }).kind).toBe('ok');
    process.env[CHECKIN_SECRET_ENV] = `k${'2'.repeat(40)}`;
    expect(verifyCode(code, { now: at(5 * CHECKIN_SLOT_MS), hmac: checkinHmac }).kind).toBe('forged');
  });

  it('未配置或过短的密钥让签发和验证都失败，而不是用可猜的密钥', () => {
    delete process.env[CHECKIN_SECRET_ENV];
    expect(() => checkinHmac('message')).toThrow(CHECKIN_SECRET_ENV);
    process.env[CHECKIN_SECRET_ENV] = 'k'.repeat(31);
    expect(() => checkinHmac('message')).toThrow(CHECKIN_SECRET_ENV);
  });

  it('本地模拟器在未配置时使用固定的本地密钥，已配置的密钥不被覆盖', () => {
    delete process.env[CHECKIN_SECRET_ENV];
    createLocalEnvironment({ load: loadSource });
    expect(process.env[CHECKIN_SECRET_ENV]).toBe(LOCAL_CHECKIN_SECRET);
    const own = `k${'3'.repeat(40)}`;
    process.env[CHECKIN_SECRET_ENV] = own;
    createLocalEnvironment({ load: loadSource });
    expect(process.env[CHECKIN_SECRET_ENV]).toBe(own);
  });

  it('新码的随机数落在码能容纳的范围内', () => {
    for (let i = 0; i < 200; i++) {
      const drawn = newCheckinNonce();
      expect(Number.isInteger(drawn) && drawn >= 0 && drawn < CHECKIN_NONCE_COUNT).toBe(true);
    }
  });
});
