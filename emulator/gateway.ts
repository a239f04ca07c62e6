/**
 * The local stand-in for wx.cloud.callFunction (ARCHITECTURE.md, "The path of one request"): POST /fn/<name> with { action, input }
 * and the caller's openid in `x-openid`. Only this gateway honours that header; production
 * identity comes from the platform. It also serves the H5 build at `/`, and cloud storage under
 * `/cloud-files/<cloudPath>`: GET for the temporary links functions hand out (or a signed-in
 * client's download), PUT for a client's upload, under the storage rules of emulator/files.ts.
 *
 * Every request is answered on its own: concurrent calls reach the runner concurrently, as
 * concurrent phones reach CloudBase. A request the gateway cannot take gets a 4xx JSON error
 * `{ ok: false, error: { code, message } }`; only a fault of the gateway itself is a 500.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { contracts, type FunctionName } from '../types/contracts';
import { ERROR_MESSAGES, type ErrorCode } from '../types/errors';
import { answerFileRequest, LOCAL_FILES_ROUTE, LocalFiles, type StorageRefusalReason } from './files';
import type { FunctionRunner } from './runner';
import type { DemoIdentity } from './seed/people';

export const DEFAULT_PORT = 8787;
export const H5_DIR = join(__dirname, '..', 'dist', 'h5');
/** Above WeChat's own callFunction payload advice (100 KB) with room to spare. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Local uploads (what `wx.cloud.uploadFile` does on a phone): rosters, photos; larger media waits for real storage. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.mp4': 'video/mp4',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface GatewayOptions {
  /** Called once per request, as the requests come: the gateway itself never queues them. */
  runner: Pick<FunctionRunner, 'invoke'>;
  /** Cloud storage, served under LOCAL_FILES_ROUTE for the temporary links functions hand out. */
  files: LocalFiles;
  identities: DemoIdentity[];
  h5Dir?: string;
  /** Called after each invocation, e.g. to print DB requests in verbose mode. */
  onInvocation?: (name: string, action: string, ms: number) => void;
}

interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
  field?: string;
}

const refuse = (status: number, code: ErrorCode, message: string = ERROR_MESSAGES[code], field?: string): Refusal => ({
  status,
  code,
  message,
  ...(field === undefined ? {} : { field }),
});

const STORAGE_REFUSALS: Record<StorageRefusalReason, Refusal> = {
  INVALID_PATH: refuse(400, 'INVALID_INPUT', '云存储路径不合法', 'path'),
  FORBIDDEN: refuse(403, 'FORBIDDEN', '只能覆盖自己上传的文件'),
  PATH_CONFLICT: refuse(409, 'CONFLICT', '该路径是文件夹，或位于已有文件之下', 'path'),
};

function errorBody({ code, message, field }: Refusal) {
  return { ok: false, error: { code, message, ...(field === undefined ? {} : { field }) } };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** A refusal sent before the body was read also closes the connection, so the unread rest is not parsed as a request. */
function sendRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal, headers: Record<string, string> = {}): void {
  sendJson(res, refusal.status, errorBody(refusal), req.complete ? headers : { ...headers, connection: 'close' });
}

type BodyRead = { body: Buffer } | { refusal: Refusal };

function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  return header === undefined ? undefined : Number(header);
}

/** The whole body, or why not: larger than `maxBytes` (told by its length or found while reading), or cut off. */
async function readBody(req: IncomingMessage, maxBytes: number, tooLarge: string): Promise<BodyRead> {
  if ((declaredLength(req) ?? 0) > maxBytes) return { refusal: refuse(413, 'INVALID_INPUT', tooLarge, 'body') };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) return { refusal: refuse(413, 'INVALID_INPUT', tooLarge, 'body') };
      chunks.push(chunk as Buffer);
    }
  } catch {
    return { refusal: refuse(400, 'INVALID_INPUT', '请求体不完整', 'body') };
  }
  return { body: Buffer.concat(chunks) };
}

function callerOpenid(req: IncomingMessage): string | undefined {
  const header = req.headers['x-openid'];
  return typeof header === 'string' && header.length > 0 ? header : undefined;
}

function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(contracts, name);
}

function isJsonRequest(req: IncomingMessage): boolean {
  const mediaType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** The event a function receives, or why the body is not one. */
function parseEvent(body: Buffer): { event: Record<string, unknown> } | { refusal: Refusal } {
  let event: unknown;
  try {
    event = JSON.parse(body.toString('utf8'));
  } catch {
    return { refusal: refuse(400, 'INVALID_INPUT', '请求体不是合法的 JSON', 'body') };
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return { refusal: refuse(400, 'INVALID_INPUT', '请求体应为 JSON 对象 { action, input }', 'body') };
  }
  return { event: event as Record<string, unknown> };
}

async function callFunction(options: GatewayOptions, name: string, req: IncomingMessage, res: ServerResponse) {
  if (!isFunctionName(name)) return sendRefusal(req, res, refuse(404, 'NOT_FOUND', `没有名为 ${name} 的云函数`));
  if (!isJsonRequest(req)) {
    return sendRefusal(req, res, refuse(415, 'INVALID_INPUT', '请求体应为 JSON（content-type: application/json）', 'body'));
  }
  const read = await readBody(req, MAX_BODY_BYTES, '请求过大');
  if ('refusal' in read) return sendRefusal(req, res, read.refusal);
  const parsed = parseEvent(read.body);
  if ('refusal' in parsed) return sendRefusal(req, res, parsed.refusal);
  // Whatever its body says, a call from the browser is a mini-program's (SOURCE wx_client): it cannot pass for a platform push.
  const { result, ms } = await options.runner.invoke(name, parsed.event, { openid: callerOpenid(req), source: 'wx_client' });
  const { action } = parsed.event;
  options.onInvocation?.(name, typeof action === 'string' ? action : '?', ms);
  sendJson(res, 200, result);
}

/** undefined for a malformed escape. */
function decodedPath(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

const BAD_ENCODING = refuse(400, 'INVALID_INPUT', '路径的百分号编码不合法', 'path');

function serveStatic(h5Dir: string, pathname: string, req: IncomingMessage, res: ServerResponse): void {
  const decoded = decodedPath(pathname);
  if (decoded === undefined) return sendRefusal(req, res, BAD_ENCODING);
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const candidate = join(h5Dir, relative);
  const insideRoot = candidate === h5Dir || candidate.startsWith(h5Dir + sep);
  const file = insideRoot && existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(h5Dir, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('H5 版本尚未构建：请运行 npm run build:h5');
    return;
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}

/**
 * Reading is open to everyone (the default rule's `read: true`), through a temporary link a function
 * handed out, or as a signed-in client downloading by path; a link that was altered or has run out
 * opens nothing.
 */
function readRefusal(files: LocalFiles, cloudPath: string, url: URL, req: IncomingMessage): Refusal | undefined {
  const expires = url.searchParams.get('t');
  const sign = url.searchParams.get('sign');
  if (expires === null && sign === null) {
    return callerOpenid(req) === undefined ? refuse(401, 'UNAUTHENTICATED', '请使用函数给出的临时链接，或带上身份') : undefined;
  }
  const check = files.checkLink(cloudPath, expires ?? '', sign ?? '');
  if (check === 'tampered') return refuse(403, 'FORBIDDEN', '链接无效');
  if (check === 'expired') return refuse(403, 'EXPIRED', '链接已过期，请刷新页面重新获取');
  return undefined;
}

function serveCloudFile(files: LocalFiles, cloudPath: string, url: URL, req: IncomingMessage, res: ServerResponse): void {
  const refusal = readRefusal(files, cloudPath, url, req);
  if (refusal !== undefined) return sendRefusal(req, res, refusal);
  const content = files.get(cloudPath);
  if (content === undefined) return sendRefusal(req, res, refuse(404, 'NOT_FOUND', '文件不存在'));
  // Ranges as cloud storage serves them: a video seeks, the server reads an MP4's header (server/mediaProbe.ts).
  const answer = answerFileRequest(content, req.headers.range);
  res.writeHead(answer.status, {
    'content-type': CONTENT_TYPES[extname(cloudPath).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    ...answer.headers,
  });
  res.end(answer.body);
}

/**
 * The H5 build's stand-in for `wx.cloud.uploadFile`: PUT the bytes, get the file ID back. Nothing is
 * stored until the whole body has arrived, and then through a rename, so a cut-off or oversized
 * upload leaves the path as it was.
 */
async function receiveCloudFile(files: LocalFiles, cloudPath: string, req: IncomingMessage, res: ServerResponse) {
  const openid = callerOpenid(req);
  if (openid === undefined) return sendRefusal(req, res, refuse(401, 'UNAUTHENTICATED', '上传需要身份（x-openid）'));
  const writer = { side: 'client', openid } as const;
  const early = files.refusalFor(cloudPath, writer);
  if (early !== undefined) return sendRefusal(req, res, STORAGE_REFUSALS[early.reason]);
  const read = await readBody(req, MAX_UPLOAD_BYTES, '文件过大');
  if ('refusal' in read) return sendRefusal(req, res, read.refusal);
  const late = files.refusalFor(cloudPath, writer);
  if (late !== undefined) return sendRefusal(req, res, STORAGE_REFUSALS[late.reason]);
  return sendJson(res, 200, { fileID: files.put(cloudPath, read.body, writer) });
}

async function cloudFiles(files: LocalFiles, encodedPath: string, url: URL, req: IncomingMessage, res: ServerResponse) {
  const cloudPath = decodedPath(encodedPath);
  if (cloudPath === undefined) return sendRefusal(req, res, BAD_ENCODING);
  if (!LocalFiles.isCloudPath(cloudPath)) return sendRefusal(req, res, STORAGE_REFUSALS.INVALID_PATH);
  if (req.method === 'PUT') return receiveCloudFile(files, cloudPath, req, res);
  return serveCloudFile(files, cloudPath, url, req, res);
}

interface Route {
  methods: readonly string[];
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

const READ_ONLY = ['GET', 'HEAD'] as const;

function route(options: GatewayOptions, pathname: string): Route {
  const h5Dir = options.h5Dir ?? H5_DIR;
  if (pathname.startsWith('/fn/')) {
    return { methods: ['POST'], handle: (req, res) => callFunction(options, pathname.slice('/fn/'.length), req, res) };
  }
  if (pathname === '/healthz') return { methods: READ_ONLY, handle: (_req, res) => sendJson(res, 200, { ok: true }) };
  if (pathname === '/dev/identities') {
    return { methods: READ_ONLY, handle: (_req, res) => sendJson(res, 200, { identities: options.identities }) };
  }
  if (pathname.startsWith(LOCAL_FILES_ROUTE)) {
    return {
      methods: [...READ_ONLY, 'PUT'],
      handle: (req, res, url) => cloudFiles(options.files, pathname.slice(LOCAL_FILES_ROUTE.length), url, req, res),
    };
  }
  return { methods: READ_ONLY, handle: (req, res) => serveStatic(h5Dir, pathname, req, res) };
}

function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

/** What Node's HTTP parser rejects (broken request line or headers) gets the same JSON shape. */
function answerUnparsable(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(errorBody(refuse(status, 'INVALID_INPUT', '无法解析的 HTTP 请求')));
  socket.end(
    `HTTP/1.1 ${status} Bad Request\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

export function createGateway(options: GatewayOptions): Server {
  const server = createServer((req, res) => {
    const url = requestUrl(req);
    if (url === undefined) return sendRefusal(req, res, refuse(400, 'INVALID_INPUT', '请求地址不合法', 'path'));
    const target = route(options, url.pathname);
    if (!target.methods.includes(req.method ?? '')) {
      return sendRefusal(req, res, refuse(405, 'INVALID_INPUT', `此路径只接受 ${target.methods.join('、')} 请求`), {
        allow: target.methods.join(', '),
      });
    }
    Promise.resolve()
      .then(() => target.handle(req, res, url))
      .catch((error: unknown) => {
        console.error(JSON.stringify({ level: 'error', event: 'gateway_error', message: String(error) }));
        if (!res.headersSent) sendJson(res, 500, errorBody(refuse(500, 'INTERNAL')));
      });
  });
  server.on('clientError', answerUnparsable);
  return server;
}

export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
