/**
 * One process at a time owns a local data directory: the store keeps its collections in memory and
 * appends to the journal, so a second writer (another `npm start`, or `npm run seed -- --reset`
 * wiping the files underneath a running server) would leave the two disagreeing. The owner leaves
 * a lock file with its pid; a lock whose process is gone (killed, crashed) no longer counts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'server.lock';

export interface LockHolder {
  pid: number;
  /** What holds it, for the message the next comer reads, e.g. "npm start（端口 8787）". */
  purpose: string;
  since: string;
}

export class DataDirBusy extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `本地数据目录 ${dataDir} 正被进程 ${holder.pid}（${holder.purpose}，${holder.since} 起）占用。` +
        `请先停止它（在它的终端按 Ctrl+C，或运行 kill ${holder.pid}），再重试。`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): { text: string; holder: LockHolder | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    return { text, holder: Number.isInteger(holder.pid) && (holder.pid ?? 0) > 0 ? (holder as LockHolder) : undefined };
  } catch {
    return { text, holder: undefined };
  }
}

export interface DataLock {
  /** Removes the lock (also done on process exit). */
  release(): void;
}

/** Takes the data directory for this process, or throws DataDirBusy naming the live process that has it. */
export function lockDataDir(dataDir: string, purpose: string): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, purpose, since: new Date().toLocaleString('zh-CN', { hour12: false }) });
  for (;;) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = readLock(file);
    if (found?.holder !== undefined && isAlive(found.holder.pid)) throw new DataDirBusy(dataDir, found.holder);
    // Stale (its process is gone) or unreadable: remove it unless someone replaced it meanwhile, and try again.
    if (readLock(file)?.text === found?.text) rmSync(file, { force: true });
  }
  const removeIfMine = () => {
    if (readLock(file)?.text === mine) rmSync(file, { force: true });
  };
  process.once('exit', removeIfMine);
  return {
    release: () => {
      process.off('exit', removeIfMine);
      removeIfMine();
    },
  };
}
