/**
 * Local stand-ins for the wx-server-sdk calls that are not database calls: cloud storage
 * (uploadFile, downloadFile, getTempFileURL, deleteFile, and fetching a temporary link), and the
 * cloud-call openapi (wxacode.getUnlimited, subscribeMessage.send, security.msgSecCheck and
 * mediaCheckAsync in emulator/contentSecurity.ts). The SDK's export object has plain writable
 * properties, so they are replaced on every copy the functions can load; an openapi without a
 * stand-in throws instead of going to the network.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { isValidScene } from '../core/scene';
import { contracts } from '../types/contracts';
import { TIMER_FUNCTIONS } from '../types/contracts/cron';
import { CloudCallError } from './cloudCallError';
import { contentSecurity } from './contentSecurity';
import { ADMIN_SIDE, answerFileRequest, LOCAL_FILES_ROUTE, type LocalFiles, StorageRefusal } from './files';
import { PlatformPushes } from './pushes';
import { qrCodePng } from './qrPng';

const nodeRequire = require as unknown as NodeJS.Require;
const FUNCTIONS_DIR = join(__dirname, '..', 'cloudfunctions');

function toBuffer(content: unknown): Buffer {
  if (Buffer.isBuffer(content)) return content;
  if (content instanceof Uint8Array) return Buffer.from(content);
  if (typeof content === 'string') return Buffer.from(content);
  throw new CloudCallError(-1, 'uploadFile:fail the local emulator takes fileContent as a Buffer');
}

function fileIdOf(entry: string | { fileID: string }): string {
  return typeof entry === 'string' ? entry : entry.fileID;
}

/** Functions run on the admin side: storage rules never bind them (see emulator/files.ts). */
function storage(files: LocalFiles) {
  return {
    uploadFile: async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: unknown }) => {
      try {
        return { fileID: files.put(cloudPath, toBuffer(fileContent), ADMIN_SIDE), statusCode: 200, errMsg: 'uploadFile:ok' };
      } catch (error) {
        if (error instanceof StorageRefusal) throw new CloudCallError(-503002, `uploadFile:fail ${error.message}`);
        throw error;
      }
    },
    downloadFile: async ({ fileID }: { fileID: string }) => {
      const fileContent = files.get(fileID);
      if (fileContent === undefined) throw new CloudCallError(-503003, `downloadFile:fail STORAGE_FILE_NONEXIST ${fileID}`);
      return { fileContent, statusCode: 200, errMsg: 'downloadFile:ok' };
    },
    getTempFileURL: async ({ fileList }: { fileList: (string | { fileID: string; maxAge?: number })[] }) => ({
      fileList: fileList.map((entry) => {
        const fileID = fileIdOf(entry);
        const link = files.temporaryLink(fileID, typeof entry === 'string' ? undefined : entry.maxAge);
        return link === undefined
          ? { fileID, tempFileURL: '', status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' }
          : { fileID, tempFileURL: link.url, maxAge: link.maxAge, status: 0, errMsg: 'ok' };
      }),
      errMsg: 'getTempFileURL:ok',
    }),
    deleteFile: async ({ fileList }: { fileList: string[] }) => ({
      fileList: fileList.map((fileID) =>
        files.remove(fileID) ? { fileID, status: 0, errMsg: 'ok' } : { fileID, status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' },
      ),
      errMsg: 'deleteFile:ok',
    }),
  };
}

interface UnlimitedCodeParams {
  scene?: string;
  page?: string;
  width?: number;
}

/**
 * Mirrors the platform's checks and answers with a plain QR code of what WeChat would open
 * (`page?scene=…`): scannable for a look, and the same `{ contentType, buffer }` shape.
 */
async function getUnlimited({ scene, page = 'pages/home/index', width = 430 }: UnlimitedCodeParams) {
  const api = 'openapi.wxacode.getUnlimited';
  if (typeof scene !== 'string' || !isValidScene(scene)) throw new CloudCallError(40169, `${api}:fail invalid scene`);
  if (page.startsWith('/') || page.includes('?')) throw new CloudCallError(41030, `${api}:fail invalid page`);
  if (width < 280 || width > 1280) throw new CloudCallError(40159, `${api}:fail invalid width`);
  const buffer = qrCodePng(`${page}?scene=${encodeURIComponent(scene)}`, width);
  return { contentType: 'image/png', buffer, errCode: 0, errMsg: `${api}:ok` };
}

interface SubscribeMessageParams {
  touser?: string;
  templateId?: string;
  page?: string;
  data?: Record<string, { value?: unknown }>;
}

/** The value limits WeChat checks per keyword type (errCode 47003 names the keyword that broke one). */
const KEYWORD_RULES: Record<string, (value: string) => boolean> = {
  thing: (value) => [...value].length <= 20,
  phrase: (value) => /^[\u4e00-\u9fff]{1,5}$/.test(value),
  time: (value) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$|^\d{1,2}:\d{2}$|^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?$/.test(value),
};

/**
 * Mirrors the platform's checks on a message and answers as it does; nothing is delivered. The
 * outbox itself is the local record of what would have been sent (state 'sent' with its payload).
 * WeChat also refuses (43101) a message the user has no acceptance left for; here the caller's own
 * credit count is what keeps to that rule, and the tests check it.
 */
async function subscribeMessageSend({ touser, templateId, page, data }: SubscribeMessageParams) {
  const api = 'openapi.subscribeMessage.send';
  if (!touser) throw new CloudCallError(40003, `${api}:fail invalid openid`);
  if (!templateId) throw new CloudCallError(40037, `${api}:fail invalid template id`);
  if (page !== undefined && page.startsWith('/')) throw new CloudCallError(41030, `${api}:fail invalid page`);
  for (const [keyword, entry] of Object.entries(data ?? {})) {
    const value = entry?.value;
    const rule = KEYWORD_RULES[keyword.replace(/\d+$/, '')];
    if (typeof value !== 'string' || value === '' || (rule !== undefined && !rule(value))) {
      throw new CloudCallError(47003, `${api}:fail argument invalid! data.${keyword}.value`);
    }
  }
  return { errCode: 0, errMsg: `${api}:ok` };
}

function openapi(files: LocalFiles, pushes: PlatformPushes): Record<string, unknown> {
  const namespaces: Record<string, Record<string, unknown>> = {
    wxacode: { getUnlimited },
    subscribeMessage: { send: subscribeMessageSend },
    security: contentSecurity(files, pushes),
  };
  return new Proxy(namespaces, {
    get(target, name: string) {
      const namespace = target[name];
      if (namespace === undefined) throw new Error(`local emulator: openapi.${name} has no local stand-in`);
      return namespace;
    },
  });
}

/** The distinct wx-server-sdk copies this process and each function folder resolve to. */
export function sdkCopies(): string[] {
  const found = new Set([realpathSync(nodeRequire.resolve('wx-server-sdk'))]);
  for (const name of [...Object.keys(contracts), ...TIMER_FUNCTIONS]) {
    try {
      found.add(realpathSync(nodeRequire.resolve('wx-server-sdk', { paths: [join(FUNCTIONS_DIR, name)] })));
    } catch {
      // A function without its own resolvable copy uses the root one, already in the set.
    }
  }
  return [...found];
}

/** The fetch the process started with: every URL but a local temporary link goes there. */
const networkFetch = globalThis.fetch;

/**
 * A function fetching a temporary link it handed out reaches the local store as production's reaches
 * cloud storage, ranges included (server/mediaProbe.ts reads an MP4's header so). Local links are
 * root-relative (the H5 app resolves them against the gateway), which fetch alone cannot open.
 */
function localLinkFetch(files: LocalFiles): typeof fetch {
  return async (input, init) => {
    const link = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    if (link === undefined || !link.startsWith(LOCAL_FILES_ROUTE)) return networkFetch(input, init);
    const opened = files.openLink(link);
    if ('refusal' in opened) return new Response(opened.refusal, { status: opened.refusal === 'missing' ? 404 : 403 });
    const answer = answerFileRequest(opened.content, new Headers(init?.headers).get('range') ?? undefined);
    // A view, not a copy: stored files are Node buffers over plain ArrayBuffers.
    const body = new Uint8Array(answer.body.buffer as ArrayBuffer, answer.body.byteOffset, answer.body.length);
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}

/**
 * `pushes` receives what asynchronous checks push back later (mediaCheckAsync); without one they are
 * queued and never delivered, which is all a test of storage alone needs.
 */
export function installPlatformStandIns(files: LocalFiles, pushes: PlatformPushes = new PlatformPushes('held')): void {
  const standIns = { ...storage(files), openapi: openapi(files, pushes) };
  for (const path of sdkCopies()) Object.assign(nodeRequire(path) as Record<string, unknown>, standIns);
  globalThis.fetch = localLinkFetch(files);
}
