import { EDITABLE_STATUSES } from '../../../core/story/access';
import { campaignState, formatDeadline } from '../../../core/story/campaign';
import { draftProblems, savedWorkFacts } from '../../../core/story/rules';
import { formatShanghai } from '../../../core/time';
import { STORY_KIND_LABELS, STORY_STATUS_LABELS } from '../../../types/labels';
import type { CampaignDoc, StoryDoc } from '../../../server/documents';
import { checkText, startImageChecks } from '../../../server/contentSecurity';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { assertAtVersion, authorView, loadOwnWork, VERSION_CONFLICT } from '../authoring';
import { updateStoryAtVersion } from '../stories.repository';

/** The campaign must take this kind now: from its opening to its deadline, both instants included. */
function assertCampaignTakes(campaign: CampaignDoc, work: StoryDoc, now: Date): void {
  if (!campaign.kinds.includes(work.kind)) {
    fail('INVALID_INPUT', { field: 'campaignId', message: `「${campaign.title}」不征集${STORY_KIND_LABELS[work.kind]}` });
  }
  const state = campaignState(campaign, now);
  if (state === 'upcoming') fail('CLOSED', { message: `征集将于 ${formatShanghai(campaign.opensAt, 'M月D日 HH:mm')} 开始，届时再提交` });
  if (state === 'closed') fail('CLOSED', { message: `征集已于 ${formatDeadline(campaign.closesAt)} 截止` });
}

/**
 * Hands a work in: its kind's rules (core/story/rules.ts, naming the field that falls short, the
 * video's limits from the server's own reading of the file), its campaign's window, then WeChat's
 * content security on title and body. A refusal writes nothing: the work stays the author's draft.
 * With images the work waits in `checking` for WeChat's image check (the verdict is pushed to
 * mediaCheckPush.ts); without, it goes to the branch secretary (`pending`). A video is not
 * machine-checkable on WeChat: the secretary's review is its check.
 * DB requests: caller, the work with its campaign, the update = 3; the checks are cloud calls.
 */
export async function submit(input: { id: string; version: number }, ctx: MemberContext) {
  const { db, member, now, openid } = ctx;
  const { story, campaign } = await loadOwnWork(db, member, input.id);
  if (!EDITABLE_STATUSES.includes(story.status)) fail('CONFLICT', { message: `作品${STORY_STATUS_LABELS[story.status]}，不用再提交` });
  assertAtVersion(story, input.version);

  const [problem] = draftProblems(savedWorkFacts(story));
  if (problem) fail('INVALID_INPUT', { field: problem.field, message: problem.message });
  if (story.campaignId !== null) {
    if (campaign === null) fail('NOT_FOUND', { field: 'campaignId', message: '征集已不存在，请另选征集或不参加征集' });
    assertCampaignTakes(campaign, story, now);
  }

  const text = await checkText({ openid, title: story.title, content: story.body });
  if (!text.ok) fail('CONTENT_REJECTED', { field: text.field, message: text.reason });
  const checks = await startImageChecks(openid, story.imageFileIds);

  const changes: Partial<StoryDoc> = {
    status: checks.length > 0 ? 'checking' : 'pending',
    mediaChecks: checks.map((check) => ({ ...check, state: 'pending' })),
    rejection: null,
    submittedAt: now,
    updatedAt: now,
  };
  if (!(await updateStoryAtVersion(db, story._id, story.version, changes))) fail('CONFLICT', { message: VERSION_CONFLICT });
  return { story: await authorView({ ...story, ...changes, version: story.version + 1 }, member, campaign, now) };
}
