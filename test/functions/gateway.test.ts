import { MAX_UPLOAD_BYTES } from '../../emulator/gateway';
import { loadSource } from '../../emulator/runner';
import { startSeededGateway } from '../support/gatewayEnv';

let gateway: Awaited<ReturnType<typeof startSeededGateway>>;

beforeAll(async () => {
  gateway = await startSeededGateway(loadSource);
});
afterAll(() => gateway.close());

function post(path: string, body: string, openid?: string) {
  return fetch(`${gateway.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-openid': openid } : {}) },
    body,
  });
}

describe('本地网关', () => {
  it('POST /fn/member 以 x-openid 的身份调用函数并返回 HTTP 200 的结果', async () => {
    const response = await post('/fn/member', JSON.stringify({ action: 'me', input: {} }), 'demo-member');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, data: { member: { name: '林红' } } });
  });

  it('没有 x-openid 时按未登录处理', async () => {
    const response = await post('/fn/member', JSON.stringify({ action: 'orgTree', input: {} }));
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('未知操作返回 INVALID_INPUT 与 action 字段', async () => {
    const response = await post('/fn/member', JSON.stringify({ action: 'nope', input: {} }), 'demo-member');
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'action' } });
  });

  it('坏的 JSON 得到 INVALID_INPUT 而不是堆栈', async () => {
    const response = await post('/fn/member', '{"action":', 'demo-member');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'body' } });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|SyntaxError/);
  });

  it('不存在的函数返回 404 与 NOT_FOUND', async () => {
    const response = await post('/fn/payroll', JSON.stringify({ action: 'list' }), 'demo-admin');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('GET /healthz 与 /dev/identities 可用', async () => {
    expect(await (await fetch(`${gateway.baseUrl}/healthz`)).json()).toEqual({ ok: true });
    const { identities } = (await (await fetch(`${gateway.baseUrl}/dev/identities`)).json()) as {
      identities: { openid: string }[];
    };
    expect(identities.map((identity) => identity.openid)).toEqual(
      expect.arrayContaining(['demo-admin', 'demo-secretary', 'demo-member']),
    );
  });

  it('静态文件路径不能越出 H5 目录', async () => {
    const response = await fetch(`${gateway.baseUrl}/..%2f..%2fpackage.json`);
    expect(await response.text()).not.toContain('"devDependencies"');
  });

  it('函数给出的云存储临时链接由网关提供图片，别的路径取不到文件', async () => {
    const call = async (action: string, input: object) =>
      (await (await post('/fn/member', JSON.stringify({ action, input }), 'demo-secretary')).json()) as { data: { code: string; url: string } };
    const { code } = (await call('createInvite', {})).data;
    const { url } = (await call('inviteQrCode', { code })).data;
    const image = await fetch(`${gateway.baseUrl}${url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).subarray(1, 4).toString('ascii')).toBe('PNG');

    expect((await fetch(`${gateway.baseUrl}/cloud-files/invites/NOPE.png`)).status).toBe(404);
    expect((await fetch(`${gateway.baseUrl}/cloud-files/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('PUT /cloud-files/<路径> 代替 wx.cloud.uploadFile：登录用户上传后得到 fileID，函数可按 fileID 读取', async () => {
    const put = (path: string, body: Uint8Array, openid?: string) =>
      fetch(`${gateway.baseUrl}/cloud-files/${path}`, { method: 'PUT', body: new Uint8Array(body), headers: openid ? { 'x-openid': openid } : {} });
    const template = (await (await post('/fn/member', JSON.stringify({ action: 'rosterTemplate', input: {} }), 'demo-admin')).json()) as {
      data: { templateBase64: string };
    };
    const uploaded = await put('roster-import/t.xlsx', Buffer.from(template.data.templateBase64, 'base64'), 'demo-admin');
    expect(uploaded.status).toBe(200);
    const { fileID } = (await uploaded.json()) as { fileID: string };
    const checked = await post('/fn/member', JSON.stringify({ action: 'importRoster', input: { mode: 'validate', fileID } }), 'demo-admin');
    expect(await checked.json()).toMatchObject({ ok: true, data: { rows: 2, errors: [] } });

    expect((await put('roster-import/t.xlsx', Buffer.from('x'))).status).toBe(401);
    expect((await put('..%2f..%2fpackage.json', Buffer.from('x'), 'demo-admin')).status).toBe(400);
    expect((await put('roster-import/%E0.xlsx', Buffer.from('x'), 'demo-admin')).status).toBe(400);
    expect((await put('big/too-big.bin', new Uint8Array(MAX_UPLOAD_BYTES + 1), 'demo-admin')).status).toBe(413);
  });
});
