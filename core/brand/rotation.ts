/**
 * 互查 rotation (ARCHITECTURE.md, "Statistics"): the units that nominated, ordered by id, each
 * reviewed by the next (the last by the first), so no unit reviews itself and the same nominators
 * always give the same assignment. A unit that nominated alone is reviewed by the next branch of
 * the org in the same order (ids, not display order, which may tie across 党总支).
 */
export interface UnitRef {
  branchId: string;
  branchName: string;
}

function byId(units: readonly UnitRef[]): UnitRef[] {
  return [...units].sort((a, b) => (a.branchId < b.branchId ? -1 : a.branchId > b.branchId ? 1 : 0));
}

/** Reviewer by nominating unit; a lone nominator without another branch to turn to gets none. */
export function reviewerRotation(nominators: readonly UnitRef[], branches: readonly UnitRef[]): Map<string, UnitRef> {
  const units = byId(nominators);
  const rotation = new Map<string, UnitRef>();
  if (units.length === 1) {
    const only = units[0]!;
    const others = byId(branches).filter((branch) => branch.branchId !== only.branchId);
    const next = others.find((branch) => branch.branchId > only.branchId) ?? others[0];
    if (next) rotation.set(only.branchId, next);
    return rotation;
  }
  units.forEach((unit, index) => rotation.set(unit.branchId, units[(index + 1) % units.length]!));
  return rotation;
}
