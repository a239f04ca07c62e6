import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { recordAudit } from '../../../server/audit';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { programmeFields, toProgrammeView } from '../programmeView';
import { findProgramme, replaceProgramme } from '../programmes.repository';

/**
 * Rewrites a programme's fields, audited. Members' progress follows on the aggregator's next
 * rebuild of each branch (a full recompute when items or points changed). DB requests: the caller,
 * the programme, the update, the audit record.
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
  await recordAudit(
    db,
    { at: now, actorId: member._id, action: 'stats.updateProgramme', targetId: programme._id, detail: { title: programme.title } },
    log,
  );
  return { programme: toProgrammeView(programme, now) };
}
