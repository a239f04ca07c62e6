import { fireEvent, render, screen } from '@testing-library/react';
import { Section } from '../Section';

jest.mock('@tarojs/components', () => require('./taroComponentsStandIn'));

describe('Section', () => {
  it('加载中时显示骨架屏而不显示内容', () => {
    render(
      <Section title='近期活动' status='loading'>
        <span>活动内容</span>
      </Section>,
    );
    expect(screen.getByLabelText('加载中')).toBeTruthy();
    expect(screen.queryByText('活动内容')).toBeNull();
  });

  it('出错时显示错误信息，点击重试会重新加载', () => {
    const onRetry = jest.fn();
    render(<Section title='近期活动' status='error' errorMessage='服务开小差了，请稍后再试' onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('服务开小差了，请稍后再试');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('数据为空时显示空状态说明', () => {
    render(
      <Section title='近期活动' status='ready' isEmpty emptyTitle='近期没有安排活动' emptyDescription='支部发布新活动后会显示在这里' />,
    );
    expect(screen.getByText('近期没有安排活动')).toBeTruthy();
    expect(screen.getByText('支部发布新活动后会显示在这里')).toBeTruthy();
  });

  it('有数据时显示内容和标题栏操作', () => {
    const onShowAll = jest.fn();
    render(
      <Section title='近期活动' status='ready' extra={{ text: '全部 ›', onClick: onShowAll }}>
        <span>活动内容</span>
      </Section>,
    );
    expect(screen.getByText('活动内容')).toBeTruthy();
    fireEvent.click(screen.getByText('全部 ›'));
    expect(onShowAll).toHaveBeenCalledTimes(1);
  });
});
