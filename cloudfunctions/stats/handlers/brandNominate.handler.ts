import { formatDeadline } from '../../../core/story/campaign';
import { countWords } from '../../../core/story/wordCount';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { BRAND_DESCRIPTION_MAX_WORDS, BRAND_DESCRIPTION_MIN_WORDS, BRAND_LABELS } from '../../../types/labels';
import { checkText } from '../../../server/contentSecurity';
import type { BrandNominationDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { newShortId } from '../../../server/shortId';
import { findBranch, findBrandProgramme, findMember, saveNomination, submittedState } from '../brand.repository';
import { stageOf, toNominationViewAfterStep } from '../brandView';

const NOMINATION_ID_LENGTH = 14;

/**
 * A unit's nomination, new or edited, while 申报 is open. A secretary nominates for their own unit
 * (taken from their profile, never from the input); an org admin names the unit. 红色园丁 names an
 * active member of the unit. Title and description pass content security before anything is
 * written, as a work's text does (ARCHITECTURE.md, "Stories"); the nomination, its unit's tally and
 * the audit record commit together. DB requests: the caller, the programme, the unit's branch and
 * the nominee (园丁) side by side, then the transaction (the programme again for a new nomination,
 * the nomination, the unit's tally, the audit record).
 */
export async function nominate(input: ParsedInput<'stats', 'nominate'>, ctx: MemberContext): Promise<ActionOutput<'stats', 'nominate'>> {
  const { db, member, now, openid, log } = ctx;
  let branchId: string;
  if (member.role === 'secretary') {
    if (input.branchId !== undefined && input.branchId !== member.branchId) {
      fail('FORBIDDEN', { field: 'branchId', message: '只能为本支部申报' });
    }
    branchId = member.branchId;
  } else {
    if (input.branchId === undefined) fail('INVALID_INPUT', { field: 'branchId', message: '请选择申报单位' });
    branchId = input.branchId;
  }

  const programme = await findBrandProgramme(db, input.programmeId);
  if (!programme) fail('NOT_FOUND', { field: 'programmeId', message: '方案不存在或已删除' });
  if (!programme.brands.some((brand) => brand.key === input.brand)) {
    fail('INVALID_INPUT', { field: 'brand', message: `本方案不含${BRAND_LABELS[input.brand]}` });
  }
  const words = countWords(input.description);
  if (words < BRAND_DESCRIPTION_MIN_WORDS || words > BRAND_DESCRIPTION_MAX_WORDS) {
    fail('INVALID_INPUT', {
      field: 'description',
      message: `简介须 ${BRAND_DESCRIPTION_MIN_WORDS}–${BRAND_DESCRIPTION_MAX_WORDS} 字（现为 ${words} 字）`,
    });
  }
  if (input.brand === 'gardener' && input.nomineeMemberId === null) {
    fail('INVALID_INPUT', { field: 'nomineeMemberId', message: '请选择推荐的红色园丁' });
  }
  if (input.brand !== 'gardener' && input.nomineeMemberId !== null) {
    fail('INVALID_INPUT', { field: 'nomineeMemberId', message: '只有红色园丁推荐党员' });
  }
  if (stageOf(programme, now) !== 'apply') fail('CLOSED', { message: `申报已于 ${formatDeadline(programme.applyEndsAt)} 截止` });

  const [branch, nominee] = await Promise.all([
    findBranch(db, branchId),
    input.nomineeMemberId === null ? Promise.resolve(null) : findMember(db, input.nomineeMemberId),
  ]);
  if (!branch || branch.kind !== 'branch') fail('NOT_FOUND', { field: 'branchId', message: '申报单位不存在' });
  if (input.nomineeMemberId !== null && (!nominee || nominee.status !== 'active' || nominee.branchId !== branchId)) {
    fail('INVALID_INPUT', { field: 'nomineeMemberId', message: '红色园丁须为本支部在册党员' });
  }

  const text = await checkText({ openid, title: input.title, content: input.description });
  if (!text.ok) {
    fail('CONTENT_REJECTED', { field: text.field === 'body' ? 'description' : 'title', message: text.reason.replace('正文', '简介') });
  }

  const fields = {
    title: input.title,
    description: input.description,
    photos: input.photos,
    nominee: nominee ? { memberId: nominee._id, name: nominee.name } : null,
    updatedAt: now,
  };
  const actor = { id: member._id, now };
  const saved =
    input.id === undefined
      ? await saveNomination(
          db,
          {
            kind: 'create',
            nomination: {
              _id: newShortId(NOMINATION_ID_LENGTH),
              programmeId: programme._id,
              branchId,
              branchName: branch.name,
              brand: input.brand,
              ...fields,
              ...submittedState(),
              createdBy: member._id,
              createdAt: now,
            } satisfies BrandNominationDoc,
          },
          actor,
          log,
        )
      : await saveNomination(
          db,
          {
            kind: 'edit',
            id: input.id,
            fields,
            check: (stored) => {
              if (stored.programmeId !== programme._id) fail('NOT_FOUND', { field: 'id', message: '申报不存在或已删除' });
              if (stored.branchId !== branchId) fail('FORBIDDEN', { field: 'id', message: '只能修改本支部的申报' });
              if (stored.brand !== input.brand) fail('INVALID_INPUT', { field: 'brand', message: '申报的品牌不能更改，请另行申报' });
            },
          },
          actor,
          log,
        );
  return { nomination: await toNominationViewAfterStep(saved, { member, stage: 'apply' }) };
}
