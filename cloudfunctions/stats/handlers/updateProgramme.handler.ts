import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { recordAudit } from '../../../server/audit';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { numbersRuleChanged, startRecompute } from '../../../server/stats/recompute';
import { programmeFields, toProgrammeView } from '../programmeView';
import { findProgramme } from '../../../server/stats/progress.repository';
import { replaceProgramme } from '../programmes.repository';

/**
 * Rewrites a programme's fields, audited. When the edit changes what the numbers are built from (the
 * window, items, quotas or points), a full recompute of the programme starts over, since every
 * branch's numbers are stale (`cron` carries it on); a new title or target leaves them be. An edit
 * can make a programme the current one (the one the aggregator builds) only through its window,
 * which is such a change, so that case starts the recompute too (ARCHITECTURE.md, "Statistics").
 * DB requests: the caller, the programme, the update, the audit record, and for such an edit the
 * branches and the recompute's state.
 */
export async function updateProgramme(
  input: ParsedInput<'stats', 'updateProgramme'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'updateProgramme'>> {
  const { db, member, now, log } = ctx;
  const fields = programmeFields(input.programme);
  const current = await findProgramme(db, input.id);
  if (current === null) fail('NOT_FOUND', { field: 'id', message: '方案不存在' });
  const programme = { ...current, ...fields, updatedAt: now };
  await replaceProgramme(db, input.id, { ...fields, updatedAt: now });
  if (numbersRuleChanged(current, programme)) await startRecompute(db, programme, now, true);
  await recordAudit(
    db,
    { at: now, actorId: member._id, action: 'stats.updateProgramme', targetId: programme._id, detail: { title: programme.title } },
    log,
  );
  return { programme: toProgrammeView(programme, now) };
}
