/**
 * WeChat's content security for what members write (issue 13): nothing a member wrote reaches anyone
 * else before WeChat has checked it. Plain cloud calls (the story function's config.json grants
 * `security.msgSecCheck` and `security.mediaCheckAsync`); the local emulator answers the same calls
 * from a word list (emulator/contentSecurity.ts), so this code runs unchanged in tests.
 *
 * - Text: `msgSecCheck` v2, scene 3 (论坛: long posts others read), with the author's openid (WeChat
 *   requires a user active within two hours: the author is submitting). WeChat checks at most 2,500
 *   characters a call, so the body goes in overlapping pieces; the title goes on its own, so a
 *   refusal names the field to change.
 * - Images: `mediaCheckAsync` v2 on each image's temporary link (WeChat downloads it; the link must be
 *   public, which getTempFileURL's is). It answers with a trace id at once and pushes the verdict to
 *   the story function later (`wxa_media_check`), matched back to the work by that id.
 * - `suggest: 'review'` (WeChat is unsure) counts as a pass: every work then goes to its branch
 *   secretary, a person who reads it before anyone else sees it. Only `risky` is refused.
 *
 * Sources: developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 * and mediaCheckAsync.html (labels, limits, the push's fields). The cloud call answers in camelCase
 * (`traceId`, `errCode`) where the HTTPS API says `trace_id`; both are read.
 */
import cloud from 'wx-server-sdk';
import { temporaryUrls } from './files';
import { fail } from './kernel/failure';

/** msgSecCheck v2's labels; mediaCheckAsync uses the same. */
export const CONTENT_LABELS: Readonly<Record<number, string>> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
};
const OTHER_LABEL = 21000;
const SCENE_FORUM = 3;
export const MAX_CHECK_CHARACTERS = 2500;
/** Pieces overlap, so a phrase cut at a piece's end is still seen whole in the next. */
const PIECE_OVERLAP = 20;
/** "System busy" and "minute quota used up". */
const BUSY_ERRCODES = [-1, 45009];

/**
 * The deployment's switch (deploy.config.json `contentSecurity` → the function's CONTENT_SECURITY):
 * on unless set to `off`, which only an internal trial should do — then every text passes and images
 * go straight to the branch secretary, who still reads each work before anyone else sees it.
 */
export const CONTENT_SECURITY_ENV = 'CONTENT_SECURITY';

export function contentSecurityEnabled(): boolean {
  return process.env[CONTENT_SECURITY_ENV] !== 'off';
}

export type Suggestion = 'pass' | 'review' | 'risky';
const SUGGESTIONS: readonly string[] = ['pass', 'review', 'risky'];

export interface Verdict {
  suggest: Suggestion;
  label: number;
}

/** `(辱骂)` for a known label; nothing for 其他 or one WeChat added later. */
function labelNote(label: number): string {
  const name = CONTENT_LABELS[label];
  return name === undefined || label === OTHER_LABEL ? '' : `（${name}）`;
}

export function textRejection(field: 'title' | 'body', label: number): string {
  return `${field === 'title' ? '标题' : '正文'}含有不当内容${labelNote(label)}，请修改后再提交`;
}

/** `position` counts from 1, as the edit page shows the images. */
export function imageRejection(position: number, label: number): string {
  return `第 ${position} 张图片含有不当内容${labelNote(label)}，请更换后再提交`;
}

function verdictOf(result: unknown): Verdict | null {
  const { suggest, label } = (result ?? {}) as { suggest?: unknown; label?: unknown };
  if (typeof suggest !== 'string' || !SUGGESTIONS.includes(suggest)) return null;
  // WeChat sends the label as a number from the API and sometimes as a string in pushes.
  const number = Number(label);
  return { suggest: suggest as Suggestion, label: Number.isInteger(number) ? number : OTHER_LABEL };
}

/** A failed cloud call: busy is the member's "try again soon"; anything else is ours to look into (INTERNAL, logged). */
function cloudCallFailed(api: string, error: unknown): never {
  const errCode = (error as { errCode?: unknown } | null)?.errCode;
  if (typeof errCode === 'number' && BUSY_ERRCODES.includes(errCode)) {
    fail('RATE_LIMITED', { message: '内容安全检测繁忙，请稍后再提交' });
  }
  throw new Error(`${api} failed: ${String(errCode ?? (error instanceof Error ? error.message : error))}`);
}

async function askText(openid: string, content: string): Promise<Verdict> {
  let reply: unknown;
  try {
    reply = await cloud.openapi.security.msgSecCheck({ openid, scene: SCENE_FORUM, version: 2, content });
  } catch (error) {
    cloudCallFailed('msgSecCheck', error);
  }
  const verdict = verdictOf((reply as { result?: unknown } | null)?.result);
  if (verdict === null) throw new Error('msgSecCheck answered without a result');
  return verdict;
}

/** The text in pieces WeChat takes (by characters, not UTF-16 units), each overlapping the one before. */
export function checkPieces(text: string): string[] {
  const characters = Array.from(text.trim());
  if (characters.length === 0) return [];
  const pieces: string[] = [];
  const step = MAX_CHECK_CHARACTERS - PIECE_OVERLAP;
  for (let start = 0; ; start += step) {
    pieces.push(characters.slice(start, start + MAX_CHECK_CHARACTERS).join(''));
    if (start + MAX_CHECK_CHARACTERS >= characters.length) return pieces;
  }
}

export type TextCheck = { ok: true } | { ok: false; field: 'title' | 'body'; reason: string };

/** Title and body checked side by side; the first refused piece (title first) names the field and the reason. */
export async function checkText(request: { openid: string; title: string; content: string }): Promise<TextCheck> {
  if (!contentSecurityEnabled()) return { ok: true };
  const pieces = [
    ...checkPieces(request.title).map((text) => ({ field: 'title' as const, text })),
    ...checkPieces(request.content).map((text) => ({ field: 'body' as const, text })),
  ];
  const verdicts = await Promise.all(pieces.map((piece) => askText(request.openid, piece.text)));
  const refused = verdicts.findIndex((verdict) => verdict.suggest === 'risky');
  const piece = pieces[refused];
  const verdict = verdicts[refused];
  if (piece === undefined || verdict === undefined) return { ok: true };
  return { ok: false, field: piece.field, reason: textRejection(piece.field, verdict.label) };
}

export interface MediaCheckStarted {
  fileId: string;
  traceId: string;
}

/**
 * Sends each image to WeChat's asynchronous check, in the images' order. An image gone from storage
 * is the author's to replace (INVALID_INPUT naming it); nothing is stored by this call.
 */
export async function startImageChecks(openid: string, fileIds: string[]): Promise<MediaCheckStarted[]> {
  if (!contentSecurityEnabled()) return [];
  const urls = await temporaryUrls(fileIds);
  return Promise.all(
    fileIds.map(async (fileId, index) => {
      const mediaUrl = urls[index];
      if (!mediaUrl) fail('INVALID_INPUT', { field: `imageFileIds.${index}`, message: `第 ${index + 1} 张图片已丢失，请重新上传` });
      let reply: { traceId?: unknown; trace_id?: unknown } | null;
      try {
        reply = (await cloud.openapi.security.mediaCheckAsync({
          mediaUrl,
          mediaType: 2,
          version: 2,
          scene: SCENE_FORUM,
          openid,
        })) as typeof reply;
      } catch (error) {
        cloudCallFailed('mediaCheckAsync', error);
      }
      const traceId = reply?.traceId ?? reply?.trace_id;
      if (typeof traceId !== 'string' || traceId === '') throw new Error('mediaCheckAsync answered without a trace id');
      return { fileId, traceId };
    }),
  );
}

/**
 * The shape of WeChat's push with an image check's verdict (`MsgType: 'event'`, `Event:
 * 'wxa_media_check'`). A member's call always carries `action`; a push never does.
 */
export function isMediaCheckPush(event: unknown): event is Record<string, unknown> {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return false;
  const fields = event as Record<string, unknown>;
  return !('action' in fields) && fields.MsgType === 'event' && fields.Event === 'wxa_media_check';
}

/**
 * The trace id and verdict a push carries, or null when it carries none. v2 pushes `result`; a
 * v1-shaped push (`isrisky` 0/1) is read too rather than left unanswered.
 */
export function readMediaCheckPush(event: Record<string, unknown>): { traceId: string; verdict: Verdict } | null {
  const traceId = event.trace_id;
  if (typeof traceId !== 'string' || traceId === '') return null;
  const verdict = verdictOf(event.result);
  if (verdict !== null) return { traceId, verdict };
  if (event.isrisky === 0 || event.isrisky === 1) {
    return { traceId, verdict: event.isrisky === 1 ? { suggest: 'risky', label: OTHER_LABEL } : { suggest: 'pass', label: 100 } };
  }
  return null;
}
