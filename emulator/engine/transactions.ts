/**
 * Snapshot-isolated transactions with first-writer-wins, as CloudBase (MongoDB) behaves:
 * - a transaction reads the state as of its start, plus its own writes;
 * - writing a document that another open transaction already wrote, or that was committed by
 *   anyone after this transaction started, fails at once with DATABASE_TRANSACTION_CONFLICT and
 *   aborts the transaction (MongoDB aborts on a write conflict, so a later rollback finds nothing);
 * - commit re-checks, because a plain write may have landed after the transaction's write
 *   (MongoDB would block that write on the document lock; an emulator call cannot block).
 *
 * Old versions are only kept while some transaction is open, so plain traffic pays nothing.
 */
import { randomBytes } from 'node:crypto';
import type { Doc } from './ejson';
import { transactionConflict, transactionMissing } from './errors';
import type { DocId } from './indexes';

/** CloudBase drops a transaction that is neither committed nor aborted within 30 s. */
const LIFETIME_MS = 30_000;

export interface PendingWrite {
  collection: string;
  id: DocId;
  /** undefined = removed by the transaction. */
  after: Doc | undefined;
}

export class Txn {
  readonly writes = new Map<string, PendingWrite>();
  readonly expiresAt = Date.now() + LIFETIME_MS;

  constructor(
    readonly id: string,
    readonly startSeq: number,
  ) {}

  pending(collection: string): PendingWrite[] {
    return [...this.writes.values()].filter((w) => w.collection === collection);
  }
}

interface OldVersion {
  doc: Doc | undefined;
  /** Sequence number of the write that replaced this version. */
  until: number;
}

export function docKey(collection: string, id: DocId): string {
  return `${collection}\u0000${typeof id}:${String(id)}`;
}

export class Transactions {
  private seq = 0;
  private readonly open = new Map<string, Txn>();
  private readonly lastWrite = new Map<string, number>();
  private readonly history = new Map<string, OldVersion[]>();

  begin(): Txn {
    const txn = new Txn(randomBytes(12).toString('hex'), this.seq);
    this.open.set(txn.id, txn);
    return txn;
  }

  get(id: unknown): Txn {
    this.expire();
    const txn = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!txn) throw transactionMissing();
    return txn;
  }

  end(txn: Txn): void {
    this.open.delete(txn.id);
    if (this.open.size === 0) {
      this.lastWrite.clear();
      this.history.clear();
    }
  }

  /** Ends a transaction by id if it is still open (a planted failure aborted it). */
  abandon(id: string): void {
    const txn = this.open.get(id);
    if (txn) this.end(txn);
  }

  reset(): void {
    this.open.clear();
    this.lastWrite.clear();
    this.history.clear();
  }

  /** Called for every committed document change, transactional or not. */
  committed(collection: string, id: DocId, before: Doc | undefined): void {
    const seq = ++this.seq;
    if (this.open.size === 0) return;
    const key = docKey(collection, id);
    this.lastWrite.set(key, seq);
    const versions = this.history.get(key) ?? [];
    versions.push({ doc: before, until: seq });
    this.history.set(key, versions);
  }

  /** The version of a document this transaction sees, given the current committed one. */
  visible(txn: Txn, collection: string, id: DocId, current: Doc | undefined): Doc | undefined {
    const key = docKey(collection, id);
    const own = txn.writes.get(key);
    if (own) return own.after;
    if ((this.lastWrite.get(key) ?? 0) <= txn.startSeq) return current;
    return this.history.get(key)?.find((v) => v.until > txn.startSeq)?.doc;
  }

  /** Throws (and aborts `txn`) if writing this document would lose to an earlier writer. */
  claim(txn: Txn, collection: string, id: DocId): void {
    this.expire();
    const key = docKey(collection, id);
    const takenByOther = [...this.open.values()].some((t) => t !== txn && t.writes.has(key));
    if (takenByOther || (this.lastWrite.get(key) ?? 0) > txn.startSeq) {
      this.end(txn);
      throw transactionConflict();
    }
  }

  /** Commit-time re-check of every written document. */
  stale(txn: Txn): boolean {
    return [...txn.writes.keys()].some((key) => (this.lastWrite.get(key) ?? 0) > txn.startSeq);
  }

  private expire(): void {
    const now = Date.now();
    for (const txn of [...this.open.values()]) if (txn.expiresAt < now) this.end(txn);
  }
}
