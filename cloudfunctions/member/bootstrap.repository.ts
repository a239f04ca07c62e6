/** The first-admin code's document and the one transaction that spends it (server/bootstrap.ts). */
import { BOOTSTRAP_DOC_ID, SETTINGS_COLLECTION, type BootstrapDoc } from '../../server/bootstrap';
import type { MemberDoc, OrgDoc } from '../../server/documents';
import { fetchById, type Database } from '../../server/kernel/db';
import { fail } from '../../server/kernel/failure';
import type { Logger } from '../../server/kernel/log';
import { inTransaction } from '../../server/kernel/transaction';

export function findBootstrap(db: Database): Promise<BootstrapDoc | null> {
  return fetchById<BootstrapDoc>(db.collection(SETTINGS_COLLECTION), BOOTSTRAP_DOC_ID);
}

export const ALREADY_SPENT = '组织已经初始化，引导码已作废；请向组织部管理员索取邀请';

/**
 * Spends the code and writes the org, the branch, the admin and the audit record together, or
 * nothing: two people racing with the same code conflict on the code's document, and the one who
 * retries finds it spent.
 */
export async function spendBootstrap(db: Database, writes: { orgs: OrgDoc[]; member: MemberDoc; now: Date }, log: Logger): Promise<void> {
  await inTransaction(
    db,
    async (session) => {
      const current = await session.get<BootstrapDoc>(SETTINGS_COLLECTION, BOOTSTRAP_DOC_ID);
      if (!current || current.spentAt) fail('CONFLICT', { message: ALREADY_SPENT });
      await session.update(SETTINGS_COLLECTION, BOOTSTRAP_DOC_ID, { spentAt: writes.now, spentBy: writes.member._id });
      for (const org of writes.orgs) await session.add('orgs', { ...org });
      await session.add('members', { ...writes.member });
      await session.add('audit_logs', {
        at: writes.now,
        actorId: writes.member._id,
        action: 'bootstrap',
        targetId: writes.member._id,
        detail: { orgs: writes.orgs.map((org) => org.name) },
      });
    },
    { log },
  );
}
