/**
 * The local stand-in for wx.cloud.callFunction (DESIGN §4): POST /fn/<name> with { action, input }
 * and the caller's openid in `x-openid`. Only this gateway honours that header; production
 * identity comes from the platform. It also serves the H5 build at `/`, and cloud storage under
 * `/cloud-files/<cloudPath>`: GET for the temporary links functions hand out, PUT for uploads.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contracts, type FunctionName } from '../types/contracts';
import { ERROR_MESSAGES } from '../types/errors';
import type { Result } from '../types/result';
import { LOCAL_FILES_ROUTE, LocalFiles } from './files';
import type { FunctionRunner } from './runner';
import type { DemoIdentity } from './seed/people';

export const DEFAULT_PORT = 8787;
export const H5_DIR = join(__dirname, '..', 'dist', 'h5');
/** Above WeChat's own callFunction payload advice (100 KB) with room to spare. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Local uploads (what `wx.cloud.uploadFile` does on a phone): rosters, photos; larger media waits for real storage. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface GatewayOptions {
  runner: FunctionRunner;
  /** Cloud storage, served under LOCAL_FILES_ROUTE for the temporary links functions hand out. */
  files: LocalFiles;
  identities: DemoIdentity[];
  h5Dir?: string;
  /** Called after each invocation, e.g. to print DB requests in verbose mode. */
  onInvocation?: (name: string, action: string, ms: number) => void;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(payload);
}

function invalidBody(message: string): Result<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message: `${ERROR_MESSAGES.INVALID_INPUT}：${message}`, field: 'body' } };
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function callerOpenid(req: IncomingMessage): string | undefined {
  const header = req.headers['x-openid'];
  return typeof header === 'string' && header.length > 0 ? header : undefined;
}

function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(contracts, name);
}

async function callFunction(options: GatewayOptions, name: string, req: IncomingMessage, res: ServerResponse) {
  if (!isFunctionName(name)) {
    sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND } });
    return;
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) return sendJson(res, 413, invalidBody('请求过大'));
  let event: unknown;
  try {
    event = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return sendJson(res, 400, invalidBody('不是合法的 JSON'));
  }
  const { result, ms } = await options.runner.invoke(name, event, { openid: callerOpenid(req) });
  const action = (event as { action?: unknown }).action;
  options.onInvocation?.(name, typeof action === 'string' ? action : '?', ms);
  sendJson(res, 200, result);
}

function serveStatic(h5Dir: string, pathname: string, res: ServerResponse): void {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
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

/** '' (never a valid cloud path) for a malformed escape. */
function decodedPath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return '';
  }
}

/** The H5 build's stand-in for `wx.cloud.uploadFile`: PUT the bytes, get the file ID back. */
async function receiveCloudFile(files: LocalFiles, cloudPath: string, req: IncomingMessage, res: ServerResponse) {
  if (callerOpenid(req) === undefined) {
    return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: ERROR_MESSAGES.UNAUTHENTICATED } });
  }
  if (!LocalFiles.isCloudPath(cloudPath)) return sendJson(res, 400, invalidBody('云存储路径不合法'));
  const content = await readBody(req, MAX_UPLOAD_BYTES);
  if (content === null) return sendJson(res, 413, invalidBody('文件过大'));
  return sendJson(res, 200, { fileID: files.put(cloudPath, content) });
}

function serveCloudFile(files: LocalFiles, cloudPath: string, res: ServerResponse): void {
  const content = files.get(cloudPath);
  if (content === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('文件不存在');
    return;
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(cloudPath)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(content);
}

export function createGateway(options: GatewayOptions): Server {
  const h5Dir = options.h5Dir ?? H5_DIR;
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const fnMatch = /^\/fn\/([A-Za-z]+)$/.exec(url.pathname);
    const handle = async () => {
      if (fnMatch?.[1] !== undefined) {
        if (req.method !== 'POST') return sendJson(res, 405, invalidBody('请使用 POST'));
        return callFunction(options, fnMatch[1], req, res);
      }
      if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
      if (url.pathname === '/dev/identities') return sendJson(res, 200, { identities: options.identities });
      if (url.pathname.startsWith(LOCAL_FILES_ROUTE)) {
        const cloudPath = decodedPath(url.pathname.slice(LOCAL_FILES_ROUTE.length));
        if (req.method === 'PUT') return receiveCloudFile(options.files, cloudPath, req, res);
        if (req.method === 'GET' || req.method === 'HEAD') return serveCloudFile(options.files, cloudPath, res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, invalidBody('不支持的请求方法'));
      return serveStatic(h5Dir, url.pathname, res);
    };
    handle().catch((error: unknown) => {
      console.error(JSON.stringify({ level: 'error', event: 'gateway_error', message: String(error) }));
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
    });
  });
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
