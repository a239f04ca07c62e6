import { act, render } from '@testing-library/react';
import { useAppLeave } from '../useAppLeave';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);

let visibility: DocumentVisibilityState = 'visible';
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });

function setVisibility(next: DocumentVisibilityState): void {
  visibility = next;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

function Probe({ enabled, onLeave }: { enabled: boolean; onLeave: () => void }) {
  useAppLeave({ enabled, onLeave });
  return null;
}

describe('切屏检测（H5 visibilitychange）', () => {
  beforeEach(() => {
    visibility = 'visible';
  });

  it('每离开一次报告一次：同一次离开里重复的隐藏事件只算一次', () => {
    const onLeave = jest.fn();
    render(<Probe enabled onLeave={onLeave} />);
    setVisibility('hidden');
    setVisibility('hidden');
    expect(onLeave).toHaveBeenCalledTimes(1);
    setVisibility('visible');
    setVisibility('hidden');
    expect(onLeave).toHaveBeenCalledTimes(2);
  });

  it('没有作答进行时不报告，卸载后也不再报告', () => {
    const onLeave = jest.fn();
    const view = render(<Probe enabled={false} onLeave={onLeave} />);
    setVisibility('hidden');
    setVisibility('visible');
    expect(onLeave).not.toHaveBeenCalled();

    view.rerender(<Probe enabled onLeave={onLeave} />);
    view.unmount();
    setVisibility('hidden');
    expect(onLeave).not.toHaveBeenCalled();
  });

  it('回来后再离开时调用的是最新的回调', () => {
    const first = jest.fn();
    const second = jest.fn();
    const view = render(<Probe enabled onLeave={first} />);
    view.rerender(<Probe enabled onLeave={second} />);
    setVisibility('hidden');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
