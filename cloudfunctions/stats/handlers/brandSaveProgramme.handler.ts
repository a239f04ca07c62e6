import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { BRAND_LABELS } from '../../../types/labels';
import type { BrandProgrammeDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { newShortId } from '../../../server/shortId';
import { countNominationsOfBrand, createBrandProgramme, findBrandProgramme, updateBrandProgramme } from '../brand.repository';
import { toBrandProgrammeView, zeroSelected } from '../brandView';

const PROGRAMME_ID_LENGTH = 12;

/**
 * Creates a 四红 programme, or rewrites one. A brand that has nominations cannot be dropped, nor its
 * selectTotal cut below those already selected (CONFLICT): both would orphan what units have done.
 * The programme and its audit record commit together. DB requests: the caller, a count per dropped
 * brand, the transaction.
 */
export async function saveBrandProgramme(
  input: ParsedInput<'stats', 'saveBrandProgramme'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'saveBrandProgramme'>> {
  const { db, member, now, log } = ctx;
  const draft = input.programme;
  const fields = {
    title: draft.title,
    year: draft.year,
    description: draft.description,
    brands: draft.brands,
    applyEndsAt: new Date(draft.applyEndsAt),
    reviewEndsAt: new Date(draft.reviewEndsAt),
    ratingEndsAt: new Date(draft.ratingEndsAt),
    acceptanceEndsAt: new Date(draft.acceptanceEndsAt),
    updatedAt: now,
  };
  if (input.id === undefined) {
    const programme: BrandProgrammeDoc = {
      _id: newShortId(PROGRAMME_ID_LENGTH),
      ...fields,
      selected: zeroSelected(),
      createdBy: member._id,
      createdAt: now,
    };
    await createBrandProgramme(db, programme, log);
    return { programme: toBrandProgrammeView(programme, now), created: true };
  }

  const id = input.id;
  const kept = new Set(draft.brands.map((brand) => brand.key));
  const stored = await findBrandProgramme(db, id);
  if (!stored) fail('NOT_FOUND', { field: 'id', message: '方案不存在或已删除' });
  const dropped = stored.brands.map((brand) => brand.key).filter((key) => !kept.has(key));
  for (const key of dropped) {
    if ((await countNominationsOfBrand(db, id, key)) > 0) {
      fail('CONFLICT', { field: 'programme.brands', message: `${BRAND_LABELS[key]}已有申报，不能移除` });
    }
  }
  const saved = await updateBrandProgramme(
    db,
    { id, fields, actorId: member._id },
    (stored) => {
      draft.brands.forEach((brand, index) => {
        const selected = stored.selected[brand.key] ?? 0;
        if (brand.selectTotal < selected) {
          fail('CONFLICT', {
            field: `programme.brands.${index}.selectTotal`,
            message: `${BRAND_LABELS[brand.key]}已评选 ${selected} 个，名额不能少于此数`,
          });
        }
      });
    },
    log,
  );
  return { programme: toBrandProgrammeView(saved, now), created: false };
}
