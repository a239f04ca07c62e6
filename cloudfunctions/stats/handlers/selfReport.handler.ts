import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { selfReportSlot, type SelfReportDoc } from '../../../server/documents';
import { temporaryUrls } from '../../../server/files';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { newShortId } from '../../../server/shortId';
import { programmeState } from '../../../core/stats/rules';
import { findProgramme } from '../../../server/stats/progress.repository';
import { insertReport } from '../reports.repository';

const REPORT_ID_LENGTH = 16;

/**
 * 读书 / 观影 reported by the member with a photo, for the branch secretary to confirm. Only an
 * item the running programme meets by self-report, a photo that is in cloud storage, and one report
 * per item at a time (pending or confirmed; a declined one may be reported again). DB requests:
 * the caller, the programme, the insert.
 */
export async function selfReport(
  input: ParsedInput<'stats', 'selfReport'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'selfReport'>> {
  const { db, member, now } = ctx;
  const programme = await findProgramme(db, input.programmeId);
  if (programme === null) fail('NOT_FOUND', { field: 'programmeId', message: '方案不存在' });
  if (programmeState(programme, now) !== 'active') fail('CLOSED', { field: 'programmeId', message: '方案不在进行中' });
  const item = programme.items.find((candidate) => candidate.key === input.item);
  if (!item?.evidence.includes('selfReport')) fail('INVALID_INPUT', { field: 'item', message: '该项不能自报' });
  const [photoUrl] = await temporaryUrls([input.photoFileId]);
  if (!photoUrl) fail('INVALID_INPUT', { field: 'photoFileId', message: '照片未上传成功，请重新上传' });

  const report: SelfReportDoc = {
    _id: newShortId(REPORT_ID_LENGTH),
    programmeId: programme._id,
    memberId: member._id,
    branchId: member.branchId,
    memberName: member.name,
    item: item.key,
    title: input.title,
    note: input.note,
    photoFileId: input.photoFileId,
    status: 'pending',
    slot: selfReportSlot(programme._id, member._id, item.key),
    reportedAt: now,
    decidedAt: null,
    decidedBy: null,
    reason: '',
  };
  if (!(await insertReport(db, report))) fail('DUPLICATE', { field: 'item', message: '该项已自报，等待书记确认或已确认' });
  return { reportId: report._id };
}
