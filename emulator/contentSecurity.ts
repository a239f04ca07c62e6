/**
 * Local stand-ins for WeChat's content security, so the path a work takes before anyone else sees it
 * runs in tests and in `npm start` exactly as the function code calls it:
 *
 * - `security.msgSecCheck` (v2) checks the text against the word lists of config/contentSecurity.json
 *   and answers like the cloud call does: `{ errCode: 0, result: { suggest, label }, detail, traceId }`.
 * - `security.mediaCheckAsync` (v2) answers at once with a `traceId`, opens the image through the
 *   temporary link it was given, and pushes the verdict (`wxa_media_check`) to the story function
 *   after the calling invocation has answered (emulator/pushes.ts), in the event shape WeChat pushes.
 *
 * The platform's own checks on the arguments are mirrored (version 2, scene 1–4, an openid, text of at
 * most 2,500 characters, an image of at most 10 MB), so a call production would refuse fails here too.
 * Sources: developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 * and mediaCheckAsync.html.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { DeployedFunctionName } from '../types/contracts';
import { CloudCallError } from './cloudCallError';
import type { LocalFiles } from './files';
import type { PlatformPushes } from './pushes';
import { LOCAL_APPID } from './runner';

const CONFIG_PATH = join(__dirname, '..', 'config', 'contentSecurity.json');
/** Where the console's 消息推送 setting sends `wxa_media_check` events. */
export const MEDIA_CHECK_PUSH_TARGET: DeployedFunctionName = 'story';

const MAX_TEXT_CHARACTERS = 2500;
const MAX_MEDIA_BYTES = 10 * 1024 * 1024;
const PASS_LABEL = 100;
const SCENES = [1, 2, 3, 4];

const wordListsSchema = z.record(z.string().regex(/^\d+$/), z.array(z.string().min(1)));
const configSchema = z.object({
  risky: wordListsSchema,
  review: wordListsSchema,
  riskyImageMarker: z.string().min(4),
  riskyImageLabel: z.number().int(),
});
type LocalCheckConfig = z.infer<typeof configSchema>;

type Suggestion = 'pass' | 'review' | 'risky';
interface Verdict {
  suggest: Suggestion;
  label: number;
  keyword?: string;
}

function loadConfig(): LocalCheckConfig {
  return configSchema.parse(JSON.parse(readFileSync(CONFIG_PATH, 'utf8')));
}

/** Case and spacing do not hide a word from the check (`王 八 蛋`). */
function normalised(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, '');
}

function findWord(text: string, lists: Record<string, string[]>): { label: number; keyword: string } | undefined {
  for (const [label, words] of Object.entries(lists)) {
    const keyword = words.find((word) => text.includes(normalised(word)));
    if (keyword !== undefined) return { label: Number(label), keyword };
  }
  return undefined;
}

function textVerdict(config: LocalCheckConfig, text: string): Verdict {
  const flat = normalised(text);
  const risky = findWord(flat, config.risky);
  if (risky) return { suggest: 'risky', ...risky };
  const review = findWord(flat, config.review);
  if (review) return { suggest: 'review', ...review };
  return { suggest: 'pass', label: PASS_LABEL };
}

/** WeChat's trace ids look like `690b03d2-301f6111-35ffbd44`. */
function traceId(): string {
  return [0, 1, 2].map(() => randomBytes(4).toString('hex')).join('-');
}

interface CommonParams {
  openid?: unknown;
  scene?: unknown;
  version?: unknown;
}

function assertCommon(api: string, { openid, scene, version }: CommonParams): void {
  if (version !== 2) throw new CloudCallError(47001, `${api}:fail version must be 2`);
  if (typeof openid !== 'string' || openid === '') throw new CloudCallError(40003, `${api}:fail invalid openid`);
  if (typeof scene !== 'number' || !SCENES.includes(scene)) throw new CloudCallError(40129, `${api}:fail invalid scene`);
}

interface MsgSecCheckParams extends CommonParams {
  content?: unknown;
  title?: unknown;
  nickname?: unknown;
  signature?: unknown;
}

interface MediaCheckParams extends CommonParams {
  mediaUrl?: unknown;
  mediaType?: unknown;
}

/** The `security` namespace of the cloud-call openapi, over the given storage and push queue. */
export function contentSecurity(files: LocalFiles, pushes: PlatformPushes) {
  const config = loadConfig();

  async function msgSecCheck(params: MsgSecCheckParams) {
    const api = 'openapi.security.msgSecCheck';
    assertCommon(api, params);
    const { content } = params;
    if (typeof content !== 'string' || content === '') throw new CloudCallError(44002, `${api}:fail empty content`);
    if (Array.from(content).length > MAX_TEXT_CHARACTERS) throw new CloudCallError(47001, `${api}:fail content too long`);
    const extra = [params.title, params.nickname, params.signature].filter((part): part is string => typeof part === 'string');
    const verdict = textVerdict(config, [content, ...extra].join('\n'));
    return {
      errCode: 0,
      errMsg: `${api}:ok`,
      result: { suggest: verdict.suggest, label: verdict.label },
      detail: [{ strategy: 'keyword', errcode: 0, suggest: verdict.suggest, label: verdict.label, keyword: verdict.keyword, prob: 90 }],
      traceId: traceId(),
    };
  }

  async function mediaCheckAsync(params: MediaCheckParams) {
    const api = 'openapi.security.mediaCheckAsync';
    assertCommon(api, params);
    if (params.mediaType !== 1 && params.mediaType !== 2) throw new CloudCallError(47001, `${api}:fail invalid media_type`);
    if (typeof params.mediaUrl !== 'string') throw new CloudCallError(47001, `${api}:fail invalid media_url`);
    // WeChat downloads the media from the link; a link that does not open is the caller's bug, refused here at once.
    const opened = files.openLink(params.mediaUrl);
    if ('refusal' in opened) throw new CloudCallError(47001, `${api}:fail media_url does not open (${opened.refusal})`);
    if (opened.content.length > MAX_MEDIA_BYTES) throw new CloudCallError(47001, `${api}:fail media over 10 MB`);
    const risky = opened.content.includes(config.riskyImageMarker);
    const result = risky ? { suggest: 'risky', label: config.riskyImageLabel } : { suggest: 'pass', label: PASS_LABEL };
    const id = traceId();
    pushes.queue(MEDIA_CHECK_PUSH_TARGET, {
      ToUserName: 'gh_hongtu_local',
      FromUserName: 'o-platform-push-local',
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: LOCAL_APPID,
      trace_id: id,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, ...result, prob: 90 }],
      errcode: 0,
      errmsg: 'ok',
      result,
    });
    return { errCode: 0, errMsg: `${api}:ok`, traceId: id };
  }

  return { msgSecCheck, mediaCheckAsync };
}
