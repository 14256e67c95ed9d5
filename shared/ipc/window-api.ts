import type { z } from 'zod';

import { IPC_CONTRACT, type DomainName, type IpcContract } from './contract.js';
import type { ChannelDefinition } from './define.js';
import type { JobProgress } from './jobs.js';
import type { IpcResult } from './result.js';

/** One window.api method: input as the channel schema accepts it, the envelope of its output. */
export type ApiMethod<Channel> =
  Channel extends ChannelDefinition<infer Input, infer Output>
    ? undefined extends z.input<Input>
      ? () => Promise<IpcResult<z.output<Output>>>
      : (input: z.input<Input>) => Promise<IpcResult<z.output<Output>>>
    : never;

export type DomainApi<Domain extends DomainName> = {
  readonly [Action in keyof IpcContract[Domain]]: ApiMethod<IpcContract[Domain][Action]>;
};

export type ProgressListener = (progress: JobProgress) => void;

/** The whole of what the renderer can reach in main: window.api. */
export type WindowApi = { readonly [Domain in DomainName]: DomainApi<Domain> } & {
  readonly jobs: DomainApi<'jobs'> & {
    /** Receives progress events of this window's jobs; returns the function that unsubscribes. */
    onProgress(listener: ProgressListener): () => void;
  };
};

/** Transport of window.api calls: Electron's ipcRenderer in the preload, a test binding in e2e. */
export interface ApiTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribeProgress(listener: ProgressListener): () => void;
}

/**
 * Builds window.api from the contract: one function per channel that sends the channel name and
 * the input, and nothing else. The input is validated in main, not here, because a compromised
 * renderer could skip any check made on its side.
 */
export function buildWindowApi(transport: ApiTransport): WindowApi {
  const api: Record<string, Record<string, unknown>> = {};

  for (const [domain, channels] of Object.entries(IPC_CONTRACT)) {
    const methods: Record<string, unknown> = {};
    for (const [action, definition] of Object.entries(channels)) {
      const name = (definition as ChannelDefinition).name;
      methods[action] = (input?: unknown) => transport.invoke(name, input);
    }
    api[domain] = methods;
  }

  const jobs = api.jobs as Record<string, unknown>;
  jobs.onProgress = (listener: ProgressListener) => {
    if (typeof listener !== 'function') throw new TypeError('onProgress expects a function');
    return transport.subscribeProgress(listener);
  };

  return api as unknown as WindowApi;
}
