import { randomBytes } from 'node:crypto';
import { MAX_EXPORT_ROWS, type AttendeeExport } from '../../../types/contracts/activity';
import {
  attendeeExportScope,
  branchesInTreeOrder,
  CHECKIN_COLUMNS,
  checkinCells,
  NOT_SIGNED_UP_SHEET,
  NOT_SIGNED_UP_UNKNOWN,
  SIGN_UP_SHEET,
  signUpRow,
  truncatedNote,
  walkInRow,
  walkInsOf,
} from '../../../core/activity/export';
import { recordAudit } from '../../../server/audit';
import { temporaryUrl, uploadFile } from '../../../server/files';
import { fail } from '../../../server/kernel/failure';
import type { OrgDoc } from '../../../server/documents';
import type { Database } from '../../../server/kernel/db';
import type { MemberContext } from '../../../server/kernel/router';
import { listOrgs } from '../../../server/orgs.repository';
import { buildWorkbook } from '../../../server/xlsx';
import { loadVisibleActivity } from '../access';
import { activeMemberPages, listActivityCheckins, listSignUpsByArrival, type ExportMemberFields } from '../export.repository';

/** 姓名, 支部, 状态, 报名时间, 请假原因, 组织者添加, 签到时间, 签退时间, 学时, 签到方式: widths in characters. */
const SIGN_UP_WIDTHS = [12, 20, 16, 18, 30, 10, 18, 18, 6, 10];

/**
 * Active members of `branches` (in their display order) who are not in `attended`, up to MAX_EXPORT_ROWS;
 * reading stops one past it, so members read stay below MAX_EXPORT_ROWS plus those who attended.
 */
async function membersWithoutSignUp(
  db: Database,
  branches: readonly Pick<OrgDoc, '_id'>[],
  attended: ReadonlySet<string>,
): Promise<{ members: ExportMemberFields[]; complete: boolean }> {
  const members: ExportMemberFields[] = [];
  for await (const page of activeMemberPages(
    db,
    branches.map((branch) => branch._id),
  )) {
    members.push(...page.filter((member) => !attended.has(member._id)));
    if (members.length > MAX_EXPORT_ROWS) break;
  }
  const rank = new Map(branches.map((branch, index) => [branch._id, index]));
  // Read by branch id within each group of branches; shown in tree order (a stable sort keeps names in order).
  members.sort((a, b) => (rank.get(a.branchId) ?? 0) - (rank.get(b.branchId) ?? 0));
  return { members: members.slice(0, MAX_EXPORT_ROWS), complete: members.length <= MAX_EXPORT_ROWS };
}

/**
 * An .xlsx of an activity's people for its organisers: every sign-up in arrival order, then whoever
 * checked in without one (walk-ins, by check-in time), and the members of the branches it addresses
 * who neither signed up nor came (attendeeExportScope decides whose).
 * The file goes to cloud storage under an unguessable name — storage is readable by anyone holding
 * a file's ID, and this one lists names — and the organiser gets a temporary link. Audited.
 */
export async function exportAttendees(input: { id: string }, ctx: MemberContext): Promise<AttendeeExport> {
  const { db, member, now } = ctx;
  const { activity } = await loadVisibleActivity(db, member, input.id);
  const scope = attendeeExportScope(member, activity);
  if (scope === null) fail('FORBIDDEN', { field: 'id', message: '只有活动的组织者或本支部书记可以导出报名名单' });

  const [read, orgs, checkins] = await Promise.all([
    listSignUpsByArrival(db, activity._id, MAX_EXPORT_ROWS + 1),
    listOrgs(db),
    // Walk-ins check in without a sign-up, so check-ins may outnumber the sign-ups read.
    listActivityCheckins(db, activity._id, 2 * MAX_EXPORT_ROWS),
  ]);
  const checkinOf = new Map(checkins.map((checkin) => [checkin.memberId, checkin]));
  const inScope = scope.memberBranches === 'all' ? null : new Set(scope.memberBranches);
  const branches = branchesInTreeOrder(orgs).filter((branch) => inScope === null || inScope.has(branch._id));
  const signUpsComplete = read.length <= MAX_EXPORT_ROWS;
  const signUps = read
    .slice(0, MAX_EXPORT_ROWS)
    .filter((signUp) => scope.signUpsOfBranch === null || signUp.branchId === scope.signUpsOfBranch);
  const signedUp = new Set(read.map((signUp) => signUp.memberId));
  // Past a cut in the sign-ups, anyone beyond it would pass for a walk-in: none are listed then.
  const walkIns = signUpsComplete ? walkInsOf(checkins, signedUp, scope.signUpsOfBranch) : [];
  const listedWalkIns = walkIns.slice(0, MAX_EXPORT_ROWS - signUps.length);
  const firstSheetComplete = signUpsComplete && listedWalkIns.length === walkIns.length;
  // Who came attended, sign-up or not: they are not for the list of those who did not sign up.
  const attended = new Set([...signedUp, ...checkins.map((checkin) => checkin.memberId)]);
  const notSignedUp = signUpsComplete ? await membersWithoutSignUp(db, branches, attended) : null;

  const names = new Map(orgs.map((org) => [org._id, org.name]));

  const signUpRows = signUps.map((signUp) => [
    ...signUpRow({ ...signUp, branchName: names.get(signUp.branchId) ?? '', addedByOrganiser: signUp.addedBy !== null }),
    ...checkinCells(checkinOf.get(signUp.memberId) ?? null),
  ]);
  const walkInRows = listedWalkIns.map((walkIn) => walkInRow(walkIn, names.get(walkIn.branchId) ?? ''));
  const memberRows = notSignedUp?.members.map((other) => [other.name, names.get(other.branchId) ?? '']) ?? [[NOT_SIGNED_UP_UNKNOWN]];
  const file = await buildWorkbook([
    {
      name: SIGN_UP_SHEET.name,
      rows: [
        [...SIGN_UP_SHEET.header, ...CHECKIN_COLUMNS],
        ...signUpRows,
        ...walkInRows,
        ...(firstSheetComplete ? [] : [[truncatedNote(MAX_EXPORT_ROWS)]]),
      ],
      header: true,
      widths: SIGN_UP_WIDTHS,
    },
    {
      name: NOT_SIGNED_UP_SHEET.name,
      rows: [
        [...NOT_SIGNED_UP_SHEET.header],
        ...memberRows,
        ...(notSignedUp?.complete === false ? [[truncatedNote(MAX_EXPORT_ROWS)]] : []),
      ],
      header: true,
      widths: [12, 20],
    },
  ]);

  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const fileID = await uploadFile(`exports/${activity._id}/${stamp}-${randomBytes(8).toString('hex')}.xlsx`, file);
  const result = {
    fileID,
    url: await temporaryUrl(fileID),
    rows: signUpRows.length,
    notSignedUp: notSignedUp?.members.length ?? 0,
    truncated: !firstSheetComplete || notSignedUp?.complete === false,
  };
  await recordAudit(
    db,
    {
      at: now,
      actorId: member._id,
      action: 'activity.exportAttendees',
      targetId: activity._id,
      detail: { fileID, rows: result.rows, walkIns: walkInRows.length, notSignedUp: result.notSignedUp, branch: scope.signUpsOfBranch },
    },
    ctx.log,
  );
  return result;
}
