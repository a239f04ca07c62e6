/**
 * The local stand-in for cloud storage: files by cloud path, in memory, and under `<dir>/` too when
 * the environment persists (npm start). File IDs look like production's `cloud://<env>.<bucket>/<path>`
 * so code that stores them keeps working unchanged.
 *
 * Who may write follows CloudBase's default storage permission, "所有用户可读，仅创建者可读写"
 * (cloud.tencent.com/document/product/876/41766; as a rule: `{ "read": true, "write":
 * "resource.openid == auth.openid" }`, where write covers upload, overwrite and delete). The rules
 * bind the client only: "管理端（云函数、云控制台）始终拥有所有读写权限"
 * (developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/storage/security-rules). So a client
 * writes a new path or its own file, never a function's file (which has no client owner) or
 * another user's; the admin side writes anything.
 *
 * Temporary links (getTempFileURL) carry their expiry and an HMAC signature, as production's carry
 * `t` and `sign`. `maxAge` is in seconds, 86400 by default and at most one day
 * (developers.weixin.qq.com/minigame/dev/wxcloud/reference-client-api/storage/getTempFileURL).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export const LOCAL_FILE_ID_PREFIX = 'cloud://local.hongtu-local/';
/** Where the gateway serves stored files; temporary links point here. */
export const LOCAL_FILES_ROUTE = '/cloud-files/';
const DEFAULT_LINK_MAX_AGE_SECONDS = 86_400;
const MAX_LINK_MAX_AGE_SECONDS = 86_400;

/**
 * Cloud paths as CloudBase accepts them, minus anything that could leave the storage folder or
 * reach the store's own bookkeeping (dot-named entries): segments of letters, digits, CJK, `_-.`,
 * none starting with a dot, no `..` anywhere. Lengths keep every segment a valid file name on disk.
 */
const CLOUD_PATH = /^(?!.*\.\.)(?!\.)[\w\u4e00-\u9fff\-.]{1,80}(\/(?!\.)[\w\u4e00-\u9fff\-.]{1,80})*$/;
const MAX_CLOUD_PATH_LENGTH = 256;
const OWNERS_FILE = '.owners.json';
const PARTIAL_DIR = '.partial';

/** Who writes: a function or the console (admin side), or a client identified by its openid. */
export type StorageWriter = { side: 'admin' } | { side: 'client'; openid: string };
export const ADMIN_SIDE: StorageWriter = { side: 'admin' };

export type StorageRefusalReason = 'INVALID_PATH' | 'FORBIDDEN' | 'PATH_CONFLICT';

/** A write the storage refused; nothing was stored. */
export class StorageRefusal extends Error {
  constructor(
    readonly reason: StorageRefusalReason,
    message: string,
  ) {
    super(message);
  }
}

export type LinkCheck = 'valid' | 'expired' | 'tampered';

interface StoredFile {
  /** The client that wrote it; undefined when the admin side did (or it predates owner records). */
  owner: string | undefined;
  /** Loaded on first read when the store persists. */
  content: Buffer | undefined;
}

/** The cloud path a local file ID names, or undefined for anything else. */
function cloudPathOf(fileID: string): string | undefined {
  if (!fileID.startsWith(LOCAL_FILE_ID_PREFIX)) return undefined;
  const cloudPath = fileID.slice(LOCAL_FILE_ID_PREFIX.length);
  return LocalFiles.isCloudPath(cloudPath) ? cloudPath : undefined;
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
function writeAtomically(partialDir: string, target: string, content: Buffer | string): void {
  mkdirSync(partialDir, { recursive: true });
  const partial = join(partialDir, randomBytes(8).toString('hex'));
  try {
    writeFileSync(partial, content);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Every stored file under `dir`, as cloud paths, skipping the bookkeeping entries. */
function storedPaths(dir: string, folder = dir): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return storedPaths(dir, path);
    return entry.isFile() ? [relative(dir, path).split(sep).join('/')] : [];
  });
}

export class LocalFiles {
  private readonly files = new Map<string, StoredFile>();
  /** Signs temporary links; a fresh one per run, so links from an earlier run no longer open. */
  private readonly linkSecret = randomBytes(32);

  constructor(
    private readonly dir?: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    if (dir === undefined) return;
    const owners = existsSync(join(dir, OWNERS_FILE))
      ? (JSON.parse(readFileSync(join(dir, OWNERS_FILE), 'utf8')) as Record<string, string>)
      : {};
    for (const cloudPath of storedPaths(dir)) this.files.set(cloudPath, { owner: owners[cloudPath], content: undefined });
  }

  static isCloudPath(path: string): boolean {
    return path.length <= MAX_CLOUD_PATH_LENGTH && CLOUD_PATH.test(path);
  }

  /**
   * Why `writer` may not store a file at `cloudPath`, or undefined when it may. The gateway asks
   * before receiving an upload's body; `put` asks again.
   */
  refusalFor(cloudPath: string, writer: StorageWriter): StorageRefusal | undefined {
    if (!LocalFiles.isCloudPath(cloudPath)) return new StorageRefusal('INVALID_PATH', `invalid cloudPath "${cloudPath}"`);
    const existing = this.files.get(cloudPath);
    if (writer.side === 'client' && existing !== undefined && existing.owner !== writer.openid) {
      return new StorageRefusal('FORBIDDEN', `"${cloudPath}" belongs to someone else`);
    }
    const prefix = `${cloudPath}/`;
    const segments = cloudPath.split('/');
    const fileAbove = segments.slice(1).some((_, index) => this.files.has(segments.slice(0, index + 1).join('/')));
    if (fileAbove || [...this.files.keys()].some((path) => path.startsWith(prefix))) {
      return new StorageRefusal('PATH_CONFLICT', `"${cloudPath}" is a folder, or lies under a file`);
    }
    return undefined;
  }

  /**
   * Stores the content under the cloud path (replacing what was there) and returns its file ID.
   * Without a writer it is the admin side's write, as when a test plants a file through the console.
   */
  put(cloudPath: string, content: Buffer, writer: StorageWriter = ADMIN_SIDE): string {
    const refusal = this.refusalFor(cloudPath, writer);
    if (refusal !== undefined) throw refusal;
    const owner = writer.side === 'client' ? writer.openid : undefined;
    if (this.dir !== undefined) {
      writeAtomically(join(this.dir, PARTIAL_DIR), join(this.dir, cloudPath), content);
      if (owner !== this.files.get(cloudPath)?.owner) this.saveOwners(cloudPath, owner);
    }
    this.files.set(cloudPath, { owner, content });
    return LOCAL_FILE_ID_PREFIX + cloudPath;
  }

  /** The content under a file ID or cloud path, or undefined. */
  get(fileIdOrPath: string): Buffer | undefined {
    const cloudPath = cloudPathOf(fileIdOrPath) ?? fileIdOrPath;
    const stored = this.files.get(cloudPath);
    if (stored === undefined || stored.content !== undefined || this.dir === undefined) return stored?.content;
    stored.content = readFileSync(join(this.dir, cloudPath));
    return stored.content;
  }

  /** Deletes a file (admin side: functions call deleteFile). */
  remove(fileID: string): boolean {
    const cloudPath = cloudPathOf(fileID);
    const stored = cloudPath === undefined ? undefined : this.files.get(cloudPath);
    if (cloudPath === undefined || stored === undefined) return false;
    this.files.delete(cloudPath);
    if (this.dir !== undefined) {
      rmSync(join(this.dir, cloudPath), { force: true });
      if (stored.owner !== undefined) this.saveOwners(cloudPath, undefined);
    }
    return true;
  }

  /** Empties the storage (`npm run seed -- --reset`). */
  reset(): void {
    this.files.clear();
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * A root-relative temporary link (the H5 app is served by the same gateway, so it resolves without
   * a host) valid for `maxAgeSeconds`, capped at a day as production caps it; undefined when there is
   * no such file.
   */
  temporaryLink(fileID: string, maxAgeSeconds = DEFAULT_LINK_MAX_AGE_SECONDS): { url: string; maxAge: number } | undefined {
    const cloudPath = cloudPathOf(fileID);
    if (cloudPath === undefined || !this.files.has(cloudPath)) return undefined;
    const maxAge = Number.isFinite(maxAgeSeconds)
      ? Math.min(Math.max(Math.floor(maxAgeSeconds), 1), MAX_LINK_MAX_AGE_SECONDS)
      : DEFAULT_LINK_MAX_AGE_SECONDS;
    const expires = String(Math.floor(this.clock().getTime() / 1000) + maxAge);
    const encodedPath = cloudPath.split('/').map(encodeURIComponent).join('/');
    return { url: `${LOCAL_FILES_ROUTE}${encodedPath}?t=${expires}&sign=${this.signature(cloudPath, expires)}`, maxAge };
  }

  /** Whether a link's `t` and `sign` are the ones `temporaryLink` gave this path, and still current. */
  checkLink(cloudPath: string, expires: string, sign: string): LinkCheck {
    const expected = Buffer.from(this.signature(cloudPath, expires));
    const given = Buffer.from(sign);
    if (!/^\d{1,12}$/.test(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) return 'tampered';
    return Number(expires) * 1000 <= this.clock().getTime() ? 'expired' : 'valid';
  }

  /**
   * What a temporary link opens, as a download through it would (the function side fetching a link
   * it was given): the file, or why not.
   */
  openLink(link: string): { content: Buffer } | { refusal: 'notALocalLink' | 'tampered' | 'expired' | 'missing' } {
    let url: URL;
    try {
      url = new URL(link, 'http://local-link');
    } catch {
      return { refusal: 'notALocalLink' };
    }
    if (url.host !== 'local-link' || !url.pathname.startsWith(LOCAL_FILES_ROUTE)) return { refusal: 'notALocalLink' };
    let cloudPath: string;
    try {
      cloudPath = decodeURIComponent(url.pathname.slice(LOCAL_FILES_ROUTE.length));
    } catch {
      return { refusal: 'tampered' };
    }
    const check = this.checkLink(cloudPath, url.searchParams.get('t') ?? '', url.searchParams.get('sign') ?? '');
    if (check !== 'valid') return { refusal: check };
    const content = this.get(cloudPath);
    return content === undefined ? { refusal: 'missing' } : { content };
  }

  private signature(cloudPath: string, expires: string): string {
    return createHmac('sha256', this.linkSecret).update(`${cloudPath}\n${expires}`).digest('base64url');
  }

  /** Records (or clears, for undefined) the client owner of one path in the owners file. */
  private saveOwners(cloudPath: string, owner: string | undefined): void {
    if (this.dir === undefined) return;
    const owners: Record<string, string> = {};
    for (const [path, stored] of this.files) if (stored.owner !== undefined && path !== cloudPath) owners[path] = stored.owner;
    if (owner !== undefined) owners[cloudPath] = owner;
    writeAtomically(join(this.dir, PARTIAL_DIR), join(this.dir, OWNERS_FILE), JSON.stringify(owners));
  }
}

/** What a GET of a stored file answers: the whole file, one range of it, or why the range cannot be served. */
export interface FileAnswer {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Buffer;
}

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * A GET with an optional `Range` header, as cloud storage (COS) answers it (RFC 9110 §14): one range
 * `bytes=a-b`, `bytes=a-` or `bytes=-n` gets 206 with `Content-Range`; a range starting past the end
 * gets 416; no range, several ranges or a malformed one get the whole file (a server may ignore a
 * Range it does not serve). Video players seek this way and the server reads an MP4's header this way.
 */
export function answerFileRequest(content: Buffer, rangeHeader: string | undefined): FileAnswer {
  const size = content.length;
  const whole: FileAnswer = {
    status: 200,
    headers: { 'accept-ranges': 'bytes', 'content-length': String(size) },
    body: content,
  };
  const match = rangeHeader === undefined ? null : SINGLE_RANGE.exec(rangeHeader.trim());
  if (match === null || (match[1] === '' && match[2] === '')) return whole;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(size - Number(match[2]), 0);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (end < start && start < size) return whole;
  }
  if (start >= size || size === 0) {
    return { status: 416, headers: { 'accept-ranges': 'bytes', 'content-range': `bytes */${size}` }, body: Buffer.alloc(0) };
  }
  const body = content.subarray(start, end + 1);
  return {
    status: 206,
    headers: { 'accept-ranges': 'bytes', 'content-length': String(body.length), 'content-range': `bytes ${start}-${end}/${size}` },
    body,
  };
}
