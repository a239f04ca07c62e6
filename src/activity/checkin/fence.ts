import type { CheckinFence } from '../../../types/contracts/checkin';

export interface FenceState {
  text: string;
  /** The organiser may set the fence where they now stand (`issueCode` with `relocate`). */
  canRelocate: boolean;
}

/**
 * What the location check of a scan will be, in the organiser's words. A base's fence is the base's
 * and cannot be moved from the screen; the organiser's own can, and so can a missing one.
 */
export function fenceState(fence: CheckinFence | null, online: boolean): FenceState {
  if (online) return { text: '线上活动，不校验位置', canRelocate: false };
  if (fence === null) return { text: '未获取到位置，暂不校验位置', canRelocate: true };
  if (fence.source === 'base') return { text: `位置校验：基地 ${fence.radiusM} 米内`, canRelocate: false };
  return { text: `位置校验：以你当前位置为中心 ${fence.radiusM} 米`, canRelocate: true };
}
