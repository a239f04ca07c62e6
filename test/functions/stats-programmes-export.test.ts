/**
 * The 台账 export (exportLedger / exportStatus): built from what the aggregator stored, opened here
 * with exceljs, its numbers compared with what branchDashboard shows for every branch.
 */
import ExcelJS from 'exceljs';
import { timerEvent } from '../../emulator/runner';
import { memberDoc, seedProgrammeId } from '../../emulator/seed';
import { BRANCHES_PER_STEP } from '../../cloudfunctions/stats/handlers/exportLedger.handler';
import type { ExportJobDoc } from '../../server/documents';
import { cellText } from '../../server/xlsx';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { documentOf } from './stats-programmes.fixtures';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;
let programmeId: string;

beforeEach(() => {
  env = createTestEnv({ now: clock.now() });
  programmeId = seedProgrammeId(clock.now());
});

/** A full recompute of the seeded programme, carried by cron as it is in production. */
async function recomputeAll(): Promise<void> {
  await env.ok('demo-admin', 'stats', 'recompute', { programmeId, restart: true });
  for (let run = 0; run < 5; run += 1) {
    await env.runner.invoke('cron', timerEvent(clock.now()), { openid: undefined });
    const state = await env.ok('demo-admin', 'stats', 'recompute', { programmeId });
    if (state.state === 'done') return;
  }
  throw new Error('recompute did not finish');
}

async function openWorkbook(fileId: string): Promise<ExcelJS.Workbook> {
  const content = env.files.get(fileId);
  if (!content) throw new Error(`no file ${fileId}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  return workbook;
}

function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

describe('exportLedger / exportStatus', () => {
  it('导出的台账用 exceljs 打开：汇总表每个支部一行，数字与支部看板一致；每个支部一张表，另有月度表', async () => {
    await recomputeAll();
    const exported = await env.ok('demo-admin', 'stats', 'exportLedger', { programmeId, jobId: 'job-ledger-0001' });
    expect(exported.fileName).toBe('2026年“红色教育进学院”六个一活动台账.xlsx');
    expect(exported.url).toContain('exports/ledger/');
    const workbook = await openWorkbook(exported.fileId);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect([names[0], names.at(-1)]).toEqual(['全校汇总', '月度台账']);
    expect(names).toContain('第一党支部');
    expect(workbook.worksheets).toHaveLength(exported.branches + 2);

    const [header, ...rows] = rowsOf(workbook.getWorksheet('全校汇总')!);
    expect(rows).toHaveLength(exported.branches);
    const column = (name: string) => header!.indexOf(name);
    for (const row of rows) {
      const branchName = String(row[0]);
      const branchId = (await env.ok('demo-admin', 'stats', 'orgRanking', {})).branches.find(
        (branch) => branch.branchName === branchName,
      )?.branchId;
      const { summary, months } = await env.ok('demo-admin', 'stats', 'branchDashboard', { programmeId, branchId });
      expect(summary).not.toBeNull();
      expect({
        branchName,
        members: row[column('党员数')],
        rate: row[column('完成率')],
        studyHours: row[column('学时')],
        points: row[column('积分')],
        approvedWorks: row[column('通过作品')],
        awards: row[column('获奖')],
        activities: row[column('开展活动')],
        noShows: row[column('缺席')],
        quizParticipants: row[column('参与答题人数')],
        quizAverage: row[column('答题平均分')] ?? null,
        lesson: row[column('上好一堂红色教育党课（完成人数）')],
        reflection: row[column('撰写一篇红色教育心得（完成人数）')],
      }).toEqual({
        branchName: summary!.branchName,
        members: summary!.members,
        rate: summary!.completionRate,
        studyHours: summary!.studyHours,
        points: summary!.points,
        approvedWorks: summary!.approvedWorks,
        awards: summary!.awards,
        activities: summary!.activitiesHeld,
        noShows: summary!.noShows,
        quizParticipants: summary!.quizParticipants,
        quizAverage: summary!.quizAverage,
        lesson: summary!.itemsDone.lesson ?? 0,
        reflection: summary!.itemsDone.reflection ?? 0,
      });
      const branchSheet = rowsOf(workbook.getWorksheet(branchName)!);
      expect(branchSheet).toHaveLength(summary!.members + 1);
      const monthly = rowsOf(workbook.getWorksheet('月度台账')!).filter((monthRow) => monthRow[0] === branchName);
      expect(monthly.map((monthRow) => [monthRow[1], monthRow[2], monthRow[7]])).toEqual(
        months.map((month) => [month.month, month.checkins, month.studyHours]),
      );
    }
    // Something to compare: the seed gives 第一党支部 check-ins and approved works.
    const first = rows.find((row) => row[0] === '第一党支部')!;
    expect(Number(first[column('学时')])).toBeGreaterThan(0);

    const demo = rowsOf(workbook.getWorksheet('第一党支部')!).find((row) => row[0] === '林红')!;
    expect(demo.some((cell) => /（\d{4}-\d{2}-\d{2}）$/.test(cellText(cell)))).toBe(true);
    expect(await env.ok('demo-admin', 'stats', 'exportStatus', { jobId: 'job-ledger-0001' })).toEqual({
      state: 'done',
      done: exported.branches,
      total: exported.branches,
    });
    expect(await documentOf<ExportJobDoc>('export_jobs', 'job-ledger-0001')).toMatchObject({
      fileId: exported.fileId,
      fileExpiresAt: new Date(clock.now().getTime() + 24 * 60 * 60 * 1000),
    });
  });

  it('支部多于一步（每步 20 个）时边读边写：每张支部表只有本支部的党员，进度走到全部支部', async () => {
    const extra = 2 * BRANCHES_PER_STEP + 3;
    env.store.insertMany(
      'orgs',
      Array.from({ length: extra }, (_, b) => ({
        _id: `step-branch-${b}`,
        name: `分步第${b + 1}支部`,
        kind: 'branch',
        parentId: 'org-committee',
        order: 200 + b,
      })),
    );
    env.store.insertMany(
      'members',
      Array.from({ length: extra * 2 }, (_, i) => ({
        ...memberDoc({ openid: `step-${i}`, name: `分步党员${i}`, branchId: `step-branch-${i % extra}` }, clock.now()),
      })),
    );
    await recomputeAll();
    const exported = await env.ok('demo-admin', 'stats', 'exportLedger', { programmeId, jobId: 'job-ledger-steps' });
    const workbook = await openWorkbook(exported.fileId);
    for (let b = 0; b < extra; b += 1) {
      const names = rowsOf(workbook.getWorksheet(`分步第${b + 1}支部`)!)
        .slice(1)
        .map((row) => String(row[0]));
      expect({ branch: b, names: names.sort() }).toEqual({ branch: b, names: [`分步党员${b}`, `分步党员${b + extra}`].sort() });
    }
    expect(await env.ok('demo-admin', 'stats', 'exportStatus', { jobId: 'job-ledger-steps' })).toEqual({
      state: 'done',
      done: exported.branches,
      total: exported.branches,
    });
  });

  it('导出进行中可以查看进度；同一个任务号不能导出两次；未知任务号是 unknown', async () => {
    await recomputeAll();
    expect(await env.ok('demo-admin', 'stats', 'exportStatus', { jobId: 'job-ledger-0002' })).toEqual({
      state: 'unknown',
      done: 0,
      total: 0,
    });
    const pause = env.scheduler.pauseBefore({ invocation: 'export', collection: 'programme_progress' });
    const running = env.call({ openid: 'demo-admin', label: 'export' }, 'stats', 'exportLedger', { programmeId, jobId: 'job-ledger-0002' });
    await pause.reached;
    const seen = await env.ok('demo-admin', 'stats', 'exportStatus', { jobId: 'job-ledger-0002' });
    pause.release();
    expect((await running).result.ok).toBe(true);
    expect(seen).toMatchObject({ state: 'building', done: 0, total: 5 });
    const again = await env.call('demo-admin', 'stats', 'exportLedger', { programmeId, jobId: 'job-ledger-0002' });
    expect(again.result).toMatchObject({ ok: false, error: { code: 'DUPLICATE', field: 'jobId' } });
  });

  it('不存在的方案：NOT_FOUND，不留任务', async () => {
    const { result } = await env.call('demo-admin', 'stats', 'exportLedger', { programmeId: 'no-such', jobId: 'job-ledger-0003' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'programmeId' } });
    expect(await documentOf('export_jobs', 'job-ledger-0003')).toBeUndefined();
  });
});
