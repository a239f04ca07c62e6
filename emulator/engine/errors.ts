/**
 * Server-side errors as CloudBase reports them: a string `code` plus a bracketed
 * provider message. The seam turns `{ code, message }` replies into thrown errors exactly
 * like node-sdk does, and wx-server-sdk then maps `code` to its numeric `errCode`.
 */

export type DbErrorCode =
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_INVALID_OPERRATOR'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'INVALID_PARAM';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

const SUFFIX = 'Please check your request, but if the problem persists, contact us.';

export const collectionMissing = (name: string): DbError =>
  new DbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${name}. ${SUFFIX}`);

export const collectionExists = (name: string): DbError =>
  new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceExist] Table exist: ${name}. ${SUFFIX}`);

/**
 * Real CloudBase surfaces the MongoDB E11000 text under DATABASE_REQUEST_FAILED
 * (wx-server-sdk errCode -502001); callers recognise it by the E11000 marker.
 */
export const duplicateKey = (collection: string, index: string, key: Record<string, unknown>): DbError => {
  const shown = Object.entries(key)
    .map(([k, v]) => `${k}: ${JSON.stringify(v === undefined ? null : v)}`)
    .join(', ');
  return new DbError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${shown} }`,
  );
};

export const transactionConflict = (): DbError =>
  new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ${SUFFIX}`,
  );

/** What CloudBase answers under load when a document's lock queue is full; retryable like a conflict. */
export const transactionBusy = (): DbError =>
  new DbError(
    'DATABASE_TRANSACTION_FAIL',
    `[ResourceUnavailable.TransactionBusy] Transaction is busy, maybe resource operated by others. ${SUFFIX}`,
  );

/**
 * Transactions take single-document operations by `_id` only (wx: Transaction.collection): no
 * `where` query, `count`, `aggregate` or multi-document write.
 */
export const notInTransaction = (what: string): DbError =>
  new DbError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] ${what} is not supported in a transaction: only single-document operations by _id are. ${SUFFIX}`,
  );

export const transactionMissing = (): DbError =>
  new DbError(
    'DATABASE_TRANSACTION_FAIL',
    `[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. ${SUFFIX}`,
  );

export const invalidParam = (what: string): DbError => new DbError('INVALID_PARAM', `[InvalidParameter] ${what}`);

export const invalidOperator = (what: string): DbError => new DbError('DATABASE_INVALID_OPERRATOR', `[InvalidParameter] ${what}`);
