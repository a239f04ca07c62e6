/**
 * A member's works under the personal-information actions: 个人信息导出 includes them, 注销 takes
 * them (with their photos and videos, and the ratings others gave them) and leaves everyone else's.
 */
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { mp4 } from '../support/mp4';
import { MEMBER, MEMBER_ID, placeDraft, SECRETARY, stored, text, uploadPhoto, uploadVideo } from './story.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

function rating(storyId: string, memberId: string, score: number) {
  return { _id: `${storyId}_${memberId}`, storyId, memberId, score, createdAt: clock.now() };
}

describe('个人信息导出', () => {
  it('包含本人的全部作品：标题、类别、状态、时间、正文；不含图片检测的追踪号', async () => {
    placeDraft(env, clock.now(), {
      _id: 'mine-approved',
      kind: 'story',
      title: '红军泉的故事',
      status: 'approved',
      approvedAt: clock.now(),
    });
    placeDraft(env, clock.now(), {
      _id: 'mine-checking',
      status: 'checking',
      body: text(60),
      mediaChecks: [{ traceId: 'trace-secret', fileId: 'cloud://local.hongtu-local/a.jpg', state: 'pending' }],
    });
    placeDraft(env, clock.now(), { _id: 'someone-else', authorId: 'm-seed-member-01' });

    const exported = await env.ok(MEMBER, 'member', 'exportMine', {});
    const works = (exported.data.stories as Record<string, unknown>[]).filter((work) => String(work._id).startsWith('mine-'));
    expect(works).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          _id: 'mine-approved',
          kind: 'story',
          title: '红军泉的故事',
          status: 'approved',
          body: expect.any(String),
        }),
        expect.objectContaining({ _id: 'mine-checking', status: 'checking', body: text(60), createdAt: START }),
      ]),
    );
    expect((exported.data.stories as Record<string, unknown>[]).every((work) => work.authorId === MEMBER_ID)).toBe(true);
    expect(JSON.stringify(exported)).not.toContain('trace-secret');
  });
});

describe('注销', () => {
  it('删除本人的作品、作品的图片和视频、别人给这些作品的评分；本人给别人的评分与别人的作品不动', async () => {
    const photo = uploadPhoto(env, 'memorial');
    const video = uploadVideo(env, 'lesson', mp4({ seconds: 600 }));
    const othersPhoto = uploadPhoto(env, 'theirs', false, 'seed-member-01');
    placeDraft(env, clock.now(), { _id: 'mine-1', status: 'approved', approvedAt: clock.now(), imageFileIds: [photo] });
    placeDraft(env, clock.now(), {
      _id: 'mine-2',
      kind: 'lessonVideo',
      title: '党课',
      video: { fileId: video, seconds: 600, bytes: 1000 },
    });
    placeDraft(env, clock.now(), {
      _id: 'theirs',
      authorId: 'm-seed-member-01',
      status: 'approved',
      approvedAt: clock.now(),
      imageFileIds: [othersPhoto],
    });
    env.store.insertMany('story_ratings', [rating('mine-1', 'm-demo-secretary', 5), rating('theirs', MEMBER_ID, 4)]);

    await env.ok(MEMBER, 'member', 'deleteMine', { confirm: '注销' });

    expect(await stored('stories', { authorId: MEMBER_ID })).toEqual([]);
    expect(env.files.get(photo)).toBeUndefined();
    expect(env.files.get(video)).toBeUndefined();
    expect(await stored('story_ratings', { storyId: 'mine-1' })).toEqual([]);
    expect(await stored('story_ratings', { storyId: 'theirs' })).toEqual([expect.objectContaining({ memberId: MEMBER_ID, score: 4 })]);
    expect(await stored('stories', { _id: 'theirs' })).toHaveLength(1);
    expect(env.files.get(othersPhoto)).toBeDefined();
    expect((await env.call(SECRETARY, 'story', 'detail', { id: 'mine-1' })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('作品的文件已不在云存储（上次注销中途停下）也照样删完', async () => {
    placeDraft(env, clock.now(), { _id: 'mine-1', imageFileIds: ['cloud://local.hongtu-local/stories/demo-member/gone.jpg'] });
    await env.ok(MEMBER, 'member', 'deleteMine', { confirm: '注销' });
    expect(await stored('stories', { authorId: MEMBER_ID })).toEqual([]);
  });
});
