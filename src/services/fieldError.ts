import { ERROR_MESSAGES } from '../../types/errors';
import type { AppError } from '../../types/result';

/** The server's INVALID_INPUT message repeats the generic head and the field path; keep only the reason. */
export function fieldMessage(error: AppError): string {
  const head = `${ERROR_MESSAGES.INVALID_INPUT}：`;
  let message = error.message;
  if (message.startsWith(head)) message = message.slice(head.length);
  if (error.field && message.startsWith(`${error.field} `)) message = message.slice(error.field.length + 1);
  return message || ERROR_MESSAGES.INVALID_INPUT;
}
