import type { ConsentDoc, MemberDoc, MemberStatus } from '../../server/documents';
import { fetchById, fetchOne, type Database } from '../../server/kernel/db';

export function consentId(openid: string, version: string): string {
  return `${version}_${openid}`;
}

export function findConsent(db: Database, openid: string, version: string): Promise<ConsentDoc | null> {
  return fetchOne<ConsentDoc>(db.collection('consents').where({ openid, version }));
}

export async function saveConsent(db: Database, consent: ConsentDoc): Promise<void> {
  const { _id, ...fields } = consent;
  // set() on a deterministic id makes a repeated or concurrent consent a harmless overwrite.
  await db.collection('consents').doc(_id).set({ data: fields });
}

export interface InviteDoc {
  _id: string;
  branchId: string;
  createdBy: string;
  maxUses: number;
  /** Counted down atomically on each join, so the use limit holds under concurrency. */
  remaining: number;
  expiresAt: Date;
  createdAt: Date;
}

export async function insertInvite(db: Database, invite: InviteDoc): Promise<void> {
  const { _id, ...fields } = invite;
  await db.collection('invites').add({ data: { _id, ...fields } });
}

export function findInvite(db: Database, code: string): Promise<InviteDoc | null> {
  return fetchById<InviteDoc>(db.collection('invites'), code);
}

/** Takes one use of a live invite; false when it is used up or expired (a concurrent join may have taken the last). */
export async function claimInviteUse(db: Database, code: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const reply = (await db
    .collection('invites')
    .where({ _id: code, remaining: _.gt(0), expiresAt: _.gt(now) })
    .update({ data: { remaining: _.inc(-1) } })) as { stats: { updated: number } };
  return reply.stats.updated === 1;
}

/** Gives a use back when the join it was claimed for could not be written. */
export async function releaseInviteUse(db: Database, code: string): Promise<void> {
  await db.collection('invites').doc(code).update({ data: { remaining: db.command.inc(1) } });
}

export async function insertMember(db: Database, member: Omit<MemberDoc, '_id'>): Promise<string> {
  const added = (await db.collection('members').add({ data: member })) as { _id: string };
  return added._id;
}

export async function updateMember(db: Database, id: string, fields: Partial<MemberDoc>): Promise<void> {
  await db.collection('members').doc(id).update({ data: fields });
}

export function findMember(db: Database, id: string): Promise<MemberDoc | null> {
  return fetchById<MemberDoc>(db.collection('members'), id);
}

/** Moves a member between statuses only from `from`; false when someone else already decided. */
export async function transitionMember(
  db: Database,
  id: string,
  from: MemberStatus,
  fields: Partial<MemberDoc> & { status: MemberStatus },
): Promise<boolean> {
  const reply = (await db.collection('members').where({ _id: id, status: from }).update({ data: fields })) as {
    stats: { updated: number };
  };
  return reply.stats.updated === 1;
}

export async function adjustActiveMemberCount(db: Database, branchId: string, delta: number): Promise<void> {
  await db.collection('orgs').doc(branchId).update({ data: { activeMemberCount: db.command.inc(delta) } });
}
