import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { MemberView } from '../../types/contracts/member';
import { useMembership } from '../services/membership';
import { Empty } from './Empty';
import { ErrorState } from './ErrorState';
import { Skeleton } from './Skeleton';

/** Secretaries and org admins organise: they manage members and publish activities. */
export function isManager(member: MemberView | null | undefined): member is MemberView {
  return Boolean(member && member.status === 'active' && (member.role === 'secretary' || member.role === 'org_admin'));
}

interface ManagerGateProps {
  children: (manager: MemberView) => ReactNode;
  /** What a member who is not an organiser reads instead. */
  deniedDescription: string;
  /** Pages for the org alone (programmes, the ranking), which secretaries may not open either. */
  orgAdminOnly?: boolean;
}

/** Organiser pages are for secretaries and org admins; the functions check the role again on every call. */
export function ManagerGate({ children, deniedDescription, orgAdminOnly = false }: ManagerGateProps) {
  const { membership, reload } = useMembership();
  if (membership.kind === 'loading') {
    return (
      <View className='ht-card'>
        <Skeleton rows={3} />
      </View>
    );
  }
  if (membership.kind === 'unavailable') {
    return (
      <View className='ht-card'>
        <ErrorState message={membership.message} onRetry={reload} />
      </View>
    );
  }
  const member = membership.kind === 'active' ? membership.member : null;
  if (!isManager(member) || (orgAdminOnly && member.role !== 'org_admin')) {
    return (
      <View className='ht-section'>
        <Empty title={orgAdminOnly ? '仅组织部可以使用' : '仅支部书记和组织部可以使用'} description={deniedDescription} />
      </View>
    );
  }
  return <>{children(member)}</>;
}
