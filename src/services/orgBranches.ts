import type { OrgNode } from '../../types/contracts/member';
import { useCloud, type CloudState } from './useCloud';

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

export function useOrgBranches(): CloudState<{ roots: OrgNode[] }> & { branches: BranchOption[] } {
  const tree = useCloud('member', 'orgTree', {});
  return { ...tree, branches: tree.data ? flattenBranches(tree.data.roots) : [] };
}
