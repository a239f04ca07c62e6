const showToast = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { showToast } }));

type CloudModule = typeof import('../cloud');

/** cloud.ts picks its transport from TARO_ENV when loaded, as the build does at compile time. */
function loadCloudForH5(): CloudModule {
  process.env.TARO_ENV = 'h5';
  let cloud: CloudModule | undefined;
  jest.isolateModules(() => {
    cloud = require('../cloud');
  });
  if (!cloud) throw new Error('cloud.ts did not load');
  return cloud;
}

function answerWith(body: unknown) {
  globalThis.fetch = jest.fn(async () => ({ ok: true, status: 200, json: async () => body })) as unknown as typeof fetch;
}

describe('callFunction（H5 经本地网关）', () => {
  const originalEnv = process.env.TARO_ENV;

  beforeEach(() => {
    showToast.mockClear();
    window.localStorage.setItem('hongtu.openid', 'demo-member');
  });

  afterAll(() => {
    process.env.TARO_ENV = originalEnv;
  });

  it('以所选身份 POST /fn/<name>，并原样返回函数结果', async () => {
    const data = { items: [], nextCursor: null };
    answerWith({ ok: true, data });
    const { callFunction } = loadCloudForH5();

    const result = await callFunction('activity', 'list', { scope: 'upcoming', pageSize: 3 });

    expect(result).toEqual({ ok: true, data });
    expect(globalThis.fetch).toHaveBeenCalledWith('/fn/activity', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-openid': 'demo-member' },
      body: JSON.stringify({ action: 'list', input: { scope: 'upcoming', pageSize: 3 } }),
    });
    expect(showToast).not.toHaveBeenCalled();
  });

  it('函数返回错误时用其中文信息提示', async () => {
    answerWith({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } });
    const { callFunction } = loadCloudForH5();

    const result = await callFunction('member', 'me', {});

    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } });
    expect(showToast).toHaveBeenCalledWith({ title: '没有权限进行此操作', icon: 'none' });
  });

  it('网络失败变成 INTERNAL，提示检查网络而不暴露异常信息', async () => {
    globalThis.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch: ECONNREFUSED 127.0.0.1:8787');
    });
    const { callFunction } = loadCloudForH5();

    const result = await callFunction('quiz', 'contests', { status: 'open' });

    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } });
    expect(showToast).toHaveBeenCalledWith({ title: '网络连接失败，请检查网络后重试', icon: 'none' });
  });

  it('silentError 时失败不弹提示', async () => {
    answerWith({ ok: false, error: { code: 'NOT_FOUND', message: '内容不存在或已删除' } });
    const { callFunction } = loadCloudForH5();

    const result = await callFunction('member', 'me', {}, { silentError: true });

    expect(result.ok).toBe(false);
    expect(showToast).not.toHaveBeenCalled();
  });
});
