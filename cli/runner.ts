import type { Command } from 'commander';

import { moduleLogger } from '../core/log/logger.js';
import { SynapseError } from '../shared/errors.js';
import { createContext, type CommandContext, type GlobalOptions } from './context.js';
import { resolveVaultPath } from '../core/vault/paths.js';
import { classifyError, reportError } from './output.js';

const log = moduleLogger('cli');

// Commander passes positional arguments, then the options object, then the Command itself.
export type Action = (context: CommandContext, ...args: any[]) => Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Run = (action: Action) => (...args: unknown[]) => Promise<void>;

/**
 * Wraps a command action: builds the context from the global options and turns any error into
 * its message and exit status.
 */
export const run: Run =
  (action) =>
  async (...args) => {
    const command = args[args.length - 1] as Command;
    const globals = command.optsWithGlobals<GlobalOptions>();
    const json = globals.json === true;

    try {
      const context = createContext(globals);
      await action(context, ...args.slice(0, -1));
    } catch (caught) {
      const error = classifyError(caught, resolveVaultPath(globals.vault));
      if (!(error instanceof SynapseError)) log.error({ err: error }, 'command failed');
      process.exitCode = reportError(error, json);
    }
  };
