/**
 * Content security before anyone else sees a work: WeChat's text check on submit (locally the word
 * list of config/contentSecurity.json) and its asynchronous image check, whose verdict WeChat pushes
 * to the story function later (locally delivered by settlePushes). A refusal writes nothing and the
 * work stays its author's; a push is WeChat's alone to send, and only once does it change anything.
 */
import cloud from 'wx-server-sdk';
import { fetchList } from '../../server/kernel/db';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { startSeededGateway } from '../support/gatewayEnv';
import { loadSource } from '../../emulator/runner';
import { MEMBER, MEMBER_ID, reflection, SECRETARY, storedStory, text, uploadPhoto, writes } from './story.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

async function submitNew(draft = reflection()) {
  const { story } = await env.ok(MEMBER, 'story', 'save', { draft });
  return { id: story.id, ...(await env.call(MEMBER, 'story', 'submit', { id: story.id, version: story.version })) };
}

async function noticesFor(storyId: string) {
  return fetchList<{ kind: string; memberId: string; data: Record<string, string> }>(
    cloud.database().collection('notifications').where({ storyId }).limit(10),
  );
}

describe('文字内容安全（msgSecCheck v2）', () => {
  it('正文含辱骂的词 → CONTENT_REJECTED，说明原因，不写入；作品仍是作者一人可见的草稿', async () => {
    const { id, result, requests } = await submitNew(reflection({ body: `${text(100)}你这个王八蛋${text(20)}` }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', field: 'body', message: '正文含有不当内容（辱骂），请修改后再提交' },
    });
    expect(writes(requests)).toBe(0);
    expect(await storedStory(id)).toMatchObject({ status: 'draft', version: 0 });
    expect((await env.call(SECRETARY, 'story', 'detail', { id })).result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await env.ok(MEMBER, 'story', 'detail', { id })).story).toMatchObject({ status: 'draft', can: { edit: true, submit: true } });
  });

  it('标题不当 → 指明标题', async () => {
    const { result } = await submitNew(reflection({ title: '扫码免费领取纪念品' }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', field: 'title', message: '标题含有不当内容（广告），请修改后再提交' },
    });
  });

  it('空格和大小写藏不住词；“其他”类不写标签', async () => {
    const { result } = await submitNew(reflection({ body: `${text(80)}测 试 违 规 词` }));
    expect(result).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: '正文含有不当内容，请修改后再提交' } });
  });

  it('微信每次最多查 2500 字：3000 字的正文分段检查，词在最后、或恰好跨在两段之间，都查得出', async () => {
    for (const at of [2950, 2497]) {
      const body = `${text(at)}刷单返利${text(2996 - at)}`;
      const { result } = await submitNew({ kind: 'article', title: '理论文章', body });
      expect({ at, result }).toMatchObject({
        at,
        result: { ok: false, error: { code: 'CONTENT_REJECTED', message: '正文含有不当内容（欺诈），请修改后再提交' } },
      });
    }
  });

  it('微信拿不准（review）的照常交给支部：书记本来就要逐篇审核', async () => {
    const { result } = await submitNew(reflection({ body: `${text(80)}测试复核词` }));
    expect(result).toMatchObject({ ok: true, data: { story: { status: 'pending' } } });
  });

  it('改掉不当的词后可以提交', async () => {
    const { id } = await submitNew(reflection({ body: `${text(100)}王八蛋` }));
    const saved = await env.ok(MEMBER, 'story', 'save', { id, version: 0, draft: reflection({ body: text(100) }) });
    expect((await env.call(MEMBER, 'story', 'submit', { id, version: saved.story.version })).result).toMatchObject({
      ok: true,
      data: { story: { status: 'pending' } },
    });
  });
});

describe('图片内容安全（mediaCheckAsync v2，结果由微信推送）', () => {
  it('每张图片一个检测，作品等在 checking；全部通过 → 交给支部（pending）', async () => {
    const photos = [uploadPhoto(env, 'a'), uploadPhoto(env, 'b'), uploadPhoto(env, 'c')];
    const { id, result } = await submitNew(reflection({ imageFileIds: photos }));
    expect(result).toMatchObject({ ok: true, data: { story: { status: 'checking' } } });
    expect(env.pushes.pending()).toHaveLength(3);
    expect((await storedStory(id)).mediaChecks.map((check) => [check.fileId, check.state])).toEqual(
      photos.map((photo) => [photo, 'pending']),
    );

    // WeChat's three verdicts arrive at once; each is settled against the others in a transaction.
    expect(await env.settlePushes()).toBe(3);
    expect(await storedStory(id)).toMatchObject({
      status: 'pending',
      mediaChecks: [{ state: 'pass' }, { state: 'pass' }, { state: 'pass' }],
    });
  });

  it('有一张不当 → rejected，说明是第几张、什么原因；告诉作者；别人看不到，作者可以改了再提交', async () => {
    const photos = [uploadPhoto(env, 'a'), uploadPhoto(env, 'b', true), uploadPhoto(env, 'c')];
    const { id } = await submitNew(reflection({ imageFileIds: photos }));
    await env.settlePushes();
    const reason = '第 2 张图片含有不当内容（色情），请更换后再提交';
    expect(await storedStory(id)).toMatchObject({ status: 'rejected', rejection: reason });
    expect(await noticesFor(id)).toEqual([
      expect.objectContaining({
        kind: 'storyRejected',
        memberId: MEMBER_ID,
        data: expect.objectContaining({ note: expect.stringContaining('第 2 张图片') }),
      }),
    ]);
    expect((await env.call(SECRETARY, 'story', 'detail', { id })).result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const mine = await env.ok(MEMBER, 'story', 'detail', { id });
    expect(mine.story).toMatchObject({ status: 'rejected', rejection: reason, can: { edit: true, submit: true } });

    const replaced = await env.ok(MEMBER, 'story', 'save', {
      id,
      version: mine.story.version,
      draft: reflection({ imageFileIds: [photos[0] ?? '', uploadPhoto(env, 'd')] }),
    });
    expect(replaced.story.status).toBe('rejected');
    await env.ok(MEMBER, 'story', 'submit', { id, version: replaced.story.version });
    await env.settlePushes();
    expect(await storedStory(id)).toMatchObject({ status: 'pending', rejection: null });
  });

  it('同一推送再来一次，什么也不改（幂等）', async () => {
    const { id } = await submitNew(reflection({ imageFileIds: [uploadPhoto(env, 'a'), uploadPhoto(env, 'b')] }));
    const [first] = env.pushes.pending();
    await env.settlePushes();
    const settled = await storedStory(id);
    const again = await env.runner.invoke('story', first, { openid: undefined });
    expect(again.result).toEqual({ ok: true, data: { applied: false } });
    expect(writes(again.requests)).toBe(0);
    expect(await storedStory(id)).toEqual(settled);
  });

  it('推送到达前作者撤回了：检测结果找不到等待它的作品，什么也不改', async () => {
    const { id } = await submitNew(reflection({ imageFileIds: [uploadPhoto(env, 'a', true)] }));
    await env.ok(MEMBER, 'story', 'withdraw', { id });
    await env.settlePushes();
    expect(await storedStory(id)).toMatchObject({ status: 'draft', rejection: null, mediaChecks: [] });
    expect(await noticesFor(id)).toEqual([]);
  });

  it('不认识的 trace_id、看不懂的推送：什么也不改', async () => {
    const unknown = await env.runner.invoke(
      'story',
      { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'no-such-trace', result: { suggest: 'risky', label: 20002 } },
      { openid: undefined },
    );
    expect(unknown.result).toEqual({ ok: true, data: { applied: false } });
    const unreadable = await env.runner.invoke('story', { MsgType: 'event', Event: 'wxa_media_check' }, { openid: undefined });
    expect(unreadable.result).toEqual({ ok: true, data: { applied: false } });
    expect(writes([...unknown.requests, ...unreadable.requests])).toBe(0);
  });

  it('微信推送里的标签可能是字符串（"20002"），照样读出原因', async () => {
    const { id } = await submitNew(reflection({ imageFileIds: [uploadPhoto(env, 'a')] }));
    const traceId = (await storedStory(id)).mediaChecks[0]?.traceId;
    const pushed = await env.runner.invoke(
      'story',
      { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, result: { suggest: 'risky', label: '20002' } },
      { openid: undefined },
    );
    expect(pushed.result).toEqual({ ok: true, data: { applied: true } });
    expect((await storedStory(id)).rejection).toBe('第 1 张图片含有不当内容（色情），请更换后再提交');
  });

  it('图片已从云存储丢失 → INVALID_INPUT 指出第几张，不写入', async () => {
    const gone = 'cloud://local.hongtu-local/stories/demo-member/gone.jpg';
    const { result, requests } = await submitNew(reflection({ imageFileIds: [uploadPhoto(env, 'a'), gone] }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'imageFileIds.1', message: '第 2 张图片已丢失，请重新上传' },
    });
    expect(writes(requests)).toBe(0);
  });
});

describe('npm start 与网关：推送在调用答复后自行送达', () => {
  it('带照片的心得经网关提交，图片检测的结果随即送到，作品交给支部', async () => {
    const gateway = await startSeededGateway(loadSource);
    const call = async (action: string, input: unknown) => {
      const response = await fetch(`${gateway.baseUrl}/fn/story`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-openid': MEMBER },
        body: JSON.stringify({ action, input }),
      });
      return (await response.json()) as { ok: boolean; data: { story: { id: string; status: string; version: number } } };
    };
    try {
      const photo = gateway.files.put('stories/demo-member/visit.jpg', Buffer.from('photo of the memorial'), {
        side: 'client',
        openid: MEMBER,
      });
      const saved = await call('save', { draft: reflection({ imageFileIds: [photo] }) });
      const submittedWork = await call('submit', { id: saved.data.story.id, version: saved.data.story.version });
      expect(submittedWork.data.story.status).toBe('checking');
      await gateway.settlePushes();
      expect((await call('detail', { id: saved.data.story.id })).data.story.status).toBe('pending');
    } finally {
      await gateway.close();
    }
  });
});

describe('部署配置关闭内容安全（仅限内部试用）', () => {
  afterEach(() => {
    delete process.env.CONTENT_SECURITY;
  });

  it('CONTENT_SECURITY=off：不调用微信的检测，文字照常提交，带图的作品直接交给支部书记审核', async () => {
    process.env.CONTENT_SECURITY = 'off';
    const textCheck = jest.spyOn(cloud.openapi.security, 'msgSecCheck');
    const { result } = await submitNew(
      reflection({ body: `${text(100)}你这个王八蛋${text(20)}`, imageFileIds: [uploadPhoto(env, 'a', true)] }),
    );
    expect(result).toMatchObject({ ok: true, data: { story: { status: 'pending' } } });
    expect(textCheck).not.toHaveBeenCalled();
    expect(env.pushes.pending()).toHaveLength(0);
  });
});

describe('推送不是用户能发的', () => {
  /** What a member would send to get their work past the image check: the push's own shape and a trace id. */
  async function forgedPass() {
    const { id } = await submitNew(reflection({ imageFileIds: [uploadPhoto(env, 'a', true)] }));
    const traceId = (await storedStory(id)).mediaChecks[0]?.traceId;
    return {
      id,
      event: { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, result: { suggest: 'pass', label: 100 } },
    };
  }

  it('小程序里调用云函数（SOURCE wx_client）带着推送的样子 → FORBIDDEN，不写入', async () => {
    const { id, event } = await forgedPass();
    const forged = await env.runner.invoke('story', event, { openid: MEMBER });
    expect(forged.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(writes(forged.requests)).toBe(0);
    expect((await storedStory(id)).status).toBe('checking');
  });

  it('带 action 的调用永远是用户的操作，不会被当成推送', async () => {
    const { event } = await forgedPass();
    const { result } = await env.runner.invoke('story', { ...event, action: 'detail', input: {} }, { openid: MEMBER });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'id' } });
  });

  it('本地网关发不出推送：不带身份也是小程序的调用', async () => {
    const gateway = await startSeededGateway(loadSource);
    try {
      const response = await fetch(`${gateway.baseUrl}/fn/story`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ MsgType: 'event', Event: 'wxa_media_check', trace_id: 'any', result: { suggest: 'pass', label: 100 } }),
      });
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await gateway.close();
    }
  });
});

describe('数据库请求', () => {
  it('提交（有图片也好，没有也好）：3 次（≤ 5），检测本身是云调用，不算数据库请求', async () => {
    for (const imageFileIds of [[], [uploadPhoto(env, 'a'), uploadPhoto(env, 'b')]]) {
      const { requests } = await submitNew(reflection({ imageFileIds }));
      expect(requests.length).toBe(3);
      expect(requests.filter((request) => !request.indexed)).toEqual([]);
    }
  });
});
