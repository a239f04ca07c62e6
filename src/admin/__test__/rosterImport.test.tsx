import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { modalReplies, resetTaroStub } from '../../components/__test__/taroStub';
import { base64, button, errorRows, fakeImportRoster } from './rosterImportSupport';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../admin.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
// The H5 identity gate is not under test here; render the page content directly.
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

// The page picks its file chooser and large-file handling from TARO_ENV when it loads; these tests run H5.
process.env.TARO_ENV = 'h5';
const AdminRosterPage = (require('../roster/index') as typeof import('../roster/index')).default;

function chooseFile(container: HTMLElement, name: string, content: string, size?: number) {
  const input = container.querySelector('input[type="file"]');
  if (!input) throw new Error('file input missing');
  const file = new File([content], name);
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  fireEvent.change(input, { target: { files: [file] } });
}

describe('组织部：花名册导入', () => {
  let server: ReturnType<typeof fakeImportRoster>;
  const browserFetch = global.fetch;
  afterEach(() => {
    global.fetch = browserFetch;
  });

  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    server = fakeImportRoster(callFunction);
  });

  it('校验发现问题时逐行列出行号、列和问题，导入按钮保持不可用，也不发起导入', async () => {
    server.validateReplies.push({
      rows: 5,
      errors: [
        { row: 3, field: '所在党支部', message: '找不到党支部「第九支部」' },
        { row: 6, field: '手机后四位', message: '应为 4 位数字' },
      ],
    });
    const { container } = render(<AdminRosterPage />);
    expect(button('校验').disabled).toBe(true);
    expect(button('导入').disabled).toBe(true);

    chooseFile(container, '花名册-一支部.xlsx', 'draft');
    expect(await screen.findByText('花名册-一支部.xlsx')).toBeTruthy();
    await waitFor(() => expect(button('校验').disabled).toBe(false));
    fireEvent.click(button('校验'));

    expect(await screen.findByText('共 5 行，发现 2 处问题。请修改表格后重新选择文件校验。')).toBeTruthy();
    expect(errorRows()).toEqual(['行号列问题', '3所在党支部找不到党支部「第九支部」', '6手机后四位应为 4 位数字']);
    expect(button('导入').disabled).toBe(true);
    fireEvent.click(button('导入'));
    expect(server.calls('validate')).toEqual([{ mode: 'validate', fileBase64: base64('draft') }]);
    expect(server.calls('import')).toEqual([]);
  });

  it('校验全部通过后确认导入，显示新增和更新的人数', async () => {
    server.validateReplies.push({ rows: 4, errors: [] });
    const { container } = render(<AdminRosterPage />);

    chooseFile(container, '花名册.xlsx', 'clean');
    expect(await screen.findByText('花名册.xlsx')).toBeTruthy();
    await waitFor(() => expect(button('校验').disabled).toBe(false));
    fireEvent.click(button('校验'));
    expect(await screen.findByText('共 4 行，全部通过校验，可以导入。')).toBeTruthy();
    expect(button('导入').disabled).toBe(false);

    modalReplies.push(true);
    fireEvent.click(button('导入'));
    expect(await screen.findByText('已导入 4 人')).toBeTruthy();
    expect(screen.getByText(/新增 3 人，更新 1 人/)).toBeTruthy();
    expect(server.calls('import')).toEqual([{ mode: 'import', fileBase64: base64('clean') }]);
    expect(screen.queryByText('花名册.xlsx')).toBeNull();
  });

  it('网页版选择超过单次上限的花名册时先上传到本地网关的云存储，校验和导入只带 fileID、不带 base64', async () => {
    const fileID = 'cloud://local.hongtu-local/roster-import/1-abc.xlsx';
    const upload = jest.fn(async (_url: string, _init: RequestInit) => ({ ok: true, status: 200, json: async () => ({ fileID }) }));
    global.fetch = upload as unknown as typeof fetch;
    server.validateReplies.push({ rows: 4, errors: [] });
    const { container } = render(<AdminRosterPage />);
    chooseFile(container, '全县花名册.xlsx', 'x', 300 * 1024);
    await waitFor(() => expect(button('校验').disabled).toBe(false));

    expect(upload).toHaveBeenCalledTimes(1);
    const [url, init] = upload.mock.calls[0]!;
    expect(url).toMatch(/^\/cloud-files\/roster-import\/\d+-[0-9a-z]{1,8}\.xlsx$/);
    expect(init).toMatchObject({ method: 'PUT', body: expect.any(File) });
    fireEvent.click(button('校验'));
    await waitFor(() => expect(button('导入').disabled).toBe(false));
    modalReplies.push(true);
    fireEvent.click(button('导入'));
    expect(await screen.findByText('已导入 4 人')).toBeTruthy();
    expect([...server.calls('validate'), ...server.calls('import')]).toEqual([
      { mode: 'validate', fileID },
      { mode: 'import', fileID },
    ]);
  });

  it('网页版上传失败时提示问题，不发起校验', async () => {
    global.fetch = jest.fn(async () => ({ ok: false, status: 413, json: async () => ({}) })) as unknown as typeof fetch;
    const { container } = render(<AdminRosterPage />);
    chooseFile(container, '全县花名册.xlsx', 'x', 300 * 1024);
    expect(await screen.findByText('上传文件失败，请检查网络后重新选择')).toBeTruthy();
    expect(button('校验').disabled).toBe(true);
    expect(server.calls('validate')).toEqual([]);
  });
});
