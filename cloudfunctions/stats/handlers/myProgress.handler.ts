import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { progressId } from '../../../server/documents';
import type { MemberContext } from '../../../server/kernel/router';
import { findProgress } from '../../../server/stats/progress.repository';
import { toProgrammeView } from '../programmeView';
import { programmeFor } from '../progressScope';

/**
 * The member's 六个一 checklist with what counted for each item, 学时 and points, as the aggregator
 * last built them. DB requests: the caller, the programme, the progress document.
 */
export async function myProgress(
  input: ParsedInput<'stats', 'myProgress'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'myProgress'>> {
  const { db, member, now } = ctx;
  const programme = await programmeFor(db, input.programmeId, now);
  if (programme === null) {
    return { programme: null, items: [], doneCount: 0, studyHours: 0, studyHoursTarget: null, points: 0, asOf: null };
  }
  const progress = await findProgress(db, progressId(programme._id, member._id));
  return {
    programme: toProgrammeView(programme, now),
    items: programme.items.map((item) => {
      const evidence = progress?.items[item.key];
      return {
        key: item.key,
        title: item.title,
        perMember: item.perMember,
        done: evidence !== undefined,
        evidence: evidence ? { type: evidence.type, refId: evidence.refId, label: evidence.label, at: evidence.at.toISOString() } : null,
        pendingReport: progress?.pendingReports.includes(item.key) ?? false,
      };
    }),
    doneCount: progress?.doneCount ?? 0,
    studyHours: progress?.studyHours ?? 0,
    studyHoursTarget: programme.studyHoursTarget,
    points: progress?.points ?? 0,
    asOf: progress?.updatedAt.toISOString() ?? null,
  };
}
