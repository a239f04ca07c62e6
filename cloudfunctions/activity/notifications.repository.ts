import type { NotificationDoc } from '../../server/documents';
import type { Database } from '../../server/kernel/db';

/**
 * Puts notices in the outbox that `cron` sends. Each `_id` names its event, so queueing the same
 * notice twice (a retried call, two concurrent promotions of one person) leaves one document.
 */
export async function queueNotifications(db: Database, notices: NotificationDoc[]): Promise<void> {
  for (const { _id, ...fields } of notices) await db.collection('notifications').doc(_id).set({ data: fields });
}
