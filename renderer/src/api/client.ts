import type { ErrorCode } from '../../../shared/errors.js';
import type { FieldIssue, IpcResult } from '../../../shared/ipc/result.js';
import type { WindowApi } from '../../../shared/ipc/window-api.js';

/** A failed window.api call, with the stable code and the message main sent. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NO_BRIDGE';
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode | 'NO_BRIDGE', message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
}

/** Returns window.api, or throws when the page runs without the preload (a plain browser). */
export function api(): WindowApi {
  const bridge = (window as { api?: WindowApi }).api;
  if (bridge === undefined) {
    throw new ApiError(
      'NO_BRIDGE',
      'The console runs without its desktop bridge, so it cannot reach the vault. Start it as the ' +
        'Synapse Compliance Console application.',
    );
  }
  return bridge;
}

/** Awaits an envelope and returns its value, or throws its error as an ApiError. */
export async function unwrap<T>(reply: Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await reply;
  } catch (error) {
    // Main rejects a call only when the sender check fails or the bridge itself broke.
    throw new ApiError('INTERNAL', error instanceof Error ? error.message : String(error));
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.issues ?? []);
}

/** Returns the message to show for any error a call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return String(error);
}

/** Creates a job id for a long-running call; secure contexts (app://, 127.0.0.1) have the API. */
export function newJobId(): string {
  return crypto.randomUUID();
}
