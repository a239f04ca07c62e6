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

/** Where a form shows problems that belong to none of its fields. */
export const FORM_SLOT = '_form';

/**
 * Which of a form's fields a server error names: `draft.title` (an update's input nests the draft),
 * `title` and `items.2.title` all point at their top field; anything else is the form's own problem.
 */
export function errorSlot(field: string, formFields: readonly string[]): string {
  const top = field.replace(/^draft\./, '').split('.')[0] ?? field;
  return formFields.includes(top) ? top : FORM_SLOT;
}
