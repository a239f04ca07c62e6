/**
 * core/story/mp4.ts reads a video's duration from its own header: every box layout phones and
 * editors write (movie header before or after the media, 32- and 64-bit sizes, a last box running to
 * the end, mvhd versions 0 and 1), refusing what is not an MP4 — and reading only a few small ranges.
 */
import fc from 'fast-check';
import { MP4_BRANDS, readMp4, type ReadRange } from '../../core/story/mp4';
import { minutes, mp4, quickTimeMovie } from '../support/mp4';

interface CountingReader {
  read: ReadRange;
  reads: { start: number; length: number }[];
}

function readerOf(file: Buffer): CountingReader {
  const reads: { start: number; length: number }[] = [];
  return {
    reads,
    read: async (start, length) => {
      reads.push({ start, length });
      return file.subarray(start, start + length);
    },
  };
}

async function durationOf(file: Buffer) {
  return readMp4(readerOf(file).read, file.length);
}

describe('时长来自文件头', () => {
  it.each([
    ['moov 在 mdat 之后（手机录制）', { moovFirst: false }],
    ['moov 在 mdat 之前（快速启动）', { moovFirst: true }],
    ['mdat 使用 64 位长度', { largeMdat: true }],
    ['最后一个盒子长度为 0（到文件末尾）：moov', { lastBoxToEnd: true }],
    ['最后一个盒子长度为 0（到文件末尾）：mdat', { lastBoxToEnd: true, moovFirst: true }],
    ['mvhd 版本 1（64 位时长）', { mvhdVersion: 1 as const }],
    ['时间刻度 90000', { timescale: 90_000 }],
  ])('%s：29:59 / 30:00 / 30:01 都按头部读出', async (_label, layout) => {
    for (const seconds of [minutes(29, 59), minutes(30, 0), minutes(30, 1)]) {
      expect(await durationOf(mp4({ seconds, ...layout }))).toEqual({ ok: true, brand: 'isom', seconds });
    }
  });

  it('不足一秒的部分照实读出（由调用方决定如何取整）', async () => {
    expect(await durationOf(mp4({ seconds: 1800.5, timescale: 600 }))).toEqual({ ok: true, brand: 'isom', seconds: 1800.5 });
  });

  it('任意时长、刻度与布局都读回同一个数', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 * 3600 }),
        fc.constantFrom(1000, 600, 44_100, 90_000),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<0 | 1>(0, 1),
        async (seconds, timescale, moovFirst, largeMdat, mvhdVersion) => {
          const reading = await durationOf(mp4({ seconds, timescale, moovFirst, largeMdat, mvhdVersion }));
          expect(reading).toEqual({ ok: true, brand: 'isom', seconds });
        },
      ),
    );
  });

  it('300 MB 的视频也只读几个小片段，不会整个读进内存', async () => {
    const file = mp4({ seconds: minutes(25, 0), totalBytes: 300 * 1024 * 1024 });
    const reader = readerOf(file);
    expect(await readMp4(reader.read, file.length)).toMatchObject({ ok: true, seconds: 1500 });
    expect(reader.reads.length).toBeLessThanOrEqual(8);
    expect(Math.max(...reader.reads.map((read) => read.length))).toBeLessThanOrEqual(256);
  });
});

describe('只收 MP4', () => {
  it('QuickTime（qt  ）不是 MP4', async () => {
    expect(await durationOf(quickTimeMovie(60))).toEqual({ ok: false, problem: 'notMp4' });
  });

  it('主品牌不在 MP4 家族、兼容品牌里有 MP4 的，照收（例如 3GP 兼容 isom）', async () => {
    expect(await durationOf(mp4({ seconds: 60, majorBrand: '3gp4', compatibleBrands: ['isom'] }))).toEqual({
      ok: true,
      brand: '3gp4',
      seconds: 60,
    });
  });

  it('常见 MP4 品牌都认', () => {
    for (const brand of ['isom', 'mp42', 'avc1', 'M4V ']) expect(MP4_BRANDS.has(brand)).toBe(true);
  });

  it.each([
    ['空文件', Buffer.alloc(0)],
    ['一张 JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])],
    ['文本文件', Buffer.from('这不是视频，只是一段文字，假装成 mp4 上传。')],
    ['第一个盒子不是 ftyp', mp4({ seconds: 60 }).subarray(32)],
  ])('%s → 不是 MP4', async (_label, file) => {
    expect(await durationOf(file)).toEqual({ ok: false, problem: 'notMp4' });
  });

  it('随机字节永远不会被当成可读的视频，也不会让读取失控', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
        const reader = readerOf(Buffer.from(bytes));
        const reading = await readMp4(reader.read, bytes.length);
        expect(reading.ok).toBe(false);
        expect(reader.reads.length).toBeLessThanOrEqual(2 * 64 + 4);
      }),
    );
  });
});

describe('读不出时长的 MP4', () => {
  it('没有 moov（上传被截断，只剩开头）', async () => {
    const whole = mp4({ seconds: 60 });
    const cut = whole.subarray(0, whole.length - 40);
    expect(await durationOf(cut)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('mvhd 的时长是 0（分片 MP4，时长不在这里）', async () => {
    expect(await durationOf(mp4({ seconds: 0 }))).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('时间刻度为 0', async () => {
    const file = mp4({ seconds: 60, moovFirst: true });
    // ftyp (8 + 24) + moov header (8) + mvhd header (8) + version/flags and two times (12): the timescale.
    file.writeUInt32BE(0, 32 + 8 + 8 + 12);
    expect(await durationOf(file)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('时长全为 1（“未知”）', async () => {
    const file = mp4({ seconds: 60, moovFirst: true });
    file.writeUInt32BE(0xffffffff, 32 + 8 + 8 + 16);
    expect(await durationOf(file)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('盒子长度小于 8（损坏）', async () => {
    const file = mp4({ seconds: 60 });
    file.writeUInt32BE(3, 32);
    expect(await durationOf(file)).toEqual({ ok: false, problem: 'unreadable' });
  });
});
