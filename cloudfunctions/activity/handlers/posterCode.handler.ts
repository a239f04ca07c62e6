import { ACTIVITY_SCENE_KEY, encodeScene } from '../../../core/scene';
import type { MemberContext } from '../../../server/kernel/router';
import { storedMiniProgramCode } from '../../../server/wxacode';
import { loadVisibleActivity } from '../access';
import { ACTIVITY_DETAIL_PAGE } from '../activityView';
import { saveActivityWxacode } from '../activities.repository';

/**
 * The activity's 小程序码 for a printed poster, for whoever may see the activity: scanning it opens
 * the detail page. Made once, kept in cloud storage and reused (the activity notes where it is).
 */
export async function posterCode(input: { id: string }, ctx: MemberContext) {
  const { db } = ctx;
  const { activity } = await loadVisibleActivity(db, ctx.member, input.id);
  return storedMiniProgramCode({
    storedFileId: activity.wxacodeFileId,
    page: ACTIVITY_DETAIL_PAGE,
    scene: encodeScene({ [ACTIVITY_SCENE_KEY]: activity._id }),
    cloudPath: `activity-codes/${activity._id}`,
    remember: (fileID) => saveActivityWxacode(db, activity._id, fileID),
  });
}
