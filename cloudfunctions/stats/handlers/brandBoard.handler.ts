import { rankUnits } from '../../../core/brand/board';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { branchesWithUnits, findBrandProgramme } from '../brand.repository';
import { toBrandProgrammeView } from '../brandView';

/**
 * The 四红 board: every unit's nominations against its quotas, 互查 scores, ratings, acceptances and
 * selections, ranked by the share of quotas met (core/brand/board.ts), and per brand the places
 * taken. A secretary sees their own unit's row (with its rank among all), an org admin every unit.
 * Read from the per-unit tallies each step keeps, never from the nominations: 3 DB requests (the
 * caller, the programme, the branches with their tallies in one aggregate), however many nominated.
 */
export async function brandBoard(
  input: ParsedInput<'stats', 'brandBoard'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'brandBoard'>> {
  const { db, member, now } = ctx;
  const [programme, branches] = await Promise.all([findBrandProgramme(db, input.programmeId), branchesWithUnits(db)]);
  if (!programme) fail('NOT_FOUND', { field: 'programmeId', message: '方案不存在或已删除' });
  const units = rankUnits(
    branches.map((branch) => {
      const unit = branch.units.find((candidate) => candidate.programmeId === programme._id);
      return { branchId: branch._id, branchName: branch.name, tallies: unit?.brands ?? null };
    }),
    programme.brands,
  );
  const view = toBrandProgrammeView(programme, now);
  return {
    programme: view,
    brands: programme.brands.map((brand) => ({ key: brand.key, selected: view.selected[brand.key], selectTotal: brand.selectTotal })),
    units: member.role === 'org_admin' ? units : units.filter((unit) => unit.branchId === member.branchId),
  };
}
