/**
 * The organisers' attendee export (an .xlsx in cloud storage, read back with exceljs) and the
 * activity's poster 小程序码. Who may call them at all is in the contract tables
 * (activity-contract.test.ts); here, what each caller gets.
 */
import cloud from 'wx-server-sdk';
import ExcelJS from 'exceljs';
import { ACTIVITY_SCENE_KEY, MAX_SCENE_LENGTH, parseScene } from '../../core/scene';
import { MAX_EXPORT_ROWS } from '../../types/contracts/activity';
import { memberDoc, SEED_ACTIVITY_ID } from '../../emulator/seed';
import type { AuditDoc } from '../../server/audit';
import { activityCheckinId, checkinDoc, type CheckinDoc, type MemberDoc } from '../../server/documents';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { after, DAY, HOUR, seededMember, signUpDoc, storedDocs } from './activity-manage.fixtures';
import { placeActivity, placeMembers, storedActivity } from './activity-signup.fixtures';

/** Building a 10,000-row workbook takes ~4 s on an idle 2-core machine: the volume tests get room for a busy one. */
const VOLUME_TEST_TIMEOUT_MS = 30_000;

const START = new Date('2026-11-23T02:00:00Z');
const MINUTE = 60_000;
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

afterEach(() => {
  jest.restoreAllMocks();
});

const ID = 'ACTEXPORT001';
const SIGN_UP_HEADER = ['姓名', '支部', '状态', '报名时间', '请假原因', '组织者添加', '签到时间', '签退时间', '学时', '签到方式'];
/** The check-in columns of someone who did not check in. */
const NO_CHECKIN = ['', '', '', ''];
const BRANCH_NAMES: Record<string, string> = {
  'branch-1': '第一党支部',
  'branch-2': '第二党支部',
  'branch-3': '第三党支部',
  'branch-4': '机关第一党支部',
  'branch-5': '离退休党支部',
};

/** Each sheet of the stored workbook as rows of cell text, padded to its header's width. */
async function readExport(fileID: string): Promise<{ names: string[]; sheets: string[][][] }> {
  const content = env.files.get(fileID);
  if (!content) throw new Error(`no file ${fileID}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  const sheets = workbook.worksheets.map((sheet) => {
    const width = sheet.getRow(1).cellCount;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push(Array.from({ length: width }, (_, index) => row.getCell(index + 1).text)));
    return rows;
  });
  return { names: workbook.worksheets.map((sheet) => sheet.name), sheets };
}

async function exportAs(openid: string, id = ID) {
  const exported = await env.ok(openid, 'activity', 'exportAttendees', { id });
  return { ...exported, ...(await readExport(exported.fileID)) };
}

/** Active members of `branchIds` without a sign-up for `activityId`, as the second sheet lists them: by branch in order, then name. */
async function expectedNotSignedUp(activityId: string, branchIds: string[]): Promise<string[][]> {
  const signedUp = new Set((await storedDocs<{ memberId: string }>('sign_ups', { activityId })).map((signUp) => signUp.memberId));
  const members = await storedDocs<MemberDoc>('members', { status: 'active' });
  return branchIds.flatMap((branchId) =>
    members
      .filter((member) => member.branchId === branchId && !signedUp.has(member._id))
      .map((member) => member.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((name) => [name, BRANCH_NAMES[branchId]!]),
  );
}

function at(minutes: number): void {
  clock.set(after(START, minutes * MINUTE));
}

/** A check-in at the export's activity three days after START (10:00 Beijing time), by scanning its code. */
function scannedCheckin(memberId: string, fields: Partial<CheckinDoc>): CheckinDoc {
  const person = { _id: memberId, branchId: 'branch-1', name: memberId };
  return checkinDoc(person, fields.checkedInAt ?? after(START, 3 * DAY), {
    _id: activityCheckinId(ID, memberId),
    kind: 'activity',
    activityId: ID,
    baseId: null,
    placeName: '主题党日',
    method: 'code',
    ...fields,
  });
}

describe('activity.exportAttendees', () => {
  it('支部书记导出本支部活动：第一张表按报名先后列出每条报名的姓名、支部、状态、北京时间、请假原因和组织者添加，第二张表是本支部未报名的在册党员', async () => {
    placeActivity(env, START, { _id: ID, capacity: 2 });
    const [first, second, third, added] = placeMembers(env, START, 4, 'exp');
    env.store.insertMany('members', [
      { ...memberDoc({ openid: 'exp-pending', name: '待审核', branchId: 'branch-1', status: 'pending' }, START) },
      { ...memberDoc({ openid: 'exp-left', name: '已离开', branchId: 'branch-1', status: 'left' }, START) },
    ]);
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    at(1);
    await env.ok(first, 'activity', 'signUp', { id: ID });
    at(2);
    expect((await env.ok(second, 'activity', 'signUp', { id: ID })).status).toBe('waitlisted');
    at(3);
    await env.ok('demo-member', 'activity', 'requestLeave', { id: ID, reason: '临时出差' });
    at(4);
    await env.ok(third, 'activity', 'signUp', { id: ID });
    at(5);
    await env.ok(third, 'activity', 'cancelSignUp', { id: ID });
    at(6);
    await env.ok('demo-secretary', 'activity', 'addAttendee', { id: ID, memberId: `m-${added!}`, reason: '支委会决定参加' });
    at(30);

    const { result, requests } = await env.call('demo-secretary', 'activity', 'exportAttendees', { id: ID });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { names, sheets } = await readExport(result.data.fileID);

    expect(names).toEqual(['报名名单', '未报名党员']);
    expect(sheets[0]).toEqual([
      SIGN_UP_HEADER,
      ['林红', '第一党支部', '已请假', '2026-11-23 10:00', '临时出差', '', ...NO_CHECKIN],
      ['党员exp0', '第一党支部', '已报名', '2026-11-23 10:01', '', '', ...NO_CHECKIN],
      ['党员exp1', '第一党支部', '已报名', '2026-11-23 10:02', '', '', ...NO_CHECKIN],
      ['党员exp2', '第一党支部', '已取消', '2026-11-23 10:04', '', '', ...NO_CHECKIN],
      ['党员exp3', '第一党支部', '已报名', '2026-11-23 10:06', '', '是', ...NO_CHECKIN],
    ]);
    const notSignedUp = await expectedNotSignedUp(ID, ['branch-1']);
    expect(notSignedUp.map(([name]) => name)).toContain('赵志刚');
    expect(notSignedUp.map(([name]) => name)).not.toContain('待审核');
    expect(sheets[1]).toEqual([['姓名', '支部'], ...notSignedUp]);

    expect(result.data).toEqual({
      fileID: expect.stringMatching(new RegExp(`/exports/${ID}/20261123T023000000Z-[0-9a-f]{16}\\.xlsx$`)),
      url: expect.stringMatching(new RegExp(`^/cloud-files/exports/${ID}/20261123T023000000Z-[0-9a-f]{16}\\.xlsx\\?t=\\d+&sign=`)),
      rows: 5,
      notSignedUp: notSignedUp.length,
      truncated: false,
    });
    // The caller, the activity and the caller's own sign-up; the sign-ups, the org tree and the members a
    // page each, and the empty page that ends each; the check-ins (none: one empty page); the audit record.
    // Every read index-covered.
    expect(requests.map(({ collection }) => collection).sort()).toEqual(
      ['members', 'activities', 'sign_ups', 'sign_ups', 'sign_ups', 'orgs', 'orgs', 'members', 'members', 'checkins', 'audit_logs'].sort(),
    );
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
    expect(await storedDocs<AuditDoc>('audit_logs', { action: 'activity.exportAttendees' })).toEqual([
      expect.objectContaining({
        actorId: 'm-demo-secretary',
        targetId: ID,
        detail: { fileID: result.data.fileID, rows: 5, walkIns: 0, notSignedUp: notSignedUp.length, branch: null },
      }),
    ]);
  });

  it('报名名单带签到时间、签退时间、学时和签到方式（北京时间）；没签到的留空', async () => {
    placeActivity(env, START, { _id: ID });
    const [walkedIn, absent] = placeMembers(env, START, 2, 'exp');
    env.store.insertMany('sign_ups', [
      { ...signUpDoc(ID, seededMember('demo-member'), 'signed', START) },
      { ...signUpDoc(ID, seededMember(absent!), 'signed', after(START, MINUTE)) },
    ]);
    env.store.insertMany('checkins', [
      { ...scannedCheckin('m-demo-member', { checkedOutAt: after(START, 3 * DAY + 2 * HOUR), presentMinutes: 120, studyHours: 2 }) },
      { ...scannedCheckin(`m-${walkedIn!}`, { name: '党员exp0', method: 'backfill' }) },
    ]);
    const { sheets } = await exportAs('demo-secretary');
    expect(sheets[0]).toEqual([
      SIGN_UP_HEADER,
      ['demo-member', '第一党支部', '已报名', '2026-11-23 10:00', '', '', '2026-11-26 10:00', '2026-11-26 12:00', '2', '扫签到码'],
      ['exp-1', '第一党支部', '已报名', '2026-11-23 10:01', '', '', ...NO_CHECKIN],
      ['党员exp0', '第一党支部', '未报名·现场签到', '', '', '', '2026-11-26 10:00', '', '', '补录'],
    ]);
  });

  it('没报名就现场签到的人列在报名之后、按签到先后，状态为「未报名·现场签到」，不算进未报名党员；支部书记导出别人的活动只见本支部的', async () => {
    placeActivity(env, START, { _id: ID, branchId: null, audience: ['all'], createdBy: 'm-demo-admin' });
    const [late, early] = placeMembers(env, START, 2, 'walk');
    const [fromBranch2] = placeMembers(env, START, 1, 'walk-b2', 'branch-2');
    env.store.insertMany('sign_ups', [{ ...signUpDoc(ID, seededMember('demo-member'), 'signed', START) }]);
    const checkedIn = (minutes: number) => after(START, 3 * DAY + minutes * MINUTE);
    env.store.insertMany('checkins', [
      { ...scannedCheckin('m-demo-member', { checkedInAt: checkedIn(0) }) },
      { ...scannedCheckin(`m-${late!}`, { name: '党员walk0', checkedInAt: checkedIn(7), method: 'personal' }) },
      { ...scannedCheckin(`m-${early!}`, { name: '党员walk1', checkedInAt: checkedIn(3) }) },
      { ...scannedCheckin(`m-${fromBranch2!}`, { name: '党员walk-b20', branchId: 'branch-2', checkedInAt: checkedIn(5) }) },
    ]);

    const byAdmin = await exportAs('demo-admin');
    expect(byAdmin.sheets[0]).toEqual([
      SIGN_UP_HEADER,
      ['demo-member', '第一党支部', '已报名', '2026-11-23 10:00', '', '', '2026-11-26 10:00', '', '', '扫签到码'],
      ['党员walk1', '第一党支部', '未报名·现场签到', '', '', '', '2026-11-26 10:03', '', '', '扫签到码'],
      ['党员walk-b20', '第二党支部', '未报名·现场签到', '', '', '', '2026-11-26 10:05', '', '', '扫签到码'],
      ['党员walk0', '第一党支部', '未报名·现场签到', '', '', '', '2026-11-26 10:07', '', '', '出示个人码'],
    ]);
    const notSignedUp = byAdmin.sheets[1]!.slice(1).map(([name]) => name);
    expect(notSignedUp).toEqual(expect.arrayContaining(['赵志刚']));
    for (const walkIn of ['党员walk0', '党员walk1', '党员walk-b20']) expect(notSignedUp).not.toContain(walkIn);
    // `rows` counts sign-ups, as the page reports them; the audit names how many walk-ins went out too.
    expect(byAdmin).toMatchObject({ rows: 1, notSignedUp: notSignedUp.length, truncated: false });
    expect(await storedDocs<AuditDoc>('audit_logs', { action: 'activity.exportAttendees' })).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ rows: 1, walkIns: 3 }) }),
    ]);

    const bySecretary = await exportAs('demo-secretary');
    expect(bySecretary.sheets[0]!.slice(1).map(([name, , status]) => [name, status])).toEqual([
      ['demo-member', '已报名'],
      ['党员walk1', '未报名·现场签到'],
      ['党员walk0', '未报名·现场签到'],
    ]);
  });

  it('报名后请假又到场的人仍按报名列一行，带上签到时间，不再作为现场签到重复列出', async () => {
    placeActivity(env, START, { _id: ID });
    env.store.insertMany('sign_ups', [{ ...signUpDoc(ID, seededMember('demo-member'), 'leave', START) }]);
    env.store.insertMany('checkins', [{ ...scannedCheckin('m-demo-member', {}) }]);
    const { sheets } = await exportAs('demo-secretary');
    expect(sheets[0]!.slice(1).map(([name, , status, , , , checkedInAt]) => [name, status, checkedInAt])).toEqual([
      ['demo-member', '已请假', '2026-11-26 10:00'],
    ]);
  });

  it('没有人报名的活动：第一张表只有表头，第二张表是本支部全部在册党员', async () => {
    placeActivity(env, START, { _id: ID });
    const exported = await exportAs('demo-secretary');
    expect(exported.sheets[0]).toEqual([SIGN_UP_HEADER]);
    const everyone = await expectedNotSignedUp(ID, ['branch-1']);
    expect(everyone.map(([name]) => name)).toEqual(expect.arrayContaining(['林红', '赵志刚']));
    expect(exported.sheets[1]).toEqual([['姓名', '支部'], ...everyone]);
    expect(exported).toMatchObject({ rows: 0, notSignedUp: everyone.length, truncated: false });
  });

  it('组织部导出面向全院的活动：报名不分支部全部列出，未报名党员按支部顺序覆盖每个支部', async () => {
    await env.ok('seed-member-02', 'activity', 'signUp', { id: SEED_ACTIVITY_ID });
    at(1);
    await env.ok('demo-member', 'activity', 'signUp', { id: SEED_ACTIVITY_ID });

    const exported = await exportAs('demo-admin', SEED_ACTIVITY_ID);
    expect(exported.sheets[0]!.slice(1).map(([name, branch, status]) => [name, branch, status])).toEqual([
      [(await memberNamed('seed-member-02')).name, '第二党支部', '已报名'],
      ['林红', '第一党支部', '已报名'],
    ]);
    const notSignedUp = await expectedNotSignedUp(SEED_ACTIVITY_ID, Object.keys(BRANCH_NAMES));
    expect(exported.sheets[1]).toEqual([['姓名', '支部'], ...notSignedUp]);
    expect(new Set(notSignedUp.map(([, branch]) => branch))).toEqual(new Set(Object.values(BRANCH_NAMES)));
  });

  it('支部书记也可导出别人面向本支部的活动，但两张表都只有本支部的人', async () => {
    await env.ok('seed-member-02', 'activity', 'signUp', { id: SEED_ACTIVITY_ID });
    await env.ok('demo-member', 'activity', 'signUp', { id: SEED_ACTIVITY_ID });

    const own = await exportAs('demo-secretary', SEED_ACTIVITY_ID);
    expect(own.sheets[0]!.slice(1).map(([name]) => name)).toEqual(['林红']);
    expect(own.sheets[1]).toEqual([['姓名', '支部'], ...(await expectedNotSignedUp(SEED_ACTIVITY_ID, ['branch-1']))]);

    const other = await exportAs('seed-member-02', SEED_ACTIVITY_ID);
    expect(other.sheets[0]!.slice(1).map(([, branch]) => branch)).toEqual(['第二党支部']);
    expect(other.sheets[1]).toEqual([['姓名', '支部'], ...(await expectedNotSignedUp(SEED_ACTIVITY_ID, ['branch-2']))]);
    expect(await storedDocs<AuditDoc>('audit_logs', { action: 'activity.exportAttendees', actorId: 'm-demo-secretary' })).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ branch: 'branch-1' }) }),
    ]);
  });

  it('组织部导出面向指定支部的活动：未报名名单只含这些支部', async () => {
    placeActivity(env, START, { _id: ID, branchId: null, audience: ['branch-3', 'branch-2'], createdBy: 'm-demo-admin' });
    const exported = await exportAs('demo-admin');
    expect(exported.sheets[1]).toEqual([['姓名', '支部'], ...(await expectedNotSignedUp(ID, ['branch-2', 'branch-3']))]);
  });

  it('不面向本支部或尚是草稿的全院活动，支部书记看不到也导不出（NOT_FOUND），不留导出记录', async () => {
    placeActivity(env, START, { _id: ID, branchId: null, audience: ['branch-2'], createdBy: 'm-demo-admin' });
    placeActivity(env, START, { _id: 'ACTEXPORT002', branchId: null, audience: ['all'], status: 'draft', createdBy: 'm-demo-admin' });
    for (const id of [ID, 'ACTEXPORT002']) {
      const { result } = await env.call('demo-secretary', 'activity', 'exportAttendees', { id });
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
    }
    expect(await storedDocs('audit_logs', { action: 'activity.exportAttendees' })).toEqual([]);
  });

  it(
    `未报名的人超过 ${MAX_EXPORT_ROWS.toLocaleString('en-US')} 时只列前 ${MAX_EXPORT_ROWS.toLocaleString('en-US')} 人，表末注明，返回 truncated`,
    async () => {
      placeActivity(env, START, { _id: ID });
      placeMembers(env, START, MAX_EXPORT_ROWS, 'many');
      const exported = await exportAs('demo-secretary');
      expect(exported).toMatchObject({ rows: 0, notSignedUp: MAX_EXPORT_ROWS, truncated: true });
      expect(exported.sheets[1]).toHaveLength(1 + MAX_EXPORT_ROWS + 1);
      expect(exported.sheets[1]!.at(-1)![0]).toBe('（超过 10,000 条，只列出前 10,000 条）');
    },
    VOLUME_TEST_TIMEOUT_MS,
  );

  it(
    `报名加现场签到超过 ${MAX_EXPORT_ROWS.toLocaleString('en-US')} 行时，现场签到的只列到上限（先到的在前），表末注明，返回 truncated`,
    async () => {
      placeActivity(env, START, { _id: ID, capacity: null, signedUpCount: MAX_EXPORT_ROWS - 1 });
      const openids = placeMembers(env, START, MAX_EXPORT_ROWS + 1, 'crowd');
      const [firstWalkIn, secondWalkIn] = openids.slice(MAX_EXPORT_ROWS - 1);
      env.store.insertMany(
        'sign_ups',
        openids.slice(0, MAX_EXPORT_ROWS - 1).map((openid, i) => ({ ...signUpDoc(ID, seededMember(openid), 'signed', after(START, i)) })),
      );
      env.store.insertMany('checkins', [
        { ...scannedCheckin(`m-${secondWalkIn!}`, { name: secondWalkIn!, checkedInAt: after(START, 3 * DAY + MINUTE) }) },
        { ...scannedCheckin(`m-${firstWalkIn!}`, { name: firstWalkIn! }) },
      ]);
      const exported = await exportAs('demo-secretary');
      expect(exported).toMatchObject({ rows: MAX_EXPORT_ROWS - 1, truncated: true });
      expect(exported.sheets[0]).toHaveLength(1 + MAX_EXPORT_ROWS + 1);
      expect(exported.sheets[0]!.at(-2)!.slice(0, 3)).toEqual([firstWalkIn, '第一党支部', '未报名·现场签到']);
      expect(exported.sheets[0]!.at(-1)![0]).toBe('（超过 10,000 条，只列出前 10,000 条）');
      expect(exported.sheets[1]!.map(([name]) => name)).not.toContain(`党员crowd${MAX_EXPORT_ROWS}`);
    },
    VOLUME_TEST_TIMEOUT_MS,
  );

  it(
    `报名记录超过 ${MAX_EXPORT_ROWS.toLocaleString('en-US')} 条时第一张表只列前面的，第二张表注明无法核对而不列可能报过名的人`,
    async () => {
      placeActivity(env, START, { _id: ID, capacity: null, signedUpCount: MAX_EXPORT_ROWS + 1 });
      const openids = placeMembers(env, START, MAX_EXPORT_ROWS + 1, 'crowd');
      env.store.insertMany(
        'sign_ups',
        openids.map((openid, i) => ({ ...signUpDoc(ID, seededMember(openid), 'signed', after(START, i)) })),
      );
      const exported = await exportAs('demo-secretary');
      expect(exported).toMatchObject({ rows: MAX_EXPORT_ROWS, notSignedUp: 0, truncated: true });
      expect(exported.sheets[0]!.slice(1, 3).map(([name]) => name)).toEqual(['crowd-0', 'crowd-1']);
      expect(exported.sheets[0]!.at(-1)![0]).toBe('（超过 10,000 条，只列出前 10,000 条）');
      expect(exported.sheets[1]).toEqual([
        ['姓名', '支部'],
        ['（报名记录超过导出上限，无法核对谁未报名）', ''],
      ]);
    },
    VOLUME_TEST_TIMEOUT_MS,
  );
});

async function memberNamed(openid: string): Promise<MemberDoc> {
  const [member] = await storedDocs<MemberDoc>('members', { openid });
  if (!member) throw new Error(`no member ${openid}`);
  return member;
}

function spyOnWxacode() {
  return jest.spyOn(cloud.openapi.wxacode as { getUnlimited: (params: unknown) => Promise<unknown> }, 'getUnlimited');
}

describe('activity.posterCode', () => {
  it('活动的小程序码打开详情页，scene 为 a=<活动 id>；存进云存储并记在活动上', async () => {
    const wxacode = spyOnWxacode();
    placeActivity(env, START, { _id: ID });
    const code = await env.ok('demo-member', 'activity', 'posterCode', { id: ID });

    expect(wxacode).toHaveBeenCalledTimes(1);
    const params = wxacode.mock.calls[0]![0] as { page: string; scene: string };
    expect(params.page).toBe('activity/detail/index');
    expect(params.scene.length).toBeLessThanOrEqual(MAX_SCENE_LENGTH);
    expect(parseScene(encodeURIComponent(params.scene))).toEqual({ [ACTIVITY_SCENE_KEY]: ID });
    expect(code).toEqual({
      fileID: expect.stringMatching(new RegExp(`/activity-codes/${ID}\\.png$`)),
      url: expect.stringMatching(new RegExp(`^/cloud-files/activity-codes/${ID}\\.png\\?t=`)),
    });
    expect(env.files.get(code.fileID)!.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect((await storedActivity(ID)).wxacodeFileId).toBe(code.fileID);
  });

  it('码只生成一次：之后谁来要都复用存着的，不再调用接口，只读身份、活动和自己的报名', async () => {
    placeActivity(env, START, { _id: ID });
    const first = await env.ok('demo-secretary', 'activity', 'posterCode', { id: ID });
    const wxacode = spyOnWxacode();
    const { result, requests } = await env.call('demo-member', 'activity', 'posterCode', { id: ID });
    expect(wxacode).not.toHaveBeenCalled();
    expect(result).toEqual({ ok: true, data: first });
    expect(requests.map(({ collection }) => collection)).toEqual(['members', 'activities', 'sign_ups']);
  });

  it('接口限频（45009）时返回 RATE_LIMITED，活动上不记文件，下次可重试', async () => {
    placeActivity(env, START, { _id: ID });
    spyOnWxacode().mockRejectedValueOnce(Object.assign(new Error('openapi.wxacode.getUnlimited:fail'), { errCode: 45009 }));
    const { result } = await env.call('demo-member', 'activity', 'posterCode', { id: ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await storedActivity(ID)).wxacodeFileId).toBeUndefined();
    expect((await env.call('demo-member', 'activity', 'posterCode', { id: ID })).result.ok).toBe(true);
  });

  it('看不到的活动（草稿、不面向本支部）没有码：NOT_FOUND，不调用接口', async () => {
    const wxacode = spyOnWxacode();
    placeActivity(env, START, { _id: ID, status: 'draft' });
    placeActivity(env, START, { _id: 'ACTEXPORT002', branchId: 'branch-2', audience: ['branch-2'], startAt: after(START, 3 * DAY) });
    for (const id of [ID, 'ACTEXPORT002']) {
      const { result } = await env.call('demo-member', 'activity', 'posterCode', { id });
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
    }
    expect(wxacode).not.toHaveBeenCalled();
  });
});
