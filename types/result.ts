import * as z from 'zod';
import { ERROR_CODES, type ErrorCode } from './errors';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** The input field at fault, dotted (`items.2.title`), for INVALID_INPUT and the like. */
  field?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** The event every function receives (ARCHITECTURE.md, "Errors and the result shape"). */
export const functionEventSchema = z.object({
  action: z.string(),
  input: z.unknown().optional(),
});
export type FunctionEvent = z.infer<typeof functionEventSchema>;

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  field: z.string().optional(),
});
