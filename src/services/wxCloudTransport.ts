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

export const wxCloudUpload: Upload = async (cloudPath, file, onProgress) => {
  const filePath = file.path;
  if (!filePath) throw new Error('weapp upload needs the temp file path');
  if (!onProgress) return (await Taro.cloud.uploadFile({ cloudPath, filePath })).fileID;
  // Only the callback form returns the UploadTask that reports progress; the promise form hides it.
  return new Promise<string>((resolve, reject) => {
    const task = Taro.cloud.uploadFile({ cloudPath, filePath, success: ({ fileID }) => resolve(fileID), fail: reject });
    task.onProgressUpdate(({ progress }) => onProgress(progress));
  });
};
