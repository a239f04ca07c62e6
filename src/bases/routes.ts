/** Pages of the `bases` subpackage and the check-in landing page (its own subpackage). */
import { BASE_SCENE_KEY, CODE_LINK_PARAM } from '../../core/checkin/link';

export const BASE_LIST_URL = '/bases/list/index';
export const FOOTPRINT_URL = '/bases/footprint/index';
export const MY_CODE_URL = '/bases/mycode/index';

export function baseDetailUrl(id: string): string {
  return `/bases/detail/index?id=${encodeURIComponent(id)}`;
}

const LANDING = '/checkin/landing/index';

/** What the landing page opens with: a base (as its printed code would), a rotating code, or the manual entry. */
export type LandingTarget = { baseId: string } | { code: string } | { manual: true };

export function checkinLandingUrl(target: LandingTarget): string {
  if ('baseId' in target) return `${LANDING}?scene=${encodeURIComponent(`${BASE_SCENE_KEY}=${target.baseId}`)}`;
  if ('code' in target) return `${LANDING}?${CODE_LINK_PARAM}=${encodeURIComponent(target.code)}`;
  return `${LANDING}?manual=1`;
}
