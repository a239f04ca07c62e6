import Taro from '@tarojs/taro';

/**
 * The one-time subscribe-message templates the app asks for, from the build environment (defined in
 * config/index.ts; `npm run deploy` passes the ids from deploy.config.json): empty until a template is
 * registered on mp.weixin.qq.com, and then the app goes on without asking. The functions send with
 * the same ids (cloudfunctions/cron/subscribeMessage.ts).
 */
const TEMPLATES = {
  activityReminder: () => process.env.TARO_APP_ACTIVITY_REMINDER_TEMPLATE_ID ?? '',
  storyReview: () => process.env.TARO_APP_STORY_REVIEW_TEMPLATE_ID ?? '',
  studyReminder: () => process.env.TARO_APP_STUDY_REMINDER_TEMPLATE_ID ?? '',
};

/**
 * Asks for one message from a template (one acceptance = one message). WeChat opens the dialog only
 * when this is called synchronously inside a tap handler, so call it before any await. Resolves false
 * on H5, without a template, or when the member declines or the dialog fails: the action goes on anyway.
 */
function askFor(template: keyof typeof TEMPLATES): Promise<boolean> {
  const templateId = TEMPLATES[template]();
  if (process.env.TARO_ENV !== 'weapp' || !templateId) return Promise.resolve(false);
  // Taro's option type demands Alipay's entityIds as well as WeChat's tmplIds; WeChat takes tmplIds alone.
  const option = { tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option;
  return Taro.requestSubscribeMessage(option).then(
    (answer) => (answer as unknown as Record<string, string>)[templateId] === 'accept',
    () => false,
  );
}

/** In the tap that signs up: a reminder before the activity (and news of a change or a promotion). */
export function askForReminder(): Promise<boolean> {
  return askFor('activityReminder');
}

/** In the tap that submits a work: news of its review (approved, returned, recommended, awarded). */
export function askForReviewNews(): Promise<boolean> {
  return askFor('storyReview');
}

/** In a tap on 我的六个一: one reminder of what is left, when the branch secretary sends reminders. */
export function askForStudyReminder(): Promise<boolean> {
  return askFor('studyReminder');
}
