import type { OrgDoc } from './documents';
import { fetchById, type Database } from './kernel/db';

/** Org lookups several functions need (names on boards, profiles, ledgers). */
export function findOrg(db: Database, id: string): Promise<OrgDoc | null> {
  return fetchById<OrgDoc>(db.collection('orgs'), id);
}

export async function findOrgName(db: Database, id: string): Promise<string> {
  return (await findOrg(db, id))?.name ?? '';
}
