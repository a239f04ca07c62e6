import Taro from '@tarojs/taro';

/**
 * The one-time subscribe-message template for activity reminders, from the build environment
 * (TARO_APP_ACTIVITY_REMINDER_TEMPLATE_ID, defined in config/index.ts); empty until the template is
 * registered on mp.weixin.qq.com, and then the app signs up without asking.
 */
function reminderTemplateId(): string {
  return process.env.TARO_APP_ACTIVITY_REMINDER_TEMPLATE_ID ?? '';
}

/**
 * Asks for one reminder message (one acceptance = one message). WeChat opens the dialog only when
 * this is called synchronously inside a tap handler, so call it before any await. Resolves false on
 * H5, without a template, or when the member declines or the dialog fails: signing up goes on anyway.
 */
export function askForReminder(): Promise<boolean> {
  const templateId = reminderTemplateId();
  if (process.env.TARO_ENV !== 'weapp' || !templateId) return Promise.resolve(false);
  // Taro's option type demands Alipay's entityIds as well as WeChat's tmplIds; WeChat takes tmplIds alone.
  const option = { tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option;
  return Taro.requestSubscribeMessage(option).then(
    (answer) => (answer as unknown as Record<string, string>)[templateId] === 'accept',
    () => false,
  );
}
