import { render, screen } from '@testing-library/react';

jest.mock('@tarojs/components', () => require('./taroComponentsStandIn'));

describe('本地演示身份的保存', () => {
  it('上次选择的身份保存在 hongtu.openid 中，重新打开时不再询问', () => {
    // Set before the identity module loads, as a page reload would find it.
    window.localStorage.setItem('hongtu.openid', 'demo-secretary');
    globalThis.fetch = jest.fn();
    const { IdentityGate } = require('../IdentityGate') as typeof import('../IdentityGate');

    render(
      <IdentityGate>
        <span>首页内容</span>
      </IdentityGate>,
    );

    expect(screen.getByText('首页内容')).toBeTruthy();
    expect(screen.queryByText('本地演示：选择身份')).toBeNull();
    expect(globalThis.fetch).not.toHaveBeenCalled();
  });
});
