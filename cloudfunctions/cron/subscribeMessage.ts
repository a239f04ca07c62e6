/**
 * The subscribe-message templates the app asks for and how a notice becomes its
 * `subscribeMessage.send` call. Activities have one template for every notice: its four keywords take
 * the activity's title, start, place and a note saying what happened. Works have their own: the
 * work's title, the step's result, a remark (a return's comment) and when it happened. Study
 * reminders theirs: the programme, the items still missing, its end and the secretary's note.
 */
import cloud from 'wx-server-sdk';
import type { SubscribeMessagePayload } from '../../server/documents';

/**
 * Each template's keywords on mp.weixin.qq.com (订阅消息 → 我的模板 → 详情), by the words
 * core/activity/notice.ts, core/story/notice.ts and cloudfunctions/stats/reminder.ts write; their limits (a `thing` holds 20
 * characters, a `phrase` five Chinese characters, a `time` a date and time) are the ones those words
 * are cut to. A template with other keyword numbers is changed here alone. `variable` is the
 * function's environment variable holding the template id, the same id the app is built with
 * (TARO_APP_<variable>).
 */
const TEMPLATES = {
  activity: {
    variable: 'ACTIVITY_REMINDER_TEMPLATE_ID',
    keywords: { title: 'thing1', time: 'time2', place: 'thing3', note: 'thing4' },
  },
  /** 作品名称, 审核结果, 备注, 时间. */
  story: {
    variable: 'STORY_REVIEW_TEMPLATE_ID',
    keywords: { title: 'thing1', result: 'phrase2', note: 'thing3', time: 'time4' },
  },
  /** 学习项目, 待完成事项, 截止时间, 温馨提示; words in cloudfunctions/stats/reminder.ts. */
  study: {
    variable: 'STUDY_REMINDER_TEMPLATE_ID',
    keywords: { title: 'thing1', missing: 'thing2', deadline: 'time3', note: 'thing4' },
  },
} as const;

export type TemplateName = keyof typeof TEMPLATES;

/** WeChat's "the user has not accepted (or revoked) this template": the acceptance is not there to use. */
export const NOT_ACCEPTED_ERRCODE = 43101;

export function templateVariable(template: TemplateName): string {
  return TEMPLATES[template].variable;
}

/** The template id set on the function (see TEMPLATES); null until the template is registered. */
export function templateIdFromEnvironment(template: TemplateName): string | null {
  return process.env[TEMPLATES[template].variable] || null;
}

/**
 * Which build a message opens, following the function's WXACODE_ENV_VERSION (server/wxacode.ts):
 * a trial deployment's messages open the trial build.
 */
function miniprogramState(): SubscribeMessagePayload['miniprogramState'] {
  const configured = process.env.WXACODE_ENV_VERSION;
  return configured === 'trial' ? 'trial' : configured === 'develop' ? 'developer' : 'formal';
}

export function messagePayload(
  notice: { openid: string; page: string; data: Record<string, string> },
  template: TemplateName,
  templateId: string,
): SubscribeMessagePayload {
  const data = Object.fromEntries(
    Object.entries(TEMPLATES[template].keywords).map(([word, keyword]) => [keyword, { value: notice.data[word] ?? '' }]),
  );
  return { touser: notice.openid, templateId, page: notice.page, data, miniprogramState: miniprogramState() };
}

/** Sends through the cloud call (config.json declares subscribeMessage.send); throws the platform's `{ errCode, errMsg }`. */
export async function sendSubscribeMessage(payload: SubscribeMessagePayload): Promise<void> {
  await cloud.openapi.subscribeMessage.send({ ...payload, lang: 'zh_CN' });
}
