import type { OrgDoc } from './documents';
import { fetchAllPages, fetchById, fetchList, MAX_DOCS_PER_GET, type Database } from './kernel/db';

/** Hundreds of branches in a big org; more means something is wrong. */
const MAX_ORGS = 5000;

/** Org lookups several functions need (names on boards, profiles, ledgers). */
export function findOrg(db: Database, id: string): Promise<OrgDoc | null> {
  return fetchById<OrgDoc>(db.collection('orgs'), id);
}

export async function findOrgName(db: Database, id: string): Promise<string> {
  return (await findOrg(db, id))?.name ?? '';
}

/** Names of the given orgs (a page's worth of branches: one read by `_id`, whatever the tree's size). */
export async function orgNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].slice(0, MAX_DOCS_PER_GET);
  if (unique.length === 0) return new Map();
  const orgs = await fetchList<Pick<OrgDoc, '_id' | 'name'>>(
    db
      .collection('orgs')
      .where({ _id: db.command.in(unique) })
      .field({ _id: true, name: true })
      .limit(unique.length),
  );
  return new Map(orgs.map((org) => [org._id, org.name]));
}

/** Every 党支部, for boards and ledgers that must list branches with nobody taking part too. */
export function listBranches(db: Database): Promise<OrgDoc[]> {
  return fetchAllPages<OrgDoc>(db.collection('orgs').where({ kind: 'branch' }).orderBy('order', 'asc'), MAX_ORGS);
}

/** The whole tree in display order (index parent_order). */
export function listOrgs(db: Database): Promise<OrgDoc[]> {
  return fetchAllPages<OrgDoc>(db.collection('orgs').orderBy('parentId', 'asc').orderBy('order', 'asc'), MAX_ORGS);
}
