import { z } from 'zod';

import { ERROR_CODES, type ErrorCode } from '../errors.js';

/** One field-level problem of a rejected input, keyed by the field's dotted path. */
export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/**
 * The error half of every IPC reply: a stable code from shared/errors.ts and a message that is
 * safe to show. `issues` is present when the input failed its channel schema.
 */
export const ipcErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
});
export interface IpcError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

/** The reply of every channel. contextBridge copies plain data only, so errors travel as values. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function failure(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}
