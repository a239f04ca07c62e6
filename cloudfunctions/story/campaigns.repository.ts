/** Campaigns (征集) in the database: a handful a year, read by `_id` or a page at a time by their deadline. */
import type { CampaignDoc } from '../../server/documents';
import { addWithShortId, fetchById, fetchList, type Database } from '../../server/kernel/db';
import type { Logger } from '../../server/kernel/log';
import { inTransaction } from '../../server/kernel/transaction';

export const CAMPAIGNS = 'campaigns';
const CAMPAIGN_ID_LENGTH = 12;

export function findCampaign(db: Database, id: string): Promise<CampaignDoc | null> {
  return fetchById<CampaignDoc>(db.collection(CAMPAIGNS), id);
}

/** Titles of the campaigns a page of works belongs to: one read by `_id`, none when the page has no campaign work. */
export async function campaignTitles(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const found = await fetchList<Pick<CampaignDoc, '_id' | 'title'>>(
    db
      .collection(CAMPAIGNS)
      .where({ _id: db.command.in(unique) })
      .field({ _id: true, title: true })
      .limit(unique.length),
  );
  return new Map(found.map((campaign) => [campaign._id, campaign.title]));
}

/**
 * A page of campaigns, latest deadline first (index closes): those still to come or open close
 * after any that has closed, so they lead. `closingFrom` leaves out those closed before it.
 */
export function listCampaigns(db: Database, closingFrom: Date | null, page: { offset: number; limit: number }): Promise<CampaignDoc[]> {
  const collection = db.collection(CAMPAIGNS);
  const query = closingFrom === null ? collection : collection.where({ closesAt: db.command.gte(closingFrom) });
  return fetchList<CampaignDoc>(query.orderBy('closesAt', 'desc').skip(page.offset).limit(page.limit));
}

export function insertCampaign(db: Database, fields: Omit<CampaignDoc, '_id'>): Promise<CampaignDoc> {
  return addWithShortId(db.collection(CAMPAIGNS), CAMPAIGN_ID_LENGTH, fields);
}

/**
 * Rewrites a campaign's draft fields against the campaign as it stands, in a transaction with
 * `select`, which moves its `awarded` counts: `revise` sees the current awards given and may refuse
 * (it throws), so an award can never be shrunk below what a racing selection has just given. Null
 * when there is no such campaign.
 */
export function reviseCampaign(
  db: Database,
  id: string,
  revise: (current: CampaignDoc) => Partial<Omit<CampaignDoc, '_id' | 'awarded'>>,
  log: Logger,
): Promise<CampaignDoc | null> {
  return inTransaction(
    db,
    async (session) => {
      const current = await session.get<CampaignDoc>(CAMPAIGNS, id);
      if (!current) return null;
      const changes = revise(current);
      // `awards` always names all four awards, so merging it into the stored one replaces it.
      await session.update(CAMPAIGNS, id, { ...changes });
      return { ...current, ...changes };
    },
    { log },
  );
}
