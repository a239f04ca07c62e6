import { fireEvent, render, screen } from '@testing-library/react';
import taro, { resetTaroStub } from '../../components/__test__/taroStub';
import { ME_REPLIES } from '../../components/__test__/membershipFixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../../pages/quiz/index.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import QuizPage from '../../pages/quiz/index';

describe('答题 tab 的每日一练入口', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    callFunction.mockImplementation(async (_name: string, action: string) =>
      action === 'me' ? ME_REPLIES.active : { ok: true, data: { items: [] } },
    );
  });

  it('打开每日一练或错题本，且打开答题页本身不领取当天的题', async () => {
    render(<QuizPage />);
    expect(await screen.findByText('暂无知识竞赛')).toBeTruthy();
    expect(callFunction.mock.calls.map(([, action]) => action)).not.toContain('practice');
    fireEvent.click(screen.getByRole('button', { name: '今日一练' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/quiz/practice/index' });
    fireEvent.click(screen.getByRole('button', { name: '错题本' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/quiz/practice/index?tab=mistakes' });
  });
});
