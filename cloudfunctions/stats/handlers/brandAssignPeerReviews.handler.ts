import { formatDeadline } from '../../../core/story/campaign';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { recordAudit } from '../../../server/audit';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { assignReviewer, findBrandProgramme, listAllNominations, listBranchOrgs } from '../brand.repository';
import { stageOf } from '../brandView';
import { reviewerRotation } from '../../../core/brand/rotation';

/** Writes sent side by side. */
const WRITE_CONCURRENCY = 16;

/**
 * 互查 assignments, once 申报 has closed: each nomination is reviewed by another unit, by a rotation
 * over the units that nominated (core/brand/rotation.ts), so running it again assigns the same and
 * writes nothing. Not one transaction: a programme's nominations are too many for one, and the
 * rotation is a function of the (closed) nominations alone, so a run that dies midway is completed
 * by the next; each write is conditional on the nomination being unreviewed, and the run leaves one
 * audit record (ARCHITECTURE.md, "Audit"). DB requests: the caller, the programme, the nominations
 * (paged), the branches when one unit nominated alone, one write per changed nomination, the audit.
 */
export async function assignPeerReviews(
  input: ParsedInput<'stats', 'assignPeerReviews'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'assignPeerReviews'>> {
  const { db, member, now, log } = ctx;
  const programme = await findBrandProgramme(db, input.programmeId);
  if (!programme) fail('NOT_FOUND', { field: 'programmeId', message: '方案不存在或已删除' });
  const stage = stageOf(programme, now);
  if (stage === 'apply') fail('CLOSED', { message: `申报 ${formatDeadline(programme.applyEndsAt)} 截止后才能分配互查` });
  if (stage !== 'review') fail('CLOSED', { message: `互查已于 ${formatDeadline(programme.reviewEndsAt)} 结束` });

  const all = await listAllNominations(db, programme._id);
  const nominators = new Map(all.map((nomination) => [nomination.branchId, nomination.branchName]));
  const others = nominators.size === 1 ? await listBranchOrgs(db) : [];
  const rotation = reviewerRotation(
    [...nominators].map(([branchId, branchName]) => ({ branchId, branchName })),
    others.map((org) => ({ branchId: org._id, branchName: org.name })),
  );

  const pending = all.filter((nomination) => {
    const reviewer = rotation.get(nomination.branchId);
    return reviewer !== undefined && nomination.status === 'submitted' && nomination.reviewerBranchId !== reviewer.branchId;
  });
  if (all.length > 0 && rotation.size === 0) fail('CONFLICT', { message: '没有其他支部可以互查' });
  let assigned = 0;
  for (let start = 0; start < pending.length; start += WRITE_CONCURRENCY) {
    const slice = pending.slice(start, start + WRITE_CONCURRENCY);
    const written = await Promise.all(
      slice.map((nomination) => assignReviewer(db, nomination._id, rotation.get(nomination.branchId)!, now)),
    );
    assigned += written.filter(Boolean).length;
  }
  if (assigned > 0) {
    await recordAudit(
      db,
      {
        at: now,
        actorId: member._id,
        action: 'stats.assignPeerReviews',
        targetId: programme._id,
        detail: { title: programme.title, assigned },
      },
      log,
    );
  }
  return { nominations: all.length, assigned, unchanged: all.length - assigned };
}
