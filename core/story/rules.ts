/**
 * Each kind of 投稿 and what it must hold to be submitted (issue 13), in one place for the edit page
 * (live 字数 and hints) and the story function (the authority). Pure: no clock, no storage; the
 * video's duration and size come from the server's own reading of the file (server/mediaProbe.ts).
 */
import { MAX_STORY_IMAGES, MAX_STORY_TITLE } from '../../types/storyLimits';
import type { StoryKind } from '../../types/labels';
import { countWords } from './wordCount';

/** The programme documents: a lesson video is MP4, ideally ≤ 20 min, at most 30 min. */
export const MAX_VIDEO_SECONDS = 30 * 60;
export const RECOMMENDED_VIDEO_SECONDS = 20 * 60;
/** 30 minutes of 720p at the bit rate WeChat's own compression gives stays well under this. */
export const MAX_VIDEO_BYTES = 300 * 1024 * 1024;
/** A phone photo after WeChat's compression is well under this; WeChat's image check takes ≤ 10 MB. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export interface KindRule {
  titleRequired: boolean;
  /** 字数 of the body, as counted by countWords. */
  minWords: number;
  maxWords: number;
  minImages: number;
  maxImages: number;
  video: 'required' | 'optional' | 'none';
  /** What the work may be tied to. */
  activity: boolean;
  base: boolean;
  /** One line for the edit page. */
  hint: string;
}

export const KIND_RULES: Record<StoryKind, KindRule> = {
  story: {
    titleRequired: true,
    minWords: 50,
    maxWords: 3000,
    minImages: 0,
    maxImages: MAX_STORY_IMAGES,
    video: 'optional',
    activity: false,
    base: true,
    hint: '讲述一个红色故事，可附照片或宣讲视频，可关联红色教育基地',
  },
  reflection: {
    titleRequired: false,
    minWords: 50,
    maxWords: 3000,
    minImages: 0,
    maxImages: MAX_STORY_IMAGES,
    video: 'none',
    activity: true,
    base: true,
    hint: '写下参加活动或参观基地的心得体会',
  },
  article: {
    titleRequired: true,
    minWords: 300,
    maxWords: 3000,
    minImages: 0,
    maxImages: MAX_STORY_IMAGES,
    video: 'none',
    activity: false,
    base: false,
    hint: '自拟题目，围绕本地红色资源，不超过 3000 字',
  },
  lessonVideo: {
    titleRequired: true,
    minWords: 0,
    maxWords: 3000,
    minImages: 0,
    maxImages: 3,
    video: 'required',
    activity: true,
    base: false,
    hint: 'MP4 格式，时长不超过 30 分钟（建议 20 分钟以内），可附教案简介',
  },
  artwork: {
    titleRequired: true,
    minWords: 0,
    maxWords: 500,
    minImages: 1,
    maxImages: MAX_STORY_IMAGES,
    video: 'optional',
    activity: false,
    base: true,
    hint: '书法、绘画、摄影、诗歌等作品，请上传作品照片',
  },
};

export interface DraftFacts {
  kind: StoryKind;
  title: string;
  body: string;
  imageCount: number;
  /** The server's reading of the attached video, or null without one. */
  video: { seconds: number; bytes: number } | null;
  hasActivity: boolean;
  hasBase: boolean;
}

/** A saved work's fields, as stored (server/documents.ts StoryDoc) and as the seed writes them. */
export interface SavedWork {
  kind: StoryKind;
  title: string;
  body: string;
  imageFileIds: readonly string[];
  video: { seconds: number; bytes: number } | null;
  activityId: string | null;
  baseId: string | null;
}

/** What a saved work holds, as its kind's rules read it. */
export function savedWorkFacts(work: SavedWork): DraftFacts {
  return {
    kind: work.kind,
    title: work.title,
    body: work.body,
    imageCount: work.imageFileIds.length,
    video: work.video,
    hasActivity: work.activityId !== null,
    hasBase: work.baseId !== null,
  };
}

export interface DraftProblem {
  field: 'title' | 'body' | 'imageFileIds' | 'videoFileId' | 'activityId' | 'baseId';
  message: string;
}

export function formatDuration(seconds: number): string {
  const whole = Math.floor(seconds);
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/** A video's own limits: MP4 duration and size. Checked when it is attached and again on submit. */
export function videoProblem(video: { seconds: number; bytes: number }): string | null {
  if (video.seconds > MAX_VIDEO_SECONDS) return `视频时长 ${formatDuration(video.seconds)}，超过 30 分钟，请剪辑后再上传`;
  if (video.bytes > MAX_VIDEO_BYTES) return `视频 ${Math.ceil(video.bytes / 1024 / 1024)} MB，超过 ${MAX_VIDEO_BYTES / 1024 / 1024} MB`;
  return null;
}

/**
 * What stands between a draft and submitting it, in the order the edit page shows its fields; empty
 * when it may be submitted. The title's length is the contract's too (types/storyLimits.ts).
 */
export function draftProblems(draft: DraftFacts): DraftProblem[] {
  const rule = KIND_RULES[draft.kind];
  const problems: DraftProblem[] = [];
  if (rule.titleRequired && draft.title.trim() === '') problems.push({ field: 'title', message: '请填写标题' });
  if (draft.title.trim().length > MAX_STORY_TITLE) problems.push({ field: 'title', message: `标题最多 ${MAX_STORY_TITLE} 字` });
  const words = countWords(draft.body);
  if (words > rule.maxWords) problems.push({ field: 'body', message: `正文 ${words} 字，超过 ${rule.maxWords} 字` });
  else if (words < rule.minWords) problems.push({ field: 'body', message: `正文 ${words} 字，至少 ${rule.minWords} 字` });
  if (draft.imageCount < rule.minImages) problems.push({ field: 'imageFileIds', message: `请至少上传 ${rule.minImages} 张图片` });
  if (draft.imageCount > rule.maxImages) problems.push({ field: 'imageFileIds', message: `最多 ${rule.maxImages} 张图片` });
  if (rule.video === 'required' && !draft.video) problems.push({ field: 'videoFileId', message: '请上传 MP4 视频' });
  if (rule.video === 'none' && draft.video) problems.push({ field: 'videoFileId', message: '这类作品不附视频' });
  const videoIssue = draft.video ? videoProblem(draft.video) : null;
  if (videoIssue) problems.push({ field: 'videoFileId', message: videoIssue });
  if (!rule.activity && draft.hasActivity) problems.push({ field: 'activityId', message: '这类作品不关联活动' });
  if (!rule.base && draft.hasBase) problems.push({ field: 'baseId', message: '这类作品不关联基地' });
  return problems;
}
