import type { Database } from './kernel/db';

/** Every admin action leaves a record org admins can read (DESIGN §6, privacy). */
export interface AuditDoc {
  _id: string;
  at: Date;
  actorId: string;
  action: string;
  targetId: string;
  detail: Record<string, unknown>;
}

export async function recordAudit(db: Database, entry: Omit<AuditDoc, '_id'>): Promise<void> {
  await db.collection('audit_logs').add({ data: entry });
}
