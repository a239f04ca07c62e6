/**
 * 互查 rotation (ARCHITECTURE.md, "Statistics"): the units that nominated, ordered by id, each
 * reviewed by the next (the last by the first), so no unit reviews itself and the same nominators
 * always give the same assignment. A unit that nominated alone is reviewed by the first other
 * branch of the org in display order.
 */
export interface UnitRef {
  branchId: string;
  branchName: string;
}

/** Reviewer by nominating unit; a lone nominator without another branch to turn to gets none. */
export function reviewerRotation(nominators: readonly UnitRef[], branches: readonly UnitRef[]): Map<string, UnitRef> {
  const units = [...nominators].sort((a, b) => (a.branchId < b.branchId ? -1 : a.branchId > b.branchId ? 1 : 0));
  const rotation = new Map<string, UnitRef>();
  if (units.length === 1) {
    const only = units[0]!;
    const other = branches.find((branch) => branch.branchId !== only.branchId);
    if (other) rotation.set(only.branchId, other);
    return rotation;
  }
  units.forEach((unit, index) => rotation.set(unit.branchId, units[(index + 1) % units.length]!));
  return rotation;
}
