import type { Database } from './kernel/db';
import type { Logger } from './kernel/log';

/** Every admin action leaves a record org admins can read (privacy law; see ARCHITECTURE.md, "Audit"). */
export interface AuditDoc {
  _id: string;
  at: Date;
  actorId: string;
  action: string;
  targetId: string;
  detail: Record<string, unknown>;
}

/**
 * For changes made outside a transaction: the change has already happened, so a failed audit
 * write must not turn it into a reported failure (the caller would retry a change that stands).
 * The miss is logged at error level, where CloudBase's log alerts pick it up. Changes made in a
 * transaction add their record inside it instead (see changeMembership).
 */
export async function recordAudit(db: Database, entry: Omit<AuditDoc, '_id'>, log: Logger): Promise<void> {
  try {
    await db.collection('audit_logs').add({ data: entry });
  } catch (error) {
    log.error('audit_write_failed', {
      action: entry.action,
      targetId: entry.targetId,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
