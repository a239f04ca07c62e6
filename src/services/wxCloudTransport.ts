import Taro from '@tarojs/taro';
import type { Transport, Upload } from './transport';

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

export const wxCloudUpload: Upload = async (cloudPath, file) => {
  if (!file.path) throw new Error('weapp upload needs the temp file path');
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
  return fileID;
};
