import fc from 'fast-check';
import {
  compareMistakes,
  isDayCounted,
  isPathSafeId,
  mistakeCursor,
  notebookOverflow,
  parseMistakeCursor,
  previousDay,
  standingAfter,
  standingOn,
  type NotebookRow,
  type PracticeRecord,
} from '../../core/quiz';

function record(overrides: Partial<PracticeRecord> = {}): PracticeRecord {
  return { streak: 3, bestStreak: 5, points: 12, daysDone: 8, lastDay: '2026-11-22', ...overrides };
}

function row(id: string, at: string): NotebookRow {
  return [id, { lastWrongAt: new Date(at) }];
}

describe('每日一练：日期与计数', () => {
  it.each([
    ['2026-11-23', '2026-11-22'],
    ['2026-03-01', '2026-02-28'],
    ['2028-03-01', '2028-02-29'],
    ['2027-01-01', '2026-12-31'],
  ])('%s 的前一天是 %s（跨月、闰年、跨年）', (day, before) => {
    expect(previousDay(day)).toBe(before);
  });

  it('某天已计入（最后计入日是当天或更晚）时不再计入，没有记录时都未计入', () => {
    expect(isDayCounted(record({ lastDay: '2026-11-23' }), '2026-11-23')).toBe(true);
    expect(isDayCounted(record({ lastDay: '2026-11-24' }), '2026-11-23')).toBe(true);
    expect(isDayCounted(record({ lastDay: '2026-11-22' }), '2026-11-23')).toBe(false);
    expect(isDayCounted(null, '2026-11-23')).toBe(false);
  });
});

describe('每日一练：连续天数与积分', () => {
  it('昨天或今天做过时连续天数仍在，断了一天就显示 0，积分和最长纪录不变', () => {
    expect(standingOn(record({ lastDay: '2026-11-22' }), '2026-11-23')).toEqual({ streak: 3, bestStreak: 5, points: 12, daysDone: 8 });
    expect(standingOn(record({ lastDay: '2026-11-23' }), '2026-11-23').streak).toBe(3);
    expect(standingOn(record({ lastDay: '2026-11-21' }), '2026-11-23')).toEqual({ streak: 0, bestStreak: 5, points: 12, daysDone: 8 });
    expect(standingOn(null, '2026-11-23')).toEqual({ streak: 0, bestStreak: 0, points: 0, daysDone: 0 });
  });

  it('紧接昨天计入时连续 +1 并刷新最长纪录；中断后从 1 开始；每答对一题得 1 分', () => {
    expect(standingAfter(record({ streak: 5, bestStreak: 5 }), '2026-11-23', 4)).toEqual({
      streak: 6,
      bestStreak: 6,
      points: 16,
      daysDone: 9,
      pointsEarned: 4,
    });
    expect(standingAfter(record({ lastDay: '2026-11-20' }), '2026-11-23', 0)).toEqual({
      streak: 1,
      bestStreak: 5,
      points: 12,
      daysDone: 9,
      pointsEarned: 0,
    });
    expect(standingAfter(null, '2026-11-23', 5)).toEqual({ streak: 1, bestStreak: 1, points: 5, daysDone: 1, pointsEarned: 5 });
  });

  it('任意记录计入一天后：天数 +1，积分只增加当天所得，最长纪录不小于连续天数', () => {
    const day = fc
      .date({ min: new Date('2001-01-02T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.nat(1000),
        fc.nat(5000),
        fc.nat(2000),
        day,
        day,
        fc.integer({ min: 0, max: 5 }),
        (streak, extra, points, daysDone, lastDay, today, correct) => {
          const before = record({ streak, bestStreak: streak + extra, points, daysDone, lastDay });
          const after = standingAfter(before, today, correct);
          expect(after.daysDone).toBe(daysDone + 1);
          expect(after.points - before.points).toBe(after.pointsEarned);
          expect(after.bestStreak).toBeGreaterThanOrEqual(after.streak);
          expect(after.streak === streak + 1 || after.streak === 1).toBe(true);
        },
      ),
    );
  });
});

describe('每日一练：错题本顺序与翻页', () => {
  it('最近答错的在前，同一时刻按题目编号排序', () => {
    const rows = [row('q-b', '2026-11-22T02:00:00Z'), row('q-c', '2026-11-23T02:00:00Z'), row('q-a', '2026-11-22T02:00:00Z')];
    expect([...rows].sort(compareMistakes).map(([id]) => id)).toEqual(['q-c', 'q-a', 'q-b']);
  });

  it('超出上限时移出最早答错的题', () => {
    const rows = [row('old', '2026-11-01T00:00:00Z'), row('new', '2026-11-23T00:00:00Z'), row('mid', '2026-11-10T00:00:00Z')];
    expect(notebookOverflow(rows, 2)).toEqual(['old']);
    expect(notebookOverflow(rows, 3)).toEqual([]);
  });

  it('游标还原出它所指的那一行：之后的行都排在它后面，翻页不重不漏', () => {
    const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
    const atArb = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(idArb, atArb), { selector: ([id]) => id, minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        (pairs, pageSize) => {
          const rows = pairs.map(([id, at]): NotebookRow => [id, { lastWrongAt: at }]).sort(compareMistakes);
          const seen: string[] = [];
          let after: NotebookRow | null = null;
          for (;;) {
            const rest: NotebookRow[] = after ? rows.filter((entry) => compareMistakes(entry, after!) > 0) : rows;
            const page = rest.slice(0, pageSize);
            seen.push(...page.map(([id]) => id));
            const last = page[page.length - 1];
            if (rest.length <= pageSize || !last) break;
            after = parseMistakeCursor(mistakeCursor(last));
          }
          expect(seen).toEqual(rows.map(([id]) => id));
        },
      ),
    );
  });

  it('只有字母、数字、下划线和连字符组成的编号能作为字段路径', () => {
    expect(isPathSafeId('q-0001_a')).toBe(true);
    for (const unsafe of ['', 'a.b', '$where', 'a b', 'x'.repeat(65), '题目']) expect(isPathSafeId(unsafe)).toBe(false);
  });
});
