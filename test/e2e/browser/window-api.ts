// Runs in the page before the renderer, as the e2e stand-in for the preload. It builds
// window.api with the same buildWindowApi the preload uses, over a Playwright binding instead
// of Electron's IPC. Bundled to one script by bundleBrowserApi() in harness/build.ts.
import '../../../shared/ipc/zod-jitless.js';

import type { JobProgress } from '../../../shared/ipc/jobs.js';
import { buildWindowApi, type ProgressListener } from '../../../shared/ipc/window-api.js';

interface HarnessWindow {
  /** Playwright binding into the handler table of the test process. */
  __synapseInvoke(channel: string, input: unknown): Promise<unknown>;
  /** Called by the test process with each progress event of a job. */
  __synapseProgress?(progress: JobProgress): void;
  api?: unknown;
}

const harness = window as unknown as HarnessWindow;
const listeners = new Set<ProgressListener>();

harness.__synapseProgress = (progress) => {
  for (const listener of listeners) listener(progress);
};

Object.defineProperty(window, 'api', {
  value: Object.freeze(
    buildWindowApi({
      invoke: (channel, input) => harness.__synapseInvoke(channel, input),
      subscribeProgress: (listener) => {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    }),
  ),
  writable: false,
  configurable: false,
});
