/**
 * Who may see a work and what they may do with it (issue 13): the one rule the story function
 * enforces and the detail page's buttons follow. Pure: the caller, the work and the facts around it
 * are arguments.
 */
import type { Role, StoryStatus } from '../../types/labels';

export interface StoryCaller {
  memberId: string;
  role: Role;
  branchId: string;
}

export interface StoryFacts {
  authorId: string;
  branchId: string;
  status: StoryStatus;
  selectionState: 'recommended' | 'selected' | null;
}

/** Statuses in which the author may still change the work. */
export const EDITABLE_STATUSES: readonly StoryStatus[] = ['draft', 'rejected', 'returned'];
/** Handed in and nobody has decided yet: the author may take it back. */
export const WITHDRAWABLE_STATUSES: readonly StoryStatus[] = ['checking', 'pending'];

function isAuthor(caller: StoryCaller, story: StoryFacts): boolean {
  return caller.memberId === story.authorId;
}

/** The branch's secretary or any org admin: the people a submitted work goes to. */
export function reviewsBranch(caller: StoryCaller, branchId: string): boolean {
  return caller.role === 'org_admin' || (caller.role === 'secretary' && caller.branchId === branchId);
}

/**
 * The author always; reviewers once it has passed content security (pending, returned, approved);
 * everyone else only once it is approved. A draft, a work in the media check and a refused one are
 * the author's alone.
 */
export function canSeeStory(caller: StoryCaller, story: StoryFacts): boolean {
  if (isAuthor(caller, story)) return true;
  if (story.status === 'approved') return true;
  return (story.status === 'pending' || story.status === 'returned') && reviewsBranch(caller, story.branchId);
}

export interface StoryPermissions {
  edit: boolean;
  submit: boolean;
  withdraw: boolean;
  review: boolean;
  recommend: boolean;
  select: boolean;
  rate: boolean;
}

/** `ratingOpen`: the work's campaign (if any) still takes 群众评议; `rated`: the caller already rated it. */
export function storyPermissions(caller: StoryCaller, story: StoryFacts, ratingOpen: boolean, rated: boolean): StoryPermissions {
  const author = isAuthor(caller, story);
  const approved = story.status === 'approved';
  return {
    edit: author && EDITABLE_STATUSES.includes(story.status),
    submit: author && EDITABLE_STATUSES.includes(story.status),
    withdraw: author && WITHDRAWABLE_STATUSES.includes(story.status),
    review: story.status === 'pending' && reviewsBranch(caller, story.branchId) && !author,
    recommend: approved && story.selectionState === null && reviewsBranch(caller, story.branchId),
    select: approved && story.selectionState !== null && caller.role === 'org_admin',
    rate: approved && !author && !rated && ratingOpen,
  };
}
