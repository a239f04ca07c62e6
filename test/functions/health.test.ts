/**
 * The health event (server/kernel/health.ts) that `npm run deploy -- --check` sends: every function
 * answers it when the platform gives no caller, with the code it runs; to a mini-program user it is
 * an unknown action like any other.
 */
import { functionNames } from '../../scripts/build-functions';
import { createTestEnv } from '../support/localEnv';
import type { DeployedFunctionName } from '../../types/contracts';

const env = createTestEnv({ seed: false });

afterEach(() => {
  delete process.env.HONGTU_CODE_HASH;
});

describe('健康检查', () => {
  it.each(functionNames())('%s 在没有调用者时回答健康检查，并报告部署时记下的代码指纹', async (name) => {
    process.env.HONGTU_CODE_HASH = `hash-of-${name}`;
    const { result, requests } = await env.runner.invoke(name as DeployedFunctionName, { action: 'health' }, { openid: undefined });
    expect(result).toEqual({ ok: true, data: { function: name, codeHash: `hash-of-${name}`, node: process.version } });
    expect(requests).toEqual([]);
  });

  it('小程序用户调用 health 得到的是“未知操作”，什么也不泄露', async () => {
    const { result } = await env.call('demo-member', 'member', 'health' as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'action' } });
  });

  it('定时函数被小程序用户以 health 调用时照样拒绝', async () => {
    const { result } = await env.runner.invoke('cron', { action: 'health' }, { openid: 'demo-member' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
