import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { resetTaroStub, router, storage } from '../../components/__test__/taroStub';
import { draft, inputsOf, textOfWords } from './storyFixtures';
import { serveStory, typeInto } from './editHarness';

const didHide: { handler: (() => void) | null } = { handler: null };
jest.mock('@tarojs/taro', () => ({
  ...require('../../components/__test__/taroStub').taroModule,
  useDidHide: (handler: () => void) => {
    didHide.handler = handler;
  },
}));
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../authoring.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import StoryEditPage from '../edit/index';

const saves = () => inputsOf(callFunction, 'save');

/** The reply `save` gives: the draft as stored, one version on, saved at `updatedAt`. */
function savedReply(input: Record<string, unknown>, version: number, updatedAt = '2026-06-20T06:03:00.000Z') {
  const sent = input.draft as { title: string; body: string; kind: 'reflection' };
  return {
    ok: true,
    data: { story: draft({ id: 'story-1', title: sent.title, body: sent.body, kind: sent.kind, version, updatedAt }) },
  };
}

/** Opens the editor on a saved draft: the page loads it by id. */
function openDraft(story = draft()) {
  router.params = { id: story.id };
  return { detail: () => ({ ok: true, data: { story } }) };
}

/** The editor is up once the campaigns it offers have loaded. */
async function editorReady() {
  await screen.findByRole('radio', { name: '不参加征集' });
}

beforeEach(() => {
  jest.useFakeTimers();
  resetTaroStub();
  callFunction.mockReset();
  didHide.handler = null;
});

afterEach(() => {
  jest.useRealTimers();
});

describe('字数', () => {
  it.each([
    [2999, '2,999 / 3000 字', false],
    [3000, '3,000 / 3000 字', false],
    [3001, '3,001 / 3000 字', true],
  ])('理论文章正文 %i 字（汉字、标点、表情和英文单词）时计数显示“%s”，超过 3000 字才变红', async (words, shown, red) => {
    serveStory(callFunction, { save: (input) => savedReply(input, 1) });
    router.params = { kind: 'article' };
    const { container } = render(<StoryEditPage />);
    await editorReady();
    typeInto(container, 'body', textOfWords(words));

    const counter = screen.getByText(shown);
    expect(counter.classList.contains('story-words--over')).toBe(red);
  });
});

describe('自动保存', () => {
  it('停笔 2 秒后保存，带上次回复的版本号；保存后显示“已保存 14:03”，再改再存时用新版本号', async () => {
    const handlers = openDraft(draft({ version: 3, body: '旧的开头' }));
    let version = 3;
    serveStory(callFunction, { ...handlers, save: (input) => savedReply(input, ++version) });
    const { container } = render(<StoryEditPage />);
    await editorReady();

    typeInto(container, 'body', '走进纪念馆');
    expect(screen.getByText('有修改未保存，稍后自动保存')).toBeTruthy();
    act(() => jest.advanceTimersByTime(1999));
    expect(saves()).toHaveLength(0);
    act(() => jest.advanceTimersByTime(1));

    expect(await screen.findByText('已保存 14:03')).toBeTruthy();
    expect(saves()).toEqual([{ id: 'story-1', version: 3, draft: expect.objectContaining({ kind: 'reflection', body: '走进纪念馆' }) }]);

    typeInto(container, 'body', '走进纪念馆，第一眼看到');
    act(() => jest.advanceTimersByTime(2000));
    await waitFor(() => expect(saves()).toHaveLength(2));
    expect(saves()[1]).toMatchObject({ id: 'story-1', version: 4, draft: { body: '走进纪念馆，第一眼看到' } });
  });

  it('未确认保存前正文留在本机；服务器确认后删除本机副本', async () => {
    const handlers = openDraft();
    serveStory(callFunction, { ...handlers, save: (input) => savedReply(input, 4) });
    const { container } = render(<StoryEditPage />);
    await editorReady();

    typeInto(container, 'body', '还没保存的一段话');
    expect(storage.get('story-draft:story-1')).toMatchObject({ body: '还没保存的一段话', version: 3 });
    act(() => jest.advanceTimersByTime(2000));
    await screen.findByText('已保存 14:03');
    expect(storage.has('story-draft:story-1')).toBe(false);
  });

  it('新作品什么都没写时不保存；写下标题后先建草稿（不带 id），之后的保存带 id 和版本号', async () => {
    let version = 0;
    serveStory(callFunction, { save: (input) => savedReply(input, ++version) });
    const { container } = render(<StoryEditPage />);
    await editorReady();

    fireEvent.click(screen.getByRole('radio', { name: '红色故事' }));
    act(() => jest.advanceTimersByTime(5000));
    expect(saves()).toHaveLength(0);

    typeInto(container, 'title', '半条被子');
    act(() => jest.advanceTimersByTime(2000));
    await screen.findByText('已保存 14:03');
    expect(saves()[0]).toEqual({ draft: expect.objectContaining({ kind: 'story', title: '半条被子' }) });

    typeInto(container, 'body', '1934 年 11 月');
    act(() => jest.advanceTimersByTime(2000));
    await waitFor(() => expect(saves()).toHaveLength(2));
    expect(saves()[1]).toMatchObject({ id: 'story-1', version: 1 });
  });

  it('页面切到后台时不等 2 秒，立即保存', async () => {
    const handlers = openDraft();
    serveStory(callFunction, { ...handlers, save: (input) => savedReply(input, 4) });
    const { container } = render(<StoryEditPage />);
    await editorReady();

    typeInto(container, 'body', '写到一半接了个电话');
    act(() => didHide.handler?.());
    await waitFor(() => expect(saves()).toHaveLength(1));
  });

  it('保存失败时显示“保存失败，点此重试”，点一下重新保存', async () => {
    const handlers = openDraft();
    let attempts = 0;
    serveStory(callFunction, {
      ...handlers,
      save: (input) =>
        ++attempts === 1 ? { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } } : savedReply(input, 4),
    });
    const { container } = render(<StoryEditPage />);
    await editorReady();

    typeInto(container, 'body', '信号不好');
    act(() => jest.advanceTimersByTime(2000));
    fireEvent.click(await screen.findByText('保存失败，点此重试'));
    expect(await screen.findByText('已保存 14:03')).toBeTruthy();
    expect(saves()).toHaveLength(2);
  });

  it('版本冲突时提示“作品已在其他设备修改”，不再自动保存但继续把正文留在本机；重新载入打开同一作品', async () => {
    const handlers = openDraft();
    serveStory(callFunction, {
      ...handlers,
      save: () => ({ ok: false, error: { code: 'CONFLICT', message: '作品已在别处修改，请刷新' } }),
    });
    const { container } = render(<StoryEditPage />);
    await editorReady();

    typeInto(container, 'body', '手机上写的');
    act(() => jest.advanceTimersByTime(2000));
    expect(await screen.findByText('作品已在其他设备修改')).toBeTruthy();

    typeInto(container, 'body', '手机上写的，又多写了一句');
    act(() => jest.advanceTimersByTime(5000));
    expect(saves()).toHaveLength(1);
    expect(storage.get('story-draft:story-1')).toMatchObject({ body: '手机上写的，又多写了一句', version: 3 });

    fireEvent.click(screen.getByRole('button', { name: '重新载入' }));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/story/edit/index?id=story-1' });
  });
});

describe('本机副本', () => {
  /** A copy of `body` the phone kept at 6月20日 14:01 while editing `version`, never saved. */
  function keepOnPhone(body: string, version: number) {
    storage.set('story-draft:story-1', {
      kind: 'reflection',
      campaignId: null,
      title: '',
      body,
      version,
      keptAt: '2026-06-20T06:01:00.000Z',
    });
  }

  it('副本基于同一版本时自动恢复并保存', async () => {
    keepOnPhone('上次没存上的', 3);
    const handlers = openDraft(draft({ version: 3, body: '服务器上的' }));
    serveStory(callFunction, { ...handlers, save: (input) => savedReply(input, 4) });
    const { container } = render(<StoryEditPage />);

    expect(await screen.findByText('已恢复本机 6月20日 周六 14:01 未保存的内容')).toBeTruthy();
    expect((container.querySelector('[name="body"]') as HTMLTextAreaElement).value).toBe('上次没存上的');
    act(() => jest.advanceTimersByTime(2000));
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toMatchObject({ version: 3, draft: { body: '上次没存上的' } });
  });

  it('作品在别处改过（版本不同）时询问；选“恢复本机内容”才替换', async () => {
    keepOnPhone('冲突前手机上写的', 3);
    const handlers = openDraft(draft({ version: 5, body: '电脑上改过的' }));
    serveStory(callFunction, { ...handlers, save: (input) => savedReply(input, 6) });
    const { container } = render(<StoryEditPage />);

    expect(await screen.findByText('本机有 6月20日 周六 14:01 未保存的内容')).toBeTruthy();
    const body = () => (container.querySelector('[name="body"]') as HTMLTextAreaElement).value;
    expect(body()).toBe('电脑上改过的');
    fireEvent.click(screen.getByRole('button', { name: '恢复本机内容' }));
    expect(body()).toBe('冲突前手机上写的');
    act(() => jest.advanceTimersByTime(2000));
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toMatchObject({ version: 5, draft: { body: '冲突前手机上写的' } });
  });
});
