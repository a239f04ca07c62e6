/**
 * The authoring actions' rows of the story function's contract tables (test/support/contractTables.ts),
 * for story-contract.test.ts to run with the review chain's rows: who may call save, submit,
 * withdraw, mine and detail (the exact outcome per kind of caller), and how each refuses malformed
 * input (INVALID_INPUT naming the field, nothing written). Works are demo-member's, in 第一党支部.
 */
import { ANY_MEMBER, INJECTION, OWNER_ONLY, SCRIPT, type BadInputCase, type Outcome, type PermissionCase } from '../support/contractTables';
import type { TestEnv } from '../support/localEnv';
import { placeDraft } from './story.fixtures';

const WORK_ID = 'work-contract';
const LONG_ID = 'a'.repeat(65);
const CLOUD_PHOTO = 'cloud://local.hongtu-local/stories/demo-member/photo.jpg';

/** The author reaches it; their branch's secretary and org admins see it but it is not theirs to change; another branch's secretary does not see it. */
const AUTHOR_ACTS_REVIEWERS_SEE: Outcome[] = ['UNAUTHENTICATED', true, 'FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN'];
/** A work waiting for review: its author and its branch's reviewers see it. */
const AUTHOR_AND_REVIEWERS: Outcome[] = ['UNAUTHENTICATED', true, true, 'NOT_FOUND', true];

async function draftWork(env: TestEnv): Promise<void> {
  placeDraft(env, new Date(), { _id: WORK_ID });
}

async function pendingWork(env: TestEnv): Promise<void> {
  placeDraft(env, new Date(), { _id: WORK_ID, status: 'pending', submittedAt: new Date() });
}

export const AUTHORING_PERMISSION_CASES: PermissionCase[] = [
  ['save', async () => ({ draft: { kind: 'reflection', body: '参观陈树湘纪念馆，感受很深。' } }), ANY_MEMBER],
  [
    'submit',
    async (env) => {
      await draftWork(env);
      return { id: WORK_ID, version: 0 };
    },
    OWNER_ONLY,
  ],
  [
    'withdraw',
    async (env) => {
      await pendingWork(env);
      return { id: WORK_ID };
    },
    AUTHOR_ACTS_REVIEWERS_SEE,
  ],
  ['mine', async () => ({}), ANY_MEMBER],
  [
    'detail',
    async (env) => {
      await pendingWork(env);
      return { id: WORK_ID };
    },
    AUTHOR_AND_REVIEWERS,
  ],
];

export const AUTHORING_BAD_INPUT: Record<'save' | 'submit' | 'withdraw' | 'mine' | 'detail', { caller: string; cases: BadInputCase[] }> = {
  save: {
    caller: 'demo-member',
    cases: [
      ['缺少草稿', {}, 'draft'],
      ['未知类型', { draft: { kind: 'poem' } }, 'draft.kind'],
      ['标题过长', { draft: { kind: 'story', title: '长'.repeat(41) } }, 'draft.title'],
      ['正文超出原始长度上限', { draft: { kind: 'article', body: '字'.repeat(20_001) } }, 'draft.body'],
      [
        '图片过多',
        { draft: { kind: 'artwork', imageFileIds: Array.from({ length: 10 }, (_, i) => `${CLOUD_PHOTO}${i}`) } },
        'draft.imageFileIds',
      ],
      ['图片不是云文件', { draft: { kind: 'artwork', imageFileIds: ['https://evil.example/a.jpg'] } }, 'draft.imageFileIds.0'],
      ['视频不是云文件', { draft: { kind: 'lessonVideo', videoFileId: 'file:///etc/passwd' } }, 'draft.videoFileId'],
      ['手机报的视频时长', { draft: { kind: 'lessonVideo', videoSeconds: 60 } }, 'draft.videoSeconds'],
      ['征集 id 注入', { draft: { kind: 'story', campaignId: INJECTION } }, 'draft.campaignId'],
      ['活动 id 脚本', { draft: { kind: 'reflection', activityId: SCRIPT } }, 'draft.activityId'],
      ['基地 id 过长', { draft: { kind: 'story', baseId: LONG_ID } }, 'draft.baseId'],
      ['自带作者', { draft: { kind: 'story', authorId: 'm-demo-admin' } }, 'draft.authorId'],
      ['自带状态', { draft: { kind: 'story' }, status: 'approved' }, 'status'],
      ['版本为负', { id: WORK_ID, version: -1, draft: { kind: 'story' } }, 'version'],
      ['id 注入', { id: INJECTION, draft: { kind: 'story' } }, 'id'],
    ],
  },
  submit: {
    caller: 'demo-member',
    cases: [
      ['缺少 id', { version: 0 }, 'id'],
      ['缺少版本', { id: WORK_ID }, 'version'],
      ['版本不是整数', { id: WORK_ID, version: 1.5 }, 'version'],
      ['id 注入', { id: INJECTION, version: 0 }, 'id'],
      ['自带状态', { id: WORK_ID, version: 0, status: 'pending' }, 'status'],
    ],
  },
  withdraw: {
    caller: 'demo-member',
    cases: [
      ['缺少', {}, 'id'],
      ['注入', { id: INJECTION }, 'id'],
      ['脚本', { id: SCRIPT }, 'id'],
      ['多余字段', { id: WORK_ID, reason: '不想投了' }, 'reason'],
    ],
  },
  mine: {
    caller: 'demo-member',
    cases: [
      ['未知状态', { statuses: ['deleted'] }, 'statuses.0'],
      ['空的状态列表', { statuses: [] }, 'statuses'],
      ['每页过多', { pageSize: 51 }, 'pageSize'],
      ['游标非数字', { cursor: SCRIPT }, 'cursor'],
      ['查看他人', { authorId: 'm-seed-member-01' }, 'authorId'],
    ],
  },
  detail: {
    caller: 'demo-member',
    cases: [
      ['缺少', {}, 'id'],
      ['过长', { id: LONG_ID }, 'id'],
      ['类型错误', { id: 42 }, 'id'],
      ['注入', { id: INJECTION }, 'id'],
    ],
  },
};
