import { shanghaiDay, shanghaiTimeOn } from '../../core/time';

describe('上海时区的日界', () => {
  it('UTC 16:00 之后已是上海的第二天', () => {
    expect(shanghaiDay(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(shanghaiDay(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });

  it('上海时间某日 9 点换算为 UTC 1 点', () => {
    const from = new Date('2026-11-23T20:00:00Z'); // 上海 11月24日 04:00
    expect(shanghaiTimeOn(from, 1, 9).toISOString()).toBe('2026-11-25T01:00:00.000Z');
  });
});
