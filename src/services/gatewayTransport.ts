import type { Transport, Upload, UploadProgress } from './transport';
import { getOpenid } from './identity';

/** H5 talks to the local gateway, which runs the same function bundles as CloudBase. */
export const gatewayTransport: Transport = async (name, event) => {
  const response = await fetch(`/fn/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': getOpenid() ?? '' },
    body: JSON.stringify(event),
  });
  return response.json();
};

/** fetch cannot report how much of a request body has gone out; XMLHttpRequest's upload events can. */
function putWithProgress(url: string, blob: Blob, onProgress: UploadProgress): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('x-openid', getOpenid() ?? '');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      if (request.status < 200 || request.status >= 300) reject(new Error(`upload failed: HTTP ${request.status}`));
      else resolve((JSON.parse(request.responseText) as { fileID: string }).fileID);
    };
    request.onerror = () => reject(new Error('upload failed: network'));
    request.send(blob);
  });
}

/** The gateway keeps uploads in the emulator's cloud storage, where the functions download them. */
export const gatewayUpload: Upload = async (cloudPath, file, onProgress) => {
  if (!file.blob) throw new Error('H5 upload needs the picked Blob');
  const url = `/cloud-files/${cloudPath.split('/').map(encodeURIComponent).join('/')}`;
  if (onProgress) return putWithProgress(url, file.blob, onProgress);
  const response = await fetch(url, { method: 'PUT', headers: { 'x-openid': getOpenid() ?? '' }, body: file.blob });
  if (!response.ok) throw new Error(`upload failed: HTTP ${response.status}`);
  return ((await response.json()) as { fileID: string }).fileID;
};
