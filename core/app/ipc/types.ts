import type { z } from 'zod';

import type { DomainName, IpcContract } from '../../../shared/ipc/contract.js';
import type { ChannelDefinition } from '../../../shared/ipc/define.js';
import type { JobProgress } from '../../../shared/ipc/jobs.js';
import type { IpcResult } from '../../../shared/ipc/result.js';

/** Caller of a channel, as main identifies it after checking the sender frame. */
export interface HandlerContext {
  /** Id of the sending window's webContents; granted paths and jobs are kept per window. */
  windowId: number;
  /** Sends a progress event to the window that started the job. */
  emitProgress(progress: JobProgress): void;
}

/** A channel's handler as main and the e2e harness call it: raw input in, envelope out. */
export type ChannelHandler = (
  input: unknown,
  context: HandlerContext,
) => Promise<IpcResult<unknown>>;

/** The typed work behind one channel: parsed input in, a value for the output schema out. */
export type Implementation<Channel> =
  Channel extends ChannelDefinition<infer Input, infer Output>
    ? (
        input: z.output<Input>,
        context: HandlerContext,
      ) => Promise<z.input<Output>> | z.input<Output>
    : never;

export type DomainImplementation<Domain extends DomainName> = {
  [Action in keyof IpcContract[Domain]]: Implementation<IpcContract[Domain][Action]>;
};

export type ContractImplementation = {
  [Domain in DomainName]: DomainImplementation<Domain>;
};
