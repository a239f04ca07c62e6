import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { resetTaroStub, router, storage } from '../../components/__test__/taroStub';
import { campaign, draft, inputsOf, textOfWords } from './storyFixtures';
import { fieldError, serveStory, typeInto } from './editHarness';

const pageScrollTo = jest.fn();
jest.mock('@tarojs/taro', () => {
  const stub = require('../../components/__test__/taroStub');
  return {
    ...stub.taroModule,
    default: { ...stub.default, pageScrollTo: (...args: unknown[]) => pageScrollTo(...args) },
    useDidHide: () => undefined,
  };
});
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../authoring.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import StoryEditPage from '../edit/index';

/** A 心得 ready to hand in: 120 字, in the open campaign. */
const ready = draft({ kind: 'reflection', body: textOfWords(120), campaignId: campaign().id, version: 7 });

function openDraft(story = ready) {
  router.params = { id: story.id };
  return { detail: () => ({ ok: true, data: { story } }) };
}

async function editorReady() {
  await screen.findByRole('radio', { name: '不参加征集' });
}

const submitButton = () => screen.getByRole('button', { name: /提交$/ });

/** `ready` handed in as it is: 待支部审核. */
const SUBMITTED = { ok: true, data: { story: { ...ready, status: 'pending', version: 8 } } };

/** Opens `ready`, whose `story.submit` answers `reply`, and taps 提交 without changing anything. */
async function submitReady(reply: unknown): Promise<void> {
  serveStory(callFunction, { ...openDraft(), submit: () => reply });
  render(<StoryEditPage />);
  await editorReady();
  fireEvent.click(submitButton());
}

beforeEach(() => {
  pageScrollTo.mockReset();
  // Autosave's 2-second wait never fires unless a test moves the clock.
  jest.useFakeTimers();
  resetTaroStub();
  callFunction.mockReset();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('提交前的检查', () => {
  it('手机上查出的问题一次全部列出并标在各栏下，不保存也不提交', async () => {
    serveStory(callFunction, { save: () => ({ ok: true, data: { story: draft() } }) });
    router.params = { kind: 'article' };
    const { container } = render(<StoryEditPage />);
    await editorReady();
    typeInto(container, 'body', textOfWords(10));
    fireEvent.click(submitButton());

    expect(fieldError('标题')).toBe('请填写标题');
    expect(fieldError('正文')).toBe('正文 10 字，至少 300 字');
    expect(screen.getByText('提交前请先处理：')).toBeTruthy();
    expect(screen.getByText('· 请填写标题')).toBeTruthy();
    expect(screen.getByText('· 正文 10 字，至少 300 字')).toBeTruthy();
    expect(inputsOf(callFunction, 'submit')).toHaveLength(0);
    expect(inputsOf(callFunction, 'save')).toHaveLength(0);

    typeInto(container, 'title', '论红色资源的当代价值');
    expect(fieldError('标题')).toBeNull();
    expect(screen.queryByText('提交前请先处理：')).toBeNull();
  });

  it('文艺作品没有图片时提示至少上传 1 张', async () => {
    serveStory(callFunction, openDraft(draft({ kind: 'artwork', title: '书法《沁园春·雪》' })));
    render(<StoryEditPage />);
    await editorReady();
    fireEvent.click(submitButton());
    expect(fieldError('作品图片')).toBe('请至少上传 1 张图片');
    expect(inputsOf(callFunction, 'submit')).toHaveLength(0);
  });
});

describe('提交', () => {
  it('没有未保存的修改时直接按当前版本提交；进入待审核后显示“已提交，等待支部审核”和去向', async () => {
    await submitReady(SUBMITTED);

    expect(await screen.findByText('已提交，等待支部审核')).toBeTruthy();
    expect(inputsOf(callFunction, 'save')).toHaveLength(0);
    expect(inputsOf(callFunction, 'submit')).toEqual([{ id: 'story-1', version: 7 }]);
    fireEvent.click(screen.getByRole('button', { name: '我的投稿' }));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/story/mine/index' });
    fireEvent.click(screen.getByRole('button', { name: '查看作品' }));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/story/detail/index?id=story-1' });
  });

  it('有修改时先保存再用保存后的版本提交；带图片的进入安全检测并如实说明', async () => {
    serveStory(callFunction, {
      ...openDraft(),
      save: (input) => ({ ok: true, data: { story: { ...ready, body: (input.draft as { body: string }).body, version: 8 } } }),
      submit: () => ({ ok: true, data: { story: { ...ready, status: 'checking', version: 9 } } }),
    });
    const { container } = render(<StoryEditPage />);
    await editorReady();
    typeInto(container, 'body', textOfWords(130));
    fireEvent.click(submitButton());

    expect(await screen.findByText('图片安全检测中，通过后将交支部审核')).toBeTruthy();
    expect(inputsOf(callFunction, 'save')).toHaveLength(1);
    expect(inputsOf(callFunction, 'submit')).toEqual([{ id: 'story-1', version: 8 }]);
    expect(storage.has('story-draft:story-1')).toBe(false);
  });

  it('内容安全检测不通过（CONTENT_REJECTED）时醒目显示服务器给的原因，编辑器保留', async () => {
    await submitReady({ ok: false, error: { code: 'CONTENT_REJECTED', message: '正文含有不当内容（辱骂），请修改后再提交' } });

    const alert = await screen.findByText('正文含有不当内容（辱骂），请修改后再提交');
    expect(alert.closest('[role="alert"]')?.textContent).toContain('内容未通过安全检测');
    expect(screen.getByText('正文')).toBeTruthy();
    expect(submitButton()).toBeTruthy();
    expect(pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ scrollTop: 0 }));
  });

  it('征集已截止（CLOSED）时显示截止时间的说明，并标在征集一栏', async () => {
    await submitReady({ ok: false, error: { code: 'CLOSED', message: '征集已于 6月26日 24:00 截止' } });

    await waitFor(() => expect(fieldError('参加征集')).toBe('征集已于 6月26日 24:00 截止'));
    expect(screen.getByText('征集已截止')).toBeTruthy();
  });

  it('提交时发现作品在别处改过（CONFLICT）则提示重新载入', async () => {
    await submitReady({ ok: false, error: { code: 'CONFLICT', message: '作品已在别处修改，请刷新' } });
    expect(await screen.findByText('作品已在其他设备修改')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重新载入' })).toBeTruthy();
  });

  it('保存时服务器指出的字段问题（draft.videoFileId）标在视频一栏下', async () => {
    serveStory(callFunction, {
      ...openDraft(draft({ kind: 'lessonVideo', title: '党课', version: 7 })),
      save: () => ({ ok: false, error: { code: 'INVALID_INPUT', message: '无法读取视频，请上传 MP4 文件', field: 'draft.videoFileId' } }),
    });
    const { container } = render(<StoryEditPage />);
    await editorReady();
    typeInto(container, 'title', '党课：不忘初心');
    act(() => jest.advanceTimersByTime(2000));
    await waitFor(() => expect(fieldError('视频')).toBe('无法读取视频，请上传 MP4 文件'));
    expect(screen.getByText('未保存：请先修改标红的内容')).toBeTruthy();
  });

  it('提交时服务器指出的字段问题（body）标在正文下', async () => {
    await submitReady({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '填写的内容有误，请检查后再试：正文 3001 字，超过 3000 字', field: 'body' },
    });
    await waitFor(() => expect(fieldError('正文')).toBe('正文 3001 字，超过 3000 字'));
  });
});

describe('审核结果的订阅消息', () => {
  const originalEnv = process.env;
  afterEach(() => {
    process.env = originalEnv;
  });

  it('小程序里点提交时就在这一下点击中申请审核结果的订阅消息，不论是否同意都照常提交', async () => {
    process.env = { ...originalEnv, TARO_ENV: 'weapp', TARO_APP_STORY_REVIEW_TEMPLATE_ID: 'tmpl-story-review' };
    await submitReady(SUBMITTED);
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-story-review'] });
    expect(await screen.findByText('已提交，等待支部审核')).toBeTruthy();
  });

  it('没有配置模板时不弹订阅，直接提交', async () => {
    process.env = { ...originalEnv, TARO_ENV: 'weapp', TARO_APP_STORY_REVIEW_TEMPLATE_ID: '' };
    await submitReady(SUBMITTED);
    expect(await screen.findByText('已提交，等待支部审核')).toBeTruthy();
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });
});

describe('不能修改的作品', () => {
  it('待审核的作品说明原因（先撤回），给出作品页的入口', async () => {
    serveStory(callFunction, openDraft(draft({ status: 'pending', can: { ...ready.can, edit: false, withdraw: true } })));
    render(<StoryEditPage />);
    expect(await screen.findByText('作品待支部审核，不能修改')).toBeTruthy();
    expect(screen.getByText('如需修改，请先在作品页撤回，撤回后回到草稿')).toBeTruthy();
    expect(screen.queryByText('正文')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '查看作品' }));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/story/detail/index?id=story-1' });
  });

  it('被退回的作品在编辑器上方显示书记的退回意见', async () => {
    serveStory(
      callFunction,
      openDraft(
        draft({
          status: 'returned',
          review: { decision: 'return', comment: '请补充参观的具体感受', reviewerName: '李书记', at: '2026-06-21T02:00:00.000Z' },
        }),
      ),
    );
    render(<StoryEditPage />);
    await editorReady();
    expect(screen.getByText('支部退回修改')).toBeTruthy();
    expect(screen.getByText('李书记：请补充参观的具体感受')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重新提交' })).toBeTruthy();
  });
});

describe('关于活动或基地', () => {
  it('从活动打开的新心得显示“关于：活动名称”，移除后保存时不再关联', async () => {
    router.params = { activityId: 'activity-9' };
    serveStory(callFunction, {
      'activity.detail': () => ({ ok: true, data: { activity: { id: 'activity-9', title: '重温入党誓词主题党日' }, mine: null } }),
      save: (input) => ({ ok: true, data: { story: draft({ body: (input.draft as { body: string }).body }) } }),
    });
    const { container } = render(<StoryEditPage />);
    await editorReady();
    expect(await screen.findByText('重温入党誓词主题党日')).toBeTruthy();
    expect(screen.getByText('关于：')).toBeTruthy();
    expect(screen.getByRole('radio', { name: '心得体会' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '移除' }));
    expect(screen.queryByText('关于：')).toBeNull();

    typeInto(container, 'body', '主题党日上重温入党誓词');
    act(() => jest.advanceTimersByTime(2000));
    await waitFor(() => expect(inputsOf(callFunction, 'save')).toHaveLength(1));
    expect(inputsOf(callFunction, 'save')[0]).toMatchObject({ draft: { activityId: null, baseId: null } });
  });

  it('不征集新类型的征集在换类型时改为不参加征集', async () => {
    serveStory(callFunction, {
      ...openDraft(),
      campaigns: () => ({ ok: true, data: { items: [campaign({ kinds: ['reflection'] })], nextCursor: null } }),
    });
    render(<StoryEditPage />);
    await editorReady();
    expect(screen.getByRole('radio', { name: '理论文章征集' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('radio', { name: '党课视频' }));
    expect(screen.getByRole('radio', { name: '不参加征集' }).getAttribute('aria-checked')).toBe('true');
    expect(taro.showToast).toHaveBeenCalledWith({ title: '「理论文章征集」不征集党课视频，已改为不参加征集', icon: 'none' });
  });
});
