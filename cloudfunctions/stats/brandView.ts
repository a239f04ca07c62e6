/**
 * 四红 programmes and nominations as the app sees them, and the rules on who may see and do what
 * with a nomination at a stage (ARCHITECTURE.md, "Statistics").
 */
import { brandStage, stageReached } from '../../core/brand/stage';
import type { BrandNominationView, BrandProgrammeView } from '../../types/contracts/brand';
import { BRAND_KEYS, type BrandKey, type BrandStage } from '../../types/labels';
import type { BrandNominationDoc, BrandProgrammeDoc, MemberDoc } from '../../server/documents';
import { temporaryUrls } from '../../server/files';
import { fail } from '../../server/kernel/failure';

export function stageOf(programme: BrandProgrammeDoc, now: Date): BrandStage {
  return brandStage(programme, now);
}

export function zeroSelected(): Record<BrandKey, number> {
  return Object.fromEntries(BRAND_KEYS.map((key) => [key, 0])) as Record<BrandKey, number>;
}

export function toBrandProgrammeView(programme: BrandProgrammeDoc, now: Date): BrandProgrammeView {
  return {
    id: programme._id,
    title: programme.title,
    year: programme.year,
    description: programme.description,
    brands: programme.brands,
    applyEndsAt: programme.applyEndsAt.toISOString(),
    reviewEndsAt: programme.reviewEndsAt.toISOString(),
    ratingEndsAt: programme.ratingEndsAt.toISOString(),
    acceptanceEndsAt: programme.acceptanceEndsAt.toISOString(),
    stage: stageOf(programme, now),
    selected: { ...zeroSelected(), ...programme.selected },
  };
}

/** One decimal, or null without anything to average. */
export function average(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 10) / 10;
}

/** Whether the caller leads the nomination's unit (its secretary) or the org. */
export function managesUnit(member: MemberDoc, branchId: string): boolean {
  return member.role === 'org_admin' || (member.role === 'secretary' && member.branchId === branchId);
}

/**
 * Who sees a nomination: the org, its own unit's secretary, the reviewing unit's secretary, and
 * from 评议 on every member (the nominations are rated and their results public then).
 */
export function canSeeNomination(member: MemberDoc, nomination: BrandNominationDoc, stage: BrandStage): boolean {
  if (managesUnit(member, nomination.branchId)) return true;
  if (member.role === 'secretary' && nomination.reviewerBranchId === member.branchId) return true;
  return stageReached(stage, 'rating');
}

export function assertCanSee(member: MemberDoc, nomination: BrandNominationDoc, stage: BrandStage): void {
  if (!canSeeNomination(member, nomination, stage)) fail('NOT_FOUND', { field: 'nominationId', message: '申报不存在或已删除' });
}

function toNominationView(
  nomination: BrandNominationDoc,
  caller: { member: MemberDoc; stage: BrandStage; myRating: number | null },
  links: ReadonlyMap<string, string>,
): BrandNominationView {
  const { member, stage, myRating } = caller;
  const ownUnit = nomination.branchId === member.branchId;
  return {
    id: nomination._id,
    programmeId: nomination.programmeId,
    branchId: nomination.branchId,
    branchName: nomination.branchName,
    brand: nomination.brand,
    title: nomination.title,
    description: nomination.description,
    // A photo lost from storage must not hide the nomination: it is left out.
    photos: nomination.photos.flatMap((fileId) => {
      const url = links.get(fileId);
      return url ? [{ fileId, url }] : [];
    }),
    nominee: nomination.nominee,
    status: nomination.status,
    reviewer:
      nomination.reviewerBranchId === null
        ? null
        : { branchId: nomination.reviewerBranchId, branchName: nomination.reviewerBranchName ?? '' },
    peerReview:
      nomination.peerReview === null
        ? null
        : {
            score: nomination.peerReview.score,
            comment: nomination.peerReview.comment,
            reviewerBranchId: nomination.peerReview.reviewerBranchId,
            reviewerBranchName: nomination.peerReview.reviewerBranchName,
            at: nomination.peerReview.at.toISOString(),
          },
    rating: { count: nomination.ratingCount, sum: nomination.ratingSum, average: average(nomination.ratingSum, nomination.ratingCount) },
    acceptance:
      nomination.acceptance === null
        ? null
        : {
            passed: nomination.acceptance.passed,
            note: nomination.acceptance.note,
            byId: nomination.acceptance.byId,
            at: nomination.acceptance.at.toISOString(),
          },
    selection:
      nomination.selection === null ? null : { commendation: nomination.selection.commendation, at: nomination.selection.at.toISOString() },
    createdAt: nomination.createdAt.toISOString(),
    updatedAt: nomination.updatedAt.toISOString(),
    myRating,
    can: {
      edit: stage === 'apply' && managesUnit(member, nomination.branchId),
      review:
        stage === 'review' &&
        member.role === 'secretary' &&
        !ownUnit &&
        nomination.reviewerBranchId === member.branchId &&
        nomination.peerReview === null,
      rate: stage === 'rating' && !ownUnit && myRating === null,
    },
  };
}

/** Nominations as the app sees them, every photo's temporary link from one storage call. */
export async function toNominationViews(
  nominations: readonly BrandNominationDoc[],
  caller: { member: MemberDoc; stage: BrandStage },
  myRatings: ReadonlyMap<string, number> = new Map(),
): Promise<BrandNominationView[]> {
  const fileIds = [...new Set(nominations.flatMap((nomination) => nomination.photos))];
  const urls = await temporaryUrls(fileIds);
  const links = new Map<string, string>();
  fileIds.forEach((fileId, index) => {
    const url = urls[index];
    if (url) links.set(fileId, url);
  });
  return nominations.map((nomination) =>
    toNominationView(nomination, { ...caller, myRating: myRatings.get(nomination._id) ?? null }, links),
  );
}

/** One nomination as the app sees it, after a step on it (the caller's rating is not shown there). */
export async function toNominationViewAfterStep(
  nomination: BrandNominationDoc,
  caller: { member: MemberDoc; stage: BrandStage },
): Promise<BrandNominationView> {
  const [view] = await toNominationViews([nomination], caller);
  return view!;
}
