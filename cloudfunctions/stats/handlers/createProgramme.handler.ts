import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { recordAudit } from '../../../server/audit';
import type { MemberContext } from '../../../server/kernel/router';
import { startRecompute } from '../../../server/stats/recompute';
import { programmeFields, toProgrammeView } from '../programmeView';
import { insertProgramme } from '../programmes.repository';

/**
 * A new programme by the org, audited, with its full recompute started in the same call: its window
 * may begin before today, so members' earlier events count at once, and nothing else would build
 * it (the aggregator follows only new events; ARCHITECTURE.md, "Statistics"). `cron` carries the
 * recompute on within its next runs. DB requests: the caller, the insert, the branches, the
 * recompute's state, the audit record (a new `_id` has no state to read first).
 */
export async function createProgramme(
  input: ParsedInput<'stats', 'createProgramme'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'createProgramme'>> {
  const { db, member, now, log } = ctx;
  const programme = await insertProgramme(db, { ...programmeFields(input.programme), createdAt: now, updatedAt: now });
  await startRecompute(db, programme, now, true);
  await recordAudit(
    db,
    { at: now, actorId: member._id, action: 'stats.createProgramme', targetId: programme._id, detail: { title: programme.title } },
    log,
  );
  return { programme: toProgrammeView(programme, now) };
}
