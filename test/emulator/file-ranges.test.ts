/**
 * Stored files answer ranged reads as cloud storage does: a video seeks, and the server reads an
 * MP4's header without downloading the file (server/mediaProbe.ts). The same answers come through
 * the gateway's links and through a function fetching a temporary link in process.
 */
import { answerFileRequest, LocalFiles } from '../../emulator/files';
import { installPlatformStandIns } from '../../emulator/platform';
import { loadSource } from '../../emulator/runner';
import { startSeededGateway } from '../support/gatewayEnv';

const content = Buffer.from('0123456789');

describe('answerFileRequest', () => {
  it.each([
    ['bytes=0-3', 206, '0123', 'bytes 0-3/10'],
    ['bytes=7-', 206, '789', 'bytes 7-9/10'],
    ['bytes=-2', 206, '89', 'bytes 8-9/10'],
    ['bytes=8-100', 206, '89', 'bytes 8-9/10'],
  ])('%s → %i，只给出那一段', (range, status, body, contentRange) => {
    const answer = answerFileRequest(content, range);
    expect(answer).toMatchObject({ status, headers: { 'content-range': contentRange, 'content-length': String(body.length) } });
    expect(answer.body.toString()).toBe(body);
  });

  it('从文件末尾之后开始 → 416，并说明文件大小', () => {
    expect(answerFileRequest(content, 'bytes=10-20')).toMatchObject({ status: 416, headers: { 'content-range': 'bytes */10' } });
  });

  it.each([undefined, 'bytes=0-1,4-5', 'items=0-3', 'bytes=5-2', 'bytes=-'])('%s → 整个文件（200）', (range) => {
    const answer = answerFileRequest(content, range);
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe('0123456789');
  });
});

describe('函数在进程内读取临时链接', () => {
  const files = new LocalFiles();
  installPlatformStandIns(files);
  const fileId = files.put('videos/a.mp4', content);
  const link = files.temporaryLink(fileId)?.url ?? '';

  it('按 Range 读到那一段', async () => {
    const response = await fetch(link, { headers: { Range: 'bytes=2-4' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 2-4/10');
    expect(await response.text()).toBe('234');
  });

  it('被改过的链接打不开', async () => {
    expect((await fetch(link.replace(/sign=[^&]+/, 'sign=forged'))).status).toBe(403);
  });

  it('文件已删除 → 404', async () => {
    const goneId = files.put('videos/b.mp4', content);
    const gone = files.temporaryLink(goneId)?.url ?? '';
    files.remove(goneId);
    expect((await fetch(gone)).status).toBe(404);
  });
});

describe('网关按 Range 提供临时链接', () => {
  it('视频跳转播放：206 与 Content-Range，类型为 video/mp4', async () => {
    const gateway = await startSeededGateway(loadSource);
    try {
      const link = gateway.files.temporaryLink(gateway.files.put('videos/lesson.mp4', content))?.url ?? '';
      const response = await fetch(`${gateway.baseUrl}${link}`, { headers: { Range: 'bytes=5-' } });
      expect(response.status).toBe(206);
      expect(response.headers.get('content-type')).toBe('video/mp4');
      expect(response.headers.get('content-range')).toBe('bytes 5-9/10');
      expect(await response.text()).toBe('56789');
    } finally {
      await gateway.close();
    }
  });
});
