import type { Upload, UploadProgress, UploadSource } from './transport';

/* Same constant-branch split as cloud.ts: each build carries only its own platform's upload. */
const upload: Upload =
  process.env.TARO_ENV === 'h5' ? require('./gatewayTransport').gatewayUpload : require('./wxCloudTransport').wxCloudUpload;

/**
 * Puts a picked file into cloud storage (the local gateway's on H5) under a fresh, ASCII-only path
 * in `folder`, and resolves to the file ID a function can download.
 */
export function uploadToCloud(folder: string, extension: string, file: UploadSource, onProgress?: UploadProgress): Promise<string> {
  const cloudPath = `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${extension}`;
  return upload(cloudPath, file, onProgress);
}
