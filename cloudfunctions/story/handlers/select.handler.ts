import { canSeeStory } from '../../../core/story/access';
import type { ParsedInput } from '../../../types/contracts';
import type { StoryView } from '../../../types/contracts/story';
import { STORY_AWARD_LABELS, type StoryAward } from '../../../types/labels';
import type { CampaignDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { NOT_VISIBLE } from '../authoring';
import { scoreOf, viewAfterStep } from '../chain';
import { stepInChain } from '../chain.repository';
import { storyCaller } from '../storyView';
import { tallySelection } from '../tallies';

/** The campaign's award counts with `from` given back and `to` taken; FULL when `to` has none left. */
function movedAwards(campaign: CampaignDoc, from: StoryAward | null, to: StoryAward | null): Record<StoryAward, number> {
  const awarded = { ...campaign.awarded };
  if (to !== null) {
    if (awarded[to] >= campaign.awards[to]) {
      fail('FULL', { field: 'award', message: `${STORY_AWARD_LABELS[to]}名额已用完（共 ${campaign.awards[to]} 个）` });
    }
    awarded[to] += 1;
  }
  if (from !== null) awarded[from] = Math.max(0, awarded[from] - 1);
  return awarded;
}

/**
 * 择优上报 by the org: a recommended work is selected, with one of its campaign's awards or none;
 * selecting it again changes the award, giving the old one back. The work, the campaign's award
 * counts (the quota: the last award is given once, also to racing selections) and the author's notice
 * commit in one transaction; a first selection then moves the branch's tally. DB requests: the
 * caller, then the transaction (start, work, campaign, the caller's rating, author, two updates,
 * notice, commit), then the tally on a first selection.
 */
export async function select(input: ParsedInput<'story', 'select'>, ctx: MemberContext): Promise<{ story: StoryView }> {
  const { member, now } = ctx;
  const caller = storyCaller(member);
  let firstSelection = false;
  const result = await stepInChain(
    ctx.db,
    { storyId: input.id, callerId: member._id, now },
    ({ story, campaign }) => {
      if (!canSeeStory(caller, story)) fail('NOT_FOUND', NOT_VISIBLE);
      if (story.status !== 'approved' || story.selectionState === null) fail('CONFLICT', { message: '作品尚未由支部推荐' });
      if (input.award !== null && campaign === null) fail('INVALID_INPUT', { field: 'award', message: '不属于征集的作品不评奖' });
      const before = story.selectionState === 'selected' ? (story.selection?.award ?? null) : null;
      if (story.selectionState === 'selected' && before === input.award) return null;
      firstSelection = story.selectionState === 'recommended';
      const selection = { award: input.award, byId: member._id, at: now };
      const selected = { ...story, selectionState: 'selected' as const, selection };
      return {
        story: { selectionState: 'selected', selection, rankScore: scoreOf(selected, campaign) },
        ...(campaign && before !== input.award ? { awarded: movedAwards(campaign, before, input.award) } : {}),
        notify: { step: 'selected', award: input.award },
        audit: { action: 'story.select', detail: { title: story.title, award: input.award } },
      };
    },
    ctx.log,
  );
  if (result.changed && firstSelection) await tallySelection(ctx, result.story);
  return { story: await viewAfterStep(result, caller, now) };
}
