import Taro from '@tarojs/taro';
import { formatDateTime } from '../../utils/format';

export interface PublishedContest {
  title: string;
  startAt: string;
  questionCount: number;
  audienceBranchIds: readonly string[] | null;
}

/** What members will see of a contest just published, in the organiser's words. */
export function publishedMessage(contest: PublishedContest, nowMs: number): string {
  const who = contest.audienceBranchIds ? '所选支部的党员' : '全体党员';
  const when =
    Date.parse(contest.startAt) > nowMs
      ? `${who}现在就能在“答题”页看到它（未开始），${formatDateTime(contest.startAt)} 起可以作答。`
      : `竞赛已开始，${who}现在就能在“答题”页看到并作答。`;
  return `「${contest.title}」已发布，共 ${contest.questionCount} 题。${when}`;
}

/**
 * A dialog rather than a toast: on both builds it stays until read, and the page behind may go back
 * meanwhile. A failed dialog changes nothing — the contest is published either way.
 */
export async function showPublished(contest: PublishedContest): Promise<void> {
  try {
    await Taro.showModal({
      title: '竞赛已发布',
      content: publishedMessage(contest, Date.now()),
      showCancel: false,
      confirmText: '知道了',
      confirmColor: '#C8161D',
    });
  } catch {
    // Nothing to undo.
  }
}
