import type { ConsentDoc, OrgDoc } from '../../server/documents';
import { fetchAllPages, fetchOne, type Database } from '../../server/kernel/db';

/** An org of 400 branches and their parents is far below this; more means something is wrong. */
const MAX_ORGS = 5000;

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

export function listOrgs(db: Database): Promise<OrgDoc[]> {
  return fetchAllPages<OrgDoc>(db.collection('orgs').orderBy('parentId', 'asc').orderBy('order', 'asc'), MAX_ORGS);
}
