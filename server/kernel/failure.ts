import type { z } from 'zod';
import { ERROR_MESSAGES, type ErrorCode } from '../../types/errors';
import type { AppError } from '../../types/result';

/**
 * The one way domain code refuses a request. Thrown anywhere below the router and turned into
 * `{ ok: false, error }` by the dispatcher; anything else thrown becomes INTERNAL.
 */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, options: { field?: string; message?: string } = {}) {
    super(options.message ?? ERROR_MESSAGES[code]);
    this.name = 'AppFailure';
    this.code = code;
    this.field = options.field;
  }

  toAppError(): AppError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function fail(code: ErrorCode, options?: { field?: string; message?: string }): never {
  throw new AppFailure(code, options);
}

/** Names the first offending field the way a form would: `items.2.title`, or the unknown key itself. */
export function invalidInputFromZod(error: z.ZodError, prefix?: string): AppFailure {
  const issue = error.issues[0];
  const path = issue ? issue.path.map(String) : [];
  if (issue?.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  const field = [prefix, ...path].filter((part) => part !== undefined && part !== '').join('.') || (prefix ?? 'input');
  const reason = issue?.message ?? '';
  return new AppFailure('INVALID_INPUT', {
    field,
    message: reason ? `${ERROR_MESSAGES.INVALID_INPUT}：${field} ${reason}` : ERROR_MESSAGES.INVALID_INPUT,
  });
}
