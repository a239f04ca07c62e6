import { Text } from '@tarojs/components';
import type { LoadStatus } from '../services/useCloud';

interface BranchListPendingProps {
  tree: { status: LoadStatus; reload: () => void };
  className?: string;
}

/** What stands in for a branch picker until the org tree is ready: a loading line, or a failure to tap for a retry. */
export function BranchListPending({ tree, className = 'ht-field__hint' }: BranchListPendingProps) {
  if (tree.status === 'loading') return <Text className={className}>正在加载支部列表…</Text>;
  return (
    <Text className={className} onClick={tree.reload}>
      支部列表加载失败，点此重试
    </Text>
  );
}
