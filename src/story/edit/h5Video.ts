import type { PickedVideo } from './VideoUpload';
import { pickedBrowserFile } from '../../services/mediaPick';

/**
 * H5 only (required behind a TARO_ENV constant branch): the picked file with its duration as the
 * browser reads it from the file's own header; null when the browser cannot play it, and the server,
 * which probes every video itself, decides.
 */
export function videoFromBrowserFile(file: File): Promise<PickedVideo> {
  const picked = pickedBrowserFile(file, 'mp4');
  return new Promise((resolve) => {
    const video = document.createElement('video');
    video.preload = 'metadata';
    const settle = (seconds: number | null) => resolve({ picked, meta: { seconds, bytes: file.size } });
    video.onloadedmetadata = () => settle(Number.isFinite(video.duration) ? video.duration : null);
    video.onerror = () => settle(null);
    video.src = picked.previewUrl;
  });
}
