import { randomBytes } from 'node:crypto';
import { ATTEMPT_FLAG_LABELS } from '../../../types/labels';
import { recordAudit } from '../../../server/audit';
import { temporaryUrl, uploadFile } from '../../../server/files';
import type { MemberContext } from '../../../server/kernel/router';
import { buildWorkbook } from '../../../server/xlsx';
import { findAnyContest } from './adminContests.handler';
import { attemptFlags } from './flags';
import { aggregateMemberAttempts, findSharedSignatures, listContestEntries, MAX_EXPORT_MEMBERS } from './organiser.repository';

const HEADER = ['排名', '姓名', '支部', '成绩', '用时（秒）', '作答次数', '切屏次数', '标记'];
const WIDTHS = [6, 12, 20, 8, 10, 10, 10, 30];
const NOT_SUBMITTED = '未交卷';

/**
 * 成绩导出: one row per member in board order (who never handed in last) — branch, standing score,
 * time, attempts, 切屏 over all attempts, flags of any attempt. The file goes to cloud storage
 * under an unguessable name (it lists names) and the organiser gets a temporary link. Audited.
 */
export async function exportResults({ contestId }: { contestId: string }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const contest = await findAnyContest(ctx, contestId);
  const [read, perMember, shared] = await Promise.all([
    listContestEntries(db, contest._id, MAX_EXPORT_MEMBERS + 1),
    aggregateMemberAttempts(db, contest._id),
    findSharedSignatures(db, contest._id),
  ]);
  const truncated = read.length > MAX_EXPORT_MEMBERS;
  const entries = read.slice(0, MAX_EXPORT_MEMBERS);
  const attemptsOf = new Map(perMember.map((row) => [row._id, row]));
  let rank = 0;
  const rows = entries.map((entry) => {
    const attempts = attemptsOf.get(entry.memberId);
    const flags = attemptFlags(attempts?.flags.flat() ?? [], attempts?.signatures ?? [], shared);
    const submitted = entry.score !== null;
    if (submitted) rank += 1;
    return [
      submitted ? String(rank) : '',
      entry.name,
      entry.branchName,
      submitted ? String(entry.score) : NOT_SUBMITTED,
      entry.durationMs === null ? '' : String(Math.round(entry.durationMs / 1000)),
      String(attempts?.attempts ?? 0),
      String(attempts?.switches ?? 0),
      flags.map((flag) => ATTEMPT_FLAG_LABELS[flag]).join('、'),
    ];
  });
  const file = await buildWorkbook([{ name: '成绩', rows: [HEADER, ...rows], header: true, widths: WIDTHS }]);
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const fileID = await uploadFile(`exports/contests/${contest._id}/${stamp}-${randomBytes(8).toString('hex')}.xlsx`, file);
  await recordAudit(
    db,
    { at: now, actorId: member._id, action: 'quiz.exportResults', targetId: contest._id, detail: { fileID, rows: rows.length } },
    ctx.log,
  );
  return { fileID, url: await temporaryUrl(fileID), rows: rows.length, truncated };
}
