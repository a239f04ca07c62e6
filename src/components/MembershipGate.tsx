import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { MemberView } from '../../types/contracts/member';
import type { MembershipState } from '../services/membership';
import { ErrorState } from './ErrorState';
import { JoinGuide } from './JoinGuide';
import { PendingCard } from './PendingCard';
import { PrivacyConsent } from './PrivacyConsent';
import { Skeleton } from './Skeleton';

interface MembershipGateProps {
  state: MembershipState;
  /** What an active member sees; nothing in it runs for anyone else. */
  children: (member: MemberView) => ReactNode;
}

/** A tab's body by membership: consent first, then the join guide, the pending card, or the page itself. */
export function MembershipGate({ state: { membership, reload }, children }: MembershipGateProps) {
  switch (membership.kind) {
    case 'loading':
      return (
        <View className='ht-card'>
          <Skeleton rows={3} />
        </View>
      );
    case 'unavailable':
      return (
        <View className='ht-card'>
          <ErrorState message={membership.message} onRetry={reload} />
        </View>
      );
    case 'needsConsent':
      return <PrivacyConsent privacyVersion={membership.privacyVersion} onAccepted={reload} />;
    case 'outsider':
      return <JoinGuide former={membership.former} />;
    case 'pending':
      return <PendingCard branchName={membership.branchName} appliedAt={membership.appliedAt} onWithdrawn={reload} />;
    case 'active':
      return <>{children(membership.member)}</>;
  }
}
