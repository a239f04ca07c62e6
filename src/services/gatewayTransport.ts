import type { Transport, Upload } from './transport';
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

/** The gateway keeps uploads in the emulator's cloud storage, where the functions download them. */
export const gatewayUpload: Upload = async (cloudPath, file) => {
  if (!file.blob) throw new Error('H5 upload needs the picked Blob');
  const response = await fetch(`/cloud-files/${cloudPath.split('/').map(encodeURIComponent).join('/')}`, {
    method: 'PUT',
    headers: { 'x-openid': getOpenid() ?? '' },
    body: file.blob,
  });
  if (!response.ok) throw new Error(`upload failed: HTTP ${response.status}`);
  return ((await response.json()) as { fileID: string }).fileID;
};
