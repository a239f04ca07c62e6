/**
 * The local stand-in for cloud storage: files by cloud path, in memory, and under `<dir>/` too when
 * the environment persists (npm start). File IDs look like production's `cloud://<env>.<bucket>/<path>`
 * so code that stores them keeps working unchanged.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const LOCAL_FILE_ID_PREFIX = 'cloud://local.hongtu-local/';
/** Where the gateway serves stored files; temporary links point here. */
export const LOCAL_FILES_ROUTE = '/cloud-files/';

/** Cloud paths as CloudBase accepts them, minus anything that could leave the storage folder. */
const CLOUD_PATH = /^(?!.*\.\.)[\w\u4e00-\u9fff\-.]+(\/[\w\u4e00-\u9fff\-.]+)*$/;

/** The cloud path a local file ID names, or undefined for anything else. */
function cloudPathOf(fileID: string): string | undefined {
  if (!fileID.startsWith(LOCAL_FILE_ID_PREFIX)) return undefined;
  const cloudPath = fileID.slice(LOCAL_FILE_ID_PREFIX.length);
  return CLOUD_PATH.test(cloudPath) ? cloudPath : undefined;
}

export class LocalFiles {
  private readonly memory = new Map<string, Buffer>();

  constructor(private readonly dir?: string) {}

  static isCloudPath(path: string): boolean {
    return CLOUD_PATH.test(path);
  }

  /** Stores the content under the cloud path (replacing what was there) and returns its file ID. */
  put(cloudPath: string, content: Buffer): string {
    if (!LocalFiles.isCloudPath(cloudPath)) throw new Error(`invalid cloud path "${cloudPath}"`);
    this.memory.set(cloudPath, content);
    if (this.dir !== undefined) {
      const file = join(this.dir, cloudPath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    return LOCAL_FILE_ID_PREFIX + cloudPath;
  }

  /** The content under a file ID or cloud path, or undefined. */
  get(fileIdOrPath: string): Buffer | undefined {
    const cloudPath = cloudPathOf(fileIdOrPath) ?? (CLOUD_PATH.test(fileIdOrPath) ? fileIdOrPath : undefined);
    if (cloudPath === undefined) return undefined;
    const cached = this.memory.get(cloudPath);
    if (cached !== undefined || this.dir === undefined) return cached;
    const file = join(this.dir, cloudPath);
    if (!existsSync(file)) return undefined;
    const content = readFileSync(file);
    this.memory.set(cloudPath, content);
    return content;
  }

  remove(fileID: string): boolean {
    const cloudPath = cloudPathOf(fileID);
    if (cloudPath === undefined || this.get(cloudPath) === undefined) return false;
    this.memory.delete(cloudPath);
    if (this.dir !== undefined) rmSync(join(this.dir, cloudPath), { force: true });
    return true;
  }

  /** Empties the storage (`npm run seed -- --reset`). */
  reset(): void {
    this.memory.clear();
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
  }

  /** A root-relative link: the H5 app is served by the same gateway, so it resolves without a host. */
  linkTo(fileID: string): string | undefined {
    const cloudPath = cloudPathOf(fileID);
    return cloudPath === undefined || this.get(cloudPath) === undefined ? undefined : LOCAL_FILES_ROUTE + cloudPath;
  }
}
