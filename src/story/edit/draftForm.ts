import type { DraftFacts, DraftProblem } from '../../../core/story/rules';
import type { StoryDraftInput, StoryView } from '../../../types/contracts/story';
import { STORY_KINDS, type StoryKind } from '../../../types/labels';
import { errorSlot } from '../../services/fieldError';

/** What the writer types and picks; images and video are kept by their uploads (useUploads). */
export interface StoryText {
  kind: StoryKind;
  campaignId: string | null;
  title: string;
  body: string;
}

/** The activity or red base the work is about; the name is null until it has been looked up. */
export interface Tie {
  id: string;
  name: string | null;
}

export interface StoryForm extends StoryText {
  activity: Tie | null;
  base: Tie | null;
}

/** What `storyEditUrl` may carry for a new work. */
export interface NewStoryParams {
  kind?: string;
  campaignId?: string;
  activityId?: string;
  baseId?: string;
}

function isStoryKind(value: string | undefined): value is StoryKind {
  return (STORY_KINDS as readonly string[]).includes(value ?? '');
}

/** A new work as the link asks: a 心得 by default when it is about an activity or a base, else a red story. */
export function newStoryForm(params: NewStoryParams): StoryForm {
  const tied = Boolean(params.activityId || params.baseId);
  return {
    kind: isStoryKind(params.kind) ? params.kind : tied ? 'reflection' : 'story',
    campaignId: params.campaignId || null,
    title: '',
    body: '',
    activity: params.activityId ? { id: params.activityId, name: null } : null,
    base: params.baseId ? { id: params.baseId, name: null } : null,
  };
}

export function storyFormOf(story: StoryView): StoryForm {
  return {
    kind: story.kind,
    campaignId: story.campaignId,
    title: story.title,
    body: story.body,
    activity: story.activity ? { id: story.activity.id, name: story.activity.title } : null,
    base: story.base ? { id: story.base.id, name: story.base.name } : null,
  };
}

export function draftOf(form: StoryForm, imageFileIds: string[], videoFileId: string | null): StoryDraftInput {
  return {
    kind: form.kind,
    campaignId: form.campaignId,
    title: form.title.trim(),
    body: form.body,
    imageFileIds,
    videoFileId,
    activityId: form.activity?.id ?? null,
    baseId: form.base?.id ?? null,
  };
}

/** A new work nobody has written anything in yet is not worth a draft on the server. */
export function isBlank(draft: StoryDraftInput): boolean {
  return draft.title === '' && (draft.body ?? '').trim() === '' && (draft.imageFileIds ?? []).length === 0 && !draft.videoFileId;
}

/** The facts `draftProblems` judges; the video's length is the phone's reading until the server has probed it. */
export function draftFactsOf(form: StoryForm, imageCount: number, video: { seconds: number; bytes: number } | null): DraftFacts {
  return {
    kind: form.kind,
    title: form.title,
    body: form.body,
    imageCount,
    video,
    hasActivity: form.activity !== null,
    hasBase: form.base !== null,
  };
}

/** The form's fields as the server names them; any other field's problem shows above the buttons. */
const FORM_FIELDS = ['kind', 'campaignId', 'title', 'body', 'imageFileIds', 'videoFileId', 'activityId', 'baseId'] as const;

/** Field → message; `_form` (FORM_SLOT) for a problem of the whole work. */
export type FieldErrors = Partial<Record<string, string>>;

export function storyErrorSlot(field: string | undefined): string {
  return errorSlot(field ?? '', FORM_FIELDS);
}

export function errorsOf(problems: DraftProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) errors[problem.field] ??= problem.message;
  return errors;
}
