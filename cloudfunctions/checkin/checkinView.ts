import type { CheckinView } from '../../types/contracts/checkin';
import { formatShanghai, shanghaiDay } from '../../core/time';
import type { CheckinDoc } from '../../server/documents';

export function toCheckinView(doc: CheckinDoc): CheckinView {
  return {
    id: doc._id,
    kind: doc.kind,
    activityId: doc.activityId,
    baseId: doc.baseId,
    placeName: doc.placeName,
    memberId: doc.memberId,
    name: doc.name,
    method: doc.method,
    checkedInAt: doc.checkedInAt.toISOString(),
    checkedOutAt: doc.checkedOutAt === null ? null : doc.checkedOutAt.toISOString(),
    presentMinutes: doc.presentMinutes,
    studyHours: doc.studyHours,
    offline: doc.offline,
    distanceM: doc.distanceM,
    latitude: doc.latitude,
    longitude: doc.longitude,
    countsFor: doc.countsFor,
    photoFileId: doc.photoFileId,
    recordedByName: doc.recordedBy?.name ?? null,
    reason: doc.reason,
  };
}

/** "14:03" the same Shanghai day, "11月23日 14:03" another: how a duplicate names the first time. */
export function whenText(at: Date, now: Date): string {
  return formatShanghai(at, shanghaiDay(at) === shanghaiDay(now) ? 'HH:mm' : 'M月D日 HH:mm');
}
