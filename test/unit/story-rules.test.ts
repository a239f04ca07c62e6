/**
 * Each kind's limits (core/story/rules.ts) at their edges, the video's own limits, and who sees and
 * does what with a work in each status (core/story/access.ts): the rules the edit page shows and the
 * story function enforces.
 */
import { canSeeStory, storyPermissions, type StoryCaller, type StoryFacts } from '../../core/story/access';
import {
  draftProblems,
  formatDuration,
  KIND_RULES,
  MAX_VIDEO_BYTES,
  MAX_VIDEO_SECONDS,
  videoProblem,
  type DraftFacts,
} from '../../core/story/rules';
import { STORY_KINDS, STORY_STATUSES, type StoryKind } from '../../types/labels';

function chinese(count: number): string {
  return '红'.repeat(count);
}

/** A draft of `kind` that meets every rule of its kind. */
function complete(kind: StoryKind, overrides: Partial<DraftFacts> = {}): DraftFacts {
  const rule = KIND_RULES[kind];
  return {
    kind,
    title: '永州红色故事',
    body: chinese(Math.max(rule.minWords, 1)),
    imageCount: rule.minImages,
    video: rule.video === 'required' ? { seconds: 600, bytes: 50 * 1024 * 1024 } : null,
    hasActivity: false,
    hasBase: false,
    ...overrides,
  };
}

describe('每类作品的要求', () => {
  it.each(STORY_KINDS)('%s：满足要求的草稿没有问题', (kind) => {
    expect(draftProblems(complete(kind))).toEqual([]);
  });

  it.each(STORY_KINDS)('%s：字数上限处收、超一字不收，指明正文', (kind) => {
    const { maxWords } = KIND_RULES[kind];
    expect(draftProblems(complete(kind, { body: chinese(maxWords) }))).toEqual([]);
    expect(draftProblems(complete(kind, { body: chinese(maxWords + 1) }))).toEqual([
      { field: 'body', message: `正文 ${maxWords + 1} 字，超过 ${maxWords} 字` },
    ]);
  });

  it.each(STORY_KINDS.filter((kind) => KIND_RULES[kind].minWords > 0))('%s：字数下限处收、少一字不收', (kind) => {
    const { minWords } = KIND_RULES[kind];
    expect(draftProblems(complete(kind, { body: chinese(minWords) }))).toEqual([]);
    expect(draftProblems(complete(kind, { body: chinese(minWords - 1) }))).toEqual([
      { field: 'body', message: `正文 ${minWords - 1} 字，至少 ${minWords} 字` },
    ]);
  });

  it('理论文章：3000 字以内、必须有标题', () => {
    expect(KIND_RULES.article).toMatchObject({ maxWords: 3000, titleRequired: true, video: 'none' });
    expect(draftProblems(complete('article', { title: '  ' }))).toEqual([{ field: 'title', message: '请填写标题' }]);
  });

  it('心得体会不必有标题，可以关联活动或基地', () => {
    expect(draftProblems(complete('reflection', { title: '', hasActivity: true, hasBase: true }))).toEqual([]);
  });

  it('文艺作品至少一张图片；图片张数上限按类别', () => {
    expect(draftProblems(complete('artwork', { imageCount: 0 }))).toEqual([{ field: 'imageFileIds', message: '请至少上传 1 张图片' }]);
    expect(draftProblems(complete('lessonVideo', { imageCount: 4 }))).toEqual([{ field: 'imageFileIds', message: '最多 3 张图片' }]);
  });

  it('党课视频必须有视频；理论文章不附视频、不关联活动和基地', () => {
    expect(draftProblems(complete('lessonVideo', { video: null }))).toEqual([{ field: 'videoFileId', message: '请上传 MP4 视频' }]);
    expect(
      draftProblems(complete('article', { video: { seconds: 60, bytes: 1000 }, hasActivity: true, hasBase: true })).map(
        (problem) => problem.field,
      ),
    ).toEqual(['videoFileId', 'activityId', 'baseId']);
  });

  it('几处不足时按编辑页字段的顺序逐一列出', () => {
    const problems = draftProblems({
      kind: 'artwork',
      title: '',
      body: chinese(501),
      imageCount: 0,
      video: null,
      hasActivity: true,
      hasBase: false,
    });
    expect(problems.map((problem) => problem.field)).toEqual(['title', 'body', 'imageFileIds', 'activityId']);
  });
});

describe('视频的时长与大小', () => {
  it.each([
    [29 * 60 + 59, null],
    [MAX_VIDEO_SECONDS, null],
    [MAX_VIDEO_SECONDS + 1, '视频时长 30:01，超过 30 分钟，请剪辑后再上传'],
  ])('%i 秒 → %s', (seconds, problem) => {
    expect(videoProblem({ seconds, bytes: 1 })).toBe(problem);
  });

  it('大小正好 300 MB 可以，多 1 字节不行', () => {
    expect(videoProblem({ seconds: 60, bytes: MAX_VIDEO_BYTES })).toBeNull();
    expect(videoProblem({ seconds: 60, bytes: MAX_VIDEO_BYTES + 1 })).toBe('视频 301 MB，超过 300 MB');
  });

  it('提交时视频的问题指明视频字段', () => {
    expect(draftProblems(complete('lessonVideo', { video: { seconds: MAX_VIDEO_SECONDS + 1, bytes: 1 } }))).toEqual([
      { field: 'videoFileId', message: '视频时长 30:01，超过 30 分钟，请剪辑后再上传' },
    ]);
  });

  it.each([
    [0, '0:00'],
    [59, '0:59'],
    [1799, '29:59'],
    [1800, '30:00'],
    [3725.9, '62:05'],
  ])('%f 秒显示为 %s', (seconds, shown) => {
    expect(formatDuration(seconds)).toBe(shown);
  });
});

describe('谁能看到、能做什么', () => {
  const author: StoryCaller = { memberId: 'm-author', role: 'member', branchId: 'branch-1' };
  const sameBranchMember: StoryCaller = { memberId: 'm-other', role: 'member', branchId: 'branch-1' };
  const secretary: StoryCaller = { memberId: 'm-sec', role: 'secretary', branchId: 'branch-1' };
  const otherSecretary: StoryCaller = { memberId: 'm-sec-2', role: 'secretary', branchId: 'branch-2' };
  const admin: StoryCaller = { memberId: 'm-admin', role: 'org_admin', branchId: 'branch-4' };
  const callers = [author, sameBranchMember, secretary, otherSecretary, admin];

  function work(status: StoryFacts['status']): StoryFacts {
    return { authorId: 'm-author', branchId: 'branch-1', status, selectionState: null };
  }

  it.each<[StoryFacts['status'], boolean[]]>([
    ['draft', [true, false, false, false, false]],
    ['checking', [true, false, false, false, false]],
    ['rejected', [true, false, false, false, false]],
    ['pending', [true, false, true, false, true]],
    ['returned', [true, false, true, false, true]],
    ['approved', [true, true, true, true, true]],
  ])('%s：作者 / 同支部党员 / 本支部书记 / 外支部书记 / 组织部 → %j', (status, seen) => {
    expect(callers.map((caller) => canSeeStory(caller, work(status)))).toEqual(seen);
  });

  it('作者能改、能提交的只有草稿、被拒和被退回的作品；能撤回的只有检测中和待审核的', () => {
    const edit = STORY_STATUSES.filter((status) => storyPermissions(author, work(status), true, false).edit);
    const withdraw = STORY_STATUSES.filter((status) => storyPermissions(author, work(status), true, false).withdraw);
    expect(edit).toEqual(['draft', 'rejected', 'returned']);
    expect(withdraw).toEqual(['checking', 'pending']);
  });

  it('作者不能审核、评议自己的作品，别人在评议开放时评议一次', () => {
    expect(storyPermissions({ ...author, role: 'secretary' }, work('pending'), true, false).review).toBe(false);
    expect(storyPermissions(author, work('approved'), true, false).rate).toBe(false);
    expect(storyPermissions(sameBranchMember, work('approved'), true, false).rate).toBe(true);
    expect(storyPermissions(sameBranchMember, work('approved'), true, true).rate).toBe(false);
    expect(storyPermissions(sameBranchMember, work('approved'), false, false).rate).toBe(false);
  });
});
