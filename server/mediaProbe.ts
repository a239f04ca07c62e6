/**
 * A stored video's size and duration, read by the server from the file itself (issue 13: "never
 * trusted from the phone"). The file is never downloaded: a temporary link (getTempFileURL) is read
 * with HTTP range requests, a 64 KB window at a time, and core/story/mp4.ts walks the box headers to
 * the movie header. The size comes from the first answer's `Content-Range` (`bytes 0-65535/<size>`).
 * A phone's recording (movie header last) costs two ranged reads, a "fast start" file one. Cloud
 * storage (COS) answers ranges; a server that ignores them (200 with the whole body) is read as a
 * stream and cut off once the window is full, so memory stays bounded either way.
 *
 * Locally the temporary link points at the emulator's file store, which answers ranges too
 * (emulator/platform.ts): this code is the same in production and in tests.
 */
import { readMp4 } from '../core/story/mp4';
import { temporaryUrl } from './files';

const WINDOW_BYTES = 64 * 1024;
/** Per ranged read; the story function's timeout (config.json) leaves room for a few. */
const READ_TIMEOUT_MS = 5_000;

export type VideoProbe =
  | { ok: true; seconds: number; bytes: number }
  /** Why, for the log: the member is only told the file cannot be read as an MP4. */
  | { ok: false; reason: 'missing' | 'empty' | 'notMp4' | 'unreadable' }
  | { ok: false; reason: 'fetchFailed'; detail: string };

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

/** Reads up to `length` bytes of a body, skipping the first `skip`, then stops the download. */
async function takeFromBody(body: ReadableStream<Uint8Array> | null, skip: number, length: number): Promise<Uint8Array> {
  if (body === null) return new Uint8Array();
  const kept = new Uint8Array(length);
  let filled = 0;
  let skipped = 0;
  const reader = body.getReader();
  try {
    while (filled < length) {
      const { done, value } = await reader.read();
      if (done) break;
      let chunk = value;
      if (skipped < skip) {
        const drop = Math.min(skip - skipped, chunk.length);
        skipped += drop;
        chunk = chunk.subarray(drop);
      }
      const take = Math.min(chunk.length, length - filled);
      kept.set(chunk.subarray(0, take), filled);
      filled += take;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return kept.subarray(0, filled);
}

/** A file behind a link, read in windows; the last window is kept, so neighbouring box headers cost nothing more. */
class RangedFile {
  size = 0;
  private window: { start: number; bytes: Uint8Array } = { start: 0, bytes: new Uint8Array() };

  constructor(private readonly url: string) {}

  /** Reads the first window and learns the size; false when the link answers with nothing. */
  async open(): Promise<boolean> {
    await this.fetchWindow(0, WINDOW_BYTES);
    return this.size > 0;
  }

  read = async (start: number, length: number): Promise<Uint8Array> => {
    const { start: windowStart, bytes } = this.window;
    const inWindow = start >= windowStart && start + length <= windowStart + bytes.length;
    if (!inWindow && start < this.size) await this.fetchWindow(start, Math.max(length, WINDOW_BYTES));
    const offset = start - this.window.start;
    return offset < 0 ? new Uint8Array() : this.window.bytes.subarray(offset, offset + length);
  };

  private async fetchWindow(start: number, length: number): Promise<void> {
    const response = await fetch(this.url, {
      headers: { Range: `bytes=${start}-${start + length - 1}` },
      signal: AbortSignal.timeout(READ_TIMEOUT_MS),
    });
    if (response.status === 416) {
      await response.body?.cancel();
      this.window = { start, bytes: new Uint8Array() };
      return;
    }
    if (response.status === 206) {
      const range = CONTENT_RANGE.exec(response.headers.get('content-range') ?? '');
      if (range === null) throw new Error('ranged read without a Content-Range');
      this.size = Number(range[3]);
      this.window = { start: Number(range[1]), bytes: await takeFromBody(response.body, 0, length) };
      return;
    }
    if (response.status === 200) {
      this.size = Number(response.headers.get('content-length') ?? 0);
      this.window = { start, bytes: await takeFromBody(response.body, start, length) };
      return;
    }
    await response.body?.cancel();
    throw new Error(`ranged read answered ${response.status}`);
  }
}

/**
 * Size and duration of the MP4 stored as `fileId`. Seconds are whole, rounded down as a player shows
 * them: a header saying 1800.4 s plays as "30:00" and is taken as 30:00.
 */
export async function probeVideo(fileId: string): Promise<VideoProbe> {
  let url: string;
  try {
    url = await temporaryUrl(fileId);
  } catch {
    return { ok: false, reason: 'missing' };
  }
  const file = new RangedFile(url);
  try {
    if (!(await file.open())) return { ok: false, reason: 'empty' };
    const reading = await readMp4(file.read, file.size);
    if (!reading.ok) return { ok: false, reason: reading.problem };
    return { ok: true, seconds: Math.floor(reading.seconds), bytes: file.size };
  } catch (error) {
    return { ok: false, reason: 'fetchFailed', detail: error instanceof Error ? error.message : String(error) };
  }
}
