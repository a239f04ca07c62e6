/**
 * The one subscribe-message template the app asks for (src/services/reminder.ts) and how a notice
 * becomes its `subscribeMessage.send` call. One template serves every notice: its four keywords
 * take the activity's title, start, place and a note saying what happened.
 */
import cloud from 'wx-server-sdk';
import type { NotificationDoc, SubscribeMessagePayload } from '../../server/documents';

/**
 * The template's keywords on mp.weixin.qq.com (订阅消息 → 我的模板 → 详情), by the words
 * core/activity/notice.ts writes; its limits (a `thing` holds 20 characters, a `time` a date and
 * time) are the ones those words are cut to. A template with other keyword numbers is changed here alone.
 */
const TEMPLATE_KEYWORDS = {
  title: 'thing1',
  time: 'time2',
  place: 'thing3',
  note: 'thing4',
} as const;

/** WeChat's "the user has not accepted (or revoked) this template": the acceptance is not there to use. */
export const NOT_ACCEPTED_ERRCODE = 43101;

/**
 * The template id, the same one the app is built with (TARO_APP_ACTIVITY_REMINDER_TEMPLATE_ID), set
 * on the function as ACTIVITY_REMINDER_TEMPLATE_ID; null until the template is registered.
 */
export function templateIdFromEnvironment(): string | null {
  return process.env.ACTIVITY_REMINDER_TEMPLATE_ID || null;
}

/**
 * Which build a message opens, following the function's WXACODE_ENV_VERSION (server/wxacode.ts):
 * a trial deployment's messages open the trial build.
 */
function miniprogramState(): SubscribeMessagePayload['miniprogramState'] {
  const configured = process.env.WXACODE_ENV_VERSION;
  return configured === 'trial' ? 'trial' : configured === 'develop' ? 'developer' : 'formal';
}

export function messagePayload(notice: Pick<NotificationDoc, 'openid' | 'page' | 'data'>, templateId: string): SubscribeMessagePayload {
  const data = Object.fromEntries(
    Object.entries(TEMPLATE_KEYWORDS).map(([word, keyword]) => [keyword, { value: notice.data[word] ?? '' }]),
  );
  return { touser: notice.openid, templateId, page: notice.page, data, miniprogramState: miniprogramState() };
}

/** Sends through the cloud call (config.json declares subscribeMessage.send); throws the platform's `{ errCode, errMsg }`. */
export async function sendSubscribeMessage(payload: SubscribeMessagePayload): Promise<void> {
  await cloud.openapi.subscribeMessage.send({ ...payload, lang: 'zh_CN' });
}
