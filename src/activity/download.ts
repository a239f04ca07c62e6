import Taro from '@tarojs/taro';

/** Weapp: a cloud storage temporary link fetched into a local temp file, which the file and album APIs need. */
export async function downloadToTempFile(url: string): Promise<string> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error(`downloadFile:fail status ${statusCode}`);
  return tempFilePath;
}

/** What a failed WeChat API call said, whether it rejected with an Error or with its `{ errMsg }`. */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'errMsg' in error) return String(error.errMsg);
  return String(error);
}
