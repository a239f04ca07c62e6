/** A stored work as the contracts show it: a card for lists, the whole work for its page. */
import { storyPermissions, type StoryCaller } from '../../core/story/access';
import { ratingOpen } from '../../core/story/campaign';
import type { RatingSummary, StoryCard, StoryView } from '../../types/contracts/story';
import type { CampaignDoc, MemberDoc, StoryDoc } from '../../server/documents';
import { temporaryUrls } from '../../server/files';

const EXCERPT_LENGTH = 80;

export function storyCaller(member: MemberDoc): StoryCaller {
  return { memberId: member._id, role: member.role, branchId: member.branchId };
}

export function ratingSummary(doc: Pick<StoryDoc, 'ratingCount' | 'ratingSum'>): RatingSummary {
  return {
    count: doc.ratingCount,
    average: doc.ratingCount === 0 ? null : Math.round((doc.ratingSum / doc.ratingCount) * 10) / 10,
  };
}

function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const characters = Array.from(flat);
  return characters.length <= EXCERPT_LENGTH ? flat : `${characters.slice(0, EXCERPT_LENGTH).join('')}…`;
}

function card(doc: StoryDoc, coverUrl: string | null, campaignTitle: string | null): StoryCard {
  return {
    id: doc._id,
    kind: doc.kind,
    status: doc.status,
    title: doc.title,
    excerpt: excerptOf(doc.body),
    coverUrl,
    videoSeconds: doc.video ? Math.round(doc.video.seconds) : null,
    authorName: doc.authorName,
    branchName: doc.branchName,
    campaignTitle,
    updatedAt: doc.updatedAt.toISOString(),
    approvedAt: doc.approvedAt?.toISOString() ?? null,
    recommended: doc.recommendation !== null,
    selected: doc.selectionState === 'selected',
    award: doc.selection?.award ?? null,
    rating: ratingSummary(doc),
  };
}

/** Why a work is back with its author: the return comment, or content security's reason. */
function statusNoteOf(doc: StoryDoc): string | undefined {
  if (doc.status === 'returned') return doc.review?.comment || undefined;
  if (doc.status === 'rejected') return doc.rejection ?? undefined;
  return undefined;
}

/**
 * Cards for a page of works, with every cover's link from one storage call. `campaignTitles` names
 * the campaigns the page's works belong to (missing ones show none); `forAuthor` adds each work's
 * status note, for the author's own list only.
 */
export async function toStoryCards(
  docs: StoryDoc[],
  campaignTitles: ReadonlyMap<string, string> = new Map(),
  options: { forAuthor?: boolean } = {},
): Promise<StoryCard[]> {
  const covers = docs.map((doc) => doc.imageFileIds[0] ?? null);
  const urls = await temporaryUrls(covers.filter((fileId): fileId is string => fileId !== null));
  let next = 0;
  return docs.map((doc, index) => {
    const url = covers[index] === null ? null : (urls[next++] ?? null);
    const shown = card(doc, url, doc.campaignId ? (campaignTitles.get(doc.campaignId) ?? null) : null);
    const note = options.forAuthor ? statusNoteOf(doc) : undefined;
    return note === undefined ? shown : { ...shown, statusNote: note };
  });
}

export interface ViewFacts {
  caller: StoryCaller;
  /** The work's campaign, for its title and whether it still takes 群众评议 at `now` (a work outside a campaign always does). */
  campaign: CampaignDoc | null;
  now: Date;
  myRating: number | null;
}

export async function toStoryView(doc: StoryDoc, facts: ViewFacts): Promise<StoryView> {
  const fileIds = [...doc.imageFileIds, ...(doc.video ? [doc.video.fileId] : [])];
  const urls = await temporaryUrls(fileIds);
  const images = doc.imageFileIds.flatMap((fileId, index) => {
    const url = urls[index];
    // A photo lost from storage must not hide the work: it is left out.
    return url ? [{ fileId, url }] : [];
  });
  const videoUrl = doc.video ? (urls[doc.imageFileIds.length] ?? null) : null;
  return {
    ...card(doc, images[0]?.url ?? null, facts.campaign?.title ?? null),
    body: doc.body,
    words: doc.words,
    campaignId: doc.campaignId,
    authorId: doc.authorId,
    branchId: doc.branchId,
    images,
    video:
      doc.video && videoUrl
        ? { fileId: doc.video.fileId, url: videoUrl, seconds: Math.round(doc.video.seconds), bytes: doc.video.bytes }
        : null,
    activity: doc.activityId ? { id: doc.activityId, title: doc.activityTitle ?? '' } : null,
    base: doc.baseId ? { id: doc.baseId, name: doc.baseName ?? '' } : null,
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    submittedAt: doc.submittedAt?.toISOString() ?? null,
    review: doc.review
      ? {
          decision: doc.review.decision,
          comment: doc.review.comment,
          reviewerName: doc.review.reviewerName,
          at: doc.review.at.toISOString(),
        }
      : null,
    rejection: facts.caller.memberId === doc.authorId ? doc.rejection : null,
    recommendation: doc.recommendation
      ? { note: doc.recommendation.note, byName: doc.recommendation.byName, at: doc.recommendation.at.toISOString() }
      : null,
    selection: doc.selection ? { award: doc.selection.award, at: doc.selection.at.toISOString() } : null,
    myRating: facts.myRating,
    can: storyPermissions(facts.caller, doc, ratingOpen(facts.campaign, facts.now), facts.myRating !== null),
  };
}
