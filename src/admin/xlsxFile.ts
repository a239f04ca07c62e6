import Taro from '@tarojs/taro';

/** A spreadsheet the admin picked; read lazily so an oversized file is refused before it is loaded. */
export interface PickedFile {
  name: string;
  size: number;
  /** Weapp: the temp file path, for `Taro.cloud.uploadFile`; absent on H5. */
  path?: string;
  /** H5: the browser's file, for uploading to the local gateway; absent on weapp. */
  blob?: Blob;
  readBase64: () => Promise<string>;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** H5: hand the browser a Blob link to download. */
function downloadInBrowser(base64: string, fileName: string): void {
  const blob = new Blob([base64ToBytes(base64)], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  // Some browsers start the download after click() returns; give them a moment before revoking.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Weapp: write into the user data dir and open it with the menu, so it can be forwarded to a PC. */
async function openInWeapp(base64: string, fileName: string): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: reject,
    });
  });
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
}

export async function saveXlsx(base64: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') downloadInBrowser(base64, fileName);
  else await openInWeapp(base64, fileName);
}

/** Weapp: pick an .xlsx from a chat (the usual way a PC file reaches the phone); null when cancelled. */
export async function chooseXlsxFromChat(): Promise<PickedFile | null> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
  } catch {
    return null;
  }
  const file = chosen.tempFiles[0];
  if (!file) return null;
  return {
    name: file.name,
    size: file.size,
    path: file.path,
    readBase64: () =>
      new Promise<string>((resolve, reject) => {
        Taro.getFileSystemManager().readFile({
          filePath: file.path,
          encoding: 'base64',
          success: (result) => resolve(String(result.data)),
          fail: reject,
        });
      }),
  };
}

/** H5: a browser File read as base64 (the data URL without its `data:…;base64,` head). */
export function pickedFromBrowserFile(file: File): PickedFile {
  return {
    name: file.name,
    size: file.size,
    blob: file,
    readBase64: () =>
      new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => {
          const url = String(reader.result ?? '');
          resolve(url.slice(url.indexOf(',') + 1));
        };
        reader.onerror = () => reject(reader.error ?? new Error('read failed'));
        reader.readAsDataURL(file);
      }),
  };
}
