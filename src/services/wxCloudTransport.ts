import Taro from '@tarojs/taro';
import type { Transport } from './transport';

let initialised = false;

/** Called once at launch: every later callFunction goes to this environment with the caller traced. */
export function initWxCloud(): void {
  if (initialised) return;
  initialised = true;
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
}

export const wxCloudTransport: Transport = async (name, event) => {
  const response = await Taro.cloud.callFunction({ name, data: { action: event.action, input: event.input } });
  return response.result;
};
