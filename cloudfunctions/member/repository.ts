import type { ConsentDoc } from '../../server/documents';
import { fetchOne, type Database } from '../../server/kernel/db';


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
