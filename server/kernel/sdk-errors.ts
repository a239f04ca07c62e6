/**
 * Recognisers for database errors as wx-server-sdk 4.0.2 hands them to function code.
 * Dependency-free so the emulator's tests and the functions' repositories share one definition.
 *
 * Shapes the SDK produces:
 * - builder operations (add/get/update/remove/count/aggregate, also inside a transaction) reject
 *   with an Error whose numeric `errCode` comes from the server code (DATABASE_REQUEST_FAILED →
 *   -502001, DATABASE_COLLECTION_NOT_EXIST → -502005, anything unmapped → -501001) and whose
 *   `message`/`errMsg` is `"<api>:fail <errCode> <text>. <server message>"`; the string code is lost.
 * - `transaction.commit()` / `rollback()` reject with node-sdk's raw error: string `code`,
 *   server `message`, `requestId`, no `errCode`.
 */

interface MaybeSdkError {
  code?: unknown;
  errCode?: unknown;
  message?: unknown;
  errMsg?: unknown;
}

function text(err: MaybeSdkError): string {
  return `${String(err.errMsg ?? '')} ${String(err.message ?? '')}`;
}

function asSdkError(err: unknown): MaybeSdkError | undefined {
  return typeof err === 'object' && err !== null ? err : undefined;
}

/** A unique-index (or duplicate `_id`) violation on add, update, set or upsert. */
export function isDuplicateKeyError(err: unknown): boolean {
  const e = asSdkError(err);
  if (!e) return false;
  if (e.code === 'DATABASE_DUPLICATE_WRITE' || e.code === 11000 || e.errCode === 11000) return true;
  return /\bE11000 duplicate key error\b|DATABASE_DUPLICATE_WRITE/.test(text(e));
}

/** A write conflict between transactions (or with a write made after the transaction's snapshot). */
export function isTransactionConflictError(err: unknown): boolean {
  const e = asSdkError(err);
  if (!e) return false;
  if (e.code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return /TransactionConflict|DATABASE_TRANSACTION_CONFLICT/.test(text(e));
}

/** CloudBase's answer under load when a document's lock queue is full; nothing was applied. */
function isTransactionBusyError(err: unknown): boolean {
  const e = asSdkError(err);
  return e !== undefined && /TransactionBusy/.test(text(e));
}

/** Conflicts and busy answers leave nothing written, so running the transaction again is safe. */
export function isRetryableTransactionError(err: unknown): boolean {
  return isTransactionConflictError(err) || isTransactionBusyError(err);
}

export function isCollectionMissingError(err: unknown): boolean {
  const e = asSdkError(err);
  if (!e) return false;
  return e.errCode === -502005 || e.code === 'DATABASE_COLLECTION_NOT_EXIST';
}
