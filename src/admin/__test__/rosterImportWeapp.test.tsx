import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { importRosterContract } from '../../../types/contracts/roster';
import taro, { chatFiles, fileSystem, modalReplies, resetTaroStub } from '../../components/__test__/taroStub';
import { base64, button, errorRows, fakeImportRoster } from './rosterImportSupport';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../admin.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
// The identity gate is not under test here; render the page content directly.
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

// The page picks its file chooser and large-file handling from TARO_ENV when it loads; these tests run the mini-program.
process.env.TARO_ENV = 'weapp';
const AdminRosterPage = (require('../roster/index') as typeof import('../roster/index')).default;

/** Over the 67.5 KB inline cap, under the 5 MB upload cap. */
const LARGE = 300 * 1024;

/** Puts an .xlsx in the chat for the next 选择 tap; its temp path is what the page reads or uploads. */
function sendToChat(name: string, content: string, size = content.length): string {
  const path = `http://tmp/${chatFiles.length}-${encodeURIComponent(name)}`;
  chatFiles.push({ name, size, path });
  fileSystem.set(path, base64(content));
  return path;
}

async function chooseFromChat(name: string) {
  fireEvent.click(button('选择 .xlsx 文件'));
  expect(await screen.findByText(name)).toBeTruthy();
  await waitFor(() => expect(button('校验').disabled).toBe(false));
}

async function validateAndImport() {
  fireEvent.click(button('校验'));
  await waitFor(() => expect(button('导入').disabled).toBe(false));
  modalReplies.push(true);
  fireEvent.click(button('导入'));
  expect(await screen.findByText('已导入 4 人')).toBeTruthy();
}

describe('组织部：花名册导入（小程序）', () => {
  let server: ReturnType<typeof fakeImportRoster>;

  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    server = fakeImportRoster(callFunction);
  });

  it('从聊天中选择的小文件直接以 base64 随校验和导入发送，不上传云存储', async () => {
    server.validateReplies.push({ rows: 4, errors: [] });
    sendToChat('花名册.xlsx', 'small-roster');
    render(<AdminRosterPage />);

    await chooseFromChat('花名册.xlsx');
    await validateAndImport();

    expect(taro.chooseMessageFile).toHaveBeenCalledWith(expect.objectContaining({ count: 1, type: 'file', extension: ['xlsx'] }));
    expect(taro.cloud.uploadFile).not.toHaveBeenCalled();
    expect(server.calls('validate')).toEqual([{ mode: 'validate', fileBase64: base64('small-roster') }]);
    expect(server.calls('import')).toEqual([{ mode: 'import', fileBase64: base64('small-roster') }]);
  });

  it('超过单次上限的文件先上传到云存储，校验和导入只带 fileID、不带 base64', async () => {
    server.validateReplies.push({ rows: 4, errors: [] });
    const tempPath = sendToChat('全县花名册.xlsx', 'large-roster', LARGE);
    render(<AdminRosterPage />);

    await chooseFromChat('全县花名册.xlsx');
    expect(taro.cloud.uploadFile).toHaveBeenCalledTimes(1);
    // ASCII only, under its own folder, unique per upload: the contract refuses other fileIDs.
    expect(taro.cloud.uploadFile).toHaveBeenCalledWith({
      cloudPath: expect.stringMatching(/^roster-import\/\d+-[0-9a-z]{1,8}\.xlsx$/),
      filePath: tempPath,
    });
    await validateAndImport();

    const fileID = `cloud://test-env.7465-test-env/${taro.cloud.uploadFile.mock.calls[0]?.[0].cloudPath}`;
    expect(server.calls('validate')).toEqual([{ mode: 'validate', fileID }]);
    expect(server.calls('import')).toEqual([{ mode: 'import', fileID }]);
    expect(importRosterContract.input.safeParse(server.calls('import')[0]).success).toBe(true);
  });

  it('上传期间显示进度且不能校验；上传失败时提示重新选择，不调用 importRoster', async () => {
    let failUpload: (error: Error) => void = () => undefined;
    taro.cloud.uploadFile.mockImplementationOnce(
      () =>
        new Promise<never>((_resolve, reject) => {
          failUpload = reject;
        }),
    );
    sendToChat('全县花名册.xlsx', 'large-roster', LARGE);
    render(<AdminRosterPage />);

    fireEvent.click(button('选择 .xlsx 文件'));
    expect(await screen.findByText('正在上传文件到云存储…')).toBeTruthy();
    expect(button('校验').disabled).toBe(true);
    failUpload(new Error('cloud.uploadFile:fail network'));

    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '上传文件失败，请检查网络后重新选择');
    expect(screen.queryByText('正在上传文件到云存储…')).toBeNull();
    expect(screen.queryByText('全县花名册.xlsx')).toBeNull();
    expect(button('校验').disabled).toBe(true);
    expect(callFunction).not.toHaveBeenCalled();
  });

  it('超过 5 MB 的文件既不上传也不校验，提示检查模板或分批导入', async () => {
    sendToChat('全省花名册.xlsx', 'huge-roster', 6 * 1024 * 1024);
    render(<AdminRosterPage />);

    fireEvent.click(button('选择 .xlsx 文件'));

    expect(await screen.findByText(/文件 6\.0 MB，超过 5\.0 MB，请检查是否为花名册模板，或拆成几个表格分批导入/)).toBeTruthy();
    expect(taro.cloud.uploadFile).not.toHaveBeenCalled();
    expect(callFunction).not.toHaveBeenCalled();
  });

  it('云存储中的花名册校验出问题时逐行列出行号、列和问题，导入按钮保持不可用', async () => {
    server.validateReplies.push({
      rows: 800,
      errors: [
        { row: 12, field: '政治面貌', message: '应为「中共党员」「中共预备党员」之一' },
        { row: 305, field: '姓名', message: '不能为空' },
      ],
    });
    sendToChat('全县花名册.xlsx', 'large-roster', LARGE);
    render(<AdminRosterPage />);

    await chooseFromChat('全县花名册.xlsx');
    fireEvent.click(button('校验'));

    expect(await screen.findByText('共 800 行，发现 2 处问题。请修改表格后重新选择文件校验。')).toBeTruthy();
    expect(errorRows()).toEqual(['行号列问题', '12政治面貌应为「中共党员」「中共预备党员」之一', '305姓名不能为空']);
    expect(button('导入').disabled).toBe(true);
    expect(server.calls('import')).toEqual([]);
  });

  it('导入时云函数才发现的逐行问题也会列出，并说明未导入任何人员', async () => {
    server.validateReplies.push({ rows: 800, errors: [] });
    server.importReplies.push({ rows: 800, errors: [{ row: 40, field: '所在党支部', message: '党支部「第三支部」已被撤销' }] });
    sendToChat('全县花名册.xlsx', 'large-roster', LARGE);
    render(<AdminRosterPage />);

    await chooseFromChat('全县花名册.xlsx');
    fireEvent.click(button('校验'));
    await waitFor(() => expect(button('导入').disabled).toBe(false));
    modalReplies.push(true);
    fireEvent.click(button('导入'));

    expect(await screen.findByText('共 800 行，发现 1 处问题，未导入任何人员。请修改表格后重新选择文件校验。')).toBeTruthy();
    expect(errorRows()).toEqual(['行号列问题', '40所在党支部党支部「第三支部」已被撤销']);
    expect(screen.queryByText(/已导入/)).toBeNull();
    expect(button('导入').disabled).toBe(true);
  });
});
