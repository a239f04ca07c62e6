import { render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { resetTaroStub, router } from '../../components/__test__/taroStub';
import { detail, meAnswer, member, shareCard } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../activity.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import ActivityDetailPage, { readActivityId } from '../detail/index';

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  callFunction.mockImplementation(async (name: string, action: string) => {
    if (`${name}.${action}` === 'member.me') return meAnswer(member);
    if (`${name}.${action}` === 'activity.shareCard') return { ok: true, data: shareCard() };
    if (`${name}.${action}` === 'activity.detail') return { ok: true, data: { activity: detail(), mine: null } };
    throw new Error(`unexpected ${name}.${action}`);
  });
});

describe('扫海报上的小程序码打开活动详情', () => {
  it('页面从 scene（a=<活动 id>，经 URL 编码）读出活动并加载它', async () => {
    router.params = { scene: encodeURIComponent('a=ACTSCAN00001') };
    render(<ActivityDetailPage />);
    expect(await screen.findByText('重温入党誓词主题党日')).toBeTruthy();
    const loaded = (action: string) => callFunction.mock.calls.filter(([, called]) => called === action).map(([, , input]) => input);
    await waitFor(() => expect(loaded('detail')).toEqual([{ id: 'ACTSCAN00001' }]));
    expect(loaded('shareCard')).toEqual([{ id: 'ACTSCAN00001' }]);
  });

  it('链接里的 id 优先；scene 里没有活动键时为空', () => {
    expect(readActivityId({ id: 'act-1', scene: 'a%3Dother' })).toBe('act-1');
    expect(readActivityId({ scene: 'a%3DACTSCAN00001' })).toBe('ACTSCAN00001');
    expect(readActivityId({ scene: 'c%3DABCDEFGH' })).toBe('');
    expect(readActivityId({})).toBe('');
  });
});
