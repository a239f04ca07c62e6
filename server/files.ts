/**
 * Cloud storage as the functions use it. Plain wx-server-sdk calls: the local emulator replaces the
 * SDK's storage methods with its own file store (emulator/platform.ts), so this code is the same
 * in production and locally.
 */
import cloud from 'wx-server-sdk';

/** How long a link handed to the app stays valid; it is asked for again on the next view. */
const LINK_MAX_AGE_SECONDS = 2 * 3600;

export async function uploadFile(cloudPath: string, content: Buffer): Promise<string> {
  const reply = await cloud.uploadFile({ cloudPath, fileContent: content });
  return reply.fileID;
}

export async function downloadFile(fileID: string): Promise<Buffer> {
  const reply = await cloud.downloadFile({ fileID });
  return reply.fileContent;
}

/** An HTTPS link for `<Image>`: weapp could show a `cloud://` ID itself, H5 cannot. */
export async function temporaryUrl(fileID: string): Promise<string> {
  const reply = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_MAX_AGE_SECONDS }] })) as {
    fileList: { tempFileURL: string; status: number; errMsg: string }[];
  };
  const file = reply.fileList[0];
  if (!file || file.status !== 0 || !file.tempFileURL) throw new Error(`getTempFileURL ${fileID}: ${file?.errMsg ?? 'no reply'}`);
  return file.tempFileURL;
}

/**
 * Links for many files in one call (a feed page's covers), in their order; a file lost from storage
 * gets null rather than failing the page.
 */
export async function temporaryUrls(fileIDs: string[]): Promise<(string | null)[]> {
  if (fileIDs.length === 0) return [];
  const reply = (await cloud.getTempFileURL({ fileList: fileIDs.map((fileID) => ({ fileID, maxAge: LINK_MAX_AGE_SECONDS })) })) as {
    fileList: { fileID: string; tempFileURL: string; status: number }[];
  };
  const byId = new Map(reply.fileList.map((file) => [file.fileID, file.status === 0 && file.tempFileURL ? file.tempFileURL : null]));
  return fileIDs.map((fileID) => byId.get(fileID) ?? null);
}

/** deleteFile takes at most 50 files a call. */
const DELETE_BATCH = 50;

/**
 * Deletes files from cloud storage; a file already gone is not an error, so a retry finishes what
 * an interrupted run began.
 */
export async function deleteFiles(fileIDs: readonly string[]): Promise<void> {
  for (let at = 0; at < fileIDs.length; at += DELETE_BATCH) {
    await cloud.deleteFile({ fileList: fileIDs.slice(at, at + DELETE_BATCH) });
  }
}
