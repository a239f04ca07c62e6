import type { Role } from '../../types/labels';

/**
 * The local-demo identity (H5 against the local gateway only). The gateway trusts `x-openid`;
 * the weapp build never loads this module, because WeChat injects the real OPENID.
 */
export interface DemoIdentity {
  openid: string;
  label: string;
  role: Role;
}

const IDENTITY_STORAGE_KEY = 'hongtu.openid';

type Listener = () => void;
const listeners = new Set<Listener>();

function readStoredOpenid(): string | null {
  try {
    return window.localStorage.getItem(IDENTITY_STORAGE_KEY);
  } catch {
    return null;
  }
}

let currentOpenid: string | null = readStoredOpenid();

export function getOpenid(): string | null {
  return currentOpenid;
}

export function setOpenid(openid: string | null): void {
  currentOpenid = openid;
  try {
    if (openid) window.localStorage.setItem(IDENTITY_STORAGE_KEY, openid);
    else window.localStorage.removeItem(IDENTITY_STORAGE_KEY);
  } catch {
    // Private mode may refuse storage; the choice still holds for this tab.
  }
  listeners.forEach((listener) => listener());
}

export function subscribeOpenid(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export async function fetchDemoIdentities(): Promise<DemoIdentity[]> {
  const response = await fetch('/dev/identities');
  if (!response.ok) throw new Error(`identities: HTTP ${response.status}`);
  const body = (await response.json()) as { identities?: DemoIdentity[] };
  return body.identities ?? [];
}
