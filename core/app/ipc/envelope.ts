import type { z } from 'zod';

import { toVaultError } from '../../vault/database.js';
import { SynapseError } from '../../../shared/errors.js';
import type { ChannelDefinition } from '../../../shared/ipc/define.js';
import { failure, ok, type IpcError, type IpcResult } from '../../../shared/ipc/result.js';
import { moduleLogger } from '../../log/logger.js';
import type { ChannelHandler, HandlerContext } from './types.js';

const log = moduleLogger('ipc');

const MAX_ISSUES_IN_MESSAGE = 5;

/**
 * Wraps one implementation into a channel handler: parses the input with the channel's schema,
 * runs the implementation, parses the value with the output schema, and returns the envelope.
 * Errors of the implementation are caught, so every reply is an envelope.
 */
export function wrapChannel(
  definition: ChannelDefinition,
  implementation: (input: unknown, context: HandlerContext) => unknown,
): ChannelHandler {
  return async (rawInput, context) => {
    const input = definition.input.safeParse(rawInput);
    if (!input.success) {
      return failure(invalidInput(definition.name, input.error));
    }

    // TODO: check the caller's role here once the vault has local users and roles.
    let value: unknown;
    try {
      value = await implementation(input.data, context);
    } catch (error) {
      return failure(toIpcError(definition.name, error));
    }

    const output = definition.output.safeParse(value);
    if (!output.success) {
      // Paths and codes only: a message or input of an issue could carry a record's content.
      log.error(
        {
          channel: definition.name,
          issues: output.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            code: issue.code,
          })),
        },
        'IPC handler returned a value that does not match its output schema',
      );
      return failure(internalError(definition.name));
    }
    return ok(output.data) as IpcResult<unknown>;
  };
}

/**
 * Turns a thrown error into the envelope's error. A SynapseError keeps its code and message,
 * which are written to be shown. Anything else is logged and reported as INTERNAL, so its stack
 * trace, SQL or native message does not reach the renderer.
 */
export function toIpcError(channelName: string, error: unknown): IpcError {
  if (error instanceof SynapseError) {
    return { code: error.code, message: error.message };
  }
  const vaultError = toVaultError(error, null);
  if (vaultError !== null) {
    log.error({ err: error, channel: channelName }, 'IPC handler failed on the vault file');
    return { code: vaultError.code, message: vaultError.message };
  }
  log.error({ err: error, channel: channelName }, 'IPC handler failed with an unexpected error');
  return internalError(channelName);
}

function internalError(channelName: string): IpcError {
  return {
    code: 'INTERNAL',
    message:
      `An unexpected error stopped ${channelName}. Nothing else was changed by this request; ` +
      'the application log has the details.',
  };
}

function invalidInput(channelName: string, error: z.ZodError): IpcError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const listed = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`));
  const more =
    issues.length > MAX_ISSUES_IN_MESSAGE
      ? ` and ${issues.length - MAX_ISSUES_IN_MESSAGE} more`
      : '';
  return {
    code: 'INVALID_INPUT',
    message: `Invalid input for ${channelName}: ${listed.join('; ')}${more}.`,
    issues,
  };
}
