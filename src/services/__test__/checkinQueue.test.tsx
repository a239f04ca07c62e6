import type { Result } from '../../../types/result';
import { enqueueScan, flushQueue, MAX_QUEUED_SCANS, type QueuedScan, type QueueStore, type ScanOutput } from '../checkinQueue';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);

const NOW = Date.parse('2026-05-01T08:00:00.000Z');
const HOUR = 3_600_000;
const NETWORK_DOWN: Result<ScanOutput> = { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } };

function memoryStore(entries: QueuedScan[] = []): QueueStore & { entries: QueuedScan[] } {
  const store = {
    entries,
    read: () => JSON.parse(JSON.stringify(store.entries)) as QueuedScan[],
    write: (next: QueuedScan[]) => {
      store.entries = next;
    },
  };
  return store;
}

function scanOf(code: string, hoursAgo: number): QueuedScan {
  return { input: { via: 'code', code }, scannedAt: new Date(NOW - hoursAgo * HOUR).toISOString() };
}

function codeOf(entry: QueuedScan): string {
  return entry.input.via === 'code' ? entry.input.code : entry.input.baseId;
}

function accepted(placeName: string): Result<ScanOutput> {
  return { ok: true, data: { outcome: 'checkedIn', checkin: { placeName } as ScanOutput['checkin'] } };
}

describe('签到离线暂存', () => {
  it('按扫码先后排队，只留最近的 20 条', () => {
    const store = memoryStore();
    for (let index = 0; index < MAX_QUEUED_SCANS + 3; index += 1) enqueueScan(store, scanOf(`C${index}`, 5 - index * 0.1), NOW);
    expect(store.entries).toHaveLength(MAX_QUEUED_SCANS);
    expect(store.entries.map((entry) => entry.input)).toEqual(
      Array.from({ length: MAX_QUEUED_SCANS }, (_, index) => ({ via: 'code', code: `C${index + 3}` })),
    );
  });

  it('超过 24 小时的暂存不再补传，直接丢弃', async () => {
    const store = memoryStore([scanOf('OLD', 25), scanOf('NEW', 1)]);
    const send = jest.fn(async () => accepted('支部大会'));
    await flushQueue(store, send, NOW);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ via: 'code', code: 'NEW', queued: { scannedAt: new Date(NOW - HOUR).toISOString() } });
    expect(store.entries).toEqual([]);
  });

  it('先扫的先补传，并带上扫码时间；服务端有答复（成功或拒绝）就移出队列', async () => {
    const store = memoryStore([scanOf('SECOND', 1), scanOf('FIRST', 2)]);
    const refused: Result<ScanOutput> = { ok: false, error: { code: 'EXPIRED', message: '签到码已过期，请扫描屏幕上最新的签到码' } };
    const send = jest.fn().mockResolvedValueOnce(accepted('红旗渠纪念馆')).mockResolvedValueOnce(refused);
    const flushed = await flushQueue(store, send, NOW);
    expect(send.mock.calls.map(([input]) => (input as { code: string }).code)).toEqual(['FIRST', 'SECOND']);
    expect(flushed.map(({ result }) => result.ok)).toEqual([true, false]);
    expect(store.entries).toEqual([]);
  });

  it('仍然没有网络时保留这一条和之后的，下次再试', async () => {
    const store = memoryStore([scanOf('A', 3), scanOf('B', 2), scanOf('C', 1)]);
    const send = jest.fn().mockResolvedValueOnce(accepted('支部大会')).mockResolvedValueOnce(NETWORK_DOWN);
    const flushed = await flushQueue(store, send, NOW);
    expect(flushed).toHaveLength(1);
    expect(send).toHaveBeenCalledTimes(2);
    expect(store.entries.map((entry) => codeOf(entry))).toEqual(['B', 'C']);
  });

  it('补传途中新暂存的扫码不会丢', async () => {
    const store = memoryStore([scanOf('A', 2)]);
    const send = jest
      .fn()
      .mockImplementationOnce(async () => {
        enqueueScan(store, scanOf('LATE', 0), NOW);
        return accepted('支部大会');
      })
      .mockResolvedValueOnce(NETWORK_DOWN);
    await flushQueue(store, send, NOW);
    expect(store.entries.map((entry) => codeOf(entry))).toEqual(['LATE']);
  });
});
