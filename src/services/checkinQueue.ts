/**
 * The phone's offline queue of check-in scans (issue 10): at a remote base or in a basement hall a
 * scan may not reach the server. It is kept with the time it was made and sent again when the app
 * comes back, a page shows or the network returns; the server judges its age (rules.ts).
 */
import Taro from '@tarojs/taro';
import { MAX_QUEUED_SCAN_AGE_MS } from '../../core/checkin/rules';
import type { ActionInput, ActionOutput } from '../../types/contracts';
import type { Result } from '../../types/result';
import { toast } from '../utils/toast';
import { callFunction, isNetworkFailure } from './cloud';

type ScanInput = ActionInput<'checkin', 'scan'>;
export type ScanOutput = ActionOutput<'checkin', 'scan'>;
/** What a member's own scan sends (an organiser's 反扫 is never queued), without the queue's stamp. */
export type QueueableScan = WithoutQueued<Extract<ScanInput, { via: 'code' } | { via: 'base' }>>;
// Distributes over the union, so each kind of scan keeps its own fields.
type WithoutQueued<T> = T extends unknown ? Omit<T, 'queued'> : never;

export interface QueuedScan {
  input: QueueableScan;
  /** ISO time of the scan on the phone's clock. */
  scannedAt: string;
}

/** Enough for a day of visits; a phone that holds more has a problem a queue will not solve. */
export const MAX_QUEUED_SCANS = 20;

export interface QueueStore {
  read(): QueuedScan[];
  write(entries: QueuedScan[]): void;
}

export type ScanSender = (input: ScanInput) => Promise<Result<ScanOutput>>;

/** What one queued scan came to once a function answered. */
export interface FlushedScan {
  entry: QueuedScan;
  result: Result<ScanOutput>;
}

/** Scans the server would refuse as too old are dropped; the newest `MAX_QUEUED_SCANS`, oldest first, are kept. */
function fresh(entries: QueuedScan[], nowMs: number): QueuedScan[] {
  return entries
    .filter((entry) => nowMs - Date.parse(entry.scannedAt) <= MAX_QUEUED_SCAN_AGE_MS)
    .sort((a, b) => Date.parse(a.scannedAt) - Date.parse(b.scannedAt))
    .slice(-MAX_QUEUED_SCANS);
}

export function enqueueScan(store: QueueStore, entry: QueuedScan, nowMs: number): void {
  store.write(fresh([...store.read(), entry], nowMs));
}

/**
 * Sends queued scans oldest first. A function's answer, accepted or refused, settles the entry;
 * a network failure keeps it and the ones after it for the next try.
 */
export async function flushQueue(store: QueueStore, send: ScanSender, nowMs: number): Promise<FlushedScan[]> {
  let pending = fresh(store.read(), nowMs);
  store.write(pending);
  const flushed: FlushedScan[] = [];
  while (pending[0]) {
    const entry = pending[0];
    const result = await send({ ...entry.input, queued: { scannedAt: entry.scannedAt } });
    if (isNetworkFailure(result)) break;
    flushed.push({ entry, result });
    // Re-read: a scan queued while this one was in flight must not be lost.
    pending = store
      .read()
      .filter((stored) => !(stored.scannedAt === entry.scannedAt && JSON.stringify(stored.input) === JSON.stringify(entry.input)));
    store.write(pending);
  }
  return flushed;
}

const QUEUE_KEY = 'checkin-queue';

const phoneStore: QueueStore = {
  read: () => {
    const stored: unknown = Taro.getStorageSync(QUEUE_KEY);
    return Array.isArray(stored) ? (stored as QueuedScan[]) : [];
  },
  write: (entries) => Taro.setStorageSync(QUEUE_KEY, entries),
};

export const QUEUED_NOTICE = '网络不佳，已暂存，联网后自动补传';

/** Keeps a scan that could not be sent. */
export function queueScan(input: QueueableScan, scannedAt: Date): void {
  enqueueScan(phoneStore, { input, scannedAt: scannedAt.toISOString() }, Date.now());
}

export function queuedScanCount(): number {
  return phoneStore.read().length;
}

function flushedMessage(flushed: FlushedScan[]): string {
  const accepted = flushed.filter(({ result }) => result.ok).length;
  const [only] = flushed;
  if (flushed.length === 1 && only) {
    return only.result.ok ? `暂存的签到已补传：${only.result.data.checkin.placeName}` : `暂存的签到未通过：${only.result.error.message}`;
  }
  return accepted === flushed.length
    ? `${accepted} 条暂存的签到已补传`
    : `暂存的签到已补传 ${accepted} 条，${flushed.length - accepted} 条未通过`;
}

let running: Promise<void> | null = null;

/** Sends what is queued (one flush at a time) and says in a toast what came of it. */
export function flushCheckinQueue(): Promise<void> {
  if (running) return running;
  if (phoneStore.read().length === 0) return Promise.resolve();
  running = flushQueue(phoneStore, (input) => callFunction('checkin', 'scan', input, { silentError: true }), Date.now())
    .then((flushed) => {
      if (flushed.length > 0) toast(flushedMessage(flushed));
    })
    .finally(() => {
      running = null;
    });
  return running;
}

let watching = false;

/** Flushes now, whenever the app comes back to the foreground and whenever the network returns. */
export function watchCheckinQueue(): void {
  if (!watching) {
    watching = true;
    Taro.onAppShow(() => void flushCheckinQueue());
    Taro.onNetworkStatusChange(({ isConnected }) => {
      if (isConnected) void flushCheckinQueue();
    });
  }
  void flushCheckinQueue();
}
