/**
 * story.save / submit / withdraw / mine / detail through the real function: drafts and autosave with
 * the version check, what a draft may name, every limit at its edge (3000 字, a video's duration and
 * size read from the file, a campaign's opening and deadline), the chain up to the secretary, who
 * sees a work in each status, and the DB requests each call makes. Content security and the image
 * check's push are in story-authoring-security.test.ts.
 */
import cloud from 'wx-server-sdk';
import { MAX_VIDEO_BYTES } from '../../core/story/rules';
import type { StoryStatus } from '../../types/labels';
import { signUpDoc } from './activity-manage.fixtures';
import { placeActivity } from './activity-signup.fixtures';
import { useServerClock } from '../support/clock';
import { OTHER_SECRETARY } from '../support/contractTables';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { minutes, mp4, quickTimeMovie } from '../support/mp4';
import {
  ADMIN,
  after,
  CAMPAIGN_ID,
  DAY,
  MEMBER,
  MEMBER_ID,
  placeReflectionCampaign,
  placeDraft,
  reflection,
  SECRETARY,
  storedStory,
  text,
  uploadPhoto,
  uploadVideo,
  writes,
} from './story.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

/** At most `budget` DB requests, every one served by a declared index or an `_id`. */
function expectWithin(requests: { indexed: boolean }[], budget: number): void {
  expect(requests.length).toBeLessThanOrEqual(budget);
  expect(requests.filter((request) => !request.indexed)).toEqual([]);
}

async function saveNew(draft = reflection()) {
  return (await env.ok(MEMBER, 'story', 'save', { draft })).story;
}

async function submitted(id: string, version: number) {
  return env.call(MEMBER, 'story', 'submit', { id, version });
}

describe('保存草稿', () => {
  it('新草稿：作者与支部名称由服务器写入，字数按读者的数法，版本从 0 开始；3 次数据库请求', async () => {
    const { result, requests } = await env.call(MEMBER, 'story', 'save', { draft: reflection({}, 120) });
    expect(result).toMatchObject({
      ok: true,
      data: {
        story: {
          status: 'draft',
          authorName: '林红',
          branchName: '第一党支部',
          authorId: MEMBER_ID,
          words: 120,
          version: 0,
          campaignTitle: null,
        },
      },
    });
    expect(result.ok && result.data.story.can).toMatchObject({ edit: true, submit: true, withdraw: false, rate: false });
    expect(requests.map((request) => request.collection)).toEqual(['members', 'orgs', 'stories']);
    expectWithin(requests, 5);
  });

  it('自动保存：只写正文也要带上版本号，版本每次加一；3 次数据库请求', async () => {
    const draft = await saveNew();
    const { result, requests } = await env.call(MEMBER, 'story', 'save', {
      id: draft.id,
      version: draft.version,
      draft: reflection({ body: text(200) }),
    });
    expect(result).toMatchObject({ ok: true, data: { story: { id: draft.id, version: 1, words: 200 } } });
    expectWithin(requests, 3);
    expect((await storedStory(draft.id)).version).toBe(1);
  });

  it('草稿可以没写完：理论文章只有一个字、没有标题也能保存（提交时才检查）', async () => {
    const { result } = await env.call(MEMBER, 'story', 'save', { draft: { kind: 'article', body: '初' } });
    expect(result).toMatchObject({ ok: true, data: { story: { kind: 'article', title: '', words: 1 } } });
  });

  it('超过 3000 字的文章也能保存，不丢作者的字；提交时指出正文超出', async () => {
    const draft = await saveNew({ kind: 'article', title: '论红色资源', body: text(3001) });
    expect(draft.words).toBe(3001);
    expect((await submitted(draft.id, draft.version)).result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'body', message: '正文 3001 字，超过 3000 字' },
    });
  });

  it('关联征集、活动与基地：写入活动名称、基地名称，回答带征集名称', async () => {
    placeReflectionCampaign(env, clock.now());
    placeActivity(env, clock.now(), { _id: 'act-visit', title: '参观陈树湘纪念馆' });
    const { result } = await env.call(MEMBER, 'story', 'save', {
      draft: reflection({ campaignId: CAMPAIGN_ID, activityId: 'act-visit', baseId: 'daoxian-chenshuxiang' }),
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        story: {
          campaignId: CAMPAIGN_ID,
          campaignTitle: '红色教育心得征集',
          activity: { id: 'act-visit', title: '参观陈树湘纪念馆' },
          base: { id: 'daoxian-chenshuxiang', name: expect.stringContaining('陈树湘') },
        },
      },
    });
  });

  it('数据库请求：新草稿同时新关联征集、活动和基地是唯一需要 6 次的情形；修改时未变的关联不再读取', async () => {
    placeReflectionCampaign(env, clock.now());
    placeActivity(env, clock.now(), { _id: 'act-visit' });
    const all = reflection({ campaignId: CAMPAIGN_ID, activityId: 'act-visit', baseId: 'daoxian-chenshuxiang' });
    const first = await env.call(MEMBER, 'story', 'save', { draft: all });
    expect(first.requests.map((request) => request.collection).sort()).toEqual([
      'activities',
      'bases',
      'campaigns',
      'members',
      'orgs',
      'stories',
    ]);
    expectWithin(first.requests, 6);
    const story = first.result.ok ? first.result.data.story : undefined;
    const again = await env.call(MEMBER, 'story', 'save', { id: story?.id, version: story?.version, draft: { ...all, body: text(300) } });
    expect(again.result.ok).toBe(true);
    expectWithin(again.requests, 3);
    const changed = await env.call(MEMBER, 'story', 'save', {
      id: story?.id,
      version: 1,
      draft: { ...all, activityId: null, baseId: 'shuangpai-hongjunquan' },
    });
    expect(changed.result.ok).toBe(true);
    expectWithin(changed.requests, 4);
  });

  it.each([
    ['不存在的征集', { campaignId: 'no-such-campaign' }, 'NOT_FOUND', 'draft.campaignId'],
    ['不存在的活动', { activityId: 'no-such-activity' }, 'NOT_FOUND', 'draft.activityId'],
    ['不存在的基地', { baseId: 'no-such-base' }, 'NOT_FOUND', 'draft.baseId'],
  ])('%s → %s，指明字段，不写入', async (_label, references, code, field) => {
    const { result, requests } = await env.call(MEMBER, 'story', 'save', { draft: reflection(references) });
    expect(result).toMatchObject({ ok: false, error: { code, field } });
    expect(writes(requests)).toBe(0);
  });

  it('征集不收这类作品 → INVALID_INPUT draft.campaignId，说明征集的名称', async () => {
    placeReflectionCampaign(env, clock.now(), { kinds: ['article'] });
    const { result } = await env.call(MEMBER, 'story', 'save', { draft: reflection({ campaignId: CAMPAIGN_ID }) });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'draft.campaignId', message: '「红色教育心得征集」不征集心得体会' },
    });
  });

  it('看不到的活动（别的支部的）不能关联；已在该活动报名的除外', async () => {
    placeActivity(env, clock.now(), { _id: 'act-other', branchId: 'branch-2', audience: ['branch-2'] });
    const refused = await env.call(MEMBER, 'story', 'save', { draft: reflection({ activityId: 'act-other' }) });
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'draft.activityId' } });
    env.store.insertMany('sign_ups', [
      { ...signUpDoc('act-other', { _id: MEMBER_ID, branchId: 'branch-1', name: '林红' }, 'signed', clock.now()) },
    ]);
    const allowed = await env.call(MEMBER, 'story', 'save', { draft: reflection({ activityId: 'act-other' }) });
    expect(allowed.result.ok).toBe(true);
  });
});

describe('版本号：两台设备不会互相覆盖', () => {
  it('用旧版本号保存 → CONFLICT“作品已在别处修改，请刷新”，不写入', async () => {
    const draft = await saveNew();
    await env.ok(MEMBER, 'story', 'save', { id: draft.id, version: 0, draft: reflection({ body: text(150) }) });
    const { result, requests } = await env.call(MEMBER, 'story', 'save', {
      id: draft.id,
      version: 0,
      draft: reflection({ body: text(160) }),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '作品已在别处修改，请刷新' } });
    expect(writes(requests)).toBe(0);
    expect((await storedStory(draft.id)).words).toBe(150);
  });

  it('两台设备同时以同一版本保存：恰好一个成功', async () => {
    const draft = await saveNew();
    const results = await Promise.all(
      [150, 160].map((words) => env.call(MEMBER, 'story', 'save', { id: draft.id, version: 0, draft: reflection({ body: text(words) }) })),
    );
    expect(results.map(({ result }) => result.ok || result.error.code).sort()).toEqual(['CONFLICT', true]);
    expect((await storedStory(draft.id)).version).toBe(1);
  });

  it('已有作品缺版本号 → INVALID_INPUT version', async () => {
    const draft = await saveNew();
    expect((await env.call(MEMBER, 'story', 'save', { id: draft.id, draft: reflection() })).result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'version' },
    });
  });

  it('提交用旧版本号 → CONFLICT，作品仍是草稿', async () => {
    const draft = await saveNew();
    await env.ok(MEMBER, 'story', 'save', { id: draft.id, version: 0, draft: reflection({ body: text(150) }) });
    expect((await submitted(draft.id, 0)).result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await storedStory(draft.id)).status).toBe('draft');
  });
});

describe('谁能改：只有作者，且只在可编辑的状态', () => {
  it('别人的草稿不存在（NOT_FOUND）；已发布的作品别人看得到但不能改（FORBIDDEN）', async () => {
    placeDraft(env, clock.now(), { _id: 'draft-1' });
    placeDraft(env, clock.now(), { _id: 'approved-1', status: 'approved', approvedAt: clock.now() });
    expect((await env.call(SECRETARY, 'story', 'save', { id: 'draft-1', version: 0, draft: reflection() })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await env.call(SECRETARY, 'story', 'save', { id: 'approved-1', version: 0, draft: reflection() })).result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it.each<[StoryStatus, string]>([
    ['pending', '作品待支部审核，撤回后才能修改'],
    ['checking', '作品安全检测中，撤回后才能修改'],
    ['approved', '作品已发布，不能再修改'],
  ])('%s 的作品不能保存：%s', async (status, message) => {
    placeDraft(env, clock.now(), { _id: 'work-1', status });
    expect((await env.call(MEMBER, 'story', 'save', { id: 'work-1', version: 0, draft: reflection() })).result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message },
    });
  });

  it.each<StoryStatus>(['rejected', 'returned'])('%s 的作品保存后仍是这个状态（还能再改再提交）', async (status) => {
    placeDraft(env, clock.now(), {
      _id: 'work-1',
      status,
      rejection: status === 'rejected' ? '第 1 张图片含有不当内容（色情），请更换后再提交' : null,
    });
    const saved = await env.ok(MEMBER, 'story', 'save', { id: 'work-1', version: 0, draft: reflection({ body: text(99) }) });
    expect(saved.story).toMatchObject({ status, words: 99, can: { edit: true, submit: true } });
  });
});

describe('党课视频：时长和大小由服务器从文件本身读出', () => {
  async function saveVideo(content: Buffer) {
    const videoFileId = uploadVideo(env, 'lesson', content);
    return env.call(MEMBER, 'story', 'save', { draft: { kind: 'lessonVideo', title: '新时代党课', videoFileId } });
  }

  it.each([
    ['29:59', minutes(29, 59)],
    ['30:00', minutes(30, 0)],
  ])('%s 可以保存并提交，回答里是读出的时长', async (_label, seconds) => {
    const { result } = await saveVideo(mp4({ seconds }));
    expect(result).toMatchObject({ ok: true, data: { story: { videoSeconds: seconds, video: { seconds } } } });
    const story = result.ok ? result.data.story : undefined;
    expect((await submitted(story?.id ?? '', 0)).result).toMatchObject({ ok: true, data: { story: { status: 'pending' } } });
  });

  it('30:01 → INVALID_INPUT draft.videoFileId，说出时长，不写入', async () => {
    const { result, requests } = await saveVideo(mp4({ seconds: minutes(30, 1) }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'draft.videoFileId', message: '视频时长 30:01，超过 30 分钟，请剪辑后再上传' },
    });
    expect(writes(requests)).toBe(0);
  });

  it('不足一秒的部分按播放器显示的取整：30:00.9 按 30:00 收下', async () => {
    expect((await saveVideo(mp4({ seconds: 1800.9, timescale: 600 }))).result).toMatchObject({
      ok: true,
      data: { story: { videoSeconds: 1800 } },
    });
  });

  it('moov 在文件开头、64 位长度、mvhd 版本 1 的 MP4 同样读得出', async () => {
    for (const layout of [{ moovFirst: true }, { largeMdat: true }, { mvhdVersion: 1 as const }]) {
      expect((await saveVideo(mp4({ seconds: minutes(12, 34), ...layout }))).result).toMatchObject({
        ok: true,
        data: { story: { videoSeconds: minutes(12, 34) } },
      });
    }
  });

  it('大小正好 300 MB 可以；多 1 字节 → INVALID_INPUT，说出大小', async () => {
    const atLimit = await saveVideo(mp4({ seconds: minutes(20, 0), totalBytes: MAX_VIDEO_BYTES }));
    expect(atLimit.result).toMatchObject({ ok: true, data: { story: { video: { bytes: MAX_VIDEO_BYTES } } } });
    const over = await saveVideo(mp4({ seconds: minutes(20, 0), totalBytes: MAX_VIDEO_BYTES + 1 }));
    expect(over.result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'draft.videoFileId', message: '视频 301 MB，超过 300 MB' },
    });
  });

  it.each([
    ['QuickTime（.mov）', quickTimeMovie(60)],
    ['不是视频的文件', Buffer.from('这不是视频')],
    ['空文件', Buffer.alloc(0)],
  ])('%s → INVALID_INPUT“无法读取视频，请上传 MP4 文件”', async (_label, content) => {
    expect((await saveVideo(content)).result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'draft.videoFileId', message: '无法读取视频，请上传 MP4 文件' },
    });
  });

  it('云存储里没有这个文件 → 同样无法读取', async () => {
    const { result } = await env.call(MEMBER, 'story', 'save', {
      draft: { kind: 'lessonVideo', title: '新时代党课', videoFileId: 'cloud://local.hongtu-local/stories/demo-member/gone.mp4' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'draft.videoFileId' } });
  });

  describe('读文件头而不下载文件', () => {
    let storageFetch = globalThis.fetch;
    let reads: { range: string | null; bytes: number }[] = [];

    /** Watches what the function fetches from storage; `ignoreRange` plays a server that answers every GET with the whole file. */
    function watchStorage(ignoreRange: boolean): void {
      reads = [];
      storageFetch = globalThis.fetch;
      globalThis.fetch = async (input, init) => {
        const range = new Headers(init?.headers).get('range');
        const response = await storageFetch(input, ignoreRange ? { ...init, headers: {} } : init);
        const body = await response.arrayBuffer();
        reads.push({ range, bytes: ignoreRange ? 0 : body.byteLength });
        return new Response(body, { status: response.status, headers: response.headers });
      };
    }

    afterEach(() => {
      globalThis.fetch = storageFetch;
    });

    it('手机录制的 50 MB 视频（moov 在最后）：两次 64 KB 的分段读取', async () => {
      const content = mp4({ seconds: minutes(25, 0), totalBytes: 50 * 1024 * 1024 });
      watchStorage(false);
      expect((await saveVideo(content)).result).toMatchObject({
        ok: true,
        data: { story: { video: { seconds: 1500, bytes: content.length } } },
      });
      // The movie header sits in the last 116 bytes: moov (8) holding a version-0 mvhd (8 + 100).
      const moovAt = content.length - 116;
      expect(reads.map((read) => read.range)).toEqual(['bytes=0-65535', `bytes=${moovAt}-${moovAt + 65535}`]);
      expect(Math.max(...reads.map((read) => read.bytes))).toBeLessThanOrEqual(64 * 1024);
    });

    it('存储不支持 Range（整文件返回 200）：照样读出时长与大小', async () => {
      const content = mp4({ seconds: minutes(10, 0), totalBytes: 2 * 1024 * 1024 });
      watchStorage(true);
      expect((await saveVideo(content)).result).toMatchObject({
        ok: true,
        data: { story: { video: { seconds: 600, bytes: content.length } } },
      });
    });
  });

  it('视频只在换了文件时重新读取；提交时按保存时读出的时长再查一遍', async () => {
    placeDraft(env, clock.now(), {
      _id: 'video-1',
      kind: 'lessonVideo',
      title: '党课',
      video: { fileId: 'cloud://local.hongtu-local/stories/demo-member/old.mp4', seconds: minutes(30, 1), bytes: 1000 },
    });
    expect((await submitted('video-1', 0)).result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'videoFileId', message: '视频时长 30:01，超过 30 分钟，请剪辑后再上传' },
    });
  });

  it('党课视频没有视频不能提交 → INVALID_INPUT videoFileId', async () => {
    const draft = await saveNew({ kind: 'lessonVideo', title: '党课' });
    expect((await submitted(draft.id, 0)).result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'videoFileId' } });
  });
});

describe('提交：字数的边界', () => {
  it.each([
    [2999, true],
    [3000, true],
    [3001, false],
  ])('理论文章 %i 字 → %s', async (words, accepted) => {
    const draft = await saveNew({ kind: 'article', title: '论永州红色资源的时代价值', body: text(words) });
    const { result } = await submitted(draft.id, 0);
    if (accepted) expect(result).toMatchObject({ ok: true, data: { story: { status: 'pending', words } } });
    else expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'body' } });
  });

  it('emoji、英文单词与空白按读者的数法：3000 字的文章里有 ZWJ 家庭和国旗也照收', async () => {
    const body = `${text(2991)}👨‍👩‍👧‍👦🇨🇳👍🏽 Long March 1️⃣ ，。！`;
    const draft = await saveNew({ kind: 'article', title: '长征精神', body });
    expect(draft.words).toBe(3000);
    expect((await submitted(draft.id, 0)).result).toMatchObject({ ok: true });
  });

  it('理论文章没有标题 → INVALID_INPUT title“请填写标题”', async () => {
    const draft = await saveNew({ kind: 'article', body: text(500) });
    expect((await submitted(draft.id, 0)).result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'title', message: '请填写标题' },
    });
  });
});

describe('提交：征集的开始与截止', () => {
  /** 6月26日 24:00 in Shanghai, as the programme's notice writes the deadline. */
  const CLOSES = new Date('2027-06-27T00:00:00+08:00');
  const OPENS = new Date('2027-06-01T09:00:00+08:00');

  async function submitAt(at: Date) {
    placeReflectionCampaign(env, clock.now(), { opensAt: OPENS, closesAt: CLOSES, ratingClosesAt: after(CLOSES, 14 * DAY) });
    const draft = await saveNew(reflection({ campaignId: CAMPAIGN_ID }));
    clock.set(at);
    return submitted(draft.id, 0);
  }

  it.each([
    ['截止前 1 毫秒', after(CLOSES, -1)],
    ['恰在截止时刻', CLOSES],
    ['恰在开始时刻', OPENS],
  ])('%s → 收下，交给支部审核', async (_label, at) => {
    expect((await submitAt(at)).result).toMatchObject({ ok: true, data: { story: { status: 'pending', submittedAt: at.toISOString() } } });
  });

  it('截止后 1 毫秒 → CLOSED“征集已于 6月26日 24:00 截止”，不写入', async () => {
    const { result, requests } = await submitAt(after(CLOSES, 1));
    expect(result).toMatchObject({ ok: false, error: { code: 'CLOSED', message: '征集已于 6月26日 24:00 截止' } });
    expect(writes(requests)).toBe(0);
  });

  it('开始前 1 毫秒 → CLOSED，说出开始时间', async () => {
    expect((await submitAt(after(OPENS, -1))).result).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: '征集将于 6月1日 09:00 开始，届时再提交' },
    });
  });

  it('不参加征集的作品没有截止时间', async () => {
    const draft = await saveNew();
    clock.set(after(START, 400 * DAY));
    expect((await submitted(draft.id, 0)).result).toMatchObject({ ok: true });
  });
});

describe('提交：交给支部', () => {
  it('没有图片：直接待支部审核，记下提交时间；3 次数据库请求', async () => {
    const draft = await saveNew();
    clock.advance(60_000);
    const { result, requests } = await submitted(draft.id, 0);
    expect(result).toMatchObject({
      ok: true,
      data: { story: { status: 'pending', version: 1, submittedAt: clock.now().toISOString(), can: { edit: false, withdraw: true } } },
    });
    expectWithin(requests, 5);
    expect(requests.length).toBe(3);
  });

  it('有图片：先等微信的图片检测（checking），检测通过后才交给支部（pending）', async () => {
    const draft = await saveNew(reflection({ imageFileIds: [uploadPhoto(env, 'a'), uploadPhoto(env, 'b')] }));
    expect((await submitted(draft.id, 0)).result).toMatchObject({ ok: true, data: { story: { status: 'checking' } } });
    expect((await env.call(SECRETARY, 'story', 'detail', { id: draft.id })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await env.settlePushes();
    expect(await storedStory(draft.id)).toMatchObject({ status: 'pending', mediaChecks: [{ state: 'pass' }, { state: 'pass' }] });
    expect((await env.call(SECRETARY, 'story', 'detail', { id: draft.id })).result).toMatchObject({ ok: true });
  });

  it('已提交的作品再提交 → CONFLICT', async () => {
    placeDraft(env, clock.now(), { _id: 'work-1', status: 'pending' });
    expect((await submitted('work-1', 0)).result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '作品待支部审核，不用再提交' },
    });
  });

  it('退回修改的作品改好后再提交，回到支部审核', async () => {
    placeDraft(env, clock.now(), {
      _id: 'work-1',
      status: 'returned',
      review: { decision: 'return', comment: '请补充参观的细节', reviewerId: 'm-demo-secretary', reviewerName: '赵志刚', at: clock.now() },
    });
    const saved = await env.ok(MEMBER, 'story', 'save', { id: 'work-1', version: 0, draft: reflection({ body: text(300) }) });
    expect((await submitted('work-1', saved.story.version)).result).toMatchObject({ ok: true, data: { story: { status: 'pending' } } });
  });
});

describe('撤回', () => {
  it.each<StoryStatus>(['pending', 'checking'])('%s → 回到草稿；3 次数据库请求', async (status) => {
    placeDraft(env, clock.now(), { _id: 'work-1', status, submittedAt: clock.now() });
    const { result, requests } = await env.call(MEMBER, 'story', 'withdraw', { id: 'work-1' });
    expect(result).toMatchObject({ ok: true, data: { story: { status: 'draft', submittedAt: null, version: 1, can: { edit: true } } } });
    expectWithin(requests, 3);
  });

  it.each<StoryStatus>(['approved', 'returned'])('%s 的作品 → CONFLICT“已审核的作品不能撤回”', async (status) => {
    placeDraft(env, clock.now(), { _id: 'work-1', status, approvedAt: status === 'approved' ? clock.now() : null });
    const { result, requests } = await env.call(MEMBER, 'story', 'withdraw', { id: 'work-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已审核的作品不能撤回' } });
    expect(writes(requests)).toBe(0);
  });

  it('草稿不用撤回 → CONFLICT', async () => {
    placeDraft(env, clock.now(), { _id: 'work-1' });
    expect((await env.call(MEMBER, 'story', 'withdraw', { id: 'work-1' })).result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '作品尚未提交，不用撤回' },
    });
  });

  it('书记审核通过的同时作者撤回：撤回落后时告诉作者作品已审核', async () => {
    placeDraft(env, clock.now(), { _id: 'work-1', status: 'pending' });
    const pause = env.scheduler.pauseBefore({ invocation: 'withdraw', action: 'database.modifyDocument' });
    const withdrawing = env.call({ openid: MEMBER, label: 'withdraw' }, 'story', 'withdraw', { id: 'work-1' });
    await pause.reached;
    await approveDirectly('work-1');
    pause.release();
    expect((await withdrawing).result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已审核的作品不能撤回' } });
    expect((await storedStory('work-1')).status).toBe('approved');
  });
});

/** The secretary's approval as the review step stores it (status, time, version), written straight to the store. */
async function approveDirectly(id: string): Promise<void> {
  const story = await storedStory(id);
  if (!story) throw new Error(`no work ${id}`);
  await cloud
    .database()
    .collection('stories')
    .where({ _id: id })
    .update({ data: { status: 'approved', approvedAt: clock.now(), version: story.version + 1 } });
}

describe('我的投稿', () => {
  it('只有自己的作品，最近修改的在前，可按状态筛选、分页；3 次数据库请求', async () => {
    placeReflectionCampaign(env, clock.now());
    for (const [index, status] of (['draft', 'pending', 'approved', 'draft'] as StoryStatus[]).entries()) {
      placeDraft(env, clock.now(), {
        _id: `mine-${index}`,
        status,
        campaignId: index === 1 ? CAMPAIGN_ID : null,
        updatedAt: after(START, index * 60_000),
      });
    }
    placeDraft(env, clock.now(), { _id: 'someone-else', authorId: 'm-seed-member-01', updatedAt: after(START, DAY) });

    const { result, requests } = await env.call(MEMBER, 'story', 'mine', { pageSize: 2 });
    expect(result).toMatchObject({ ok: true, data: { items: [{ id: 'mine-3' }, { id: 'mine-2' }], nextCursor: '2' } });
    expectWithin(requests, 3);
    const next = await env.ok(MEMBER, 'story', 'mine', { pageSize: 2, cursor: '2' });
    expect(next.items.slice(0, 2).map((item) => [item.id, item.campaignTitle])).toEqual([
      ['mine-1', '红色教育心得征集'],
      ['mine-0', null],
    ]);
    const drafts = await env.ok(MEMBER, 'story', 'mine', { statuses: ['draft'] });
    expect(drafts.items.filter((item) => item.id.startsWith('mine-')).map((item) => item.id)).toEqual(['mine-3', 'mine-0']);
    expect(drafts.items.every((item) => item.status === 'draft')).toBe(true);
    const moving = await env.ok(MEMBER, 'story', 'mine', { statuses: ['pending', 'approved'] });
    expect(moving.items.filter((item) => item.id.startsWith('mine-')).map((item) => item.id)).toEqual(['mine-2', 'mine-1']);
  });

  it('退回的作品带着书记的意见，未通过安全检测的带着原因；别人的列表里没有这些', async () => {
    const review = {
      decision: 'return' as const,
      comment: '请补充参观的具体感受',
      reviewerId: 'm-demo-secretary',
      reviewerName: '赵志刚',
      at: START,
    };
    placeDraft(env, clock.now(), { _id: 'mine-returned', status: 'returned', review });
    placeDraft(env, clock.now(), { _id: 'mine-rejected', status: 'rejected', rejection: '正文含有不当内容（辱骂），请修改后再提交' });
    const { items } = await env.ok(MEMBER, 'story', 'mine', { statuses: ['returned', 'rejected'] });
    expect(Object.fromEntries(items.map((item) => [item.id, item.statusNote]))).toMatchObject({
      'mine-returned': '请补充参观的具体感受',
      'mine-rejected': '正文含有不当内容（辱骂），请修改后再提交',
    });
    placeDraft(env, clock.now(), { _id: 'approved-with-note', status: 'approved', review: { ...review, decision: 'approve' } });
    const feed = await env.ok(SECRETARY, 'story', 'feed', {});
    expect(feed.items.every((item) => item.statusNote === undefined)).toBe(true);
  });
});

describe('作品详情：谁能看到', () => {
  /** 陌生人 / 党员（作者） / 本支部书记 / 外支部书记 / 组织部 / 本支部另一名党员. */
  const VIEWERS = ['demo-stranger', MEMBER, SECRETARY, OTHER_SECRETARY, ADMIN, 'seed-member-01'];

  it.each<[StoryStatus, (true | string)[]]>([
    ['draft', ['UNAUTHENTICATED', true, 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']],
    ['checking', ['UNAUTHENTICATED', true, 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']],
    ['rejected', ['UNAUTHENTICATED', true, 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']],
    ['pending', ['UNAUTHENTICATED', true, true, 'NOT_FOUND', true, 'NOT_FOUND']],
    ['returned', ['UNAUTHENTICATED', true, true, 'NOT_FOUND', true, 'NOT_FOUND']],
    ['approved', ['UNAUTHENTICATED', true, true, true, true, true]],
  ])('%s：%j', async (status, expected) => {
    placeDraft(env, clock.now(), { _id: 'work-1', status, approvedAt: status === 'approved' ? clock.now() : null });
    const outcomes = [];
    for (const viewer of VIEWERS) {
      const { result } = await env.call(viewer, 'story', 'detail', { id: 'work-1' });
      outcomes.push(result.ok || result.error.code);
    }
    expect(outcomes).toEqual(expected);
  });

  it('审核人看到待审核作品时可以审核，作者不能；安全检测的拒绝理由只给作者看', async () => {
    placeDraft(env, clock.now(), { _id: 'work-1', status: 'pending', rejection: '旧的理由' });
    expect((await env.ok(SECRETARY, 'story', 'detail', { id: 'work-1' })).story).toMatchObject({ can: { review: true }, rejection: null });
    expect((await env.ok(MEMBER, 'story', 'detail', { id: 'work-1' })).story).toMatchObject({
      can: { review: false },
      rejection: '旧的理由',
    });
  });

  it('别人已发布的作品：读出自己的评分，征集评议未截止时可以评议；3 次数据库请求（≤ 4）', async () => {
    placeReflectionCampaign(env, clock.now());
    placeDraft(env, clock.now(), { _id: 'work-1', status: 'approved', approvedAt: clock.now(), campaignId: CAMPAIGN_ID });
    const fresh = await env.call(SECRETARY, 'story', 'detail', { id: 'work-1' });
    expect(fresh.result).toMatchObject({
      ok: true,
      data: { story: { myRating: null, campaignTitle: '红色教育心得征集', can: { rate: true } } },
    });
    expectWithin(fresh.requests, 4);
    env.store.insertMany('story_ratings', [
      { _id: 'work-1_m-demo-secretary', storyId: 'work-1', memberId: 'm-demo-secretary', score: 4, createdAt: clock.now() },
    ]);
    expect((await env.ok(SECRETARY, 'story', 'detail', { id: 'work-1' })).story).toMatchObject({ myRating: 4, can: { rate: false } });
  });

  it('自己的作品：不读评分，2 次数据库请求', async () => {
    placeDraft(env, clock.now(), { _id: 'work-1', status: 'approved', approvedAt: clock.now() });
    const { result, requests } = await env.call(MEMBER, 'story', 'detail', { id: 'work-1' });
    expect(result).toMatchObject({ ok: true, data: { story: { myRating: null, can: { rate: false } } } });
    expect(requests.length).toBe(2);
  });

  it('不存在的作品 → NOT_FOUND', async () => {
    expect((await env.call(MEMBER, 'story', 'detail', { id: 'no-such-work' })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
