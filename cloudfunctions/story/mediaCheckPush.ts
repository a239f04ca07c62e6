/**
 * WeChat's verdict on an image (security.mediaCheckAsync, started by `submit`), pushed to this
 * function by 消息推送 (the console's setting sends `wxa_media_check` events here). It is not a
 * caller's action: it names no action, speaks for no member, and only moves a work that is waiting
 * in `checking` for exactly this trace id — `pending` once every image has passed, `rejected` with
 * the reason (and the author told) as soon as one is risky. A repeated or late push changes nothing.
 *
 * A member cannot forge one. The trace ids live only in the database and at WeChat (no view shows
 * them), and a push-shaped event that arrives as a mini-program's call is refused: `SOURCE` is set by
 * the platform, and a call from the app always carries `wx_client` (`wx_devtools`, `wx_localdebug`
 * from the IDE). OPENID is not the test: WeChat sets it from the push's FromUserName for message
 * pushes (its own customer-service example replies to `getWXContext().OPENID`), so a genuine push
 * may carry one. Locally the gateway marks every call as `wx_client`, and pushes arrive through the
 * runner with no caller (emulator/pushes.ts).
 */
import { randomUUID } from 'node:crypto';
import { ERROR_MESSAGES } from '../../types/errors';
import type { Result } from '../../types/result';
import { imageRejection, readMediaCheckPush, type Verdict } from '../../server/contentSecurity';
import type { StoryDoc } from '../../server/documents';
import type { CloudSdk, Database } from '../../server/kernel/db';
import { createLogger, type Logger } from '../../server/kernel/log';
import { storyNotice } from '../../server/notices';
import { findStoryByMediaTrace, settleMediaCheck, type MediaCheckSettlement } from './stories.repository';

/** Where a mini-program's call comes from (getWXContext().SOURCE, comma-separated along a call chain). */
const CLIENT_SOURCES = ['wx_client', 'wx_devtools', 'wx_localdebug'];

function fromClient(source: string | undefined): boolean {
  return (source ?? '').split(',').some((hop) => CLIENT_SOURCES.includes(hop.trim()));
}

/** What one verdict does to the work as it stands now; null when it is not waiting for this one. */
function settlement(work: StoryDoc | null, traceId: string, verdict: Verdict, now: Date): MediaCheckSettlement | null {
  if (work === null || work.status !== 'checking') return null;
  const index = work.mediaChecks.findIndex((check) => check.traceId === traceId);
  const check = work.mediaChecks[index];
  if (check === undefined || check.state !== 'pending') return null;
  // 'review' (WeChat unsure) passes: the branch secretary reads every work before anyone else sees it.
  const state: 'risky' | 'pass' = verdict.suggest === 'risky' ? 'risky' : 'pass';
  const mediaChecks = work.mediaChecks.map((each, at) => (at === index ? { ...each, state } : each));
  if (state === 'risky') {
    const position = work.imageFileIds.indexOf(check.fileId) + 1 || index + 1;
    const reason = imageRejection(position, verdict.label);
    return {
      changes: { mediaChecks, status: 'rejected', rejection: reason, updatedAt: now },
      notice: (author) =>
        storyNotice(
          { ...work, version: work.version + 1 },
          { step: 'rejected', reason },
          { memberId: author._id, openid: author.openid },
          now,
        ),
    };
  }
  const allPassed = mediaChecks.every((each) => each.state === 'pass');
  return { changes: { mediaChecks, ...(allPassed ? { status: 'pending' as const } : {}), updatedAt: now }, notice: null };
}

/** DB requests: the work by its trace id, then a transaction (read, write, and the author and notice on a refusal). */
async function applyVerdict(db: Database, traceId: string, verdict: Verdict, now: Date, log: Logger): Promise<boolean> {
  const work = await findStoryByMediaTrace(db, traceId);
  if (work === null) return false;
  return settleMediaCheck(db, work._id, (current) => settlement(current, traceId, verdict, now), log);
}

export function receiveMediaCheck(cloud: CloudSdk) {
  return async (event: Record<string, unknown>, context?: unknown): Promise<Result<{ applied: boolean }>> => {
    const platformRequestId = (context as { request_id?: unknown } | undefined)?.request_id;
    const log = createLogger({ fn: 'story', requestId: typeof platformRequestId === 'string' ? platformRequestId : randomUUID() });
    const { SOURCE } = cloud.getWXContext();
    if (fromClient(SOURCE)) {
      log.warn('media_check_push_refused', { source: SOURCE });
      return { ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN } };
    }
    const push = readMediaCheckPush(event);
    if (push === null) {
      log.warn('media_check_push_unreadable', { fields: Object.keys(event).slice(0, 20) });
      return { ok: true, data: { applied: false } };
    }
    try {
      const applied = await applyVerdict(cloud.database(), push.traceId, push.verdict, new Date(), log);
      log.info('media_check_push', { traceId: push.traceId, ...push.verdict, applied, source: SOURCE });
      return { ok: true, data: { applied } };
    } catch (error) {
      const detail = error instanceof Error ? { message: error.message, stack: error.stack } : { thrown: String(error) };
      log.error('media_check_push_failed', { traceId: push.traceId, ...detail });
      return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
    }
  };
}
