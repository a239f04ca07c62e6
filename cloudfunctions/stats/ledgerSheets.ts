/**
 * The 台账 workbook's sheets (exportLedger): the org summary (one row per branch), one sheet per
 * branch (its members and the evidence behind each item) and the monthly sheet (what each branch
 * reports each month). Every number is copied from the stored BranchStatsDocs and ProgressDocs the
 * dashboard reads, never recounted, so the workbook says what branchDashboard says.
 */
import { monthRows } from '../../core/stats/months';
import { shanghaiDay } from '../../core/time';
import type { BranchStatsDoc, ProgrammeDoc } from '../../server/documents';
import type { SheetCell, SheetSource, SheetSpec } from '../../server/xlsx';
import type { LedgerMember } from './exportJobs.repository';

export const SUMMARY_SHEET = '全校汇总';
export const MONTHLY_SHEET = '月度台账';
const RATE_FORMAT = '0.0%';
/** Excel's limit on a sheet name, and the characters it refuses in one. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const HOUR_MS = 60 * 60 * 1000;
/** Members in a branch sheet by name as Chinese readers sort them (one collator, not one per comparison). */
const byName = new Intl.Collator('zh');

/**
 * The Shanghai day of an evidence instant, through a memo by UTC hour: formatting through a time
 * zone costs ≈70 µs and a workbook of 300,000 members dates up to 1.8 million pieces of evidence,
 * while a year holds 8,760 hours. Exact for any zone whose offsets are whole hours, as Shanghai's are.
 */
function shanghaiDays(): (instant: Date) => string {
  const days = new Map<number, string>();
  return (instant) => {
    const hour = Math.floor(instant.getTime() / HOUR_MS);
    let day = days.get(hour);
    if (day === undefined) {
      day = shanghaiDay(new Date(hour * HOUR_MS));
      days.set(hour, day);
    }
    return day;
  };
}

function summaryHeader(programme: ProgrammeDoc): string[] {
  return [
    '支部',
    '党员数',
    ...programme.items.map((item) => `${item.title}（完成人数）`),
    '完成率',
    '全部完成人数',
    '学时',
    '积分',
    '提交作品',
    '通过作品',
    '获奖',
    '开展活动',
    '缺席',
    '参与答题人数',
    '答题平均分',
  ];
}

function summaryRow(programme: ProgrammeDoc, stats: BranchStatsDoc): SheetCell[] {
  return [
    stats.branchName,
    stats.members,
    ...programme.items.map((item) => stats.itemsDone[item.key] ?? 0),
    stats.completionRate,
    stats.membersComplete,
    stats.studyHours,
    stats.points,
    stats.submissions,
    stats.approvedWorks,
    stats.awards,
    stats.activitiesHeld,
    stats.noShows,
    stats.quizParticipants,
    stats.quizAverage,
  ];
}

function memberRow(programme: ProgrammeDoc, member: LedgerMember, dayOf: (instant: Date) => string): SheetCell[] {
  return [
    member.name,
    ...programme.items.map((item) => {
      const evidence = member.items[item.key];
      return evidence ? `${evidence.label}（${dayOf(evidence.at)}）` : '';
    }),
    member.doneCount,
    member.studyHours,
    member.points,
    member.checkins,
    member.approvedWorks,
    member.awards,
    member.noShows,
    member.quizBest,
  ];
}

/** Sheet names as Excel accepts them: no forbidden characters, at most 31 long, each once. */
function uniqueSheetNames(names: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken);
  return names.map((name) => {
    const base = (name.replace(SHEET_NAME_FORBIDDEN, ' ').trim() || '支部').slice(0, SHEET_NAME_MAX);
    let candidate = base;
    for (let copy = 2; used.has(candidate); copy += 1) candidate = `${base.slice(0, SHEET_NAME_MAX - String(copy).length - 1)}-${copy}`;
    used.add(candidate);
    return candidate;
  });
}

/**
 * The workbook's sheets in order; a branch sheet's members are asked of `membersOf` (by the branch's
 * index) only when the writer reaches that sheet, so the workbook never holds every member at once.
 */
export function ledgerSheets(
  programme: ProgrammeDoc,
  branches: readonly BranchStatsDoc[],
  membersOf: (index: number) => Promise<LedgerMember[]>,
): SheetSource[] {
  const itemCount = programme.items.length;
  const dayOf = shanghaiDays();
  const summary: SheetSpec = {
    name: SUMMARY_SHEET,
    rows: [summaryHeader(programme), ...branches.map((stats) => summaryRow(programme, stats))],
    header: true,
    widths: [16],
    numberFormats: { [2 + itemCount]: RATE_FORMAT },
  };
  const monthly: SheetSpec = {
    name: MONTHLY_SHEET,
    rows: [
      ['支部', '月份', '签到', '提交作品', '通过作品', '开展活动', '完成事项', '学时'],
      ...branches.flatMap((stats) =>
        monthRows(stats.months).map((month) => [
          stats.branchName,
          month.month,
          month.checkins,
          month.submissions,
          month.approvedWorks,
          month.activitiesHeld,
          month.itemsDone,
          month.studyHours,
        ]),
      ),
    ],
    header: true,
    widths: [16, 10],
  };
  const names = uniqueSheetNames(
    branches.map((stats) => stats.branchName),
    [SUMMARY_SHEET, MONTHLY_SHEET],
  );
  const branchSheets = branches.map((_stats, index): SheetSource => ({
    name: names[index]!,
    rows: async () => [
      [
        '姓名',
        ...programme.items.map((item) => item.title),
        '完成项数',
        '学时',
        '积分',
        '签到',
        '通过作品',
        '获奖',
        '缺席',
        '答题最好成绩',
      ],
      ...(await membersOf(index)).sort((a, b) => byName.compare(a.name, b.name)).map((member) => memberRow(programme, member, dayOf)),
    ],
    header: true,
    widths: [12, ...programme.items.map(() => 28)],
  }));
  return [summary, ...branchSheets, monthly];
}
