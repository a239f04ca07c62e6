import type { Transport } from './transport';
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
