/**
 * Append-only JSONL journal, one file per collection (`<dataDir>/<collection>.jsonl`), one
 * operation per line in EJSON so Dates survive. A crash can only tear the last line (each batch
 * is one write call), so a torn tail is dropped on open and everything before it is kept.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { decode, encode, isPlainObject, type Doc } from './ejson';
import type { DocId } from './indexes';

export type JournalOp = { op: 'put'; doc: Doc } | { op: 'del'; id: DocId };

const SUFFIX = '.jsonl';

export function journalCollections(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length));
}

function parseOp(line: string): JournalOp | undefined {
  let v: unknown;
  try {
    v = decode(line);
  } catch {
    return undefined;
  }
  if (!isPlainObject(v)) return undefined;
  if (v.op === 'put' && isPlainObject(v.doc)) return { op: 'put', doc: v.doc };
  if (v.op === 'del' && (typeof v.id === 'string' || typeof v.id === 'number')) return { op: 'del', id: v.id };
  return undefined;
}

export interface Replay {
  docs: Map<DocId, Doc>;
  lines: number;
}

export class Journal {
  readonly path: string;
  private fd: number | undefined;

  constructor(dataDir: string, collection: string) {
    this.path = join(dataDir, collection + SUFFIX);
  }

  /** Creates the file if needed (an empty journal still records that the collection exists). */
  replay(): Replay {
    const docs = new Map<DocId, Doc>();
    if (!existsSync(this.path)) {
      this.open();
      return { docs, lines: 0 };
    }
    const text = readFileSync(this.path, 'utf8');
    let lines = 0;
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf('\n', start);
      const line = end === -1 ? text.slice(start) : text.slice(start, end);
      const op = line.trim() === '' ? undefined : parseOp(line);
      if (line.trim() !== '' && !op) {
        if (end === -1) {
          // Torn tail: cut it off so the next append does not glue onto it.
          truncateSync(this.path, Buffer.byteLength(text.slice(0, start)));
          break;
        }
        throw new Error(`Corrupt journal ${this.path} at line ${lines + 1}: ${line.slice(0, 120)}`);
      }
      if (op) {
        lines++;
        if (op.op === 'put') docs.set(op.doc._id as DocId, op.doc);
        else docs.delete(op.id);
      }
      if (end === -1) {
        // A complete last line that only missed its newline.
        if (op) writeSync(this.open(), '\n');
        break;
      }
      start = end + 1;
    }
    this.open();
    return { docs, lines };
  }

  append(ops: readonly JournalOp[]): void {
    if (ops.length === 0) return;
    writeSync(this.open(), ops.map((op) => encode(op) + '\n').join(''));
  }

  /** Atomic rewrite: readers see either the old journal or the complete new one. */
  rewrite(docs: Iterable<Doc>): void {
    this.close();
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      const chunk: string[] = [];
      for (const doc of docs) {
        chunk.push(encode({ op: 'put', doc }) + '\n');
        if (chunk.length >= 1000) writeSync(fd, chunk.splice(0).join(''));
      }
      writeSync(fd, chunk.join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }

  delete(): void {
    this.close();
    rmSync(this.path, { force: true });
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private open(): number {
    if (this.fd === undefined) this.fd = openSync(this.path, 'a');
    return this.fd;
  }
}
