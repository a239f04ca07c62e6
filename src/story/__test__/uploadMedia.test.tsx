import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { albumImages, heldUploads, modalReplies, resetTaroStub, router } from '../../components/__test__/taroStub';
import { draft, inputsOf } from './storyFixtures';
import { fieldError, serveStory } from './editHarness';

jest.mock('@tarojs/taro', () => ({ ...require('../../components/__test__/taroStub').taroModule, useDidHide: () => undefined }));
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../authoring.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import StoryEditPage from '../edit/index';

const MB = 1024 * 1024;

function openDraft(story = draft()) {
  router.params = { id: story.id };
  let version = story.version;
  serveStory(callFunction, {
    detail: () => ({ ok: true, data: { story } }),
    save: () => ({ ok: true, data: { story: { ...story, version: ++version } } }),
  });
}

async function editorReady() {
  await screen.findByRole('radio', { name: '不参加征集' });
}

function tile(name: string): HTMLElement {
  return screen.getByRole('group', { name });
}

/** Picks one photo from the album and waits until its upload is under way (held until the test moves it on). */
async function pickPhoto(path: string, size = 2 * MB) {
  const before = heldUploads.length;
  albumImages.push({ tempFilePath: path, size });
  fireEvent.click(screen.getByRole('button', { name: /^添加图片/ }));
  await waitFor(() => expect(heldUploads).toHaveLength(before + 1));
  return heldUploads[before]!;
}

/** Picks one video as weapp's chooseMedia reports it: duration in seconds, size in bytes. */
function pickVideo(duration: number, size: number) {
  const video = { tempFilePath: 'http://tmp/lesson.mp4', size, duration, thumbTempFilePath: 'http://tmp/lesson.jpg' };
  albumImages.push(video);
  fireEvent.click(screen.getByRole('button', { name: '选择视频' }));
}

beforeEach(() => {
  jest.useFakeTimers();
  resetTaroStub();
  callFunction.mockReset();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('图片上传', () => {
  it('每张图片有自己的进度；一张失败只在它上面显示重试，重试只重传这一张，其他保持已上传', async () => {
    openDraft();
    render(<StoryEditPage />);
    await editorReady();

    const first = await pickPhoto('http://tmp/first.jpg');
    const second = await pickPhoto('http://tmp/second.jpg');
    expect(taro.chooseMedia).toHaveBeenLastCalledWith(expect.objectContaining({ count: 8, mediaType: ['image'] }));
    expect(first.cloudPath).toMatch(/^story-images\/\d+-[0-9a-z]{1,8}\.jpg$/);

    act(() => first.progress(30));
    act(() => second.progress(70));
    expect(within(tile('第 1 张图片')).getByText('正在上传 30%')).toBeTruthy();
    expect(within(tile('第 2 张图片')).getByText('正在上传 70%')).toBeTruthy();

    await act(async () => first.finish());
    await act(async () => second.fail('cloud.uploadFile:fail network'));
    expect(within(tile('第 1 张图片')).getByText('已上传')).toBeTruthy();
    expect(within(tile('第 1 张图片')).queryByRole('button', { name: '重试' })).toBeNull();
    expect(within(tile('第 2 张图片')).getByText('上传失败，请检查网络后重试')).toBeTruthy();

    fireEvent.click(within(tile('第 2 张图片')).getByRole('button', { name: '重试' }));
    expect(heldUploads).toHaveLength(3);
    const filePaths = taro.cloud.uploadFile.mock.calls.map(([options]) => options.filePath);
    expect(filePaths).toEqual(['http://tmp/first.jpg', 'http://tmp/second.jpg', 'http://tmp/second.jpg']);
    expect(within(tile('第 1 张图片')).getByText('已上传')).toBeTruthy();
    act(() => heldUploads[2]!.progress(50));
    expect(within(tile('第 2 张图片')).getByText('正在上传 50%')).toBeTruthy();
    await act(async () => heldUploads[2]!.finish());

    act(() => jest.advanceTimersByTime(2000));
    await waitFor(() => expect(inputsOf(callFunction, 'save').length).toBeGreaterThan(0));
    const saves = inputsOf(callFunction, 'save');
    expect(saves[saves.length - 1]).toMatchObject({
      draft: {
        imageFileIds: [`cloud://test-env.7465-test-env/${first.cloudPath}`, `cloud://test-env.7465-test-env/${heldUploads[2]!.cloudPath}`],
      },
    });
  });

  it('还有图片上传失败时不能提交，提示重试或移除', async () => {
    openDraft(draft({ body: '党'.repeat(60) }));
    render(<StoryEditPage />);
    await editorReady();
    const photo = await pickPhoto('http://tmp/photo.jpg');
    await act(async () => photo.fail('cloud.uploadFile:fail network'));
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(fieldError('图片（选填）')).toBe('有 1 张图片上传失败，请重试或移除');
    expect(inputsOf(callFunction, 'submit')).toHaveLength(0);
  });

  it('移除图片前先确认；选“保留”则不动', async () => {
    openDraft(draft({ images: [{ fileId: 'cloud://env/story-images/a.jpg', url: 'https://tmp/a.jpg' }] }));
    render(<StoryEditPage />);
    await editorReady();

    modalReplies.push(false);
    fireEvent.click(within(tile('第 1 张图片')).getByRole('button', { name: '移除' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('group', { name: '第 1 张图片' })).toBeTruthy();

    modalReplies.push(true);
    fireEvent.click(within(tile('第 1 张图片')).getByRole('button', { name: '移除' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: '第 1 张图片' })).toBeNull());
  });

  it('超过 10 MB 的图片不上传，说明原因', async () => {
    openDraft();
    render(<StoryEditPage />);
    await editorReady();
    albumImages.push({ tempFilePath: 'http://tmp/huge.jpg', size: 12 * MB });
    fireEvent.click(screen.getByRole('button', { name: /^添加图片/ }));
    await waitFor(() => expect(fieldError('图片（选填）')).toBe('12.0 MB 的图片超过 10 MB，没有上传，请换一张'));
    expect(taro.cloud.uploadFile).not.toHaveBeenCalled();
  });
});

describe('视频上传', () => {
  const lesson = () => draft({ kind: 'lessonVideo', title: '党课：红色家书' });

  it('超过 30:00 的视频在上传前就被拒绝，并显示时长和大小', async () => {
    openDraft(lesson());
    render(<StoryEditPage />);
    await editorReady();
    pickVideo(30 * 60 + 1, 120 * MB);

    await waitFor(() => expect(fieldError('视频')).toBe('视频时长 30:01，超过 30 分钟，请剪辑后再上传（时长 30:01 · 大小 120.0 MB）'));
    expect(taro.chooseMedia).toHaveBeenCalledWith({ count: 1, mediaType: ['video'], sourceType: ['album', 'camera'], maxDuration: 60 });
    expect(taro.cloud.uploadFile).not.toHaveBeenCalled();
  });

  it('超过 300 MB 的视频在上传前就被拒绝', async () => {
    openDraft(lesson());
    render(<StoryEditPage />);
    await editorReady();
    pickVideo(10 * 60, 301 * MB);
    await waitFor(() => expect(fieldError('视频')).toBe('视频 301 MB，超过 300 MB（时长 10:00 · 大小 301.0 MB）'));
    expect(taro.cloud.uploadFile).not.toHaveBeenCalled();
  });

  it('正好 30:00 的视频可以上传：显示时长、大小和进度，失败后重试，成功后随草稿保存', async () => {
    openDraft(lesson());
    render(<StoryEditPage />);
    await editorReady();
    pickVideo(30 * 60, 250 * MB);

    await waitFor(() => expect(heldUploads).toHaveLength(1));
    expect(heldUploads[0]!.cloudPath).toMatch(/^story-videos\/\d+-[0-9a-z]{1,8}\.mp4$/);
    expect(screen.getByText('时长 30:00 · 大小 250.0 MB')).toBeTruthy();
    expect(screen.getByText('超过 20 分钟，可以提交，建议精简')).toBeTruthy();
    act(() => heldUploads[0]!.progress(12));
    expect(within(screen.getByRole('progressbar', { name: '视频上传进度' })).getByText('正在上传视频 12%')).toBeTruthy();
    await act(async () => heldUploads[0]!.fail('cloud.uploadFile:fail timeout'));
    expect(screen.getByText('视频上传失败，请检查网络后重试')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(heldUploads).toHaveLength(2);
    await act(async () => heldUploads[1]!.finish());
    expect(screen.getByText('已上传')).toBeTruthy();

    act(() => jest.advanceTimersByTime(2000));
    await waitFor(() => expect(inputsOf(callFunction, 'save')).toHaveLength(1));
    expect(inputsOf(callFunction, 'save')[0]).toMatchObject({
      draft: { videoFileId: `cloud://test-env.7465-test-env/${heldUploads[1]!.cloudPath}` },
    });
  });

  it('心得体会不附视频，没有选择视频的入口', async () => {
    openDraft();
    render(<StoryEditPage />);
    await editorReady();
    expect(screen.queryByRole('button', { name: '选择视频' })).toBeNull();
  });
});
