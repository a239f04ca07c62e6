import Taro from '@tarojs/taro';
import type { UploadSource } from './transport';

/**
 * Picking photos for upload, shared by the activity cover and the 投稿 editor: what to upload, how big
 * it is, its extension for the cloud path, and a local address to preview it before it is stored.
 */
export interface PickedFile {
  source: UploadSource;
  size: number;
  extension: string;
  previewUrl: string;
}

export function imageExtension(name: string): string {
  const match = /\.(jpe?g|png|webp|gif)$/i.exec(name);
  return match?.[1]?.toLowerCase() ?? 'jpg';
}

/** Weapp: up to `count` photos from the album or camera, compressed by WeChat; none when cancelled. */
export async function chooseImagesInWeapp(count: number): Promise<PickedFile[]> {
  let chosen: Taro.chooseMedia.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
  } catch {
    return [];
  }
  return chosen.tempFiles.map((file) => ({
    source: { path: file.tempFilePath },
    size: file.size,
    extension: imageExtension(file.tempFilePath),
    previewUrl: file.tempFilePath,
  }));
}

/** H5: a file from the browser's file input, previewed from memory until it is stored. */
export function pickedBrowserFile(file: File, extension: string): PickedFile {
  return { source: { blob: file }, size: file.size, extension, previewUrl: URL.createObjectURL(file) };
}
