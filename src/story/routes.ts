/** Pages of the `story` subpackage (投稿) and the org's campaign pages in `admin`. */

export const STORY_FEED_URL = '/story/feed/index';
export const MY_STORIES_URL = '/story/mine/index';
export const STORY_REVIEW_URL = '/story/review/index';
export const CAMPAIGNS_ADMIN_URL = '/admin/campaigns/index';

export function storyDetailUrl(id: string): string {
  return `/story/detail/index?id=${encodeURIComponent(id)}`;
}

/** A new work (optionally of a kind, for a campaign, about an activity or a base), or an existing draft by id. */
export type StoryEditTarget = { id: string } | { kind?: string; campaignId?: string; activityId?: string; baseId?: string };

/** `path?a=1&b=2` with the non-empty string values, or the bare path when there are none. */
function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

export function storyEditUrl(target: StoryEditTarget = {}): string {
  return withQuery('/story/edit/index', target);
}

export function campaignUrl(id: string): string {
  return `/story/campaign/index?id=${encodeURIComponent(id)}`;
}

export function campaignEditUrl(id?: string): string {
  return id ? `/admin/campaign/index?id=${encodeURIComponent(id)}` : '/admin/campaign/index';
}

/** The feed narrowed to one campaign, branch or base (the contract takes at most one); `label` names it on the filter chip. */
export type StoryFeedFilter = { campaignId: string } | { branchId: string } | { baseId: string };

export function storyFeedUrl(filter?: StoryFeedFilter & { label?: string }): string {
  return withQuery(STORY_FEED_URL, filter ?? {});
}
