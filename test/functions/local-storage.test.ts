/** The local cloud storage on its own: default permission, persistence, temporary link lifetimes. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cloud from 'wx-server-sdk';
import { LocalFiles, type StorageWriter } from '../../emulator/files';
import { installPlatformStandIns } from '../../emulator/platform';

const MEMBER: StorageWriter = { side: 'client', openid: 'demo-member' };
const OTHER: StorageWriter = { side: 'client', openid: 'demo-secretary' };
const START = new Date('2026-11-23T02:00:00Z');

let dir: string;
let now: Date;
const clock = () => now;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hongtu-files-'));
  now = START;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function linkParts(url: string): { path: string; t: string; sign: string } {
  const link = new URL(url, 'http://local');
  return {
    path: decodeURIComponent(link.pathname.slice('/cloud-files/'.length)),
    t: link.searchParams.get('t')!,
    sign: link.searchParams.get('sign')!,
  };
}

describe('本地云存储：默认权限', () => {
  it('客户端能写新路径和自己的文件，不能写别人的或函数写的文件；函数什么都能写', () => {
    const files = new LocalFiles();
    files.put('uploads/a.txt', Buffer.from('mine'), MEMBER);
    files.put('uploads/a.txt', Buffer.from('mine again'), MEMBER);
    expect(files.refusalFor('uploads/a.txt', OTHER)?.reason).toBe('FORBIDDEN');
    expect(() => files.put('uploads/a.txt', Buffer.from('theirs'), OTHER)).toThrow(/belongs to someone else/);

    files.put('invites/CODE1234.png', Buffer.from('png'));
    expect(files.refusalFor('invites/CODE1234.png', MEMBER)?.reason).toBe('FORBIDDEN');
    files.put('uploads/a.txt', Buffer.from('cleaned by a function'));
    expect(files.get('uploads/a.txt')?.toString()).toBe('cleaned by a function');
    expect(files.refusalFor('uploads/a.txt', MEMBER)?.reason).toBe('FORBIDDEN');
  });

  it('函数经 SDK 上传时路径冲突或不合法，按云调用错误拒绝', async () => {
    installPlatformStandIns(new LocalFiles());
    await cloud.uploadFile({ cloudPath: 'a/b.txt', fileContent: Buffer.from('x') });
    await expect(cloud.uploadFile({ cloudPath: 'a', fileContent: Buffer.from('x') })).rejects.toMatchObject({ errCode: -503002 });
    await expect(cloud.uploadFile({ cloudPath: 'a/b.txt/c', fileContent: Buffer.from('x') })).rejects.toMatchObject({ errCode: -503002 });
    await expect(cloud.uploadFile({ cloudPath: 'a//c', fileContent: Buffer.from('x') })).rejects.toMatchObject({ errCode: -503002 });
  });
});

describe('本地云存储：落盘', () => {
  it('重新打开后文件和归属都在：别人仍不能覆盖，函数写的仍只归管理端', () => {
    const first = new LocalFiles(dir);
    first.put('uploads/名册.xlsx', Buffer.from('sheet'), MEMBER);
    first.put('invites/CODE1234.png', Buffer.from('png'));

    const reopened = new LocalFiles(dir);
    expect(reopened.get('uploads/名册.xlsx')?.toString()).toBe('sheet');
    expect(reopened.refusalFor('uploads/名册.xlsx', MEMBER)).toBeUndefined();
    expect(reopened.refusalFor('uploads/名册.xlsx', OTHER)?.reason).toBe('FORBIDDEN');
    expect(reopened.refusalFor('invites/CODE1234.png', MEMBER)?.reason).toBe('FORBIDDEN');
  });

  it('写入经临时文件改名完成，不留半截文件；存储自己的记录不能当文件读写', () => {
    const files = new LocalFiles(dir);
    files.put('uploads/a.txt', Buffer.from('a'), MEMBER);
    files.put('uploads/a.txt', Buffer.from('b'), MEMBER);
    expect(readdirSync(join(dir, '.partial'))).toEqual([]);
    expect(files.get('.owners.json')).toBeUndefined();
    expect(files.refusalFor('.owners.json', MEMBER)?.reason).toBe('INVALID_PATH');
    expect(new LocalFiles(dir).get('uploads/a.txt')?.toString()).toBe('b');
  });

  it('删除后文件与归属记录一起消失，路径可被别人重新使用', () => {
    const files = new LocalFiles(dir);
    const fileID = files.put('uploads/a.txt', Buffer.from('a'), MEMBER);
    expect(files.remove(fileID)).toBe(true);
    const reopened = new LocalFiles(dir);
    expect(reopened.get(fileID)).toBeUndefined();
    expect(reopened.refusalFor('uploads/a.txt', OTHER)).toBeUndefined();
  });
});

describe('本地云存储：临时链接的有效期（maxAge，单位秒）', () => {
  async function linkFor(files: LocalFiles, entry: string | { fileID: string; maxAge?: number }) {
    installPlatformStandIns(files);
    const reply = (await cloud.getTempFileURL({ fileList: [entry] })) as {
      fileList: { tempFileURL: string; maxAge: number; status: number }[];
    };
    return reply.fileList[0]!;
  }

  it.each([
    ['不传 maxAge 时默认一天', undefined, 86_400],
    ['按要求的秒数', 60, 60],
    ['超过一天按一天', 7 * 86_400, 86_400],
    ['非正数按 1 秒', 0, 1],
  ])('%s', async (_title, maxAge, lifetime) => {
    const files = new LocalFiles(undefined, clock);
    const fileID = files.put('a.png', Buffer.from('png'));
    const link = await linkFor(files, maxAge === undefined ? fileID : { fileID, maxAge });
    expect(link).toMatchObject({ status: 0, maxAge: lifetime });
    const { path, t, sign } = linkParts(link.tempFileURL);
    now = new Date(START.getTime() + lifetime * 1000 - 1);
    expect(files.checkLink(path, t, sign)).toBe('valid');
    now = new Date(START.getTime() + lifetime * 1000);
    expect(files.checkLink(path, t, sign)).toBe('expired');
  });

  it('别的存储实例（重启后的服务）签出的链接不算数', async () => {
    const files = new LocalFiles(undefined, clock);
    const link = await linkFor(files, files.put('a.png', Buffer.from('png')));
    const { path, t, sign } = linkParts(link.tempFileURL);
    expect(new LocalFiles(undefined, clock).checkLink(path, t, sign)).toBe('tampered');
  });

  it('不存在的文件得不到链接', async () => {
    const link = await linkFor(new LocalFiles(undefined, clock), 'cloud://local.hongtu-local/none.png');
    expect(link).toMatchObject({ status: -503003, tempFileURL: '' });
  });
});
