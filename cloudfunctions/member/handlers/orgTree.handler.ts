import type { OrgNode } from '../../../types/contracts/member';
import type { OrgDoc } from '../../../server/documents';
import type { MemberContext } from '../../../server/kernel/router';
import { listOrgs } from '../../../server/orgs.repository';

export async function orgTree(_input: Record<string, never>, ctx: MemberContext) {
  return { roots: buildOrgTree(await listOrgs(ctx.db)) };
}

/** Parents' member counts are the sum of their subtree, so a 党委 shows everyone below it. */
export function buildOrgTree(orgs: OrgDoc[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const org of orgs) {
    nodes.set(org._id, { id: org._id, name: org.name, kind: org.kind, memberCount: org.activeMemberCount, children: [] });
  }
  const roots: OrgNode[] = [];
  for (const org of [...orgs].sort((a, b) => a.order - b.order)) {
    const node = nodes.get(org._id);
    const parent = org.parentId === null ? undefined : nodes.get(org.parentId);
    if (!node) continue;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const total = (node: OrgNode): number => {
    const below = node.children.reduce((sum, child) => sum + total(child), 0);
    node.memberCount += below;
    return node.memberCount;
  };
  roots.forEach(total);
  return roots;
}
