/** One process per local data directory: `npm start` and `npm run seed` take it, a dead holder does not block. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirBusy, LOCK_FILE, lockDataDir, type DataLock } from '../../emulator/dataLock';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const TSX = createRequire(__filename).resolve('tsx/cli');
let dataDir: string;
let held: DataLock | undefined;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hongtu-data-'));
});
afterEach(() => {
  held?.release();
  held = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  return pid;
}

function runScript(script: string, args: string[] = []) {
  const run = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HONGTU_DATA_DIR: dataDir, HONGTU_LOG: 'silent', PORT: '0' },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('本地数据目录锁', () => {
  it('同一目录只能有一个持有者：后来者得到写明进程号的中文说明，释放后可以再取', () => {
    held = lockDataDir(dataDir, 'npm start，端口 8787');
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'npm start，端口 8787' });

    expect(() => lockDataDir(dataDir, 'npm run seed -- --reset')).toThrow(DataDirBusy);
    expect(() => lockDataDir(dataDir, 'npm run seed -- --reset')).toThrow(`进程 ${process.pid}（npm start，端口 8787`);

    held.release();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    held = lockDataDir(dataDir, 'npm run seed');
  });

  it.each([
    ['持有者进程已经退出', () => JSON.stringify({ pid: deadPid(), purpose: 'npm start，端口 8787', since: '昨天' })],
    ['锁文件内容损坏', () => '{"pid":'],
    ['锁文件没有进程号', () => JSON.stringify({ purpose: 'npm start' })],
  ])('%s时旧锁不挡路', (_title, content) => {
    writeFileSync(join(dataDir, LOCK_FILE), content());
    held = lockDataDir(dataDir, 'npm run seed');
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('不是自己的锁不会在释放时被删掉', () => {
    held = lockDataDir(dataDir, 'npm start');
    const replaced = JSON.stringify({ pid: 1, purpose: 'npm start', since: '刚才' });
    writeFileSync(join(dataDir, LOCK_FILE), replaced);
    held.release();
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(replaced);
  });
});

describe('脚本遵守数据目录锁', () => {
  it('服务运行时 npm run seed -- --reset 拒绝执行并说明原因，数据原样不动', () => {
    writeFileSync(join(dataDir, 'members.jsonl'), '{"op":"keep"}\n');
    held = lockDataDir(dataDir, 'npm start，端口 8787');
    const run = runScript('seed.ts', ['--reset']);
    expect(run.status).toBe(1);
    expect(run.output).toContain(`正被进程 ${process.pid}（npm start，端口 8787`);
    expect(run.output).toContain('请先停止它');
    expect(readdirSync(dataDir).sort()).toEqual(['members.jsonl', LOCK_FILE]);
    expect(readFileSync(join(dataDir, 'members.jsonl'), 'utf8')).toBe('{"op":"keep"}\n');
  });

  it('同一数据目录已有服务时 npm start 不再启动第二个，也不先去构建', () => {
    held = lockDataDir(dataDir, 'npm start，端口 8787');
    const run = runScript('start.ts');
    expect(run.status).toBe(1);
    expect(run.output).toContain(`正被进程 ${process.pid}`);
    expect(run.output).not.toContain('打包云函数');
  });

  it('旧锁（进程已退出）不挡 npm run seed -- --reset：载入演示数据，结束后锁被移除', () => {
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), purpose: 'npm start，端口 8787', since: '昨天' }));
    const run = runScript('seed.ts', ['--reset']);
    expect(run).toMatchObject({ status: 0, output: expect.stringContaining('已载入演示数据') });
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['members.jsonl']));
  });
});
