/**
 * Transactions the way domain code should see them: a session of single-document operations by
 * `_id` (all CloudBase allows in one), a read miss that is `null` rather than an exception, and the
 * retry CloudBase leaves to the caller. See ARCHITECTURE.md, "Transactions".
 *
 * Why our own retry: a write conflict inside the callback reaches the SDK as errCode -501001 with no
 * string `code`, so `runTransaction`'s built-in retry (commit conflicts only) never sees it. Under
 * load many transactions touch one hot document (a branch's head count), so conflicts are normal
 * traffic: they are retried a bounded number of times with full jitter, and only when retries run
 * out does the caller get CONFLICT — never INTERNAL.
 */
import type { Database } from './db';
import { AppFailure } from './failure';
import type { Logger } from './log';
import { isRetryableTransactionError } from './sdk-errors';

type Fields = Record<string, unknown>;

export interface TransactionSession {
  /** The document as this transaction sees it, or null when there is none. */
  get<T>(collection: string, id: string): Promise<T | null>;
  update(collection: string, id: string, fields: Fields): Promise<void>;
  /** Replaces (or creates) the document with this id. */
  set(collection: string, id: string, fields: Fields): Promise<void>;
  add(collection: string, doc: Fields): Promise<void>;
  readonly command: Database['command'];
}

export interface RetryPolicy {
  /** Runs in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Six runs with full jitter spread 200 contenders on one document over about a second, well inside
 * the functions' timeouts; the figures are in the README (concurrency section).
 */
const TRANSACTION_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 20, maxDelayMs: 500 };

const CONFLICT_MESSAGE = '同时操作的人较多，请稍后再试';

/** The slice of the SDK's transaction object used here (its typings leave it `any`). */
interface SdkTransaction {
  collection(name: string): {
    add(options: { data: Fields }): Promise<unknown>;
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      update(options: { data: Fields }): Promise<unknown>;
      set(options: { data: Fields }): Promise<unknown>;
    };
  };
}

/** wx-server-sdk's doc().get() throws this text for a missing document (inside transactions too). */
const MISSING_DOCUMENT = /document with _id .* does not exist/;

function sessionOf(transaction: SdkTransaction, db: Database): TransactionSession {
  return {
    async get<T>(collection: string, id: string) {
      try {
        return ((await transaction.collection(collection).doc(id).get()).data as T | undefined) ?? null;
      } catch (error) {
        if (error instanceof Error && MISSING_DOCUMENT.test(error.message)) return null;
        throw error;
      }
    },
    async update(collection, id, fields) {
      await transaction.collection(collection).doc(id).update({ data: fields });
    },
    async set(collection, id, fields) {
      await transaction.collection(collection).doc(id).set({ data: fields });
    },
    async add(collection, doc) {
      await transaction.collection(collection).add({ data: doc });
    },
    command: db.command,
  };
}

/** Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): uniform in [0, cap]. */
function retryDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * cap);
}

export async function inTransaction<T>(
  db: Database,
  work: (session: TransactionSession) => Promise<T>,
  options: { log?: Logger; policy?: RetryPolicy; random?: () => number } = {},
): Promise<T> {
  const policy = options.policy ?? TRANSACTION_RETRY;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      // times = 0: the loop here retries both kinds of conflict, the SDK's would only add commit ones.
      return (await db.runTransaction((transaction: SdkTransaction) => work(sessionOf(transaction, db)), 0)) as T;
    } catch (error) {
      if (!isRetryableTransactionError(error)) throw error;
      if (attempt >= policy.attempts) {
        options.log?.warn('transaction_retries_exhausted', { attempts: attempt });
        throw new AppFailure('CONFLICT', { message: CONFLICT_MESSAGE });
      }
      const delay = retryDelay(attempt, policy, random);
      options.log?.info('transaction_retry', { attempt, delayMs: delay });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
