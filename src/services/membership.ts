import type { ActionOutput } from '../../types/contracts';
import type { MemberView } from '../../types/contracts/member';
import { useCloud } from './useCloud';
import { useReloadOnShow } from './useReloadOnShow';

type MeOutput = ActionOutput<'member', 'me'>;

/**
 * Where the caller stands, in the order a newcomer moves through it. Every page derives what it
 * shows from this one value, so a state that is expected (not yet a member, waiting for approval)
 * is never mistaken for a failure and no page calls a member-only action it would be refused.
 */
export type Membership =
  | { kind: 'loading' }
  /** member.me itself failed (offline, server down): the one case that is a real error. */
  | { kind: 'unavailable'; message: string }
  | { kind: 'needsConsent'; privacyVersion: string }
  /** No profile, or one that is no longer on its way in: rejected, left, withdrawn or deleted. */
  | { kind: 'outsider'; former: MemberView | null }
  | { kind: 'pending'; member: MemberView; branchName: string; appliedAt: string }
  | { kind: 'active'; member: MemberView };

export type MembershipKind = Membership['kind'];

export function membershipOf(me: MeOutput): Membership {
  if (!me.privacyAccepted) return { kind: 'needsConsent', privacyVersion: me.privacyVersion };
  const { member } = me;
  if (member?.status === 'active') return { kind: 'active', member };
  // An application's joinedAt is when it was made; approval sets it again.
  if (member?.status === 'pending') return { kind: 'pending', member, branchName: member.branchName, appliedAt: member.joinedAt };
  return { kind: 'outsider', former: member };
}

export interface MembershipState {
  membership: Membership;
  /** After consent, a join or a withdrawal; tab pages also refresh each time they come back into view. */
  reload: () => void;
}

export function useMembership(): MembershipState {
  const me = useCloud('member', 'me', {});
  useReloadOnShow(me.reload);
  let membership: Membership;
  if (me.status === 'loading') membership = { kind: 'loading' };
  else if (me.status === 'error' || !me.data) membership = { kind: 'unavailable', message: me.error?.message ?? '加载失败' };
  else membership = membershipOf(me.data);
  return { membership, reload: me.reload };
}
