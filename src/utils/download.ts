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

/**
 * Weapp opens the sheet in WeChat's viewer, whose menu forwards it to a chat or a PC. H5 follows a
 * link in the same tab (the browser downloads an .xlsx rather than leave the page): a new window
 * opened after the export's await is no longer part of the click, and popup blockers stop it.
 */
export async function openSpreadsheet(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = url;
    link.download = '';
    link.click();
    return;
  }
  const filePath = await downloadToTempFile(url);
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
}
