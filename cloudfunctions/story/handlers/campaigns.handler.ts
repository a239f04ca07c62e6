import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { toCampaignView } from '../campaignView';
import { listCampaigns } from '../campaigns.repository';
import { branchTallies } from '../counters.repository';

/** How long a closed campaign stays in members' list: its results and ranking are still news. */
const RECENT_MS = 180 * 24 * 60 * 60 * 1000;

/**
 * Campaigns, latest deadline first (those to come and open lead), each with the caller's branch
 * against its quotas; members see those open or closed within RECENT_MS, org admins all. DB
 * requests: the caller, the page, the caller's branch's tallies of the page's campaigns with quotas.
 */
export async function campaigns(input: ParsedInput<'story', 'campaigns'>, ctx: MemberContext): Promise<ActionOutput<'story', 'campaigns'>> {
  const { db, member, now } = ctx;
  const offset = decodeOffsetCursor(input.cursor);
  const closingFrom = member.role === 'org_admin' ? null : new Date(now.getTime() - RECENT_MS);
  const page = toPage(await listCampaigns(db, closingFrom, { offset, limit: input.pageSize + 1 }), input.pageSize, offset);
  const withQuotas = page.items.filter((campaign) => campaign.branchQuotas.length > 0).map((campaign) => campaign._id);
  const tallies = await branchTallies(db, withQuotas, member.branchId);
  return { items: page.items.map((campaign) => toCampaignView(campaign, now, tallies.get(campaign._id))), nextCursor: page.nextCursor };
}
