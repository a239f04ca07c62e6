import type { OrgDoc } from './documents';
import { fetchAllPages, fetchById, type Database } from './kernel/db';

/** Hundreds of branches in a big org; more means something is wrong. */
const MAX_ORGS = 5000;

/** Org lookups several functions need (names on boards, profiles, ledgers). */
export function findOrg(db: Database, id: string): Promise<OrgDoc | null> {
  return fetchById<OrgDoc>(db.collection('orgs'), id);
}

export async function findOrgName(db: Database, id: string): Promise<string> {
  return (await findOrg(db, id))?.name ?? '';
}

/** Every 党支部, for boards and ledgers that must list branches with nobody taking part too. */
export function listBranches(db: Database): Promise<OrgDoc[]> {
  return fetchAllPages<OrgDoc>(db.collection('orgs').where({ kind: 'branch' }).orderBy('order', 'asc'), MAX_ORGS);
}

/** The whole tree in display order (index parent_order). */
export function listOrgs(db: Database): Promise<OrgDoc[]> {
  return fetchAllPages<OrgDoc>(db.collection('orgs').orderBy('parentId', 'asc').orderBy('order', 'asc'), MAX_ORGS);
}
