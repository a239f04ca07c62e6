/**
 * Sending from the outbox (ARCHITECTURE.md, "Notifications"): due notices, the claim that lets one
 * run alone send a notice, and the subscribe-message credits a sign-up holds. Each write is one
 * conditional single-document update, so concurrent runs settle every race with one winner.
 */
import type { NotificationDoc } from '../../server/documents';
import { fetchList, type Database } from '../../server/kernel/db';

interface UpdateReply {
  stats: { updated: number };
}

/**
 * Pending notices of these kinds (the ones one template sends) due by `now`, oldest first (index
 * state_kind_due): notices waiting for a template not configured yet never hold up the others.
 */
export function listDueNotices(
  db: Database,
  now: Date,
  kinds: readonly NotificationDoc['kind'][],
  limit: number,
): Promise<NotificationDoc[]> {
  const _ = db.command;
  return fetchList<NotificationDoc>(
    db
      .collection('notifications')
      .where({ state: 'pending', kind: _.in([...kinds]), dueAt: _.lte(now) })
      .orderBy('dueAt', 'asc')
      .limit(limit),
  );
}

/** pending → sending; true for the one run that moved it, which alone may send it. */
export async function claimNotice(db: Database, id: string): Promise<boolean> {
  const reply = (await db
    .collection('notifications')
    .where({ _id: id, state: 'pending' })
    .update({ data: { state: 'sending' } })) as UpdateReply;
  return reply.stats.updated === 1;
}

export type NoticeOutcome = Pick<NotificationDoc, 'reason' | 'sentAt' | 'payload'> & { state: 'sent' | 'failed' | 'skipped' };

/** sending → how it ended; only the run holding the claim calls this. */
export async function settleNotice(db: Database, id: string, outcome: NoticeOutcome): Promise<void> {
  await db.collection('notifications').where({ _id: id, state: 'sending' }).update({ data: outcome });
}

/** Takes one of the sign-up's unused subscribe-message credits; false when it has none. */
export async function useCredit(db: Database, signUpId: string): Promise<boolean> {
  const _ = db.command;
  const reply = (await db
    .collection('sign_ups')
    .where({ _id: signUpId, subscribeCredits: _.gt(0) })
    .update({ data: { subscribeCredits: _.inc(-1) } })) as UpdateReply;
  return reply.stats.updated === 1;
}

/** Gives a credit back when WeChat refused the message for a reason that did not use the acceptance up. */
export async function returnCredit(db: Database, signUpId: string): Promise<void> {
  await db
    .collection('sign_ups')
    .doc(signUpId)
    .update({ data: { subscribeCredits: db.command.inc(1) } });
}
