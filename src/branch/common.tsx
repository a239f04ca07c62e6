import { Picker, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { MemberView } from '../../types/contracts/member';
import { BranchListPending } from '../components/BranchListPending';
import { ManagerGate as OrganiserGate } from '../components/ManagerGate';
import { useOrgBranches } from '../services/orgBranches';

export const PAGE_SIZE = 20;

/** The branch pages are for secretaries and org admins. */
export function ManagerGate({ children }: { children: (manager: MemberView) => ReactNode }) {
  return <OrganiserGate deniedDescription='如需管理支部成员，请联系上级党组织设置角色'>{children}</OrganiserGate>;
}

interface BranchFilterProps {
  /** undefined = every branch. */
  value: string | undefined;
  onChange: (branchId: string | undefined) => void;
}

/** Org admins choose which branch to look at; a secretary's lists are always their own branch. */
export function BranchFilter({ value, onChange }: BranchFilterProps) {
  const tree = useOrgBranches();
  if (tree.status !== 'ready') return <BranchListPending tree={tree} className='branch-filter branch-filter--muted' />;
  const labels = ['全部支部', ...tree.branches.map((branch) => branch.name)];
  const index = value === undefined ? 0 : tree.branches.findIndex((branch) => branch.id === value) + 1;
  return (
    <Picker
      mode='selector'
      name='branchFilter'
      range={labels}
      value={Math.max(index, 0)}
      onChange={(event) => {
        const chosen = Number(event.detail.value);
        onChange(chosen === 0 ? undefined : tree.branches[chosen - 1]?.id);
      }}
    >
      <View className='branch-filter'>
        <Text className='branch-filter__label'>支部：</Text>
        <Text className='branch-filter__value'>{labels[Math.max(index, 0)]}</Text>
        <Text className='branch-filter__arrow'>▾</Text>
      </View>
    </Picker>
  );
}
