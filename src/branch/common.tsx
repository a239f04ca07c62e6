import { Picker, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { MemberView, OrgNode } from '../../types/contracts/member';
import { Empty } from '../components/Empty';
import { ErrorState } from '../components/ErrorState';
import { Skeleton } from '../components/Skeleton';
import { useCloud, type CloudState } from '../services/useCloud';

export const PAGE_SIZE = 20;

export interface BranchOption {
  id: string;
  name: string;
}

/** Every 党支部 in the org tree, in tree order (党委 and 党总支 hold no members directly). */
export function flattenBranches(roots: OrgNode[]): BranchOption[] {
  const branches: BranchOption[] = [];
  const walk = (node: OrgNode) => {
    if (node.kind === 'branch') branches.push({ id: node.id, name: node.name });
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return branches;
}

export function isManager(member: MemberView | null | undefined): member is MemberView {
  return Boolean(member && member.status === 'active' && (member.role === 'secretary' || member.role === 'org_admin'));
}

interface ManagerGateProps {
  children: (manager: MemberView) => ReactNode;
}

/** The branch pages are for secretaries and org admins; the functions check the role again on every call. */
export function ManagerGate({ children }: ManagerGateProps) {
  const me = useCloud('member', 'me', {});
  if (me.status === 'loading') {
    return (
      <View className='ht-card'>
        <Skeleton rows={3} />
      </View>
    );
  }
  if (me.status === 'error' || !me.data) {
    return (
      <View className='ht-card'>
        <ErrorState message={me.error?.message ?? '加载失败'} onRetry={me.reload} />
      </View>
    );
  }
  const member = me.data.member;
  if (!isManager(member)) {
    return (
      <View className='ht-section'>
        <Empty title='仅支部书记和组织部可以使用' description='如需管理支部成员，请联系上级党组织设置角色' />
      </View>
    );
  }
  return <>{children(member)}</>;
}

export function useOrgBranches(): CloudState<{ roots: OrgNode[] }> & { branches: BranchOption[] } {
  const tree = useCloud('member', 'orgTree', {});
  return { ...tree, branches: tree.data ? flattenBranches(tree.data.roots) : [] };
}

interface BranchFilterProps {
  /** undefined = every branch. */
  value: string | undefined;
  onChange: (branchId: string | undefined) => void;
}

/** Org admins choose which branch to look at; a secretary's lists are always their own branch. */
export function BranchFilter({ value, onChange }: BranchFilterProps) {
  const tree = useOrgBranches();
  if (tree.status === 'loading') return <Text className='branch-filter branch-filter--muted'>正在加载支部列表…</Text>;
  if (tree.status === 'error') {
    return (
      <Text className='branch-filter branch-filter--muted' onClick={tree.reload}>
        支部列表加载失败，点此重试
      </Text>
    );
  }
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
