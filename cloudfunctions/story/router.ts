import { ROLES } from '../../types/common';
import { allow, defineRouter } from '../../server/kernel/router';
import { campaignRanking } from './handlers/campaignRanking.handler';
import { campaigns } from './handlers/campaigns.handler';
import { detail } from './handlers/detail.handler';
import { feed } from './handlers/feed.handler';
import { mine } from './handlers/mine.handler';
import { rate } from './handlers/rate.handler';
import { recommend } from './handlers/recommend.handler';
import { review } from './handlers/review.handler';
import { reviewQueue } from './handlers/reviewQueue.handler';
import { save } from './handlers/save.handler';
import { saveCampaign } from './handlers/saveCampaign.handler';
import { select } from './handlers/select.handler';
import { selectionQueue } from './handlers/selectionQueue.handler';
import { submit } from './handlers/submit.handler';
import { withdraw } from './handlers/withdraw.handler';

const ORG_ADMIN = ['org_admin'] as const;
/** A secretary reviews their own branch's works, an org admin any branch's (core/story/access.ts). */
const REVIEWERS = ['secretary', 'org_admin'] as const;

export const storyRouter = defineRouter('story', {
  save: allow(ROLES, save),
  submit: allow(ROLES, submit),
  withdraw: allow(ROLES, withdraw),
  mine: allow(ROLES, mine),
  feed: allow(ROLES, feed),
  detail: allow(ROLES, detail),
  reviewQueue: allow(REVIEWERS, reviewQueue),
  review: allow(REVIEWERS, review),
  recommend: allow(REVIEWERS, recommend),
  selectionQueue: allow(ORG_ADMIN, selectionQueue),
  select: allow(ORG_ADMIN, select),
  rate: allow(ROLES, rate),
  campaigns: allow(ROLES, campaigns),
  saveCampaign: allow(ORG_ADMIN, saveCampaign),
  campaignRanking: allow(ROLES, campaignRanking),
});
