import { fireEvent, render, screen } from '@testing-library/react';
import type { BaseSummary } from '../../../../types/contracts/checkin';
import { callFunction } from '../../../services/cloud';
import { BasePicker } from '../BasePicker';

jest.mock('@tarojs/components', () => require('../../../components/__test__/taroComponentsStandIn'));
jest.mock('../../../services/cloud', () => ({ callFunction: jest.fn() }));

const call = callFunction as jest.MockedFunction<typeof callFunction>;

function base(id: string, name: string, level: BaseSummary['level'] = null): BaseSummary {
  return { id, name, level, county: '道县', address: '湖南省永州市道县', theme: '', approximate: true, distanceM: null };
}
const page = (items: BaseSummary[], nextCursor: string | null = null) => ({ ok: true as const, data: { items, nextCursor } });

describe('从红色教育基地中选择', () => {
  beforeEach(() => call.mockReset());

  it('展开后列出基地名录，点选一个后回填基地 id 和名称并收起', async () => {
    call.mockResolvedValueOnce(
      page([base('daoxian-chenshuxiang', '道县陈树湘党性教育基地', 'national'), base('shuangpai-hongjunquan', '双牌红军泉')]),
    );
    const onPick = jest.fn();
    render(<BasePicker linkedName={null} onPick={onPick} onUnlink={jest.fn()} />);
    fireEvent.click(screen.getByText('从红色教育基地中选择'));
    fireEvent.click(await screen.findByText('双牌红军泉'));
    expect(onPick).toHaveBeenCalledWith({ id: 'shuangpai-hongjunquan', name: '双牌红军泉' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(call).toHaveBeenCalledWith('checkin', 'bases', { pageSize: 50, cursor: undefined }, { silentError: true });
  });

  it('列表行显示级别和区县', async () => {
    call.mockResolvedValueOnce(page([base('daoxian-chenshuxiang', '道县陈树湘党性教育基地', 'national')]));
    render(<BasePicker linkedName={null} onPick={jest.fn()} onUnlink={jest.fn()} />);
    fireEvent.click(screen.getByText('从红色教育基地中选择'));
    expect(await screen.findByText('全国 · 道县')).toBeTruthy();
  });

  it('名录不止一页时可以加载更多', async () => {
    call.mockResolvedValueOnce(page([base('a-1', '甲基地')], '50')).mockResolvedValueOnce(page([base('b-1', '乙基地')]));
    render(<BasePicker linkedName={null} onPick={jest.fn()} onUnlink={jest.fn()} />);
    fireEvent.click(screen.getByText('从红色教育基地中选择'));
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('乙基地')).toBeTruthy();
    expect(screen.getByText('甲基地')).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith('checkin', 'bases', { pageSize: 50, cursor: '50' }, { silentError: true });
    expect(screen.queryByText('加载更多')).toBeNull();
  });

  it('加载失败时提示并可重试', async () => {
    call
      .mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } })
      .mockResolvedValueOnce(page([base('a-1', '甲基地')]));
    render(<BasePicker linkedName={null} onPick={jest.fn()} onUnlink={jest.fn()} />);
    fireEvent.click(screen.getByText('从红色教育基地中选择'));
    expect(await screen.findByText('基地名录加载失败')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('甲基地')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('已关联基地时显示基地名，取消关联交还给表单', () => {
    const onUnlink = jest.fn();
    render(<BasePicker linkedName='双牌红军泉' onPick={jest.fn()} onUnlink={onUnlink} />);
    expect(screen.getByText('已关联基地「双牌红军泉」，地点随基地名称')).toBeTruthy();
    fireEvent.click(screen.getByText('取消关联'));
    expect(onUnlink).toHaveBeenCalled();
    expect(call).not.toHaveBeenCalled();
  });
});
