import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { albumImages, heldUploads, resetTaroStub, router } from '../../components/__test__/taroStub';
import { activeMember } from '../../components/__test__/membershipFixtures';
import { inputsOf, ok, serve } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../stats.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import SelfReportPage from '../report/index';

function button(name: string): HTMLButtonElement {
  return screen.getByRole<HTMLButtonElement>('button', { name });
}

function fieldError(label: string): string | null {
  const field = screen.getByText(label).closest('.ht-field') as HTMLElement;
  return within(field).queryByRole('alert')?.textContent ?? null;
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  router.params = { programmeId: 'prog-2026', item: 'book' };
});

describe('自报读书', () => {
  it('照片上传时显示进度、不能提交；上传完成后预览，提交书名、感想和照片后回到清单', async () => {
    serve(callFunction, activeMember, { selfReport: () => ok({ reportId: 'report-1' }) });
    const { container } = render(<SelfReportPage />);
    fireEvent.change(container.querySelector('[name="title"]')!, { target: { value: ' 红星照耀中国 ' } });
    fireEvent.change(container.querySelector('[name="note"]')!, { target: { value: '读懂了长征的意义' } });

    albumImages.push({ tempFilePath: 'http://tmp/book-cover.jpg', size: 800_000 });
    fireEvent.click(button('拍照或选择照片'));
    await waitFor(() => expect(heldUploads).toHaveLength(1));
    const upload = heldUploads[0]!;
    expect(upload.cloudPath).toMatch(/^self-reports\/\d+-[0-9a-z]{1,8}\.jpg$/);
    act(() => upload.progress(40));
    expect(within(screen.getByRole('progressbar', { name: '照片上传进度' })).getByText('正在上传照片 40%')).toBeTruthy();
    expect(button('提交给支部书记确认').disabled).toBe(true);

    act(() => upload.finish());
    expect(await screen.findByAltText('照片预览')).toHaveProperty('src', 'http://tmp/book-cover.jpg');
    fireEvent.click(button('提交给支部书记确认'));

    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    expect(inputsOf(callFunction, 'selfReport')).toEqual([
      {
        programmeId: 'prog-2026',
        item: 'book',
        title: '红星照耀中国',
        note: '读懂了长征的意义',
        photoFileId: `cloud://test-env.7465-test-env/${upload.cloudPath}`,
      },
    ]);
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已提交，等待支部书记确认', icon: 'success' });
  });

  it('没有书名或照片时就地提示，不提交', async () => {
    serve(callFunction, activeMember, {});
    render(<SelfReportPage />);
    fireEvent.click(button('提交给支部书记确认'));
    expect(fieldError('书名')).toBe('请写明书名');
    expect(fieldError('照片')).toBe('请上传照片');
    expect(inputsOf(callFunction, 'selfReport')).toEqual([]);
  });

  it('服务器拒绝时把原因显示在对应的栏目下，留在本页', async () => {
    serve(callFunction, activeMember, {
      selfReport: () => ({ ok: false, error: { code: 'DUPLICATE', message: '这一项已经自报过，等待书记确认' } }),
    });
    const { container } = render(<SelfReportPage />);
    fireEvent.change(container.querySelector('[name="title"]')!, { target: { value: '红岩' } });
    albumImages.push({ tempFilePath: 'http://tmp/red-rock.jpg', size: 500_000 });
    fireEvent.click(button('拍照或选择照片'));
    await waitFor(() => expect(heldUploads).toHaveLength(1));
    act(() => heldUploads[0]!.finish());
    await screen.findByAltText('照片预览');

    fireEvent.click(button('提交给支部书记确认'));
    expect(await screen.findByText('这一项已经自报过，等待书记确认')).toBeTruthy();
    expect(taro.navigateBack).not.toHaveBeenCalled();
  });
});
