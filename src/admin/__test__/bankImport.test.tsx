import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { modalReplies, resetTaroStub } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../admin.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
// The H5 identity gate is not under test here; render the page content directly.
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

// The page picks its file chooser from TARO_ENV when it loads; these tests run the H5 one.
process.env.TARO_ENV = 'h5';
const AdminBankPage = (require('../bank/index') as typeof import('../bank/index')).default;

const question = {
  id: 'q1',
  type: 'single',
  stem: '中国共产党第一次全国代表大会在哪一年召开？',
  options: ['1919年', '1921年', '1927年'],
  answer: [1],
  explanation: '1921年7月，中共一大在上海召开。',
  category: '建党',
  difficulty: 1,
  source: '《中国共产党简史》',
};

type ImportInput = { mode: 'validate' | 'import'; fileBase64: string };

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function chooseFile(container: HTMLElement, name: string, content: string, size?: number) {
  const input = container.querySelector('input[type="file"]');
  if (!input) throw new Error('file input missing');
  const file = new File([content], name);
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  fireEvent.change(input, { target: { files: [file] } });
}

function importCalls(mode: ImportInput['mode']): ImportInput[] {
  return callFunction.mock.calls
    .filter(([, action, input]) => action === 'importBank' && (input as ImportInput).mode === mode)
    .map(([, , input]) => input as ImportInput);
}

function button(name: string): HTMLButtonElement {
  return screen.getByRole<HTMLButtonElement>('button', { name });
}

describe('题库管理：导入题库', () => {
  let validateReplies: Array<{ rows: number; errors: Array<{ row: number; field: string; message: string }> }>;

  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    validateReplies = [];
    callFunction.mockImplementation(async (_name: string, action: string, input: ImportInput) => {
      if (action === 'questions') return { ok: true, data: { items: [question], nextCursor: null } };
      if (action === 'bankTemplate') return { ok: true, data: { templateBase64: base64('template-bytes') } };
      if (input.mode === 'validate') {
        const reply = validateReplies.shift();
        return { ok: true, data: { rows: reply?.rows ?? 0, imported: 0, errors: reply?.errors ?? [] } };
      }
      return { ok: true, data: { rows: 3, imported: 3, errors: [] } };
    });
  });

  it('校验发现问题时逐行列出行号、列和问题，导入按钮不可用；换成改好的文件校验通过后，确认才导入并显示导入题数', async () => {
    validateReplies.push(
      {
        rows: 3,
        errors: [
          { row: 2, field: '答案', message: '答案超出选项范围' },
          { row: 4, field: '题干', message: '题库中已有相同题目' },
        ],
      },
      { rows: 3, errors: [] },
    );
    const { container } = render(<AdminBankPage />);
    expect(await screen.findByText('中国共产党第一次全国代表大会在哪一年召开？')).toBeTruthy();
    expect(button('校验').disabled).toBe(true);
    expect(button('导入').disabled).toBe(true);

    chooseFile(container, '题库-第一批.xlsx', 'first-draft');
    expect(await screen.findByText('题库-第一批.xlsx')).toBeTruthy();
    await waitFor(() => expect(button('校验').disabled).toBe(false));
    fireEvent.click(button('校验'));

    expect(await screen.findByText('共 3 行，发现 2 处问题。请修改表格后重新选择文件校验。')).toBeTruthy();
    const rows = within(screen.getByRole('table'))
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual(['行号列问题', '2答案答案超出选项范围', '4题干题库中已有相同题目']);
    expect(button('导入').disabled).toBe(true);
    expect(importCalls('validate')).toEqual([{ mode: 'validate', fileBase64: base64('first-draft') }]);

    chooseFile(container, '题库-第一批-修改.xlsx', 'fixed');
    expect(await screen.findByText('题库-第一批-修改.xlsx')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(button('导入').disabled).toBe(true);
    await waitFor(() => expect(button('校验').disabled).toBe(false));
    fireEvent.click(button('校验'));
    expect(await screen.findByText('共 3 行，全部通过校验，可以导入。')).toBeTruthy();
    expect(button('导入').disabled).toBe(false);

    // Cancelling the confirmation imports nothing.
    fireEvent.click(button('导入'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(importCalls('import')).toEqual([]);

    modalReplies.push(true);
    fireEvent.click(button('导入'));
    expect(await screen.findByText('已导入 3 题')).toBeTruthy();
    expect(importCalls('import')).toEqual([{ mode: 'import', fileBase64: base64('fixed') }]);
    // The list reloads from its first page to show the new questions.
    await waitFor(() => expect(callFunction.mock.calls.filter(([, action]) => action === 'questions')).toHaveLength(2));
  });

  it('超过上限的文件不读取也不上传，提示拆分后分批导入', async () => {
    const { container } = render(<AdminBankPage />);
    await screen.findByText('中国共产党第一次全国代表大会在哪一年召开？');
    chooseFile(container, '全部题目.xlsx', 'x', 200 * 1024);
    expect(await screen.findByText(/超过单次上限.*请拆成几个表格分批导入/)).toBeTruthy();
    expect(button('校验').disabled).toBe(true);
    expect(importCalls('validate')).toEqual([]);
  });

  it('下载模板时把服务器给的 base64 作为 .xlsx 文件交给浏览器下载', async () => {
    const created: Blob[] = [];
    const clicked: string[] = [];
    const urlApi = URL as unknown as { createObjectURL: (blob: Blob) => string; revokeObjectURL: (url: string) => void };
    urlApi.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:template';
    };
    urlApi.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    render(<AdminBankPage />);
    await screen.findByText('中国共产党第一次全国代表大会在哪一年召开？');
    fireEvent.click(button('下载模板'));
    await waitFor(() => expect(clicked).toEqual(['红途题库导入模板.xlsx']));
    expect(callFunction.mock.calls.filter(([, action]) => action === 'bankTemplate')).toEqual([['quiz', 'bankTemplate', {}]]);
    expect(created[0]?.size).toBe('template-bytes'.length);
    expect(created[0]?.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    click.mockRestore();
  });
});

describe('题库管理：题目列表', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    callFunction.mockImplementation(async (_name: string, action: string, input: { category?: string }) =>
      action === 'questions'
        ? { ok: true, data: { items: input.category === '长征' ? [] : [question], nextCursor: null } }
        : { ok: false, error: { code: 'INTERNAL', message: '服务开小差了' } },
    );
  });

  it('每道题列出选项并标出正确答案和解析；点分类标签按该分类重新查询', async () => {
    render(<AdminBankPage />);
    const correct = await screen.findByText('B. 1921年');
    expect(correct.closest('.admin-option')?.className).toContain('admin-option--correct');
    expect(within(correct.closest('.admin-option') as HTMLElement).getByText('✓ 正确答案')).toBeTruthy();
    expect(screen.getByText('A. 1919年').closest('.admin-option')?.className).not.toContain('admin-option--correct');
    expect(screen.getByText('解析：1921年7月，中共一大在上海召开。')).toBeTruthy();

    fireEvent.click(screen.getByText('长征'));
    expect(await screen.findByText('「长征」分类下还没有题目')).toBeTruthy();
    const queries = callFunction.mock.calls.filter(([, action]) => action === 'questions').map(([, , input]) => input);
    expect(queries).toEqual([
      { cursor: undefined, pageSize: 20 },
      { cursor: undefined, pageSize: 20, category: '长征' },
    ]);
  });
});
