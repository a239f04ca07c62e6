/**
 * A secretary's study reminder (remindMembers) as an outbox notice: the study template's keywords
 * are 学习项目 (thing), 待完成事项 (thing), 截止时间 (time) and 温馨提示 (thing), each cut to what
 * WeChat takes (cloudfunctions/cron/subscribeMessage.ts). One per member per programme per Shanghai
 * day: the day is the notice's version, so reminding twice in a day writes the same document.
 */
import { noticeThing } from '../../core/activity/notice';
import { formatShanghai, shanghaiDay } from '../../core/time';
import { PROGRAMME_ITEM_LABELS, type ProgrammeItemKey } from '../../types/labels';
import { noticeId, type ProgrammeDoc, type StudyNotificationDoc } from '../../server/documents';
import { queuedNow, type NoticeRecipient } from '../../server/notices';

/** 我的六个一 in the `stats` subpackage (src/stats/routes.ts), without a leading slash, as a message's `page` requires. */
export const PROGRESS_PAGE = 'stats/progress/index';

function missingWords(missing: readonly ProgrammeItemKey[]): string {
  if (missing.length === 0) return '已全部完成，继续保持';
  // 阅读一本书籍 → 阅读书籍: the count is in front, so each item keeps its verb and object.
  const items = missing.map((key) => PROGRAMME_ITEM_LABELS[key].replace(/一[堂个本部处篇]/, ''));
  return `${missing.length}项：${items.join('、')}`;
}

export function studyReminder(
  programme: Pick<ProgrammeDoc, '_id' | 'title' | 'endsAt'>,
  missing: readonly ProgrammeItemKey[],
  recipient: NoticeRecipient,
  now: Date,
): StudyNotificationDoc {
  const version = shanghaiDay(now);
  return {
    _id: noticeId('studyReminder', programme._id, recipient.memberId, version),
    kind: 'studyReminder',
    programmeId: programme._id,
    memberId: recipient.memberId,
    openid: recipient.openid,
    data: {
      title: noticeThing(programme.title),
      missing: noticeThing(missingWords(missing)),
      deadline: formatShanghai(programme.endsAt, 'YYYY-MM-DD HH:mm'),
      note: noticeThing('支部书记提醒您按时完成学习'),
    },
    page: PROGRESS_PAGE,
    version,
    ...queuedNow(now),
  };
}
