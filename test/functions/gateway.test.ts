import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { LocalFiles } from '../../emulator/files';
import { createGateway, listen, MAX_BODY_BYTES, MAX_UPLOAD_BYTES, type GatewayOptions } from '../../emulator/gateway';
import { loadSource } from '../../emulator/runner';
import { useServerClock } from '../support/clock';
import { startSeededGateway, type SeededGateway } from '../support/gatewayEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let gateway: SeededGateway;

beforeAll(async () => {
  gateway = await startSeededGateway(loadSource);
});
afterAll(() => gateway.close());

interface Sent {
  method?: string;
  openid?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

function send(path: string, { method = 'GET', openid, headers = {}, body }: Sent = {}) {
  return fetch(`${gateway.baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(openid === undefined ? {} : { 'x-openid': openid }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) }),
  });
}

function post(path: string, body: string, openid?: string) {
  return send(path, { method: 'POST', openid, headers: { 'content-type': 'application/json' }, body });
}

async function callMember(openid: string, action: string, input: object) {
  return (await (await post('/fn/member', JSON.stringify({ action, input }), openid)).json()) as {
    ok: boolean;
    data: Record<string, unknown>;
    error?: { code: string };
  };
}

function upload(cloudPath: string, content: string | Uint8Array, openid?: string) {
  return send(`/cloud-files/${cloudPath}`, { method: 'PUT', openid, body: typeof content === 'string' ? Buffer.from(content) : content });
}

async function invitePicture(): Promise<{ code: string; url: string }> {
  const { code } = (await callMember('demo-secretary', 'createInvite', {})).data as { code: string };
  return (await callMember('demo-secretary', 'inviteQrCode', { code })).data as { code: string; url: string };
}

/** Starts an upload that promises 1000 bytes, sends a few, and hangs up once the server is reading it. */
async function cutOffUpload(cloudPath: string, partialBody: string): Promise<void> {
  const received = new Promise<IncomingMessage>((resolve) => gateway.server.once('request', resolve));
  const socket = connect(Number(new URL(gateway.baseUrl).port), '127.0.0.1');
  socket.write(`PUT /cloud-files/${cloudPath} HTTP/1.1\r\nHost: x\r\nx-openid: demo-member\r\ncontent-length: 1000\r\n\r\n${partialBody}`);
  const request = await received;
  const closed = new Promise((resolve) => request.once('close', resolve));
  socket.destroy();
  await closed;
}

/** Sends raw bytes over a fresh connection and resolves to what came back before the server closed it. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(gateway.baseUrl).port), '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(received).toString('utf8')));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

async function expectJsonError(response: Response, status: number, code: string): Promise<void> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as unknown;
  expect({ status: response.status, body }).toEqual({
    status,
    body: { ok: false, error: expect.objectContaining({ code, message: expect.stringMatching(/\p{Script=Han}/u) }) },
  });
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.[jt]s|Error:/);
}

describe('本地网关：调用云函数', () => {
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

  it('并发请求各自以自己的身份执行，互不串号', async () => {
    const openids = [
      'demo-member',
      'demo-secretary',
      'demo-admin',
      ...Array.from({ length: 12 }, (_, index) => `seed-member-${String(index + 1).padStart(2, '0')}`),
    ];
    const callers = [...openids, ...openids, ...openids, 'demo-stranger'];
    const answers = await Promise.all(callers.map((openid) => callMember(openid, 'me', {})));
    const seen = answers.map((answer) => (answer.data.member as { id: string } | null)?.id ?? null);
    expect(seen).toEqual(callers.map((openid) => (openid === 'demo-stranger' ? null : `m-${openid}`)));
  });

  it('网关不排队：前一个调用还没返回时，后面的请求已经进到函数里', async () => {
    const callers = ['demo-member', 'demo-secretary', 'demo-admin'];
    const entered: (string | undefined)[] = [];
    let letAllReturn!: () => void;
    const allEntered = new Promise<void>((resolve) => (letAllReturn = resolve));
    const runner: GatewayOptions['runner'] = {
      invoke: async (_name, _event, caller) => {
        entered.push(caller.openid);
        if (entered.length === callers.length) letAllReturn();
        await allEntered;
        return { result: { ok: true, data: { openid: caller.openid } }, requests: [], ms: 0 };
      },
    };
    const server = createGateway({ runner, files: new LocalFiles(), identities: [] });
    const port = await listen(server, 0);
    try {
      const answers = await Promise.all(
        callers.map(async (openid) => {
          const response = await fetch(`http://127.0.0.1:${port}/fn/member`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-openid': openid },
            body: JSON.stringify({ action: 'me', input: {} }),
          });
          return ((await response.json()) as { data: { openid: string } }).data.openid;
        }),
      );
      expect(answers).toEqual(callers);
      expect([...entered].sort()).toEqual([...callers].sort());
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('GET /healthz 与 /dev/identities 可用', async () => {
    expect(await (await send('/healthz')).json()).toEqual({ ok: true });
    const { identities } = (await (await send('/dev/identities')).json()) as { identities: { openid: string }[] };
    expect(identities.map((identity) => identity.openid)).toEqual(expect.arrayContaining(['demo-admin', 'demo-secretary', 'demo-member']));
  });

  it('静态文件路径不能越出 H5 目录', async () => {
    const response = await send('/..%2f..%2fpackage.json');
    expect(await response.text()).not.toContain('"devDependencies"');
  });
});

describe('本地网关：畸形请求一律得到 4xx JSON 错误，没有 500 和堆栈', () => {
  const json = { 'content-type': 'application/json' };
  const cases: [string, string, Sent, number, string][] = [
    ['JSON 不完整', '/fn/member', { method: 'POST', headers: json, body: '{"action":' }, 400, 'INVALID_INPUT'],
    ['请求体为空', '/fn/member', { method: 'POST', headers: json, body: '' }, 400, 'INVALID_INPUT'],
    ['请求体是 null', '/fn/member', { method: 'POST', headers: json, body: 'null' }, 400, 'INVALID_INPUT'],
    ['请求体是数组', '/fn/member', { method: 'POST', headers: json, body: '[{"action":"me"}]' }, 400, 'INVALID_INPUT'],
    ['请求体是字符串', '/fn/member', { method: 'POST', headers: json, body: '"me"' }, 400, 'INVALID_INPUT'],
    [
      '不是 JSON 的内容类型',
      '/fn/member',
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"action":"me"}' },
      415,
      'INVALID_INPUT',
    ],
    ['缺少内容类型', '/fn/member', { method: 'POST', body: '{"action":"me"}' }, 415, 'INVALID_INPUT'],
    ['请求体过大', '/fn/member', { method: 'POST', headers: json, body: `{"x":"${'a'.repeat(MAX_BODY_BYTES)}"}` }, 413, 'INVALID_INPUT'],
    ['不存在的函数', '/fn/payroll', { method: 'POST', headers: json, body: '{"action":"list"}' }, 404, 'NOT_FOUND'],
    ['函数名后多出路径', '/fn/member/me', { method: 'POST', headers: json, body: '{"action":"me"}' }, 404, 'NOT_FOUND'],
    ['缺少函数名', '/fn/', { method: 'POST', headers: json, body: '{"action":"me"}' }, 404, 'NOT_FOUND'],
    ['用 GET 调用函数', '/fn/member', { method: 'GET' }, 405, 'INVALID_INPUT'],
    ['用 DELETE 访问 /healthz', '/healthz', { method: 'DELETE' }, 405, 'INVALID_INPUT'],
    ['向 H5 页面 POST', '/index.html', { method: 'POST', body: 'x' }, 405, 'INVALID_INPUT'],
    ['页面路径的百分号编码不合法', '/pages/%E0%A4%A', {}, 400, 'INVALID_INPUT'],
    ['文件路径的百分号编码不合法', '/cloud-files/%E0.png', { openid: 'demo-member' }, 400, 'INVALID_INPUT'],
    ['文件路径含 ..', '/cloud-files/a/..%2F..%2Fpackage.json', { openid: 'demo-member' }, 400, 'INVALID_INPUT'],
    ['文件夹路径', '/cloud-files/invites/', { openid: 'demo-member' }, 400, 'INVALID_INPUT'],
    ['上传到文件夹路径', '/cloud-files/uploads/', { method: 'PUT', openid: 'demo-member', body: 'x' }, 400, 'INVALID_INPUT'],
    ['上传到以点开头的路径', '/cloud-files/.owners.json', { method: 'PUT', openid: 'demo-member', body: '{}' }, 400, 'INVALID_INPUT'],
    ['上传路径过长', `/cloud-files/${'a'.repeat(300)}.txt`, { method: 'PUT', openid: 'demo-member', body: 'x' }, 400, 'INVALID_INPUT'],
    ['用 DELETE 删除文件', '/cloud-files/uploads/x.txt', { method: 'DELETE', openid: 'demo-member' }, 405, 'INVALID_INPUT'],
    ['不带身份上传', '/cloud-files/uploads/x.txt', { method: 'PUT', body: 'x' }, 401, 'UNAUTHENTICATED'],
    [
      '上传文件过大',
      '/cloud-files/uploads/big.bin',
      { method: 'PUT', openid: 'demo-member', body: new Uint8Array(MAX_UPLOAD_BYTES + 1) },
      413,
      'INVALID_INPUT',
    ],
    ['读取不存在的文件', '/cloud-files/uploads/none.png', { openid: 'demo-member' }, 404, 'NOT_FOUND'],
  ];

  it.each(cases)('%s（%s）', async (_title, path, sent, status, code) => {
    await expectJsonError(await send(path, sent), status, code);
  });

  it('HTTP 解析不了的请求（坏的请求头）也得到 400 JSON', async () => {
    const reply = await rawExchange('GET /healthz HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('上传中途断开：什么都不存，原来的文件照旧', async () => {
    expect((await upload('uploads/half.txt', 'first', 'demo-member')).status).toBe(200);
    await cutOffUpload('uploads/half.txt', 'second-but-cut');
    expect(await (await send('/cloud-files/uploads/half.txt', { openid: 'demo-member' })).text()).toBe('first');
    await cutOffUpload('uploads/never.txt', 'partial');
    await expectJsonError(await send('/cloud-files/uploads/never.txt', { openid: 'demo-member' }), 404, 'NOT_FOUND');
  });

  it('超过大小的上传不会覆盖原来的文件', async () => {
    expect((await upload('uploads/kept.bin', 'small', 'demo-member')).status).toBe(200);
    expect((await upload('uploads/kept.bin', new Uint8Array(MAX_UPLOAD_BYTES + 1), 'demo-member')).status).toBe(413);
    expect(await (await send('/cloud-files/uploads/kept.bin', { openid: 'demo-member' })).text()).toBe('small');
  });
});

describe('本地网关：云存储默认权限（所有用户可读，仅创建者可写）', () => {
  it('用户上传后得到 fileID，函数可按 fileID 读到同样的内容', async () => {
    const response = await upload('roster-import/t.xlsx', 'sheet-bytes', 'demo-admin');
    expect(response.status).toBe(200);
    const { fileID } = (await response.json()) as { fileID: string };
    expect(fileID).toMatch(/^cloud:\/\/.+\/roster-import\/t\.xlsx$/);
    expect(gateway.files.get(fileID)?.toString()).toBe('sheet-bytes');
  });

  it('创建者可以覆盖自己的文件，别的用户不能；所有用户都能读', async () => {
    expect((await upload('uploads/mine.txt', 'v1', 'demo-member')).status).toBe(200);
    expect((await upload('uploads/mine.txt', 'v2', 'demo-member')).status).toBe(200);
    await expectJsonError(await upload('uploads/mine.txt', 'hijack', 'demo-secretary'), 403, 'FORBIDDEN');
    const read = await send('/cloud-files/uploads/mine.txt', { openid: 'demo-secretary' });
    expect({ status: read.status, text: await read.text() }).toEqual({ status: 200, text: 'v2' });
  });

  it('函数写的文件（邀请小程序码）谁也不能从客户端覆盖，连发起邀请的书记也不能', async () => {
    const { code } = await invitePicture();
    const before = gateway.files.get(`invites/${code}.png`);
    for (const openid of ['demo-secretary', 'demo-admin', 'demo-stranger']) {
      await expectJsonError(await upload(`invites/${code}.png`, 'fake-code', openid), 403, 'FORBIDDEN');
    }
    expect(gateway.files.get(`invites/${code}.png`)).toEqual(before);
  });

  it('路径不能同时是文件和文件夹', async () => {
    expect((await upload('uploads/folder/a.txt', 'a', 'demo-member')).status).toBe(200);
    await expectJsonError(await upload('uploads/folder', 'x', 'demo-member'), 409, 'CONFLICT');
    await expectJsonError(await upload('uploads/folder/a.txt/b.txt', 'x', 'demo-member'), 409, 'CONFLICT');
  });
});

describe('本地网关：临时链接', () => {
  beforeEach(() => clock.set(new Date('2026-11-23T02:00:00Z')));

  it('函数给出的临时链接带有效期和签名，网关凭它提供图片', async () => {
    const { url } = await invitePicture();
    expect(url).toMatch(/^\/cloud-files\/invites\/\w+\.png\?t=\d+&sign=[\w-]+$/);
    const image = await send(url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString('ascii'),
    ).toBe('PNG');
  });

  it('被改过的链接（签名、有效期或路径）打不开', async () => {
    const { url } = await invitePicture();
    const link = new URL(url, gateway.baseUrl);
    const sign = link.searchParams.get('sign')!;
    const expires = link.searchParams.get('t')!;
    const forged = [
      `${link.pathname}?t=${expires}&sign=${sign.slice(0, -2)}xx`,
      `${link.pathname}?t=${Number(expires) + 86_400}&sign=${sign}`,
      `/cloud-files/invites/OTHER123.png?t=${expires}&sign=${sign}`,
      `${link.pathname}?t=${expires}`,
      `${link.pathname}?t=abc&sign=${sign}`,
    ];
    for (const path of forged) await expectJsonError(await send(path), 403, 'FORBIDDEN');
  });

  it('没有链接签名也没有身份时不给文件', async () => {
    const { code } = await invitePicture();
    await expectJsonError(await send(`/cloud-files/invites/${code}.png`), 401, 'UNAUTHENTICATED');
  });

  it('链接过了有效期（函数要的 2 小时）就打不开，重新获取的链接可以', async () => {
    const { code, url } = await invitePicture();
    clock.advance(2 * 3600_000 - 1000);
    expect((await send(url)).status).toBe(200);
    clock.advance(1000);
    await expectJsonError(await send(url), 403, 'EXPIRED');
    const renewed = (await callMember('demo-secretary', 'inviteQrCode', { code })).data as { url: string };
    expect((await send(renewed.url)).status).toBe(200);
  });
});
