/**
 * What leaves the activity function about an activity: the list row and the detail (with what the
 * caller may do now), mapped from the stored document in one place so every action answers with the
 * same shape. Outbox notices are built in server/notices.ts, which `cron` shares.
 */
import type { ActivityDetail, ActivitySummary } from '../../types/contracts/activity';
import type { SignUpStatus } from '../../types/labels';
import { viewerActions, type ActivityViewer } from '../../core/activity/access';
import { AUDIENCE_ALL, seatsLeft } from '../../core/activity/rules';
import type { ActivityDoc } from '../../server/documents';
import { temporaryUrl } from '../../server/files';

/** The detail page's path, shared with `cron`'s notices. */
export { ACTIVITY_DETAIL_PAGE, activityPath } from '../../server/notices';

export function toActivitySummary(doc: ActivityDoc, mine: SignUpStatus | null = null): ActivitySummary {
  return {
    id: doc._id,
    kind: doc.kind,
    title: doc.title,
    status: doc.status,
    branchId: doc.branchId,
    place: doc.place,
    online: doc.online,
    startAt: doc.startAt.toISOString(),
    endAt: doc.endAt.toISOString(),
    signUpDeadline: doc.signUpDeadline.toISOString(),
    capacity: doc.capacity,
    signedUpCount: doc.signedUpCount,
    waitlistCount: doc.waitlistCount,
    waitlist: doc.waitlist,
    mine,
  };
}

/** A cover lost from storage after it was checked on save must not hide the activity: it shows without one. */
async function coverUrl(fileId: string | null): Promise<string | null> {
  if (fileId === null) return null;
  try {
    return await temporaryUrl(fileId);
  } catch {
    return null;
  }
}

/** The detail as `viewer` sees it at `now`, given their own sign-up status (null when they have none). */
export async function toActivityDetail(
  doc: ActivityDoc,
  viewer: { member: ActivityViewer; now: Date; mine: SignUpStatus | null },
): Promise<ActivityDetail> {
  const { can, signUpClosedReason } = viewerActions(doc, viewer.member, viewer.mine, viewer.now);
  return {
    ...toActivitySummary(doc, viewer.mine),
    description: doc.description,
    coverFileId: doc.coverFileId,
    coverUrl: await coverUrl(doc.coverFileId),
    baseId: doc.baseId,
    signUpOpensAt: doc.signUpOpensAt?.toISOString() ?? null,
    audienceBranchIds: doc.audience.includes(AUDIENCE_ALL) ? null : doc.audience,
    countsFor: doc.countsFor,
    studyHours: doc.studyHours,
    cancelReason: doc.cancelReason,
    seatsLeft: seatsLeft(doc.capacity, doc.signedUpCount),
    can,
    signUpClosedReason,
  };
}
