import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { recordAudit } from '../../../server/audit';
import type { MemberContext } from '../../../server/kernel/router';
import { programmeFields, toProgrammeView } from '../programmeView';
import { insertProgramme } from '../programmes.repository';

/** A new programme by the org, audited. DB requests: the caller, the insert, the audit record. */
export async function createProgramme(
  input: ParsedInput<'stats', 'createProgramme'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'createProgramme'>> {
  const { db, member, now, log } = ctx;
  const programme = await insertProgramme(db, { ...programmeFields(input.programme), createdAt: now, updatedAt: now });
  await recordAudit(
    db,
    { at: now, actorId: member._id, action: 'stats.createProgramme', targetId: programme._id, detail: { title: programme.title } },
    log,
  );
  return { programme: toProgrammeView(programme, now) };
}
